"""A real browser for the tests in this folder: Debian's Chromium driven by Playwright, never a downloaded one.

Where Chromium, Playwright, npm or Java is missing the browser tests are skipped with the reason, except under
CI (CI=true), where a missing tool is a failure. `make test` installs Chromium first when it can (root with
apt-get) and `npm ci` brings axe-core and the Nu HTML checker into node_modules/.
"""

import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from readouts.countries import load_countries
from readouts.derived import refresh_derived
from readouts.models import Country
from tests.conftest import NARRATIVE, build_small_archive
from tests.factories import make_readout

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def unavailable(reason):
    if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason} (CI needs the browser tests to run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed: `make setup` installs requirements-dev.txt")
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM}: `make test` installs it as root (apt-get install chromium)")
    # Playwright's sync API keeps an event loop running in this thread, which makes Django refuse ORM calls
    # from the test; they are ordinary synchronous calls, so the guard is lifted while the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    args = CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def checkers():
    """Paths of axe-core and the Nu HTML checker, installed with `npm ci` when node_modules/ lacks them."""
    if not (AXE.exists() and VNU.exists()):
        if not shutil.which("npm"):
            unavailable("npm is missing, so axe-core and vnu-jar cannot be installed (npm ci)")
        # --ignore-scripts: vnu-jar's install script would fetch a Java runtime; the machine's Java runs vnu.jar.
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=ROOT, check=True)
    if not shutil.which("java"):
        unavailable("Java is missing, so the Nu HTML checker (vnu.jar) cannot run")
    return SimpleNamespace(axe=AXE, vnu=VNU)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors = []
    tab.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.console_errors = errors
    yield tab
    context.close()


@pytest.fixture
def browsing_archive(transactional_db):
    """The small archive of tests/conftest.py and enough older readouts that the list has two pages."""
    if not Country.objects.exists():
        # A live server needs committed rows, so these tests are transactional, and each ends by emptying every
        # table, countries included. (pytest-django runs them after the tests that roll back.)
        load_countries(Country)
    archive = build_small_archive()
    for number in range(20):
        make_readout(
            title=f"Wang Yi and Tokayev, consultation {number + 1}",
            slug=f"consultation-{number + 1}",
            meeting_date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number * 17),
            publisher="Akorda",
            location="Almaty",
            participants=[(archive.tokayev, "President"), (archive.wang, "Foreign Minister")],
            paragraphs=[(f"Consultation number {number + 1} took place.", None, NARRATIVE)],
        )
    # As after an import: the counterpart counts (and so the person and country pages' bar charts) are filled.
    refresh_derived()
    return archive


def run_axe(page, checkers, within=None):
    """axe-core's violations on the page (or within the element a CSS selector names: the part of a Django admin
    page that this project draws), one line each. Run through the DevTools protocol, which the page's
    Content-Security-Policy does not govern: an added inline <script> (add_script_tag) would be refused, as the
    policy intends. Lighthouse's accessibility score also counts axe's experimental rule that a link's name holds
    the words it shows, so it is on here too."""
    page.evaluate(checkers.axe.read_text())
    return page.evaluate(
        """async (within) => (await axe.run(within ? document.querySelector(within) : document, {
            resultTypes: ['violations'], rules: {'label-content-name-mismatch': {enabled: true}},
        })).violations.map(v =>
            `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""",
        within,
    )


def nu_errors(checkers, html_files):
    """The Nu HTML checker's errors in the saved pages, as "file:line: message"."""
    result = subprocess.run(
        ["java", "-jar", str(checkers.vnu), "--format", "json", "--stdout", *map(str, html_files)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"
    ]


def audit_pages(page, checkers, tmp_path, pages, phone_overflow=False):
    """Each page in light and dark on a desktop and light on a phone: axe-core's violations and the Nu checker's
    errors (on the light desktop page), a screenshot of each into screenshots/; with ``phone_overflow``, a phone page
    wider than its screen counts as a violation. Returns (violations by page and view, Nu errors)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    violations, html_files = {}, []
    for name, url in pages.items():
        for scheme, viewport in (("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE)):
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size(viewport)
            response = page.goto(url)
            if viewport is DESKTOP and scheme == "light":
                html_file = tmp_path / f"{name}.html"
                html_file.write_bytes(response.body())
                html_files.append(html_file)
            found = run_axe(page, checkers)
            if found:
                violations[f"{name} ({scheme}, {viewport['width']} px)"] = found
            if phone_overflow and viewport is PHONE:
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                if overflow > 0:
                    violations[f"{name} (phone)"] = [f"{overflow} px wider than the screen"]
            suffix = "phone" if viewport is PHONE else f"{scheme}-desktop"
            page.screenshot(path=SCREENSHOTS / f"{name}-{suffix}.png", full_page=True)
    return violations, nu_errors(checkers, html_files)
