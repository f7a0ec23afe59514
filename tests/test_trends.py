"""The trends page (readouts/trends.py, trend_views.py): queries counted over time with search's matching, every
list filter, the split, who says it most, the CSV, the sample's path, and bad input."""

import csv
import io
import re

import pytest

from readouts import trends
from readouts.charts import trend_lines

pytestmark = pytest.mark.django_db


def table_rows(page):
    """The numbers table's rows: (period, [values])."""
    table = page.split('class="help-table trend-table"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table)
    return [(period, re.findall(r'<td class="num">([^<]*)</td>', cells)) for period, cells in rows]


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_filled_periods_cover_every_year_and_month_in_range():
    assert trends.filled_periods({"2019", "2021"}) == ["2019", "2020", "2021"]
    assert trends.filled_periods({"2021-11", "2022-02"}) == ["2021-11", "2021-12", "2022-01", "2022-02"]
    assert trends.filled_periods(set()) == []


def test_trend_lines_share_one_scale_and_mark_every_point():
    chart = trend_lines(["2020", "2021", "2022"], [("a", {"2020": 2, "2022": 4}), ("b", {"2021": 1})], str)
    first, second = chart.lines
    assert [p.value for p in first.points] == [2, 0, 4]
    assert first.points[2].y == chart.baseline - 200 and first.points[1].y == chart.baseline
    assert second.points[1].y == chart.baseline - 50
    assert first.points[0].x < first.points[1].x < first.points[2].x
    assert [label for label, _x in chart.ticks] == ["2020", "2021", "2022"]
    assert trend_lines([], [], str) is None


def test_counts_per_year_with_search_matching_in_each_language(client, archive):
    page = client.get("/trends/?q=Tokayev&q=диалог&measure=count").content.decode()
    # "Tokayev" is found in a paragraph of 2021, of each 2022 readout and of 2023; the Russian word by the
    # Russian stemmer ("диалога"), in 2022.
    assert table_rows(page) == [("2021", ["1", "0"]), ("2022", ["2", "1"]), ("2023", ["1", "0"])]
    assert "<svg" in page and "<desc" in page and "trend-line-2" in page


def test_a_name_in_another_spelling_is_counted_as_the_person(client, archive):
    page = client.get("/trends/?q=Tokaev&measure=count").content.decode()
    assert [values for _period, values in table_rows(page)] == [["1"], ["2"], ["1"]]


def test_share_is_per_thousand_paragraphs_of_the_period(client, archive):
    page = client.get("/trends/?q=Wang").content.decode()
    # 2022: the main readout's 3 paragraphs, the other publisher's 1 and the Russian 1; "Wang" in 3 of them.
    assert dict(table_rows(page))["2022"] == ["600.00"]
    assert "Paragraphs per 1,000" in page


def test_every_list_filter_applies(client, archive):
    page = client.get("/trends/?q=Wang&measure=count&publisher=Ministry").content.decode()
    assert table_rows(page) == [("2022", ["1"])]
    page = client.get("/trends/?q=Tokayev&measure=count&meeting_date_after=2022-01-01").content.decode()
    assert [period for period, _values in table_rows(page)] == ["2022", "2023"]


def test_per_month(client, archive):
    page = client.get("/trends/?q=Tokayev&per=month&measure=count").content.decode()
    periods = [period for period, _values in table_rows(page)]
    assert periods[0] == "2021-03" and periods[-1] == "2023-01" and len(periods) == 23


def test_a_split_by_publisher_draws_a_line_per_publisher(client, archive):
    page = client.get("/trends/?q=Wang&split=publisher&measure=count").content.decode()
    assert "Wang · Akorda" in page and "Wang · Ministry of Foreign Affairs of the PRC" in page


def test_a_split_shows_one_query_and_says_so(client, archive):
    page = client.get("/trends/?q=Wang&q=Tokayev&split=country").content.decode()
    assert "A split shows one query" in page
    assert "Wang · China" in page and "Tokayev ·" not in page


def test_who_says_it_most_gives_speakers_countries_first_and_last_use(client, archive):
    page = client.get("/trends/?q=Tokayev&q=neighbours").content.decode()
    uses = page.split('id="sayers-title"', 1)[1]
    neighbours = uses.split("“neighbours”", 1)[1]
    assert re.search(
        r'<a href="/people/wang-yi/">Wang Yi</a></th><td class="num">1</td><td>2022-06-07</td>', neighbours
    )
    tokayev = uses.split("“neighbours”", 1)[0]
    assert re.search(r">Kazakhstan</a></th><td class=\"num\">4</td><td>2021-03-01</td><td>2023-01-10</td>", tokayev)


def test_the_csv_holds_the_numbers(client, archive):
    response = client.get("/trends/data.csv?q=Tokayev&q=Wang")
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert {row["query"] for row in rows} == {"Tokayev", "Wang"}
    row = next(row for row in rows if row["query"] == "Wang" and row["period"] == "2022")
    assert (row["paragraphs_matching"], row["paragraphs_in_period"], row["estimated"]) == ("3", "5", "no")


def test_the_sample_path_scales_and_says_it_estimates(client, archive, monkeypatch, django_assert_max_num_queries):
    # Every selection "large", every query sampled; a sample of the whole table, so the numbers stay checkable.
    monkeypatch.setattr(trends, "EXACT_SELECTION", -1)
    monkeypatch.setattr(trends, "EXACT_MATCHES", -1)
    monkeypatch.setattr(trends, "MAX_SAMPLE_PERCENT", 100.0)
    monkeypatch.setattr(trends, "SAMPLE_ROWS", 10**9)
    # The query's understanding (and the names' index, built once), two estimates, the table's size, the sample's
    # statement, the names of speakers and countries, the country menus.
    with django_assert_max_num_queries(12):
        page = client.get("/trends/?q=Tokayev&measure=count").content.decode()
    assert "Estimated in part, from a sample of 100% of the archive" in page
    assert [values for _period, values in table_rows(page)] == [["1"], ["2"], ["1"]]
    rows = csv_rows(client.get("/trends/data.csv?q=Tokayev"))
    assert {row["estimated"] for row in rows} == {"yes"}


def test_an_exact_query_beside_sampled_totals(client, archive, monkeypatch):
    monkeypatch.setattr(trends, "EXACT_SELECTION", -1)
    monkeypatch.setattr(trends, "MAX_SAMPLE_PERCENT", 100.0)
    monkeypatch.setattr(trends, "SAMPLE_ROWS", 10**9)
    page = client.get("/trends/?q=Wang&split=publisher").content.decode()
    assert "the paragraphs per year;" in page and "Wang · Akorda" in page
    # Counts alone need no sample when every query is counted exactly.
    page = client.get("/trends/?q=Wang&split=publisher&measure=count").content.decode()
    assert "Estimated in part" not in page and "Wang · Akorda" in page


@pytest.mark.parametrize(
    "query",
    [
        "/trends/?q=a&q=b&q=c&q=d&q=e&q=Wang",
        "/trends/?q=",
        "/trends/?q=%00%00",
        "/trends/?q=the",
        "/trends/?q=%27%3B+DROP+TABLE+readouts_statement%3B--",
        "/trends/?q=" + "x" * 5000,
        "/trends/?q=%22unclosed&q=-&q=((",
        "/trends/?q=Wang&per=decade&measure=zzz&split=1",
        "/trends/?q=Wang&country=ZZZ&meeting_date_after=yesterday",
        "/trends/?q=Wang&meeting_date_after=2023-01-01&meeting_date_before=2020-01-01",
        "/trends/?q=王毅&q=Ван+И&q=%E2%80%AEmarks",
        "/trends/?q=50%25+growth&publisher=%25&location=%25s&speaker=%25%28x%29s",
    ],
)
def test_bad_input_gives_a_page_with_a_message(client, archive, query):
    response = client.get(query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Trends</h1>" in page


def test_messages_for_six_queries_and_no_words(client, archive):
    page = client.get("/trends/?q=a1&q=b1&q=c1&q=d1&q=e1&q=f1").content.decode()
    assert "Up to 5 queries go on one chart" in page
    page = client.get("/trends/?q=the").content.decode()
    assert "has no searchable words" in page
    page = client.get("/trends/?q=Wang&per=decade").content.decode()
    assert "Some options or filter values could not be used" in page


def test_the_csv_refuses_bad_options_with_400(client, archive):
    response = client.get("/trends/data.csv?q=Wang&split=nothing")
    assert response.status_code == 400 and "split" in response.content.decode()
    assert client.get("/trends/data.csv?q=Wang&country=ZZ").status_code == 400


def test_the_page_without_queries_offers_an_example(client, db):
    page = client.get("/trends/").content.decode()
    assert "Compare words over time" in page and 'name="q"' in page


def test_the_trend_runs_a_constant_number_of_queries(client, busy_archive, django_assert_max_num_queries):
    # Per query: its understanding (one statement); then the planner's estimates, one counting statement (two
    # on the sample's path) and the names of the speakers and countries shown.
    with django_assert_max_num_queries(14):
        client.get("/trends/?q=cooperation&q=Wang&q=agreed&q=meeting&q=guest")
    with django_assert_max_num_queries(10):
        client.get("/trends/?q=cooperation&split=speaker&per=month")


def test_the_trends_page_is_linked_from_the_header_help_and_search(client, archive):
    assert 'href="/trends/"' in client.get("/").content.decode()
    assert 'href="/trends/"' in client.get("/help/").content.decode()
    assert 'href="/trends/?q=Wang' in client.get("/search/?q=Wang").content.decode()
