import pytest

from readouts.parsing.cities import CityIndex, english_city_name, fold, load_cities


@pytest.mark.parametrize(
    "written, english",
    [
        ("Москва", "Moscow"),
        ("PARÍS", "Paris"),
        ("Pekín", "Beijing"),  # not Pekin, Illinois: a much larger city has the name
        ("北京", "Beijing"),
        ("慕尼黑", "Munich"),
        ("القاهرة", "Cairo"),
        ("Ginebra", "Geneva"),
        ("Islamabad", "Islamabad"),  # a city's own name beats an old name of another
        ("Nueva York", "New York City"),
        ("Ciudad de México", "Mexico City"),
        ("Ministro", None),
        ("MOW", None),  # an airport code is not a name a text uses
    ],
)
def test_english_city_name(written, english):
    assert english_city_name(written) == english


def test_fold_ignores_case_accents_and_hyphens():
    assert fold("Nur-Sultan") == fold("NUR SULTAN") == "nur sultan"
    assert fold("Brasília") == "brasilia"


def test_match_prefix_in_unspaced_text():
    city, length = load_cities().match_prefix("慕尼黑出席第55届慕尼黑安全会议")
    assert (city.name, length) == ("Munich", 3)
    assert load_cities().match_prefix("出席会议") is None


def test_a_small_index_prefers_the_larger_city():
    index = CityIndex(
        [
            {"name": "Springfield", "countrycode": "US", "population": 100_000, "alternatenames": ["Ville"]},
            {"name": "Ville", "countrycode": "FR", "population": 5_000, "alternatenames": []},
            {"name": "Capital", "countrycode": "FR", "population": 2_000_000, "alternatenames": ["Springfield"]},
        ]
    )
    assert index.lookup("Ville").name == "Springfield"  # 100,000 by another name beats 5,000 by its own x 10
    assert index.lookup("Springfield").name == "Capital"  # 2,000,000 beats 100,000 x 10
