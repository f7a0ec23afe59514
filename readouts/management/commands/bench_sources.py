"""How fast fetch_sources checks unchanged pages, and how fast the revision diff page renders:
``manage.py bench_sources [--pages 1000] [--hosts 20] [--delay 1] [--requests 50]``. Prints figures; asserts
nothing.

Runs against web sites it serves itself on loopback addresses (127.0.0.1, 127.0.0.2, …: Linux routes all of
127.0.0.0/8 to the loopback, and each address is another host to the fetcher; nothing touches the internet),
inside a transaction that it rolls back: the database is left as it was. Two runs, each first importing its
pages through sitemaps with no delay (timed too, but only setting up), then fetching them all again unchanged
as a cron run would (conditional requests, 304):
1. one host, no delay between requests: the fetcher's and the archive's own cost per page;
2. ``--hosts`` publishers, a sitemap each, the pages shared among them, ``--delay`` seconds between two
   requests to one host (the polite default of fetch_sources): the hosts are fetched at the same time, so the
   run takes at least (pages per host) x delay, which the figure is printed beside.
Then it renders the changes page of a 50-paragraph readout revised once.
"""

import statistics
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import Client

from readouts.models import Readout, Source
from readouts.sources.fetching import Fetcher
from readouts.sources.pages import import_address
from readouts.sources.watching import check_source, check_sources

PEOPLE = [("Anna Berg", "Norway"), ("Tomas Lind", "Sweden"), ("Petra Holm", "Finland"), ("Jonas Dahl", "Denmark")]


def bench_page(number: int, paragraphs: int = 4, revised: bool = False) -> str:
    host, guest = PEOPLE[number % 4], PEOPLE[(number + 1) % 4]
    body = [
        f"OSLO, {number % 28 + 1} March 2024 – Foreign Minister {host[0]} of {host[1]} met Foreign Minister "
        f"{guest[0]} of {guest[1]} in Oslo for talks number {number} on energy and security."
    ]
    for index in range(1, paragraphs):
        word = "defence" if revised and index % 5 == 0 else "research"
        body.append(
            f"{host[0].split()[1]} said in point {index} of meeting {number} that the two countries would work "
            f"together on {word}, trade and offshore wind power in the North Sea."
        )
    text = "".join(f"<p>{paragraph}</p>" for paragraph in body)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks</title>'
        '<meta property="og:site_name" content="Ministry of Foreign Affairs">'
        f"</head><body><nav><a href='/'>Home</a></nav><main><article><h1>Talks number {number}</h1>{text}"
        "</article></main><footer>Contact</footer></body></html>"
    )


class BenchSite:
    """One publisher on one loopback address: pages numbered ``numbers``, a sitemap of them."""

    def __init__(self, numbers, host="127.0.0.1", long_page=False):
        self.host = host
        self.pages = {f"/news/{number}": bench_page(number).encode() for number in numbers}
        if long_page:
            self.pages["/news/long"] = bench_page(9999, paragraphs=50).encode()
        self.server = ThreadingHTTPServer((host, 0), self.handler())
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return f"http://{self.host}:{self.server.server_address[1]}{path}"

    def sitemap(self) -> bytes:
        locs = "".join(f"<url><loc>{self.url(path)}</loc></url>" for path in self.pages if path != "/news/long")
        return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                body = site.sitemap() if self.path == "/sitemap.xml" else site.pages.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                kind = "application/xml" if self.path.endswith(".xml") else "text/html; charset=utf-8"
                self.send_header("Content-Type", kind)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time fetch_sources over unchanged pages on local sites (one host; several, politely), and the diff page."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=1000)
        parser.add_argument("--hosts", type=int, default=20, help="publishers for the polite run (default 20)")
        parser.add_argument(
            "--delay", type=float, default=1.0, help="seconds between two requests to one host (default 1)"
        )
        parser.add_argument("--requests", type=int, default=50)

    def handle(self, *args, pages, hosts, delay, requests, **options):
        try:
            with transaction.atomic():
                self.measure_one_host(pages)
                if hosts > 0:
                    self.measure_hosts(pages, hosts, delay)
                self.measure_diff_page(requests)
                raise Rollback
        except Rollback:
            pass

    def measure_one_host(self, pages):
        site = BenchSite(range(pages), long_page=True)
        self.long_page_site = site
        source = Source.objects.create(name="bench_sources (generated)", kind="sitemap", url=site.url("/sitemap.xml"))
        with Fetcher(delay=0, retries=0) as fetcher:
            started = time.perf_counter()
            first = check_source(source, fetcher)
            imported = time.perf_counter() - started
            self.stdout.write(f"one host, first run, {pages} new pages: {imported:.1f} s ({first.line()})")
            started = time.perf_counter()
            second = check_source(source, fetcher)
            unchanged = time.perf_counter() - started
        self.stdout.write(
            f"one host, no delay: fetch_sources over {pages} unchanged pages: {unchanged:.1f} s, "
            f"{1000 * unchanged / max(pages, 1):.1f} ms a page ({second.line()})"
        )

    def measure_hosts(self, pages, hosts, delay):
        """The same number of pages (new texts) spread over ``hosts`` loopback addresses, a sitemap on each."""
        numbers = list(range(100_000, 100_000 + pages))
        sites = [BenchSite(numbers[index::hosts], host=f"127.0.0.{index + 2}") for index in range(hosts)]
        try:
            sources = [
                Source.objects.create(
                    name=f"bench_sources host {index + 2} (generated)", kind="sitemap", url=site.url("/sitemap.xml")
                )
                for index, site in enumerate(sites)
            ]
            with Fetcher(delay=0, retries=0) as fetcher:
                started = time.perf_counter()
                check_sources(sources, fetcher)
                imported = time.perf_counter() - started
            self.stdout.write(f"{hosts} hosts, first run (setup, no delay), {pages} new pages: {imported:.1f} s")
            with Fetcher(delay=delay, retries=0) as fetcher:
                started = time.perf_counter()
                summaries = check_sources(sources, fetcher)
                unchanged = time.perf_counter() - started
        finally:
            for site in sites:
                site.stop()
        counts = sum((summary.counts for summary in summaries), start=Counter())
        busiest = max(len(site.pages) for site in sites) + 2  # its pages, its sitemap and its robots.txt
        floor = (busiest - 1) * delay
        self.stdout.write(
            f"{hosts} hosts, {delay:g} s between two requests to a host: fetch_sources over {pages} unchanged pages: "
            f"{unchanged:.1f} s (at least {floor:.0f} s: {busiest} requests to the busiest host); "
            f"{counts['unchanged']} unchanged, {counts['failed']} failed"
        )

    def measure_diff_page(self, requests):
        site = self.long_page_site
        try:
            with Fetcher(delay=0, retries=0) as fetcher:
                import_address(site.url("/news/long"), fetcher)
                site.pages["/news/long"] = bench_page(9999, paragraphs=50, revised=True).encode()
                import_address(site.url("/news/long"), fetcher)
        finally:
            site.stop()
        readout = Readout.objects.get(source_url=site.url("/news/long"))
        url = f"{readout.get_absolute_url()}changes/"
        client = Client()
        timings = []
        for _ in range(requests + 3):
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
        timings = sorted(timings[3:])  # the first requests warm up templates and caches
        p95 = timings[int(0.95 * (len(timings) - 1))]
        self.stdout.write(
            f"revision diff page, 50 paragraphs ({readout.revisions.count()} revisions): "
            f"p50 {1000 * statistics.median(timings):.1f} ms, p95 {1000 * p95:.1f} ms over {len(timings)} requests"
        )
