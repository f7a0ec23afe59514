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
