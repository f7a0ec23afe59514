import pytest

from readouts.parsing.location import (
    capital_of,
    english_place_name,
    find_meeting_place,
    find_place_in_language,
    host_country,
    inferred_capital,
    is_remote_meeting,
    nominative,
)
from readouts.parsing.types import ParsedParticipant


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


def test_a_building_named_before_its_city():
    place = find_meeting_place(
        "The President received the visiting minister at the Government Guest House, Cebu on Monday."
    )
    assert (place.city, place.country, place.note) == ("Cebu", "Philippines", "Government Guest House")


def test_a_country_after_a_building_is_not_its_city():
    assert find_meeting_place("The two envoys spoke at the Embassy, China said afterwards.") is None


def test_an_event_named_after_its_city():
    place = find_meeting_place("The ministers met on the sidelines of the Munich Security Conference on Saturday.")
    assert (place.city, place.country) == ("Munich", "Germany")


def test_a_visit_to_a_country_in_arabic():
    place = find_place_in_language("استقبل الرئيس اليوم رئيس الوزراء الذي يقوم بزيارة لمصر لمدة يومين", "ar")
    assert (place.city, place.country) == (None, "Egypt")


@pytest.mark.parametrize(
    "country, capital", [("Sri Lanka", "Colombo"), ("Egypt", "Cairo"), ("Australia", "Canberra"), ("Atlantis", None)]
)
def test_capital_of(country, capital):
    assert capital_of(country) == capital


def test_an_inferred_capital_says_it_is_inferred():
    assert inferred_capital("Sri Lanka") == "Colombo (inferred: capital of Sri Lanka)"
    assert inferred_capital("Pakistan", "the host, ") == "Islamabad (inferred: capital of the host, Pakistan)"
    assert inferred_capital(None) is None


def _participant(name, country):
    return ParsedParticipant(name=name, title="Minister", country=country)


@pytest.mark.parametrize(
    "sentence, host",
    [
        ("Foreign Minister Ana Costa hosted her counterpart Jan Novak for talks today.", "Portugal"),
        ("Jan Novak called on Foreign Minister Ana Costa on Sunday.", "Portugal"),
        ("Jan Novak received Ana Costa at his office.", "Czechia"),
        ("Ana Costa and Jan Novak discussed trade.", None),
    ],
)
def test_host_country(sentence, host):
    participants = [_participant("Ana Costa", "Portugal"), _participant("Jan Novak", "Czechia")]
    assert host_country(sentence, participants) == host


@pytest.mark.parametrize(
    "text, remote",
    [
        ("The two presidents held a telephone conversation on Monday.", True),
        ("Les deux ministres se sont entretenus par téléphone.", True),
        ("Министры провели переговоры по телефону.", True),
        ("两国外长通电话。", True),
        ("The Francophonie summit opened in the capital.", False),
        ("The two presidents took a selfie on a Chinese-made phone after the banquet.", False),
        ("La presidenta recibió una llamada telefónica de su homólogo.", True),
        ("The leaders met in person for the first time.", False),
    ],
)
def test_is_remote_meeting(text, remote):
    assert is_remote_meeting(text) is remote


def test_the_word_for_a_city_before_its_name_and_a_russian_name_the_dictionary_misreads():
    assert find_place_in_language("La cita fue en la ciudad de Santiago el martes.", "es").city == "Santiago"
    assert find_place_in_language("Министр прибыл в Астану с визитом.", "ru").city == "Astana"


def test_a_visitor_s_place_and_the_dots_of_an_abbreviation():
    assert find_meeting_place("The minister, who was visiting Washington D.C., held a meeting.").city == (
        "Washington D.C."
    )
    assert find_meeting_place("They met in Geneva. Then they left.").city == "Geneva"


def test_an_event_named_after_its_city_in_another_language():
    assert find_place_in_language("Ils se sont vus lors de la conférence de Munich sur la sécurité.", "fr").city == (
        "Munich"
    )


def test_the_building_that_speaks_for_its_government_is_no_place():
    assert find_place_in_language("В Кремле заявили, что переговоры прошли хорошо.", "ru") is None
    assert find_place_in_language("Переговоры прошли в Кремле.", "ru").city == "Moscow"


def test_the_akorda_in_russian():
    assert find_place_in_language("В Акорде начались переговоры президентов.", "ru").city == "Astana"
