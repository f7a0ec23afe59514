import pytest

from readouts.parsing.dateline import parse_closing_dateline, parse_dateline, parse_dateline_line


@pytest.mark.parametrize(
    "text, city, month_day, agency",
    [
        ("NUR-SULTAN, June 7 (Xinhua) -- Kazakh President", "Nur-Sultan", (6, 7), "Xinhua"),
        ("BEIJING, Feb. 13 (Xinhua) -- Chinese", "Beijing", (2, 13), "Xinhua"),
        ("ISLAMABAD, Aug 13 (APP): Vice Premier", "Islamabad", (8, 13), "APP"),
        ("RSS (KATHMANDU, 29 March 2022) – Foreign", "Kathmandu", (3, 29), "RSS"),
        ("ASTANA. KAZINFORM – President", "Astana", None, "KAZINFORM"),
        ("BEIJING - Chinese Vice President", "Beijing", None, None),
        ("MOSCOW (AP) — The talks", "Moscow", None, "AP"),
        ("МОСКВА, 14 апреля. /ТАСС/. Президент", "Москва", (4, 14), "ТАСС"),
        ("Москва, 16 февраля. Министр иностранных дел", "Москва", (2, 16), None),
        ("Москва. 17 октября. INTERFAX.RU - Глава МИД", "Москва", (10, 17), "INTERFAX.RU"),
        ("24 сентября, Минск /Корр. БЕЛТА/. Глава МИД", "Минск", (9, 24), "Корр. БЕЛТА"),
        ("ISLAMABAD : Chinese State Councilor", "Islamabad", None, None),
        ("ISLAMABAD: The Foreign Minister", "Islamabad", None, None),
        ("PARÍS (AFP) - El presidente", "París", None, "AFP"),
        ("Updated: 2008-10-28 23:12 MOSCOW -- Chinese Premier", "Moscow", (10, 28), None),
        # Ordinary case: a dateline only where the city gazetteer knows the name.
        ("Buenos Aires. Los gobiernos de Argentina y Brasil", "Buenos Aires", None, None),
        ("México, D.F. Los gobiernos de México y España", "México", None, None),
        ("New Delhi: Indian Prime Minister", "New Delhi", None, None),
    ],
)
def test_datelines(text, city, month_day, agency):
    found = parse_dateline(text)
    assert found is not None
    assert found.city == city
    assert found.agency == agency
    assert (found.date.month, found.date.day) == month_day if month_day else found.date is None
    assert text[found.end :][:1].isalpha()


def test_chinese_agency_dateline():
    found = parse_dateline("新华社北京3月12日电（记者 李明）外交部长今天在北京会见")
    assert (found.city, found.agency) == ("北京", "新华社")
    assert "新华社北京3月12日电（记者 李明）外交部长今天在北京会见"[found.end :].startswith("外交部长")


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE - the talks",
        "The President met",
        "Beijing is big, he said.",
        "Friday. The talks",  # ordinary case and not a place
        "Ambos ministros: acordaron",
    ],
)
def test_not_datelines(text):
    assert parse_dateline(text) is None


def test_dateline_lines():
    assert parse_dateline_line("MOSCOW").city == "Moscow"
    line = parse_dateline_line("New York, 24 September 2013")
    assert (line.city, line.date.year, line.date.month, line.date.day) == ("New York", 2013, 9, 24)
    assert parse_dateline_line("The Associated Press") is None
    assert parse_dateline_line("Friday, October 27, 2023") is None  # the shape of a dated place line, no place


def test_closing_datelines():
    found = parse_closing_dateline("CANBERRA 6 April 1968 i}.")
    assert (found.city, found.date.year, found.date.month, found.date.day) == ("Canberra", 1968, 4, 6)
    assert parse_closing_dateline("CANBERRA, 24th February, 1966.").city == "Canberra"
    assert parse_closing_dateline("CANBEIRRA, 24th February, 1966.") is None  # not a known place
    assert parse_closing_dateline("The talks ended on 6 April 1968.") is None


def test_latin_american_full_stop_and_dash_datelines():
    assert parse_dateline("Santo Domingo.-  El presidente recibió").city == "Santo Domingo"
    assert parse_dateline("Bogota, Colombia.– El presidente dominicano").city == "Bogota"
