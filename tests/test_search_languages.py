"""Search in every language: each paragraph indexed in its own language's configuration, Chinese and Japanese
split into words, a query matching every language unless the language filter is set."""

import datetime

import pytest
from django.db import connection

from readouts import search
from readouts.models import Statement
from readouts.search import languages, words
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db

STATEMENT, JOINT, NARRATIVE = Statement.Kind.STATEMENT, Statement.Kind.JOINT, Statement.Kind.NARRATIVE


@pytest.fixture
def archive():
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ", slug="kassym-jomart-tokayev", aliases=["Tokaev", "托卡耶夫"])
    wang = make_person("Wang Yi", "CN", slug="wang-yi", aliases=["王毅", "Ван И"])
    english = make_readout(
        title="Tokayev meets Wang Yi",
        meeting_date=datetime.date(2022, 6, 7),
        participants=[(tokayev, "President"), (wang, "Foreign Minister")],
        paragraphs=[("The sides discussed cooperation in energy and transport.", None, NARRATIVE)],
    )
    russian = make_readout(
        title="Токаев принял Ван И",
        language="ru",
        meeting_date=datetime.date(2022, 6, 8),
        participants=[(tokayev, "Президент"), (wang, "Министр")],
        paragraphs=[("Стороны обсудили сотрудничество в сфере энергетики.", None, NARRATIVE)],
    )
    french = make_readout(
        title="Entretien de M. Tokaïev avec M. Wang Yi",
        language="fr",
        meeting_date=datetime.date(2022, 6, 9),
        paragraphs=[("Les négociations ont porté sur les investissements énergétiques.", None, NARRATIVE)],
    )
    chinese = make_readout(
        title="托卡耶夫会见王毅",
        language="zh",
        meeting_date=datetime.date(2022, 6, 10),
        participants=[(tokayev, "总统"), (wang, "外长")],
        paragraphs=[
            ("哈萨克斯坦总统托卡耶夫会见中国外长王毅。", None, NARRATIVE),
            ("双方同意推进共建一带一路合作，加强能源领域合作。", None, JOINT),
            ("王毅表示，中方反对美国的单边制裁。", wang, STATEMENT),
        ],
    )
    return {"english": english, "russian": russian, "french": french, "chinese": chinese}


def texts(results):
    return [hit.statement.text for readout_hit in results.hits for hit in readout_hit.paragraphs]


@pytest.mark.parametrize("language", ["en", "en-GB", "fr", "ru", "es", "de", "pt", "ar", "zh", "ja", "kk", "xx"])
def test_the_database_and_python_agree_on_each_languages_configuration(db, language):
    with connection.cursor() as cursor:
        cursor.execute("SELECT readouts_search_config(%s)::text", [language])
        assert cursor.fetchone()[0] == languages.config_for(language)


def test_each_paragraph_takes_its_readouts_language(archive):
    configs = dict(Statement.objects.values_list("readout__language", "search_config").distinct())
    assert configs == {
        "en": "readout_english",
        "ru": "readout_russian",
        "fr": "readout_french",
        "zh": "readout_simple",
    }


def test_a_change_of_language_is_copied_to_the_paragraphs_and_their_vectors(archive):
    russian = archive["russian"]
    assert search.search("сотрудничества").paragraph_count == 1  # Russian stemming: сотрудничество
    russian.language = "en"
    russian.save()
    assert set(russian.statements.values_list("search_config", flat=True)) == {"readout_english"}
    assert search.search("сотрудничества").paragraph_count == 0  # English leaves Cyrillic words as they are
    assert search.search("сотрудничество").paragraph_count == 1


def test_a_russian_word_finds_its_other_forms(archive):
    results = search.search("сотрудничества")
    assert texts(results) == ["Стороны обсудили сотрудничество в сфере энергетики."]
    # The headline marks the word in the paragraph's own language.
    assert "<mark>сотрудничество</mark>" in results.hits[0].paragraphs[0].headline


