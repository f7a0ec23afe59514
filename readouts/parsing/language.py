"""Language identification with lingua, restricted to the languages readouts are written in.

A restricted set is both faster and more accurate: lingua only weighs the languages it is given. A text in two
languages (an Arabic page and its French translation in one file) takes the language of most of its paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

# ISO 639-1 codes: the languages of diplomacy and of the publishers that report it.
LANGUAGES = (
    "en", "zh", "ru", "fr", "es", "ar", "pt", "de", "ja", "ko", "uk",
    "it", "tr", "fa", "vi", "id", "hi", "kk", "pl", "nl",
)  # fmt: skip
DEFAULT_LANGUAGE = "en"
SAMPLE_CHARS = 12_000
# Each paragraph votes with its first characters; a readout's first paragraphs are enough to know its language.
PARAGRAPH_SAMPLE_CHARS = 400
MAX_PARAGRAPHS = 60
# Below this many letters a text is too short to tell (a headline, a number) and the declared or default language
# stands.
MIN_LETTERS = 12
# A declared language stands when at least this share of the text is written in it (a bilingual page).
DECLARED_MIN_SHARE = 0.25
# Addresses are written in Latin letters whatever the text's language; they would vote for a Latin-script language.
_URL = re.compile(r"(?:https?://|www\.)\S{1,2000}")


@lru_cache(maxsize=1)
def _detector():
    codes = [IsoCode639_1.from_str(code) for code in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str | Iterable[str], declared: str | None = None) -> str:
    """The ISO 639-1 code of the language most paragraphs are written in.

    text is one string or a list of paragraphs. A declared language (front matter, import metadata) is kept when
    the text is too short to tell, or when a fair share of the text is written in it."""
    paragraphs = list(text)[:MAX_PARAGRAPHS] if not isinstance(text, str) else []
    if isinstance(text, str) or len(paragraphs) == 1:
        # One long text votes in pieces, as paragraphs would: a single verdict on a long sample is less sure.
        whole = text if isinstance(text, str) else paragraphs[0]
        paragraphs = [
            whole[i : i + PARAGRAPH_SAMPLE_CHARS]
            for i in range(0, min(len(whole), SAMPLE_CHARS), PARAGRAPH_SAMPLE_CHARS)
        ]
    votes: Counter[str] = Counter()
    budget = SAMPLE_CHARS
    for paragraph in paragraphs:
        sample = _URL.sub(
            " ", paragraph[: min(PARAGRAPH_SAMPLE_CHARS if len(paragraphs) > 1 else SAMPLE_CHARS, budget)]
        )
        if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
            continue
        budget -= len(sample)
        found = _detector().detect_language_of(sample)
        if found is not None:
            votes[found.iso_code_639_1.name.lower()] += len(sample)
        if budget <= 0:
            break
    declared = (declared or "").strip().lower()[:2]
    if declared and (not votes or votes[declared] >= DECLARED_MIN_SHARE * sum(votes.values())):
        return declared
    if not votes:
        return DEFAULT_LANGUAGE
    return votes.most_common(1)[0][0]
