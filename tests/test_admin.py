import re

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
    assert "Hakainde Hichilema" in html and "The whole text as pasted" in html
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


# A place only in the dateline, a speaker only as "he", a participant named once.
GUESSES = """Lavrov and Wang Yi hold talks

ASTANA, June 7 (Agency) -- Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi
on Tuesday.

Wang Yi said China is ready to deepen cooperation with Russia.

He also said the two countries should coordinate at the United Nations.
"""


def test_the_review_shows_each_paragraph_beside_its_original_and_marks_every_guess(staff):
    response = staff.post(IMPORT_URL, {"text": GUESSES, "published_date": "2022-06-07", "parse": "Parse for review"})
    assert response.status_code == 200
    html = response.content.decode()
    originals = re.findall(r'<blockquote class="import-original-paragraph"[^>]*><p>(.*?)</p>', html, re.S)
    assert originals[1:] == [
        "Wang Yi said China is ready to deepen cooperation with Russia.",
        "He also said the two countries should coordinate at the United Nations.",
    ]
    assert "Guessed: where the text was filed (its dateline)" in html
    # The speaker of the third paragraph only, whom it calls "he".
    assert html.count("The paragraph does not name its speaker") == 1
    assert html.index("The paragraph does not name its speaker") > html.index("He also said")
    # Lavrov is named once: in the lead.
    assert html.count("Named once in the text") == 1
    assert html.index("Named once in the text") < html.index('value="Wang Yi"')


def test_guesses_the_reviewer_leaves_are_saved_as_guesses_and_corrections_are_not(staff):
    response = staff.post(IMPORT_URL, {"text": GUESSES, "published_date": "2022-06-07", "parse": "Parse for review"})
    assert staff.post(IMPORT_URL, review_post(response)).status_code == 302
    readout = Readout.objects.get()
    assert (readout.location, readout.location_guessed) == ("Astana", True)
    assert list(readout.statements.values_list("speaker_guessed", flat=True)) == [False, False, True]

    readout.delete()
    data = review_post(response, location="Beijing", **{"paragraphs-2-speaker": "Sergey Lavrov"})
    assert staff.post(IMPORT_URL, data).status_code == 302
    readout = Readout.objects.get()
    assert readout.location_guessed is False
    assert list(readout.statements.values_list("speaker_guessed", flat=True)) == [False, False, False]


def test_a_guessed_date_is_marked_with_how_it_was_found(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    html = response.content.decode()
    assert re.search(r'<span class="import-guess">guess</span> (Guessed: [^<]+|Not found in the text)</p>', html)


def test_each_paragraphs_speaker_is_chosen_from_the_participants(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    html = response.content.decode()
    menu = re.search(r'<select name="paragraphs-1-speaker"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"', menu) == ["", "Hakainde Hichilema", "Simon Coveney"]
    assert '<option value="Hakainde Hichilema" selected>' in menu

    data = review_post(response, **{"paragraphs-1-speaker": "Simon Coveney"})
    assert staff.post(IMPORT_URL, data).status_code == 302
    statement = Readout.objects.get().statements.get(position=2)
    assert (statement.speaker.name, statement.speaker_guessed) == ("Simon Coveney", False)


def test_a_speaker_who_is_not_a_participant_is_sent_back_with_the_originals_and_marks(staff):
    response = staff.post(IMPORT_URL, {"text": GUESSES, "published_date": "2022-06-07", "parse": "Parse for review"})
    data = review_post(response, **{"participants-1-DELETE": "on"})  # Wang Yi
    response = staff.post(IMPORT_URL, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wang Yi speaks but is not among the participants." in html
    assert "He also said the two countries should coordinate" in html
    assert "Guessed: where the text was filed (its dateline)" in html
    assert not Readout.objects.exists()


def test_a_participant_added_in_the_review_is_offered_as_a_speaker_when_it_comes_back(staff):
    response = staff.post(IMPORT_URL, {"text": LUSAKA, "parse": "Parse for review"})
    data = review_post(
        response,
        **{"participants-2-name": "Jane Doe", "paragraphs-0-kind": "statement", "paragraphs-0-speaker": ""},
    )
    html = staff.post(IMPORT_URL, data).content.decode()
    menu = re.search(r'<select name="paragraphs-0-speaker"[^>]*>(.*?)</select>', html, re.S).group(1)
    assert '<option value="Jane Doe">Jane Doe</option>' in menu


def test_a_place_or_speaker_corrected_in_the_change_form_is_no_longer_a_guess(staff):
    wang = make_person()
    readout = make_readout(
        location="Astana",
        location_guessed=True,
        participants=[(wang, "Foreign Minister")],
        paragraphs=[("He said yes.", wang, Statement.Kind.STATEMENT)],
    )
    Statement.objects.filter(readout=readout).update(speaker_guessed=True)
    url = reverse("admin:readouts_readout_change", args=[readout.pk])
    data = review_post_from_admin(staff.get(url), location="Almaty")
    assert staff.post(url, data).status_code == 302
    readout.refresh_from_db()
    assert (readout.location, readout.location_guessed) == ("Almaty", False)


def test_only_staff_reach_the_import_page(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def review_post_from_admin(response, **changes):
    formsets = [inline.formset for inline in response.context["inline_admin_formsets"]]
    return form_values(response.context["adminform"].form, *formsets, **changes)
