"""The trends page and the pair page's timeline in Chromium: a trend asked through the form without JavaScript's
help, the chart and its table, the pair timeline; axe-core and the Nu HTML checker in light and dark schemes and
on a phone."""

import pytest

from tests.browser.conftest import PHONE, audit_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_trend_asked_in_the_form_draws_lines_and_its_table(page, browsing_archive):
    page.goto("/trends/")
    page.get_by_label("Query 1").fill("Tokayev")
    page.get_by_label("Query 2").fill("consultation")
    page.get_by_label("Show").select_option("count")
    page.get_by_role("button", name="Show the trend").click()
    page.wait_for_url("**/trends/?q=Tokayev&q=consultation*")
    assert page.locator(".chart-trend polyline").count() == 2
    assert page.locator(".trend-legend li").all_inner_texts() == ["Tokayev", "consultation"]
    row_2019 = page.locator(".trend-table tbody tr", has_text="2019")
    assert row_2019.locator("td").all_inner_texts() == ["0", "20"]
    assert page.get_by_role("link", name="CSV of these numbers").is_visible()
    assert page.get_by_role("heading", name="Who says it most").is_visible()
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    assert page.console_errors == []


def test_the_pair_timeline_links_each_year(page, browsing_archive):
    page.goto("/readouts/?country=KZ&counterpart=CN")
    timeline = page.locator(".pair-timeline")
    assert "Meetings between Kazakhstan and China" in timeline.locator("h3").inner_text()
    timeline.get_by_role("link", name="2019, Heads of state or government: 20 meetings").click()
    page.wait_for_url("**meeting_date_after=2019-01-01*")
    assert page.locator(".results-count").inner_text().startswith("20 readouts")


def test_the_trend_and_pair_pages_pass_axe_and_the_nu_html_checker(page, browsing_archive, checkers, tmp_path):
    pages = {
        "trends": "/trends/?q=Tokayev&q=consultation&q=Wang",
        "trends-split": "/trends/?q=Wang&split=publisher&per=month",
        "trends-empty": "/trends/",
        "pair": "/readouts/?country=KZ&counterpart=CN",
        "person-network-years": "/people/wang-yi/?from=2021&to=2023",
    }
    violations, errors = audit_pages(page, checkers, tmp_path, pages, phone_overflow=True)
    assert violations == {}
    assert errors == []
