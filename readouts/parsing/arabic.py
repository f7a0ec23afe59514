"""Names in Arabic script: the office-holders table's people by the Arabic spellings in ``data/arabic_names.tsv``
(``person``: the table's key; ``arabic``: the spellings, ``|``-separated, the usual one first).

Arabic spellings vary in a few letters (Egyptian papers write a final "ى" for "ي": "السيسى"), so text and names are
compared in a folded form: no diacritics or tatweel, one alef, "ى" as "ي", "ة" as "ه". A name may carry a
one-letter prefix joined to it ("و" and, "ب" with, "ل" to).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from .offices import DATA_DIR, KnownPerson, load_registry

ARABIC_NAMES_TSV = DATA_DIR / "arabic_names.tsv"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = r"[\u0620-\u064a\u066e-\u06d3]"  # Arabic letters, not its punctuation ("،")
_DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
_FOLDED_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def fold_arabic(text: str) -> str:
    """Arabic text without diacritics, the letters that vary between spellings made one (letter for letter)."""
    return _DIACRITICS.sub("", text).translate(_FOLDED_LETTERS)


@dataclass(frozen=True)
class ArabicMention:
    person: KnownPerson
    written: str  # as the text writes it
    start: int


@cache
def _names() -> tuple[dict[str, KnownPerson], re.Pattern[str] | None]:
    persons = load_registry().persons
    by_folded: dict[str, KnownPerson] = {}
    with ARABIC_NAMES_TSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            person = persons.get(row["person"].strip())
            for name in (row.get("arabic") or "").split("|"):
                if person is not None and name.strip():
                    by_folded[fold_arabic(name.strip())] = person
    if not by_folded:
        return by_folded, None
    # Longest first, so that a full name wins over a shorter one inside it.
    alternatives = "|".join(re.escape(n) for n in sorted(by_folded, key=len, reverse=True))
    return by_folded, re.compile(rf"(?<!{_LETTER})[وبل]?({alternatives})(?!{_LETTER})")


def find_arabic_mentions(text: str) -> list[ArabicMention]:
    """The table's people the text names in Arabic script, in the order named, each once."""
    by_folded, pattern = _names()
    if pattern is None or not is_arabic(text):
        return []
    # Folding maps letter to letter, so an offset in the folded text is one in the text without diacritics.
    folded = fold_arabic(text)
    original = _DIACRITICS.sub("", text)
    found: dict[str, ArabicMention] = {}
    for match in pattern.finditer(folded):
        person = by_folded[match.group(1)]
        if person.key not in found:
            found[person.key] = ArabicMention(person, original[match.start(1) : match.end(1)], match.start(1))
    return list(found.values())