def test_a_query_matches_every_language_unless_the_language_is_set(archive):
    assert search.search("energy").paragraph_count == 1
    assert search.search("investissement").paragraph_count == 1
    everywhere = search.search("сотрудничество")
    assert everywhere.paragraph_count == 1
    assert search.search("сотрудничество", language="en").paragraph_count == 0
    assert search.search("сотрудничество", language="ru").paragraph_count == 1


def test_the_language_filter_of_the_page_searches_that_language(client, archive):
    html = client.get("/search/", {"q": "négociations", "language": "fr"}).content.decode()
    assert "1 paragraph in 1 readout" in html
    html = client.get("/search/", {"q": "négociations", "language": "en"}).content.decode()
    assert "0 paragraphs" in html


def test_a_chinese_name_finds_the_paragraphs_that_contain_it(archive):
    results = search.search("王毅")
    assert sorted(texts(results)) == ["哈萨克斯坦总统托卡耶夫会见中国外长王毅。", "王毅表示，中方反对美国的单边制裁。"]
    headline = results.hits[0].paragraphs
    assert any("<mark>王毅</mark>" in hit.headline for hit in headline)
    # The spaces that split the words are gone from what the reader sees.
    assert all(" " not in hit.headline for hit in headline)


def test_chinese_phrases_and_exclusion(archive):
    assert texts(search.search('"一带一路"')) == ["双方同意推进共建一带一路合作，加强能源领域合作。"]
    assert texts(search.search("合作 -美国")) == ["双方同意推进共建一带一路合作，加强能源领域合作。"]
    assert texts(search.search("王毅 -单边制裁")) == ["哈萨克斯坦总统托卡耶夫会见中国外长王毅。"]
    assert search.search("能源合作").paragraph_count == 1  # words typed together: each word, as for a sentence


def test_the_archives_names_stay_whole_words(archive):
    words.add_names(["托卡耶夫"])
    assert "托卡耶夫" in words.segmented("托卡耶夫会见王毅").split()
    assert search.search("托卡耶夫").paragraph_count == 1


def test_a_query_is_split_keeping_its_quotes_and_minus_signs():
    words.add_names(["托卡耶夫"])
    assert words.segmented_query('"托卡耶夫会见" -美国总统 talks') == '"托卡耶夫 会见" -"美国 总统" talks'
    assert words.segmented_query("cooperation -tariffs") == "cooperation -tariffs"


def test_text_without_chinese_or_japanese_is_not_copied(archive):
    assert Statement.objects.filter(segmented_text__isnull=False).count() == 3
    assert archive["english"].statements.get().segmented_text is None


@pytest.fixture
def named_archive(db):
    make_person("Kassym-Jomart Tokayev", "KZ", slug="tokayev", aliases=["Tokaev", "Токаев", "托卡耶夫"])
    make_readout(
        title="Tokayev at the summit",
        paragraphs=[("President Tokayev spoke about transit through Kazakhstan.", None, NARRATIVE)],
    )
    make_readout(
        title="Токаев на саммите",
        language="ru",
        paragraphs=[("Токаев рассказал о транзите через территорию Казахстана.", None, NARRATIVE)],
    )
    make_readout(
        title="托卡耶夫出席峰会",
        language="zh",
        paragraphs=[("托卡耶夫介绍了经哈萨克斯坦的过境运输。", None, NARRATIVE)],
    )
    make_readout(title="Other", paragraphs=[("The US and the UN spoke about transit.", None, NARRATIVE)])


@pytest.mark.parametrize("query", ["Токаев", "托卡耶夫", "Tokaev", "tokayev", "Kassym-Jomart Tokayev"])
def test_a_person_in_any_spelling_or_script_finds_them_in_every_language(named_archive, query):
    results = search.search(query)
    titles = {hit.readout.title for hit in results.hits}
    assert titles == {"Tokayev at the summit", "Токаев на саммите", "托卡耶夫出席峰会"}


