"""Metadata as evidence: what the page a readout came from says about it, read from the raw input.

A readout rarely carries its own year; the page does. This reads, before HTML is turned into text:
- HTML ``<meta>`` tags (Open Graph ``og:title``, ``og:site_name``, ``og:url``, ``article:published_time`` and the
  other usual publication-date names), ``<link rel="canonical">``, JSON-LD (``datePublished``, ``headline``,
  ``publisher``), the first ``<time datetime>``;
- XML-like records whose element names say they hold a date (``<release-date>``, ``<pubDate>``);
- a CSV record with a header row (``link,headline,date,...``);
- dates in a source URL or file name ("/2013/07/30/", "2024-08-28-readout-of-...", "-24-april-2025").

Front matter and a leading ``date`` line are read by ``header.split_header``; ``from_front_matter`` maps its keys.
Values given by the caller (``import_readouts --metadata``, the admin form) take precedence over all of these.
Everything here looks at a bounded prefix of the input and is linear in it.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from html.parser import HTMLParser

from .dates import MONTHS, find_dates
from .types import ReadoutMetadata

HEAD_CHARS = 300_000  # page heads and their scripts are long, but the metadata comes before the article ends
RECORD_CHARS = 200_000

_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "published_time", "publishdate",
    "publish_date", "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "citation_date", "release_date",
)  # fmt: skip
_TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title", "title")
_PUBLISHER_KEYS = ("og:site_name", "publisher", "dc.publisher", "application-name", "author")
_URL_KEYS = ("og:url", "canonical", "url", "dc.identifier")
_LANGUAGE_KEYS = ("og:locale", "language", "content-language", "dc.language", "inlanguage")
# Front matter keys, lower-cased, for each field, in order of preference.
FRONT_MATTER_KEYS = {
    "published_date": (
        "published_date", "published_time", "published_at", "published", "publishdate", "pubdate", "date",
        "release_date", "created",
    ),
    "source_url": ("source_url", "original_url", "canonical_url", "canonical", "url", "link", "permalink"),
    "publisher": ("publisher", "source", "site_name", "site"),
    "language": ("language", "lang", "locale"),
    "title": ("title", "headline"),
    "author": ("creators", "creator", "author", "speaker"),
}  # fmt: skip
# Elements of an XML export that name the person a release speaks for (<prime-minister>Howard, John</...>).
_AUTHOR_ELEMENT = re.compile(
    r"<(prime-minister|minister|speaker|author|creator)>\s{0,5}([^<\n]{3,80}?)\s{0,5}</\1>", re.IGNORECASE
)
# A person's name as catalogues write it: "Downer, Alexander" or "Alexander Downer" (2 to 4 capitalised words).
_CATALOGUE_NAME = re.compile(r"^([A-Z][\w'’\-]+),\s+([A-Z][\w'’.\- ]{1,40})$")
_PLAIN_NAME = re.compile(r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}$")
_NOT_A_PERSON = re.compile(
    r"\b(?:Party|Office|Department|Ministry|Government|Agency|News|Press|Service|Staff|Desk|Team|Editor|Reuters)\b",
    re.IGNORECASE,
)


def parse_date_value(value: str | None) -> date | None:
    """A publication date written as metadata writes it: ISO 8601 (with a time or not), "24/02/1966",
    "Tue, April 2, 2024", "10/26/2023 11:52 PM EDT", "le vendredi 9 février 2024". The date is the one written
    (a time zone does not move it to another day)."""
    value = (value or "").strip()[:100]
    if not value:
        return None
    match = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", value)
    if match:
        return _date(*match.groups())
    match = re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", value)
    if match:
        return _date(*match.groups())
    match = re.match(r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b", value)
    if match:
        first, second, year = (int(g) for g in match.groups())
        # Day first unless that cannot be ("10/26/2023"): most of the world writes day/month/year.
        day, month = (first, second) if second <= 12 else (second, first)
        return _date(year, month, day)
    if re.fullmatch(r"\d{9,11}", value):  # a Unix timestamp
        try:
            return datetime.utcfromtimestamp(int(value)).date()
        except (OverflowError, OSError, ValueError):
            return None
    found = find_dates(value)
    if found and found[0].year:
        return found[0].to_date()
    return _dateparser_date(value)


def _dateparser_date(value: str) -> date | None:
    import dateparser  # imported late: most inputs never need it, and its first use loads its data

    try:
        parsed = dateparser.parse(
            value,
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "RETURN_AS_TIMEZONE_AWARE": False,
                # Not "yesterday" or "last week": metadata counted from the day it is read says nothing.
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            },
        )
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed and 1900 <= parsed.year <= 2100 else None


def _date(year, month, day) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------------
# URLs and file names

_URL_DATES = (
    # /2013/07/30/, 2024-08-28-slug, 2019_02_16
    re.compile(r"(?<!\d)((?:19|20)\d\d)([/_\-.])(\d\d)\2(\d\d)(?!\d)"),
    # /2007-03/19/ (China Daily), /2023/0626/ (People's Daily)
    re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d\d)/(\d\d)(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)/(\d\d)(\d\d)/"),
    # 20230512 alone between separators: "/news/20230512/slug", "article_20230512.html"
    re.compile(r"(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])([0-3]\d)(?![\d])"),
)


# A post's time of day right after its date, as blog engines name posts: ".../2013/04/20/0441-slug".
_URL_TIME = re.compile(r"(?<!\d)(?:19|20)\d\d([/_\-])\d\d\1\d\d[/_\-]([01]\d|2[0-3])([0-5]\d)-")


def hour_from_url(url: str | None) -> int | None:
    """The hour a URL or path gives its publication, after the publication day ("2013/04/20/0441-..." -> 4)."""
    match = _URL_TIME.search((url or "")[:2000])
    return int(match.group(2)) if match else None


def date_from_url(url: str | None) -> date | None:
    """A full date in a URL or path, as sites put their publication day there."""
    url = (url or "")[:2000]
    for pattern in _URL_DATES:
        match = pattern.search(url)
        if match:
            groups = [g for g in match.groups() if g and g.isdigit()]
            value = _date(*groups[:3])
            if value:
                return value
    # "...-24-april-2025": words between the separators.
    words = re.sub(r"[-_/+]+", " ", url).title()  # "april" in an address is a month
    for mention in find_dates(words):
        if mention.year and any(word in MONTHS for word in words.lower().split()):
            return mention.to_date()
    return None


# ---------------------------------------------------------------------------------------------------------------
# HTML


class _MetaReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self.json_ld: list[str] = []
        self.time: str | None = None
        self.title: str | None = None
        self.html_lang: str | None = None
        self._capture: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (
                attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
                or attributes.get("http-equiv") or ""
            ).lower()  # fmt: skip
            if key and attributes.get("content", "").strip():
                self.values.setdefault(key, attributes["content"].strip())
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower() and attributes.get("href"):
            self.values.setdefault("canonical", attributes["href"].strip())
        elif tag == "time" and self.time is None and attributes.get("datetime"):
            self.time = attributes["datetime"]
        elif tag == "html" and attributes.get("lang"):
            self.html_lang = attributes["lang"]
        elif tag == "script" and "ld+json" in attributes.get("type", "").lower():
            self._capture, self._buffer = "json_ld", []
        elif tag == "title" and self.title is None:
            self._capture, self._buffer = "title", []

    def handle_data(self, data):
        if self._capture:
            self._buffer.append(data)

    def handle_endtag(self, tag):
        if self._capture == "json_ld" and tag == "script":
            self.json_ld.append("".join(self._buffer))
            self._capture = None
        elif self._capture == "title" and tag == "title":
            self.title = " ".join("".join(self._buffer).split())
            self._capture = None


def _json_ld_values(blocks: list[str]) -> dict[str, str]:
    """datePublished, headline, publisher's name and url of the first JSON-LD objects that have them."""
    found: dict[str, str] = {}

    def visit(node, depth=0):
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node[:50]:
                visit(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("datePublished", "dateCreated", "headline", "name", "url", "inLanguage"):
                if isinstance(node.get(key), str):
                    found.setdefault(key.lower(), node[key])
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
            elif isinstance(publisher, str):
                found.setdefault("publisher", publisher)
            if "@graph" in node:
                visit(node["@graph"], depth + 1)

    for block in blocks[:10]:
        try:
            visit(json.loads(block[:100_000]))
        except (ValueError, RecursionError):
            continue
    found.pop("name", None)  # a node's name is as often a person's or an image's as the article's
    return found


def from_html(text: str) -> ReadoutMetadata:
    reader = _MetaReader()
    try:
        reader.feed(text[:HEAD_CHARS])
        reader.close()
    except (AssertionError, ValueError):  # malformed markup: keep what was read
        pass
    values = _json_ld_values(reader.json_ld) | reader.values

    def first(keys):
        return next((values[k] for k in keys if values.get(k)), "")

    published = next((d for d in (parse_date_value(values.get(k)) for k in _PUBLISHED_KEYS) if d), None)
    published = published or parse_date_value(reader.time) or parse_date_value(values.get("datecreated"))
    return ReadoutMetadata(
        published_date=published,
        source_url=_url(first(_URL_KEYS)),
        publisher=first(_PUBLISHER_KEYS)[:200],
        language=_language(first(_LANGUAGE_KEYS) or reader.html_lang or ""),
        title=first(_TITLE_KEYS)[:300],
    )


def _url(value: str) -> str:
    return value if re.match(r"https?://\S{1,490}$", value or "") else ""


def _language(value: str) -> str:
    match = re.match(r"([A-Za-z]{2})(?:$|[-_])", (value or "").strip())
    return match.group(1).lower() if match else ""


# ---------------------------------------------------------------------------------------------------------------
# XML-like records and CSV records

_DATE_ELEMENT = re.compile(r"<([\w:\-]{0,30}date[\w:\-]{0,30})>\s{0,5}([^<\n]{4,60}?)\s{0,5}</\1>", re.IGNORECASE)
_CSV_DATE_COLUMNS = ("date", "published", "published_date", "pubdate", "datetime", "timestamp")


def person_name(value: str) -> str:
    """The first person's name in a catalogue's list of creators ('- "Downer, Alexander" - "Liberal Party"'),
    in the usual order ("Alexander Downer"); "" when none reads as a person's."""
    for item in re.split(r"\s*(?:^|\s)-\s+|[;|]", value or ""):
        item = item.strip().strip("\"'").strip()
        if not item or _NOT_A_PERSON.search(item):
            continue
        catalogue = _CATALOGUE_NAME.match(item)
        if catalogue:
            return f"{catalogue.group(2).strip()} {catalogue.group(1)}"
        if _PLAIN_NAME.match(item):
            return item
    return ""


def from_record(text: str) -> ReadoutMetadata:
    """A date element of an XML export, or the columns of a CSV record under its header row."""
    head = text[:RECORD_CHARS]
    author = next((person_name(m.group(2)) for m in _AUTHOR_ELEMENT.finditer(head[:20_000])), "")
    for match in _DATE_ELEMENT.finditer(head[:20_000]):
        if "modif" in match.group(1).lower() or "update" in match.group(1).lower():
            continue
        value = parse_date_value(match.group(2))
        if value:
            return ReadoutMetadata(published_date=value, author=author)
    first_line = head.split("\n", 1)[0]
    columns = [c.strip().lower() for c in first_line.split(",")]
    if len(columns) >= 3 and any(c in _CSV_DATE_COLUMNS for c in columns) and len(first_line) < 300:
        try:
            rows = csv.reader(io.StringIO(head))
            header, record = next(rows), next(rows)
        except (csv.Error, StopIteration):
            return ReadoutMetadata()
        fields = dict(zip((h.strip().lower() for h in header), record, strict=False))
        published = next((parse_date_value(fields[c]) for c in _CSV_DATE_COLUMNS if fields.get(c)), None)
        return ReadoutMetadata(
            published_date=published,
            source_url=_url(fields.get("link") or fields.get("url") or ""),
            title=(fields.get("headline") or fields.get("title") or "")[:300],
        )
    return ReadoutMetadata(author=author)


def from_front_matter(meta: dict[str, str]) -> ReadoutMetadata:
    def first(field):
        return next((meta[k] for k in FRONT_MATTER_KEYS[field] if meta.get(k)), "")

    dates = (parse_date_value(meta.get(key)) for key in FRONT_MATTER_KEYS["published_date"])
    published = next((value for value in dates if value), None)
    return ReadoutMetadata(
        published_date=published,
        source_url=_url(first("source_url")),
        publisher=first("publisher")[:200],
        language=_language(first("language")),
        title=first("title")[:300],
        author=person_name(first("author")),
    )


def extract_metadata(raw_text: str, *, looks_like_html: bool) -> ReadoutMetadata:
    """Metadata embedded in the input (front matter aside), before any of it is turned into text."""
    found = from_record(raw_text)
    if looks_like_html:
        found = found.merged_over(from_html(raw_text))
    return found
