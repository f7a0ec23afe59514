"""Readouts from web pages: fetched from the local site, parsed as any text, bad pages refused whole."""

import pytest

from readouts.models import Readout, ReadoutRevision, SourcePage
from readouts.sources.pages import import_address
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db


def test_a_page_becomes_a_readout_with_its_metadata_and_source(site, fetcher):
    canonical = "https://www.example.org/news/berg-meets-lind"
    site.serve("/news/berg-meets-lind?utm=feed", readout_page(MEETING, canonical=canonical))

    result = import_address(site.url("/news/berg-meets-lind?utm=feed"), fetcher)

    assert result.outcome == "created", result.error
    readout = Readout.objects.get()
    assert readout.title == "Foreign Minister Anna Berg meets Foreign Minister Tomas Lind"
    assert readout.source_url == canonical
    assert readout.published_date.isoformat() == "2024-03-05"
    assert readout.meeting_date.isoformat() == "2024-03-04"
    assert readout.publisher
    texts = list(readout.statements.values_list("text", flat=True))
    assert texts[-1] == MEETING[-1]
    assert not any("Privacy" in text or "About us" in text for text in texts)
    assert {p.person.name for p in readout.participations.all()} >= {"Anna Berg", "Tomas Lind"}
    page = SourcePage.objects.get()
    assert page.canonical_url == canonical
    assert ReadoutRevision.objects.get().number == 1


def test_a_redirect_is_followed_and_the_page_known_by_its_canonical_address(site, fetcher):
    site.serve("/old/berg", Reply(status=301, headers={"Location": "/news/berg"}, conditional=False))
    site.serve("/news/berg", readout_page(MEETING, canonical=site.url("/news/berg")))

    assert import_address(site.url("/old/berg"), fetcher).outcome == "created"
    assert import_address(site.url("/news/berg"), fetcher).outcome == "unchanged"

    assert Readout.objects.get().source_url == site.url("/news/berg")
    assert SourcePage.objects.get().url == site.url("/news/berg")  # where the redirect led


def test_a_page_in_its_own_charset_is_read_in_it(site, fetcher):
    paragraphs = [MEETING[0].replace("Tomas Lind", "Tomás Lind").replace("–", "-"), *MEETING[1:]]
    page = readout_page(paragraphs, charset="iso-8859-1").encode("iso-8859-1")
    site.serve("/latin", Reply(page, content_type="text/html"))

    result = import_address(site.url("/latin"), fetcher)

    assert result.outcome == "created", result.error
    assert "Tomás Lind" in Readout.objects.get().raw_text


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (Reply("<html><body><p>Gone</p></body></html>", status=404), "the server answered 404 Not Found"),
        (Reply("<html><body><p>Gone</p></body></html>", status=410), "the server answered 410 Gone"),
        (Reply(b"%PDF-1.7 ...", content_type="application/pdf"), "not a web page but application/pdf"),
        (Reply("<p>" + "word " * 1_200_000 + "</p>"), "too large"),
        (
            Reply(readout_page(["Tomás Lind met Anna Berg."] * 9).encode("iso-8859-1"), content_type="text/html"),
            "the page says it is in utf-8 but is not",
        ),
        (Reply(readout_page(MEETING), delay=1.5), "no answer in time (time-out)"),
        (Reply("<html><body><p>Page not available.</p></body></html>"), "no readout on the page"),
        (Reply(status=500, body="oops"), "the server answered 500 Internal Server Error"),
    ],
    ids=["404", "410", "pdf", "huge", "wrong-charset", "slow", "stub", "500"],
)
def test_a_bad_page_is_refused_with_its_address_and_reason_and_saves_nothing(site, fetcher, reply, reason):
    site.serve("/bad", reply)

    result = import_address(site.url("/bad"), fetcher)

    assert result.outcome == "failed"
    assert result.label == site.url("/bad")
    assert result.error.startswith(reason)
    assert not Readout.objects.exists()
    assert not SourcePage.objects.exists()


def test_a_server_error_is_retried_until_the_page_comes(site, fetcher):
    site.serve(
        "/flaky", [Reply(status=503, body="busy"), Reply(status=500, body="oops"), Reply(readout_page(MEETING))]
    )

    assert import_address(site.url("/flaky"), fetcher).outcome == "created"
    assert site.paths_requested().count("/flaky") == 3


def test_robots_txt_is_respected(site, fetcher):
    site.serve("/robots.txt", Reply("User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    site.serve("/private/berg", readout_page(MEETING))

    result = import_address(site.url("/private/berg"), fetcher)

    assert result.outcome == "failed"
    assert "robots.txt" in result.error
    assert "/private/berg" not in site.paths_requested()


def test_a_changed_page_is_a_new_revision_of_the_same_readout(site, fetcher):
    site.serve("/berg", readout_page(MEETING))
    import_address(site.url("/berg"), fetcher)
    revised = [*MEETING[:2], MEETING[2].replace("research", "research and defence"), MEETING[3]]
    site.serve("/berg", readout_page(revised))

    result = import_address(site.url("/berg"), fetcher)

    assert result.outcome == "revised", result.error
    readout = Readout.objects.get()
    assert [revision.number for revision in readout.revisions.all()] == [1, 2]
    first, second = readout.revisions.all()
    assert "research and defence" not in first.text
    assert "research and defence" in second.text == readout.raw_text
    assert "research and defence" in readout.statements.get(position=3).text


def test_an_edited_field_stays_when_the_page_is_revised(site, fetcher):
    site.serve("/berg", readout_page(MEETING))
    import_address(site.url("/berg"), fetcher)
    Readout.objects.update(title="Berg and Lind in Oslo", edited_fields=["title"])
    site.serve("/berg", readout_page([*MEETING, "Both sides also discussed fisheries in the Barents Sea at length."]))

    assert import_address(site.url("/berg"), fetcher).outcome == "revised"
    assert Readout.objects.get().title == "Berg and Lind in Oslo"


@pytest.mark.parametrize(
    "gone",
    [
        Reply("<html><body><p>Gone</p></body></html>", status=410),
        Reply("<html><body><p>Page moved.</p></body></html>"),
    ],
    ids=["410", "stub"],
)
def test_a_page_gone_or_turned_stub_is_marked_removed_and_keeps_its_text(site, fetcher, gone):
    site.serve("/berg", readout_page(MEETING))
    import_address(site.url("/berg"), fetcher)
    site.serve("/berg", gone)

    result = import_address(site.url("/berg"), fetcher)

    assert result.outcome == "removed"
    page = SourcePage.objects.get()
    assert page.removed_at is not None
    assert page.readout.statements.count() == len(MEETING)
    assert page.readout.revisions.count() == 1
