"""Words of a readout's text for comparing accounts: folded to compare across spelling, case and script.

Pure functions with no Django import. Texts in scripts written without spaces (Chinese, Japanese) are cut into
characters, as no word boundary is marked there.
"""

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words: Han, Hiragana, Katakana.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def fold(text: str) -> str:
    """Lower case without accents ("Tokayev's" and "TOKAYEV’S" alike)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def is_unspaced(text: str) -> bool:
    """Whether most of the text's letters are of a script written without spaces."""
    letters = sum(1 for char in text[:2000] if char.isalpha())
    return letters > 0 and len(UNSPACED.findall(text[:2000])) * 2 > letters


def words(text: str) -> list[str]:
    """The text's words, folded; for unspaced scripts, its characters (digits and Latin words kept whole)."""
    folded = fold(text)
    if not is_unspaced(text):
        return WORD.findall(folded)
    found = []
    for token in WORD.findall(folded):
        if UNSPACED.search(token):
            found.extend(char for char in token if not char.isspace())
        else:
            found.append(token)
    return found


def shingles(text: str, size: int = 3) -> set[str]:
    """The text's runs of ``size`` words (characters for unspaced scripts): what a reprint keeps of its original."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[index : index + size]) for index in range(len(tokens) - size + 1)}


@lru_cache(maxsize=20_000)
def roman(word: str) -> str:
    """A word in Latin letters, folded: "Токаев" -> "tokaev", "Tokayev" -> "tokayev"."""
    return fold(anyascii(word)).replace("'", "")


def stem(word: str, length: int = 6) -> str:
    """A crude stem that lets inflected forms meet (cooperation, cooperate; Китай, Китая): the first letters."""
    return word[:length]


def name_key(name: str) -> str:
    """A person's surname in Latin letters: what two spellings of one name most often share."""
    parts = [part for part in re.split(r"[\s.\-]+", roman(name)) if part]
    return parts[-1] if parts else ""


def numbers(text: str) -> set[str]:
    """The numbers a text mentions (years, sums, counts), which read alike in every language."""
    return {number.lstrip("0") or "0" for number in re.findall(r"\d+", unicodedata.normalize("NFKC", text))}
