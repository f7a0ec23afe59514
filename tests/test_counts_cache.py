"""The slow counts of the person and country pages kept until the archive changes (readouts.counts_cache)."""

import re

import pytest

from readouts.counts_cache import cached_counts, forget_counts
from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db


def meetings_shown(client, path) -> str:
    page = client.get(path).content.decode()
    return re.search(r'<p class="meta">([\d,]+ meetings?)', page).group(1)


def test_a_count_is_made_once_until_the_archive_changes():
    calls = []

    def count():
        calls.append(1)
        return [(2024, len(calls))]

    assert cached_counts("years", "country", 1, compute=count) == [(2024, 1)]
    assert cached_counts("years", "country", 1, compute=count) == [(2024, 1)]
    assert cached_counts("years", "country", 2, compute=count) == [(2024, 2)], "another country is counted apart"
    forget_counts()
    assert cached_counts("years", "country", 1, compute=count) == [(2024, 3)]


def test_a_country_and_a_person_page_count_again_after_an_import(client):
    import_account("kazakh_side")
    assert meetings_shown(client, "/countries/kz/") == "1 meeting"
    person = "/people/kassym-jomart-tokayev/"
    client.get(person)
    import_account("months_earlier")
    assert meetings_shown(client, "/countries/kz/") == "2 meetings"
    assert "2 meetings" in client.get(person).content.decode()
