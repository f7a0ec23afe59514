import pytest

from readouts.parsing.dateline import parse_dateline, parse_dateline_line


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
    ],
)
def test_datelines(text, city, month_day, agency):
    found = parse_dateline(text)
    assert found is not None
    assert found.city == city
    assert found.agency == agency
    assert (found.date.month, found.date.day) == month_day if month_day else found.date is None
    assert text[found.end :][:1].isalpha()


@pytest.mark.parametrize("text", ["UPDATE - the talks", "The President met", "Beijing is big, he said."])
def test_not_datelines(text):
    assert parse_dateline(text) is None


def test_dateline_lines():
    assert parse_dateline_line("MOSCOW").city == "Moscow"
    line = parse_dateline_line("New York, 24 September 2013")
    assert (line.city, line.date.year, line.date.month, line.date.day) == ("New York", 2013, 9, 24)
    assert parse_dateline_line("The Associated Press") is None
