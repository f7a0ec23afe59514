"""The Atom feed of what the publishers changed: one entry per revision (linking its changes) and per removal
(linking the readout), of all readouts or of one, marked when generated, answering conditional requests."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from readouts.models import Readout, SourcePage
from readouts.sources.pages import import_address
from tests.factories import make_readout
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
REVISED = [MEETING[0], "The ministers discussed the situation in Ukraine.", MEETING[1], MEETING[2] + " Warmly."]
SECOND = [
    "BERGEN, 6 March 2024 – Foreign Minister Anna Berg of Norway received Foreign Minister Petra Holm of Finland "
    "in Bergen on Wednesday for talks on Arctic cooperation.",
    "Berg said that the two countries would deepen cooperation on search and rescue in the Arctic.",
    "Holm thanked Norway for its hospitality and invited Berg to Helsinki.",
]


def entries(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    return [
        {
            "id": entry.find(f"{ATOM}id").text,
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.find(f"{ATOM}summary").text,
        }
        for entry in feed.iter(f"{ATOM}entry")
    ]


@pytest.fixture
def changed(site, fetcher):
    """Berg–Lind revised once, then Berg–Holm removed (410)."""
    site.serve("/berg-lind", readout_page(MEETING))
    site.serve("/berg-holm", readout_page(SECOND, title="Foreign Minister Anna Berg receives Petra Holm"))
    import_address(site.url("/berg-lind"), fetcher)
    import_address(site.url("/berg-holm"), fetcher)
    site.serve("/berg-lind", readout_page(REVISED))
    assert import_address(site.url("/berg-lind"), fetcher).outcome == "revised"
    site.serve("/berg-holm", Reply("<html><body><p>Gone</p></body></html>", status=410))
    assert import_address(site.url("/berg-holm"), fetcher).outcome == "removed"
    return Readout.objects.get(source_url=site.url("/berg-lind")), Readout.objects.get(
        source_url=site.url("/berg-holm")
    )


def test_the_feed_has_one_entry_per_revision_and_removal_newest_first(client, changed, site):
    lind, holm = changed

    removal, revision = entries(client.get("/feeds/revisions.atom"))

    assert removal["title"] == "Removed by the publisher: Foreign Minister Anna Berg receives Petra Holm"
    assert removal["link"] == f"http://testserver{holm.get_absolute_url()}"
    assert f"The page {site.url('/berg-holm')} was found removed" in removal["summary"]
    assert "the server answered 410" in removal["summary"]
    assert revision["title"] == f"Revised by the publisher: {lind.title}"
    assert revision["link"] == f"http://testserver{lind.get_absolute_url()}changes/?from=1&to=2"
    assert "Revision 2 of the page" in revision["summary"]
    assert "1 paragraph changed, 1 added, 1 removed" in revision["summary"]
    assert client.get(revision["link"]).status_code == 200  # the diff page it links


def test_a_readouts_own_feed_has_only_its_changes(client, changed):
    lind, holm = changed

    (only,) = entries(client.get(f"/feeds/readouts/{lind.pk}/revisions.atom"))

    assert only["title"].startswith("Revised by the publisher")
    assert client.get("/feeds/readouts/999999/revisions.atom").status_code == 404
    assert [e["title"] for e in entries(client.get(f"/feeds/readouts/{holm.pk}/revisions.atom"))] == [
        "Removed by the publisher: Foreign Minister Anna Berg receives Petra Holm"
    ]


def test_a_generated_readout_is_marked_in_the_feed(client):
    readout = make_readout(title="Invented talks", is_generated=True)
    now = timezone.now()
    SourcePage.objects.create(
        readout=readout,
        canonical_url="https://generated.example/talks",
        url="https://generated.example/talks",
        last_fetched_at=now,
        removed_at=now,
        removal_reason="the server answered 404",
    )

    (entry,) = entries(client.get("/feeds/revisions.atom"))

    assert entry["title"] == "[Generated demo] Removed by the publisher: Invented talks"
    assert "Generated demo readout" in entry["summary"]


def test_the_feed_answers_conditional_requests_and_changes_with_a_removal(client, changed, site, fetcher):
    first = client.get("/feeds/revisions.atom")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/feeds/revisions.atom", headers={"if-none-match": first["ETag"]}).status_code == 304

    site.serve("/berg-lind", Reply("<html><body><p>Gone</p></body></html>", status=404))
    import_address(site.url("/berg-lind"), fetcher)

    again = client.get("/feeds/revisions.atom", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert len(entries(again)) == 3


def test_the_feed_takes_a_fixed_number_of_queries(client, changed, site, fetcher, django_assert_max_num_queries):
    for number in range(3):
        site.serve("/berg-lind", readout_page([*REVISED, f"They spoke for {number + 2} hours."]))
        import_address(site.url("/berg-lind"), fetcher)
    with django_assert_max_num_queries(5):  # two aggregates, revisions, removals, the revisions before
        assert len(entries(client.get("/feeds/revisions.atom"))) == 5


def test_the_readout_page_and_help_link_the_feeds(client, changed):
    lind, _ = changed
    page = client.get(lind.get_absolute_url()).content.decode()
    feed = f"/feeds/readouts/{lind.pk}/revisions.atom"
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="What the publisher changed in this readout (Atom)" href="{feed}">' in page
    )
    assert f'href="{feed}">Follow what the publisher changes in this readout</a>' in page
    assert "found through" not in page  # imported by address, not through a source

    help_page = client.get("/help/").content.decode()
    assert (
        'rel="alternate" type="application/atom+xml" title="What the publishers changed (Atom)" '
        'href="/feeds/revisions.atom"' in help_page
    )
