import datetime
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts import pagination, search
from readouts.models import SearchTerm, Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db

STATEMENT, JOINT, NARRATIVE = Statement.Kind.STATEMENT, Statement.Kind.JOINT, Statement.Kind.NARRATIVE


@pytest.fixture
def archive():
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ", slug="kassym-jomart-tokayev")
    blinken = make_person("Antony Blinken", "US", slug="antony-blinken")
    for year in (2019, 2022, 2023):
        make_readout(
            title=f"Tokayev meets Wang Yi in {year}",
            meeting_date=datetime.date(year, 6, 7),
            participants=[(tokayev, "President"), (wang, "Foreign Minister")],
            paragraphs=[
                ("Tokayev met Wang Yi to discuss the Belt and Road.", None, NARRATIVE),
                ("Wang said China values cooperation on the Belt and Road Initiative.", wang, STATEMENT),
                ("Tokayev said Kazakhstan cooperates on water & energy if 5 < 7 <b>.", tokayev, STATEMENT),
                ("Both sides agreed to deepen cooperation.", None, JOINT),
            ],
        )
    make_readout(
        title="Wang Yi meets Blinken",
        meeting_date=datetime.date(2023, 6, 19),
        participants=[(wang, "Director"), (blinken, "Secretary of State")],
        paragraphs=[("Blinken raised fentanyl and cooperation on counternarcotics.", blinken, STATEMENT)],
    )
    SearchTerm.refresh()
    return {"wang": wang, "tokayev": tokayev, "blinken": blinken}


def test_results_are_grouped_counted_and_highlighted(client, archive):
    response = client.get("/search/", {"q": "cooperation"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "10 paragraphs in 4 readouts" in html
    assert "<mark>cooperation</mark>" in html
    assert html.count('class="search-hit"') == 4
    assert "#p2" in html


def test_markup_in_paragraphs_is_escaped_around_the_highlights(client, archive):
    html = client.get("/search/", {"q": "water"}).content.decode()
    assert "<mark>water</mark> &amp; energy" in html
    assert "<b>" not in html


def test_speaker_scope_and_filters_combine(client, archive):
    html = client.get(
        "/search/", {"q": "cooperation", "speaker": "wang-yi", "meeting_date_after": "2022-01-01"}
    ).content
    html = html.decode()
    assert "2 paragraphs in 2 readouts" in html
    assert "Said by: Wang Yi" in html
    html = client.get("/search/", {"q": "cooperation", "country": "US"}).content.decode()
    assert "1 paragraph in 1 readout" in html


def test_hits_per_year_link_to_that_years_filter(client, archive):
    html = client.get("/search/", {"q": "Belt and Road"}).content.decode()
    assert "meeting_date_after=2022-01-01&amp;meeting_date_before=2022-12-31" in html
    assert 'aria-label="2022: 2 paragraphs"' in html


def test_people_and_countries_named_by_the_query_are_shown_first(client, archive):
    html = client.get("/search/", {"q": "Wang Yi"}).content.decode()
    assert html.index('href="/people/wang-yi/"') < html.index('class="search-hits"')


def test_a_misspelling_searched_as_typed_gets_a_suggestion(client, archive):
    html = client.get("/search/", {"q": "coopration", "as_typed": "1"}).content.decode()
    assert "Did you mean" in html and "cooperation" in html


def test_an_unknown_speaker_is_a_message_not_an_error(client, archive):
    response = client.get("/search/", {"q": "cooperation", "speaker": "nobody-at-all"})
    assert response.status_code == 200
    assert "No person with the name" in response.content.decode()


def test_the_list_page_accepts_q_too(client, archive):
    html = client.get("/readouts/", {"q": "fentanyl"}).content.decode()
    assert "1 readout" in html and "Wang Yi meets Blinken" in html


def test_a_list_filtered_by_words_counts_up_to_a_cap_and_says_there_are_more(client, archive, monkeypatch):
    monkeypatch.setattr(pagination, "WORDS_COUNT_CAP", 1)
    response = client.get("/readouts/", {"q": "cooperation"})  # in both readouts
    html = response.content.decode()
    assert "More than 1 readout" in html
    assert "Only the first 1 are listed" in html
    assert response.context["page"].paginator.num_pages == 1
    # Under the cap the count is exact and nothing is said.
    html = client.get("/readouts/", {"q": "fentanyl"}).content.decode()
    assert "More than" not in html and "1 readout" in html


def test_the_search_page_runs_a_constant_number_of_queries(client, archive, django_assert_num_queries):
    # The query in each language (with its shape), the planner's estimate, the ranking with the page's readouts and
    # paragraphs, the people and countries named, and the spelling suggestion (fewer than five matches).
    client.get("/search/")  # the country selects' options, kept in the cache from then on (filters.py)
    client.get("/search/", {"q": "talks"})  # the archive's languages, kept in the cache a minute (languages.py)
    with django_assert_num_queries(5):
        client.get("/search/", {"q": "fentanyl"})
    # The countries by code (filters.country_by_code: kept in the process from then on); no suggestion.
    with django_assert_num_queries(5):
        client.get("/search/", {"q": "cooperation", "country": "KZ"})
    # The speaker (the country is known); the planner's estimates of the filters alone and of the words alone (2),
    # which choose whether the filters' rows are read first (search.matches_of); a block sample (2) for the
    # estimate of their paragraphs.
    with django_assert_num_queries(10):
        client.get("/search/", {"q": "cooperation", "country": "KZ", "speaker": "wang-yi"})


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "& | ! : * ( ) < >",
        "'; DROP TABLE readouts_statement; --",
        "a\x00b",
        "🙂 ✓",
        "שלום עולם",
        "-",
        "or",
        "x" * 10_000,
        "\u202etext",
        "%",
        "\\",
        "<script>alert(1)</script>",
    ],
)
def test_any_query_gets_a_page(client, archive, query):
    response = client.get("/search/", {"q": query, "page": "2"})
    assert response.status_code == 200


