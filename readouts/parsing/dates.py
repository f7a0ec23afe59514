"""Date expressions and meeting-date resolution.

Readouts give dates in many shapes: ISO dates, "Feb. 13", "29 March 2022", weekday names ("on Tuesday",
"mardi"), relative words ("today", "this evening"). The meeting date is resolved from the most explicit evidence
available; whatever stays uncertain is reported as a warning next to the best guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    # English, with the usual agency abbreviations
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # Russian (genitive, as used in dates, and nominative)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12, "январь": 1, "февраль": 2, "март": 3,
    "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11,
    "декабрь": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
}  # fmt: skip

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
# All patterns are bounded: fixed alternations and digit counts only.
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s{{1,3}}(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s{{1,3}}((?:19|20)\d\d)\b)?", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s{{1,3}}({_MONTH_RE})\b\.?"
    rf"(?:,?\s{{1,3}}((?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(rf"(?<!\w)({_WEEKDAY_RE})(?!\w)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)(?![\d\-/])")
# "today", "this evening" and their French and Russian forms point at the day of publication.
_SAME_DAY = re.compile(
    r"(?<!\w)(today|this (?:morning|afternoon|evening)|tonight|earlier today|aujourd'hui|ce matin"
    r"|cet après-midi|ce soir|сегодня)(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int
    day: int
    start: int
    end: int

    def to_date(self, year: int | None = None) -> date | None:
        try:
            return date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


def _is_month_word(word: str) -> bool:
    # English month names are capitalised; "may 20" in lower case is a verb followed by a number.
    return word[:1].isupper() or not word.isascii() or word.lower() in _LOWERCASE_MONTHS


_LOWERCASE_MONTHS = {
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
}


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates in text, in order of appearance; a later overlapping match is dropped."""
    found: list[DateMention] = []
    for match in _ISO.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        found.append(DateMention(year, month, day, match.start(), match.end()))
    for match in _MONTH_DAY_YEAR.finditer(text):
        if not _is_month_word(match.group(1)):
            continue
        month = MONTHS[match.group(1).lower()]
        found.append(DateMention(_int(match.group(3)), month, int(match.group(2)), match.start(), match.end()))
    for match in _DAY_MONTH_YEAR.finditer(text):
        if not _is_month_word(match.group(2)):
            continue
        month = MONTHS[match.group(2).lower()]
        found.append(DateMention(_int(match.group(3)), month, int(match.group(1)), match.start(), match.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[DateMention] = []
    for mention in found:
        if not 1 <= mention.day <= 31:
            continue
        if result and mention.start < result[-1].end:
            # Keep the more complete of two overlapping readings ("May 18, 2018" over "18, 2018").
            longer = mention.end - mention.start > result[-1].end - result[-1].start
            if mention.year and not result[-1].year and longer:
                result[-1] = mention
            continue
        result.append(mention)
    return result


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def first_full_date(text: str) -> date | None:
    for mention in find_dates(text):
        if mention.year:
            value = mention.to_date()
            if value:
                return value
    return None


def find_weekday(text: str) -> int | None:
    """The first weekday named in text (0 = Monday)."""
    match = _WEEKDAY.search(text)
    return WEEKDAYS[match.group(1).lower()] if match else None


def mentions_same_day(text: str) -> bool:
    return bool(_SAME_DAY.search(text))


def years_mentioned(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


@dataclass
class DateEvidence:
    """What the text says about when the meeting took place."""

    published: date | None = None  # publication date from headers
    dateline: DateMention | None = None  # date in the dateline (often without a year)
    explicit: DateMention | None = None  # a date stated next to the meeting ("met on November 14")
    weekday: int | None = None  # "on Tuesday" in the lead
    same_day: bool = False  # "today", "this evening"
    years_in_text: tuple[int, ...] = ()  # years the body mentions
    today: date | None = None  # upper bound for guesses (defaults to date.today())


def _latest_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve_meeting_date(ev: DateEvidence) -> tuple[date | None, list[str]]:
    """Best meeting date and warnings explaining any guesswork."""
    warnings: list[str] = []
    today = ev.today or date.today()
    stated = ev.explicit or ev.dateline
    if stated:
        year = stated.year or (ev.published.year if ev.published else None)
        # Published in January about a December meeting: the meeting was in the previous year.
        if stated.year is None and ev.published and stated.month - ev.published.month > 6:
            year -= 1
        if year is not None:
            value = stated.to_date(year)
            if value is None:
                return None, [f"impossible date {stated.month}/{stated.day}"]
            if ev.weekday is not None and value.weekday() != ev.weekday and ev.explicit is None:
                # A dateline carries the filing day; "on Tuesday" may name an earlier day of the week.
                shifted = _latest_on_or_before(value, ev.weekday)
                warnings.append(f"weekday in text moves the meeting from {value} to {shifted}")
                value = shifted
            return value, warnings
        return _guess_year(stated, ev, today)
    if ev.published:
        if ev.weekday is not None:
            value = _latest_on_or_before(ev.published, ev.weekday)
            if value != ev.published:
                warnings.append("meeting date taken as the last named weekday before publication")
            return value, warnings
        if ev.same_day:
            return ev.published, warnings
        return ev.published, ["meeting date not stated; assumed to be the publication date"]
    return None, ["meeting date not found"]


def _guess_year(stated: DateMention, ev: DateEvidence, today: date) -> tuple[date | None, list[str]]:
    """Month and day without a year: pick the year from the weekday and the years the text speaks of."""
    latest_year = max((y for y in ev.years_in_text if y <= today.year), default=None)
    candidates = []
    for year in range(1990, today.year + 1):
        value = stated.to_date(year)
        if value and value <= today and (ev.weekday is None or value.weekday() == ev.weekday):
            candidates.append(value)
    if ev.weekday is None or not candidates:
        if latest_year and stated.to_date(latest_year):
            return stated.to_date(latest_year), ["meeting year not stated; guessed from the years in the text"]
        return None, ["meeting year not stated"]
    if latest_year is not None:
        # Years the text mentions are usually past or current: the meeting is not before the latest of them.
        later = [c for c in candidates if c.year >= latest_year]
        if later:
            note = "" if len(later) == 1 or later[0].year > latest_year else "; other years possible"
            return later[0], [f"meeting year inferred from the weekday and the years in the text{note}"]
    return candidates[-1], ["meeting year not stated; the latest year matching the weekday was chosen"]
