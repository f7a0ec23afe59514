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
from readouts.meetings.text import UNSPACED, WORD, fold, is_unspaced, numbers, roman, words
from readouts.parsing.offices import find_office_titles

# A run of capitalised words, with "of", "and", "the" between them: "Shanghai Cooperation Organisation",
# "Belt and Road", "Corea del Sur". Sentence-initial single words are left out (most are not names).
NAMED_TERM = re.compile(
    r"(?<![\w])(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+)"
    r"(?:\s+(?:(?:of|and|the|for|de|la|du|des|del|и)\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]+)*"
)
SENTENCE_START = re.compile(r"(?:^|[.!?:;»\"“]\s+)$")
# The shortest name that is matched by its start, so that inflected forms and adjectives meet (Китай: Китая;
# China: Chinese); shorter names must match whole (Iran is not Iraq).
STEMMED_FROM = 5
# Titles written with a capital, which name no topic: a term made of them is left out, and a term they start
# ("President Fidel Castro") is kept without them.
TITLES = {"president", "prime minister", "foreign minister", "minister", "secretary", "chairman", "king", "premier"}
TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())
# Words that start a name without being part of it (articles).
ARTICLES = {"the", "a", "an", "le", "la", "les", "el", "los", "las"}
# A word matched by its start ends at most this many letters after it (Китая, китайской): "congratulated" does
# not name the Congo.
LONGEST_ENDING = 5
# Languages that write the adjectives of countries with a capital too ("Chinese"): there, a word in lower case
# names no country ("franchise").
CAPITALISED_ADJECTIVES = {"en"}
# CLDR's two-letter codes that are no country: the European Union and the eurozone are in the archive's own list,
# the others (unknown region, pseudo-locales) name nothing.
NOT_COUNTRIES = {"EZ", "QO", "UN", "XA", "XB", "ZZ"}


@dataclass(frozen=True)
class CountryNames:
    exact: dict[str, str]  # folded word or phrase -> code
    stems: dict[str, str]  # folded start of a word -> code
    unspaced: tuple[tuple[str, str], ...]  # names in scripts without spaces, found as substrings
    english: dict[str, str]  # code -> English name to show
    lower: frozenset[str]  # folded names the tables write in lower case themselves (French demonyms: chinoise)


@lru_cache(maxsize=32)
def country_names(language: str) -> CountryNames:
    exact, stems, unspaced, lower = {}, {}, [], set()
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
        if name[:1].islower():
            lower.add(folded)
        if " " not in folded and len(folded) >= STEMMED_FROM:
            stems.setdefault(folded[:-1], code)
    return CountryNames(
        exact, stems, tuple(sorted(unspaced, key=lambda pair: -len(pair[0]))), english, frozenset(lower)
    )


def countries_in(text: str, language: str) -> list[str]:
    """The codes of the countries the text names, in the order it first names them."""
    names = country_names(language)
    found = []
    written = None  # the tokens as written, where the script has capitals
    if is_unspaced(text):
        for name, code in names.unspaced:
            if name in text:
                found.append((text.index(name), code))
        tokens = words(text)
    else:
        written = WORD.findall(text)
        tokens = [fold(token) for token in written]
    for index, token in enumerate(tokens):
        for phrase in (" ".join(tokens[index : index + 3]), " ".join(tokens[index : index + 2]), token):
            if phrase in names.exact:
                # A name is written with a capital where the script has capitals, as the tables write it:
                # "reunión" is no Réunion, "turkey" no Turkey; "chinoise" is French for Chinese.
                if written is not None and written[index][:1].islower() and phrase not in names.lower:
                    break
                found.append((index, names.exact[phrase]))
                break
        else:
            # An inflected form or an adjective, which French, Spanish and Russian write in lower case.
            if written is not None and written[index][:1].islower() and (language or "en") in CAPITALISED_ADJECTIVES:
                continue
            for length in range(len(token) - 1, max(STEMMED_FROM - 2, len(token) - LONGEST_ENDING) - 1, -1):
                code = names.stems.get(token[:length])
                if code:
                    found.append((index, code))
                    break
    found.sort()
    return list(dict.fromkeys(code for _, code in found))


def named_terms(text: str, lowercase: frozenset[str] = frozenset(), language: str = "") -> list[str]:
    """Capitalised names and terms in the text, as written, in order, once each: "Caspian Sea", "Taiwan".

    Left out: names of months and weekdays ("On Monday"), articles before a name ("The"), office titles in the
    text's language (the parser's table: "President Fidel Castro" is "Fidel Castro", "ministre des Affaires
    étrangères" no term), and words capitalised only because they start a sentence: a single word there, or a
    first word the text writes in lower case elsewhere (``lowercase``: folded words, from the whole account), as
    is any single word written so."""
    titles = [(found.start, found.end) for found in find_office_titles(text, language)] if language else []
    terms = []
    for match in NAMED_TERM.finditer(text):
        at_start = SENTENCE_START.search(text[: match.start()]) is not None
        parts = [
            part
            for part in re.finditer(r"\S+", match.group(0).rstrip("’'-"))
            if not any(begin <= match.start() + part.start() < end for begin, end in titles)
        ]
        parts = [part.group(0) for part in parts]
        first = 0
        while first < len(parts) and not_a_name(parts[first], lowercase if first == 0 and at_start else None):
            first += 1
        last = len(parts)
        while last > first and (fold(parts[last - 1]) in calendar_words() or parts[last - 1].islower()):
            last -= 1
        kept = parts[first:last]
        if not kept or (at_start and first == 0 and len(kept) == 1):
            continue
        term = " ".join(kept)
        if term.casefold() in TITLES or (len(kept) == 1 and fold(term) in lowercase):
            continue
        if any(fold(word) in calendar_words() for word in kept):
            continue  # a date inside the run ("Monday June")
        terms.append(term)
    return list(dict.fromkeys(terms))


def not_a_name(word: str, lowercase: frozenset[str] | None) -> bool:
    """Whether a word that starts a run of capitalised words is no part of a name: an article, a title, a
    calendar word, a connector; with ``lowercase`` (the word starts a sentence), a word the text also writes in
    lower case."""
    folded = fold(word)
    if word.islower() or folded in ARTICLES or folded in TITLE_WORDS or folded in calendar_words():
        return True
    return lowercase is not None and folded in lowercase


def lowercase_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case somewhere, folded: what a capital at a sentence's start does not
    make a name."""
    return frozenset(fold(word) for word in WORD.findall(text) if word.islower())


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
    found |= {f"term:{term_key(term)}" for term in named_terms(text, language=language)}
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