def test_a_long_query_is_cut_for_the_names_and_suggestions_as_for_the_search(client, archive, monkeypatch):
    asked = []
    named_in = search.named_in
    monkeypatch.setattr(search, "named_in", lambda text: asked.append(text) or named_in(text))
    html = client.get("/search/", {"q": "cooperation " * 1_000}).content.decode()
    assert "Only the first 500 characters of the query were searched." in html
    assert [len(text) for text in asked] == [len(("cooperation " * 1_000)[:500].strip())]


# Every script a query may come in, with search syntax mixed in: CJK (split by jieba), Cyrillic, Arabic with
# right-to-left marks, emoji, and the archive's own names.
SCRIPTS = st.sampled_from(
    ["王毅", "托卡耶夫会见", "一带一路", "カザフスタン", "сотрудничества", "Токаев", "التعاون", "\u200f", "\u202e",
     "🇰🇿", "🙂", "Wang Yi", "what did", "say about", '"', "-", " or ", " ", "(", "\x00", "é"]
)  # fmt: skip
QUERIES = st.one_of(st.text(max_size=300), st.lists(st.one_of(SCRIPTS, st.text(max_size=5)), max_size=12).map("".join))


# No deadline: a property test, not a timed one (a busy machine took more than 2 s for one example).
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=QUERIES,
    page=st.one_of(st.none(), st.text(max_size=6)),
    sort=st.text(max_size=10),
    speaker=st.one_of(st.none(), SCRIPTS, st.text(max_size=8)),
)
def test_generated_queries_never_fail(client, archive, query, page, sort, speaker):
    params = {"q": query, "sort": sort}
    if speaker is not None:
        params["speaker"] = speaker
    if page is not None:
        params["page"] = page
    assert client.get("/search/", params).status_code == 200


