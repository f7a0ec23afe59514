"""Which of the parser's findings are guesses, for the pages and the admin's review to say so.

A speaker is a guess when the paragraph does not name them: the attribution took them from a pronoun ("he said"),
a title ("the minister stressed") or the paragraph before. A participant is worth checking when the text names
them only once. (A place taken from the dateline is marked by the pipeline, which knows where it came from; how
sure a date is, is its DateBasis.)
"""

from __future__ import annotations

import re

from .names import fold
from .romanise import is_han
from .types import Kind, ParsedParagraph, ParsedParticipant

SHORT_NAME_WORD = 2  # a word this short ("Xi", "Li") names the person only as a whole word; shorter ones never
STEM_FROM = 6  # a name word this long is also found inflected ("Лавров" in "Лаврова"): its stem, two letters less


def name_patterns(participant: ParsedParticipant) -> list[re.Pattern]:
    """What names the participant in a text: each word of their names at a word's start (two letters shorter when
    long, for inflected forms; a two-letter word whole), and their names in Chinese characters anywhere."""
    patterns = []
    for name in (participant.name, *participant.aliases):
        if is_han(name):
            patterns.append(re.compile(re.escape(name)))
            continue
        for word in fold(name).replace(".", " ").split():
            if len(word) < SHORT_NAME_WORD:
                continue
            if len(word) == SHORT_NAME_WORD:
                patterns.append(re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"))
                continue
            stem = word[:-2] if len(word) >= STEM_FROM else word
            patterns.append(re.compile(rf"(?<!\w){re.escape(stem)}"))
    return patterns


def names_in(text: str, participant: ParsedParticipant) -> int:
    """How many times the text names the participant (the most any one of their name's words is found)."""
    folded = fold(text)
    return max((len(pattern.findall(folded)) for pattern in name_patterns(participant)), default=0)


def guessed_speakers(paragraphs: list[ParsedParagraph], participants: list[ParsedParticipant]) -> list[bool]:
    """For each paragraph, whether its speaker is a guess: a statement whose text does not name its speaker."""
    by_name = {participant.name: participant for participant in participants}
    guessed = []
    for paragraph in paragraphs:
        speaker = by_name.get(paragraph.speaker or "")
        if paragraph.kind is not Kind.STATEMENT or speaker is None:
            guessed.append(False)
        else:
            guessed.append(names_in(paragraph.text, speaker) == 0)
    return guessed


def named_once(text: str, participants: list[ParsedParticipant]) -> list[str]:
    """The participants whom the text names at most once: found in a single mention, worth a reviewer's look."""
    return [participant.name for participant in participants if names_in(text, participant) <= 1]
