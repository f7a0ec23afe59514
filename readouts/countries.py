"""Loads the country list (UN members, observers, the EU and the UN, and the international organisations whose
officials the parser gives their organisation as a side) into the database.

Names of states come from our own data file (short names a reader expects: "Russia", "Vietnam");
pycountry, which tracks ISO 3166, adds the official names as aliases and vouches for every code. The
organisations come from the parser's table (readouts/parsing/data/organisations.tsv), which gives their codes.
"""

import csv
from pathlib import Path

import pycountry

from readouts.parsing.organisations import is_acronym, organisation_rows

COUNTRIES_FILE = Path(__file__).resolve().parent / "data" / "countries.tsv"


def split_list(field: str) -> list[str]:
    return [item.strip() for item in field.split("|") if item.strip()]


def country_records(path: Path = COUNTRIES_FILE) -> list[dict]:
    """One dict per country with code, name, kind, demonyms and aliases (official names added)."""
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            aliases = split_list(row["aliases"])
            if row["kind"] == "state":
                iso = pycountry.countries.get(alpha_2=row["code"])
                if iso is None:
                    raise ValueError(f"{path.name}: {row['code']} is not an ISO 3166-1 alpha-2 code")
                for official in (iso.name, getattr(iso, "official_name", None)):
                    if official and official != row["name"] and official not in aliases:
                        aliases.append(official)
            records.append(
                {
                    "code": row["code"],
                    "name": row["name"],
                    "kind": row["kind"],
                    "demonyms": split_list(row["demonyms"]),
                    "aliases": aliases,
                }
            )
    codes = {record["code"] for record in records}
    for row in organisation_rows():
        if row["code"] not in codes:
            # Without acronyms: "WHO" or "SCO" as another name would be matched as a word in any case elsewhere.
            aliases = [form for form in split_list(row["aliases"]) if not is_acronym(form)]
            records.append(
                {"code": row["code"], "name": row["name"], "kind": "organization", "demonyms": [], "aliases": aliases}
            )
    return records


def load_countries(country_model) -> int:
    """Create or update every country; return how many there are. Safe to run again."""
    for record in country_records():
        code = record.pop("code")
        country_model.objects.update_or_create(code=code, defaults=record)
    return country_model.objects.count()
