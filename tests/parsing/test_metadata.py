"""Metadata as evidence: what a page's head, its records and its address say, and what the parser makes of it."""

from datetime import date
from pathlib import Path

import pytest

from readouts.parsing import ParseError, parse_readout
from readouts.parsing.metadata import (
    date_from_url,
    from_front_matter,
    from_html,
    from_record,
    parse_date_value,
    person_name,
)
from readouts.parsing.types import ReadoutMetadata

METADATA_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "metadata"


def fixture(name: str) -> str:
    return (METADATA_FIXTURES / name).read_text(encoding="utf-8")


def test_open_graph_and_canonical_outrank_json_ld():
    found = from_html(fixture("article.html"))
    assert found.published_date == date(2021, 3, 17)  # article:published_time, the date as written
    assert found.title == "Les ministres se rencontrent à Lyon"
    assert found.publisher == "Journal Exemple"
    assert found.source_url == "https://journal.example/2021/03/17/rencontre"
    assert found.language == "fr"


def test_json_ld_in_a_graph():
    found = from_html(fixture("json-ld-only.html"))
    assert (found.published_date, found.title, found.publisher) == (date(2019, 9, 12), "Talks in Oslo", "Example Wire")


def test_a_time_element_gives_the_date_when_nothing_else_does():
    assert from_html(fixture("time-only.html")).published_date == date(2018, 4, 25)


def test_records():
    assert from_record("<doc>\n  <release-date>24/02/1966</release-date>\n</doc>").published_date == date(1966, 2, 24)
    csv = 'link,headline,date,body\nhttps://example.org/1,Talks,2022-05-28T15:25:00Z,"Long body, with commas"\n'
    found = from_record(csv)
    assert (found.published_date, found.title, found.source_url) == (
        date(2022, 5, 28),
        "Talks",
        "https://example.org/1",
    )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/news/2013/07/30/1951-acuerdo.md", date(2013, 7, 30)),
        ("statements-releases/2024-08/2024-08-28-readout-of-the-meeting.md", date(2024, 8, 28)),
        ("https://example.cn/china/2007-03/19/content_831445.htm", date(2007, 3, 19)),
        ("http://example.cn/n3/2023/0626/c90000-20035606.html", date(2023, 6, 26)),
        ("https://www.example.uk/government/news/pm-meeting-with-the-president-24-april-2025", date(2025, 4, 24)),
        ("https://example.org/news/79772", None),
        ("https://example.org/news/20230512/talks-in-astana.html", date(2023, 5, 12)),
        ("https://example.org/img/20240305042809289.jpg", None),
    ],
)
def test_dates_in_addresses(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-10-04T23:39:07.169Z", date(2024, 10, 4)),
        ("Tue, April 2, 2024", date(2024, 4, 2)),
        ("10/26/2023 11:52 PM EDT", date(2023, 10, 26)),
        ("le vendredi 9 février 2024", date(2024, 2, 9)),
        ("last week", None),  # relative to the day it is read: no evidence
        ("", None),
    ],
)
def test_date_values(value, expected):
    assert parse_date_value(value) == expected


def test_html_metadata_dates_a_weekday():
    parsed = parse_readout(fixture("article.html"))
    # Published 17 March 2021 (a Wednesday): "mardi" is the 16th.
    assert parsed.published_date == date(2021, 3, 17)
    assert (parsed.meeting_date, parsed.meeting_date_basis) == (date(2021, 3, 16), "relative_to_publication")
    assert parsed.source_url == "https://journal.example/2021/03/17/rencontre"


def test_front_matter_gives_publication_and_source():
    parsed = parse_readout(fixture("front-matter.md"))
    assert parsed.published_date == date(2020, 11, 5)
    assert (parsed.meeting_date, parsed.meeting_date_basis) == (date(2020, 11, 4), "relative_to_publication")
    assert parsed.source_url == "https://example.org/news/ministers-meet-in-lima"
    assert parsed.title == "Ministers meet in Lima"


def test_given_metadata_outranks_the_page_and_may_be_a_dict():
    raw = fixture("front-matter.md")
    given = ReadoutMetadata(published_date=date(2020, 12, 2), publisher="Other", title="Given title")
    parsed = parse_readout(raw, filename="x.md", metadata=given)
    assert (parsed.published_date, parsed.meeting_date) == (date(2020, 12, 2), date(2020, 12, 1))
    assert (parsed.publisher, parsed.title) == ("Other", "Given title")
    as_dict = parse_readout(raw, metadata={"published_date": "2020-12-02", "publisher": "Other"})
    assert as_dict.meeting_date == date(2020, 12, 1)
    with pytest.raises(ParseError, match="metadata"):
        parse_readout(raw, metadata={"published_date": 2020})


def test_a_reprint_keeps_the_original_byline_date():
    raw = (
        "---\ntitle: Talks in Paris\ndate: 2024-10-04T23:39:07Z\n---\n"
        "Le président a reçu aujourd’hui le Premier ministre à l’Elysée.\n\n"
        "Les deux dirigeants ont discuté de la sécurité.\n\npar Jean Martin le jeudi 3 octobre 2024\n"
    )
    parsed = parse_readout(raw)
    assert (parsed.published_date, parsed.meeting_date) == (date(2024, 10, 3), date(2024, 10, 3))


def test_the_person_a_release_speaks_for_from_a_catalogue_or_an_export():
    assert person_name('- "Marsh, Evelyn" - "Country Party"') == "Evelyn Marsh"
    assert person_name("Evelyn Marsh") == "Evelyn Marsh"
    assert person_name("Office of the Prime Minister") == ""
    assert from_front_matter({"creators": '- "Marsh, Evelyn"'}).author == "Evelyn Marsh"
    record = "<record><minister>Marsh, Evelyn</minister><release-date>03/04/1999</release-date></record>"
    assert from_record(record).author == "Evelyn Marsh"


def test_hour_of_a_post_in_its_address():
    from readouts.parsing.metadata import hour_from_url

    assert hour_from_url("_posts/2013/04/20/0441-putin-y-obama.md") == 4
    assert hour_from_url("_posts/2013/04/20/putin-y-obama.md") is None


def test_an_afternoon_today_on_a_page_of_the_small_hours_is_the_day_before():
    raw = (
        "Hablan por teléfono los presidentes\n\n"
        "El presidente de Kazajistán, Aidos Serikov, conversó hoy en la tarde por teléfono con el canciller "
        "chino, Wang Lixin, sobre el comercio.\n\n"
        "Ambos acordaron reunirse en otoño.\n"
    ).encode()
    metadata = {"published_date": "2013-04-20", "source_url": "_posts/2013/04/20/0441-hablan.md"}
    parsed = parse_readout(raw, filename="x.txt", metadata=metadata)
    assert parsed.meeting_date == date(2013, 4, 19)
    assert any("day before" in w for w in parsed.warnings)
    metadata["source_url"] = "_posts/2013/04/20/1951-hablan.md"
    assert parse_readout(raw, filename="x.txt", metadata=metadata).meeting_date == date(2013, 4, 20)
