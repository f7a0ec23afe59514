"""Lists, people, countries and pairs count meetings, not readouts; the sides filter (reported by both sides, one
side only, neither) on the list, the API's readouts and meetings, and search."""

import pytest

from readouts.derived import refresh_derived
from readouts.models import Country, Meeting, Person, Readout
from readouts.pagination import KeyedPaginator
from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def accounts():
    """One meeting told by both sides, reprinted and in Russian (four readouts); the same people months earlier,
    told by one side (one readout); the Kazakh president with another guest the same day (one readout)."""
    names = ["kazakh_side", "chinese_side", "chinese_side_reprint", "russian_version", "months_earlier"]
    names.append("same_day_other_guest")
    readouts = {name: import_account(name) for name in names}
    refresh_derived()
    return {name: Readout.objects.get(pk=readout.pk) for name, readout in readouts.items()}


def test_the_sides_that_reported_each_meeting_are_counted_on_it(accounts):
    both = accounts["kazakh_side"].meeting
    assert accounts["kazakh_side"].publisher_country.code == "KZ"
    assert accounts["chinese_side"].publisher_country.code == "CN"
    assert (both.sides_reporting, both.reported_by_both) == (2, True)
    assert accounts["months_earlier"].meeting.sides_reporting == 1
    assert set(Meeting.objects.reported_by(Meeting.Sides.BOTH)) == {both}
    assert set(Meeting.objects.reported_by(Meeting.Sides.ONE)) == {
        accounts["months_earlier"].meeting,
        accounts["same_day_other_guest"].meeting,
    }


def test_a_person_page_counts_meetings_and_met_most_often_counts_each_meeting_once(client, accounts):
    tokayev = accounts["kazakh_side"].participations.get(order=0).person
    page = client.get(tokayev.get_absolute_url()).content.decode()
    readouts = Readout.objects.with_participant(tokayev).count()
    assert readouts > 3  # the two sides' accounts and the reprint are readouts of one meeting
    assert f"3 meetings ({readouts} readouts)" in page
    wang = Person.objects.counterparts_of(tokayev).get(name="Wang Yi")
    assert wang.meetings == 2  # May (three readouts) and March
    assert Person.objects.with_meeting_counts().get(pk=tokayev.pk).meetings == 3
    assert Readout.objects.with_participant(tokayev).count_per_year() == [(2024, 3)]


def test_a_country_page_and_a_pair_list_count_meetings(client, accounts):
    kazakhstan, china = Country.objects.get(code="KZ"), Country.objects.get(code="CN")
    counterparts = {row["code"]: row["meetings"] for row in Country.objects.counterparts_of(kazakhstan)}
    assert counterparts["CN"] == 2
    page = client.get(kazakhstan.get_absolute_url()).content.decode()
    assert f"3 meetings ({Readout.objects.involving(kazakhstan).count()} readouts) with a participant from" in page
    pair = client.get("/readouts/?country=KZ&counterpart=CN").content.decode()
    readouts = Readout.objects.between(kazakhstan, china).count()
    assert f"{readouts} readouts of 2 meetings" in pair


def test_the_paginator_counts_readouts_and_meetings_in_one_query(accounts, django_assert_num_queries):
    paginator = KeyedPaginator(Readout.objects.all(), 20)
    with django_assert_num_queries(1):
        assert (paginator.count, paginator.meeting_count) == (6, 3)


def test_the_list_filter_keeps_the_meetings_reported_by_both_sides_or_one(client, accounts):
    both = client.get("/readouts/?sides=both").content.decode()
    assert accounts["kazakh_side"].title in both and accounts["months_earlier"].title not in both
    one = client.get("/readouts/?sides=one").content.decode()
    assert accounts["months_earlier"].title in one and accounts["kazakh_side"].title not in one
    assert "Reported by both sides" in both  # the active filter is named
    bad = client.get("/readouts/?sides=all-of-them")
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_the_api_exports_and_search_take_the_sides_filter(client, accounts):
    readouts = client.get("/api/readouts/?sides=both").json()
    assert {row["id"] for row in readouts["results"]} == {
        accounts[name].pk for name in ["kazakh_side", "chinese_side", "chinese_side_reprint", "russian_version"]
    }
    csv = b"".join(client.get("/export/readouts.csv?sides=one").streaming_content).decode()
    assert accounts["months_earlier"].title in csv and accounts["kazakh_side"].title not in csv
    found = client.get("/api/search/?q=Tokayev&sides=one").json()
    assert {hit["readout"]["id"] for hit in found["results"]} <= {
        accounts["months_earlier"].pk,
        accounts["same_day_other_guest"].pk,
    }


def test_the_meetings_api_takes_the_list_filters(client, accounts):
    may, march = accounts["kazakh_side"].meeting, accounts["months_earlier"].meeting
    lavrov = accounts["same_day_other_guest"].meeting

    def ids(query):
        response = client.get(f"/api/meetings/?{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert ids("sides=both") == [may.pk]
    assert client.get("/api/meetings/?sides=both").json()["results"][0]["reported_by_both"] is True
    assert ids("country=KZ&counterpart=CN") == [may.pk, march.pk]
    assert ids("country=KZ&counterpart=CN&sort=oldest") == [march.pk, may.pk]
    assert ids("country=RU") == [lavrov.pk]
    assert ids("country=KZ&sides=one&meeting_date_after=2024-05-01") == [lavrov.pk]
    assert ids("language=ru") == [may.pk]
    assert client.get("/api/meetings/?sides=some").status_code == 400
    assert client.get("/api/meetings/?meeting_date_after=abc").status_code == 400


def test_a_publisher_country_given_by_its_writer_survives_regrouping_and_the_archive_file(accounts, tmp_path):
    from django.core.management import call_command

    readout = accounts["chinese_side_reprint"]  # "Daily Reprint Service": a name that names no country
    assert readout.publisher_country is None
    Readout.objects.filter(pk=readout.pk).update(publisher_country=Country.objects.get(code="KZ"))
    refresh_derived(regroup_meetings=True)
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path))
    Readout.objects.all().delete()
    Person.objects.all().delete()
    call_command("import_archive", str(path))
    assert Readout.objects.get(pk=readout.pk).publisher_country.code == "KZ"
    assert Readout.objects.get(pk=accounts["kazakh_side"].pk).publisher_country.code == "KZ"
