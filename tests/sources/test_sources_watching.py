"""fetch_sources against the local site: feeds, sitemaps and listings, revisions, failures kept on the source."""

import datetime
import io
import sys

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from readouts.models import Readout, Source
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db

SECOND = [
    "BERGEN, 6 March 2024 – Foreign Minister Anna Berg of Norway received Foreign Minister Petra Holm of Finland "
    "in Bergen on Wednesday for talks on Arctic cooperation.",
    "Berg said that the two countries would deepen cooperation on search and rescue in the Arctic.",
    "Holm thanked Norway for its hospitality and invited Berg to Helsinki.",
]


def rss(site, paths):
    items = "".join(f"<item><title>Item</title><link>{site.url(path)}</link></item>" for path in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>'


def run(*args):
    out = io.StringIO()
    try:
        call_command("fetch_sources", *args, "--delay", "0", stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return out.getvalue() + f"\nERROR {error}"
    return out.getvalue()


@pytest.fixture
def published(site):
    site.serve("/news/berg-lind", readout_page(MEETING))
    site.serve("/news/berg-holm", readout_page(SECOND, title="Foreign Minister Anna Berg receives Petra Holm"))
    site.serve(
        "/feed.xml", Reply(rss(site, ["/news/berg-lind", "/news/berg-holm"]), content_type="application/rss+xml")
    )
    return site


def test_a_feed_brings_new_readouts_then_revisions(published):
    site = published
    Source.objects.create(name="Ministry news", kind="feed", url=site.url("/feed.xml"))

    assert "Ministry news: 2 new, 0 revised, 0 unchanged, 0 removed, 0 failed" in run()
    assert Readout.objects.count() == 2
    assert set(Readout.objects.values_list("page__source__name", flat=True)) == {"Ministry news"}

    site.serve("/news/berg-lind", readout_page([*MEETING[:3], "They will meet again in Tromsø in June."]))
    requests_before = len(site.requests)
    assert "Ministry news: 0 new, 1 revised, 1 unchanged, 0 removed, 0 failed" in run("--all")

    asked = [(path, headers) for path, headers in site.requests[requests_before:] if path != "/robots.txt"]
    assert {path for path, _ in asked} == {"/feed.xml", "/news/berg-lind", "/news/berg-holm"}
    assert all("If-None-Match" in headers for _, headers in asked)
    assert Readout.objects.get(source_url=site.url("/news/berg-lind")).revisions.count() == 2


def test_a_sitemap_and_a_listing_give_their_pages(published):
    site = published
    site.serve(
        "/sitemap.xml",
        Reply(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.url('/news/berg-lind')}</loc></url></urlset>",
            content_type="application/xml",
        ),
    )
    site.serve(
        "/news/",
        '<html><body><a href="/news/berg-holm">Berg receives Holm</a> <a href="https://elsewhere.example/">x</a>'
        '<a href="/about/">About</a></body></html>',
    )
    Source.objects.create(name="A sitemap", kind="sitemap", url=site.url("/sitemap.xml"))
    Source.objects.create(name="B listing", kind="listing", url=site.url("/news/"), link_pattern="/news/")

    out = run()

    assert "A sitemap: 1 new" in out
    assert "B listing: 1 new" in out
    assert Readout.objects.count() == 2


def test_a_failing_source_keeps_the_reason_and_the_others_go_on(published):
    site = published
    site.serve("/broken.xml", Reply("oops", status=500))
    broken = Source.objects.create(name="A broken", kind="feed", url=site.url("/broken.xml"))
    Source.objects.create(name="B news", kind="feed", url=site.url("/feed.xml"))

    out = run()

    assert "A broken: failed: the server answered 500 Internal Server Error" in out
    assert "B news: 2 new" in out
    assert "ERROR 1 of 2 sources failed" in out
    broken.refresh_from_db()
    assert "500 Internal Server Error" in broken.last_error
    assert broken.last_error_at is not None


def test_only_due_and_active_sources_are_fetched(published):
    site = published
    Source.objects.create(
        name="Recent",
        kind="feed",
        url=site.url("/feed.xml"),
        last_checked_at=timezone.now() - datetime.timedelta(hours=1),
    )
    Source.objects.create(name="Inactive", kind="feed", url=site.url("/other.xml"), active=False)

    assert run().strip() == "No source is due."
    assert "/feed.xml" not in site.paths_requested()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_progress_bar_on_a_terminal_and_plain_summary_lines_elsewhere(published, monkeypatch):
    Source.objects.create(name="Ministry news", kind="feed", url=published.url("/feed.xml"))
    screen, out = Terminal(), Terminal()
    monkeypatch.setattr(sys, "stderr", screen)

    call_command("fetch_sources", "--delay", "0", stdout=out)

    assert "2/2" in screen.getvalue() and "page" in screen.getvalue()  # tqdm's "2/2 [00:00, … page/s]"
    assert "Ministry news: 2 new" in out.getvalue()

    piped, log = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", log)
    call_command("fetch_sources", "--all", "--delay", "0", stdout=piped)

    assert log.getvalue() == ""
    assert piped.getvalue() == "Ministry news: 0 new, 0 revised, 2 unchanged, 0 removed, 0 failed\n"
