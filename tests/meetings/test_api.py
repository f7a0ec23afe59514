"""The meetings in the API, and the comparison's CSV and JSON downloads."""

import csv
import io
import json

import pytest

from readouts.models import Readout
from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    for name in ["kazakh_side", "chinese_side", "chinese_side_reprint"]:
        last = import_account(name)
    return Readout.objects.get(pk=last.pk).meeting


def test_the_list_gives_each_meeting_with_its_numbers(client, meeting):
    import_account("months_earlier")
    data = client.get("/api/meetings/").json()
    assert data["count"] == 2
    first = data["results"][0]
    assert (first["id"], first["first_date"], first["accounts"], first["readout_count"]) == (
        meeting.pk,
        "2024-05-20",
        2,
        3,
    )
    assert first["api_url"].endswith(f"/api/meetings/{meeting.pk}/")
    assert client.get("/api/meetings/?colour=red").status_code == 400


def test_one_meeting_has_its_accounts_differences_and_alignment(client, meeting):
    data = client.get(f"/api/meetings/{meeting.pk}/").json()
    assert [p["name"] for p in data["participants"]] == ["Kassym-Jomart Tokayev", "Wang Yi"]
    labels = [account["label"] for account in data["accounts"]]
    assert labels == ["Press service of the President of Kazakhstan", "Ministry of Foreign Affairs of China"]
    chinese = data["accounts"][1]
    assert [reprint["publisher"] for reprint in chinese["reprints"]] == ["Daily Reprint Service"]
    assert chinese["quoted"][0] == {
        "person": chinese["quoted"][0]["person"] | {"name": "Wang Yi"},
        "paragraphs": 3,
    }
    assert {"kind": "country", "name": "Taiwan", "account": 2} in data["differences"]
    cells = [cell for row in data["alignment"] for cell in row if cell]
    assert len(cells) == 9 and all(len(row) == 2 for row in data["alignment"])
    trade = next(cell for cell in cells if cell["text"].startswith("Tokayev said trade"))
    assert trade["shared"] and trade["also_in"] == [{"account": 2, "position": 4}]
    assert client.get("/api/meetings/999999/").status_code == 404


def test_the_comparison_downloads_as_csv_and_json(client, meeting):
    response = client.get(f"/meetings/{meeting.pk}/comparison.csv")
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{meeting.pk}-comparison.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 9
    taiwan = next(row for row in rows if "Taiwan" in row["text"])
    assert (taiwan["account"], taiwan["speaker"], taiwan["shared"], taiwan["also_in"]) == ("2", "Wang Yi", "no", "")
    response = client.get(f"/meetings/{meeting.pk}/comparison.json")
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content) == client.get(f"/api/meetings/{meeting.pk}/").json()
    assert client.get("/meetings/999999/comparison.csv").status_code == 404
