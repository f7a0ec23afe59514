"""The meetings between two countries per year and level: the pair page's timeline.

A meeting's level is the highest office held at it by a participant from either country, read from the titles
they held then (Participation.title) with the parser's table of office titles in every language
(readouts/parsing/data/office_titles.tsv): heads of state or government (and the heads of the EU and the UN),
foreign ministers (and the EU's High Representative), or other (ministers, envoys, titles the table does not
know). A meeting reported by several readouts counts once (its Meeting; a readout not grouped into one is its
own meeting).
"""

from dataclasses import dataclass
from functools import lru_cache

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef
from django.db.models.functions import Coalesce, ExtractYear

from readouts.models import Participation, Person
from readouts.parsing.offices import find_office_titles

HEADS, MINISTERS, OTHERS = "heads", "ministers", "others"
LEVELS = {
    HEADS: "Heads of state or government",
    MINISTERS: "Foreign ministers",
    OTHERS: "Other",
}
LEVEL_OF_OFFICE = {
    "head_of_state": HEADS,
    "head_of_government": HEADS,
    "supreme_leader": HEADS,
    "secretary_general": HEADS,
    "european_council_president": HEADS,
    "commission_president": HEADS,
    "foreign_minister": MINISTERS,
    "high_representative": MINISTERS,
}
RANK = {HEADS: 0, MINISTERS: 1, OTHERS: 2}


@lru_cache(maxsize=4096)
def level_of_title(title: str, language: str) -> str:
    """The level of one title as written in a readout of ``language`` (English titles are tried too: many
    readouts keep them in English)."""
    found = OTHERS
    for tried in dict.fromkeys((language or "en", "en")):
        for match in find_office_titles(title, tried):
            level = LEVEL_OF_OFFICE.get(match.office, OTHERS)
            if RANK[level] < RANK[found]:
                found = level
    return found


def level_of_titles(titles, language: str) -> str:
    return min((level_of_title(title, language) for title in titles), key=RANK.get, default=OTHERS)


@dataclass(frozen=True)
class YearLevels:
    year: int
    counts: dict[str, int]  # level -> meetings

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def count_pair_meetings(readouts, country, counterpart) -> list[YearLevels]:
    """The meetings among ``readouts`` (the pair's, filtered) per year and level, every year from the first to the
    last: two queries, the second a row per dated readout with its two countries' participants' titles."""
    # The two countries' people, by id: joined in the subquery, the people were read again for every readout.
    people = list(Person.objects.filter(country__in=[country, counterpart]).values_list("pk", flat=True))
    titles = (
        Participation.objects.filter(readout=OuterRef("pk"), person__in=people)
        .exclude(title="")
        .order_by()
        .values("title")
    )
    rows = (
        readouts.exclude(meeting_date=None)
        .order_by()
        .annotate(year=ExtractYear("meeting_date"), titles=ArraySubquery(titles), key=Coalesce("meeting_id", -F("id")))
        .values_list("year", "key", "language", "titles")
    )
    best: dict[tuple[int, int], str] = {}
    for year, key, language, held in rows:
        level = level_of_titles(held, language)
        known = best.get((year, key))
        if known is None or RANK[level] < RANK[known]:
            best[(year, key)] = level
    if not best:
        return []
    per_year: dict[int, dict[str, int]] = {}
    for (year, _key), level in best.items():
        counts = per_year.setdefault(year, dict.fromkeys(LEVELS, 0))
        counts[level] += 1
    first, last = min(per_year), max(per_year)
    return [YearLevels(year, per_year.get(year, dict.fromkeys(LEVELS, 0))) for year in range(first, last + 1)]
