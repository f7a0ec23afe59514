"""Several publishers at once, each politely: two loopback hosts fetched at the same time, each one request at
a time with its delay; sitemap indexes and gzip sitemaps."""

import gzip

import pytest

from readouts.models import Readout, Source
from readouts.sources.fetching import Fetcher, FetchError, gunzip_limited
from readouts.sources.pages import import_addresses
from readouts.sources.watching import check_source
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db

DELAY = 0.15


def meeting_in(city: str) -> list[str]:
    return [MEETING[0].replace("in Oslo", f"in {city}"), *MEETING[1:]]


def overlaps(first, second) -> bool:
    return first[1] < second[2] and second[1] < first[2]


def test_two_hosts_are_fetched_at_the_same_time_and_each_one_request_at_a_time(site, other_site):
    cities = ["Bergen", "Alta", "Narvik"]
    for host in (site, other_site):
        for city in cities:
            host.serve(f"/news/{city}", Reply(readout_page(meeting_in(city), title=f"Talks in {city}"), delay=0.1))
    urls = [host.url(f"/news/{city}") for city in cities for host in (site, other_site)]

    with Fetcher(delay=DELAY, retries=0) as fetcher:
        outcomes = [(result.outcome, result.error) for result in import_addresses(urls, fetcher)]

    assert outcomes == [("created", "")] * 6
    assert Readout.objects.count() == 6
    for host in (site, other_site):
        visits = sorted(host.timings, key=lambda timing: timing[1])
        assert [path for path, *_ in visits][0] == "/robots.txt"
        for before, after in zip(visits, visits[1:], strict=False):
            assert after[1] >= before[2], f"two requests at once to {host.host}"
            assert after[1] - before[2] >= DELAY * 0.9, f"no delay between two requests to {host.host}"
    assert any(overlaps(a, b) for a in site.timings for b in other_site.timings), "the hosts were not fetched together"


def test_a_crawl_delay_in_robots_txt_slows_only_its_host(site, other_site):
    site.serve("/robots.txt", Reply("User-agent: *\nCrawl-delay: 1\n", content_type="text/plain"))
    for host in (site, other_site):
        host.serve("/a", readout_page(MEETING))
        host.serve("/b", readout_page(MEETING))

    with Fetcher(delay=0, retries=0) as fetcher:
        for future in [fetcher.submit(host.url(path)) for host in (site, other_site) for path in ("/a", "/b")]:
            future.result()

    def gaps(host):
        visits = sorted(host.timings, key=lambda timing: timing[1])
        return [after[1] - before[2] for before, after in zip(visits, visits[1:], strict=False)]

    assert min(gaps(site)) >= 0.9
    assert max(gaps(other_site)) < 0.9


def sitemap(site, paths) -> str:
    locs = "".join(f"<url><loc>{site.url(path)}</loc></url>" for path in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'


def test_a_sitemap_index_gives_the_pages_of_each_of_its_sitemaps_gzipped_or_not(site):
    site.serve("/news/bergen", readout_page(meeting_in("Bergen"), title="Talks in Bergen"))
    site.serve("/news/narvik", readout_page(meeting_in("Narvik"), title="Talks in Narvik"))
    site.serve("/sitemap-2024.xml", Reply(sitemap(site, ["/news/bergen"]), content_type="application/xml"))
    site.serve(
        "/sitemap-2023.xml.gz",
        Reply(gzip.compress(sitemap(site, ["/news/narvik"]).encode()), content_type="application/octet-stream"),
    )
    site.serve(
        "/sitemap.xml",
        Reply(
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>/sitemap-2024.xml</loc></sitemap><sitemap><loc>/sitemap-2023.xml.gz</loc></sitemap>"
            "</sitemapindex>",
            content_type="application/xml",
        ),
    )
    source = Source.objects.create(name="Ministry sitemap", kind="sitemap", url=site.url("/sitemap.xml"))

    with Fetcher(delay=0, retries=0) as fetcher:
        summary = check_source(source, fetcher)

    assert summary.line() == "Ministry sitemap: 2 new, 0 revised, 0 unchanged, 0 removed, 0 failed"
    assert set(Readout.objects.values_list("title", flat=True)) == {"Talks in Bergen", "Talks in Narvik"}
    assert "/sitemap-2023.xml.gz" in site.paths_requested()


def test_a_gzip_file_that_unpacks_too_large_is_refused():
    bomb = gzip.compress(b"<" * 200_000)
    with pytest.raises(FetchError, match="too large once unpacked"):
        gunzip_limited(bomb, "http://127.0.0.1/sitemap.xml.gz", 100_000)
    with pytest.raises(FetchError, match="not a readable gzip file"):
        gunzip_limited(b"\x1f\x8bnonsense", "http://127.0.0.1/sitemap.xml.gz", 100_000)
