"""Office-holders: who held which office of which country on a given day, under every name they go by.

Two tables in ``readouts/parsing/data/``, both tab-separated with a header row, are the sources of truth. They are
this project's own compilation of public facts (official government and UN/EU pages, the holders' announced dates of
taking and leaving office), checked by hand; they are data, so correcting a fact means editing a row, not code.

``office_holders.tsv``, one row per term in office (one person may have several rows):

- ``person``: a stable key for the person (a slug of the English name), the same on each of their rows;
- ``country``: ISO 3166-1 alpha-2 code, or ``EU`` / ``UN`` for the offices of those organisations;
- ``office``: an office key (``head_of_state``, ``head_of_government``, ``foreign_minister``, ...; see
  ``OFFICES``). Where the president heads the government (the United States, Brazil, ...) only ``head_of_state``
  rows exist; the US Secretary of State is the US ``foreign_minister``;
- ``start``, ``end``: ISO dates; the term covers ``start <= day < end`` (``end`` is the day the successor took
  over, so a handover day belongs to the successor). ``end`` is empty while the term is open, as far as the
  compilation knows (to late 2025); a fixed term that ends in 2026 by law carries that end and says so in ``note``.
  A date known only to the month is written as the first of that month, and ``note`` says "month precision";
- ``name``: the usual English (Latin) spelling; ``other_latin``: other Latin spellings, ``|``-separated;
- ``cyrillic``: the Russian spellings; ``chinese``: the simplified Chinese (Xinhua) spellings; both ``|``-separated,
  the usual form first (for most foreigners the short one readouts use: "普京", then "弗拉基米尔·普京"); Hong Kong's
  and Taiwan's own transliterations follow, written in simplified characters ("蓝韬文" for Hong Kong's "藍韜文");
- ``family_name``: the name used after an honorific or title ("Mr Sullivan", "Director Wang");
- ``note``: why a column is blank (a name with no established spelling in a script), an acting term, co-holders.

Coverage: heads of state and government and foreign ministers since 2000 of the P5, the G20, the EU and its
largest members (and Luxembourg's government), the UN, China's neighbours in Central, South and Southeast Asia, the
Middle East, Africa's and Latin America's largest, Ukraine, Belarus and the Caucasus; where a country's list has gaps
(acting holders, ministers whose dates could not be checked), ``holders_on`` returns nobody for those days rather
than a guess.

``office_titles.tsv``: how each office is named in a language: ``office``, ``country`` (empty when the title is
used for that office in any country, e.g. "Prime Minister"; a code when the title is that country's own, e.g.
"Secretary of State", "国务委员兼外长"), ``language`` (ISO 639-1), ``title`` and ``note``. A ``*`` inside a title
stands for one optional word, where a language puts the country's adjective ("ministre * des Affaires étrangères").
A row with an empty ``office`` is a longer title outside the table ("Deputy Foreign Minister", "副外长"), listed so
that the title it contains is not found inside it.

Lookups fold case and accents, read ``ё`` as ``е``, and accept the Russian case forms of Cyrillic names
("Лаврова", "Си Цзиньпином") by a conservative rule on the endings of nouns. The tables load once per process.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import product
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
OFFICE_HOLDERS_TSV = DATA_DIR / "office_holders.tsv"
OFFICE_TITLES_TSV = DATA_DIR / "office_titles.tsv"

OFFICES = {
    "head_of_state": "Head of state (president, monarch, emir); Iran's President, as readouts title him",
    "supreme_leader": "Iran: the Supreme Leader",
    "head_of_government": "Head of government (prime minister, premier, chancellor)",
    "vice_president": "Vice President (United States, China)",
    "foreign_minister": "Minister of foreign affairs (US Secretary of State, Indian External Affairs Minister)",
    "state_councilor": "China: the State Councilor in charge of foreign affairs",
    "foreign_affairs_commission_director": "China: Director of the Office of the Central Foreign Affairs Commission",
    "national_security_advisor": "National Security Advisor (United States, India)",
    "secretary_general": "Secretary-General of the United Nations",
    "european_council_president": "President of the European Council",
    "commission_president": "President of the European Commission",
    "high_representative": "EU High Representative for Foreign Affairs and Security Policy",
}
ORGANISATIONS = {"EU": "European Union", "UN": "United Nations"}
# Countries whose people's Chinese names are written in Han characters, one-character family name first (王毅).
HAN_NAME_COUNTRIES = {"CN", "TW", "HK", "MO", "SG", "KR", "KP"}


@dataclass(frozen=True)
class OfficeTerm:
    """One term of one person in one office of one country; ``end`` is None while it is open."""

    office: str
    country: str
    start: date
    end: date | None
    note: str = ""

    def covers(self, day: date) -> bool:
        """Whether the person held the office on ``day`` (a handover day belongs to the successor)."""
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class KnownPerson:
    """A person of the office-holders table with their names in each script and all their terms."""

    key: str
    name: str  # usual English spelling
    other_latin: tuple[str, ...]
    cyrillic_names: tuple[str, ...]  # Russian spellings, the usual one first; empty if none is established
    chinese_names: tuple[str, ...]  # simplified Chinese, the usual (often short) form first
    family_name: str
    terms: tuple[OfficeTerm, ...]

    @property
    def cyrillic(self) -> str:
        """The usual Russian spelling, or ""."""
        return self.cyrillic_names[0] if self.cyrillic_names else ""

    @property
    def chinese(self) -> str:
        """The usual Chinese spelling, or ""."""
        return self.chinese_names[0] if self.chinese_names else ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the person, the English one first, then other Latin spellings, Cyrillic, Chinese."""
        return (self.name, *self.other_latin, *self.cyrillic_names, *self.chinese_names)

    @property
    def family_names(self) -> tuple[str, ...]:
        """The family name in each script the table has ("Wang", "Ван", "王")."""
        found = [self.family_name]
        # The family name stands where it stands in the English name: first in "Wang Yi", "Ban Ki-moon".
        first = len(self.name.split()) > 1 and name_key(self.name)[0] == name_key(self.family_name)[0]
        for cyrillic in self.cyrillic_names:
            parts = cyrillic.split()
            found.append(parts[0] if first else parts[-1])
        han_name = bool(self.terms) and self.terms[0].country in HAN_NAME_COUNTRIES
        for chinese in self.chinese_names:
            parts = re.split(r"[·・•.]", chinese)
            if len(parts) > 1:
                found.append(parts[0] if first else parts[-1])
            elif first and han_name:
                found.append(chinese[0])  # 王毅 -> 王
        return tuple(dict.fromkeys(found))

    def terms_on(self, day: date) -> list[OfficeTerm]:
        """The terms the person was serving on ``day``."""
        return [term for term in self.terms if term.covers(day)]


