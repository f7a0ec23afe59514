"""The list of meetings: each meeting once with its accounts and sides, the readout list's filters applied."""

import re

import pytest
from django.urls import reverse

from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db
URL = reverse("readouts:meeting_list")


@pytest.fixture
def meetings():
    for name in ["kazakh_side", "chinese_side", "chinese_side_reprint", "russian_version", "same_day_other_guest"]:
        import_account(name)


def items(response) -> list[str]:
    """Each listed meeting's text as a reader sees it."""
    found = re.findall(r'<li class="readout-item">(.*?)</li>', response.content.decode(), re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", item)).strip() for item in found]


def test_a_meeting_told_by_both_sides_is_listed_once_with_its_accounts(client, meetings):
    response = client.get(URL)
    assert response.status_code == 200
    listed = items(response)
    assert len(listed) == 2  # Tokayev–Wang (four readouts) and Tokayev–Lavrov
    told_twice = next(item for item in listed if "Wang Yi" in item)
    assert "Kassym-Jomart Tokayev and Wang Yi" in told_twice
    assert "and 1 reprint" in told_twice and "reported by both sides" in told_twice
    assert "Ministry of Foreign Affairs of China" in told_twice
    assert "2 meetings" in response.content.decode()


def test_the_list_filters_apply(client, meetings):
    assert len(items(client.get(URL, {"sides": "both"}))) == 1
    only_lavrov = items(client.get(URL, {"participant": "Sergey Lavrov"}))
    assert len(only_lavrov) == 1 and "Sergey Lavrov" in only_lavrov[0]
    assert items(client.get(URL, {"meeting_date_after": "2025-01-01"})) == []


def test_bad_filter_values_get_a_message_not_an_error(client, meetings):
    response = client.get(URL, {"meeting_date_after": "not a date", "page": "abc", "sides": "<b>"})
    assert response.status_code == 200
    assert "could not be used" in response.content.decode()


def test_each_meeting_links_to_its_comparison(client, meetings):
    page = client.get(URL).content.decode()
    for link in re.findall(r'<h3 class="readout-item-title"><a href="([^"]+)"', page):
        assert client.get(link).status_code == 200


def test_the_list_costs_the_same_queries_however_many_meetings(client, django_assert_num_queries, meetings):
    client.get(URL)  # the form's country and language menus, cached after the first page
    # The count, the page of meetings, their readouts (with fingerprints), their participants (people).
    with django_assert_num_queries(4):
        assert client.get(URL).status_code == 200
    import_account("months_earlier")
    with django_assert_num_queries(4):
        assert client.get(URL).status_code == 200
