"""The office-holders table: its integrity, and the lookups the parser makes on it."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date

import pycountry
import pytest

from readouts.parsing import offices
from readouts.parsing.offices import (
    OFFICE_HOLDERS_TSV,
    OFFICE_TITLES_TSV,
    OFFICES,
    ORGANISATIONS,
    find_office_titles,
    find_person,
    find_persons_by_family_name,
    holders_on,
)

HOLDER_COLUMNS = [
    "person", "country", "office", "start", "end", "name", "other_latin", "cyrillic", "chinese", "family_name", "note",
]  # fmt: skip
NAME_COLUMNS = ["name", "other_latin", "cyrillic", "chinese", "family_name"]


def read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def holder_rows():
    return read(OFFICE_HOLDERS_TSV)


@pytest.fixture(scope="module")
def title_rows():
    return read(OFFICE_TITLES_TSV)


def is_country_code(code):
    return code in ORGANISATIONS or pycountry.countries.get(alpha_2=code) is not None


# --- the table's integrity -----------------------------------------------------------------------------------------


def test_holders_table_has_its_columns_and_no_stray_cells(holder_rows):
    with OFFICE_HOLDERS_TSV.open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines[0].split("\t") == HOLDER_COLUMNS
    bad = [n for n, line in enumerate(lines[1:], 2) if line.count("\t") != len(HOLDER_COLUMNS) - 1]
    assert not bad, f"lines with a wrong number of cells: {bad}"


def test_every_term_has_a_known_office_a_valid_country_and_ordered_dates(holder_rows):
    problems = []
    for row in holder_rows:
        where = f"{row['person']} {row['country']} {row['office']} {row['start']}"
        if row["office"] not in OFFICES:
            problems.append(f"{where}: unknown office")
        if not is_country_code(row["country"]):
            problems.append(f"{where}: invalid country code")
        start = date.fromisoformat(row["start"])
        if row["end"] and date.fromisoformat(row["end"]) <= start:
            problems.append(f"{where}: ends before it starts")
        if start.year < 1940 or start > date(2026, 12, 31):
            problems.append(f"{where}: implausible start")
        if row["end"] and date.fromisoformat(row["end"]) < date(2000, 1, 1):
            problems.append(f"{where}: ended before 2000, outside the table's period")
    assert not problems, "\n".join(problems)


def test_terms_of_one_office_in_one_country_do_not_overlap_unless_co_holders(holder_rows):
    terms = defaultdict(list)
    for row in holder_rows:
        end = date.fromisoformat(row["end"]) if row["end"] else date.max
        terms[(row["country"], row["office"])].append((date.fromisoformat(row["start"]), end, row))
    overlaps = []
    for key, spans in terms.items():
        spans.sort(key=lambda span: span[0])
        for (_, end, row), (next_start, _, next_row) in zip(spans, spans[1:], strict=False):
            co_holders = "co-holder" in row["note"] and "co-holder" in next_row["note"]
            if next_start < end and not co_holders:
                overlaps.append(
                    f"{key}: {row['person']} until {row['end']} and {next_row['person']} from {next_start}"
                )
    assert not overlaps, "\n".join(overlaps)


def test_each_person_has_the_same_names_on_every_row_and_one_key_per_english_name(holder_rows):
    names = {}
    keys_by_name = defaultdict(set)
    for row in holder_rows:
        these = tuple(row[column] for column in NAME_COLUMNS)
        assert names.setdefault(row["person"], these) == these, row["person"]
        keys_by_name[row["name"]].add(row["person"])
    assert all(len(keys) == 1 for keys in keys_by_name.values())


def test_every_row_has_all_scripts_or_a_note_saying_why_not(holder_rows):
    missing = [
        f"{row['person']} ({column})"
        for row in holder_rows
        for column in ("name", "cyrillic", "chinese", "family_name")
        if not row[column] and "no established" not in row["note"]
    ]
    assert not missing, missing


def test_names_are_in_their_column_s_script(holder_rows):
    def scripts(text):
        # Regnal numbers stay in Roman numerals in every script ("Карл III", "Charles III").
        letters = "".join(word for word in re.split(r"[\s|]+", text) if not set(word) <= set("IVX"))
        return {
            "cyrillic" if "Ѐ" <= c <= "ӿ" else "han" if "\u3400" <= c <= "\u9fff" else "latin"
            for c in letters
            if c.isalpha()
        }

    wrong = []
    for row in holder_rows:
        for column, script in (
            ("name", "latin"),
            ("other_latin", "latin"),
            ("cyrillic", "cyrillic"),
            ("chinese", "han"),
        ):
            if row[column] and scripts(row[column]) != {script}:
                wrong.append(f"{row['person']} {column}: {row[column]}")
    assert not wrong, wrong


def test_the_table_covers_the_countries_most_present_in_readouts(holder_rows):
    offices_by_country = defaultdict(set)
    for row in holder_rows:
        offices_by_country[row["country"]].add(row["office"])
    for code in ("US", "CN", "RU", "GB", "FR", "DE", "JP", "IN", "KZ"):
        assert "foreign_minister" in offices_by_country[code], code
    assert {"european_council_president", "commission_president", "high_representative"} <= offices_by_country["EU"]
    assert offices_by_country["UN"] == {"secretary_general"}


def test_titles_table_names_known_offices_in_the_main_languages(title_rows):
    assert {row["language"] for row in title_rows} >= {"en", "zh", "ru", "fr", "es"}
    for row in title_rows:
        assert row["office"] in OFFICES or (row["office"] == "" and row["note"]), row
        assert row["country"] == "" or is_country_code(row["country"]), row
        assert row["title"].strip() == row["title"] != "", row


# --- lookups -------------------------------------------------------------------------------------------------------


def names_on(office, country, day):
    return [holder.person.name for holder in holders_on(office, country, day)]


def test_china_s_foreign_minister_on_a_given_day():
    assert names_on("foreign_minister", "CN", date(2019, 2, 16)) == ["Wang Yi"]
    assert names_on("foreign_minister", "CN", date(2023, 5, 1)) == ["Qin Gang"]
    assert names_on("foreign_minister", "CN", date(2010, 6, 1)) == ["Yang Jiechi"]


def test_a_handover_day_belongs_to_the_successor():
    assert names_on("head_of_state", "US", date(2021, 1, 20)) == ["Joe Biden"]
    assert names_on("head_of_state", "US", date(2021, 1, 19)) == ["Donald Trump"]
    assert names_on("head_of_state", "US", date(2025, 1, 20)) == ["Donald Trump"]


def test_an_open_term_covers_today_and_an_unknown_country_has_no_holders():
    assert names_on("foreign_minister", "RU", date(2026, 12, 1)) == ["Sergey Lavrov"]
    assert holders_on("foreign_minister", "XX", date(2020, 1, 1)) == []
    assert names_on("foreign_minister", "ru", date(2020, 1, 1)) == ["Sergey Lavrov"]


def test_wang_yi_in_three_scripts_is_one_person_with_the_english_name_first():
    person = find_person("Wang Yi")
    assert person is not None
    assert find_person("王毅") is person
    assert find_person("Ван И") is person
    assert person.names[0] == "Wang Yi"
    assert {"王毅", "Ван И"} <= set(person.names)


def test_names_match_whatever_their_case_accents_hyphens_and_russian_case_form():
    lavrov = find_person("Sergey Lavrov")
    assert find_person("SERGEI LAVROV") is lavrov
    assert find_person("Сергея Лаврова") is lavrov
    assert find_person("Сергеем Лавровым") is lavrov
    assert find_person("Francois Hollande") is find_person("François Hollande") is not None
    assert find_person("Си Цзиньпином") is find_person("Xi Jinping")
    assert find_person("Ангелы Меркель") is find_person("Angela Merkel")
    assert find_person("Jean Yves Le Drian") is find_person("Jean-Yves Le Drian") is not None


def test_a_name_with_initials_middle_names_or_a_suffix_is_still_the_person():
    assert find_person("Perfecto R. Yasay, Jr.") is find_person("Perfecto Yasay") is not None
    assert find_person("Rodrigo Roa Duterte") is find_person("Rodrigo Duterte") is not None
    assert find_person("С.В.Лавров") is find_person("Sergey Lavrov")
    assert find_person("С. В. Лаврова") is find_person("Sergey Lavrov")
    # An initial must agree with the given name, and a family name alone names no one.
    assert find_person("A. Lavrov") is None
    assert find_person("Lavrov") is None


def test_french_and_spanish_spellings_are_other_latin_names():
    assert find_person("Vladimir Poutine") is find_person("Vladímir Putin") is find_person("Vladimir Putin")
    assert find_person("Nikol Pachinian") is find_person("Nikol Pashinyan") is not None


def test_an_unknown_or_empty_name_is_no_person():
    assert find_person("Nobody Inparticular") is None
    assert find_person("") is None
    assert find_person("Лаврова Лаврова") is None


def test_a_short_chinese_name_and_the_full_one_are_the_same_person():
    assert find_person("普京") is find_person("弗拉基米尔·普京") is find_person("Vladimir Putin")


def test_family_names_find_the_people_in_office_on_a_day():
    assert [p.name for p in find_persons_by_family_name("Sullivan", date(2023, 1, 1))] == ["Jake Sullivan"]
    assert find_persons_by_family_name("Sullivan", date(2010, 1, 1)) == []
    assert [p.name for p in find_persons_by_family_name("王", date(2024, 1, 1))] == ["Wang Yi"]
    assert [p.name for p in find_persons_by_family_name("Лаврова", date(2024, 1, 1))] == ["Sergey Lavrov"]


def test_a_person_s_terms_say_which_offices_they_held_on_a_day():
    wang = find_person("Wang Yi")
    assert {t.office for t in wang.terms_on(date(2020, 1, 1))} == {"foreign_minister", "state_councilor"}
    assert {t.office for t in wang.terms_on(date(2024, 1, 1))} == {
        "foreign_minister",
        "foreign_affairs_commission_director",
    }


def matches(text, language):
    return [(m.office, m.country, m.text) for m in find_office_titles(text, language)]


def test_an_english_title_takes_its_country_from_an_adjective_or_an_of_phrase():
    text = "Chinese Foreign Minister Wang Yi met the Foreign Minister of Russia and China's Premier."
    assert matches(text, "en") == [
        ("foreign_minister", "CN", "Chinese Foreign Minister"),
        ("foreign_minister", "RU", "Foreign Minister of Russia"),
        ("head_of_government", "CN", "China's Premier"),
    ]


def test_a_title_without_a_country_word_has_none_unless_the_title_is_a_country_s_own():
    assert matches("The Prime Minister welcomed the Secretary of State.", "en") == [
        ("head_of_government", None, "Prime Minister"),
        ("foreign_minister", "US", "Secretary of State"),
    ]


def test_a_longer_title_ending_in_a_known_one_is_not_read_as_it():
    text = "the Deputy Foreign Minister, the Vice President and General Secretary Xi"
    assert matches(text, "en") == [("vice_president", None, "Vice President")]
    assert matches("Vice Premier Han and the Deputy Prime Minister", "en") == []


def test_vice_presidents_are_an_office_of_their_own():
    assert names_on("vice_president", "US", date(2014, 1, 1)) == ["Joe Biden"]
    assert names_on("vice_president", "CN", date(2020, 1, 1)) == ["Wang Qishan"]
    assert matches("国家副主席韩正", "zh") == [("vice_president", "CN", "国家副主席")]


def test_russian_title_in_any_case_with_its_country_from_the_genitive_or_an_adjective():
    text = "Состоялась встреча с министром иностранных дел России Сергеем Лавровым. Российский министр иностранных дел"
    found = matches(text, "ru")
    assert found[0] == ("foreign_minister", "RU", "министром иностранных дел России")
    assert found[1] == ("foreign_minister", "RU", "Российский министр иностранных дел")
    assert matches("встреча с заместителем министра иностранных дел", "ru") == []


def test_chinese_titles_with_their_country_before_them():
    text = "国务委员兼外长王毅会见俄罗斯外长拉夫罗夫和美国国务卿，副外长陪同。"
    assert matches(text, "zh") == [
        ("foreign_minister", "CN", "国务委员兼外长"),
        ("foreign_minister", "RU", "俄罗斯外长"),
        ("foreign_minister", "US", "美国国务卿"),
    ]


def test_french_title_with_the_adjective_inside_it():
    assert matches("le ministre chinois des Affaires étrangères", "fr") == [
        ("foreign_minister", "CN", "ministre chinois des Affaires étrangères")
    ]


def test_a_language_without_titles_finds_nothing():
    assert find_office_titles("Presidente", "xx") == []


def test_the_tables_load_once():
    assert offices.load_registry() is offices.load_registry()
