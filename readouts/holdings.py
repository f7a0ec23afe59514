"""What the archive holds: readouts per language and per publisher, for the help page. Counting every readout
costs a full scan at archive scale, so the figures are kept in Django's cache for a few minutes."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q

from readouts.language_names import language_name
from readouts.models import Readout, Statement

CACHE_KEY = "holdings:v1"
CACHE_SECONDS = 600
PUBLISHERS_SHOWN = 25


@dataclass(frozen=True)
class Holding:
    name: str  # a language's English name or a publisher
    code: str  # the language code; "" for publishers
    readouts: int
    generated: int


@dataclass(frozen=True)
class Holdings:
    readouts: int
    paragraphs: int
    generated: int
    languages: list[Holding]
    publishers: list[Holding]
    more_publishers: int  # publishers beyond those listed


def count_holdings() -> Holdings:
    """The archive's holdings as of now (cached)."""
    held = cache.get(CACHE_KEY)
    if held is None:
        held = _count()
        cache.set(CACHE_KEY, held, CACHE_SECONDS)
    return held


def _count() -> Holdings:
    per_origin = {"readouts": Count("id"), "generated": Count("id", filter=Q(is_generated=True))}
    languages = [
        Holding(language_name(row["language"]), row["language"], row["readouts"], row["generated"])
        for row in Readout.objects.order_by().values("language").annotate(**per_origin).order_by("-readouts")
    ]
    publishers = list(
        Readout.objects.exclude(publisher="")
        .order_by()
        .values("publisher")
        .annotate(**per_origin)
        .order_by("-readouts", "publisher")
    )
    return Holdings(
        readouts=sum(h.readouts for h in languages),
        paragraphs=Statement.objects.count(),
        generated=sum(h.generated for h in languages),
        languages=languages,
        publishers=[
            Holding(row["publisher"], "", row["readouts"], row["generated"]) for row in publishers[:PUBLISHERS_SHOWN]
        ],
        more_publishers=max(0, len(publishers) - PUBLISHERS_SHOWN),
    )
