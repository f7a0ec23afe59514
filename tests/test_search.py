import datetime

import pytest

from readouts import search
from readouts.filters import ReadoutFilter
from readouts.models import Readout, SearchTerm, Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db

STATEMENT, JOINT, NARRATIVE = Statement.Kind.STATEMENT, Statement.Kind.JOINT, Statement.Kind.NARRATIVE


@pytest.fixture
def archive():
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ", slug="kassym-jomart-tokayev", aliases=["Tokaev"])
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    blinken = make_person("Antony Blinken", "US", slug="antony-blinken")
    astana = make_readout(
        title="Tokayev meets Wang Yi",
        meeting_date=datetime.date(2022, 6, 7),
        participants=[(tokayev, "President"), (wang, "Foreign Minister")],
        paragraphs=[
            ("Tokayev met Wang Yi in Nur-Sultan to discuss the Belt and Road.", None, NARRATIVE),
            ("Wang said China values cooperation on the Belt and Road Initiative.", wang, STATEMENT),
            ("Tokayev said Kazakhstan cooperates closely with its neighbours on water.", tokayev, STATEMENT),
            ("Both sides agreed to deepen cooperation in green energy.", None, JOINT),
        ],
    )
    beijing = make_readout(
        title="Wang Yi meets Blinken",
        meeting_date=datetime.date(2023, 6, 19),
        participants=[(wang, "Director"), (blinken, "Secretary of State")],
        paragraphs=[
            ("Wang Yi met Antony Blinken in Beijing.", None, NARRATIVE),
            ("Blinken stressed the need for open channels of communication and raised fentanyl.", blinken, STATEMENT),
            ("Wang said the United States should stop its containment of China's development.", wang, STATEMENT),
            ("The two sides agreed to keep talking about the São Paulo meeting.", None, JOINT),
        ],
    )
    return {"tokayev": tokayev, "wang": wang, "blinken": blinken, "astana": astana, "beijing": beijing}


def texts(results):
    return [hit.statement.text for readout_hit in results.hits for hit in readout_hit.paragraphs]


def test_stemming_finds_other_forms_of_a_word(archive):
    results = search.search("cooperation")
    assert results.paragraph_count == 3
    assert results.readout_count == 1
    assert any("cooperates closely" in text for text in texts(results))


def test_phrases_or_and_exclusion_follow_web_search_syntax(archive):
    assert search.search('"Belt and Road"').paragraph_count == 2
    assert search.search('"Road and Belt"').paragraph_count == 0
    assert search.search("fentanyl or water").paragraph_count == 2
    assert search.search("cooperation -energy").paragraph_count == 2


def test_case_and_accents_do_not_matter(archive):
    assert search.search("SAO PAULO").paragraph_count == 1
    assert search.search("são paulo").paragraph_count == 1


def test_hits_are_grouped_by_readout_and_highlighted(archive):
    results = search.search("Wang said")
    assert [hit.readout for hit in results.hits] and results.readout_count == 2
    first = results.hits[0].paragraphs[0]
    assert "<mark>" in first.headline
    assert first.statement.speaker.slug == archive["wang"].slug


def test_speaker_and_kind_scope_the_search(archive):
    assert sorted(texts(search.search("China", speaker=archive["wang"]))) == [
        "Wang said China values cooperation on the Belt and Road Initiative.",
        "Wang said the United States should stop its containment of China's development.",
    ]
    assert search.search("China", speaker=archive["blinken"]).paragraph_count == 0
    assert search.search("agreed", kind=JOINT).paragraph_count == 2
    assert search.search("agreed", kind=STATEMENT).paragraph_count == 0


def filtered(params: dict) -> ReadoutFilter:
    filterset = ReadoutFilter(params, queryset=Readout.objects.all())
    assert filterset.is_valid(), filterset.errors
    return filterset


def search_within(text, params, **options):
    filterset = filtered(params)
    return search.search(text, readouts=filterset.qs, paragraphs=filterset.paragraphs(), **options)


