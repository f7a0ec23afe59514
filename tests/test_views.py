import datetime

import pytest

from readouts.models import Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db


@pytest.fixture
def readout():
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ", slug="kassym-jomart-tokayev")
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    return make_readout(
        title="Tokayev meets Wang Yi",
        slug="tokayev-meets-wang-yi",
        meeting_date=datetime.date(2022, 6, 7),
        participants=[(tokayev, "President"), (wang, "State Councilor and Foreign Minister")],
        paragraphs=[
            ("Tokayev met Wang Yi in Nur-Sultan.", None, Statement.Kind.NARRATIVE),
            ("Wang said the two countries are good neighbours.", wang, Statement.Kind.STATEMENT),
            ("Both sides agreed to meet again.", None, Statement.Kind.JOINT),
        ],
    )


def test_the_readout_page_shows_participants_and_statements_in_order(client, readout):
    response = client.get("/readouts/2022/06/07/tokayev-meets-wang-yi/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "State Councilor and Foreign Minister" in html
    assert html.index('id="p1"') < html.index('id="p2"') < html.index('id="p3"')


@pytest.mark.parametrize(
    "url",
    ["/readouts/2022/02/31/tokayev-meets-wang-yi/", "/readouts/2022/06/08/tokayev-meets-wang-yi/", "/people/nobody/"],
)
def test_impossible_or_unknown_addresses_are_404(client, readout, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url, shows",
    [
        ("/", "Tokayev meets Wang Yi"),
        ("/readouts/", "Tokayev meets Wang Yi"),
        ("/people/", "Kassym-Jomart Tokayev"),
        ("/people/wang-yi/", "Tokayev meets Wang Yi"),
        ("/countries/", "Kazakhstan"),
        ("/countries/kz/", "Tokayev meets Wang Yi"),
    ],
)
def test_browsing_pages_answer(client, readout, url, shows):
    response = client.get(url)
    assert response.status_code == 200
    assert shows in response.content.decode()
