"""When two readouts tell of one meeting: the rules, as pure functions over small records of each readout.

Two accounts are of one meeting when
- their dates (the meeting's, else the publication's) are at most GROUPING_DAYS apart: time zones move a date by
  a day, a report follows the meeting by a day, a meeting of several days is dated by its first or its last;
- they share people: two of them, or every participant of an account that names fewer than two (a readout of a
  G20 day names the same president in ten meetings, with ten different counterparts). People are the same person
  record, or names that read alike in Latin letters ("Касым-Жомарт Токаев" and "Kassym-Jomart Tokayev"), so that
  language versions meet;
- their places do not contradict each other (both named, in one script, with no word in common).
The same rules serve one imported readout (readouts.meetings.grouping) and the whole archive's sweep.
"""

import datetime
import difflib
import re
from dataclasses import dataclass, field

from readouts.meetings.text import fold, roman

# Two names whose Latin spellings agree this much are taken for one person's (Tokayev, Tokaev: 0.92).
NAME_LIKENESS = 0.8
PLACE_WORD = re.compile(r"[^\W\d_]{3,}")
# Words of a place that name no place ("telephone call", "not stated").
NOT_PLACES = {"telephone", "phone", "call", "video", "videoconference", "virtual", "online", "not", "stated"}
# The parser's mark on a place it guessed (parsing.location.inferred_capital).
INFERRED_PLACE = "(inferred:"


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    country_id: int | None = None

    @property
    def name_parts(self) -> tuple[str, ...]:
        return tuple(part for part in re.split(r"[\s.\-]+", roman(self.name)) if len(part) > 1)


@dataclass
class Account:
    """What the rules need of a readout."""

    pk: int
    day: datetime.date | None
    place: str = ""
    people: tuple[Person, ...] = ()
    meeting_id: int | None = None
    keys: frozenset[str] = field(init=False)

    def __post_init__(self):
        self.keys = frozenset(blocking_key(person) for person in self.people)


def blocking_key(person: Person) -> str:
    """The first letters of the person's surname in Latin letters: accounts that could share the person share it,
    so that only those are compared."""
    parts = person.name_parts
    return parts[-1][:2] if parts else str(person.pk)


def same_person(first: Person, second: Person) -> bool:
    if first.pk == second.pk:
        return True
    if first.country_id and second.country_id and first.country_id != second.country_id:
        return False
    a, b = first.name_parts, second.name_parts
    if not a or not b:
        return False
    # The surnames alike and, when both names have more, one of the other parts alike or of one initial: the
    # transliterations of a given name differ most (Kassym-Jomart, Kasym-Zhomart).
    if not alike(a[-1], b[-1]):
        return False
    given, others = a[:-1], b[:-1]
    if not given or not others:
        return True
    return any(alike(part, other) or part[0] == other[0] for part in given for other in others)


def alike(first: str, second: str) -> bool:
    if first == second:
        return True
    if len(first) < 3 or len(second) < 3:
        return False
    return difflib.SequenceMatcher(None, first, second).ratio() >= NAME_LIKENESS


def shared_people(first: Account, second: Account) -> int:
    return sum(1 for person in first.people if any(same_person(person, other) for other in second.people))


def place_words(place: str) -> frozenset[str]:
    if INFERRED_PLACE in place:
        return frozenset()  # a guessed capital ("Moscow (inferred: ...)") is no evidence against "Sochi"
    words = {roman(word) for word in PLACE_WORD.findall(fold(re.sub(r"\([^)]*\)", " ", place)))}
    return frozenset(words - NOT_PLACES)


def places_agree(first: str, second: str) -> bool | None:
    """True when the places share a word, False when both are named and share none, None when one is unknown."""
    a, b = place_words(first), place_words(second)
    if not a or not b:
        return None
    return bool(a & b)


def same_meeting_score(first: Account, second: Account, days: int) -> float | None:
    """How surely the two accounts tell of one meeting (higher is surer), or None when they cannot."""
    if first.day is None or second.day is None:
        return None
    gap = abs((first.day - second.day).days)
    if gap > days:
        return None
    needed = min(2, len(first.people), len(second.people))
    if needed == 0:
        return None
    if not first.keys & second.keys and not crosses_scripts(first, second):
        return None
    shared = shared_people(first, second)
    if shared < needed and not (shared and crosses_scripts(first, second) and same_sides(first, second)):
        return None
    places = places_agree(first.place, second.place)
    if places is False:
        return None
    return shared * 10 + (3 if places else 0) - gap


def crosses_scripts(first: Account, second: Account) -> bool:
    """Whether the two accounts name people in different scripts, where the blocking keys may differ (Ван, Wang)."""
    return latin(first) != latin(second)


def latin(account: Account) -> bool:
    return all(fold(person.name).isascii() for person in account.people)


def same_sides(first: Account, second: Account) -> bool:
    """Whether both accounts' participants come from the same two or more countries: across scripts, where a
    name may not be recognised in its other spelling (Ван И, Wang Yi), one shared person and the same sides
    tell of one meeting."""
    countries = {person.country_id for person in first.people}
    return None not in countries and len(countries) >= 2 and countries == {p.country_id for p in second.people}


def best_meeting(account: Account, candidates, days: int) -> int | None:
    """The meeting id of the candidate account that most surely tells of the same meeting as ``account``."""
    best, best_score = None, None
    for candidate in candidates:
        if candidate.pk == account.pk or candidate.meeting_id is None:
            continue
        score = same_meeting_score(account, candidate, days)
        if score is not None and (best_score is None or score > best_score):
            best, best_score = candidate.meeting_id, score
    return best