def test_filters_narrow_the_readouts_searched(archive):
    only_2023 = search_within("Wang", {"meeting_date_after": "2023-01-01"})
    assert texts(only_2023)[0].startswith("Wang")
    assert {hit.readout.id for hit in only_2023.hits} == {archive["beijing"].id}


FILTERS = [
    {"meeting_date_after": "2023-01-01"},
    {"meeting_date_before": "2022-12-31"},
    {"meeting_date_after": "2022-06-07", "meeting_date_before": "2022-06-07"},
    {"meeting_date_after": "2023-01-01", "meeting_date_before": "2023-12-31"},  # whole years: the GIN's years
    {"meeting_date_after": "2021-01-01", "meeting_date_before": "2022-12-31"},
    {"country": "kz"},
    {"country": "US", "counterpart": "CN"},
    {"counterpart": "US"},
    {"country": "FR"},
    {"participant": "antony-blinken"},
    {"location": "nowhere"},
    {"language": "en"},
]


@pytest.mark.parametrize("params", FILTERS)
@pytest.mark.parametrize("approximate", [False, True], ids=["exact", "approximate"])
def test_every_list_filter_selects_at_paragraph_level_what_it_selects_among_readouts(
    archive, params, approximate, monkeypatch
):
    """Search filters paragraphs by their own copies of the date and countries: it must find the readouts the
    list filter selects that have a matching paragraph, no more and no fewer, on either path."""
    if approximate:
        monkeypatch.setattr(search, "EXACT_PLANNED", 0)
    expected = {readout.id for readout in filtered(params).qs.matching("Wang or cooperation")}
    found = {hit.readout.id for hit in search_within("Wang or cooperation", params).hits}
    assert found == expected


def test_a_range_of_whole_years_selects_by_the_meeting_year_and_other_ranges_by_the_date():
    """met_between() tests a few whole years on the full-text index's meeting years (an overlap of arrays) and
    other ranges on the date: either way, exactly the paragraphs met within the range, days at its edges
    included."""
    days = [(2014, 12, 31), (2015, 1, 1), (2017, 6, 7), (2019, 12, 31), (2020, 1, 1)]
    for day in days:
        make_readout(meeting_date=datetime.date(*day), paragraphs=[(f"Met on {day}.", None, NARRATIVE)])
    make_readout(meeting_date=None, paragraphs=[("Undated.", None, NARRATIVE)])

    def met(first, last):
        paragraphs = Statement.objects.met_between(first, last)
        return paragraphs, sorted(paragraphs.values_list("meeting_date", flat=True))

    whole, found = met(datetime.date(2015, 1, 1), datetime.date(2019, 12, 31))
    assert found == [datetime.date(*day) for day in days[1:4]]
    assert "&&" in str(whole.query) and '"meeting_date" >=' not in str(whole.query)

    partial, found = met(datetime.date(2015, 1, 2), datetime.date(2019, 12, 31))
    assert found == [datetime.date(2017, 6, 7), datetime.date(2019, 12, 31)]
    assert "&&" not in str(partial.query)

    many_years, found = met(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))  # too many years for the index
    assert found == [datetime.date(*day) for day in days]
    assert "&&" not in str(many_years.query)

    assert met(None, datetime.date(2015, 1, 1))[1] == [datetime.date(2014, 12, 31), datetime.date(2015, 1, 1)]
    assert met(datetime.date(2019, 12, 31), None)[1] == [datetime.date(2019, 12, 31), datetime.date(2020, 1, 1)]
    assert Statement.objects.met_between(None, None).count() == len(days) + 1  # the undated one too


def test_relevance_and_date_orders(archive):
    newest = search.search("Wang", sort=search.NEWEST)
    oldest = search.search("Wang", sort=search.OLDEST)
    assert [hit.readout.id for hit in newest.hits] == [archive["beijing"].id, archive["astana"].id]
    assert [hit.readout.id for hit in oldest.hits] == [archive["astana"].id, archive["beijing"].id]


