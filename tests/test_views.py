"""The HTML pages: what they show, that bad input never breaks them, and how many queries each costs."""

import datetime
import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts import models
from readouts.filters import ReadoutFilter
from readouts.models import Readout, refresh_meeting_counts
from tests.factories import make_readout

pytestmark = pytest.mark.django_db

FILTER_PARAMS = [
    "meeting_date_after",
    "meeting_date_before",
    "participant",
    "country",
    "counterpart",
    "location",
    "publisher",
    "language",
    "sort",
    "page",
    "q",
]
NASTY_VALUES = [
    "\x00",
    "abc\x00def",
    "9" * 5000,
    "-1",
    "0",
    "1e309",
    "'; DROP TABLE readouts_readout; --",
    "Тока́ев 🇰🇿 ١٢٣",
    "\u202etxet",
    "<script>alert(1)</script>",
    "%",
    "_",
    "2022-13-45",
    "99999-01-01",
    " ",
    "a" * 3000,
]


def page_text(response):
    return response.content.decode()


# The readout page


def test_the_readout_page_shows_participants_and_statements_in_order(client, archive):
    response = client.get("/readouts/2022/06/07/tokayev-meets-wang-yi/")
    assert response.status_code == 200
    html = page_text(response)
    assert "State Councilor and Foreign Minister" in html
    assert html.index('id="p1"') < html.index('id="p2"') < html.index('id="p3"')
    assert 'class="para para-statement" id="p2"' in html
    assert 'class="para para-joint" id="p3"' in html
    assert 'href="#p2"' in html
    assert f'href="{archive.wang.get_absolute_url()}"' in html
    assert 'href="/countries/kz/"' in html


def test_the_readout_page_links_the_neighbouring_meetings_and_the_other_readouts_of_the_meeting(client, archive):
    response = client.get(archive.main.get_absolute_url())
    assert response.context["previous"] == archive.earlier
    assert response.context["next"] == archive.later
    assert list(response.context["same_meeting"]) == [archive.other_publisher]
    html = page_text(response)
    assert f'rel="prev" href="{archive.earlier.get_absolute_url()}"' in html
    assert f'rel="next" href="{archive.later.get_absolute_url()}"' in html
    assert "All meetings between Kazakhstan and China" in html


def test_the_readout_page_has_a_citation_with_the_permanent_address(client, archive):
    html = page_text(client.get(archive.main.get_absolute_url()))
    citation = re.search(r'<p class="citation">(.*?)</p>', html, re.S).group(1)
    assert citation.startswith("Akorda. “Tokayev meets Wang Yi.” June 7, 2022. https://www.akorda.kz/en/tokayev")
    assert "http://testserver/readouts/2022/06/07/tokayev-meets-wang-yi/" in citation
    assert "accessed" in citation


def test_an_undated_readout_has_its_own_address_and_no_neighbours(client, archive):
    response = client.get("/readouts/undated/guterres-meets-tokayev/")
    assert response.status_code == 200
    assert response.context["previous"] is None and response.context["next"] is None
    assert "Undated" in page_text(response)


def test_readout_pages_load_the_copy_link_script_and_no_inline_script_or_style(client, archive):
    for url in ["/", "/readouts/", archive.main.get_absolute_url(), "/people/wang-yi/", "/countries/kz/"]:
        html = page_text(client.get(url))
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert "<style" not in html and " style=" not in html, url
    assert "js/copy-link.js" in page_text(client.get(archive.main.get_absolute_url()))


