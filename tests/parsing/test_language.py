import pytest

from readouts.parsing.language import detect_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("The two leaders discussed the situation and agreed to meet again.", "en"),
        (
            "Les deux dirigeants ont discuté de la situation et sont convenus de se revoir dans le cadre du forum.",
            "fr",
        ),
        ("Президент России провёл переговоры с председателем КНР.", "ru"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language
