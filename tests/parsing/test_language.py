import pytest

from readouts.parsing.language import detect_language, script_of


@pytest.mark.parametrize(
    "text, language",
    [
        ("The two leaders discussed the situation and agreed to meet again.", "en"),
        (
            "Les deux dirigeants ont discuté de la situation et sont convenus de se revoir dans le cadre du forum.",
            "fr",
        ),
        ("Президент России провёл переговоры с председателем КНР.", "ru"),
        ("外交部长今天在北京会见来访的芬兰外交部长，双方交换了意见。", "zh"),
        ("Los cancilleres de Uruguay y Chile se reunieron este lunes para revisar la agenda bilateral.", "es"),
        ("استقبل وزير الخارجية في القاهرة اليوم نظيره الأردني، وبحث الجانبان سبل تعزيز التعاون.", "ar"),
        ("A presidente conversou por telefone com o presidente ucraniano sobre a cooperação comercial.", "pt"),
        ("外務大臣は本日、東京でフィンランドの外務大臣と会談しました。", "ja"),
        ("Президент України провів телефонну розмову з прем'єр-міністром Польщі.", "uk"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_a_bilingual_text_takes_the_language_of_most_paragraphs():
    paragraphs = [
        "استقبل الرئيس في القاهرة رئيس وزراء أرمينيا الذي يزور مصر لمدة يومين.",
        "Le Premier ministre arménien a été reçu au Caire par le président égyptien.",
        "Les deux dirigeants ont évoqué les relations bilatérales et la situation régionale.",
        "Le Premier ministre a remercié son hôte pour l’accueil chaleureux.",
    ]
    assert detect_language(paragraphs) == "fr"


def test_a_declared_language_stands_when_the_text_is_too_short_or_partly_in_it():
    assert detect_language("OK", declared="de") == "de"
    paragraphs = ["Le ministre a reçu son homologue.", "استقبل الرئيس في القاهرة رئيس وزراء أرمينيا."]
    assert detect_language(paragraphs, declared="ar") == "ar"
    # A declaration the text contradicts is wrong metadata.
    assert detect_language(["Президент России провёл переговоры с председателем КНР."], declared="en") == "ru"


def test_addresses_do_not_vote():
    caption = "صورة من اللقاء https://img.example.com/ArticleImgs/2024/3/5/photo-one-two-three-four.jpg"
    assert detect_language(["استقبل الرئيس في القاهرة رئيس وزراء أرمينيا.", caption, caption]) == "ar"


def test_a_short_text_in_the_declared_languages_script_keeps_that_language():
    assert detect_language("Xi meets Blinken in Beijing", declared="en") == "en"
    assert detect_language("Visita del ministro", declared="es") == "es"


def test_a_short_text_in_another_script_than_the_declared_language_is_detected():
    assert detect_language("Министр провёл в Москве переговоры с коллегой.", declared="fr") == "ru"
    assert detect_language("استقبل وزير الخارجية في القاهرة اليوم نظيره الأردني", declared="fr") == "ar"


def test_script_of():
    assert script_of("Wang Yi met Blinken") == "latin"
    assert script_of("王毅会见布林肯") == "han"
    assert script_of("Ван И встретился с Блинкеном") == "cyrillic"
    assert script_of("12 34") is None
