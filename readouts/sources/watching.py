"""Watching publishers' sources: each due Source's feed, sitemap or listing is fetched (conditionally), and every
page it lists is imported, or checked for a revision or a removal. A source that fails keeps the reason and the
others go on.

The sources' lists, then all their pages, are fetched at the same time across hosts (the Fetcher keeps each
host to one request at a time with its delay), so a run takes about as long as its busiest host needs; the
database is written from the caller's thread only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.utils import timezone

from readouts.importing import FAILED
from readouts.models import Source

from .fetching import FEED_TYPES, GZIP_TYPES, HTML_TYPES, Fetcher, FetchError
from .links import page_addresses, sitemap_index_locations
from .pages import CREATED, REMOVED, REVISED, UNCHANGED, import_addresses

SUMMARY_NAMES = {CREATED: "new", REVISED: "revised", UNCHANGED: "unchanged", REMOVED: "removed", FAILED: "failed"}
MAX_CHILD_SITEMAPS = 200  # a sitemap index lists at most 50,000 by the protocol; a publisher's readouts need few


@dataclass
class SourceSummary:
    source: Source
    counts: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    error: str = ""

    def line(self) -> str:
        if self.error:
            return f"{self.source}: failed: {self.error}"
        parts = ", ".join(f"{self.counts[name]} {SUMMARY_NAMES[name]}" for name in SUMMARY_NAMES)
        return f"{self.source}: {parts}"


@dataclass(frozen=True)
class Listing:
    """What a source's list said: its pages, or nothing new since the last look (304)."""

    not_modified: bool
    addresses: list[str] = field(default_factory=list)
    etag: str = ""
    last_modified: str = ""


def check_source(source: Source, fetcher: Fetcher, *, on_page: Callable[[], None] | None = None) -> SourceSummary:
    return check_sources([source], fetcher, on_page=on_page)[0]


def check_sources(
    sources: list[Source],
    fetcher: Fetcher,
    *,
    on_listed: Callable[[int], None] | None = None,
    on_page: Callable[[], None] | None = None,
) -> list[SourceSummary]:
    """Check every source; one summary each, in the order given. ``on_listed`` hears how many pages the lists
    gave, ``on_page`` each page done (a progress bar)."""
    summaries = {source.pk: SourceSummary(source) for source in sources}
    now = timezone.now()
    listings = fetch_listings(sources, fetcher)
    source_of: dict[str, Source] = {}
    for source in sources:
        listing = listings[source.pk]
        if isinstance(listing, FetchError):
            summaries[source.pk].error = listing.reason
            source.last_error, source.last_error_at, source.last_checked_at = str(listing), now, now
            source.save(update_fields=["last_error", "last_error_at", "last_checked_at"])
            continue
        for address in addresses_of(source, listing):
            source_of.setdefault(address, source)  # a page two sources list is checked once, for the first
    if on_listed:
        on_listed(len(source_of))
    for result in import_addresses(list(source_of), fetcher, sources=source_of):
        summary = summaries[source_of[result.label].pk]
        summary.counts[result.outcome] += 1
        if result.outcome == FAILED:
            summary.failures.append(f"{result.label}: {result.error}")
        if on_page:
            on_page()
    for source in sources:
        summary = summaries[source.pk]
        if summary.error:
            continue
        source.last_checked_at, source.last_summary = now, summary.line()[:300]
        source.last_error = "\n".join(summary.failures)
        source.last_error_at = now if summary.failures else None
        source.save()
    return [summaries[source.pk] for source in sources]


def fetch_listings(sources: list[Source], fetcher: Fetcher) -> dict[int, Listing | FetchError]:
    """Every source's list, fetched at the same time (the network only: no database in these threads)."""
    if not sources:
        return {}
    with ThreadPoolExecutor(max_workers=min(len(sources), fetcher.max_hosts)) as pool:
        futures = {
            source.pk: pool.submit(
                fetch_listing, fetcher, source.kind, source.url, source.link_pattern, source.etag, source.last_modified
            )
            for source in sources
        }
        return {pk: future.result() for pk, future in futures.items()}


def fetch_listing(
    fetcher: Fetcher, kind: str, url: str, link_pattern="", etag="", last_modified=""
) -> Listing | FetchError:
    """The pages a feed, sitemap (or sitemap index, each of its sitemaps read) or listing page gives now."""
    kinds = HTML_TYPES if kind == Source.Kind.LISTING else FEED_TYPES | {"text/plain"}
    if kind == Source.Kind.SITEMAP:  # sitemap.xml.gz is often served as a plain file of bytes
        kinds = kinds | GZIP_TYPES | {"application/octet-stream"}
    try:
        fetched = fetcher.fetch(url, kinds=kinds, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            return Listing(not_modified=True)
        addresses = page_addresses(kind, fetched.text, fetched.final_url, link_pattern)
        if kind == Source.Kind.SITEMAP:
            for child in sitemap_index_locations(fetched.text, fetched.final_url)[:MAX_CHILD_SITEMAPS]:
                child_page = fetcher.fetch(child, kinds=kinds)
                addresses += page_addresses(kind, child_page.text, child_page.final_url, link_pattern)
    except FetchError as error:
        return error
    return Listing(False, list(dict.fromkeys(addresses)), fetched.etag[:200], fetched.last_modified[:100])


def addresses_of(source: Source, listing: Listing) -> list[str]:
    """The pages the source lists now, and those it listed before (checked for revisions and removals all the
    same); unchanged since the last look (304), the pages it listed before."""
    if listing.not_modified:
        return list(source.pages.order_by("pk").values_list("url", flat=True))
    source.etag, source.last_modified = listing.etag, listing.last_modified
    known = source.pages.exclude(url__in=listing.addresses).order_by("pk").values_list("url", flat=True)
    return listing.addresses + list(known)