@dataclass(frozen=True)
class OfficeHolder:
    """A person in one term of office."""

    person: KnownPerson
    term: OfficeTerm


@dataclass(frozen=True)
class OfficeTitleMatch:
    """An office title found in a text: the office key, the country when the title or its neighbours say it."""

    office: str
    country: str | None  # ISO code (or EU/UN); None when the phrase does not say whose office it is
    start: int  # character offsets of the whole phrase, country words included
    end: int
    text: str
    title: str  # the title as written in office_titles.tsv


class _FoldedChars(dict):
    """Each character's folded form, computed once: lower case, Latin accents dropped, ``ё`` as ``е``."""

    def __missing__(self, char: str) -> str:
        lowered = char.lower()
        if len(lowered) != 1:
            lowered = char
        base = unicodedata.normalize("NFD", lowered)[0]
        # Latin letters lose their accents; Cyrillic "й" and other scripts keep theirs.
        folded = "е" if lowered == "ё" else base if base.isalpha() and base < "ɐ" else lowered
        self[char] = folded
        return folded


_FOLDED_CHARS = _FoldedChars()


def fold(text: str) -> str:
    """Lower-case text without accents, ``ё`` as ``е``, keeping its length (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return "".join([_FOLDED_CHARS[char] for char in text])


_NAME_SEPARATORS = re.compile(r"[\s\-‐‑–·・•.,'’`]+")
# Words a name may carry or drop: generational suffixes ("Perfecto Yasay Jr.").
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "младший", "старший"}


def _short_keys(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Shorter forms of a name key: without initials and suffixes, and its first and last words only."""
    core = tuple(w for w in key if len(w) > 1 and w not in _NAME_SUFFIXES)
    found = {core} if len(core) > 1 else set()
    if len(core) > 2:
        found.add((core[0], core[-1]))
    return found


_CYRILLIC = re.compile(r"[а-я]")


