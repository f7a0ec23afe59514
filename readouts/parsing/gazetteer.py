"""Country gazetteer: maps country names, aliases and demonyms to a short English country name.

The table lives in readouts/data/countries.tsv (code, name, kind, demonyms, aliases; lists separated by "|").
Lookups work on word tuples so that finding every mention in a text is linear in its length.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COUNTRIES_TSV = Path(__file__).resolve().parents[1] / "data" / "countries.tsv"

# Words as the gazetteer sees them: letters with inner dots, apostrophes and hyphens ("U.S.", "People's").
_WORD = re.compile(r"[^\W\d_](?:[\w'’.\-]{0,40}[\w.])?")
# Short upper-case aliases ("US", "UN", "EU") must match exactly; longer names match case-insensitively.
_CASE_SENSITIVE_MAX_LEN = 3


# Country names in these languages come from CLDR (through Babel), beside the table's English and French forms.
CLDR_LOCALES = ("en", "fr", "es", "pt", "de", "it", "ru", "uk", "zh", "zh_Hant", "ja", "ko", "ar")
# Russian names and demonyms are declined ("России", "в Китае", "российского"): their forms come from pymorphy3.
RUSSIAN_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Chinese and Japanese are written without spaces: names are found inside runs of these characters.
_UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_UNSPACED_NAME = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")


@dataclass(frozen=True)
class CountryMention:
    country: str  # short English name
    start: int  # character offsets in the searched text
    end: int
    is_demonym: bool


def words(text: str) -> list[tuple[str, int, int]]:
    """Split text into (word, start, end), normalising curly apostrophes and dropping trailing dots of plain words."""
    result = []
    for match in _WORD.finditer(text):
        word = match.group().replace("’", "'")
        end = match.end()
        # "China." at a sentence end is "China", but "U.S." keeps its dots.
        if word.endswith(".") and word.count(".") == 1:
            word, end = word[:-1], end - 1
        if word.endswith("'s"):
            word, end = word[:-2], end - 2
        result.append((word, match.start(), end))
    return result


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in words(phrase))


class Gazetteer:
    def __init__(self, rows: list[dict[str, str]], locales: tuple[str, ...] = CLDR_LOCALES):
        self.exact: dict[tuple[str, ...], tuple[str, bool]] = {}
        self.folded: dict[tuple[str, ...], tuple[str, bool]] = {}
        self.names: set[str] = set()
        self.codes: dict[str, str] = {}
        for row in rows:
            name = row["name"].strip()
            if not name:
                continue
            self.names.add(name)
            self.codes[row["code"].strip().upper()] = name
            entries = [(name, False)]
            entries += [(a, False) for a in row.get("aliases", "").split("|")]
            entries += [(d, True) for d in row.get("demonyms", "").split("|")]
            for phrase, is_demonym in entries:
                key = _key(phrase.strip())
                if not key:
                    continue
                if len(phrase.strip()) <= _CASE_SENSITIVE_MAX_LEN:
                    self.exact.setdefault(key, (name, is_demonym))
                else:
                    self.folded.setdefault(tuple(w.lower() for w in key), (name, is_demonym))
        # Unspaced names ("中国", "ロシア") are looked up by their characters, longest first.
        self.unspaced: dict[str, tuple[str, bool]] = {}
        # Another language's name that English does not use matches only capitalised, as a name is written:
        # German "Island" (Iceland) is no country in "the island of Bali".
        self.capitalised_only: set[tuple[str, ...]] = set()
        for locale, name, phrase in _cldr_names(self.codes, locales):
            for form in declined_forms(phrase) if locale == "ru" else (phrase,):
                folded = tuple(w.lower() for w in _key(form))
                if locale != "en" and folded and folded not in self.folded:
                    self.capitalised_only.add(folded)
                self._add(form, name, False)
        for row in rows:
            name = row["name"].strip()
            for phrase in [name, *row.get("aliases", "").split("|")]:
                if _CYRILLIC.search(phrase):
                    for form in declined_forms(phrase):
                        self._add(form, name, False)
            for phrase in row.get("demonyms", "").split("|"):
                if _CYRILLIC.search(phrase):
                    for form in declined_forms(phrase, every_form=True):
                        self._add(form, name, True)
        self.max_unspaced = max((len(k) for k in self.unspaced), default=0)
        # For each first character, the lengths of the names it starts, longest first: most characters start none.
        lengths: dict[str, set[int]] = {}
        for phrase in self.unspaced:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._unspaced_lengths = {ch: sorted(found, reverse=True) for ch, found in lengths.items()}
        self.max_words = max((len(k) for k in [*self.exact, *self.folded]), default=1)
        # Longest key starting with each (folded) first word: most words start no key and are skipped at once.
        self.longest_from: dict[str, int] = {}
        for key in [*self.exact, *self.folded]:
            first = key[0].lower()
            self.longest_from[first] = max(self.longest_from.get(first, 0), len(key))

    def _add(self, phrase: str, name: str, is_demonym: bool) -> None:
        phrase = phrase.strip()
        if _UNSPACED_NAME.match(phrase):
            self.unspaced.setdefault(phrase, (name, is_demonym))
            return
        key = _key(phrase)
        if not key:
            return
        if len(phrase) <= _CASE_SENSITIVE_MAX_LEN:
            self.exact.setdefault(key, (name, is_demonym))
        else:
            self.folded.setdefault(tuple(w.lower() for w in key), (name, is_demonym))

    def lookup(self, phrase: str) -> str | None:
        """Short country name for a name, alias or demonym ("Chinese" -> "China"), else None."""
        found = self._lookup_key(_key(phrase))
        return found[0] if found else None

    def _lookup_key(self, key: tuple[str, ...]) -> tuple[str, bool] | None:
        if not key:
            return None
        if len(key) == 1 and key[0] in self.unspaced:
            return self.unspaced[key[0]]
        if key in self.exact:
            return self.exact[key]
        folded = tuple(w.lower() for w in key)
        found = self.folded.get(folded)
        # A name (not a demonym) of Russian or of another language's list is written capitalised: "того" ("после
        # того как") is not Togo, "island" not Iceland.
        lower_case = key[0][:1].islower() and (folded in self.capitalised_only or _CYRILLIC.match(key[0]))
        return None if found and lower_case and not found[1] else found

    def is_country_word(self, word: str) -> bool:
        return self._lookup_key((word.replace("’", "'"),)) is not None

    def find(self, text: str) -> list[CountryMention]:
        """All country mentions in text, longest match first, left to right (linear in the text length)."""
        tokens = words(text)
        mentions = self._find_unspaced(text) if self.unspaced else []
        i = 0
        while i < len(tokens):
            longest = self.longest_from.get(tokens[i][0].lower(), 0)
            for n in range(min(longest, len(tokens) - i), 0, -1):
                key = tuple(t[0] for t in tokens[i : i + n])
                found = self._lookup_key(key)
                if found and n == 1 and self._ends_another_name(text, tokens, i):
                    continue
                if found:
                    mentions.append(CountryMention(found[0], tokens[i][1], tokens[i + n - 1][2], found[1]))
                    i += n
                    break
            else:
                i += 1
        return sorted(mentions, key=lambda m: m.start) if self.unspaced else mentions

    def _ends_another_name(self, text: str, tokens: list[tuple[str, int, int]], i: int) -> bool:
        """Token i, another language's name of a country in Latin letters, is the last word of a name of several
        ("Solomon Island", "Rhode Island"): a capitalised word that names no country stands right before it."""
        if i == 0 or (tokens[i][0].lower(),) not in self.capitalised_only or _CYRILLIC.match(tokens[i][0]):
            return False  # Russian capitalises the titles before a country's name: "Президент России"
        previous, start, end = tokens[i - 1]
        return text[end : tokens[i][1]] == " " and previous[:1].isupper() and not self.is_country_word(previous)

    def _find_unspaced(self, text: str) -> list[CountryMention]:
        """Names inside Chinese and Japanese text, longest first at each position (linear: names are short)."""
        mentions = []
        for run in _UNSPACED_RUN.finditer(text):
            chars, offset, i = run.group(), run.start(), 0
            while i < len(chars):
                for n in self._unspaced_lengths.get(chars[i], ()):
                    found = self.unspaced.get(chars[i : i + n]) if i + n <= len(chars) else None
                    if found:
                        mentions.append(CountryMention(found[0], offset + i, offset + i + n, found[1]))
                        i += n
                        break
                else:
                    i += 1
        return mentions


def _cldr_names(codes: dict[str, str], locales: tuple[str, ...]):
    """(locale, table name, local name) for every country of the table in every locale's CLDR territory names."""
    if not locales:
        return
    from babel import Locale

    for locale in locales:
        for code, local_name in Locale.parse(locale).territories.items():
            if code in codes:
                yield locale, codes[code], local_name


