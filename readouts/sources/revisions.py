"""A readout's earlier revisions as the readout page needs them."""

from __future__ import annotations

from readouts.models import Readout, ReadoutRevision

from .diffs import OldNumbering, old_numbering


def numbering_of_revision(readout: Readout, number: str | None) -> OldNumbering | None:
    """For ``?revision=N`` links: revision N's paragraph numbering over the current paragraphs (prefetched), or
    None for the current revision, a revision the readout lacks or a value that is not a number."""
    if not number or not number.isdigit() or int(number) >= getattr(readout, "revision_count", 0):
        return None
    revision = ReadoutRevision.objects.filter(readout=readout, number=int(number)).only("paragraphs").first()
    if revision is None:
        return None
    current = [statement.text for statement in readout.statements.all()]
    return old_numbering(int(number), revision.paragraphs, current)
