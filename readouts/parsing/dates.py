"""Date expressions and meeting-date resolution.

Readouts give dates in many shapes and languages: ISO dates, "Feb. 13", "29 March 2022", "16 февраля 2019 года",
"le 9 février", "16 de febrero de 2019", "2019年2月16日", ranges ("August 27-28", "27–28 февраля", "2月27日至28日"),
weekday names ("on Tuesday", "во вторник", "el martes", "周二") and words relative to the day of writing ("today",
"вчера", "昨天"). The names of months, weekdays and relative days come from dateparser's locale data (CLDR based,
kept by its maintainers) rather than from tables of our own; only the sentence patterns around them are ours.

The meeting date is resolved from the most explicit evidence available, and the result says how it was found
(``DateBasis``): a month and day whose year cannot be established are kept as such, never given a guessed year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from dateparser.languages import default_loader

# Languages whose calendar words are read. Chinese months and days are numbers and have their own pattern below.
CALENDAR_LANGUAGES = ("en", "fr", "es", "pt", "ru", "ar")
CHINESE_LOCALES = ("zh", "zh-Hant")
_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _locale_info(language: str) -> dict:
    return default_loader.get_locale(language).info


def _month_words() -> tuple[dict[str, int], set[str]]:
    """Lower-cased month words -> month, and the words that must be capitalised to count (English ones, which
    also read as ordinary words in lower case: "may", "march")."""
    months: dict[str, int] = {}
    english: set[str] = set()
    for language in CALENDAR_LANGUAGES:
        info = _locale_info(language)
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for word in info.get(key, []):
                word = word.lower().rstrip(".")
                if len(word) >= 3 and word.replace("-", "").isalpha():
                    months.setdefault(word, number)
                    if language == "en":
                        english.add(word)
    return months, english


def _weekday_words(languages) -> dict[str, int]:
    """Full weekday names only: abbreviations ("ma", "sex", "mar") and prefixes of a longer name of the same day
    ("segunda" of "segunda-feira", which alone means "second") read as other words."""
    weekdays: dict[str, int] = {}
    for language in languages:
        info = _locale_info(language)
        for number, key in enumerate(_WEEKDAY_KEYS):
            words = {w.lower().rstrip(".") for w in info.get(key, [])}
            for word in words:
                cjk = any("\u4e00" <= ch <= "\u9fff" for ch in word)
                if not cjk and len(word) < 5:
                    continue
                if any(other != word and other.startswith(word) for other in words):
                    continue
                weekdays.setdefault(word, number)
    return weekdays


def _relative_words(key: str, languages) -> set[str]:
    found: set[str] = set()
    for language in languages:
        found.update(w.lower() for w in _locale_info(language).get("relative-type", {}).get(key, []))
    return {w for w in found if w and w not in ("till date",)}


MONTHS, _ENGLISH_MONTHS = _month_words()
ENGLISH_MONTHS = frozenset(_ENGLISH_MONTHS)  # their lower-case forms, abbreviations too ("sept")
WEEKDAYS = _weekday_words(CALENDAR_LANGUAGES)
CHINESE_WEEKDAYS = _weekday_words(CHINESE_LOCALES)
_ALL_LANGUAGES = (*CALENDAR_LANGUAGES, *CHINESE_LOCALES)
# Phrases for a part of the day of writing, which the locale data has no entry for.
_SAME_DAY_PHRASES = (
    "this morning", "this afternoon", "this evening", "tonight", "earlier today",
    "ce matin", "cet après-midi", "ce soir", "ce jour", "esta mañana", "esta tarde", "esta noche", "este día",
    "nesta manhã", "desta manhã", "esta manhã", "hoje à tarde", "今日", "今晨", "昨日",
)  # fmt: skip
RELATIVE_DAYS: dict[str, int] = {}
for _offset in (2, 1, 0):
    for _word in _relative_words(f"{_offset} day ago", _ALL_LANGUAGES):
        RELATIVE_DAYS.setdefault(_word, _offset)
for _word in _SAME_DAY_PHRASES:
    RELATIVE_DAYS.setdefault(_word, 1 if _word == "昨日" else 0)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Full-width and Arabic-Indic digits read as ASCII digits; one character for one, so offsets stay valid.
_DIGITS = str.maketrans(
    "０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "012345678901234567890123456789"
)  # fmt: skip
_MONTH_RE = _alternation(MONTHS)
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|º|°)?"
_YEAR_TAIL = r"(?:,?\s{1,3}(?:de\s{1,3}|del\s{1,3})?((?:19|20)\d\d)\b(?:\s{0,2}(?:года|год|г\.))?)?"
# Between the two days of a range: "27-28", "17 to 19", "del 27 al 28", "27 и 28".
_RANGE = r"\s{0,2}(?:-|–|—|to|and|au|et|à|al|a|y|e|и|по|до)\s{0,2}"
# All patterns are bounded: fixed alternations and digit counts only.
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
# "16.07.2021": day, month and year in figures with full stops, as Russian and other European sites date a page.
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d]|\.\d)")
_MONTH_DAY_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?\s{{1,3}}{_DAY}(?:{_RANGE}(\d{{1,2}})(?:st|nd|rd|th)?)?\b{_YEAR_TAIL}", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    rf"(?<![\d.])(?:{_DAY}{_RANGE})?{_DAY}\.?\s{{1,3}}(?:of\s{{1,3}}|de\s{{1,3}})?({_MONTH_RE})\b\.?{_YEAR_TAIL}",
    re.IGNORECASE,
)
_CHINESE_DATE = re.compile(
    r"(?:((?:19|20)\d\d)\s?年\s?)?(?:(\d{1,2})\s?月\s?)?(\d{1,2})\s?[日号號]"
    r"(?:\s?(?:至|到|-|—|–|~|～)\s?(?:(\d{1,2})\s?月\s?)?(\d{1,2})\s?[日号號])?"
)
_WEEKDAY = re.compile(rf"(?<!\w)({_alternation(WEEKDAYS)})(?!\w)", re.IGNORECASE)
_CHINESE_WEEKDAY = re.compile(_alternation(CHINESE_WEEKDAYS))
# Word boundaries are checked in code: Chinese words have none.
_RELATIVE = re.compile(f"({_alternation(RELATIVE_DAYS)})", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d\-/.])((?:19|20)\d\d)(?![\d\-/])")


def _is_cjk(word: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" for ch in word)


@dataclass(frozen=True)
class DateMention:
    """A calendar date as written: a year may be missing; a range has an end day (and maybe an end month)."""

    year: int | None
    month: int
    day: int
    start: int
    end: int
    end_month: int | None = None
    end_day: int | None = None

    def to_date(self, year: int | None = None) -> date | None:
        year = self.year or year
        try:
            return date(year, self.month, self.day) if year else None
        except ValueError:
            return None

    def end_date(self, year: int | None = None) -> date | None:
        """The last day of a range, in the year of its first day (or the next, across New Year)."""
        first = self.to_date(year)
        if first is None or self.end_day is None:
            return None
        try:
            last = date(first.year, self.end_month or self.month, self.end_day)
        except ValueError:
            return None
        if last < first:
            try:
                last = last.replace(year=last.year + 1)
            except ValueError:
                return None
        return last if last != first and (last - first).days <= 31 else None


def _is_month_word(word: str) -> bool:
    # English month names are capitalised; "may 20" in lower case is a verb followed by a number.
    return word[:1].isupper() or word.lower().rstrip(".") not in _ENGLISH_MONTHS


def normalise_digits(text: str) -> str:
    return text.translate(_DIGITS)


def find_dates(text: str) -> list[DateMention]:
    """Calendar dates in text, in order of appearance; a later overlapping match is dropped."""
    text = normalise_digits(text)
    found: list[DateMention] = []
    for match in _ISO.finditer(text):
        year, month, day = (int(g) for g in match.groups())
        found.append(DateMention(year, month, day, match.start(), match.end()))
    for match in _DOTTED.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(DateMention(year, month, day, match.start(), match.end()))
    for match in _MONTH_DAY_YEAR.finditer(text):
        word, day, end_day, year = match.groups()
        if _is_month_word(word):
            month = MONTHS[word.lower()]
            found.append(DateMention(_int(year), month, int(day), match.start(), match.end(), None, _int(end_day)))
    for match in _DAY_MONTH_YEAR.finditer(text):
        first_day, day, word, year = match.groups()
        if _is_month_word(word):
            month = MONTHS[word.lower()]
            start_day, end_day = (int(first_day), int(day)) if first_day else (int(day), None)
            found.append(DateMention(_int(year), month, start_day, match.start(), match.end(), None, end_day))
    for match in _CHINESE_DATE.finditer(text):
        year, month, day, end_month, end_day = match.groups()
        if month is None:
            continue  # "16日" alone: a day of a month the text named earlier, read by day_of_month_only
        found.append(
            DateMention(_int(year), int(month), int(day), match.start(), match.end(), _int(end_month), _int(end_day))
        )
    return _merge_ranges(text, _drop_overlaps(found))


def _drop_overlaps(found: list[DateMention]) -> list[DateMention]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    result: list[DateMention] = []
    for mention in found:
        if not 1 <= mention.day <= 31 or not 1 <= mention.month <= 12:
            continue
        if result and mention.start < result[-1].end:
            # Keep the more complete of two overlapping readings ("May 18, 2018" over "18, 2018").
            longer = mention.end - mention.start > result[-1].end - result[-1].start
            if mention.year and not result[-1].year and longer:
                result[-1] = mention
            continue
        result.append(mention)
    return result


_RANGE_BETWEEN = re.compile(rf"^{_RANGE}$|^\s{{0,2}}(?:至|到|～|~)\s{{0,2}}$", re.IGNORECASE)


def _merge_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "30 April to 2 May 2019", "April 30-May 2": two dates joined by a range word are one range."""
    result: list[DateMention] = []
    for mention in mentions:
        previous = result[-1] if result else None
        if (
            previous
            and previous.end_day is None
            and previous.year in (None, mention.year)
            and mention.end_day is None
            and _RANGE_BETWEEN.match(text[previous.end : mention.start])
        ):
            result[-1] = DateMention(
                previous.year or mention.year,
                previous.month,
                previous.day,
                previous.start,
                mention.end,
                mention.month,
                mention.day,
            )
            continue
        result.append(mention)
    return result


