"""Bad input never makes a 5xx: a small, seeded sample of the probes that bench/crawl_bad_input.py (`make fuzz`)
sends to the whole site, over the shared small archive. The mutations live in bench/mutations.py."""

import importlib.util
import random
import traceback
from pathlib import Path

import pytest
from django.test import Client

spec = importlib.util.spec_from_file_location(
    "bench_mutations", Path(__file__).resolve().parent.parent / "bench" / "mutations.py"
)
mutations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mutations)

pytestmark = pytest.mark.django_db


def targets(archive):
    return mutations.Targets(
        dated_readout=archive.main.get_absolute_url(),
        undated_readout=archive.undated.get_absolute_url(),
        readout_pk=archive.main.pk,
        person_slug=archive.wang.slug,
        country_code="KZ",
    )


def server_errors(probes):
    """(method, url, data, status, traceback) for each probe answered with a 5xx, a streamed body read up to its
    first chunk."""
    client = Client(raise_request_exception=False)
    errors = []
    for probe in probes:
        response = mutations.send(client, probe)
        if response.status_code >= 500:
            problem = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
            errors.append((probe.method, probe.url[:200], probe.data, response.status_code, problem[-2000:]))
    return errors


def test_a_sample_of_bad_input_on_every_page_type_gets_no_server_error(archive):
    probes = list(mutations.site_requests(targets(archive), random.Random(7), values_per_parameter=2))
    kinds = {probe.kind for probe in probes}
    assert {"list", "search", "api-list", "export-readouts-csv", "feed-latest", "cite-bib", "admin-login"} <= kinds
    assert server_errors(probes) == []


@pytest.mark.parametrize(
    "name",
    ["q", "country", "participant", "meeting_date_after", "page", "speaker"],
)
def test_every_bad_value_of_a_search_parameter_gets_no_server_error(archive, name):
    probes = [
        mutations.Probe("search", "GET", "/search/?" + mutations.query(name, value)) for value in mutations.VALUES
    ]
    assert server_errors(probes) == []


# Each of these was a 5xx that `make fuzz` found.
@pytest.mark.parametrize(
    "method, url, data",
    [
        pytest.param("GET", "/api/countries/%00%00/", None, id="nul-in-api-country-code"),
        pytest.param("GET", "/api/schema/?version=%0D%0Ax", None, id="newline-in-schema-version"),
        pytest.param("POST", "/admin/login/", {"username": "x" * 300, "password": "x"}, id="long-admin-username"),
        pytest.param("GET", "/readouts/0000/13/00/x/", None, id="impossible-date-in-address"),
        pytest.param("GET", "/search/?q=%00", None, id="nul-in-search"),
    ],
)
def test_found_bad_input(archive, method, url, data):
    assert server_errors([mutations.Probe("regression", method, url, data)]) == []
