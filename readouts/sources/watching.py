"""Watching publishers' sources: each due Source's feed, sitemap or listing is fetched (conditionally), and every
page it lists is imported, or checked for a revision or a removal. A source that fails keeps the reason and the
others go on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from readouts.importing import FAILED
from readouts.models import Source

from .fetching import FEED_TYPES, HTML_TYPES, Fetcher, FetchError
from .links import page_addresses
from .pages import CREATED, REMOVED, REVISED, UNCHANGED, import_address

SUMMARY_NAMES = {CREATED: "new", REVISED: "revised", UNCHANGED: "unchanged", REMOVED: "removed", FAILED: "failed"}


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


def check_source(source: Source, fetcher: Fetcher, *, on_page: Callable[[], None] | None = None) -> SourceSummary:
    summary = SourceSummary(source)
    now = timezone.now()
    try:
        addresses = addresses_of(source, fetcher)
    except FetchError as error:
        summary.error = error.reason
        source.last_error, source.last_error_at, source.last_checked_at = str(error), now, now
        source.save(update_fields=["last_error", "last_error_at", "last_checked_at", "etag", "last_modified"])
        return summary
    for address in addresses:
        result = import_address(address, fetcher, source=source)
        summary.counts[result.outcome] += 1
        if result.outcome == FAILED:
            summary.failures.append(f"{address}: {result.error}")
        if on_page:
            on_page()
    source.last_checked_at, source.last_summary = now, summary.line()[:300]
    source.last_error = "\n".join(summary.failures)
    source.last_error_at = now if summary.failures else None
    source.save()
    return summary


def addresses_of(source: Source, fetcher: Fetcher) -> list[str]:
    """The pages the source lists now; unchanged since the last look (304), the pages it listed before, which
    are checked for revisions all the same."""
    kinds = HTML_TYPES if source.kind == Source.Kind.LISTING else FEED_TYPES | {"text/plain"}
    fetched = fetcher.fetch(source.url, kinds=kinds, etag=source.etag, last_modified=source.last_modified)
    if fetched.not_modified:
        return list(source.pages.order_by("pk").values_list("url", flat=True))
    source.etag, source.last_modified = fetched.etag[:200], fetched.last_modified[:100]
    listed = page_addresses(source.kind, fetched.text, fetched.final_url, source.link_pattern)
    known = source.pages.exclude(url__in=listed).order_by("pk").values_list("url", flat=True)
    return listed + list(known)
