"""Browsing in Chromium: the walk a reader takes, keyboard only, and every page checked by axe-core and the
Nu HTML checker, with screenshots at desktop and phone widths in screenshots/."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, nu_errors, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_list_filter_readout_person_and_back(page, browsing_archive):
    page.goto("/readouts/")
    assert page.locator("h2.results-count").inner_text().startswith("26 readouts")
    page.select_option("#id_country", "KZ")
    page.select_option("#id_counterpart", "CN")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"country=KZ&counterpart=CN"))
    assert page.locator("h2.results-count").inner_text().startswith("24 readouts")
    assert page.get_by_role("link", name=re.compile("Remove the filter Country: Kazakhstan")).is_visible()

    page.get_by_role("link", name="Tokayev meets Wang Yi", exact=True).click()
    page.wait_for_url("**/readouts/2022/06/07/tokayev-meets-wang-yi/")
    assert page.locator("h1").inner_text() == "Tokayev meets Wang Yi"
    page.locator(".participant-list").get_by_role("link", name="Wang Yi").click()
    page.wait_for_url("**/people/wang-yi/")
    assert page.locator("h1").inner_text() == "Wang Yi"

    page.go_back()
    assert page.url.endswith("/readouts/2022/06/07/tokayev-meets-wang-yi/")
    page.go_back()
    assert page.url.endswith("/readouts/?country=KZ&counterpart=CN&sort=newest")
    assert page.locator("#id_country").input_value() == "KZ"

    page.get_by_role("link", name=re.compile("Remove the filter Meeting with: China")).click()
    page.wait_for_url(re.compile(r"/readouts/\?country=KZ&sort=newest$"))
    assert page.locator("h2.results-count").inner_text().startswith("25 readouts")
    assert page.console_errors == []


def test_keyboard_only_skip_link_filter_form_and_a_readout(page, browsing_archive):
    page.goto("/readouts/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_location":
            break
    else:
        pytest.fail("Tab never reached the location field of the filter form")
    page.keyboard.type("beij")
    page.keyboard.press("Enter")
    page.wait_for_url("**/readouts/?*location=beij*")
    assert page.locator("h2.results-count").inner_text().startswith("1 readout")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.readout-item') !== null"):
            break
    else:
        pytest.fail("Tab never reached a readout in the results")
    page.keyboard.press("Enter")
    page.wait_for_url("**/readouts/2023/01/10/tokayev-and-wang-yi-talk-in-beijing/")
    focus_style = page.evaluate("""() => {
        const link = document.querySelector('.participant-list a');
        link.focus();
        return getComputedStyle(link).outlineStyle;
    }""")
    assert focus_style == "solid"


def test_the_paragraph_link_works_and_copies_its_address(page, browsing_archive):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/readouts/2022/06/07/tokayev-meets-wang-yi/")
    page.locator("#p2 a.permalink").click()
    page.wait_for_url("**/tokayev-meets-wang-yi/#p2")
    page.wait_for_function("document.querySelector('.copy-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/readouts/2022/06/07/tokayev-meets-wang-yi/#p2")


def test_the_print_style_keeps_the_readout_and_drops_the_navigation(page, browsing_archive):
    page.goto("/readouts/2022/06/07/tokayev-meets-wang-yi/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator("#p2 .permalink").is_visible()
    assert page.locator("#p2").is_visible()
    assert page.locator(".citation").is_visible()


def test_every_page_passes_axe_and_the_nu_html_checker(page, browsing_archive, checkers, tmp_path):
    archive = browsing_archive
    pages = {
        "home": "/",
        "list": "/readouts/",
        "list-filtered": "/readouts/?country=KZ&counterpart=CN&meeting_date_after=2022-01-01&sort=oldest",
        "list-invalid": "/readouts/?meeting_date_after=abc&participant=nobody&page=999",
        "list-empty": "/readouts/?country=FR",
        "readout": archive.main.get_absolute_url(),
        "readout-undated": archive.undated.get_absolute_url(),
        "people": "/people/",
        "person": archive.wang.get_absolute_url(),
        "countries": "/countries/",
        "country": "/countries/kz/",
        "not-found": "/people/nobody/",
        "search-help": "/search/",
        "search": "/search/?q=neighbours+or+cooperation&country=KZ",
        "search-speaker": "/search/?q=said&speaker=wang-yi&kind=statement&sort=newest",
        "search-none": "/search/?q=coopration",
        "search-bad": "/search/?q=%22&speaker=nobody&meeting_date_after=abc",
        "help": "/help/",
        "api-docs": "/api/docs/",
    }
    SCREENSHOTS.mkdir(exist_ok=True)
    violations, html_files = {}, []
    for name, url in pages.items():
        page.console_errors.clear()
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size(DESKTOP)
            response = page.goto(url)
            if scheme == "light":
                html_file = tmp_path / f"{name}.html"
                html_file.write_bytes(response.body())
                html_files.append(html_file)
            found = run_axe(page, checkers)
            if found:
                violations[f"{name} ({scheme})"] = found
            page.screenshot(path=SCREENSHOTS / f"{name}-{scheme}-desktop.png", full_page=True)
            if scheme == "light":
                page.set_viewport_size(PHONE)
                page.goto(url)
                found = run_axe(page, checkers)
                if found:
                    violations[f"{name} (phone)"] = found
                page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, f"{name} scrolls sideways on a 360 px phone by {overflow} px"
        if name != "not-found":  # whose 404 status the console reports
            assert page.console_errors == [], name
    assert violations == {}

    assert nu_errors(checkers, html_files) == []


def test_said_by_suggests_names_as_one_types(page, browsing_archive):
    page.goto("/search/")
    page.fill("#id_q", "said")
    page.locator("#id_speaker").press_sequentially("Wan", delay=50)
    options = page.locator("#person-names option")
    options.first.wait_for(state="attached")
    assert options.first.get_attribute("value") == "Wang Yi"
    page.fill("#id_speaker", "Wang Yi")
    page.get_by_role("main").get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"speaker=Wang\+Yi"))
    assert "No person" not in page.content()
