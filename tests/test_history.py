"""Every admin change to a readout, its participants and statements is kept with who made it and when, shown in
the admin and revertible there; bulk imports record no history."""

import pytest

from readouts.demo import write_demo
from readouts.models import Participation, Readout, Statement
from tests.test_admin import form_values

pytestmark = pytest.mark.django_db


def change_form_post(client, url, **changes):
    """What the admin's change form posts back, with some changes: the form and its inline formsets."""
    context = client.get(url).context
    formsets = [inline.formset for inline in context["inline_admin_formsets"]]
    return client.post(url, form_values(context["adminform"].form, *formsets, **changes))


def test_admin_edits_of_a_readout_and_its_statements_are_kept_and_revertible(admin_client, admin_user, archive):
    readout = archive.main
    change_url = f"/admin/readouts/readout/{readout.pk}/change/"
    first, second = Statement.objects.filter(readout=readout).order_by("position")[:2]
    statement_prefix = next(
        inline.formset.prefix
        for inline in admin_client.get(change_url).context["inline_admin_formsets"]
        if inline.formset.model is Statement
    )
    statement_field = f"{statement_prefix}-1-text"

    response = change_form_post(
        admin_client, change_url, title="Tokayev and Wang Yi meet in Nur-Sultan", **{statement_field: "Edited."}
    )
    assert response.status_code == 302, response.context and response.context["errors"]
    readout.refresh_from_db()
    second.refresh_from_db()
    assert (readout.title, second.text) == ("Tokayev and Wang Yi meet in Nur-Sultan", "Edited.")

    # Who, when and what: the readout's newest version and the statement's.
    latest = readout.history.latest()
    assert latest.history_user == admin_user and latest.history_type == "~"
    assert "title" in latest.diff_against(readout.history.earliest()).changed_fields
    statement_change = second.history.latest()
    assert statement_change.history_user == admin_user and statement_change.text == "Edited."
    assert not first.history.filter(history_type="~").exists()  # an untouched paragraph records no change

    history = admin_client.get(f"/admin/readouts/readout/{readout.pk}/history/")
    page = history.content.decode()
    assert history.status_code == 200
    assert "Tokayev and Wang Yi meet in Nur-Sultan" in page and admin_user.username in page
    assert f"/admin/readouts/statement/{second.pk}/history/" in page  # the statements' changes, listed below
    statement_history = admin_client.get(f"/admin/readouts/statement/{second.pk}/history/")
    assert statement_history.status_code == 200 and "Edited." in statement_history.content.decode()

    # Revert the readout to its first version through the history view.
    original = readout.history.earliest()
    assert original.title == "Tokayev meets Wang Yi"
    revert_url = f"/admin/readouts/readout/{readout.pk}/history/{original.history_id}/"
    form = admin_client.get(revert_url).context["adminform"].form
    assert admin_client.post(revert_url, form_values(form)).status_code == 302
    readout.refresh_from_db()
    assert readout.title == "Tokayev meets Wang Yi"
    assert readout.history.latest().history_user == admin_user

    # And the statement to the text it had before the edit.
    before = statement_change.prev_record
    assert before.text == "Wang said the two countries are good neighbours."
    revert_url = f"/admin/readouts/statement/{second.pk}/history/{before.history_id}/"
    form = admin_client.get(revert_url).context["adminform"].form
    assert admin_client.post(revert_url, form_values(form)).status_code == 302
    second.refresh_from_db()
    assert second.text == "Wang said the two countries are good neighbours."
    assert second.history.filter(history_type="~", history_user=admin_user).count() == 2


def test_removing_a_participant_in_the_admin_is_recorded(admin_client, admin_user, archive):
    readout = archive.main
    change_url = f"/admin/readouts/readout/{readout.pk}/change/"
    context = admin_client.get(change_url).context
    participants = next(i.formset for i in context["inline_admin_formsets"] if i.formset.model is Participation)
    removed = participants.forms[1].instance
    response = change_form_post(admin_client, change_url, **{f"{participants.prefix}-1-DELETE": "on"})
    assert response.status_code == 302
    deleted = Participation.history.get(id=removed.pk, history_type="-")
    assert deleted.history_user == admin_user and deleted.readout_id == readout.pk
    assert "Deleted" in admin_client.get(f"/admin/readouts/readout/{readout.pk}/history/").content.decode()


def test_bulk_loads_record_no_history(db):
    before = Readout.history.count(), Statement.history.count(), Participation.history.count()
    write_demo(3, seed=1)
    assert Readout.objects.exists()
    assert (Readout.history.count(), Statement.history.count(), Participation.history.count()) == before
