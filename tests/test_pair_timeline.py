"""The pair page's timeline (readouts/pair_timeline.py): meetings between two countries per year and level."""

import re

import pytest

from readouts.charts import level_timeline
from readouts.pair_timeline import HEADS, LEVELS, MINISTERS, OTHERS, YearLevels, level_of_title
from tests.factories import make_person, make_readout


@pytest.mark.parametrize(
    ("title", "language", "level"),
    [
        ("President", "en", HEADS),
        ("Federal Chancellor", "en", HEADS),
        ("Vice President and Prime Minister", "en", HEADS),
        ("State Councilor and Foreign Minister", "en", MINISTERS),
        ("Secretary of State", "en", MINISTERS),
        ("Министр иностранных дел", "ru", MINISTERS),
        ("国家主席", "zh", HEADS),
        ("Deputy Foreign Minister", "en", OTHERS),
        ("Crown Prince", "en", OTHERS),
        ("", "en", OTHERS),
    ],
)
def test_a_title_has_the_level_of_the_office_it_names(title, language, level):
    assert level_of_title(title, language) == level


def test_the_timeline_has_a_row_per_level_and_a_dot_per_year_and_level_met():
    years = [YearLevels(2020, {HEADS: 2, MINISTERS: 0, OTHERS: 1}), YearLevels(2021, dict.fromkeys(LEVELS, 0))]
    chart = level_timeline(years, LEVELS, lambda year: f"?y={year}")
    assert [label for label, _y in chart.rows] == list(LEVELS.values())
    assert [(dot.year, dot.level, dot.count) for dot in chart.dots] == [(2020, HEADS, 2), (2020, OTHERS, 1)]
    assert chart.dots[0].radius > chart.dots[1].radius and chart.dots[0].href == "?y=2020"
    assert chart.total == 3 and level_timeline([], LEVELS, str) is None


def timeline_rows(page):
    section = page.split('class="pair-timeline"', 1)[1].split("</section>", 1)[0]
    return re.findall(
        r'<tr><th scope="row">(\d{4})</th><td class="num">(\d+)</td><td class="num">(\d+)</td>'
        r'<td class="num">(\d+)</td><td class="num">(\d+)</td></tr>',
        section,
    )


@pytest.mark.django_db
def test_the_pair_page_shows_every_meeting_by_year_and_level(client, archive, django_assert_max_num_queries):
    # A foreign ministers' meeting of the two countries, with a third country's president present: the level
    # is read from the pair's own participants.
    kz_minister = make_person("Kazakh Minister", "KZ", slug="kz-minister")
    guest = make_person("Guest President", "FR", slug="guest-president")
    make_readout(
        participants=[(kz_minister, "Minister of Foreign Affairs"), (archive.wang, "Foreign Minister"),
                      (guest, "President")],
        meeting_date=archive.main.meeting_date.replace(year=2024),
    )  # fmt: skip
    with django_assert_max_num_queries(12):
        page = client.get("/readouts/?country=KZ&counterpart=CN").content.decode()
    assert "Meetings between Kazakhstan and China, by year and level" in page
    # 2022: the two publishers' readouts of one day are two meetings here (no Meeting groups them in this archive).
    assert timeline_rows(page) == [
        ("2021", "1", "0", "0", "1"),
        ("2022", "2", "0", "0", "2"),
        ("2023", "1", "0", "0", "1"),
        ("2024", "0", "1", "0", "1"),
    ]
    assert "/readouts/?country=KZ&amp;counterpart=CN&amp;meeting_date_after=2024-01-01" in page
    assert 'aria-label="2024, Foreign ministers: 1 meeting"' in page


@pytest.mark.django_db
def test_one_country_or_a_bad_pair_has_no_timeline(client, archive):
    assert 'class="pair-timeline"' not in client.get("/readouts/?country=KZ").content.decode()
    assert 'class="pair-timeline"' not in client.get("/readouts/?country=KZ&counterpart=KZ").content.decode()
    response = client.get("/readouts/?country=KZ&counterpart=QQ")
    assert response.status_code == 200 and 'class="pair-timeline"' not in response.content.decode()
