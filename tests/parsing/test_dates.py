from datetime import date

import pytest

from readouts.parsing.dates import (
    DateEvidence,
    DateMention,
    find_dates,
    find_weekday,
    mentions_same_day,
    resolve_meeting_date,
)

TODAY = date(2025, 6, 1)


def md(month, day, year=None):
    return DateMention(year, month, day, 0, 0)


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


def test_lower_case_may_is_not_a_month():
    assert find_dates("the sides may 20 times") == []


def test_weekdays_and_same_day_words():
    assert find_weekday("met on Tuesday with") == 1
    assert find_weekday("a rencontré mardi") == 1
    assert mentions_same_day("met this evening at")
    assert not mentions_same_day("met on Monday")


def test_dateline_day_with_year_of_publication():
    value, warnings = resolve_meeting_date(
        DateEvidence(published=date(2022, 6, 8), dateline=md(6, 7), weekday=1, today=TODAY)
    )
    assert value == date(2022, 6, 7) and warnings == []


def test_weekday_before_the_dateline_day_moves_the_date_back():
    value, warnings = resolve_meeting_date(
        DateEvidence(published=date(2022, 6, 8), dateline=md(6, 8), weekday=1, today=TODAY)
    )
    assert value == date(2022, 6, 7) and warnings


def test_year_from_weekday_and_years_spoken_of_as_past():
    # May 20 is a Monday in 2013, 2019 and 2024; the text speaks of 2023, so 2024.
    value, warnings = resolve_meeting_date(
        DateEvidence(dateline=md(5, 20), weekday=0, years_in_text=(2023,), today=TODAY)
    )
    assert value == date(2024, 5, 20) and warnings


def test_year_from_weekday_alone_is_a_warned_guess():
    value, warnings = resolve_meeting_date(DateEvidence(dateline=md(5, 20), weekday=0, today=TODAY))
    assert value == date(2024, 5, 20)
    assert any("latest year" in w for w in warnings)


def test_explicit_date_beats_weekday_shift():
    value, _ = resolve_meeting_date(
        DateEvidence(published=date(2022, 11, 14), explicit=md(11, 14), weekday=0, today=TODAY)
    )
    assert value == date(2022, 11, 14)


def test_december_meeting_published_in_january():
    value, _ = resolve_meeting_date(DateEvidence(published=date(2020, 1, 2), dateline=md(12, 30), today=TODAY))
    assert value == date(2019, 12, 30)


@pytest.mark.parametrize(
    "evidence, expected",
    [
        (DateEvidence(published=date(2013, 4, 25), weekday=3, today=TODAY), date(2013, 4, 25)),
        (DateEvidence(published=date(2023, 10, 27), same_day=True, today=TODAY), date(2023, 10, 27)),
        (DateEvidence(today=TODAY), None),
    ],
)
def test_from_publication_date(evidence, expected):
    value, warnings = resolve_meeting_date(evidence)
    assert value == expected
    assert bool(warnings) is (expected is None)


def test_impossible_date_is_reported():
    value, warnings = resolve_meeting_date(DateEvidence(published=date(2023, 2, 1), dateline=md(2, 30), today=TODAY))
    assert value is None and warnings