# "当地时间16日" (the 16th, local time): Chinese news gives the day alone when the month is that of publication.
_CHINESE_DAY_ONLY = re.compile(r"(?<![\d月年])(\d{1,2})\s?[日号]")


def day_of_month_only(text: str) -> int | None:
    """A day of the month named without its month (Chinese "16日"), when no fuller date comes before it."""
    text = normalise_digits(text)
    match = _CHINESE_DAY_ONLY.search(text)
    if not match or find_dates(text[: match.start()]):
        return None
    day = int(match.group(1))
    return day if 1 <= day <= 31 else None


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
    """The first weekday named in text (0 = Monday), in any language read."""
    reference = find_day_reference(text)
    return reference.weekday if reference else None


@dataclass(frozen=True)
class DayReference:
    """A day named relative to the day of writing: a weekday ("on Tuesday") or a number of days before it."""

    start: int
    weekday: int | None = None
    days_before: int | None = None  # 0 for "today", 1 for "yesterday"


def find_day_references(text: str) -> list[DayReference]:
    """Weekdays and relative days named in text, in order; offsets are those of ``text``."""
    text = text.replace("’", "'")  # "aujourd’hui": the typographic apostrophe, one character for one
    found = [DayReference(m.start(), weekday=WEEKDAYS[m.group(1).lower()]) for m in _WEEKDAY.finditer(text)]
    found += [DayReference(m.start(), weekday=CHINESE_WEEKDAYS[m.group()]) for m in _CHINESE_WEEKDAY.finditer(text)]
    for match in _RELATIVE.finditer(text):
        word = match.group(1)
        if not _is_cjk(word) and _inside_word(text, match.start(), match.end()):
            continue
        if text.startswith(("-là", " là"), match.end()):
            continue  # "ce jour-là", "ce soir-là": that day, not the day of writing
        found.append(DayReference(match.start(), days_before=RELATIVE_DAYS[word.lower()]))
    return sorted(found, key=lambda r: r.start)


