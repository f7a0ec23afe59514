import pytest

from readouts.countries import country_records
from readouts.models import Country

pytestmark = pytest.mark.django_db


def test_every_un_member_and_observer_is_loaded_with_the_eu_the_un_and_other_organisations():
    states = Country.objects.filter(kind=Country.Kind.STATE)
    assert states.count() == 193 + 2
    assert {"VA", "PS", "KZ", "CN", "US"} <= set(states.values_list("code", flat=True))
    organisations = dict(Country.objects.filter(kind=Country.Kind.ORGANIZATION).values_list("code", "name"))
    assert organisations["EU"] == "European Union" and organisations["UN"] == "United Nations"
    assert organisations["XC"] == "African Union"
    # The others' codes are ISO 3166-1's user-assigned ones, none that CLDR gives a territory (XA, XB, XK).
    others = set(organisations) - {"EU", "UN"}
    assert len(others) >= 20
    assert all(code[0] == "X" and code not in {"XA", "XB", "XK"} for code in others)


def test_an_organisations_acronym_is_not_one_of_its_other_names():
    who = Country.objects.get(name="World Health Organization")
    assert "Organisation mondiale de la santé" in who.aliases
    assert "WHO" not in who.aliases and "ВОЗ" not in who.aliases


def test_countries_carry_the_demonyms_the_importer_needs():
    assert "Kazakh" in Country.objects.get(code="KZ").demonyms
    assert "Chinese" in Country.objects.get(code="CN").demonyms
    assert "American" in Country.objects.get(code="US").demonyms


def test_official_names_from_iso_3166_become_aliases():
    russia = Country.objects.get(code="RU")
    assert russia.name == "Russia"
    assert "Russian Federation" in russia.aliases


def test_the_data_file_has_no_duplicate_codes_or_names():
    records = country_records()
    assert len({r["code"] for r in records}) == len(records)
    assert len({r["name"] for r in records}) == len(records)
