"""Datelines: "CITY, Month D (Agency) --" and the other shapes news agencies put before the lead.

A dateline gives the filing place (a city in capitals), often the day, and the agency. Patterns are anchored at
the start of a paragraph and bounded, and only the first few hundred characters are examined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cities import english_city_name
from .dates import DateMention, find_dates
from .gazetteer import country_of

DATELINE_WINDOW = 300

# Capitals of the Latin (with accents: "PARÍS", "BRASÍLIA") and Cyrillic alphabets.
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ"
_CITY = rf"[{_UPPER}][{_UPPER}'’.\-]{{1,25}}(?: [{_UPPER}][{_UPPER}'’.\-]{{1,25}}){{0,3}}"
# A city written with a capital initial ("Москва", "Buenos Aires"), in datelines whose shape or whose gazetteer
# check tells it from an ordinary first word.
_TITLE_CITY = rf"[{_UPPER}][\w'’\-]{{1,25}}(?: (?:de |del |la |el )?[{_UPPER}][\w'’\-]{{1,25}}){{0,3}}"
_DASH = r"(?:--|—|–|-|:)"
_DATE = (
    r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?"
    r"|\d{1,2} [a-zéû]{3,9}(?: \d{4})?)"
)
_PATTERNS = [
    # МОСКВА, 14 апреля. /ТАСС/.   МОСКВА, 14 апреля 2021 года.   Москва, 16 февраля.
    re.compile(
        rf"^(?P<city>{_CITY}|{_TITLE_CITY}),\s*(?P<date>\d{{1,2}} [а-яё]{{3,9}}(?: \d{{4}})?)(?: года| г\.)?\.?"
        r"(?:\s*/(?P<agency>[^/\n]{1,30})/\.?)?\s*(?:--|—|–)?\s*"
    ),
    # Москва. 17 октября. INTERFAX.RU -   (the city, a full stop, the day, the agency)
    re.compile(
        rf"^(?P<city>{_CITY}|{_TITLE_CITY})\.\s*(?P<date>\d{{1,2}} [а-яё]{{3,9}}(?: \d{{4}})?)(?: года| г\.)?\.\s*"
        r"(?P<agency>[A-ZА-ЯЁ][\w.\-]{1,20}(?: [A-ZА-ЯЁ][\w.\-]{1,20})?)\s*(?:--|—|–|-)\s*"
    ),
    # 24 сентября, Минск /Корр. БЕЛТА/.   (the day first, then the city and the agency between slashes)
    re.compile(
        rf"^(?P<date>\d{{1,2}} [а-яё]{{3,9}}(?: \d{{4}})?),\s*(?P<city>{_CITY}|{_TITLE_CITY})"
        r"\s*/(?P<agency>[^/\n]{1,30})/\.?\s*(?:--|—|–)?\s*"
    ),
    # BEIJING, Feb. 13 (Xinhua) --   ISLAMABAD, Aug 13 (APP):   WASHINGTON, May 2, 2019 (AP) -
    re.compile(
        rf"^(?P<city>{_CITY})(?:, (?P<region>[A-Z][A-Za-z.]{{1,20}}(?: [A-Z][A-Za-z.]{{1,20}})?))?,\s*"
        rf"(?P<date>{_DATE})\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?{_DASH}\s*"
    ),
    # RSS (KATHMANDU, 29 March 2022) --
    re.compile(
        rf"^(?P<agency>[A-Z][\w.&]{{1,20}}(?: [A-Z][\w.&]{{1,20}}){{0,2}})\s*"
        rf"\((?P<city>[A-Z][\w'’.\- ]{{1,40}}?),"
        rf"\s*(?P<date>{_DATE})\)\s*{_DASH}\s*"
    ),
    # MOSCOW (AP) --
    re.compile(rf"^(?P<city>{_CITY})\s*\((?P<agency>[^()\n]{{1,40}})\)\s*{_DASH}\s*"),
    # ASTANA. KAZINFORM --
    re.compile(rf"^(?P<city>{_CITY})\.\s+(?P<agency>[A-Z][A-Za-z]{{2,20}})\s*{_DASH}\s*"),
    # BEIJING -   ASTANA --   ISLAMABAD :   (China Daily, Astana Times, Pakistan Observer)
    re.compile(rf"^(?P<city>{_CITY})\s*(?:\s(?:--|—|–|-)|:)\s+"),
    # 新华社北京2月16日电（记者 ...）  本报莫斯科2月16日电: the agency, the city, the day, "电" (wired).
    re.compile(
        r"^(?P<agency>[\u4e00-\u9fff]{1,8}?(?:社|报|報|台|网|網))(?P<city>[\u4e00-\u9fff]{2,8}?)"
        r"(?P<date>\d{1,2}月\d{1,2}日)(?:电|電)(?:[（(][^（）()\n]{0,40}[）)])?\s*"
    ),
]
# "Buenos Aires. Los gobiernos...", "México, D.F. Los...", "New Delhi: Indian Prime Minister...": a city in
# ordinary case; it counts as a dateline only when the city gazetteer knows the name.
# "Santo Domingo.- El presidente", "Bogota, Colombia.– El presidente": Latin American papers' full stop and dash.
_GAZETTEER_DATELINE = re.compile(
    rf"^(?P<city>{_TITLE_CITY})(?:, (?P<region>[A-Z][A-Za-z]{{0,3}}\.(?:[A-Z]\.)?)\s+|\s*(?:\.|:|\s(?:--|—|–))\s+"
    r"|(?:,\s+[A-Z][\w]{2,30})?\.\s?[-–—]\s*)"
    rf"(?=[\"“«]?[{_UPPER}])"
)
# A page's time stamp sometimes runs into the dateline: "Updated: 2008-10-28 23:12 MOSCOW -- ...".
_TIME_STAMP = re.compile(r"^(?:updated|posted|published|mis à jour|actualizado)\s*:?\s*[\d:/. -]{8,25}\s+", re.I)
# A line on its own before the body: "MOSCOW", or "New York, 24 September 2013".
_CITY_LINE = re.compile(rf"^(?P<city>{_CITY})$")
_PLACE_DATE_LINE = re.compile(
    r"^(?P<city>[A-Z][\w'’.\-]{1,25}(?: [A-Z][\w'’.\-]{1,25}){0,3})"
    r"(?:, [A-Z][\w.]{1,20})?,\s*"
    r"(?P<date>\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})$"
)
# All-capitals words that start paragraphs but are not places.
_NOT_CITIES = {
    "UPDATE",
    "BREAKING",
    "NOTE",
    "EDITOR",
    "PHOTO",
    "VIDEO",
    "WATCH",
    "LIVE",
    "EXCLUSIVE",
    "URGENT",
    "KEY WORDS",
    "NEWS",
    "ANALYSIS",
    "OPINION",
    "READOUT",
    "STATEMENT",
}


@dataclass(frozen=True)
class Dateline:
    city: str  # as written in the text, title-cased ("Nur-Sultan")
    date: DateMention | None
    agency: str | None
    end: int  # offset where the dateline ends in the paragraph (0 for a separate line)


def title_case_city(city: str) -> str:
    def fix(word: str) -> str:
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    if not city.isupper():
        return city
    return " ".join(fix(word) for word in city.split())


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, if any."""
    stamp = _TIME_STAMP.match(paragraph[:DATELINE_WINDOW])
    offset = stamp.end() if stamp else 0
    head = paragraph[offset : offset + DATELINE_WINDOW]
    for pattern in [*_PATTERNS, _GAZETTEER_DATELINE]:
        match = pattern.match(head)
        if not match:
            continue
        city = match.group("city").strip(" .")
        if city.upper() in _NOT_CITIES or len(city) < (2 if _UNSPACED.match(city) else 3):
            continue
        if (pattern is _GAZETTEER_DATELINE or not city.isupper()) and not _is_known_place(city):
            continue
        groups = match.groupdict()
        mention = None
        if groups.get("date"):
            found = find_dates(groups["date"])
            mention = found[0] if found else None
        if mention is None and stamp:
            # The page's time stamp is the day the story was filed, which a dated dateline would give.
            found = find_dates(stamp.group())
            mention = found[0] if found else None
        agency = (groups.get("agency") or "").strip() or None
        return Dateline(title_case_city(city), mention, agency, offset + match.end())
    return None


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def _is_known_place(name: str) -> bool:
    return english_city_name(name) is not None or country_of(name) is not None