# A part of the day named with "today", and the hour it starts: written before that hour of the publication day,
# "today" was the day before. (Only the parts after noon: a morning cannot be told from a page's small hours.)
_LATER_PART_OF_DAY = (
    (re.compile(r"\b(?:this|late) afternoon\b|\bcet après-midi\b|\b(?:hoy )?(?:en|por) la tarde\b|\besta tarde\b"
                r"|\bhoje à tarde\b|\bсегодня днём\b|\bсегодня днем\b", re.IGNORECASE), 12),
    (re.compile(r"\bthis evening\b|\btonight\b|\bce soir\b|\besta noche\b|\b(?:hoy )?(?:en|por) la noche\b"
                r"|\bhoje à noite\b|\bсегодня вечером\b", re.IGNORECASE), 17),
)  # fmt: skip


def later_part_of_day_hour(text: str) -> int | None:
    """The earliest hour a part of the day named in text can be ("this afternoon": 12, "tonight": 17)."""
    hours = [hour for pattern, hour in _LATER_PART_OF_DAY if pattern.search(text)]
    return min(hours) if hours else None


def _inside_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or after.isalnum() or before == "_" or after == "_"


def find_day_reference(text: str) -> DayReference | None:
    found = find_day_references(text)
    return found[0] if found else None


def mentions_same_day(text: str) -> bool:
    return any(r.days_before == 0 for r in find_day_references(text))