def name_key(name: str) -> tuple[str, ...]:
    """A name as compared: folded words without hyphens, dots or apostrophes ("Kassym-Jomart" = "kassym jomart")."""
    return tuple(w for w in _NAME_SEPARATORS.split(fold(name.strip())) if w)


def _han_key(name: str) -> str:
    return "".join(name_key(name))


# Russian case endings of nouns and names, each with the nominative endings it may come from. Conservative: only
# endings that a name takes in the singular; a candidate counts only if it is a name of the table.
_RUSSIAN_ENDINGS = [
    ("ого", ("ий", "ой", "ый")),
    ("ому", ("ий", "ой", "ый")),
    ("ым", ("ый", "")),
    ("им", ("ий",)),
    ("ом", ("", "ой")),
    ("ем", ("", "й", "ь")),
    ("ей", ("ь", "я", "й")),
    ("ой", ("а", "ая")),
    ("ую", ("ая",)),
    ("ию", ("ий", "ия")),
    ("ии", ("ий", "ия")),
    ("ия", ("ий",)),
    ("ием", ("ий",)),
    ("ией", ("ия",)),
    ("а", ("",)),
    ("у", ("", "а")),
    ("е", ("", "а", "я", "й", "ь")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь")),
    ("я", ("й", "ь")),
    ("ю", ("й", "ь", "я")),
]


def _russian_nominatives(word: str) -> set[str]:
    """The word and the nominatives it may be a case form of ("лаврова" -> {"лаврова", "лавров", ...})."""
    found = {word}
    if not _CYRILLIC.search(word):
        return found
    for ending, nominatives in _RUSSIAN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            found.update(stem + nominative for nominative in nominatives)
    return found


def russian_case_forms(word: str) -> set[str]:
    """Forms a Russian title word takes in the singular cases ("министр" -> "министра", "министром", ...)."""
    lowered = word.lower()
    forms = {lowered}
    if lowered.endswith("ий"):
        forms.update(lowered[:-2] + e for e in ("ия", "ию", "ием", "ии"))
    elif lowered.endswith(("а", "я")):
        stem = lowered[:-1]
        soft = lowered.endswith("я") or stem[-1:] in "гкхжшчщ"
        forms.update(stem + e for e in ("и" if soft else "ы", "е", "у" if lowered[-1] == "а" else "ю", "ой", "ей"))
    elif lowered.endswith(("й", "ь")):
        stem = lowered[:-1]
        forms.update(stem + e for e in ("я", "ю", "ем", "е"))
    elif lowered[-1:].isalpha() and lowered[-1] not in "оеиуюэы":
        forms.update(lowered + e for e in ("а", "у", "ом", "ем", "е"))
    return forms


class OfficeRegistry:
    """The loaded tables with their indexes; build one with ``load_registry()``."""

    def __init__(self, holder_rows: list[dict[str, str]], title_rows: list[dict[str, str]]):
        self.persons: dict[str, KnownPerson] = {}
        terms: dict[str, list[OfficeTerm]] = {}
        first_rows: dict[str, dict[str, str]] = {}
        for row in holder_rows:
            key = row["person"].strip()
            first_rows.setdefault(key, row)
            end = row["end"].strip()
            terms.setdefault(key, []).append(
                OfficeTerm(
                    office=row["office"].strip(),
                    country=row["country"].strip(),
                    start=date.fromisoformat(row["start"].strip()),
                    end=date.fromisoformat(end) if end else None,
                    note=(row.get("note") or "").strip(),
                )
            )
        for key, row in first_rows.items():
            name = row["name"].strip()
            self.persons[key] = KnownPerson(
                key=key,
                name=name,
                other_latin=_split_list(row.get("other_latin")),
                cyrillic_names=_split_list(row.get("cyrillic")),
                chinese_names=_split_list(row.get("chinese")),
                family_name=(row.get("family_name") or "").strip() or name.split()[-1],
                terms=tuple(sorted(terms[key], key=lambda t: t.start)),
            )
        self.by_office: dict[tuple[str, str], list[OfficeHolder]] = {}
        self.by_name: dict[tuple[str, ...], list[KnownPerson]] = {}
        self.by_family_name: dict[tuple[str, ...], list[KnownPerson]] = {}
        self.by_short_name: dict[tuple[str, ...], list[KnownPerson]] = {}
        for person in self.persons.values():
            for term in person.terms:
                self.by_office.setdefault((term.office, term.country), []).append(OfficeHolder(person, term))
            for name in person.names:
                key = name_key(name)
                for variant in {key, ("".join(key),)}:
                    people = self.by_name.setdefault(variant, [])
                    if all(known is not person for known in people):
                        people.append(person)
                for short in _short_keys(key):
                    people = self.by_short_name.setdefault(short, [])
                    if all(known is not person for known in people):
                        people.append(person)
            for family_name in person.family_names:
                people = self.by_family_name.setdefault(name_key(family_name), [])
                if all(known is not person for known in people):
                    people.append(person)
        self.titles = _TitleIndex(title_rows)

    def holders_on(self, office: str, country: str, day: date) -> list[OfficeHolder]:
        holders = self.by_office.get((office, country.upper()), [])
        return [holder for holder in holders if holder.term.covers(day)]

    def find_person(self, name: str) -> KnownPerson | None:
        key = name_key(name)
        if not key:
            return None
        candidates = self.by_name.get(key) or self.by_name.get((_han_key(name),))
        if not candidates and any(_CYRILLIC.search(w) for w in key):
            for variant in product(*(_russian_nominatives(w) for w in key)):
                candidates = self.by_name.get(variant)
                if candidates:
                    break
        if not candidates:
            candidates = self._find_by_short_name(key) or self._find_by_initials(key)
        return candidates[0] if candidates and len(candidates) == 1 else None

    def _find_by_short_name(self, key: tuple[str, ...]) -> list[KnownPerson]:
        """People whose name, without middle names, initials or suffixes, is the key's ("Rodrigo Roa Duterte")."""
        found: list[KnownPerson] = []
        for short in _short_keys(key):
            for person in self.by_short_name.get(short, []):
                if all(known is not person for known in found):
                    found.append(person)
        return found

    def _find_by_initials(self, key: tuple[str, ...]) -> list[KnownPerson]:
        """People named by initials and family name ("С.В.Лавров", "S. Lavrov"), matched on the first initial."""
        initials = [w for w in key if len(w) == 1]
        rest = [w for w in key if len(w) > 1 and w not in _NAME_SUFFIXES]
        if not initials or len(rest) != 1:
            return []
        found = []
        for person in self.find_persons_by_family_name(rest[0]):
            if any(name_key(name)[0][0] == initials[0] for name in person.names if len(name_key(name)) > 1):
                found.append(person)
        return found

    def find_persons_by_family_name(self, family_name: str, day: date | None = None) -> list[KnownPerson]:
        key = name_key(family_name)
        people = list(self.by_family_name.get(key, []))
        if not people and len(key) == 1:
            for variant in _russian_nominatives(key[0]):
                people = list(self.by_family_name.get((variant,), []))
                if people:
                    break
        if day is not None:
            people = [p for p in people if p.terms_on(day)]
        return people


# Words that may join a country word to a title: "China's Foreign Minister", "the Foreign Minister of China".
_BEFORE_GLUE = re.compile(r"(?:'s|’s)?[\s,]*$")
_AFTER_GLUE = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?|de\s+(?:la\s+|l'|l’|los\s+|las\s+)?|du\s+|des\s+|d'|d’|del\s+|"
    r"da\s+|do\s+|dos\s+)?",
    re.IGNORECASE,
)
_WINDOW = 60
_CJK_TITLE = re.compile(r"[\u3400-\u9fff]")


class _TitleIndex:
    """One regular expression per language over every title, longest first, on folded text."""

    def __init__(self, rows: list[dict[str, str]]):
        self.rows: dict[str, dict[str, tuple[str, str | None, str]]] = {}
        patterns: dict[str, list[tuple[str, str]]] = {}
        for row in rows:
            language = row["language"].strip()
            title = row["title"].strip()
            if not title:
                continue
            office = row["office"].strip()
            country = row["country"].strip() or None
            for variant in self._variants(title, language):
                folded = fold(variant)
                self.rows.setdefault(language, {}).setdefault(folded, (office, country, title))
                patterns.setdefault(language, []).append((folded, title))
        self.entries = patterns
        self.patterns: dict[str, re.Pattern[str]] = {}

    def pattern(self, language: str) -> re.Pattern[str] | None:
        """The language's titles as one expression (a trie: the longest title wins), compiled on first use."""
        if language not in self.patterns:
            entries = self.entries.get(language)
            if not entries:
                return None
            body = _trie_pattern([folded for folded, _title in entries])
            if all(_CJK_TITLE.search(f) for f, _ in entries):
                self.patterns[language] = re.compile(f"(?:{body})")
            else:
                self.patterns[language] = re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])")
        return self.patterns[language]

    @staticmethod
    def _variants(title: str, language: str) -> set[str]:
        if language != "ru":
            return {title}
        words = title.split(" ")
        # The head word of a Russian title declines ("министра иностранных дел", "главой МИД"); what follows it
        # is a genitive and does not.
        return {" ".join([form, *words[1:]]) for form in russian_case_forms(words[0])}

    def find(self, text: str, language: str) -> list[OfficeTitleMatch]:
        pattern = self.pattern(language)
        if pattern is None:
            return []
        folded = fold(text)
        found = []
        for match in pattern.finditer(folded):
            office, country, title = self._entry(match.group(), language)
            if not office:
                continue  # a longer title outside the table ("Deputy Foreign Minister"), read so as to be skipped
            start, end = match.start(), match.end()
            # A country the text names beside the title wins over the one a title implies ("Premier" is China's).
            said, start, end = _country_around(text, start, end, language)
            country = said or country
            found.append(OfficeTitleMatch(office, country, start, end, text[start:end], title))
        return found

    def _entry(self, matched: str, language: str) -> tuple[str, str | None, str]:
        table = self.rows[language]
        normalised = re.sub(r"\s+", " ", matched)
        if normalised in table:
            return table[normalised]
        # A "*" slot was filled: find the title whose parts it matched.
        for folded, entry in table.items():
            if " * " in folded:
                head, _, tail = folded.partition(" * ")
                if normalised.startswith(head) and normalised.endswith(tail):
                    return entry
        raise LookupError(matched)  # pragma: no cover - the pattern only matches titles of the table