def parse_dateline_line(line: str) -> Dateline | None:
    """A header line that is only a place ("MOSCOW") or a place and a date ("New York, 24 September 2013")."""
    line = line.strip()
    if len(line) > 80:
        return None
    match = _PLACE_DATE_LINE.match(line)
    # "Friday, October 27, 2023" has the shape of "New York, 24 September 2013": the gazetteer tells them apart.
    if match and (match.group("city").isupper() or _is_known_place(match.group("city"))):
        found = find_dates(match.group("date"))
        return Dateline(title_case_city(match.group("city")), found[0] if found else None, None, 0)
    match = _CITY_LINE.match(line)
    if match and match.group("city").upper() not in _NOT_CITIES and len(line.split()) <= 3:
        return Dateline(title_case_city(match.group("city")), None, None, 0)
    return None


# A statement signed off with its place and day ("CANBERRA, 24th February, 1966."), typed at the end.
_CLOSING_LINE = re.compile(
    rf"^(?P<city>{_CITY}),?\s+(?P<date>\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]{{2,8}},?\s+\d{{4}})"
)


def parse_closing_dateline(block: str) -> Dateline | None:
    """The place and day a statement ends with, when the city gazetteer knows the place."""
    match = _CLOSING_LINE.match(block.strip()[:120])
    if not match or not _is_known_place(match.group("city")):
        return None
    found = find_dates(re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", match.group("date")))
    return Dateline(title_case_city(match.group("city")), found[0] if found else None, None, 0)
