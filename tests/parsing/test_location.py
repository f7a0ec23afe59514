import pytest

from readouts.parsing.location import english_place_name, find_meeting_place, find_place_in_language, nominative


@pytest.mark.parametrize(
    "lead, language, city, country",
    [
        ("Le ministre a reçu mardi à Lyon son homologue sénégalais.", "fr", "Lyon", "France"),
        ("Le Premier ministre arménien a été reçu au Caire par le président.", "fr", "Cairo", "Egypt"),
        ("Les deux ministres se sont rencontrés en Égypte.", "fr", None, "Egypt"),
        ("Los cancilleres se reunieron este lunes en Buenos Aires.", "es", "Buenos Aires", "Argentina"),
        ("Durante una reunión en Pekín, los jefes de la diplomacia acordaron.", "es", "Beijing", "China"),
        ("A presidente recebeu o chanceler em Brasília.", "pt", "Brasília", "Brazil"),
        ("Министр провёл в Москве переговоры с коллегой.", "ru", "Moscow", "Russia"),
        ("В Минске завершились переговоры.", "ru", "Minsk", "Belarus"),  # a title opens with the preposition
        ("Переговоры прошли в Нижнем Новгороде.", "ru", "Nizhniy Novgorod", "Russia"),
        ("杨洁篪在德国慕尼黑会见卢森堡外交大臣。", "zh", "Munich", "Germany"),
        ("習近平周二在北京會見到訪的世界衛生組織總幹事。", "zh", "Beijing", "China"),
        ("استقبل وزير الخارجية في القاهرة اليوم نظيره الأردني.", "ar", "Cairo", "Egypt"),
    ],
)
def test_find_place_in_language(lead, language, city, country):
    place = find_place_in_language(lead, language)
    assert (place.city, place.country) == (city, country)


@pytest.mark.parametrize(
    "lead, language",
    [
        ("Le ministre a parlé à Emmanuel Macron au téléphone.", "fr"),  # a person after "à"
        ("Los cancilleres conversaron por teléfono.", "es"),
        ("双方通电话。", "zh"),
    ],
)
def test_no_place_in_language(lead, language):
    assert find_place_in_language(lead, language) is None


def test_landmarks_in_other_languages_give_their_city_and_english_name():
    place = find_place_in_language("Le président a reçu le Premier ministre à l’Elysée aujourd’hui.", "fr")
    assert (place.city, place.note) == ("Paris", "Élysée Palace")
    place = find_place_in_language("Путин провёл переговоры в Кремле.", "ru")
    assert (place.city, place.note) == ("Moscow", "Kremlin")
    place = find_place_in_language("国家主席在人民大会堂会见外宾。", "zh")
    assert place.city == "Beijing"


def test_english_leads_keep_their_own_rules():
    place = find_meeting_place("President Biden met President Xi in Bali, Indonesia.")
    assert place.city == "Bali, Indonesia"


def test_nominative():
    assert nominative("Нижнем Новгороде") == "нижний новгород"


@pytest.mark.parametrize(
    "written, language, english",
    [
        ("Москва", "ru", "Moscow"),
        ("Pekín", "es", "Beijing"),
        ("北京", "zh", "Beijing"),
        ("Nur-Sultan", "en", "Nur-Sultan"),  # an English text's own spelling stands
        ("Boao", "en", "Boao"),
        ("Villeneuve-sur-Rien", "fr", "Villeneuve-sur-Rien"),  # unknown: as written
    ],
)
def test_english_place_name(written, language, english):
    assert english_place_name(written, language) == english
