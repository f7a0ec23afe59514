"""Participants and the office-holders table (``offices.py``): one English name for a person however the text
writes them ("王毅", "Ван И", "Лаврова", "Poroshenko" on a day he was president), and the person behind an office
named without a name ("the Prime Minister met ...", "министр иностранных дел", "国务委员兼外长") on the meeting's day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .gazetteer import load_gazetteer
from .names import fold
from .offices import (
    KnownPerson,
    OfficeHolder,
    find_office_titles,
    find_person,
    find_persons_by_family_name,
    holders_of,
    holders_on,
    known_persons,
)
from .romanise import is_han, is_latin
from .types import ParsedParticipant

# Languages the office-titles table is written in.
TITLE_LANGUAGES = ("en", "fr", "es", "pt", "ru", "zh", "de")


@lru_cache(maxsize=1)
def _traditional_to_simplified():
    from opencc import OpenCC

    return OpenCC("t2s")


def simplified(text: str) -> str:
    """Chinese text in simplified characters (the table's), from traditional (Hong Kong, Taiwan)."""
    return _traditional_to_simplified().convert(text)


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Short English country name -> ISO code."""
    return {name: code for code, name in load_gazetteer().codes.items()}


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return load_gazetteer().codes.get(code) or {"EU": "European Union", "UN": "United Nations"}.get(code)


def country_code(name: str | None) -> str | None:
    if not name:
        return None
    return _codes().get(name) or {"European Union": "EU", "United Nations": "UN"}.get(name)


def lookup(participant: ParsedParticipant, day: date | None) -> KnownPerson | None:
    """The table's person for a participant: by full name in any script, or by a family name alone when exactly
    one person of that family name held an office on the day (or, the day unknown, has it at all)."""
    for written in (participant.name, *participant.aliases):
        person = find_person(written) or (find_person(simplified(written)) if is_han(written) else None)
        if person is not None:
            return person
    for written in (participant.name, *participant.aliases):
        words = written.split()
        if len(words) >= 2 and is_latin(written):
            person = _spelling_variant(words)
            if person is not None:
                return person
        if len(words) == 1:
            # On a known day, the one who held an office then; on an unknown day, only a family name the table
            # gives to nobody else.
            found = find_persons_by_family_name(words[0], day)
            if len(found) == 1:
                return found[0]
    return None


MIN_VARIANT_LETTERS = 6  # shorter family names are too alike to tell a variant from another name


def _spelling_variant(words: list[str]) -> KnownPerson | None:
    """The one person of the table with the same given name and a family name another language's spelling of
    theirs: at most two letters apart ("Nikol Pachinian" in French is "Nikol Pashinyan")."""
    given, family = fold(words[0]), fold(words[-1])
    if len(family) < MIN_VARIANT_LETTERS:
        return None
    found = []
    for person in known_persons():
        parts = person.name.split()
        if len(parts) >= 2 and fold(parts[0]) == given and _distance(fold(parts[-1]), family) <= 2:
            found.append(person)
    return found[0] if len(found) == 1 else None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (names are short)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def with_known_name(participant: ParsedParticipant, day: date | None, language: str = "") -> ParsedParticipant:
    """The participant under the table's English name, with every form the text wrote and the table's usual forms
    in the other scripts as aliases; the participant unchanged when the table does not know them. An English text
    that spells a family name its own way ("Kharrazi", the table's "Kharazi") keeps its spelling."""
    person = lookup(participant, day)
    if person is None:
        return participant
    if language == "en" and not participant.aliases and _family(participant.name) != _family(person.name):
        aliases = tuple(a for a in (person.name, person.cyrillic, person.chinese) if a)
        country = _known_country(person, day, participant.country)
        return ParsedParticipant(participant.name, participant.title, country, aliases=aliases)
    if _fuller_form(participant.name, person.name):
        # The text gives the full name the table shortens ("Luiz Alberto Figueiredo Machado"): keep the text's.
        aliases = [a for a in dict.fromkeys([person.name, *participant.aliases, person.cyrillic, person.chinese]) if a]
        country = _known_country(person, day, participant.country)
        return ParsedParticipant(participant.name, participant.title, country, aliases=tuple(aliases))
    # A participant with aliases was written in another script and named by romanisation ("Van I"), which is not
    # a name the person goes by: only what the text or the table writes is kept.
    written = participant.aliases or (participant.name,)
    aliases = [a for a in dict.fromkeys([*written, person.cyrillic, person.chinese]) if a and a != person.name]
    country = _known_country(person, day, participant.country)
    return ParsedParticipant(person.name, participant.title, country, aliases=tuple(aliases))


def _fuller_form(written: str, known: str) -> bool:
    """The text's Latin name is the table's with more words after it (a second family name)."""
    if not is_latin(written):
        return False
    words, known_words = fold(written).split(), fold(known).split()
    return len(known_words) >= 2 and len(words) > len(known_words) and words[: len(known_words)] == known_words


def _family(name: str) -> str:
    words = fold(name).replace(",", " ").split()
    return words[-1] if words else ""


def _known_country(person: KnownPerson, day: date | None, stated: str | None) -> str | None:
    """The country of the office the table's person held on the day; on a day they held none of the table's
    offices, the side the text gives them (the former foreign minister who now heads the WHO), else that of their
    last office. Without a day, the table's."""
    if day is not None and not person.terms_on(day) and stated:
        return stated
    return country_name(_country_of(person, day)) or stated


def _country_of(person: KnownPerson, day: date | None) -> str | None:
    terms = person.terms_on(day) if day else []
    terms = terms or list(person.terms)
    return terms[-1].country if terms else None


# A word before an office's title that makes it another's: "the former Prime Minister", "l'ancien Premier ministre",
# "the First President", "бывший премьер-министр", "前总理".
NOT_THE_HOLDER_BEFORE = re.compile(
    r"(?:(?i:\b(?:first|former|late|ex|acting|vice|deputy|ancien|ancienne|exministro|exministra|expresidente"
    r"|бывш\w*|перв\w*))[\s\-]|前)$"
)
_NAME_AFTER = re.compile(r"^[\s,]*(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+)?[A-Z\u0400-\u042f\u3400-\u9fff]")
# "the President's Office", "US President's National Security Advisor": an office named to say whose something is
# (though "the Secretary-General's meeting with ..." is the holder's own meeting).
_POSSESSIVE_AFTER = re.compile(
    r"^['’]s\s+(?!(?:\w+\s+)?(?:meeting|talks|call|conversation|visit|trip|discussions?)\b)", re.IGNORECASE
)
# "president of the Japanese organizing committee": a demonym after "of the" qualifies another noun, so the title
# is some body's, not the country's.
_OF_THE_WORD = re.compile(r"\s+of\s+the\s+([^\W\d_][\w\-]*)$", re.IGNORECASE)


def _of_a_demonym(title: str) -> bool:
    found = _OF_THE_WORD.search(title)
    if found is None:
        return False
    mentions = load_gazetteer().find(found.group(1))
    return bool(mentions) and mentions[0].is_demonym


def _period_of_named(matches: list, text: str, named: list[str]) -> tuple[date, date | None] | None:
    """When the meeting was, as far as the terms tell of the named people the text titles by their office ("the
    President of the European Council António Costa": from his taking that office on)."""
    people = {person.key for person in (find_person(name) for name in named) if person is not None}
    start, end = None, None
    for match in matches:
        if not match.country or not _NAME_AFTER.match(text[match.end : match.end + 8]):
            continue
        following = text[match.end : match.end + 80]
        terms = [
            h.term
            for h in holders_of(match.office, match.country)
            if h.person.key in people and any(fold(n) in fold(following) for n in h.person.names)
        ]
        if len(terms) != 1:
            continue
        term = terms[0]
        start = max(start, term.start) if start else term.start
        end = min(end, term.end) if end and term.end else (end or term.end)
    return (start, end) if start else None


def _holders_in(office: str, code: str, period: tuple[date, date | None]) -> list[OfficeHolder]:
    start, end = period
    return [
        holder
        for holder in holders_of(office, code)
        if (holder.term.end is None or holder.term.end > start) and (end is None or holder.term.start < end)
    ]


def office_holders_named_by_title(
    text: str, language: str, day: date | None, home_country: str | None, named: list[str] = ()
) -> list[tuple[OfficeHolder, str]]:
    """People the text names by their office only ("The Prime Minister met ...", "the Chinese Foreign Minister"),
    each with the title as written. A title with a name right after it is left to the name; an office of no stated
    country is the publisher's home country's. Without the day, the terms of the ``named`` people the text titles
    by their office may leave a single holder possible."""
    if language not in TITLE_LANGUAGES:
        return []
    matches = find_office_titles(text, language)
    period = _period_of_named(matches, text, list(named)) if day is None and named else None
    if day is None and period is None:
        return []
    found = []
    for match in matches:
        if language != "zh" and _NAME_AFTER.match(text[match.end : match.end + 8]):
            continue
        if _POSSESSIVE_AFTER.match(text[match.end : match.end + 40]) or _of_a_demonym(match.text):
            continue
        if NOT_THE_HOLDER_BEFORE.search(text[max(0, match.start - 12) : match.start]):
            continue
        if language == "zh" and re.match(r"[\u3400-\u9fff]{2}", text[match.end : match.end + 2] or ""):
            following = text[match.end : match.end + 4]
            if not re.match(r"(?:会见|會見|会晤|會晤|同|与|與|在|于|表示|应约|應約|通电话)", following):
                continue  # a name follows the title
        code = match.country or country_code(home_country)
        if not code:
            continue
        holders = holders_on(match.office, code, day) if day else _holders_in(match.office, code, period)
        if len(holders) == 1:
            found.append((holders[0], match.text))
    return found
