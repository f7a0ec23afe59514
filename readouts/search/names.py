"""The people and countries a query names, in any of their spellings or scripts, and all their other spellings.

A query for "Токаев", "托卡耶夫", "Tokaev" or "Tokayev" should find the paragraphs about him in every language, and
"Kazakhstan" those that say "Казахстан" or "哈萨克斯坦". The archive knows a person's name and aliases (other
spellings, other scripts, short forms) and a country's name, aliases and demonyms; CLDR (Babel) adds each
country's name in the languages searched. The name index maps every spelling, folded (no case, no accents), to its
entity and all its spellings; query.py then searches for any of them where the query has one.

The index is built from two small queries and kept in the process until the cache's marker of it is gone
(NAMES_TIMEOUT), so that a person added in the admin is known a few minutes later at most.
"""

import re
import unicodedata
from dataclasses import dataclass

from babel import Locale
from django.core.cache import cache

from readouts.search import words

# The languages whose country names CLDR adds: those with a configuration, and the main ones without.
CLDR_LANGUAGES = ("en", "fr", "ru", "es", "de", "pt", "ar", "zh", "ja", "ko", "it", "tr")
NAMES_KEY, NAMES_TIMEOUT = "readouts:search-names", 300
# The longest name, in words, looked for in a query.
MAX_NAME_WORDS = 5
# A person's last name alone is one of their spellings when it is this long at least ("Lavrov", not "Yi").
SURNAME_LETTERS = 4
# Spellings this short ("UN", "EU", "PRC") name an entity only as written, in capitals: "un" and "us" are words.
EXACT_UP_TO = 3
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def spelling_key(spelling: str) -> str:
    """The index's key of a spelling: folded, or exactly as written when it is short (EXACT_UP_TO)."""
    return f"={spelling}" if len(spelling) <= EXACT_UP_TO else folded(spelling)


def folded(text: str) -> str:
    """Case and accents aside: "Tokáyev" and "tokayev" alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@dataclass(frozen=True)
class Entity:
    """A person (``kind`` "person", ``key`` the id) or a country (``kind`` "country", ``key`` the code), with
    every spelling it goes by."""

    kind: str
    key: int | str
    name: str
    spellings: tuple[str, ...]
    slug: str = ""  # a person's


@dataclass(frozen=True)
class NameIndex:
    by_spelling: dict[str, list[Entity]]  # folded spelling -> entities
    cjk_spellings: tuple[str, ...]  # the spellings in Chinese or Japanese, found inside runs of text


@dataclass(frozen=True)
class NamedSpan:
    """Where a query names an entity: ``text[start:end]``."""

    start: int
    end: int
    entities: tuple[Entity, ...]

    @property
    def spellings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(spelling for entity in self.entities for spelling in entity.spellings))


loaded: dict = {"index": None}


def name_index(connection) -> NameIndex:
    """The index, built again when the cache's marker is gone (after NAMES_TIMEOUT, or cache.clear()). Kept in
    the process, not in the cache, which would unpickle thousands of names for every search."""
    if loaded["index"] is None or not cache.get(NAMES_KEY):
        loaded["index"] = built_index(connection)
        cache.set(NAMES_KEY, True, NAMES_TIMEOUT)
    return loaded["index"]


def person_spellings(name: str, aliases: list[str]) -> tuple[str, ...]:
    """The name, the aliases and the last word of each ("Tokayev" of the name, "Токаев" of its Cyrillic alias)."""
    spellings = [name, *aliases]
    for written in (name, *aliases):
        parts = written.split()
        if len(parts) > 1 and len(parts[-1]) >= SURNAME_LETTERS:
            spellings.append(parts[-1])
    return tuple(dict.fromkeys(spelling for spelling in spellings if spelling.strip()))


def country_spellings(code: str, name: str, aliases: list[str], demonyms: list[str]) -> tuple[str, ...]:
    spellings = [name, *aliases, *(demonym for demonym in demonyms if len(demonym) > 2)]
    spellings += [cldr_name for cldr_name in cldr_names(code) if cldr_name]
    return tuple(dict.fromkeys(spelling for spelling in spellings if spelling.strip()))


def cldr_names(code: str) -> list[str]:
    return [cldr_locale(language).territories.get(code) for language in CLDR_LANGUAGES]


cldr_locales: dict[str, Locale] = {}


def cldr_locale(language: str) -> Locale:
    if language not in cldr_locales:
        cldr_locales[language] = Locale.parse(language)
    return cldr_locales[language]


def built_index(connection) -> NameIndex:
    entities = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name, aliases, slug FROM readouts_person")
        for person_id, name, aliases, slug in cursor.fetchall():
            entities.append(Entity("person", person_id, name, person_spellings(name, aliases), slug))
        cursor.execute("SELECT code, name, aliases, demonyms FROM readouts_country")
        for code, name, aliases, demonyms in cursor.fetchall():
            entities.append(Entity("country", code, name, country_spellings(code, name, aliases, demonyms)))
    by_spelling: dict[str, list[Entity]] = {}
    for entity in entities:
        for spelling in entity.spellings:
            by_spelling.setdefault(spelling_key(spelling), []).append(entity)
    cjk = {spelling for entity in entities for spelling in entity.spellings if words.has_cjk(spelling)}
    cjk = tuple(sorted(cjk, key=len, reverse=True))
    return NameIndex(by_spelling, cjk)


def named_spans(text: str, index: NameIndex, *, skip=()) -> list[NamedSpan]:
    """The names in the query, longest first and not overlapping, outside the spans in ``skip`` (its quoted
    phrases and excluded words): runs of up to MAX_NAME_WORDS words that are a spelling, and the Chinese or
    Japanese spellings found inside the text."""
    taken = [False] * len(text)
    for start, end in skip:
        taken[start:end] = [True] * (end - start)
    spans = []

    def claim(start, end, entities):
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            spans.append(NamedSpan(start, end, tuple(entities)))

    tokens = [(match.start(), match.end()) for match in WORD.finditer(text)]
    for size in range(min(MAX_NAME_WORDS, len(tokens)), 0, -1):
        for first in range(len(tokens) - size + 1):
            start, end = tokens[first][0], tokens[first + size - 1][1]
            window = " ".join(text[s:e] for s, e in tokens[first : first + size])
            entities = index.by_spelling.get(spelling_key(window))
            if entities:
                claim(start, end, entities)
    folded_text = folded(text)  # Chinese and Japanese keep their length when folded
    if words.has_cjk(text) and len(folded_text) == len(text):
        # A substring test first: a regular expression for each of the archive's 400 spellings took 0.8 ms a query.
        for spelling in (spelling for spelling in index.cjk_spellings if spelling in folded_text):
            for found in re.finditer(re.escape(spelling), folded_text):
                claim(found.start(), found.end(), index.by_spelling[spelling_key(spelling)])
    return sorted(spans, key=lambda span: span.start)
