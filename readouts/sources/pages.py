"""Pages into the archive: a fetched or saved page becomes a readout, a changed page a new revision of it, a
page gone (404, 410) or turned into a stub a removed one. One transaction per page: all of it or nothing.

A page is known by the address it was fetched at and by its canonical address (the page's own
<link rel="canonical">): the same page reached through a feed's tracking link, a redirect or a saved copy is
the same readout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone

from readouts.importing import FAILED, PARSED, ImportResult
from readouts.ingest import Outcome, ingest
from readouts.models import Readout, ReadoutRevision, Source, SourcePage
from readouts.parsing import ParseError, parse_readout

from .extraction import ExtractedPage, extract_page
from .fetching import FetchedPage, Fetcher, FetchError, decode_body

CREATED, REVISED, UNCHANGED, REMOVED = "created", "revised", "unchanged", "removed"


@dataclass(frozen=True)
class ServerState:
    """What the server said of the page, kept for the next conditional request."""

    etag: str = ""
    last_modified: str = ""
    body_hash: str = ""


def sha256(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def find_page(*addresses: str) -> SourcePage | None:
    addresses = [address for address in addresses if address]
    if not addresses:
        return None
    query = Q(canonical_url__in=addresses) | Q(url__in=addresses)
    return SourcePage.objects.select_related("readout").filter(query).first()


def find_pages(addresses: list[str]) -> dict[str, SourcePage]:
    """The known pages among ``addresses``, by the address asked (fetched at, or canonical): one query."""
    pages = SourcePage.objects.select_related("readout").filter(Q(canonical_url__in=addresses) | Q(url__in=addresses))
    found = {}
    for page in pages:
        found.setdefault(page.url, page)
        found.setdefault(page.canonical_url, page)
    return found


def conditional_request(page: SourcePage | None, dry_run=False) -> dict:
    """What the server said of the page last, so that an unchanged page answers 304 without its body."""
    if page is None or page.removed_at is not None or dry_run:
        return {}
    return {"etag": page.etag, "last_modified": page.last_modified}


def import_address(url: str, fetcher: Fetcher, *, source: Source | None = None, dry_run=False) -> ImportResult:
    """Fetch the page at ``url`` and import it, or record its revision or removal."""
    page = find_page(url)
    try:
        fetched = fetcher.fetch(url, **conditional_request(page, dry_run))
    except FetchError as error:
        return record_fetch(url, page, error, source=source, dry_run=dry_run)
    return record_fetch(url, page, fetched, source=source, dry_run=dry_run)


def import_addresses(
    urls: list[str], fetcher: Fetcher, *, sources: dict[str, Source] | None = None, dry_run=False
) -> Iterator[ImportResult]:
    """Several pages, each as import_address would: fetched at the same time across hosts (each host's
    requests one after another, with its delay), recorded one by one in the caller's thread (the database is
    never touched from the fetching threads) as they arrive. ``sources`` names the Source each address came
    from."""
    urls, sources = list(dict.fromkeys(urls)), sources or {}
    pages = find_pages(urls)
    futures = {fetcher.submit(url, **conditional_request(pages.get(url), dry_run)): url for url in urls}
    for future in as_completed(futures):
        url = futures.pop(future)
        try:
            fetched = future.result()
        except FetchError as error:
            fetched = error
        yield record_fetch(url, pages.get(url), fetched, source=sources.get(url), dry_run=dry_run)


def record_fetch(
    url: str, page: SourcePage | None, fetched: FetchedPage | FetchError, *, source=None, dry_run=False
) -> ImportResult:
    """What one fetch of ``url`` means for the archive: a new readout, a revision, no change or a removal."""
    if isinstance(fetched, FetchError):
        if fetched.gone and page is not None and not dry_run:
            return mark_removed(page, url, f"the server answered {fetched.status}")
        return ImportResult(url, FAILED, error=fetched.reason)
    if fetched.not_modified:
        return keep_unchanged(page, url, ServerState(page.etag, page.last_modified, page.body_hash))
    server = ServerState(fetched.etag, fetched.last_modified, sha256(fetched.body))
    if page is not None and page.removed_at is None and page.body_hash == server.body_hash:
        return keep_unchanged(page, url, server)
    return import_html(url, fetched.text, fetched.final_url, page=page, source=source, server=server, dry_run=dry_run)


def import_html(
    label: str,
    html: str,
    url: str,
    *,
    page: SourcePage | None = None,
    source: Source | None = None,
    server: ServerState = ServerState(),
    dry_run=False,
) -> ImportResult:
    """Import a page's HTML, fetched from ``url`` or saved (``url`` empty: the page's canonical address, if it
    gives one, is its source)."""
    extracted = extract_page(html, url)
    address = extracted.canonical_url if extracted.canonical_url.startswith(("http://", "https://")) else ""
    page = page or find_page(address, url)
    if extracted.is_stub:
        if page is not None and not dry_run:
            return mark_removed(page, label, "the page no longer has the readout's text")
        return ImportResult(label, FAILED, error=f"no readout on the page ({len(extracted.text)} characters of text)")
    raw_text = readout_text(extracted, address)
    try:
        parsed = parse_readout(raw_text, filename=label, metadata=page_metadata(extracted, address))
    except ParseError as error:
        return ImportResult(label, FAILED, error=str(error))
    if dry_run:
        return ImportResult(label, PARSED, parsed=parsed)
    try:
        with transaction.atomic():
            if page is None:
                outcome, readout = store_new_page(parsed, raw_text, address, url, source, server)
            else:
                outcome, readout = store_fetch(page, parsed, raw_text, url, server)
    except ValidationError as error:
        return ImportResult(label, FAILED, parsed=parsed, error="; ".join(error.messages))
    except DatabaseError as error:
        return ImportResult(label, FAILED, parsed=parsed, error=f"the database refused it: {error}".strip())
    return ImportResult(label, outcome, parsed=parsed, readout=readout)


def page_metadata(page: ExtractedPage, address: str) -> dict:
    """What the page says of itself, handed to the parser as ``metadata=`` (it outranks what the text says)."""
    return {
        "title": page.title,
        "published_date": page.published_date.isoformat() if page.published_date else None,
        "publisher": page.site_name,
        "source_url": address,
        "language": page.language,
    }


def readout_text(page: ExtractedPage, address: str) -> str:
    """The readout's raw text: the page's main text under the metadata the page gives, as front matter, so that
    the stored text carries its evidence (import_readouts --reparse, the text as imported). At import the same
    metadata is also passed to the parser directly (page_metadata)."""
    fields = {
        "title": page.title,
        "published": page.published_date.isoformat() if page.published_date else "",
        "publisher": page.site_name,
        "source_url": address,
        "language": page.language,
    }
    lines = [f"{key}: {yaml_quoted(value)}" for key, value in fields.items() if value]
    if not lines:
        return page.text
    return "---\n" + "\n".join(lines) + "\n---\n\n" + page.text


def yaml_quoted(value: str) -> str:
    escaped = " ".join(value.split()).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def store_new_page(parsed, raw_text, address, url, source, server):
    result = ingest(parsed, raw_text, source_url=address or url)
    readout = result.readout
    if not address or SourcePage.objects.filter(readout=readout).exists():
        # A saved page without an address, or a text already known from another page (a reprint): the readout
        # stands, with no page to watch.
        return (CREATED if result.outcome == Outcome.CREATED else UNCHANGED), readout
    now = timezone.now()
    SourcePage.objects.create(
        readout=readout,
        canonical_url=address,
        url=url or address,
        source=source,
        etag=server.etag[:200],
        last_modified=server.last_modified[:100],
        body_hash=server.body_hash,
        last_fetched_at=now,
    )
    add_revision(readout, 1, raw_text, parsed, url or address, now)
    return (CREATED if result.outcome == Outcome.CREATED else UNCHANGED), readout


def store_fetch(page: SourcePage, parsed, raw_text, url, server):
    """A known page fetched again: a new revision if its text changed, else only the server's state."""
    readout = page.readout
    now = timezone.now()
    newest = readout.revisions.order_by("-number").first()
    changed = newest is None or newest.content_hash != sha256(raw_text)
    if changed:
        ingest(parsed, raw_text, source_url=readout.source_url or page.canonical_url, revision_of=readout)
        if newest is None:  # a page recorded before its first revision was: its old text is revision 1
            newest = add_revision(readout, 1, readout.raw_text, None, page.url, page.last_fetched_at)
        add_revision(readout, newest.number + 1, raw_text, parsed, url or page.url, now)
    page.etag, page.last_modified = server.etag[:200], server.last_modified[:100]
    page.body_hash, page.last_fetched_at = server.body_hash, now
    page.removed_at, page.removal_reason = None, ""  # back, if it had gone
    page.save()
    return (REVISED if changed else UNCHANGED), readout


