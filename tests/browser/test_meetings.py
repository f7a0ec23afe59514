"""The meeting page in Chromium: from a readout to its meeting, the accounts in columns on a wide screen and one
after another on a phone, checked by axe-core and the Nu HTML checker in light and dark schemes."""

import pytest

from readouts.countries import load_countries
from readouts.models import Country, Readout
from tests.browser.conftest import PHONE, audit_pages
from tests.meetings.helpers import import_account

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def meeting_archive(transactional_db):
    if not Country.objects.exists():
        load_countries(Country)
    names = ["kazakh_side", "chinese_side", "chinese_side_reprint", "months_earlier"]
    return {name: Readout.objects.get(pk=import_account(name).pk) for name in names}


def test_from_a_readout_to_its_meeting_side_by_side_then_stacked(page, meeting_archive):
    kazakh = meeting_archive["kazakh_side"]
    page.goto(kazakh.get_absolute_url())
    page.get_by_role("link", name="Compare the 2 accounts of this meeting").click()
    page.wait_for_url(f"**/meetings/{kazakh.meeting_id}/")
    assert page.locator("h1").inner_text() == "Kassym-Jomart Tokayev and Wang Yi"
    assert page.get_by_text("Taiwan").first.is_visible()
    trade = page.locator(".align-row", has_text="41 billion dollars last year")
    cells = trade.locator(".align-cell")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["x"] > first["x"] + first["width"] - 1 and abs(second["y"] - first["y"]) < 2, "columns"
    page.set_viewport_size(PHONE)
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, "stacked on a phone"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.console_errors == []


def test_the_meeting_pages_pass_axe_and_the_nu_html_checker(page, meeting_archive, checkers, tmp_path):
    pages = {
        "meeting": meeting_archive["kazakh_side"].meeting.get_absolute_url(),
        "meeting-one-account": meeting_archive["months_earlier"].meeting.get_absolute_url(),
        "readout-reprint": meeting_archive["chinese_side_reprint"].get_absolute_url(),
        "meeting-list": "/meetings/?sides=both",
    }
    violations, errors = audit_pages(page, checkers, tmp_path, pages, phone_overflow=True)
    assert violations == {}
    assert errors == []


def test_the_list_keeps_the_meetings_reported_by_both_sides(page, meeting_archive):
    page.goto("/readouts/")
    page.get_by_label("Reported by").select_option(label="Reported by both sides")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**sides=both**")
    results = page.locator("#results")
    assert meeting_archive["kazakh_side"].title in results.inner_text()
    assert meeting_archive["months_earlier"].title not in results.inner_text()
    assert "of 1 meeting" in page.locator("#results-title").inner_text()
    assert page.console_errors == []


def test_from_the_meetings_list_to_a_meeting_told_by_both_sides(page, meeting_archive):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Meetings").click()
    page.wait_for_url("**/meetings/")
    assert "2 meetings" in page.locator("#results-title").inner_text()
    page.get_by_label("Reported by").select_option(label="Reported by both sides")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**sides=both**")
    assert "1 meeting" in page.locator("#results-title").inner_text()
    page.get_by_role("link", name="Kassym-Jomart Tokayev and Wang Yi").click()
    page.wait_for_url(f"**/meetings/{meeting_archive['kazakh_side'].meeting_id}/")
    assert page.get_by_text("Taiwan").first.is_visible()
    assert page.console_errors == []