_SPACE = r"\s+"
_SLOT = r"(?:\s+[^\W\d_][\w\-]*)?\s+"  # a "*" of a title: one optional word where the text may put one


def _trie_pattern(titles: list[str]) -> str:
    """One expression for many folded titles, their common beginnings shared, so that a miss costs one step.

    A space of a title matches any run of white space; " * " matches one optional word between two.
    """
    trie: dict = {}
    for title in titles:
        node = trie
        for token in re.findall(r" \* | |.", title):
            node = node.setdefault(token, {})
        node[None] = {}

    def expression(node: dict) -> str:
        branches = []
        for token in sorted((t for t in node if t is not None), key=len):
            head = _SLOT if token == " * " else _SPACE if token == " " else re.escape(token)
            branches.append(head + expression(node[token]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if None in node else body

    return expression(trie)


def _country_around(text: str, start: int, end: int, language: str) -> tuple[str | None, int, int]:
    """The country said right before, inside (a "*" slot) or right after a title, and the widened span."""
    from .gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    codes = _codes_by_country_name()
    if language == "zh":
        code, width = _chinese_country_before(text[max(0, start - 12) : start])
        return (code, start - width, end) if code else (None, start, end)
    inner = [m for m in gazetteer.find(text[start:end]) if m.country in codes]
    if inner:
        return codes[inner[0].country], start, end
    before = text[max(0, start - _WINDOW) : start]
    mentions = [m for m in gazetteer.find(before) if m.country in codes]
    if mentions and _BEFORE_GLUE.fullmatch(before[mentions[-1].end :]):
        return codes[mentions[-1].country], start - len(before) + mentions[-1].start, end
    after = text[end : end + _WINDOW]
    glue = _AFTER_GLUE.match(after)
    if glue:
        mentions = [m for m in gazetteer.find(after[glue.end() :]) if m.country in codes]
        if mentions and mentions[0].start == 0:
            return codes[mentions[0].country], start, end + glue.end() + mentions[0].end
    return None, start, end


@lru_cache(maxsize=1)
def _codes_by_country_name() -> dict[str, str]:
    from .gazetteer import load_gazetteer

    return {name: code for code, name in load_gazetteer().codes.items()}


# Chinese readouts write a country before a title in full ("哈萨克斯坦外长") or by one character ("俄外长"); only
# characters that stand for a single country are listed.
_CHINESE_ABBREVIATIONS = {
    "中": "CN", "中方": "CN", "美": "US", "美方": "US", "俄": "RU", "俄方": "RU", "日": "JP", "韩": "KR",
    "朝": "KP", "英": "GB", "法": "FR", "德": "DE", "意": "IT", "印": "IN", "澳": "AU", "越": "VN", "泰": "TH",
    "菲": "PH", "蒙": "MN", "哈": "KZ", "吉": "KG", "塔": "TJ", "土": "TR", "以": "IL", "埃": "EG", "沙": "SA",
    "欧盟": "EU", "联合国": "UN", "白俄": "BY", "白": "BY", "阿联酋": "AE", "卡": "QA", "新": "SG",
}  # fmt: skip


@lru_cache(maxsize=1)
def _chinese_country_names() -> dict[str, str]:
    import gettext

    import pycountry

    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    except OSError:  # pragma: no cover - pycountry ships its locales
        return dict(_CHINESE_ABBREVIATIONS)
    names = {}
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name)}:
            chinese = translation.gettext(english)
            if chinese != english:
                names[chinese] = country.alpha_2
    names.update({"中国": "CN", "俄罗斯": "RU", "韩国": "KR", "朝鲜": "KP", "伊朗": "IR", "越南": "VN"})
    names.update(_CHINESE_ABBREVIATIONS)
    return names


