import pytest
from django.urls import reverse

from readouts.models import Readout, Statement
from tests.factories import make_person, make_readout
from tests.test_import_command import LUSAKA

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/readouts/readout/import/"


@pytest.fixture
def staff(admin_client):
    return admin_client


def form_values(*forms_and_formsets, **changes):
    """What a browser would post back for these (bound or initial) forms and formsets, with some changes."""
    data = {}
    for item in forms_and_formsets:
        if hasattr(item, "management_form"):
            management = item.management_form
            data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        for form in getattr(item, "forms", [item]):
            for name in form.fields:
                value = form[name].value()
                if value is not None and value is not False:
                    data[form.add_prefix(name)] = value
    return {**data, **changes}


def review_post(response, **changes):
    context = response.context
    return form_values(context["form"], context["participants"], context["paragraphs"], save="Save", **changes)


@pytest.mark.parametrize("url", ["/admin/readouts/readout/", "/admin/readouts/person/", "/admin/readouts/country/"])
def test_admin_lists_answer_with_filters_and_search(staff, url):
    make_readout(participants=[(make_person(), "Foreign Minister")])
    assert staff.get(url).status_code == 200
    assert staff.get(url, {"q": "Wang"}).status_code == 200


def test_the_readout_change_page_has_ordered_inlines(staff):
    wang = make_person()
    readout = make_readout(
        participants=[(wang, "Foreign Minister")], paragraphs=[("Wang said yes.", wang, Statement.Kind.STATEMENT)]
    )
    response = staff.get(reverse("admin:readouts_readout_change", args=[readout.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wang said yes." in html and "Foreign Minister" in html


def test_the_changelist_offers_import_from_text(staff):
    assert IMPORT_URL in staff.get("/admin/readouts/readout/").content.decode()


def test_paste_parse_review_correct_and_save(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hakainde Hichilema" in html and "Original text" in html
    assert not Readout.objects.exists()

    response = staff.post(IMPORT_URL, review_post(response, location="Lusaka, Zambia"))
    readout = Readout.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:readouts_readout_change", args=[readout.pk])
    assert readout.location == "Lusaka, Zambia"
    assert readout.edited_fields == ["location"]
    assert readout.statements.count() >= 4
    assert {p.person.name for p in readout.participations.all()} == {"Hakainde Hichilema", "Simon Coveney"}


def test_a_statement_without_a_speaker_is_sent_back_with_a_message(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    data = review_post(response, **{"paragraphs-0-kind": "statement", "paragraphs-0-speaker": ""})
    response = staff.post(IMPORT_URL, data)
    assert response.status_code == 200
    assert "A statement needs its speaker" in response.content.decode()
    assert not Readout.objects.exists()


def test_text_that_is_no_readout_gets_a_message(staff):
    response = staff.post(IMPORT_URL, {"text": "   ", "parse": "Parse for review"})
    assert response.status_code == 200
    assert "Paste a readout or choose a file" in response.content.decode()


def test_an_uploaded_file_is_parsed_like_pasted_text(staff, tmp_path):
    upload = tmp_path / "lusaka.txt"
    upload.write_text(LUSAKA)
    with upload.open("rb") as handle:
        response = staff.post(IMPORT_URL, {"upload": handle, "parse": "Parse for review"})
    assert response.status_code == 200
    assert "Simon Coveney" in response.content.decode()


def test_a_text_already_stored_leads_to_its_readout(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    staff.post(IMPORT_URL, review_post(response))
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:readouts_readout_change", args=[Readout.objects.get().pk])


def test_corrections_in_the_change_form_are_protected_from_reparsing(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    staff.post(IMPORT_URL, review_post(response))
    readout = Readout.objects.get()
    change = staff.get(reverse("admin:readouts_readout_change", args=[readout.pk]))
    data = review_post_from_admin(change, title="A better title")
    response = staff.post(reverse("admin:readouts_readout_change", args=[readout.pk]), data)
    assert response.status_code == 302
    readout.refresh_from_db()
    assert readout.title == "A better title"
    assert "title" in readout.edited_fields


def test_only_staff_reach_the_import_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def review_post_from_admin(response, **changes):
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return form_values(response.context["adminform"].form, *formsets, **changes)
