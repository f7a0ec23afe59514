"""International organisations an official's title names ("Chairperson of the African Union Commission",
"Director-General of the World Health Organization", "世界衛生組織總幹事"): the organisation is that official's
side, as a country is a minister's.

The table lives in data/organisations.tsv (code, name, aliases separated by "|", in the languages the parser reads).
Acronyms ("WHO", "AU") match only in capitals; other names in any case. The codes are the archive's Country codes
for them (readouts/countries.py loads the table): the EU's and the UN's as ISO 3166 reserves them, the others from
its user-assigned range, X followed by a letter (XA, XB and XK left out: CLDR names them), given in the table's
order and never changed once given.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

ORGANISATIONS_TSV = Path(__file__).resolve().parent / "data" / "organisations.tsv"
_ACRONYM = re.compile(r"^[A-ZА-Я.]{2,6}$")
_HAN = re.compile(r"[\u3400-\u9fff]")


@lru_cache(maxsize=1)
def organisation_rows() -> tuple[dict[str, str], ...]:
    """The table's rows: code, name, and aliases separated by "|"."""
    with ORGANISATIONS_TSV.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle, delimiter="\t"))


def is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every form (longest first, so "African Union Commission" wins over "AU"), and each
    form's organisation, keyed by the form as matched (case-folded unless an acronym)."""
    names: dict[str, str] = {}
    alternatives = []
    for row in organisation_rows():
        for form in [row["name"], *row["aliases"].split("|")]:
            form = form.strip()
            if not form:
                continue
            acronym = is_acronym(form)
            names[form if acronym else form.casefold()] = row["name"]
            escaped = re.escape(form)
            if not acronym:
                escaped = f"(?i:{escaped})"
            # Han script has no spaces to bound a word; other scripts' names stand as whole words.
            alternatives.append((len(form), escaped if _HAN.search(form) else rf"(?<!\w){escaped}(?!\w)"))
    alternatives.sort(key=lambda item: -item[0])
    return re.compile("|".join(pattern for _, pattern in alternatives)), names


def organisation_named(text: str) -> str | None:
    """The organisation the text names first, else None."""
    if not text:
        return None
    pattern, names = _patterns()
    found = pattern.search(text)
    if found is None:
        return None
    form = found.group()
    return names.get(form) or names.get(form.casefold())


def organisation_ending(text: str) -> str | None:
    """The organisation whose name ends the text ("...到訪的世界衛生組織" before the title "總幹事"), else None."""
    pattern, names = _patterns()
    tail = text[-ORGANISATION_CHARS:]
    last = None
    for found in pattern.finditer(tail):
        last = found
    if last is None or last.end() != len(tail):
        return None
    return names.get(last.group()) or names.get(last.group().casefold())


ORGANISATION_CHARS = 60  # longer than any organisation's name