def _chinese_country_before(before: str) -> tuple[str | None, int]:
    names = _chinese_country_names()
    for width in range(min(len(before), 12), 0, -1):
        code = names.get(before[-width:])
        if code:
            return code, width
    return None, 0


def _split_list(cell: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (cell or "").split("|") if item.strip())


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=1)
def load_registry() -> OfficeRegistry:
    """The office tables, read once per process."""
    return OfficeRegistry(_read_tsv(OFFICE_HOLDERS_TSV), _read_tsv(OFFICE_TITLES_TSV))


def holders_on(office: str, country_code: str, day: date) -> list[OfficeHolder]:
    """Who held ``office`` of ``country_code`` on ``day`` (usually one person; co-holders are all returned)."""
    return load_registry().holders_on(office, country_code, day)


def holders_of(office: str, country_code: str) -> list[OfficeHolder]:
    """Everyone who held ``office`` of ``country_code``, one entry per term."""
    return list(load_registry().by_office.get((office, country_code.upper()), []))


def find_person(name: str) -> KnownPerson | None:
    """The one person of the table with this full name in any script ("Wang Yi", "王毅", "Ван И", "Лаврова")."""
    return load_registry().find_person(name)


def find_persons_by_family_name(family_name: str, day: date | None = None) -> list[KnownPerson]:
    """People with this family name ("Sullivan", "Ван", "王"), only those in some office on ``day`` if given."""
    return load_registry().find_persons_by_family_name(family_name, day)


