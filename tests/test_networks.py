"""Who met whom within a range of years (readouts/networks.py): ?from=&to= on person and country pages."""

import pytest

from readouts.models import refresh_meeting_counts
from tests.factories import make_readout

pytestmark = pytest.mark.django_db


def network(page):
    return page.split('<figure class="chart chart-network">', 1)[1].split("</figure>", 1)[0]


def test_a_person_network_within_years_counts_those_years_meetings(client, archive, django_assert_max_num_queries):
    refresh_meeting_counts()
    with django_assert_max_num_queries(14):
        page = client.get("/people/wang-yi/?from=2022&to=2022").content.decode()
    shown = network(page)
    assert 'aria-label="Kassym-Jomart Tokayev: 2 meetings"' in shown and "Sergey Lavrov: 1 meeting" in shown
    # Each node keeps the range.
    assert 'href="/people/kassym-jomart-tokayev/?from=2022&amp;to=2022"' in shown
    assert "Who met whom in 2022–2022" in page
    only_2021 = network(client.get("/people/wang-yi/?from=2021&to=2021").content.decode())
    assert "Kassym-Jomart Tokayev: 1 meeting" in only_2021 and "Lavrov" not in only_2021


def test_a_country_network_within_years_links_to_the_pair_in_those_years(client, archive):
    refresh_meeting_counts()
    shown = network(client.get("/countries/kz/?from=2023").content.decode())
    assert 'aria-label="China: 1 meeting"' in shown
    assert 'href="/readouts/?country=KZ&amp;counterpart=CN&amp;meeting_date_after=2023-01-01"' in shown


def test_a_country_network_within_years_is_counted_at_the_last_refresh_like_every_year(client, archive):
    refresh_meeting_counts()
    make_readout([(archive.wang, ""), (archive.lavrov, "")], title="Wang Yi meets Lavrov in the autumn")
    assert 'aria-label="Russia: 1 meeting"' in network(client.get("/countries/cn/?from=2022").content.decode())
    assert 'aria-label="Russia: 1 meeting"' in network(client.get("/countries/cn/").content.decode())
    refresh_meeting_counts()
    assert 'aria-label="Russia: 2 meetings"' in network(client.get("/countries/cn/?from=2022").content.decode())
    assert 'aria-label="Russia: 2 meetings"' in network(client.get("/countries/cn/").content.decode())


@pytest.mark.parametrize("query", ["?from=abc", "?from=2020&to=2010", "?from=99999", "?to=-5", "?from=%00"])
def test_bad_years_give_the_page_with_a_message(client, archive, query):
    response = client.get(f"/people/wang-yi/{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Who met whom in every year" in page and 'class="field-error' in page


def test_years_without_meetings_say_so(client, archive):
    page = client.get("/countries/kz/?from=1950&to=1951").content.decode()
    assert "No meetings of Kazakhstan in these years." in page
