"""Each readout's list of its participants' countries, and each paragraph's copy of it, of the meeting date and
of the publisher (the triggers of migrations 0009 and 0012), stay equal to the truth whatever is changed, and by
whichever path."""

import datetime

import pytest
from django.db import connection

from readouts.demo import write_demo
from readouts.models import Country, Participation, Person, Readout, Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db


def country_id(code):
    return Country.objects.get(code=code).pk


def copies(readout):
    """The (meeting_date, country_ids) pairs stored on the readout's paragraphs, read from the database."""
    rows = Statement.objects.filter(readout=readout).values_list("meeting_date", "country_ids")
    return {(date, tuple(ids)) for date, ids in rows}


def stale_paragraphs() -> int:
    """Paragraphs anywhere whose copies differ from what the readout and its participants say now."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT count(*) FROM readouts_statement statement
            JOIN readouts_readout readout ON readout.id = statement.readout_id
            WHERE statement.meeting_date IS DISTINCT FROM readout.meeting_date
               OR statement.publisher <> readout.publisher
               OR statement.country_ids <> readouts_participant_countries(readout.id)
               OR readout.country_ids <> readouts_participant_countries(readout.id)
            """
        )
        return cursor.fetchone()[0]


@pytest.fixture
def meeting():
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ")
    wang = make_person("Wang Yi", "CN")
    return make_readout(
        participants=[(tokayev, "President"), (wang, "Foreign Minister")],
        paragraphs=[("They met.", None, "narrative"), ("Wang said hello.", wang, "statement")],
        meeting_date=datetime.date(2022, 6, 7),
        publisher="Xinhua",
    )


def test_a_paragraph_saved_by_django_gets_its_readouts_date_and_countries(meeting):
    expected = (datetime.date(2022, 6, 7), tuple(sorted([country_id("KZ"), country_id("CN")])))
    assert copies(meeting) == {expected}
    statement = Statement.objects.filter(readout=meeting).first()
    assert (statement.meeting_date, tuple(statement.country_ids)) == expected


def test_the_values_django_reads_back_after_an_insert_are_the_stored_ones(meeting):
    statement = Statement.objects.create(readout=meeting, position=3, text="More.", kind="narrative")
    assert statement.meeting_date == datetime.date(2022, 6, 7)
    assert sorted(statement.country_ids) == sorted([country_id("KZ"), country_id("CN")])


def test_bulk_created_paragraphs_get_them_too(meeting):
    Statement.objects.bulk_create(
        [Statement(readout=meeting, position=position, text="Bulk.", kind="narrative") for position in (5, 6)]
    )
    assert stale_paragraphs() == 0
    assert Statement.objects.filter(readout=meeting, position=5, meeting_date=datetime.date(2022, 6, 7)).exists()


def test_changing_the_meeting_date_moves_the_paragraphs(meeting):
    meeting.meeting_date = datetime.date(2019, 1, 2)
    meeting.save()
    assert {date for date, _ in copies(meeting)} == {datetime.date(2019, 1, 2)}
    Readout.objects.filter(pk=meeting.pk).update(meeting_date=None)
    assert {date for date, _ in copies(meeting)} == {None}


def test_changing_the_publisher_changes_the_paragraphs_copy(meeting):
    assert set(Statement.objects.filter(readout=meeting).values_list("publisher", flat=True)) == {"Xinhua"}
    meeting.publisher = "Ministry of Foreign Affairs of Kazakhstan"
    meeting.save()
    assert set(Statement.objects.filter(readout=meeting).values_list("publisher", flat=True)) == {meeting.publisher}
    Readout.objects.filter(pk=meeting.pk).update(publisher="")
    assert stale_paragraphs() == 0
    statement = Statement.objects.create(readout=meeting, position=9, text="Later.", kind="narrative")
    assert statement.publisher == ""


def test_adding_and_removing_participants_changes_the_countries(meeting):
    lavrov = make_person("Sergey Lavrov", "RU")
    Participation.objects.create(readout=meeting, person=lavrov, order=5)
    assert {ids for _, ids in copies(meeting)} == {tuple(sorted(country_id(c) for c in ("KZ", "CN", "RU")))}
    Participation.objects.filter(readout=meeting, person__country__code="CN").delete()
    assert {ids for _, ids in copies(meeting)} == {tuple(sorted(country_id(c) for c in ("KZ", "RU")))}
    assert stale_paragraphs() == 0


def test_a_person_moved_to_another_country_moves_their_meetings(meeting):
    tokayev = Person.objects.get(name="Kassym-Jomart Tokayev")
    tokayev.country = Country.objects.get(code="UZ")
    tokayev.save()
    assert {ids for _, ids in copies(meeting)} == {tuple(sorted(country_id(c) for c in ("UZ", "CN")))}
    Person.objects.filter(pk=tokayev.pk).update(country=None)
    assert {ids for _, ids in copies(meeting)} == {(country_id("CN"),)}


def test_a_stale_copy_written_back_by_a_form_is_corrected(meeting):
    statement = Statement.objects.filter(readout=meeting).first()
    Readout.objects.filter(pk=meeting.pk).update(meeting_date=datetime.date(2001, 1, 1))
    statement.text = "Edited in the admin, with the old date still in memory."
    statement.save()
    assert stale_paragraphs() == 0


def test_a_readout_without_participants_or_date_has_empty_copies():
    readout = make_readout(paragraphs=[("Alone.", None, "narrative")], meeting_date=None)
    assert copies(readout) == {(None, ())}


def test_demo_paragraphs_written_by_copy_hold_the_same_values_the_triggers_would():
    write_demo(30, seed=4)
    assert Statement.objects.count() > 100
    assert stale_paragraphs() == 0


def test_a_stale_country_list_written_back_with_a_readout_is_corrected(meeting):
    Participation.objects.filter(readout=meeting, person__country__code="KZ").delete()
    meeting.title = "Saved again with the old list of countries in memory"
    meeting.save()
    assert Readout.objects.get(pk=meeting.pk).country_ids == [country_id("CN")]
    assert stale_paragraphs() == 0
