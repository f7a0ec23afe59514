"""Language detection for English, French and Russian: script first, then stop-word counts."""

from __future__ import annotations

import re

SAMPLE_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ENGLISH = {
    "the",
    "and",
    "of",
    "to",
    "in",
    "is",
    "was",
    "with",
    "for",
    "that",
    "on",
    "by",
    "said",
    "as",
    "are",
    "his",
    "he",
    "it",
    "at",
    "from",
    "has",
    "have",
    "two",
    "will",
    "this",
    "be",
    "which",
}
_FRENCH = {
    "le",
    "la",
    "les",
    "des",
    "du",
    "de",
    "et",
    "est",
    "une",
    "un",
    "dans",
    "pour",
    "avec",
    "que",
    "qui",
    "au",
    "aux",
    "sur",
    "ses",
    "son",
    "été",
    "entre",
    "deux",
    "il",
    "elle",
    "a",
    "par",
    "ont",
    "d'un",
    "l'",
}


def detect_language(text: str) -> str:
    """'ru', 'fr' or 'en' (the default when there is too little evidence)."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if letters:
        cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
        if cyrillic > 0.3 * len(letters):
            return "ru"
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(1 for w in words if w in _ENGLISH)
    french = sum(1 for w in words if w in _FRENCH or w.startswith(("l'", "d'", "qu'", "s'")))
    return "fr" if french > english and french >= 3 else "en"