def years_mentioned(text: str) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


class DateBasis(StrEnum):
    """How a meeting date was found: what a reader may take as fact and what is inferred."""

    STATED = "stated"  # the text gives day, month and year
    YEAR_FROM_PUBLICATION = "year_from_publication"  # day and month in the text, year of the publication date
    RELATIVE_TO_PUBLICATION = "relative_to_publication"  # "today", "yesterday", "on Monday" counted from it
    YEAR_INFERRED = "year_inferred"  # day and month in the text; year from the weekday and the years it cites
    YEAR_UNKNOWN = "year_unknown"  # day and month in the text, no year: only the month and day are kept
    PUBLICATION_DATE = "publication_date"  # the text does not say; the publication date is taken as the day
    NOT_FOUND = ""  # nothing known


@dataclass
class DateEvidence:
    """What the text says about when the meeting took place."""

    published: date | None = None  # publication date from metadata or headers
    dateline: DateMention | None = None  # date in the dateline (often without a year)
    explicit: DateMention | None = None  # a date stated next to the meeting ("met on November 14")
    weekday: int | None = None  # "on Tuesday" in the lead
    days_before: int | None = None  # "today" (0), "yesterday" (1) in the lead
    relative_first: bool = False  # the relative day comes before the weekday in the lead
    day_of_month: int | None = None  # a day named without its month (Chinese "16日")
    years_in_text: tuple[int, ...] = ()  # years the body mentions
    today: date | None = None  # upper bound for guesses (defaults to date.today())


@dataclass
class MeetingDate:
    """The resolved meeting date. ``start`` is empty when the year is unknown; ``month`` and ``day`` are then kept."""

    start: date | None = None
    end: date | None = None  # last day of a meeting over several days
    basis: DateBasis = DateBasis.NOT_FOUND
    month: int | None = None
    day: int | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def on(cls, start: date, basis: DateBasis, end: date | None = None, warnings=None) -> MeetingDate:
        return cls(start, end, basis, start.month, start.day, list(warnings or []))