def add_revision(readout, number, raw_text, parsed, url, fetched_at) -> ReadoutRevision:
    paragraphs = (
        [paragraph.text for paragraph in parsed.paragraphs]
        if parsed
        else list(readout.statements.values_list("text", flat=True))
    )
    return ReadoutRevision.objects.create(
        readout=readout,
        number=number,
        text=raw_text,
        paragraphs=paragraphs,
        content_hash=sha256(raw_text),
        url=url[:500],
        fetched_at=fetched_at,
    )


def mark_removed(page: SourcePage, label: str, reason: str) -> ImportResult:
    """The publisher has taken the page down: said on the readout, with the date; its last text stays."""
    if page.removed_at is not None:
        return ImportResult(label, UNCHANGED, readout=page.readout)
    page.removed_at, page.removal_reason = timezone.now(), reason[:200]
    page.last_fetched_at = page.removed_at
    page.save(update_fields=["removed_at", "removal_reason", "last_fetched_at"])
    # The readout's own Last-Modified and ETag (the API's conditional answers) follow its removal.
    Readout.objects.filter(pk=page.readout_id).update(updated_at=page.removed_at)
    return ImportResult(label, REMOVED, readout=page.readout, error=reason)


def keep_unchanged(page: SourcePage, label: str, server: ServerState) -> ImportResult:
    page.etag, page.last_modified = server.etag[:200], server.last_modified[:100]
    page.body_hash, page.last_fetched_at = server.body_hash, timezone.now()
    page.save(update_fields=["etag", "last_modified", "body_hash", "last_fetched_at"])
    return ImportResult(label, UNCHANGED, readout=page.readout)


def is_saved_page(label: str, data: bytes) -> bool:
    """A whole web page saved from a browser (an .html/.htm file with its <html> or doctype), not a fragment of
    markup, which the parser reads as text."""
    start = data[:1024].lstrip().lower()
    return label.lower().endswith((".html", ".htm")) and start.startswith((b"<!doctype html", b"<html"))


def import_saved_page(label: str, data: bytes, *, dry_run=False) -> ImportResult:
    """A saved page imports as a fetched one: its canonical address, if it gives one, identifies it, so a later
    save of a changed page is a revision of the same readout."""
    try:
        html = decode_body(data, "", label)
    except FetchError as error:
        return ImportResult(label, FAILED, error=error.reason)
    return import_html(label, html, "", dry_run=dry_run)