@pytest.mark.parametrize("query", ["Kazakhstan", "Казахстан", "哈萨克斯坦", "Kazakh"])
def test_a_country_in_any_language_finds_it_in_every_language(named_archive, query):
    assert search.search(query).readout_count == 3


def test_a_name_with_other_words_needs_both(named_archive):
    assert search.search("Токаев transit").readout_count == 1  # "transit" in English; транзите is Russian
    assert search.search("Tokaev транзит").readout_count == 1
    assert search.search("Tokaev 运输").readout_count == 1


def test_short_names_count_only_in_capitals(named_archive):
    assert search.search("UN").readout_count == 1
    assert search.search("talks about us").readout_count == 0


def test_names_in_quotes_or_excluded_are_as_typed(named_archive):
    assert search.search('"Tokaev"').readout_count == 0
    assert search.search("transit -Tokaev").readout_count == 2  # the alias excluded as typed: no paragraph has it


def test_the_surname_of_a_full_alias_in_another_script_finds_the_person(db):
    # The importer stores full names in other scripts ("Касым-Жомарт Токаев"); readers type the surname.
    make_person("Kassym-Jomart Tokayev", "KZ", slug="tokayev", aliases=["Касым-Жомарт Токаев"])
    make_readout(title="Tokayev at the summit", paragraphs=[("President Tokayev spoke.", None, NARRATIVE)])
    make_readout(title="Other", paragraphs=[("The ministers spoke.", None, NARRATIVE)])
    assert {hit.readout.title for hit in search.search("Токаев").hits} == {"Tokayev at the summit"}


def test_a_query_the_languages_read_apart_is_sampled_before_the_exact_path(archive, monkeypatch):
    """The planner takes the test of each paragraph's configuration as independent of the words, so a query read
    apart by the languages is sampled first, and a sample well over the limit skips the exact path; a query that
    reads the same in every language is left to the planner."""
    monkeypatch.setattr(search, "estimated_count", lambda matches: 0)
    monkeypatch.setattr(search, "EXACT_PLANNED", 0)
    monkeypatch.setattr(search, "SAMPLE_ROWS", 10**9)  # the sample is the whole (tiny) table
    limits, ranked_page = [], search.ranked_page

    def spy(*args, **kwargs):
        limits.append(kwargs.get("limit"))
        return ranked_page(*args, **kwargs)

    monkeypatch.setattr(search, "ranked_page", spy)
    results = search.search("сотрудничества")  # Russian's stem, and the word as written for the rest
    assert limits == [None] and results.paragraph_count == 1
    limits.clear()
    search.search("合作")  # one query for every language
    assert limits == [0, None]


@pytest.mark.parametrize(
    "segmented, joined",
    [
        ("托卡耶夫 会见 王毅", "托卡耶夫会见王毅"),
        # The matches' marks (search.MARK_START and MARK_END) on either side of an inserted space.
        ("\ue000托卡耶夫\ue001 会见 \ue000王毅\ue001", "\ue000托卡耶夫\ue001会见\ue000王毅\ue001"),
        ("Tokayev 会见 Wang Yi", "Tokayev 会见 Wang Yi"),  # a space beside a Latin word is the text's own
        ("会见  王毅", "会见  王毅"),  # two spaces: not one that segmentation put there
        ("сотрудничество и развитие", "сотрудничество и развитие"),
    ],
)
def test_a_headline_of_segmented_text_loses_only_the_spaces_segmentation_added(segmented, joined):
    assert words.joined_again(segmented) == joined


@pytest.mark.parametrize(
    "text, kept",
    [
        ("«Да», — сказал он.", "Да», — сказал он"),
        ("... \ue000cooperation\ue001 ...", "cooperation"),
        ("_x_", "x"),
        ("— …", ""),
        ("", ""),
        ("１２３。", "１２３"),
    ],
)
def test_a_headline_is_compared_from_its_first_word_to_its_last(text, kept):
    assert search.words_only(text) == kept