def _latest_day_of_month(anchor: date, day: int) -> date | None:
    """The last date on or before ``anchor`` that falls on the given day of a month."""
    month_start = anchor.replace(day=1)
    for _ in range(3):
        try:
            value = month_start.replace(day=day)
        except ValueError:
            value = None
        if value and value <= anchor:
            return value
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    return None


def _latest_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve_meeting_date(ev: DateEvidence) -> MeetingDate:
    """Best meeting date, how it was found, and warnings explaining any guesswork."""
    today = ev.today or date.today()
    stated = ev.explicit or ev.dateline
    if stated:
        return _from_stated(stated, ev, today)
    if ev.published:
        if ev.day_of_month is not None:
            value = _latest_day_of_month(ev.published, ev.day_of_month)
            if value:
                return MeetingDate.on(value, DateBasis.RELATIVE_TO_PUBLICATION)
        if ev.days_before is not None and (ev.relative_first or ev.weekday is None):
            return MeetingDate.on(ev.published - timedelta(days=ev.days_before), DateBasis.RELATIVE_TO_PUBLICATION)
        if ev.weekday is not None:
            value = _latest_on_or_before(ev.published, ev.weekday)
            return MeetingDate.on(value, DateBasis.RELATIVE_TO_PUBLICATION)
        return MeetingDate.on(
            ev.published,
            DateBasis.PUBLICATION_DATE,
            warnings=["meeting date not stated; assumed to be the publication date"],
        )
    return MeetingDate(warnings=["meeting date not found"])


def _from_stated(stated: DateMention, ev: DateEvidence, today: date) -> MeetingDate:
    warnings: list[str] = []
    if stated.year:
        year, basis = stated.year, DateBasis.STATED
    elif ev.published:
        year, basis = ev.published.year, DateBasis.YEAR_FROM_PUBLICATION
        # Published in January about a December meeting: the meeting was in the previous year.
        if stated.month - ev.published.month > 6:
            year -= 1
    else:
        return _guess_year(stated, ev, today)
    value = stated.to_date(year)
    if value is None:
        impossible = f"impossible date {stated.month}/{stated.day}"
        return MeetingDate(month=stated.month, day=stated.day, warnings=[impossible])
    end = stated.end_date(year)
    if end and ev.published and value <= ev.published < end:
        end = ev.published  # a report cannot tell of days after it was written
    if end and ev.weekday is not None:
        named = _latest_on_or_before(end, ev.weekday)
        if named >= value:
            # "met on Tuesday" during a visit "from 5 to 7 April": the meeting is the Tuesday.
            return MeetingDate.on(named, basis)
    if end:
        return MeetingDate.on(value, basis, end if end > value else None)
    if ev.weekday is not None and value.weekday() != ev.weekday and ev.explicit is None:
        # A dateline carries the filing day; "on Tuesday" may name an earlier day of the week.
        shifted = _latest_on_or_before(value, ev.weekday)
        warnings.append(f"weekday in text moves the meeting from {value} to {shifted}")
        value = shifted
    return MeetingDate.on(value, basis, warnings=warnings)


def _guess_year(stated: DateMention, ev: DateEvidence, today: date) -> MeetingDate:
    """Month and day without a year: a year only where the weekday and the years the text cites single one out."""
    unknown = MeetingDate(
        basis=DateBasis.YEAR_UNKNOWN, month=stated.month, day=stated.day, warnings=["meeting year not stated"]
    )
    latest_year = max((y for y in ev.years_in_text if y <= today.year), default=None)
    if ev.weekday is None or latest_year is None:
        return unknown
    # Years the text mentions are usually past or current: the meeting is not before the latest of them.
    candidates = []
    for year in range(latest_year, today.year + 1):
        value = stated.to_date(year)
        if value and value <= today and value.weekday() == ev.weekday:
            candidates.append(value)
    if not candidates:
        return unknown
    first = candidates[0]
    note = "" if len(candidates) == 1 or first.year > latest_year else "; other years possible"
    return MeetingDate.on(
        first,
        DateBasis.YEAR_INFERRED,
        stated.end_date(first.year),
        [f"meeting year inferred from the weekday and the years in the text{note}"],
    )
