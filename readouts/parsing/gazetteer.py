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


# The table has English and French forms; Russian readouts need at least the most frequent countries, in the
# cases a country name takes in a readout (nominative, genitive, adjectives). Keyed by ISO code.
RUSSIAN_FORMS = {
    "RU": "Россия|России|Россию|Российской Федерации|Российская Федерация|российский|российского|РФ",
    "CN": "Китай|Китая|Китаю|КНР|китайский|китайского|Китайской Народной Республики",
    "KZ": "Казахстан|Казахстана|Казахстану|казахстанский|казахстанского|Республики Казахстан",
    "US": "США|Соединенных Штатов|Соединённых Штатов|американский|американского",
    "FR": "Франция|Франции|французский",
    "DE": "Германия|Германии|германский",
    "IN": "Индия|Индии|индийский",
    "TR": "Турция|Турции|турецкий",
    "BY": "Белоруссия|Белоруссии|Беларусь|Беларуси|белорусский",
    "UZ": "Узбекистан|Узбекистана|узбекский",
    "KG": "Киргизия|Киргизии|Кыргызстан|Кыргызстана",
    "TJ": "Таджикистан|Таджикистана",
    "UA": "Украина|Украины|украинский",
    "IR": "Иран|Ирана|иранский",
    "AZ": "Азербайджан|Азербайджана",
    "AM": "Армения|Армении",
    "MN": "Монголия|Монголии",
    "GB": "Великобритания|Великобритании|британский",
    "JP": "Япония|Японии|японский",
    "EU": "Европейский союз|Европейского союза|ЕС",
    "UN": "ООН|Организации Объединенных Наций",
}


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
    def __init__(self, rows: list[dict[str, str]]):
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
        for code, forms in RUSSIAN_FORMS.items():
            name = self.codes.get(code)
            for phrase in forms.split("|") if name else ():
                key = _key(phrase)
                if len(phrase) <= _CASE_SENSITIVE_MAX_LEN:
                    self.exact.setdefault(key, (name, False))
                else:
                    self.folded.setdefault(tuple(w.lower() for w in key), (name, phrase[0].islower()))
        self.max_words = max((len(k) for k in [*self.exact, *self.folded]), default=1)
        # Longest key starting with each (folded) first word: most words start no key and are skipped at once.
        self.longest_from: dict[str, int] = {}
        for key in [*self.exact, *self.folded]:
            first = key[0].lower()
            self.longest_from[first] = max(self.longest_from.get(first, 0), len(key))

    def lookup(self, phrase: str) -> str | None:
        """Short country name for a name, alias or demonym ("Chinese" -> "China"), else None."""
        found = self._lookup_key(_key(phrase))
        return found[0] if found else None

    def _lookup_key(self, key: tuple[str, ...]) -> tuple[str, bool] | None:
        if not key:
            return None
        if key in self.exact:
            return self.exact[key]
        return self.folded.get(tuple(w.lower() for w in key))

    def is_country_word(self, word: str) -> bool:
        return self._lookup_key((word.replace("’", "'"),)) is not None

    def find(self, text: str) -> list[CountryMention]:
        """All country mentions in text, longest match first, left to right (linear in the text length)."""
        tokens = words(text)
        mentions = []
        i = 0
        while i < len(tokens):
            longest = self.longest_from.get(tokens[i][0].lower(), 0)
            for n in range(min(longest, len(tokens) - i), 0, -1):
                key = tuple(t[0] for t in tokens[i : i + n])
                found = self._lookup_key(key)
                if found:
                    mentions.append(CountryMention(found[0], tokens[i][1], tokens[i + n - 1][2], found[1]))
                    i += n
                    break
            else:
                i += 1
        return mentions


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
