"""What a paragraph mentions that reads alike in any language: countries, numbers, people, and named terms.

Countries are found by their names in the paragraph's language and in English (CLDR through Babel, the archive's
own country list for demonyms and other names: "Chinese", "PRC"), so that "Taiwan", "台湾" and "Тайвань" are one
mention (TW). Pure functions over text; the name tables are built once per language.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from readouts.countries import country_records
from readouts.meetings.text import UNSPACED, fold, is_unspaced, numbers, roman, words

# A run of capitalised words, with "of", "and", "the" between them: "Shanghai Cooperation Organisation",
# "Belt and Road". Sentence-initial single words are left out (most are not names).
NAMED_TERM = re.compile(
    r"(?<![\w])(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+)(?:\s+(?:(?:of|and|the|for|de|la|du|des|и)\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+)*"
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;»\"“]\s+)$")
# The shortest name that is matched by its start, so that inflected forms and adjectives meet (Китай: Китая;
# China: Chinese); shorter names must match whole (Iran is not Iraq).
STEMMED_FROM = 5
# Titles written with a capital, which name no topic.
TITLES = {"president", "prime minister", "foreign minister", "minister", "secretary", "chairman", "king", "premier"}
# CLDR's two-letter codes that are no country: the European Union and the eurozone are in the archive's own list,
# the others (unknown region, pseudo-locales) name nothing.
NOT_COUNTRIES = {"EZ", "QO", "UN", "XA", "XB", "ZZ"}


@dataclass(frozen=True)
class CountryNames:
    exact: dict[str, str]  # folded word or phrase -> code
    stems: dict[str, str]  # folded start of a word -> code
    unspaced: tuple[tuple[str, str], ...]  # names in scripts without spaces, found as substrings
    english: dict[str, str]  # code -> English name to show


@lru_cache(maxsize=32)
def country_names(language: str) -> CountryNames:
    exact, stems, unspaced = {}, {}, []
    english = {}
    names: list[tuple[str, str]] = []
    for record in country_records():
        code = record["code"]
        english[code] = record["name"]
        names += [(name, code) for name in [record["name"], *record["aliases"], *record["demonyms"]]]
    for locale in dict.fromkeys(["en", language or "en"]):
        try:
            territories = Locale.parse(locale).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            # Two letters: a country or territory (Taiwan, Hong Kong, Palestine), not a region of the world ("001").
            if len(code) == 2 and code.isalpha() and code not in NOT_COUNTRIES:
                english.setdefault(code, Locale.parse("en").territories.get(code, name))
                names.append((name, code))
    for name, code in names:
        if UNSPACED.search(name):
            unspaced.append((name, code))
            continue
        folded = " ".join(words(name))
        if not folded:
            continue
        exact.setdefault(folded, code)
        if " " not in folded and len(folded) >= STEMMED_FROM:
            stems.setdefault(folded[:-1], code)
    return CountryNames(exact, stems, tuple(sorted(unspaced, key=lambda pair: -len(pair[0]))), english)


def countries_in(text: str, language: str) -> list[str]:
    """The codes of the countries the text names, in the order it first names them."""
    names = country_names(language)
    found = []
    if is_unspaced(text):
        for name, code in names.unspaced:
            if name in text:
                found.append((text.index(name), code))
    tokens = words(text)
    for index, token in enumerate(tokens):
        for phrase in (" ".join(tokens[index : index + 3]), " ".join(tokens[index : index + 2]), token):
            if phrase in names.exact:
                found.append((index, names.exact[phrase]))
                break
        else:
            for length in range(len(token), STEMMED_FROM - 2, -1):
                code = names.stems.get(token[:length])
                if code:
                    found.append((index, code))
                    break
    found.sort()
    return list(dict.fromkeys(code for _, code in found))


def named_terms(text: str) -> list[str]:
    """Capitalised names and terms in the text, as written, in order, once each: "Caspian Sea", "Taiwan"; not the
    names of months and days."""
    terms = []
    for match in NAMED_TERM.finditer(text):
        term = re.sub(r"^(?:The|A|An|Le|La|Les|El|Los|Las)\s+", "", match.group(0).rstrip("’'-"))
        at_start = SENTENCE_START.search(text[: match.start()]) is not None
        if (
            (at_start and " " not in term)
            or term.casefold() in TITLES
            or all(fold(word) in calendar_words() for word in term.split())
        ):
            continue
        terms.append(term)
    return list(dict.fromkeys(terms))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Names of months and weekdays (CLDR, in the languages whose capitals NAMED_TERM reads), folded."""
    found = set()
    for language in ("en", "fr", "es", "pt", "de", "ru"):
        locale = Locale.parse(language)
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                found |= {fold(name).rstrip(".") for name in locale.months[context][width].values()}
                found |= {fold(name).rstrip(".") for name in locale.days[context][width].values()}
    return frozenset(found)


def term_key(term: str) -> str:
    return " ".join(roman(word)[:5] for word in words(term))


def features(text: str, language: str, people_names) -> frozenset[str]:
    """What a paragraph says that another language's account would say alike: its countries, its numbers, the
    people it names (by id) and its named terms in Latin letters."""
    found = {f"country:{code}" for code in countries_in(text, language)}
    found |= {f"number:{number}" for number in numbers(text) if len(number) > 1 or number != "0"}
    found |= {f"person:{pk}" for pk in people_in(text, people_names)}
    found |= {f"term:{term_key(term)}" for term in named_terms(text)}
    return frozenset(found)


def people_in(text: str, people_names) -> list[int]:
    """The ids of the people (``people_names``: (id, name) pairs, several names to an id allowed) whom the text
    names by surname, by first name (Wang, of Wang Yi) or in full."""
    romanised = {roman(word) for word in words(text)}
    found = []
    for pk, name in people_names:
        parts = [roman(part) for part in words(name)]
        if not parts:
            continue
        if UNSPACED.search(name):
            named = name in text
        else:
            named = (
                (len(parts[-1]) >= 3 and parts[-1] in romanised)
                or (len(parts[0]) >= 4 and parts[0] in romanised)
                or all(part in romanised for part in parts)
            )
        if named:
            found.append(pk)
    return list(dict.fromkeys(found))
