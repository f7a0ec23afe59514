"""Merging, splitting and moving meetings in the admin."""

import pytest

from readouts.models import Meeting, Readout
from tests.meetings.helpers import import_account

pytestmark = pytest.mark.django_db


def test_the_meeting_pages_list_and_show_the_readouts(admin_client):
    kazakh = import_account("kazakh_side")
    assert admin_client.get("/admin/readouts/meeting/").status_code == 200
    page = admin_client.get(f"/admin/readouts/meeting/{kazakh.meeting_id}/change/")
    assert page.status_code == 200 and kazakh.title in page.content.decode()


def test_merging_selected_meetings(admin_client):
    kazakh, earlier = import_account("kazakh_side"), import_account("months_earlier")
    ids = [Readout.objects.get(pk=kazakh.pk).meeting_id, Readout.objects.get(pk=earlier.pk).meeting_id]
    response = admin_client.post(
        "/admin/readouts/meeting/", {"action": "merge_selected", "_selected_action": ids}, follow=True
    )
    assert "2 meetings merged" in response.content.decode()
    assert Meeting.objects.get().readout_count == 2


def test_splitting_off_and_moving_in_by_id(admin_client):
    kazakh, chinese, earlier = (import_account(name) for name in ("kazakh_side", "chinese_side", "months_earlier"))
    meeting = Readout.objects.get(pk=kazakh.pk).meeting
    url = f"/admin/readouts/meeting/{meeting.pk}/change/"
    response = admin_client.post(url, {"split_off": [chinese.pk], "move_here": f"{earlier.pk}"})
    assert response.status_code == 302
    chinese_meeting = Readout.objects.get(pk=chinese.pk).meeting
    assert chinese_meeting != meeting and chinese_meeting.edited
    assert set(meeting.readouts.values_list("pk", flat=True)) == {kazakh.pk, earlier.pk}


def test_moving_in_an_unknown_id_is_refused_with_a_message(admin_client):
    kazakh = import_account("kazakh_side")
    url = f"/admin/readouts/meeting/{kazakh.meeting_id}/change/"
    response = admin_client.post(url, {"move_here": "12, 999999, x"})
    assert response.status_code == 200
    assert "Enter readout ids" in response.content.decode()
    response = admin_client.post(url, {"move_here": "999999"})
    assert "No readout has the id 999999" in response.content.decode()
