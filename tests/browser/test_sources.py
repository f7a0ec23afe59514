"""The changes page in Chromium: from a revised readout to what its publisher changed, another pair of revisions
picked with the form, words marked for the eye and for assistive technology, checked by axe-core and the Nu HTML
checker in light and dark schemes and on a phone."""

import pytest

from readouts.countries import load_countries
from readouts.models import Country, Readout
from readouts.sources.fetching import Fetcher
from readouts.sources.pages import import_address
from tests.browser.conftest import PHONE, audit_pages
from tests.sources.conftest import MEETING, readout_page, running_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECOND = [MEETING[0], "The ministers discussed the situation in Ukraine.", *MEETING[1:]]
THIRD = [*SECOND[:-1], "The two ministers agreed to meet again in Tromsø in June."]


@pytest.fixture
def revised_twice(transactional_db):
    if not Country.objects.exists():
        load_countries(Country)
    with running_site() as site, Fetcher(delay=0, retries=0) as fetcher:
        for paragraphs in (MEETING, SECOND, THIRD):
            site.serve("/news/berg-lind", readout_page(paragraphs))
            import_address(site.url("/news/berg-lind"), fetcher)
    readout = Readout.objects.get()
    assert readout.revisions.count() == 3
    return readout


def test_from_the_readout_to_what_changed_and_another_pair_of_revisions(page, revised_twice):
    page.goto(revised_twice.get_absolute_url())
    page.get_by_role("link", name="what changed").click()
    page.wait_for_url("**/changes/")
    assert page.locator("h1").inner_text() == "Revision 2 to revision 3"
    assert page.locator("ins").all_inner_texts() == ["Tromsø", "June."]
    assert page.locator("del").all_inner_texts() == ["Stockholm", "the autumn."]

    page.get_by_label("From").select_option("1")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url("**/changes/?from=1&to=3")
    assert page.locator("h1").inner_text() == "Revision 1 to revision 3"
    assert page.locator(".change-added").inner_text().startswith("¶2 added")
    assert page.get_by_text("¶2 unchanged, now ¶3").is_visible()
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.console_errors == []


def test_the_changes_page_and_the_revised_readout_pass_axe_and_the_nu_html_checker(
    page, revised_twice, checkers, tmp_path
):
    pages = {
        "revision-changes": f"{revised_twice.get_absolute_url()}changes/?from=1&to=3",
        "readout-revised": revised_twice.get_absolute_url(),
    }
    violations, errors = audit_pages(page, checkers, tmp_path, pages)
    assert violations == {}
    assert errors == []