def test_hits_per_year(archive):
    assert search.search("Wang").years == [(2022, 2), (2023, 2)]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "& | ! : * ( ) < >", "'; DROP TABLE readouts_statement; --", "a\x00b", "🙂", "שלום", "-", "or"],
)
def test_any_query_gives_results_or_a_message(archive, query):
    results = search.search(query)
    assert results.paragraph_count >= 0
    assert results.hits or results.messages or results.paragraph_count == 0


def test_a_query_of_stop_words_says_so(archive):
    assert "no searchable words" in search.search("the and of").messages[0]


def test_very_long_queries_are_cut_with_a_message(archive):
    results = search.search("Wang " * 2000)
    assert "first 500 characters" in results.messages[0]


def test_the_approximate_path_keeps_the_best_matches_and_says_so(archive, monkeypatch):
    monkeypatch.setattr(search, "EXACT_PLANNED", 0)
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 3)
    monkeypatch.setattr(search, "SAMPLE_ROWS", 10**9)  # the sample is the whole (tiny) table: exact totals
    results = search.search("Wang")
    assert results.approximate
    assert results.messages[0].startswith("About 4 paragraphs match: these results come from the 3 most recent")
    assert results.paragraph_count == 4
    assert [hit.readout.id for hit in results.hits] == [archive["beijing"].id, archive["astana"].id]
    assert [len(hit.paragraphs) for hit in results.hits] == [2, 1]


@pytest.mark.parametrize("sort", [search.RELEVANCE, search.NEWEST, search.OLDEST])
def test_the_newest_matches_read_from_the_latest_years_are_those_the_walk_finds(archive, monkeypatch, sort):
    """The approximate path reads its candidates from the years the sample puts enough matches in when that is
    cheap, else it walks the readouts: either way the same matches, ranked and ordered the same."""
    monkeypatch.setattr(search, "EXACT_PLANNED", 0)
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 3)
    monkeypatch.setattr(search, "YEARS_MARGIN", 1)
    monkeypatch.setattr(search, "SAMPLE_ROWS", 10**9)
    used, of_years = [], search.candidates_of_years

    def spy(*args):
        found = of_years(*args)
        used.append(found is not None)
        return found

    monkeypatch.setattr(search, "candidates_of_years", spy)
    from_years = search.search("Wang or cooperation", sort=sort)
    monkeypatch.setattr(search, "candidates_of_years", lambda *args: None)
    walked = search.search("Wang or cooperation", sort=sort)
    assert used == [True] and from_years.approximate and walked.approximate
    assert from_years.paragraph_count == walked.paragraph_count
    shown = [
        [(hit.readout.id, [p.statement.id for p in hit.paragraphs]) for hit in r.hits] for r in (from_years, walked)
    ]
    assert shown[0] == shown[1]


def test_when_the_planner_expects_few_matches_and_there_are_more_the_results_are_approximate(archive, monkeypatch):
    """The exact path reads one match more than its limit and gives way to the approximate one: the planner's
    estimate is a guess, the limit on the work is not."""
    monkeypatch.setattr(search, "estimated_count", lambda matches: 1)
    monkeypatch.setattr(search, "EXACT_PLANNED", 3)
    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 3)
    monkeypatch.setattr(search, "SAMPLE_ROWS", 10**9)  # the sample is the whole (tiny) table: exact totals
    results = search.search("Wang")  # 4 paragraphs
    assert results.approximate and results.paragraph_count == 4
    assert results.messages[0].startswith("About 4 paragraphs match: these results come from the 3 most recent")
    monkeypatch.setattr(search, "EXACT_PLANNED", 4)
    results = search.search("Wang")
    assert not results.approximate and results.paragraph_count == 4