# No deadline: the first example loads jieba's dictionary.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES, page=st.one_of(st.none(), st.text(max_size=6)), country=st.one_of(st.none(), SCRIPTS))
def test_generated_queries_never_fail_in_the_api_or_the_list(client, archive, query, page, country):
    """The API's search and its list narrowed by words (capped counting, readouts/pagination.py) answer any query
    in any script with 200 or a 400 that says why, never 500; so does the list page."""
    params = {"q": query, **({"page": page} if page is not None else {}), **({"country": country} if country else {})}
    for url in ("/api/search/", "/api/readouts/"):
        response = client.get(url, params)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        if response.status_code != 200:
            assert response.json()["detail"]
    assert client.get("/readouts/", params).status_code == 200


def test_a_filter_error_shows_next_to_its_field_in_the_opened_filters(client, archive):
    html = client.get("/search/", {"q": "cooperation", "meeting_date_after": "abc"}).content.decode()
    invalid = re.findall(r'<div class="field field-invalid">.*?</div>', html, re.S)
    assert len(invalid) == 1
    assert '<label for="id_meeting_date_after">From</label>' in invalid[0]
    assert '<p class="field-error" id="id_meeting_date_after_error">Enter a valid date.</p>' in invalid[0]
    assert 'aria-describedby="id_meeting_date_after_error"' in invalid[0]
    assert '<details class="more-filters" open>' in html
    assert "Some values could not be used" in html


def test_the_year_chart_shows_every_year_of_the_range_with_its_count(client, archive):
    html = client.get("/search/", {"q": "cooperation", "page": "2"}).content.decode()
    assert '<figcaption id="year-chart-caption">Matching paragraphs per year.' in html
    svg = re.search(r'<svg aria-labelledby="year-chart-caption year-chart-desc"[^>]*>(.*?)</svg>', html, re.S).group(1)
    assert '<desc id="year-chart-desc">10 paragraphs from 2019 to 2023; the most, 4, in 2023.</desc>' in svg
    links = re.findall(r'<a href="([^"]*)" aria-label="([^"]*)"><title>([^<]*)</title>', svg)
    assert [(label, title) for _href, label, title in links] == [
        ("2019: 3 paragraphs", "2019: 3"),
        ("2022: 3 paragraphs", "2022: 3"),
        ("2023: 4 paragraphs", "2023: 4"),
    ]
    assert links[0][0] == "?q=cooperation&amp;meeting_date_after=2019-01-01&amp;meeting_date_before=2019-12-31"
    # Every year labelled, the empty ones too, and each count above its column.
    assert re.findall(r'<text class="year"[^>]*>(\d+)</text>', svg) == ["2019", "2020", "2021", "2022", "2023"]
    assert re.findall(r'<text class="count"[^>]*>(\d+)</text>', svg) == ["3", "3", "4"]
    # The numbers as a table too, the empty years with their 0.
    table = re.search(
        r'<details class="chart-numbers">(.*?)</details>', html[html.index("year-chart-caption") :], re.S
    )
    assert re.findall(
        r"<tr><th scope=\"row\">(?:<a [^>]*>)?(\d{4})(?:</a>)?</th><td class=\"num\">(\d+)</td>", table.group(1)
    ) == [("2019", "3"), ("2020", "0"), ("2021", "0"), ("2022", "3"), ("2023", "4")]


def test_a_hit_shows_its_readout_and_who_said_each_paragraph_and_offers_the_rest(client, archive):
    readout = make_readout(
        title="Talks <b>& more</b>",
        meeting_date=datetime.date(2021, 1, 2),
        location="Astana",
        publisher="Akorda",
        participants=[(archive["tokayev"], "President"), (archive["wang"], "Foreign Minister")],
        paragraphs=[
            ("Zebra crossings were discussed.", None, NARRATIVE),
            ("Wang said zebra crossings matter.", archive["wang"], STATEMENT),
            ("Both sides will paint zebra crossings.", None, JOINT),
            ("Tokayev said zebra crossings save lives.", archive["tokayev"], STATEMENT),
        ],
    )
    html = client.get("/search/", {"q": "zebra"}).content.decode()
    hits = re.search(r'<ol class="search-hits">(.*)</ol>', html, re.S).group(1)
    url = readout.get_absolute_url()
    assert f'<a href="{url}">Talks &lt;b&gt;&amp; more&lt;/b&gt;</a>' in hits
    assert re.search(r'<time datetime="2021-01-02">2 January 2021</time>\s*· Astana · Akorda</p>', hits)
    assert '<p class="participants">Kassym-Jomart Tokayev, Wang Yi</p>' in hits
    said = {1: "Narrative", 2: "Wang Yi", 3: "Both sides", 4: "Kassym-Jomart Tokayev"}
    shown = re.findall(r'<p class="speaker">([^<]*)</p>\s*<p><a href="([^"]*)#p(\d)">¶(\d)</a> (.*?)</p>', hits)
    assert len(shown) == 3  # the best three of the four
    for speaker, link, position, number, _headline in shown:
        assert (speaker, link, number) == (said[int(position)], url, position)
    assert all("<mark>zebra</mark>" in headline.lower() for *_, headline in shown)
    assert f'4 matching paragraphs in this readout: <a href="{url}">read it whole</a>.' in hits


