from datetime import date

import pytest

from readouts.parsing.dates import (
    DateBasis,
    DateEvidence,
    DateMention,
    day_of_month_only,
    find_dates,
    find_day_references,
    find_weekday,
    mentions_same_day,
    resolve_meeting_date,
)

TODAY = date(2025, 6, 1)


def md(month, day, year=None, end_day=None):
    return DateMention(year, month, day, 0, 0, None, end_day)


def shapes(text):
    return [(d.year, d.month, d.day, d.end_month, d.end_day) for d in find_dates(text)]


def test_find_dates_in_several_shapes():
    found = find_dates("met on November 14; Feb. 13; 29 March 2022; May 18, 2018; 2022-06-08; le 22 octobre 2013")
    assert [(d.year, d.month, d.day) for d in found] == [
        (None, 11, 14),
        (None, 2, 13),
        (2022, 3, 29),
        (2018, 5, 18),
        (2022, 6, 8),
        (2013, 10, 22),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Russian, in the genitive of dates, with "года" and abbreviated
        ("16 февраля 2019 года", (2019, 2, 16, None, None)),
        ("МОСКВА, 19 сен — РИА Новости", (None, 9, 19, None, None)),
        ("в ночь на 17 февраля", (None, 2, 17, None, None)),
        # French, Spanish, Portuguese
        ("le vendredi 9 février 2024", (2024, 2, 9, None, None)),
        ("el 16 de febrero de 2019", (2019, 2, 16, None, None)),
        ("em 10 de janeiro de 2011", (2011, 1, 10, None, None)),
        # Arabic, with Arabic-Indic digits too
        ("الثلاثاء، 05 مارس 2024", (2024, 3, 5, None, None)),
        ("الثلاثاء، ٠٥ مارس ٢٠٢٤", (2024, 3, 5, None, None)),
        # Chinese
        ("当地时间2019年2月15日", (2019, 2, 15, None, None)),
        ("2月16日", (None, 2, 16, None, None)),
        ("２０２０年１月２８日", (2020, 1, 28, None, None)),
    ],
)
def test_dates_in_other_languages(text, expected):
    assert shapes(text) == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("met on August 27-28 with", (None, 8, 27, None, 28)),
        ("27–28 февраля 2019 года", (2019, 2, 27, None, 28)),
        ("2月27日至28日", (None, 2, 27, None, 28)),
        ("visited Australia from 17 to 19 June", (None, 6, 17, None, 19)),
        ("del 27 al 28 de febrero", (None, 2, 27, None, 28)),
        ("from 30 April to 2 May 2019", (2019, 4, 30, 5, 2)),
    ],
)
def test_ranges(text, expected):
    assert shapes(text) == [expected]


def test_lower_case_may_is_not_a_month():
    assert find_dates("the sides may 20 times") == []


@pytest.mark.parametrize(
    "text, weekday",
    [
        ("met on Tuesday with", 1),
        ("a rencontré mardi", 1),
        ("Лавров во вторник провёл переговоры", 1),
        ("в среду", 2),
        ("el martes", 1),
        ("na manhã desta segunda-feira", 0),
        ("习近平周二在北京会见", 1),
        ("星期二", 1),
        ("週二", 1),
    ],
)
def test_weekdays_in_every_language(text, weekday):
    assert find_weekday(text) == weekday


def test_a_word_that_begins_a_weekday_name_is_not_one():
    assert find_weekday("a segunda reunião") is None
    assert find_weekday("Tuesdays are quiet") is None


@pytest.mark.parametrize(
    "text, days_before",
    [
        ("met today", 0),
        ("met this evening at", 0),
        ("Вчера он встретился", 1),
        ("сегодня", 0),
        ("王毅昨天与", 1),
        ("今天", 0),
        ("Il a reçu hier", 1),
        ("arrivé aujourd’hui", 0),
        ("conversó ayer", 1),
        ("acordaron hoy", 0),
    ],
)
def test_relative_days(text, days_before):
    assert [r.days_before for r in find_day_references(text)] == [days_before]


def test_same_day_words():
    assert mentions_same_day("met this evening at")
    assert not mentions_same_day("met on Monday")
    assert not mentions_same_day("the holiday")  # "today" is not read inside a word


def test_chinese_day_without_month():
    assert day_of_month_only("王毅当地时间16日在慕尼黑会见") == 16
    assert day_of_month_only("2019年2月16日") is None
    # a dateline's month and day before a later day alone: the day alone is not read (and nothing breaks)
    assert day_of_month_only("新华社某地4月6日电 当地时间6日,两国外长举行会谈") is None


def test_dateline_day_with_year_of_publication():
    result = resolve_meeting_date(DateEvidence(published=date(2022, 6, 8), dateline=md(6, 7), weekday=1, today=TODAY))
    assert (result.start, result.basis, result.warnings) == (date(2022, 6, 7), DateBasis.YEAR_FROM_PUBLICATION, [])


def test_weekday_before_the_dateline_day_moves_the_date_back():
    result = resolve_meeting_date(DateEvidence(published=date(2022, 6, 8), dateline=md(6, 8), weekday=1, today=TODAY))
    assert result.start == date(2022, 6, 7) and result.warnings


