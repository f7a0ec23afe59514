import pytest

from readouts.countries import country_records
from readouts.models import Country

pytestmark = pytest.mark.django_db


def test_every_un_member_and_observer_is_loaded_with_the_eu_and_the_un():
    states = Country.objects.filter(kind=Country.Kind.STATE)
    assert states.count() == 193 + 2
    assert set(Country.objects.filter(kind=Country.Kind.ORGANIZATION).values_list("code", flat=True)) == {"EU", "UN"}
    assert {"VA", "PS", "KZ", "CN", "US"} <= set(states.values_list("code", flat=True))


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
