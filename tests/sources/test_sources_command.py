"""import_readouts with web addresses: pages fetched from the local site, a summary line, failures named."""

import io

import pytest
from django.core.management import CommandError, call_command

from readouts.models import Readout
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_readouts", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), ""


def test_import_readouts_fetches_addresses_and_reports_revisions_and_failures(site):
    site.serve("/berg", readout_page(MEETING))
    out, err, failure = run(site.url("/berg"))
    assert "Imported 1: 1 created, 0 updated, 0 unchanged, 0 failed." in out
    assert not failure

    site.serve("/berg", readout_page([*MEETING[:3], "The ministers agreed to meet again in Bergen in May."]))
    site.serve("/missing", Reply("<html><body><p>Not here</p></body></html>", status=404))
    out, err, failure = run(site.url("/berg"), site.url("/missing"))

    assert "1 revised" in out
    assert f"{site.url('/missing')}: the server answered 404 Not Found" in err
    assert failure == "1 of 2 failed"
    assert Readout.objects.get().revisions.count() == 2
