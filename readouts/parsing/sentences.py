"""Sentence splitting in every script the readouts come in.

Latin and Cyrillic text: a full stop, "!" or "?" followed by a space and a capital (or a digit, or an opening quote),
except after the abbreviations of readouts ("Joseph R. Biden, Jr.", "U.S.", "Feb. 13", "M. Xi", "г.", "Sr.").
Chinese and Japanese: 。！？ end a sentence wherever they stand, with no space after them. Arabic: ".", "!", "؟"
followed by a space and a letter (the script has no capitals).
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?…؟]+['\"”’»)]*\s+|[。！？]+[」』”’）)]*\s*")
_UNSPACED_END = frozenset("。！？")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "col", "lt", "gov", "sen", "rep", "prof", "h.e", "no", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mm", "mme", "co",
    "inc", "ltd", "corp", "etc", "e.g", "i.e", "approx", "dept", "est", "fig", "ave", "ret", "maj", "capt", "adm",
    # French, Spanish, Russian
    "mlle", "sra", "dña", "dn", "ee.uu", "uu", "г", "гг", "им", "т.е", "т.д", "т.п", "ул", "тов",
}  # fmt: skip


def _starts_sentence(ch: str) -> bool:
    # Scripts without capitals (Arabic, Hebrew, Han) start a sentence with any letter.
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower())


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, in order; linear in the text length."""
    sentences = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        if text[match.start()] in _UNSPACED_END:
            sentences.append(text[start:end].strip())
            start = end
            continue
        following = text[end : end + 2].lstrip("\"“‘'«(")[:1]
        if not following or not _starts_sentence(following):
            continue
        # The word before the full stop: "Jr." or "U.S." do not end a sentence when a name or noun follows.
        # (the search stops at the sentence's start: "... Minister. Mr. Holt" reads "Mr" as the word, not the
        # whole sentence before it)
        word_start = max(start, text.rfind(" ", start, match.start()) + 1)
        word = text[word_start : match.start()].lower().strip('("“')
        if text[match.start()] == "." and (
            word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or ("." in word and len(word) <= 6)
        ):
            continue
        if word.isdigit() and len(word) <= 3 and not text[start:word_start].strip():
            continue  # a numbered paragraph ("1. Minister Shanmugam met...") starts with its number
        sentences.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