@pytest.mark.parametrize("query", ["what did Wang Yi say about the Belt and Road?", "Wang Yi Belt and Road"])
def test_a_query_naming_a_person_is_a_question_about_what_they_said(client, db, query):
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    make_readout(
        title="Wang Yi meets Tokayev",
        participants=[(wang, "Foreign Minister")],
        paragraphs=[
            ("The ministers discussed the Belt and Road.", None, Statement.Kind.NARRATIVE),
            ("Wang said the Belt and Road brings shared prosperity.", wang, Statement.Kind.STATEMENT),
        ],
    )
    html = client.get("/search/", {"q": query}).content.decode()
    assert 'Statements by <a href="/people/wang-yi/">Wang Yi</a> matching “Belt and Road”' in html
    assert "1 paragraph in 1 readout" in html
    assert "shared prosperity" in html and "ministers discussed" not in html
    # The plain search is offered, as typed.
    plain = re.search(r'<a href="(\?[^"]*as_typed=1[^"]*)">Search every paragraph', html).group(1)
    html = client.get(f"/search/{plain.replace('&amp;', '&')}").content.decode()
    assert "Statements by" not in html


def test_a_question_whose_person_said_nothing_of_it_is_the_plain_search(client, archive):
    html = client.get("/search/", {"q": "Tokayev neighbours"}).content.decode()
    assert "Statements by" not in html


def test_a_query_with_no_results_shows_its_confident_correction(client, archive):
    html = client.get("/search/", {"q": "coopration"}).content.decode()
    assert "Showing results for <strong>cooperation</strong>; search instead for" in html
    assert "10 paragraphs in 4 readouts" in html and "Did you mean" not in html
    typed = re.search(r'search instead for <a href="(\?[^"]*)">coopration</a>', html).group(1)
    html = client.get(f"/search/{typed.replace('&amp;', '&')}").content.decode()
    assert "0 paragraphs" in html and "Showing results for" not in html


def test_the_api_says_how_it_understood_the_query(client, archive):
    data = client.get("/api/search/", {"q": "what did Wang Yi say about the Belt and Road"}).json()
    assert (data["searched"], data["question"]) == ("Belt and Road", {"speaker": "wang-yi", "about": "Belt and Road"})
    data = client.get("/api/search/", {"q": "coopration"}).json()
    assert (data["searched"], data["corrected_from"], data["question"]) == ("cooperation", "coopration", None)


@pytest.mark.parametrize("typed", ["Wang Yi", "wang yi", "王毅", "wang-yi"])
def test_said_by_takes_a_name_in_any_spelling_or_the_address_slug(client, archive, typed):
    archive["wang"].aliases = ["王毅"]
    archive["wang"].save()
    html = client.get("/search/", {"q": "Belt and Road", "speaker": typed}).content.decode()
    assert "No person" not in html
    assert "3 paragraphs in 3 readouts" in html
    assert "Statements by" not in html  # a speaker chosen: no question to read into the query


