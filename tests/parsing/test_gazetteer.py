import pytest

from readouts.parsing.gazetteer import Gazetteer, load_gazetteer


@pytest.mark.parametrize(
    "phrase, country",
    [
        ("Chinese", "China"),
        ("U.S.", "United States"),
        ("People’s Republic of China", "China"),
        ("Dutch", "Netherlands"),
        ("russe", "Russia"),
        ("European", "European Union"),
        ("Kazakh", "Kazakhstan"),
        ("России", "Russia"),
        ("us", None),
        ("Minister", None),
        # CLDR names in other languages, Russian declined by pymorphy3
        ("Китае", "China"),
        ("Южной Кореи", "South Korea"),
        ("российского", "Russia"),
        ("американская", "United States"),
        ("США", "United States"),
        ("Égypte", "Egypt"),
        ("Estados Unidos", "United States"),
        ("Alemanha", "Germany"),
        ("مصر", "Egypt"),
        ("德国", "Germany"),
        ("美國", "United States"),
        ("ロシア", "Russia"),
    ],
)
def test_lookup(phrase, country):
    assert load_gazetteer().lookup(phrase) == country


def test_find_prefers_the_longest_name():
    found = load_gazetteer().find("Trump of the United States of America and the UK, then China.")
    assert [m.country for m in found] == ["United States", "United Kingdom", "China"]


def test_a_small_table():
    table = Gazetteer(
        [
            {
                "code": "XX",
                "name": "Examplia",
                "kind": "state",
                "demonyms": "Examplian",
                "aliases": "Republic of Examplia|RX",
            }
        ]
    )
    assert table.lookup("Examplian") == "Examplia"
    assert table.lookup("republic of examplia") == "Examplia"
    assert table.lookup("rx") is None and table.lookup("RX") == "Examplia"


def test_find_names_inside_chinese_text():
    text = "中國外長王毅與德国外长通电话，在北京"
    found = load_gazetteer().find(text)
    assert [(m.country, text[m.start : m.end]) for m in found] == [("China", "中國"), ("Germany", "德国")]


def test_find_mixes_scripts_in_text_order():
    found = load_gazetteer().find("Президент России и 中国 delegation from France")
    assert [m.country for m in found] == ["Russia", "China", "France"]


def test_russian_forms_of_a_small_table():
    table = Gazetteer(
        [{"code": "XX", "name": "Examplia", "kind": "state", "demonyms": "экзамплийский", "aliases": "Экзамплия"}],
        locales=(),
    )
    assert table.lookup("Экзамплии") == "Examplia"  # genitive, generated
    assert table.lookup("экзамплийского") == "Examplia"
    assert table.find("экзамплийская делегация")[0].is_demonym