def find_office_titles(text: str, language: str) -> list[OfficeTitleMatch]:
    """Office titles in ``text`` written in ``language`` (ISO 639-1), left to right, longest title first."""
    return load_registry().titles.find(text, language)


_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class NamedInFull:
    person: KnownPerson
    written: str
    start: int
    end: int


def find_people_named_in_full(text: str) -> list[NamedInFull]:
    """The table's people text names by one of their full Latin names ("Olaf Scholz", "Recep Tayyip Erdoğan"),
    whatever the language around them: each run of two to five capitalised words is looked up as it stands (a dict
    look-up per run, linear in the text)."""
    registry = load_registry()
    words = [m for m in _WORD.finditer(text) if m.group()[0].isupper()]
    found: list[NamedInFull] = []
    i = 0
    while i < len(words):
        match = None
        for n in range(min(MAX_NAME_WORDS, len(words) - i), 1, -1):
            run = words[i : i + n]
            if any(run[k + 1].start() - run[k].end() > 1 for k in range(n - 1)):
                continue  # the words must follow one another
            written = text[run[0].start() : run[-1].end()]
            people = registry.by_name.get(name_key(written))
            if people and len(people) == 1 and not _CYRILLIC.search(fold(written)):
                match = NamedInFull(people[0], written, run[0].start(), run[-1].end())
                i += n
                break
        if match is None:
            i += 1
        else:
            found.append(match)
    return found


def known_persons() -> list[KnownPerson]:
    """Every person of the table."""
    return list(load_registry().persons.values())
