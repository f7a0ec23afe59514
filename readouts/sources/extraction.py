"""A web page's main text and metadata (title, publication date, site name, canonical address, language), by
trafilatura: the page's navigation, menus and footers are left out, its paragraphs kept as paragraphs."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import trafilatura

# Less main text than this is not a readout: an error page, a "this page has moved" notice, a cookie wall.
STUB_CHARS = 200
_HTML_LANG = re.compile(r"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
# Only the page's own statements of its date (meta tags, structured data, the address): trafilatura's extensive
# search would also take any date in the text, which is the meeting's evidence, not the publisher's.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class ExtractedPage:
    title: str
    paragraphs: list[str]
    published_date: datetime.date | None
    site_name: str
    canonical_url: str
    language: str

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def is_stub(self) -> bool:
        return len(self.text) < STUB_CHARS


def extract_page(html: str, url: str) -> ExtractedPage:
    """The page's main text and metadata; the canonical address is the page's own (<link rel=canonical>,
    og:url) when it gives one, else ``url``. A page without main text gives no paragraphs (a stub)."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None:
        return ExtractedPage("", [], None, "", url, page_language(html))
    title = (document.title or "").strip()
    lines = [" ".join(line.split()) for line in (document.text or "").splitlines()]
    paragraphs = [line for line in lines if line]
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]  # the headline, which the title gives already
    return ExtractedPage(
        title=title,
        paragraphs=paragraphs,
        published_date=iso_date(document.date),
        site_name=(document.sitename or "").strip(),
        canonical_url=canonical_address(document.url, url),
        language=(document.language or page_language(html)).lower()[:2],
    )


def page_language(html: str) -> str:
    match = _HTML_LANG.search(html[:5000])
    return match.group(1).lower() if match else ""


def iso_date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def canonical_address(found: str | None, fetched: str) -> str:
    """The page's canonical address when it is a web address (relative ones are common and useless here)."""
    if found and found.startswith(("http://", "https://")):
        return found[:500]
    return fetched[:500]
