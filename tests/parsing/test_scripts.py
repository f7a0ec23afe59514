"""The pipeline on small readouts of our own in several scripts and formats (tests/fixtures/scripts): paragraphs,
language and place, the parts that depend on the script. Participants and dates are tested elsewhere."""

import pytest
from conftest import REPO_ROOT

from readouts.parsing import parse_readout

SCRIPTS = REPO_ROOT / "tests" / "fixtures" / "scripts"
EXPECTED = {
    # file: (language, location, the first characters of each paragraph)
    "zh_wire.txt": (
        "zh",
        "Beijing",
        ["新华社北京3月12日电", "外交部长表示，中方", "芬兰外长表示，芬方", "双方同意继续保持密"],
    ),
    "zh_single_line.txt": ("zh", "Shanghai", ["国务委员在上海会见"]),
    "ru_agency.txt": ("ru", "Moscow", ["Москва, 16 февраля.", "Стороны обсудили то", "Венгерский министр "]),
    "fr_markdown.md": ("fr", "Lyon", ["Le ministre des Affa", "Les deux ministres o", "Le ministre sénégala"]),
    "es_page.html": ("es", "Montevideo", ["Montevideo. Los canc", "Ambos ministros acor", "El canciller chileno"]),
    "ar_news.txt": ("ar", "Cairo", ["استقبل وزير الخارجي", "وأكد الوزيران أهمية", "وأعرب الوزير الأردن"]),
    "en_xml_record.xml": ("en", "Canberra", ["The Prime Minister m", "Both Ministers agree", "The Norwegian Minist"]),
    "en_colon_dateline.txt": ("en", "Islamabad", ["ISLAMABAD : The Fore", "The two ministers ag"]),
    "fr_ar_bilingual.txt": (
        "fr",
        "Cairo",
        [
            "استقبل الرئيس في الق",
            "وبحث الجانبان سبل تع",
            "Le Premier ministre ",
            "Les deux dirigeants ",
            "Le Premier ministre ",
            "Les deux parties ont",
        ],
    ),
}


def test_every_script_fixture_has_expectations():
    assert {p.name for p in SCRIPTS.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_script_fixture(name):
    language, location, starts = EXPECTED[name]
    parsed = parse_readout((SCRIPTS / name).read_bytes(), filename=name)
    assert parsed.language == language
    assert parsed.location == location
    assert [p.text[: len(start)] for p, start in zip(parsed.paragraphs, starts, strict=False)] == starts
    assert len(parsed.paragraphs) == len(starts)


def test_palladius_spellings_back_to_pinyin():
    from readouts.parsing.romanise import palladius_to_pinyin

    assert palladius_to_pinyin("Ли Сяомин") == "Li Xiaoming"
    assert palladius_to_pinyin("Чжоу Цзюнь") == "Zhou Jun"
    assert palladius_to_pinyin("Томас Верлен") is None
