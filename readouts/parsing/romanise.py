"""Names in other scripts: Russian case forms back to the nominative (pymorphy3), and a Latin spelling for names
written in Cyrillic (iuliia's Wikipedia scheme, the spelling English-language media use: "Sergey Lavrov") or in
Chinese characters (pypinyin: family name, then the given name as one word, "Yang Jiechi").

The libraries are loaded on first use: most readouts are in English and never need them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

WORD_CACHE = 50_000  # words looked up in the dictionary: a long text repeats its words
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_NAME_GRAMMEMES = {"Name", "Surn", "Patr"}
# Chinese family names of two characters; any other name's first character is its family name.
_COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "歐陽", "諸葛"}


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


@cache
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=WORD_CACHE)
def _name_parses(word: str):
    parses = _morph().parse(word)
    return [p for p in parses if _NAME_GRAMMEMES & set(p.tag.grammemes)], parses


@lru_cache(maxsize=WORD_CACHE)
def russian_name_word(word: str) -> bool | None:
    """True when the dictionary knows the word as a first name, surname or patronymic; False when it knows it only as
    another word (a noun, a place, an adjective); None when it does not know it (most foreign names)."""
    named, parses = _name_parses(word)
    if named and max(p.score for p in named) >= 0.05:
        return True
    # A place the dictionary knows is not a name; its guess that an unknown word is a place is no knowledge: a
    # foreign first name declines like one ("Вольфганом").
    if any(p.is_known for p in parses):
        return False
    return None


@lru_cache(maxsize=WORD_CACHE)
def russian_person_noun(word: str) -> bool:
    """A word the dictionary knows as a noun for a person and not as a place ("Хакан", a khagan): written with a
    capital inside a sentence, right before a name, it is a foreign first name that happens to be a word."""
    if not is_cyrillic(word):
        return False
    parses = _morph().parse(word)
    return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in parses) and not any(
        {"Geox", "Orgn"} & set(p.tag.grammemes) for p in parses
    )


@lru_cache(maxsize=WORD_CACHE)
def russian_oblique_name(word: str) -> bool:
    """A Russian name word in the instrumental ("Байденом", "Токаевым", "Макеем"): the person it names is an
    object ("с коллегой Джо Байденом"), not the subject of the verb that follows. Only this case is read from
    the ending; the dictionary's guesses at foreign names' cases are not reliable enough for the others."""
    if not is_cyrillic(word) or not word.isalpha() or len(word) < 5 or not word.endswith(("ом", "ым", "ем")):
        return False
    named, _ = _name_parses(word)
    return not any(p.tag.case == "nomn" for p in named)


_LAST_WORD = re.compile(r"([а-яё]+)\s*$")


def russian_noun_before(text: str) -> bool:
    """Whether text ends with a common noun (lower case), after which a name is its genitive complement."""
    match = _LAST_WORD.search(text)
    if not match:
        return False
    parses = _morph().parse(match.group(1))
    return bool(parses) and parses[0].tag.POS == "NOUN" and parses[0].score > 0.5


@lru_cache(maxsize=WORD_CACHE)
def russian_short_passive(word: str) -> bool:
    """A short passive participle: "обсуждены", "отмечена", "подчеркнута" (what the sides said, subjectless)."""
    if not is_cyrillic(word):
        return False
    return any(p.tag.POS == "PRTS" and "pssv" in p.tag for p in _morph().parse(word.lower())[:2])


@lru_cache(maxsize=WORD_CACHE)
def russian_verb_lemma(word: str) -> str | None:
    """The infinitive of a Russian verb form ("встречались" -> "встречаться"), or None for a word that is not one."""
    if not is_cyrillic(word):
        return None
    for parse in _morph().parse(word.lower())[:2]:
        if parse.tag.POS in {"VERB", "INFN"}:
            return parse.normal_form
    return None


@lru_cache(maxsize=WORD_CACHE)
def russian_nominative(word: str) -> str:
    """A Russian name word in the nominative: "Путиным" -> "Путин", "Ангелой" -> "Ангела", "Макеем" -> "Макей".
    A word that already reads as a nominative stays as written; words of other scripts are returned unchanged."""
    if not is_cyrillic(word) or "-" in word:
        if "-" in word and is_cyrillic(word):
            return "-".join(russian_nominative(part) for part in word.split("-"))
        return word
    named, parses = _name_parses(word)
    candidates = named or [p for p in parses if p.tag.POS == "NOUN"]
    if not candidates or any(p.tag.case == "nomn" for p in candidates):
        return word
    best = candidates[0]
    inflected = best.inflect({"nomn", "sing"}) or best.inflect({"nomn"})
    form = inflected.word if inflected else best.normal_form
    return form[:1].upper() + form[1:]


def russian_name_nominative(words: list[str]) -> list[str]:
    """A Russian name of several words in the nominative. The first name fixes the case and gender the surname is
    read in: "Касым-Жомарта Токаева" is a man's genitive, so "Токаев", not the woman's surname "Токаева"."""
    if len(words) < 2 or not is_cyrillic(words[0]):
        return [russian_nominative(w) for w in words]
    first, _ = _name_parses(words[0].split("-")[-1])
    first = [p for p in first if "Name" in p.tag]
    if not first:
        # A foreign first name the dictionary does not know ("Вольфганом Соботкой"): each word as it declines.
        return [russian_nominative(w) for w in words]
    if first[0].tag.case == "nomn":
        return list(words)
    case, gender = first[0].tag.case, first[0].tag.gender
    result = []
    for word in words:
        parts = word.split("-")
        converted = []
        for part in parts:
            named, parses = _name_parses(part)
            fitting = [p for p in named or parses if p.tag.case == case and (p.tag.gender in (gender, None))]
            if not fitting:
                converted.append(russian_nominative(part))
                continue
            inflected = fitting[0].inflect({"nomn"})
            form = inflected.word if inflected else fitting[0].normal_form
            converted.append(form[:1].upper() + form[1:])
        result.append("-".join(converted))
    return result


@cache
def _cyrillic_scheme():
    import iuliia

    return iuliia.WIKIPEDIA


def _pinyin(name: str, chinese_person: bool) -> str:
    from pypinyin import lazy_pinyin

    if not chinese_person:
        # A foreign name in characters chosen for their sound ("法基"): its syllables in one word per part.
        parts = [part for part in re.split(r"[\s·・]", name) if part]
        return " ".join("".join(lazy_pinyin(part)).capitalize() for part in parts)
    name = re.sub(r"[\s·・]", "", name)
    cut = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    family = "".join(lazy_pinyin(name[:cut]))
    given = "".join(lazy_pinyin(name[cut:]))
    return " ".join(part[:1].upper() + part[1:] for part in (family, given) if part)


@cache
def _palladius_syllables() -> dict[str, str]:
    """Russian (Palladius) spellings of Mandarin syllables -> pinyin without tones, from pypinyin's own table:
    "чжан" -> "zhang", "цзинь" -> "jin". Where two syllables are spelled alike ("ло"), the fuller one is kept."""
    from pypinyin.contrib.tone_convert import to_normal, to_tone3
    from pypinyin.pinyin_dict import pinyin_dict
    from pypinyin.style.cyrillic import converter

    table: dict[str, str] = {}
    for readings in set(pinyin_dict.values()):
        for reading in readings.split(","):
            cyrillic = converter.to_cyrillic(to_tone3(reading)).rstrip("012345")
            plain = to_normal(reading)
            if not re.search(r"[aeiouü]", plain):
                continue  # the interjections "m", "n", "ng" are no syllable of a name
            if len(plain) > len(table.get(cyrillic, "")):
                table[cyrillic] = plain
    return table


MAX_SYLLABLE = 5  # letters of the longest Palladius syllable ("чжуан", "цзюнь")


def _palladius_word(word: str) -> str | None:
    """A word made only of Palladius syllables, in pinyin ("Цзиньпин" -> "jinping"); None when it is not one."""
    table = _palladius_syllables()
    word = word.lower().replace("-", "")
    # best[i]: pinyin of word[:i] in the fewest syllables (a linear pass: syllables are at most five letters).
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - MAX_SYLLABLE), end):
            syllable = table.get(word[start:end])
            if syllable and best[start] is not None and (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = [*best[start], syllable]
    return "".join(best[-1]) if best[-1] else None


def palladius_to_pinyin(name: str) -> str | None:
    """A Chinese name written in Russian's Palladius spelling, in pinyin: "Чжан Сяо" -> "Zhang Xiao", "Си Цзиньпин"
    -> "Xi Jinping", "Чжан Минлэем" -> "Zhang Minglei"; None when a word of it is not Palladius syllables (most
    Russian names)."""
    words = name.split()
    if not is_cyrillic(name) or not 2 <= len(words) <= 3:
        return None
    # A given name may be declined while the family name is not ("с Чжан Минлэем"): the word as written first.
    converted = [_palladius_word(word) or _palladius_word(russian_nominative(word)) for word in words]
    if any(word is None for word in converted):
        return None
    return " ".join(word.capitalize() for word in converted)


def romanise(name: str, *, chinese_person: bool = True) -> str:
    """The name in Latin letters (unchanged when it is in Latin letters already). A Chinese person's name is
    family name then given name ("Yang Jiechi"); a foreign name in characters (``chinese_person=False``) is its
    sounds as one word ("Faji")."""
    if is_han(name):
        return _pinyin(name, chinese_person)
    if is_cyrillic(name):
        return _cyrillic_scheme().translate(name)
    return name
