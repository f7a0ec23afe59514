"""The lead: the first paragraph of the body, which says who met whom, where and when.

Before it comes the page's header (headline, page chrome, bylines). The lead is recognised in any language by a
dateline or by a word of meeting ("met", "会见", "встретился", "استقبل"), read from readouts/data/meeting_words.tsv.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from . import clean
from .dateline import parse_dateline

_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
MEETING_WORDS_TSV = Path(__file__).resolve().parents[1] / "data" / "meeting_words.tsv"
LEAD_SEARCH_BLOCKS = 200  # the lead is near the top; page chrome before it is never this long
MEETING_WINDOW = 1_000
# A paragraph before the lead that is this long is the body's opening ("I am pleased to announce..."), not chrome.
OPENING_MIN_WORDS = 12
# A lead that stops without a full stop (scraped headlines lose it too) must be at least this long.
UNTERMINATED_LEAD_MIN_WORDS = 12


@lru_cache(maxsize=1)
def meeting_words() -> re.Pattern[str]:
    """One pattern for every language's meeting words: "meet*" is a prefix, Chinese and Japanese words match
    anywhere (they are not separated by spaces), others as whole words."""
    spaced, unspaced = [], []
    with MEETING_WORDS_TSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for word in row["words"].split("|"):
                word = word.strip()
                if not word:
                    continue
                body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+") + (r"\w*" if word.endswith("*") else "")
                (unspaced if row["language"] in ("zh", "ja") else spaced).append(body)
    spaced.sort(key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(spaced)})(?!\w)|{'|'.join(unspaced)}", re.IGNORECASE)


def mentions_meeting(block: str) -> bool:
    return bool(meeting_words().search(block[:MEETING_WINDOW]))


def is_body_paragraph(block: str) -> bool:
    return clean.looks_like_prose(block) and not clean.is_caption(block) and not clean.is_boilerplate(block)


def is_unterminated_lead(block: str) -> bool:
    """A long sentence in running text that names a meeting but lost its full stop."""
    head = block[: clean.LINE_CHECK_CHARS]
    if _UNSPACED.search(head[:200]):
        return False  # Chinese and Japanese leads end with 。; a long line without one is a headline
    if clean.count_words(head) < UNTERMINATED_LEAD_MIN_WORDS or clean.is_boilerplate(block) or clean.is_caption(block):
        return False
    words = head.split()
    capitalised = sum(1 for word in words if word[:1].isupper())
    return capitalised < 0.5 * len(words) and mentions_meeting(block)


def find_lead(blocks: list[str], has_person_with_title=None) -> tuple[int, int] | None:
    """(where the body starts, where the lead is) among the blocks, or None when no block reads as prose.

    The lead is the first body paragraph with a dateline, a meeting word or (when has_person_with_title is given)
    a titled person; page chrome such as "Welcome to the United Nations. It's your world." has none of these.
    Long paragraphs right before it still belong to the body."""
    lead = None
    for index, block in enumerate(blocks[:LEAD_SEARCH_BLOCKS]):
        if is_body_paragraph(block):
            if (
                parse_dateline(block)
                or mentions_meeting(block)
                or (has_person_with_title and has_person_with_title(block[:300]))
            ):
                lead = index
                break
        elif index > 0 and is_unterminated_lead(block):
            lead = index
            break
    if lead is None:
        lead = next((i for i, block in enumerate(blocks) if is_body_paragraph(block)), None)
        if lead is None:
            return None
    start = lead
    while start > 0 and is_body_paragraph(blocks[start - 1]):
        if clean.count_words(blocks[start - 1][: clean.LINE_CHECK_CHARS]) < OPENING_MIN_WORDS:
            break
        start -= 1
    return start, lead
