"""Meeting place stated in the lead: "in Bali, Indonesia", "at the Great Hall of the People", "in the Kremlin".

A dateline names where the story was filed; the lead's own place phrase, when there is one, names where the
meeting was held and takes precedence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import MONTHS, WEEKDAYS
from .gazetteer import load_gazetteer
from .names import ORG_WORDS, STOP_WORDS, TITLE_WORDS

LEAD_WINDOW = 800
# Buildings that stand for their city in diplomatic reporting.
LANDMARKS = {
    "kremlin": "Moscow", "novo-ogaryovo": "Moscow", "downing street": "London", "10 downing street": "London",
    "great hall of the people": "Beijing", "zhongnanhai": "Beijing", "diaoyutai": "Beijing",
    "white house": "Washington", "oval office": "Washington", "elysee palace": "Paris", "élysée palace": "Paris",
    "élysée": "Paris", "akorda": "Astana", "ak orda": "Astana", "rashtrapati bhavan": "New Delhi",
    "hyderabad house": "New Delhi", "aiwan-e-sadr": "Islamabad", "quirinale": "Rome", "chigi palace": "Rome",
    "chancellery in berlin": "Berlin", "bellevue palace": "Berlin", "blue house": "Seoul", "kantei": "Tokyo",
    "singha durbar": "Kathmandu", "baluwatar": "Kathmandu", "presidential palace in hanoi": "Hanoi",
    "un headquarters": "New York", "united nations headquarters": "New York",
}  # fmt: skip
_LANDMARK = re.compile(
    r"\b(?:in|at|inside)\s+(?:the\s+)?("
    + "|".join(re.escape(k) for k in sorted(LANDMARKS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_PLACE = re.compile(r"\b(?:in|à|в)\s+((?:[A-Z][\w'’\-.]*\s?){1,4})(?:,\s+((?:[A-Z][\w'’\-.]*\s?){1,3}))?")
_NOT_PLACE = {w.lower() for w in MONTHS} | set(WEEKDAYS) | STOP_WORDS | TITLE_WORDS | ORG_WORDS


@dataclass(frozen=True)
class Place:
    city: str | None  # a city or region as written
    country: str | None  # the country it names or that follows it
    note: str | None = None  # the landmark, when the place came from one


def find_meeting_place(lead: str) -> Place | None:
    head = lead[:LEAD_WINDOW]
    landmark = _LANDMARK.search(head)
    gazetteer = load_gazetteer()
    for match in _PLACE.finditer(head):
        if landmark and landmark.start() <= match.start():
            break
        words = match.group(1).split()
        # Stop at the first word that cannot be part of a place name.
        kept = []
        for word in words:
            if word.lower().strip(".") in _NOT_PLACE or word[0].isdigit():
                break
            kept.append(word)
        if not kept:
            continue
        place = " ".join(kept).strip(" .,")
        country = gazetteer.lookup(place)
        if country:
            if gazetteer.lookup(kept[0]) and len(kept) == 1 and place in _demonyms(gazetteer, place):
                continue  # "in Chinese" is a language, not a place
            return Place(None, country)
        region = _until_sentence_end(match.group(2) or "") if len(kept) == len(words) else ""
        region_words = region.split()
        if region_words and region_words[0].lower().strip(".") in _NOT_PLACE:
            region = ""
        return Place(place + (f", {region}" if region else ""), gazetteer.lookup(region) if region else None)
    if landmark:
        name = landmark.group(1)
        return Place(LANDMARKS[name.lower()], None, note=name)
    return None


def _until_sentence_end(phrase: str) -> str:
    """'Indonesia. The' -> 'Indonesia'; 'D.C.' keeps its dots."""
    kept = []
    for word in phrase.split():
        if word.lower().strip(".") in _NOT_PLACE:
            break
        kept.append(word)
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            break
    return " ".join(kept).strip(" ,").rstrip(".") if kept and kept[-1].count(".") <= 1 else " ".join(kept)


def _demonyms(gazetteer, word: str) -> set[str]:
    found = gazetteer.find(word)
    return {word} if found and found[0].is_demonym else set()