def test_a_sample_overrules_the_planner_for_a_speaker_or_a_kind(archive, monkeypatch):
    """When the sample finds well over the limit, the exact path is not even tried."""
    monkeypatch.setattr(search, "estimated_count", lambda matches: 1)
    monkeypatch.setattr(search, "EXACT_PLANNED", 1)
    monkeypatch.setattr(search, "SAMPLE_ROWS", 10**9)
    limits, ranked_page = [], search.ranked_page

    def spy(*args, **kwargs):
        limits.append(kwargs.get("limit"))
        return ranked_page(*args, **kwargs)

    monkeypatch.setattr(search, "ranked_page", spy)
    results = search.search("Wang", speaker=archive["wang"])  # 2 paragraphs: twice the limit
    assert limits == [None]  # only the approximate path's ranking of its candidates
    assert results.paragraph_count == 2
    limits.clear()
    search.search("Wang")  # no speaker or kind: the planner is trusted, and the limit corrects it
    assert limits == [1, None]


def test_people_and_countries_named_by_the_query(archive, django_assert_num_queries):
    assert [p.name for p in search.named_in("Tokaev").people] == ["Kassym-Jomart Tokayev"]  # an alias
    assert [p.name for p in search.named_in("Bliken").people] == ["Antony Blinken"]  # word similarity 0.5
    assert search.named_in("Blanken").people == []  # 0.45
    assert [c.code for c in search.named_in("kazakh").countries] == ["KZ"]
    assert [c.code for c in search.named_in("CHINA").countries] == ["CN"]
    with django_assert_num_queries(1):  # what the page shows of them comes with them
        named = search.named_in("wang yi")
        wang = named.people[0]
        assert (wang.name, wang.meetings, wang.country.name, wang.get_absolute_url()) == (
            "Wang Yi",
            2,
            archive["wang"].country.name,
            archive["wang"].get_absolute_url(),
        )
    assert [p.id for p in named.people] == [archive["wang"].id] and named.countries == []
    assert search.named_in("nobody at all") == search.Named(people=[], countries=[])


def test_misspelt_words_get_a_suggestion_from_the_archive_vocabulary(archive):
    SearchTerm.refresh()
    assert search.suggestion("coopration") == "cooperation"
    assert search.suggestion("Tokaev in Nur-Sultan") == "Tokayev in Nur-Sultan"
    assert search.suggestion("fentanyl") is None  # used once is used
    assert search.suggestion("cooperation") is None
    assert search.suggestion("!!") is None


def test_results_are_plain_values_that_show_without_queries(archive, django_assert_num_queries):
    """The search returns plain dataclasses carrying what a result shows; reading them runs no query."""
    hit = search.search("fentanyl").hits[0]
    with django_assert_num_queries(0):
        statement = hit.paragraphs[0].statement
        stored = archive["beijing"]
        assert (hit.readout.id, hit.readout.title, hit.readout.is_generated) == (stored.id, stored.title, False)
        assert hit.readout.get_absolute_url() == stored.get_absolute_url()
        assert statement.speaker.name == archive["blinken"].name
        assert statement.get_absolute_url() == f"{stored.get_absolute_url()}#p{statement.position}"
    assert statement.text == Statement.objects.get(text__contains="fentanyl").text


def test_a_speakers_paragraphs_read_first_give_the_same_results(archive, monkeypatch):
    """Filters that select few paragraphs, with words that match many, are read first (MATCHING_FILTERS_FIRST):
    the same matches, ranks and counts as through the full-text index."""

    def shown(results):
        return [(hit.readout.id, [(p.statement.id, p.headline) for p in hit.paragraphs]) for hit in results.hits]

    through_index = search.search("Wang", speaker=archive["wang"])
    monkeypatch.setattr(search, "FILTERS_FIRST_RATIO", 0)
    chosen = search.matches_of(search.understood("Wang", search.read_connection()), speaker=archive["wang"])
    assert chosen.shape == search.statements.MATCHING_FILTERS_FIRST
    read_first = search.search("Wang", speaker=archive["wang"])
    assert through_index.paragraph_count == read_first.paragraph_count > 0
    assert shown(through_index) == shown(read_first)
    assert through_index.years == read_first.years