@pytest.mark.parametrize(
    "url",
    [
        "/readouts/2022/02/31/tokayev-meets-wang-yi/",
        "/readouts/2022/06/08/tokayev-meets-wang-yi/",
        "/readouts/0000/00/00/tokayev-meets-wang-yi/",
        "/readouts/undated/tokayev-meets-wang-yi/",
        "/people/nobody/",
        "/people/%00/",
        "/countries/xx/",
        "/countries/%00/",
        "/countries/kaz/",
        "/countries/%D0%BA%D0%B7/",
    ],
)
def test_impossible_or_unknown_addresses_are_404(client, archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Not found" in page_text(response)


@pytest.mark.parametrize(
    "url, shows",
    [
        ("/", "Tokayev meets Wang Yi"),
        ("/readouts/", "Tokayev meets Wang Yi"),
        ("/people/", "Kassym-Jomart Tokayev"),
        ("/people/wang-yi/", "Tokayev meets Wang Yi"),
        ("/countries/", "Kazakhstan"),
        ("/countries/kz/", "Tokayev meets Wang Yi"),
        ("/countries/KZ/", "Tokayev meets Wang Yi"),
    ],
)
def test_browsing_pages_answer(client, archive, url, shows):
    response = client.get(url)
    assert response.status_code == 200
    assert shows in page_text(response)


@pytest.mark.parametrize("url", ["/", "/readouts/", "/people/", "/countries/"])
def test_pages_of_an_empty_archive_say_so(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert (
        "empty" in page_text(response) or "No people" in page_text(response) or "No countries" in page_text(response)
    )


def test_every_page_has_its_own_title_and_meta_description(client, archive):
    urls = ["/", "/readouts/", archive.main.get_absolute_url(), "/people/", "/people/wang-yi/"]
    urls += ["/countries/", "/countries/cn/", "/readouts/?country=KZ"]
    seen = set()
    for url in urls:
        html = page_text(client.get(url))
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        description = re.search(r'<meta name="description" content="([^"]+)">', html).group(1)
        assert (title, description) not in seen, url
        seen.add((title, description))


# The home page


def test_the_home_page_counts_and_points_the_search_box_at_search(client, archive):
    response = client.get("/")
    assert response.context["readout_count"] == 6
    assert response.context["person_count"] == 4
    assert response.context["country_count"] == 3
    html = page_text(response)
    assert re.search(r'<form class="search-form" role="search" method="get" action="/search/">', html)
    assert 'name="q"' in html


# The list


def test_the_list_filters_by_the_query_string_and_shows_removable_filters(client, archive):
    response = client.get("/readouts/", {"country": "kz", "counterpart": "CN", "sort": "oldest"})
    assert [r.slug for r in response.context["page"]] == [
        "tokayev-receives-wang-yi",
        "tokayev-meets-wang-yi",
        "wang-yi-meets-president-tokayev",
        "tokayev-and-wang-yi-talk-in-beijing",
    ]
    html = page_text(response)
    assert "4 readouts" in html
    assert 'href="?counterpart=CN&amp;sort=oldest"' in html  # removes the country, keeps the rest
    assert 'href="?country=kz&amp;sort=oldest"' in html
    assert "Country: Kazakhstan" in html


def test_the_list_keeps_the_filters_across_pages(client, busy_archive):
    response = client.get("/readouts/", {"participant": "wang-yi", "page": "2"})
    assert response.context["page"].number == 2
    assert "30 readouts" in page_text(response)
    assert 'href="?participant=wang-yi&amp;page=1"' in page_text(response)


def test_the_list_says_when_nothing_matches(client, archive):
    response = client.get("/readouts/", {"country": "FR"})
    assert response.status_code == 200
    assert "No readouts match" in page_text(response)
    assert "clear all filters" in page_text(response)


def test_the_list_keeps_readouts_with_a_matching_paragraph_and_links_to_the_paragraphs(client, archive):
    response = client.get("/readouts/", {"q": "neighbours"})
    assert [r.slug for r in response.context["page"]] == ["tokayev-meets-wang-yi"]
    assert 'href="/search/?q=neighbours"' in page_text(response)


@pytest.mark.parametrize(
    "query, message",
    [
        ({"meeting_date_after": "abc"}, "Enter a valid date"),
        ({"participant": "nobody-at-all"}, "No person with the name “nobody-at-all” is in the archive."),
        ({"country": "ZZ"}, "Select a valid choice"),
        ({"country": "K"}, "Enter a two-letter country code"),
        ({"language": "english!"}, "Enter a language code"),
        ({"sort": "sideways"}, "Select a valid choice"),
        ({"meeting_date_after": "2023-01-01", "meeting_date_before": "2022-01-01"}, "after the last one"),
    ],
)
def test_invalid_filter_values_give_the_page_with_a_message(client, archive, query, message):
    response = client.get("/readouts/", query)
    assert response.status_code == 200
    html = page_text(response)
    assert message in html
    assert "Some filter values could not be used" in html
    assert 'aria-invalid="true"' in html or "after the last one" in html


@pytest.mark.parametrize("asked, shown", [("999999", 2), ("abc", 1), ("-3", 1), ("9" * 5000, 1)])
def test_a_page_number_out_of_range_shows_the_nearest_page_with_a_message(client, busy_archive, asked, shown):
    response = client.get("/readouts/", {"page": asked})
    assert response.status_code == 200
    assert response.context["page"].number == shown
    assert "There is no page" in page_text(response)


@pytest.mark.parametrize("param", FILTER_PARAMS)
@pytest.mark.parametrize("value", NASTY_VALUES, ids=range(len(NASTY_VALUES)))
def test_nasty_values_never_break_the_list(client, archive, param, value):
    response = client.get("/readouts/", {param: value})
    assert response.status_code == 200
    assert "<script>alert(1)" not in page_text(response)


@pytest.mark.parametrize("url", ["/people/wang-yi/", "/countries/kz/", "/people/"])
@pytest.mark.parametrize("param", ["page", "statements_page"])
@pytest.mark.parametrize("value", NASTY_VALUES, ids=range(len(NASTY_VALUES)))
def test_nasty_page_numbers_never_break_the_other_pages(client, archive, url, param, value):
    assert client.get(url, {param: value}).status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.dictionaries(st.sampled_from(FILTER_PARAMS), st.text(max_size=40), max_size=5))
def test_any_query_string_gives_a_page(client, db, query):
    assert client.get("/readouts/", query).status_code == 200


# People and countries


def test_a_person_page_shows_titles_over_time_counterparts_and_statements(client, archive):
    refresh_meeting_counts()
    response = client.get("/people/wang-yi/")
    titles = list(response.context["titles"])
    assert [t["title"] for t in titles] == [
        "Foreign Minister",
        "State Councilor and Foreign Minister",
        "Министр иностранных дел КНР",
    ]
    assert titles[1]["first"] == datetime.date(2022, 6, 7)
    assert titles[1]["last"] == datetime.date(2023, 1, 10)
    assert titles[1]["meetings"] == 3
    assert [(p.name, p.meetings) for p in response.context["counterparts"]] == [
        ("Kassym-Jomart Tokayev", 4),
        ("Sergey Lavrov", 1),
    ]
    assert [s.text for s in response.context["statements"]] == ["Wang said the two countries are good neighbours."]
    html = page_text(response)
    assert 'href="/readouts/2022/06/07/tokayev-meets-wang-yi/#p2"' in html
    assert 'href="/readouts/?participant=wang-yi"' in html


def test_a_person_page_shows_every_name_the_person_goes_by(client, archive):
    models.Person.objects.filter(slug="wang-yi").update(aliases=["王毅", "Ван И"])
    html = page_text(client.get("/people/wang-yi/"))
    assert "Wang Yi" in html and "王毅" in html and "Ван И" in html


def test_a_person_page_offers_search_in_their_statements(client, archive):
    assert 'href="/search/?speaker=wang-yi"' in page_text(client.get("/people/wang-yi/"))


def test_a_country_page_lists_counterparts_linking_to_the_bilateral_list(client, archive):
    refresh_meeting_counts()
    response = client.get("/countries/cn/")
    assert [(c["code"], c["meetings"]) for c in response.context["counterparts"]] == [("KZ", 4), ("RU", 1)]
    assert 'href="/readouts/?country=CN&amp;counterpart=KZ"' in page_text(response)
    assert response.context["page"].paginator.count == 5


def test_counterparts_are_counted_at_the_last_refresh_and_the_pages_say_so(client, archive):
    refresh_meeting_counts()
    make_readout([(archive.wang, ""), (archive.lavrov, "")], title="Wang Yi meets Lavrov again")
    country, person = client.get("/countries/cn/"), client.get("/people/wang-yi/")
    assert [(c["code"], c["meetings"]) for c in country.context["counterparts"]] == [("KZ", 4), ("RU", 1)]
    assert [(p.slug, p.meetings) for p in person.context["counterparts"]][1] == ("sergey-lavrov", 1)
    assert "as of the last import" in page_text(country) and "as of the last import" in page_text(person)
    refresh_meeting_counts()
    country, person = client.get("/countries/cn/"), client.get("/people/wang-yi/")
    assert [(c["code"], c["meetings"]) for c in country.context["counterparts"]] == [("KZ", 4), ("RU", 2)]
    assert [(p.slug, p.meetings) for p in person.context["counterparts"]][1] == ("sergey-lavrov", 2)


def test_the_people_list_counts_meetings(client, archive):
    refresh_meeting_counts()
    people = {p.slug: p.meetings for p in client.get("/people/").context["page"]}
    assert people == {"antonio-guterres": 1, "kassym-jomart-tokayev": 5, "sergey-lavrov": 1, "wang-yi": 5}


def test_the_people_lists_count_meetings_at_the_last_refresh_and_say_so(client, archive):
    refresh_meeting_counts()
    make_readout([(archive.wang, ""), (archive.lavrov, "")], title="Wang Yi meets Lavrov again")
    people, country = client.get("/people/"), client.get("/countries/ru/")
    assert {p.slug: p.meetings for p in people.context["page"]}["sergey-lavrov"] == 1
    assert [(p.slug, p.meetings) for p in country.context["people"]] == [("sergey-lavrov", 1)]
    assert "as of the last import" in page_text(people) and "as of the last import" in page_text(country)
    refresh_meeting_counts()
    people, country = client.get("/people/"), client.get("/countries/ru/")
    assert {p.slug: p.meetings for p in people.context["page"]}["sergey-lavrov"] == 2
    assert [(p.slug, p.meetings) for p in country.context["people"]] == [("sergey-lavrov", 2)]


# Query counts: constant whatever the number of rows on the page


@pytest.mark.parametrize(
    "url, most",
    [
        ("/", 6),
        ("/readouts/", 5),
        # Two countries: the pair's timeline adds two (their people, the meetings with titles).
        ("/readouts/?participant=wang-yi&country=CN&counterpart=KZ&sort=oldest&location=bei&language=en", 10),
        ("/people/", 2),
        ("/people/wang-yi/", 9),
        ("/countries/", 1),
        ("/countries/cn/", 7),
    ],
)
def test_pages_run_a_small_constant_number_of_queries(client, busy_archive, django_assert_max_num_queries, url, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200


def test_the_readout_page_runs_a_small_constant_number_of_queries(client, busy_archive, django_assert_num_queries):
    readout = busy_archive.readouts[10]
    with django_assert_num_queries(6):
        response = client.get(readout.get_absolute_url())
    assert response.context["previous"] == busy_archive.readouts[0]
    assert response.context["next"] == busy_archive.readouts[20]
    assert len(response.context["readout"].statements.all()) == 3


# Pages fetched by key (ids first, then rows) and small selections sorted as a set give the index order


@pytest.mark.parametrize("sort_up_to", [0, 5000], ids=["index order", "sorted as a set"])
@pytest.mark.parametrize(
    "query",
    [
        {},
        {"sort": "oldest"},
        {"participant": "wang-yi"},
        {"country": "CN"},
        {"country": "CN", "counterpart": "KZ", "sort": "oldest"},
        {"participant": "guest-1", "counterpart": "RU"},
    ],
)
def test_every_page_of_the_list_holds_the_readouts_in_order_whichever_way_it_is_fetched(
    client, busy_archive, monkeypatch, sort_up_to, query
):
    monkeypatch.setattr(models, "SORT_SELECTIONS_UP_TO", sort_up_to)
    expected = ReadoutFilter(query, queryset=Readout.objects.newest_first()).qs
    first = client.get("/readouts/", query).context["page"]
    shown = [readout.pk for readout in first]
    for number in range(2, first.paginator.num_pages + 1):
        shown += [readout.pk for readout in client.get("/readouts/", {**query, "page": number}).context["page"]]
    assert shown == [readout.pk for readout in expected]
    assert first.paginator.count == len(expected)


@pytest.mark.parametrize("sort_up_to", [0, 5000], ids=["index order", "sorted as a set"])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_undated_readouts_come_last_whichever_way_the_page_is_fetched(client, archive, monkeypatch, sort_up_to, sort):
    monkeypatch.setattr(models, "SORT_SELECTIONS_UP_TO", sort_up_to)
    page = client.get("/readouts/", {"sort": sort}).context["page"]
    assert page[len(page) - 1] == archive.undated
    assert len(page) == 6


@pytest.mark.parametrize(
    "query",
    [
        {"country": "CN"},
        {"country": "kz", "counterpart": "CN"},
        {"counterpart": "RU"},
        {"participant": "wang-yi", "country": "RU"},
        {"participant": "sergey-lavrov"},
        {"country": "CN", "counterpart": "CN"},
        {"country": "FR"},
        {"country": "CN", "location": "Astana"},
    ],
)
def test_the_list_counts_who_met_from_the_participations_as_the_queryset_would(client, archive, query):
    filterset = ReadoutFilter(query, queryset=Readout.objects.all())
    count = client.get("/readouts/", query).context["page"].paginator.count
    assert count == filterset.qs.count()


def test_the_page_counts_of_people_and_countries_match_their_lists(client, busy_archive):
    person = client.get("/people/wang-yi/").context["page"].paginator
    country = client.get("/countries/cn/").context["page"].paginator
    assert person.count == Readout.objects.with_participant(busy_archive.wang).count() == 30
    assert country.count == Readout.objects.involving(busy_archive.wang.country).count() == 30


def test_reverse_gives_the_readable_permanent_address(archive):
    assert archive.main.get_absolute_url() == "/readouts/2022/06/07/tokayev-meets-wang-yi/"
    assert reverse("readouts:country_detail", args=["kz"]) == "/countries/kz/"


def select_markup(html, name):
    return re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)


@pytest.mark.parametrize("url", ["/readouts/", "/search/"])
def test_the_chosen_countries_stay_selected(client, archive, url):
    html = page_text(client.get(url, {"q": "wang", "country": "kz", "counterpart": "CN"}))
    country, counterpart = select_markup(html, "country"), select_markup(html, "counterpart")
    assert re.findall(r'<option value="(\w*)" selected>', country) == ["KZ"]
    assert re.findall(r'<option value="(\w*)" selected>', counterpart) == ["CN"]
    assert '<option value="">Any country</option>' in country


@pytest.mark.parametrize("url", ["/readouts/", "/search/"])
def test_the_language_filter_is_a_menu_of_the_languages_held_by_name(client, archive, url):
    make_readout(language="ru", title="По-русски")
    html = page_text(client.get(url, {"q": "wang", "language": "RU"}))
    menu = select_markup(html, "language")
    options = re.findall(r'<option value="([\w-]*)"( selected)?>([^<]*)</option>', menu)
    assert options == [("", "", "Any language"), ("en", "", "English (en)"), ("ru", " selected", "Russian (ru)")]


def test_a_language_the_archive_does_not_hold_lists_nothing_and_says_why(client, archive):
    response = client.get("/readouts/", {"language": "pt-BR"})
    assert response.status_code == 200
    html = page_text(response)
    assert "No readouts match" in html and "Language: pt-BR" in html
    assert re.findall(r"<option[^>]* selected>", select_markup(html, "language")) == []


def test_the_list_filters_fold_on_a_phone_and_open_on_an_error(client, archive):
    folded = page_text(client.get("/readouts/", {"country": "KZ"}))
    assert '<details class="filters-disclosure">' in folded
    assert (
        '<h2 id="filters-title" class="filters-title">Filter <span class="filters-active">(1 in use)</span></h2>'
        in folded
    )
    opened = page_text(client.get("/readouts/", {"meeting_date_after": "abc"}))
    assert '<details class="filters-disclosure" open>' in opened


@pytest.mark.parametrize("url", ["/readouts/", "/search/"])
def test_the_search_syntax_hint_keeps_each_token_whole(client, db, url):
    html = page_text(client.get(url))
    hint = re.search(r'<p class="field-help" id="id_q_helptext">(.*?)</p>', html, re.S).group(1)
    assert '<code>"a phrase"</code>, <code>or</code>, <code>-exclude</code>' in hint
    assert 'href="/help/#syntax"' in hint


def test_robots_txt_keeps_crawlers_out_of_the_endless_query_spaces(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    rules = [line for line in response.content.decode().splitlines() if line and not line.startswith("#")]
    assert rules[0] == "User-agent: *"
    assert {"Disallow: /search/", "Disallow: /export/", "Disallow: /api/", "Disallow: /admin/"} <= set(rules)
    assert "Disallow: /\n" not in response.content.decode()  # the pages themselves stay open


def test_each_active_filter_is_a_chip_that_removes_it(client, archive):
    html = client.get("/readouts/", {"country": "KZ", "language": "en", "page": "1"}).content.decode()
    # Each chip's link keeps the other filters and drops the page number.
    remove = '<span class="visually-hidden">Remove the filter </span>'
    assert f'<a class="chip" href="?language=en">{remove}Country: ' in html
    assert f'<a class="chip" href="?country=KZ">{remove}Language: en' in html


def test_search_chips_remove_the_speaker_and_the_kind_too(client, archive):
    html = client.get("/search/", {"q": "Wang", "speaker": "wang-yi", "kind": "statement"}).content.decode()
    assert '<a class="chip" href="?q=Wang&amp;kind=statement">' in html and "Said by: Wang Yi" in html
    assert '<a class="chip" href="?q=Wang&amp;speaker=wang-yi">' in html and "Paragraphs: statement" in html


def test_the_readout_page_says_how_sure_its_date_is(client):
    inferred = make_readout(meeting_date=datetime.date(2024, 5, 20), meeting_date_basis="year_inferred")
    page = client.get(inferred.get_absolute_url()).content.decode()
    assert '20 May 2024</time> <span class="date-note">(year inferred)</span>' in page
    assert "Year inferred" in page  # the "Date found" line

    stated = make_readout(
        meeting_date=datetime.date(2024, 8, 27),
        meeting_end_date=datetime.date(2024, 8, 28),
        meeting_date_basis="stated",
    )
    page = client.get(stated.get_absolute_url()).content.decode()
    assert '<time datetime="2024-08-27">27</time>–<time datetime="2024-08-28">28 August 2024</time>' in page
    assert "date-note" not in page

    no_year = make_readout(meeting_date=None, meeting_month=2, meeting_day=17, meeting_date_basis="year_unknown")
    page = client.get(no_year.get_absolute_url()).content.decode()
    assert '17 February <span class="date-note">(year unknown)</span>' in page
    assert "Undated" not in page


def test_lists_show_a_year_unknown_as_such(client):
    make_readout(
        title="No year given", meeting_date=None, meeting_month=2, meeting_day=17, meeting_date_basis="year_unknown"
    )
    page = client.get(reverse("readouts:readout_list")).content.decode()
    assert '17 February <span class="date-note">(year unknown)</span>' in page