def test_a_name_two_people_share_asks_which(client, archive):
    make_person("Wang Yi", "SG", slug="wang-yi-2")
    html = client.get("/search/", {"q": "Belt and Road", "speaker": "Wang Yi"}).content.decode()
    assert "Several people are called “Wang Yi”: give one of wang-yi, wang-yi-2." in html


def test_the_name_boxes_suggest_people_as_one_types(client, archive, django_assert_num_queries):
    with django_assert_num_queries(1):
        data = client.get("/people/names.json", {"q": "wan"}).json()
    assert data == {"people": [{"name": "Wang Yi", "slug": "wang-yi", "country": "China"}]}
    assert client.get("/people/names.json", {"q": "blink"}).json()["people"][0]["slug"] == "antony-blinken"
    assert client.get("/people/names.json", {"q": "(("}).json() == {"people": []}
    assert client.get("/people/names.json").json() == {"people": []}
    html = client.get("/search/").content.decode()
    assert 'list="person-names"' in html and '<datalist id="person-names" data-source="/people/names.json">' in html


def test_a_generated_readouts_card_says_so_and_snippets_cut_inside_a_paragraph_say_so(client, archive):
    """The card marks a generated demo readout (templates/includes/_generated_badge.html) and shows "…" where
    its snippet begins or ends inside the paragraph, never inside a word."""
    long_text = " ".join(["The delegations reviewed harbours and ferries."] * 12 + ["They praised the okapi."] * 1)
    long_text += " " + " ".join(["Further talks covered roads and bridges."] * 12)
    make_readout(
        title="A generated meeting",
        is_generated=True,
        paragraphs=[(long_text, None, NARRATIVE), ("Okapi conservation was mentioned once more.", None, NARRATIVE)],
    )
    html = client.get("/search/", {"q": "okapi"}).content.decode()
    card = re.search(r'<li class="search-hit">.*?</li>\s*</ul>', html, re.S).group(0)
    assert "A generated meeting" in card and "Generated demo" in card
    snippets = re.findall(r"¶(\d+)</a> (.*?)</p>", card, re.S)
    cut, whole = dict(snippets)["1"], dict(snippets)["2"]
    assert cut.startswith("… ") and cut.endswith(" …") and "<mark>okapi</mark>" in cut
    words = set(long_text.replace(".", "").split())
    assert {word.strip(".") for word in re.sub(r"</?mark>|…", " ", cut).split()} - {""} <= words
    assert not whole.startswith("…") and not whole.endswith("…")
    # A readout that is not generated has no badge.
    assert "Generated demo" not in client.get("/search/", {"q": "zebra crossings"}).content.decode()


def test_a_guessed_place_and_a_guessed_speaker_are_shown_as_guesses_on_the_card(client, archive):
    """As the readout page shows them: the importer's guesses (Readout.location_guessed, Statement.speaker_guessed)
    are marked, what was written is not."""
    guessed = make_readout(
        title="Guessed meeting",
        location="Astana",
        location_guessed=True,
        paragraphs=[
            ("He praised the quokka.", archive["wang"], STATEMENT),
            ("Wang said quokka too.", archive["wang"], STATEMENT),
        ],
    )
    Statement.objects.filter(readout=guessed, position=1).update(speaker_guessed=True)
    make_readout(
        title="Written meeting", location="Beijing", paragraphs=[("Wang said quokka.", archive["wang"], STATEMENT)]
    )
    html = client.get("/search/", {"q": "quokka"}).content.decode()
    cards = {
        re.search(r'<a href="[^"]*">([^<]*)</a>', card).group(1): card
        for card in re.findall(r'<li class="search-hit">.*?</ul>', html, re.S)
    }
    assert 'Astana <span class="guess-note">(place guessed)</span>' in cards["Guessed meeting"]
    paragraphs = re.findall(r'<li class="statement-statement">(.*?)</li>', cards["Guessed meeting"], re.S)
    guesses = {re.search(r"¶(\d)", paragraph).group(1): "Speaker guessed" in paragraph for paragraph in paragraphs}
    assert guesses == {"1": True, "2": False}
    assert "guess" not in cards["Written meeting"]
