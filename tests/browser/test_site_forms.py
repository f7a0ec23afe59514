"""The filter and search forms, the search's year chart, the guesses on public pages and the admin's import review,
in Chromium at a 1366 px desktop and a 390 px phone: what a reader sees (whole dates and menus, a form folded on the
phone, tokens and labels never broken), checked by axe-core and the Nu HTML checker, with screenshots."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from readouts.models import Statement
from tests.browser.conftest import SCREENSHOTS, nu_errors, run_axe
from tests.conftest import STATEMENT
from tests.factories import make_readout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1366, "height": 900}
NARROW = {"width": 390, "height": 844}

# How much of each control its text lacks room for, in px (0 when it all shows): a select's chosen option and a date
# input's typed date, measured in the control's own font beside its inner width (less its padding, and the room the
# menu's arrow or the date picker's button takes).
CUT_OFF = """() => {
    const canvas = document.createElement('canvas').getContext('2d');
    const cut = [];
    for (const control of document.querySelectorAll('form.filters select, form.filters input[type=date]')) {
        if (!control.offsetParent) continue;  // folded away
        const style = getComputedStyle(control);
        canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = control.tagName === 'SELECT' ? control.options[control.selectedIndex].text : '01/01/2020';
        const room = control.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
        const lacking = Math.ceil(canvas.measureText(text).width - room);
        if (lacking > 0) cut.push(`${control.name}: "${text}" lacks ${lacking} px`);
    }
    return cut;
}"""
LINES_OF = """(element) => { const range = document.createRange(); range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size; }"""


def sideways(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.fixture
def guessed_archive(browsing_archive):
    archive = browsing_archive
    readout = make_readout(
        title="Wang Yi and Tokayev in Almaty",
        slug="wang-yi-and-tokayev-in-almaty",
        meeting_date=datetime.date(2016, 3, 4),
        meeting_date_basis="year_inferred",
        location="Almaty",
        location_guessed=True,
        publisher="Xinhua",
        language="ru",
        participants=[(archive.tokayev, "President"), (archive.wang, "Foreign Minister")],
        paragraphs=[
            ("Wang Yi said the talks were useful.", archive.wang, STATEMENT),
            ("He added that trade would grow.", archive.wang, STATEMENT),
        ],
    )
    Statement.objects.filter(readout=readout, position=2).update(speaker_guessed=True)
    archive.guessed = readout
    return archive


def test_the_filter_form_gives_every_field_its_room_on_a_desktop_and_folds_on_a_phone(page, guessed_archive):
    page.set_viewport_size(WIDE)
    page.goto("/readouts/?meeting_date_after=2020-01-01&meeting_date_before=2023-12-31&sort=newest&language=ru")
    assert page.locator("#id_meeting_date_after").is_visible()
    assert page.evaluate(CUT_OFF) == []
    page.select_option("#id_country", "KZ")
    page.select_option("#id_counterpart", "CN")
    assert page.evaluate(CUT_OFF) == []
    assert page.locator("#id_language option:checked").inner_text() == "Russian (ru)"
    assert page.locator("#id_language option").all_inner_texts() == ["Any language", "English (en)", "Russian (ru)"]
    page.screenshot(path=SCREENSHOTS / "filters-1366.png", full_page=True)

    page.set_viewport_size(NARROW)
    page.goto("/readouts/?country=KZ")
    assert not page.locator("#id_country").is_visible()
    assert page.locator("h2.results-count").is_visible()
    page.screenshot(path=SCREENSHOTS / "filters-390-folded.png", full_page=True)
    page.get_by_text("Filter (1 in use)").click()
    assert page.locator("#id_country").is_visible()
    assert page.evaluate(CUT_OFF) == []
    assert sideways(page) <= 0
    page.screenshot(path=SCREENSHOTS / "filters-390-open.png", full_page=True)


def test_without_javascript_the_filters_show_on_a_desktop_and_fold_on_a_phone(browser, live_server, guessed_archive):
    context = browser.new_context(viewport=WIDE, base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    tab.goto("/readouts/")
    assert tab.locator("#id_meeting_date_after").is_visible()
    tab.set_viewport_size(NARROW)
    tab.goto("/readouts/")
    assert not tab.locator("#id_meeting_date_after").is_visible()
    tab.locator("summary", has_text="Filter").click()
    assert tab.locator("#id_meeting_date_after").is_visible()
    context.close()


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1366", "390"])
def test_the_search_hint_keeps_its_tokens_whole(page, guessed_archive, viewport):
    page.set_viewport_size(viewport)
    for url in ("/search/", "/readouts/"):
        page.goto(url)
        if not page.locator("#id_q").is_visible():
            page.locator("summary", has_text="Filter").click()
        for code in page.locator("#id_q_helptext code").all():
            assert code.evaluate(LINES_OF) == 1, f"{url}: {code.inner_text()} breaks"


def test_a_person_page_keeps_undated_whole(page, guessed_archive):
    page.set_viewport_size(WIDE)
    page.goto(guessed_archive.guterres.get_absolute_url())
    undated = page.locator("h3.year", has_text="Undated")
    assert undated.evaluate(LINES_OF) == 1
    page.goto("/readouts/?language=ru")
    assert page.get_by_text("(place guessed)").first.is_visible()


def test_the_search_year_chart_shows_every_year_and_its_counts(page, guessed_archive):
    page.set_viewport_size(WIDE)
    page.goto("/search/?q=wang")
    years = page.locator("#year-chart-caption ~ svg text.year").all_text_contents()
    assert years[0] == "2016" and int(years[-1]) >= 2022
    assert [int(year) for year in years] == list(range(2016, int(years[-1]) + 1))  # empty years too
    counts = page.locator("#year-chart-caption ~ svg text.count").all_text_contents()
    assert counts and all(count.isdigit() for count in counts)
    page.get_by_text("The numbers").click()
    assert page.locator(".chart-years table tbody tr").count() == len(years)
    page.screenshot(path=SCREENSHOTS / "search-years-1366.png", full_page=True)


def test_changed_pages_pass_axe_and_the_nu_checker_at_both_widths(page, guessed_archive, checkers, tmp_path):
    pages = {
        "list": "/readouts/?language=ru",
        "list-bad": "/readouts/?language=%3Cb%3E&meeting_date_after=abc",
        "search": "/search/?q=wang",
        "person": guessed_archive.tokayev.get_absolute_url(),
        "person-undated": guessed_archive.guterres.get_absolute_url(),
        "readout-guessed": guessed_archive.guessed.get_absolute_url(),
    }
    violations, html_files = {}, []
    for name, url in pages.items():
        for label, viewport in (("1366", WIDE), ("390", NARROW)):
            page.set_viewport_size(viewport)
            response = page.goto(url)
            if label == "1366":
                html_file = tmp_path / f"{name}.html"
                html_file.write_bytes(response.body())
                html_files.append(html_file)
            found = run_axe(page, checkers)
            if found:
                violations[f"{name} ({label})"] = found
            assert sideways(page) <= 0, f"{name} scrolls sideways at {label} px"
            page.screenshot(path=SCREENSHOTS / f"forms-{name}-{label}.png", full_page=True)
    assert violations == {}
    assert nu_errors(checkers, html_files) == []
    assert page.console_errors == []


GUESSES = """Lavrov and Wang Yi hold talks

