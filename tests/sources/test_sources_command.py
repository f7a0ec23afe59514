"""import_readouts with web addresses: pages fetched from the local site, a summary line, failures named."""

import io
from pathlib import Path

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


PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def test_a_saved_page_imports_as_a_fetched_one_and_a_later_save_is_a_revision(tmp_path):
    out, err, failure = run(str(PAGES / "berg_lind.html"))

    assert "1 created" in out, err
    readout = Readout.objects.get()
    assert readout.source_url == "https://www.example.org/news/berg-meets-lind"
    assert readout.title == "Foreign Minister Anna Berg meets Foreign Minister Tomas Lind"
    assert "Privacy" not in readout.raw_text

    later = tmp_path / "berg_lind_later.html"
    later.write_text((PAGES / "berg_lind.html").read_text().replace("in the autumn", "in October"))
    out, err, failure = run(str(later))

    assert "1 revised" in out, err
    assert Readout.objects.get().revisions.count() == 2
