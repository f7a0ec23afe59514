"""What the publishers changed, newest first: each revision of a page after its first text, and each page found
removed, for the revisions feed. A fixed number of queries however many entries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Count, Max, Q

from readouts.models import Readout, ReadoutRevision, SourcePage

from .diffs import count_changes

REVISED, REMOVED = "revised", "removed"


@dataclass(frozen=True)
class PublisherChange:
    """A revision (number 2 on) or a removal of a readout's page. ``changes`` counts the paragraphs changed,
    added and removed since the revision before; ``reason`` says how a removal was seen."""

    kind: str
    readout: Readout
    at: datetime.datetime
    revision: ReadoutRevision | None = None
    changes: dict | None = None
    page: SourcePage | None = None

    @property
    def key(self) -> str:
        """Stable for the entry's life (Atom's id): the revision, or the page and the day it was found gone."""
        if self.revision is not None:
            return f"urn:readout-archive:revision:{self.revision.pk}"
        return f"urn:readout-archive:removal:{self.page.pk}:{self.at:%Y%m%dT%H%M%S}"


def revisions_after_the_first(readout: Readout | None = None):
    revisions = ReadoutRevision.objects.filter(number__gte=2)
    return revisions.filter(readout=readout) if readout is not None else revisions


def removed_pages(readout: Readout | None = None):
    pages = SourcePage.objects.filter(removed_at__isnull=False)
    return pages.filter(readout=readout) if readout is not None else pages


def list_publisher_changes(readout: Readout | None = None, limit: int = 50) -> list[PublisherChange]:
    """The ``limit`` newest revisions and removals (of one readout, or of all), newest first: three queries."""
    revisions = list(
        revisions_after_the_first(readout)
        .select_related("readout")
        .defer("text", "readout__raw_text")
        .order_by("-fetched_at", "-pk")[:limit]
    )
    removals = list(
        removed_pages(readout).select_related("readout").defer("readout__raw_text").order_by("-removed_at")[:limit]
    )
    before = previous_revisions(revisions)
    changes = [
        PublisherChange(
            REVISED,
            revision.readout,
            revision.fetched_at,
            revision=revision,
            changes=count_changes(before[revision.readout_id, revision.number - 1].paragraphs, revision.paragraphs)
            if (revision.readout_id, revision.number - 1) in before
            else None,
        )
        for revision in revisions
    ]
    changes += [PublisherChange(REMOVED, page.readout, page.removed_at, page=page) for page in removals]
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes[:limit]


def previous_revisions(revisions: list[ReadoutRevision]) -> dict[tuple[int, int], ReadoutRevision]:
    if not revisions:
        return {}
    wanted = reduce(or_, (Q(readout_id=r.readout_id, number=r.number - 1) for r in revisions))
    found = ReadoutRevision.objects.filter(wanted).only("readout_id", "number", "paragraphs")
    return {(revision.readout_id, revision.number): revision for revision in found}


def summarise_publisher_changes(readout: Readout | None = None) -> tuple:
    """For the feed's ETag: how many revisions and removals there are and the newest of each (two aggregates);
    a page that comes back lowers the count, so the ETag changes even if no date moves forward."""
    revised = revisions_after_the_first(readout).aggregate(n=Count("*"), last=Max("fetched_at"))
    removed = removed_pages(readout).aggregate(n=Count("*"), last=Max("removed_at"))
    return revised["n"], revised["last"], removed["n"], removed["last"]
