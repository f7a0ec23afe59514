"""What changed between two revisions of a readout, paragraph by paragraph with the words marked (difflib), and
where an old paragraph is now (for its old #pN links)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# Paragraphs less alike than this are one removed and one added, not one changed.
SAME_PARAGRAPH = 0.5
_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class ParagraphChange:
    kind: str  # same, changed, added, removed
    old_position: int | None
    new_position: int | None
    segments: list[tuple[str, str]]  # (kind, text): same, added or removed words


def compare_paragraphs(old: list[str], new: list[str]) -> list[ParagraphChange]:
    changes = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            changes += [
                ParagraphChange("same", i + 1, j + 1, [("same", old[i])])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        changes += paired_changes(old, new, range(i1, i2), range(j1, j2))
    return changes


def count_changes(old: list[str], new: list[str]) -> dict[str, int]:
    """How many paragraphs changed, were added and were removed from ``old`` to ``new``."""
    kinds = [change.kind for change in compare_paragraphs(old, new)]
    return {kind: kinds.count(kind) for kind in ("changed", "added", "removed")}


def paired_changes(old, new, old_range, new_range) -> list[ParagraphChange]:
    """Within a replaced block, each old paragraph is paired in order with the next new one like it."""
    changes, next_new = [], new_range.start
    for i in old_range:
        for j in range(next_new, new_range.stop):
            matcher = difflib.SequenceMatcher(None, old[i], new[j], autojunk=False)
            if (
                matcher.real_quick_ratio() >= SAME_PARAGRAPH
                and matcher.quick_ratio() >= SAME_PARAGRAPH
                and matcher.ratio() >= SAME_PARAGRAPH
            ):
                changes += [ParagraphChange("added", None, k + 1, [("added", new[k])]) for k in range(next_new, j)]
                changes.append(ParagraphChange("changed", i + 1, j + 1, word_changes(old[i], new[j])))
                next_new = j + 1
                break
        else:
            changes.append(ParagraphChange("removed", i + 1, None, [("removed", old[i])]))
    changes += [ParagraphChange("added", None, k + 1, [("added", new[k])]) for k in range(next_new, new_range.stop)]
    return changes


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_words, new_words, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("added", "".join(new_words[j1:j2])))
    return segments


def moved_paragraphs(changes: list[ParagraphChange]) -> dict[int, int | None]:
    """Each old paragraph's position now (None: removed)."""
    return {change.old_position: change.new_position for change in changes if change.old_position is not None}


@dataclass(frozen=True)
class OldNumbering:
    """The readout page shown for a link made against an earlier revision (``?revision=N#p7``): each current
    paragraph carries the id it had in revision N, and each paragraph of N since removed a note in its place."""

    revision: int
    old_ids: dict[int, int]  # current position -> position in revision N
    removed_before: dict[int, list[int]]  # current position -> revision N's removed paragraphs just before it
    removed_at_end: list[int]

    def anchor(self, position: int) -> str:
        old = self.old_ids.get(position)
        return f"p{old}" if old is not None else f"now-p{position}"

    def removed_above(self, position: int) -> list[int]:
        return self.removed_before.get(position, [])


def old_numbering(revision: int, old: list[str], current: list[str]) -> OldNumbering:
    old_ids, removed_before, pending = {}, {}, []
    for change in compare_paragraphs(old, current):
        if change.new_position is None:
            pending.append(change.old_position)
            continue
        if change.old_position is not None:
            old_ids[change.new_position] = change.old_position
        if pending:
            removed_before[change.new_position], pending = pending, []
    return OldNumbering(revision, old_ids, removed_before, pending)
