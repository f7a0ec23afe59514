"""The meeting page: the accounts side by side, what one says that the other does not, and the readout's link."""

import re

import pytest
from django.urls import reverse

from readouts.models import Readout
from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting_accounts():
    names = ["kazakh_side", "chinese_side", "chinese_side_reprint", "russian_version"]
    readouts = {name: Readout.objects.get(pk=import_account(name).pk) for name in names}
    return readouts


def text_of(response) -> str:
    """The page's text as a reader sees it: tags gone, spaces collapsed, none before punctuation."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r" ([:,.)])", r"\1", text)


def test_the_page_lists_what_only_one_account_says(client, meeting_accounts):
    meeting = meeting_accounts["kazakh_side"].meeting
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    text = text_of(response)
    assert "Taiwan (country): only in Ministry of Foreign Affairs of China’s account" in text
    assert "Almaty (term): only in Press service of the President of Kazakhstan’s account" in text
    # The reprint is no account of its own, but listed under its original.
    assert "3 accounts and 1 reprint" in text
    assert "Reprinted by Daily Reprint Service" in text


def test_each_account_says_who_it_quotes_its_length_and_its_topics(client, meeting_accounts):
    meeting = meeting_accounts["kazakh_side"].meeting
    text = text_of(client.get(meeting.get_absolute_url()))
    assert "Wang Yi (3 paragraphs), Kassym-Jomart Tokayev (1 paragraph)" in text
    assert "66 words in 4 paragraphs" in text
    # Astana is where the meeting was: every account says so, no topic.
    assert "Topics in order Caspian Sea Almaty Shanghai Cooperation Organisation" in text
    assert "Language Russian" in text


def test_paragraphs_are_marked_as_shared_or_only_in_one_account(client, meeting_accounts):
    meeting = meeting_accounts["kazakh_side"].meeting
    html = client.get(meeting.get_absolute_url()).content.decode()
    rows = re.findall(r'<li class="align-row">(.*?)</li>', html, re.S)
    # The trade paragraphs of all three accounts (the Russian one by its number and names) share a row.
    trade = [row for row in rows if "41 billion dollars last year" in row]
    assert len(trade) == 1 and "41 миллиарда" in trade[0] and "Trade between the two countries" in trade[0]
    taiwan = [row for row in rows if "Taiwan" in row][0]
    assert "Only in this account" in taiwan
    assert html.count('class="align-cell') - html.count("is-empty") == 4 + 5 + 3


def test_the_readout_page_links_to_its_meeting_and_a_reprint_to_its_original(client, meeting_accounts):
    kazakh, reprint = meeting_accounts["kazakh_side"], meeting_accounts["chinese_side_reprint"]
    text = text_of(client.get(kazakh.get_absolute_url()))
    assert "Compare the 3 accounts of this meeting" in text
    text = text_of(client.get(reprint.get_absolute_url()))
    assert "This text is a reprint of Wang Yi meets Kazakh President Tokayev by Ministry of Foreign Affairs" in text


def test_a_readout_alone_in_its_meeting_has_no_link(client):
    alone = Readout.objects.get(pk=import_account("months_earlier").pk)
    assert "Compare the" not in text_of(client.get(alone.get_absolute_url()))
    assert client.get(alone.meeting.get_absolute_url()).status_code == 200


def test_the_page_costs_the_same_queries_however_many_accounts(client, django_assert_num_queries, meeting_accounts):
    meeting = meeting_accounts["kazakh_side"].meeting
    small = Readout.objects.get(pk=import_account("months_earlier").pk).meeting
    # The meeting, its readouts (with fingerprints), their participants (people) and paragraphs (speakers).
    for one in (meeting, small):
        with django_assert_num_queries(4):
            assert client.get(one.get_absolute_url()).status_code == 200


def test_unknown_meetings_are_not_found(client):
    assert client.get(reverse("readouts:meeting_detail", args=[999999])).status_code == 404
    assert client.get("/meetings/abc/").status_code == 404