def test_year_from_weekday_and_years_spoken_of_as_past():
    # May 20 is a Monday in 2013, 2019 and 2024; the text speaks of 2023, so 2024.
    result = resolve_meeting_date(DateEvidence(dateline=md(5, 20), weekday=0, years_in_text=(2023,), today=TODAY))
    assert (result.start, result.basis) == (date(2024, 5, 20), DateBasis.YEAR_INFERRED)
    assert result.warnings


def test_month_and_day_without_any_year_keep_the_year_unknown():
    # Deliberately changed: the latest year whose May 20 is a Monday used to be taken; it is only a guess.
    result = resolve_meeting_date(DateEvidence(dateline=md(5, 20), weekday=0, today=TODAY))
    assert (result.start, result.month, result.day, result.basis) == (None, 5, 20, DateBasis.YEAR_UNKNOWN)
    result = resolve_meeting_date(DateEvidence(explicit=md(2, 17), years_in_text=(2014,), today=TODAY))
    assert (result.start, result.month, result.day, result.basis) == (None, 2, 17, DateBasis.YEAR_UNKNOWN)


def test_explicit_date_beats_weekday_shift():
    result = resolve_meeting_date(
        DateEvidence(published=date(2022, 11, 14), explicit=md(11, 14), weekday=0, today=TODAY)
    )
    assert result.start == date(2022, 11, 14)


def test_full_date_in_the_text_is_stated():
    result = resolve_meeting_date(DateEvidence(published=date(2016, 8, 12), explicit=md(8, 11, 2016), today=TODAY))
    assert (result.start, result.basis) == (date(2016, 8, 11), DateBasis.STATED)


def test_december_meeting_published_in_january():
    result = resolve_meeting_date(DateEvidence(published=date(2020, 1, 2), dateline=md(12, 30), today=TODAY))
    assert result.start == date(2019, 12, 30)


def test_meeting_over_two_days_keeps_both():
    result = resolve_meeting_date(DateEvidence(published=date(2024, 8, 28), explicit=md(8, 27, end_day=28)))
    assert (result.start, result.end) == (date(2024, 8, 27), date(2024, 8, 28))


def test_range_ends_no_later_than_its_report():
    result = resolve_meeting_date(DateEvidence(published=date(1981, 11, 24), explicit=md(11, 22, end_day=25)))
    assert (result.start, result.end) == (date(1981, 11, 22), date(1981, 11, 24))


def test_weekday_within_a_range_names_the_day():
    # "met on Tuesday" during a visit "from April 5 to 7" (Monday to Wednesday): the Tuesday.
    result = resolve_meeting_date(
        DateEvidence(published=date(2010, 4, 7), explicit=md(4, 5, end_day=7), weekday=1, today=TODAY)
    )
    assert (result.start, result.end) == (date(2010, 4, 6), None)


@pytest.mark.parametrize(
    "evidence, expected, basis",
    [
        (DateEvidence(published=date(2013, 4, 25), weekday=3), date(2013, 4, 25), DateBasis.RELATIVE_TO_PUBLICATION),
        (DateEvidence(published=date(2023, 10, 27), days_before=0), date(2023, 10, 27), "relative_to_publication"),
        (DateEvidence(published=date(2025, 2, 12), days_before=1), date(2025, 2, 11), "relative_to_publication"),
        (DateEvidence(published=date(2026, 1, 6), weekday=0), date(2026, 1, 5), "relative_to_publication"),
        (DateEvidence(published=date(2019, 2, 16), day_of_month=15), date(2019, 2, 15), "relative_to_publication"),
        (DateEvidence(published=date(2019, 3, 1), day_of_month=28), date(2019, 2, 28), "relative_to_publication"),
        (DateEvidence(published=date(2022, 11, 15)), date(2022, 11, 15), DateBasis.PUBLICATION_DATE),
        (DateEvidence(today=TODAY), None, DateBasis.NOT_FOUND),
    ],
)
def test_from_publication_date(evidence, expected, basis):
    result = resolve_meeting_date(evidence)
    assert (result.start, result.basis) == (expected, basis)
    assert bool(result.warnings) is (basis in (DateBasis.PUBLICATION_DATE, DateBasis.NOT_FOUND))


def test_the_first_of_a_relative_day_and_a_weekday_counts():
    # "Yesterday ... on Monday, he had": the first reference is the meeting's.
    result = resolve_meeting_date(
        DateEvidence(published=date(2025, 2, 12), days_before=1, weekday=0, relative_first=True)
    )
    assert result.start == date(2025, 2, 11)


def test_impossible_date_is_reported():
    result = resolve_meeting_date(DateEvidence(published=date(2023, 2, 1), dateline=md(2, 30), today=TODAY))
    assert result.start is None and result.warnings


def test_a_date_in_figures_with_full_stops_is_day_month_year():
    assert [(m.year, m.month, m.day) for m in find_dates("Опубликовано 16.07.2021 в 12:00")] == [(2021, 7, 16)]
    assert find_dates("version 1.2.2021.5 and 33.13.2020") == []


def test_ce_jour_is_the_day_of_writing_but_not_ce_jour_la():
    assert mentions_same_day("s'est entretenu au téléphone ce jour avec le président")
    assert not mentions_same_day("ce jour-là, il avait rencontré le président")