@lru_cache(maxsize=1)
def _morphology():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def declined_forms(phrase: str, every_form: bool = False) -> set[str]:
    """A Russian name in each case ("Южная Корея" -> "Южной Кореи", ...); with every_form, an adjective in every
    gender, number and case ("российский" -> "российского", "российская"...). Words pymorphy3 does not know stay."""
    morph = _morphology()
    words_ = phrase.split()
    if every_form and len(words_) == 1:
        parsed = morph.parse(phrase)[0]
        return {phrase} | {form.word for form in parsed.lexeme}
    forms = {phrase}
    parsed_words = [_name_parse(morph, word) for word in words_]
    for case in RUSSIAN_CASES:
        declined = []
        for word, parsed in zip(words_, parsed_words, strict=True):
            inflected = parsed.inflect({case}) if parsed is not None and _CYRILLIC.search(word) else None
            declined.append(_same_case(inflected.word, word) if inflected else word)
        forms.add(" ".join(declined))
    return forms


def _name_parse(morph, word: str):
    """The dictionary's reading of a word of a country's name: as a place where it knows one; None where it reads
    it only as a pronoun ("Того" as "тот", whose forms "Тем", "То", "Том" open Russian sentences), which is not
    declined."""
    parses = morph.parse(word)
    place = next((p for p in parses if "Geox" in p.tag), None)
    if place is not None:
        return place
    first = parses[0]
    return None if "Apro" in first.tag or first.tag.POS == "NPRO" else first


def _same_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return [dict(row) for row in csv.DictReader(handle, delimiter="\t")]
    except FileNotFoundError:
        return _pycountry_rows()


def _pycountry_rows() -> list[dict[str, str]]:
    """Fallback without demonyms when the table is missing: names only, from pycountry."""
    import pycountry

    rows = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        aliases = "|".join({country.name, getattr(country, "official_name", country.name)})
        rows.append({"code": country.alpha_2, "name": name, "kind": "state", "demonyms": "", "aliases": aliases})
    rows.append({"code": "EU", "name": "European Union", "kind": "organization", "demonyms": "", "aliases": "EU"})
    rows.append({"code": "UN", "name": "United Nations", "kind": "organization", "demonyms": "", "aliases": "UN"})
    return rows


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = COUNTRIES_TSV) -> Gazetteer:
    return Gazetteer(_read_rows(path))


def country_of(phrase: str) -> str | None:
    return load_gazetteer().lookup(phrase)
