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
    # Low accuracy mode reads trigrams only: its models load in a tenth of a second rather than two, and on
    # paragraphs it agrees with the full mode; a short text in the declared language's script keeps that
    # language (below), where neither mode is sure.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


# A text shorter than this (a headline, a lead's first sentence) is too short for the detector to overrule a
# declared language written in the same script.
SHORT_TEXT_CHARS = 120
_SCRIPTS = (
    ("han", re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("hangul", re.compile(r"[\uac00-\ud7af]")),
    ("devanagari", re.compile(r"[\u0900-\u097f]")),
    ("latin", re.compile(r"[A-Za-z\u00c0-\u024f]")),
)
LANGUAGE_SCRIPTS = {
    "zh": "han", "ja": "han", "ru": "cyrillic", "uk": "cyrillic", "kk": "cyrillic", "ar": "arabic",
    "fa": "arabic", "ko": "hangul", "hi": "devanagari",
}  # fmt: skip


def script_of(text: str) -> str | None:
    """The script most of a text's letters are written in."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPTS}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count else None


def detect_language(text: str | Iterable[str], declared: str | None = None) -> str:
    """The ISO 639-1 code of the language most paragraphs are written in.

    text is one string or a list of paragraphs. A declared language (front matter, import metadata) is kept when
    the text is too short to tell, or when a fair share of the text is written in it."""
    code = (declared or "").strip().lower()[:2]
    if (
        code
        and isinstance(text, str)
        and len(text) < SHORT_TEXT_CHARS
        and script_of(text) == LANGUAGE_SCRIPTS.get(code, "latin")
    ):
        return code
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
