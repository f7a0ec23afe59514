"""The pages that help a reader find their way: the search box on every page, the help page with what the archive
holds, and the API's documentation for people."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from readouts.api_docs import describe_api, type_of
from tests.factories import make_readout

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/readouts/", "/people/", "/countries/", "/help/", "/api/docs/", "/nowhere/"])
def test_every_page_has_a_search_box_in_its_header(client, archive, url):
    page = client.get(url).content.decode()
    header = page.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert re.search(
        r'<form class="header-search" role="search" aria-label="Search the archive" method="get" '
        r'action="/search/">',
        header,
    )
    assert '<input id="site-q" name="q" type="search"' in header


def test_the_search_page_keeps_the_query_in_the_header_box(client, archive):
    page = client.get("/search/", {"q": "neighbours"}).content.decode()
    assert (
        'id="site-q" name="q" type="search" placeholder="Search readouts" autocomplete="off" maxlength="500" '
        'value="neighbours"' in page
    )


def test_help_explains_search_and_counts_the_holdings_per_language_and_publisher(client, archive):
    cache.clear()
    page = client.get(reverse("readouts:help")).content.decode()
    for heading in ("Words, phrases and exclusions", "Questions about what someone said", "Languages"):
        assert heading in page
    assert "6 readouts with 8 paragraphs" in page
    languages = page.split("<caption>Readouts per language</caption>", 1)[1].split("</table>", 1)[0]
    assert re.search(r">English</a></th><td class=\"num\">5</td>", languages)
    assert re.search(r">Russian</a></th><td class=\"num\">1</td>", languages)
    publishers = page.split("<caption>Readouts per publisher</caption>", 1)[1].split("</table>", 1)[0]
    assert re.search(r"publisher=Akorda\">Akorda</a></th><td class=\"num\">3</td>", publishers)
    assert "Generated" not in languages, "no generated column when there is no demo readout"


def test_help_figures_are_cached_then_refreshed(client, archive, django_assert_max_num_queries):
    cache.clear()
    client.get("/help/")
    make_readout(title="One more", language="fr")
    with django_assert_max_num_queries(0):
        assert "6 readouts" in client.get("/help/").content.decode()
    cache.clear()
    assert "7 readouts" in client.get("/help/").content.decode()


def test_the_api_documentation_lists_every_address_parameter_and_field_of_the_schema(client, archive):
    api = describe_api()
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    text = page.content.decode()
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    for path, methods in schema["paths"].items():
        for method in methods:
            assert f"<code>{method.upper()} {path}</code>" in text
    readouts = next(o for o in api.operations if o.path == "/api/readouts/")
    assert {"q", "country", "counterpart", "page_size"} <= {p.name for p in readouts.parameters}
    assert "<code>page_size</code>" in text and "One of <code>newest</code>" in text
    readout = next(s for s in api.schemas if s.name == "Readout")
    participants = next(f for f in readout.fields if f.name == "participants")
    assert (participants.type, participants.ref) == ("list of Participant", "Participant")
    assert '<a href="#schema-Participant">list of Participant</a>' in text
    assert 'id="schema-ReadoutDetail"' in text


def test_schema_types_read_as_words():
    assert type_of({"type": "string", "format": "date"}) == ("date (YYYY-MM-DD)", "")
    assert type_of({"oneOf": [{"type": "string", "format": "uri"}, {"type": "string"}]}) == (
        "address (URL) or text",
        "",
    )
    assert type_of({"allOf": [{"$ref": "#/components/schemas/Country"}]}) == ("Country", "Country")
