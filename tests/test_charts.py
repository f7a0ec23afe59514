"""The pictures of the person and country pages: their geometry (readouts/charts.py), and the pages that show them
with their numbers beside them."""

import datetime
import re

import pytest
from django.template.loader import render_to_string

from readouts.charts import office_spans, radial_network, ranked_bars, year_columns
from readouts.models import refresh_meeting_counts
from tests.factories import make_person


def test_year_columns_cover_every_year_in_range_with_links_and_counts():
    chart = year_columns([(2019, 3), (2022, 6)], href=lambda year: f"?y={year}")
    assert [c.year for c in chart.columns] == [2019, 2020, 2021, 2022]
    assert [c.count for c in chart.columns] == [3, 0, 0, 6]
    assert chart.total == 9 and chart.peak.year == 2022
    tallest, half = chart.columns[3], chart.columns[0]
    assert tallest.height == 2 * half.height and tallest.y + tallest.height == chart.baseline
    assert [c.show_count for c in chart.columns] == [True, False, False, True]
    assert all(c.show_year for c in chart.columns)
    assert chart.columns[1].href == "?y=2020"
    assert year_columns([], href=str) is None


def test_a_long_range_labels_every_fifth_year_and_leaves_counts_to_the_table():
    chart = year_columns([(1990, 1), (2030, 2)], href=str)
    labelled = [c.year for c in chart.columns if c.show_year]
    assert labelled == [1990, 1995, 2000, 2005, 2010, 2015, 2020, 2025, 2030]
    assert not any(c.show_count for c in chart.columns)


def test_ranked_bars_are_proportional_and_keep_the_order_given():
    chart = ranked_bars([("China", 40, "/a"), ("A very long country name that goes on and on", 10, "/b")])
    assert [b.width for b in chart.bars] == [220, 55]
    assert [b.y for b in chart.bars] == [0, 22]
    assert chart.bars[1].short_label.endswith("…") and len(chart.bars[1].short_label) == 28
    assert ranked_bars([]) is None


def test_the_network_puts_the_most_met_at_the_top_and_sizes_by_meetings():
    network = radial_network("Wang Yi", [("Tokayev", 9, "/t"), ("Lavrov", 4, "/l"), ("Blinken", 1, "/b")])
    top = network.nodes[0]
    assert (top.x, top.y) == (300.0, 160.0) and top.label == "Tokayev"
    assert top.radius > network.nodes[1].radius > network.nodes[2].radius
    assert network.edges[0].stroke == 6.0 and network.center.count == 14
    assert network.nodes[1].anchor == "start" and network.nodes[2].anchor == "end"
    assert radial_network("Nobody", []) is None


def test_office_spans_run_from_first_to_last_meeting():
    titles = [
        {
            "title": "Foreign Minister",
            "first": datetime.date(2013, 3, 1),
            "last": datetime.date(2022, 12, 1),
            "meetings": 9,
        },
        {"title": "Director", "first": datetime.date(2023, 1, 10), "last": datetime.date(2023, 6, 1), "meetings": 2},
        {"title": "Undated title", "first": None, "last": None, "meetings": 1},
    ]
    chart = office_spans(titles)
    assert [s.label for s in chart.spans] == ["Foreign Minister", "Director"]
    minister, director = chart.spans
    assert minister.x < director.x and minister.width > director.width
    assert (chart.first_year, chart.last_year) == (2013, 2024)
    assert office_spans(titles[2:]) is None


def test_a_bar_s_name_holds_the_words_it_shows_even_when_its_label_is_cut():
    long_name = "Saint Vincent and the Grenadines Republic"
    chart = ranked_bars([(long_name, 1234, "/a/"), ("Kazakhstan", 2, "/b/")])
    html = render_to_string("includes/_chart_ranked.html", {"chart": chart, "id": "c", "caption": "Met most"})
    cut = chart.bars[0].short_label
    assert cut != long_name and cut.endswith("…")
    names = re.findall(r'<a href="[^"]+" aria-label="([^"]+)">', html)
    # What a speech-input user reads off the bar (the cut label and the count), then the whole name.
    assert names == [f"{cut} 1,234 meetings, {long_name}", "Kazakhstan: 2 meetings"]


@pytest.mark.django_db
def test_the_person_page_pictures_meetings_per_year_offices_and_counterparts(client, archive):
    refresh_meeting_counts()
    page = client.get("/people/wang-yi/").content.decode()
    glance = page.split('<section class="glance"', 1)[1].split("</section>", 1)[0]
    assert 'aria-label="2022: 3 meetings"' in glance
    assert (
        "/readouts/?participant=wang-yi&amp;meeting_date_after=2022-01-01&amp;meeting_date_before=2022-12-31" in glance
    )
    numbers = re.findall(
        r"<tr><th scope=\"row\">(?:<a [^>]+>)?(\d{4})(?:</a>)?</th><td class=\"num\">(\d+)</td>", glance
    )
    assert numbers == [("2021", "1"), ("2022", "3"), ("2023", "1")]
    assert "Titles over time" in glance and "Who met whom around Wang Yi" in glance
    assert re.search(r'aria-label="Kassym-Jomart Tokayev: \d+ meetings"', glance)


@pytest.mark.django_db
def test_the_country_page_pictures_meetings_per_year_and_its_counterparts(client, archive):
    refresh_meeting_counts()
    page = client.get("/countries/kz/").content.decode()
    glance = page.split('<section class="glance"', 1)[1].split("</section>", 1)[0]
    assert "Meetings per year" in glance and 'aria-label="2022: 2 meetings"' in glance
    assert 'href="/readouts/?country=KZ&amp;counterpart=CN"' in glance


@pytest.mark.django_db
def test_a_person_without_meetings_has_no_pictures(client, db):
    make_person("Solitary Person", "FR", slug="solitary")
    assert '<section class="glance"' not in client.get("/people/solitary/").content.decode()


def test_a_fifth_year_next_to_the_first_or_last_leaves_them_room():
    chart = year_columns([(2003, 1), (2021, 1)], href=str)
    assert [c.year for c in chart.columns if c.show_year] == [2003, 2010, 2015, 2021]


def test_columns_are_wide_enough_for_the_counts_shown_above_them():
    chart = year_columns([(2000, 12345), (2019, 1)], href=str)
    assert all(c.show_count == bool(c.count) for c in chart.columns)
    assert chart.columns[0].width >= 5 * 7