ASTANA, June 7 (Agency) -- Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister Wang Yi
on Tuesday.

Wang Yi said China is ready to deepen cooperation with Russia, and that the two countries share a long border and
a long history of trade, which both sides wish to see grow in the years to come.

He also said the two countries should coordinate at the United Nations.
"""


def open_import_review(page, live_server, viewport):
    get_user_model().objects.filter(username="reviewer").exists() or get_user_model().objects.create_superuser(
        "reviewer", "reviewer@example.org", "a-long-test-password"
    )
    page.set_viewport_size(viewport)
    page.goto("/admin/login/?next=/admin/readouts/readout/import/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/readouts/readout/import/")
    page.fill("#id_text", GUESSES)
    page.fill("#id_published_date", "2022-06-07")
    # The first parse loads the parser's tables and libraries: more than the default 10 s on a busy machine.
    page.get_by_role("button", name="Parse for review").click(no_wait_after=True)
    page.wait_for_selector(".import-paragraphs", timeout=120_000)


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1366", "390"])
def test_the_import_review_sets_each_paragraph_beside_its_original_and_marks_the_guesses(
    page, live_server, guessed_archive, checkers, tmp_path, viewport
):
    open_import_review(page, live_server, viewport)
    label = str(viewport["width"])
    page.screenshot(path=SCREENSHOTS / f"import-review-{label}.png", full_page=True)
    assert sideways(page) <= 0

    original = page.locator(".import-original-paragraph").nth(1)
    text = page.locator("#id_paragraphs-1-text")
    assert original.inner_text().startswith("Wang Yi said China is ready")
    size = original.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    family = original.evaluate("e => getComputedStyle(e).fontFamily")
    assert size >= 15 and "mono" not in family.lower()
    beside, below = original.bounding_box(), text.bounding_box()
    if viewport == WIDE:
        assert beside["x"] + beside["width"] <= below["x"] and abs(beside["y"] - below["y"]) < 60  # side by side
        assert beside["width"] >= 400
    else:
        assert beside["y"] + beside["height"] <= below["y"]  # above it
        assert beside["width"] >= 300

    speaker = page.locator("#id_paragraphs-2-speaker")
    assert speaker.locator("option").all_inner_texts() == ["Nobody (joint or narrative)", "Sergey Lavrov", "Wang Yi"]
    assert speaker.input_value() == "Wang Yi"
    guesses = page.locator(".import-note").all_inner_texts()
    assert any("where the text was filed" in note for note in guesses)
    assert any("does not name its speaker" in note for note in guesses)
    assert any("Named once in the text" in note for note in guesses)

    assert run_axe(page, checkers, within="#content") == []
    html_file = tmp_path / f"import-review-{label}.html"
    html_file.write_text(page.content())
    assert nu_errors(checkers, [html_file]) == []

    speaker.select_option("Sergey Lavrov")
    page.get_by_role("button", name="Save readout").click(no_wait_after=True)
    page.wait_for_url(re.compile(r"/admin/readouts/readout/\d+/change/"), timeout=120_000)
    saved = Statement.objects.get(readout__title="Lavrov and Wang Yi hold talks", position=3)
    assert (saved.speaker.name, saved.speaker_guessed) == ("Sergey Lavrov", False)
