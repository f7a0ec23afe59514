"""Lighthouse scores of the main pages, served as in production: prints the four category scores per page.

    .venv/bin/python bench/lighthouse.py [--preset mobile|desktop] [--port 8765]     (or: make lighthouse)

It collects the static files, starts gunicorn with DEBUG off on 127.0.0.1, runs Lighthouse (node_modules, from
`npm ci`) with Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default) on the home page, the readout list,
one readout, one person, their country, the people and country lists, a search, a trend, the meetings list, the
meeting with the most accounts, the most frequent country pair and the help page of the current database (or those
named by --only), then stops the server. The search page is kept from crawlers by robots.txt on purpose, so the
audit of that is skipped there. A check to run, not a test: it exits non-zero when a score is under 100, so scripts
can tell.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --disable-gpu --disable-background-networking --disable-component-update "
CHROME_FLAGS += "--disable-sync --no-first-run" + (" --no-sandbox" if os.geteuid() == 0 else "")
# Pages that templates/robots.txt keeps from crawlers on purpose (search answers any query string): Lighthouse's
# "is-crawlable" audit fails them by design, so it is left out for them.
NOT_FOR_CRAWLERS = {"search"}


def sample_paths():
    """The home page, the list, the newest readout and its first participant's page, from the current database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.urls import reverse

    from readouts.models import CountryPair, Meeting, Readout

    readout = Readout.objects.newest_first().filter(participations__isnull=False).first()
    if readout is None:
        sys.exit("The database has no readouts with participants: run `make demo` first.")
    person = readout.participations.select_related("person__country").first().person
    paths = {
        "home": "/",
        "list": "/readouts/",
        "readout": readout.get_absolute_url(),
        "person": person.get_absolute_url(),
        "people": reverse("readouts:person_list"),
        "countries": reverse("readouts:country_list"),
        "search": f"/search/?q=cooperation+{person.name.split()[-1]}",
        "trends": reverse("readouts:trends") + "?q=cooperation&q=security",
        "meetings": reverse("readouts:meeting_list"),
        "help": reverse("readouts:help"),
    }
    if person.country:
        paths["country"] = person.country.get_absolute_url()
    # The meeting with the most accounts: the comparison at its fullest.
    meeting = Meeting.objects.order_by("-accounts", "id").first()
    if meeting is not None:
        paths["meeting"] = meeting.get_absolute_url()
    pair = CountryPair.objects.select_related("country", "counterpart").order_by("-meetings").first()
    if pair is not None:
        paths["pair"] = (
            f"{reverse('readouts:readout_list')}?country={pair.country.code}&counterpart={pair.counterpart.code}"
        )
    return paths


def serve(port):
    """gunicorn with DEBUG off and the manifest static storage, as the Dockerfile runs the site."""
    # Plain HTTP on loopback: no redirect to HTTPS (production runs behind TLS).
    env = dict(
        os.environ,
        DEBUG="0",
        SECRET_KEY="lighthouse-run-only",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
    )
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run([python, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [
            python,
            "-m",
            "gunicorn",
            "archive.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit(f"The server did not answer on port {port}.")


def audit(url, preset, skip=()):
    # A file, not stdout: node can exit before a large report has gone through the pipe (seen cut at 64 KiB).
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        result = run_lighthouse(url, preset, report_path, skip)
        if not report_path.exists():
            raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
        report = json.loads(report_path.read_text())
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    # A category Lighthouse could not score (no contentful paint seen in time, on a busy machine) scores 0 here;
    # the reason is printed with the failures.
    unscored = [
        f"{name}: not scored ({(report.get('runtimeError') or {}).get('message', 'no reason given')})"
        for name in CATEGORIES
        if report["categories"][name]["score"] is None
    ]
    failing = unscored + [
        f"{audit_id}: {item['title']}"
        for audit_id, item in report["audits"].items()
        if item.get("score") is not None and item["score"] < 1 and item.get("scoreDisplayMode") == "binary"
    ]
    return scores, failing


def run_lighthouse(url, preset, report_path, skip=()):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    if skip:
        command.append(f"--skip-audits={','.join(skip)}")
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=["mobile", "desktop"], default="mobile")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--only", nargs="*", help="the pages to audit, by name (home, list, readout, ...)")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci --ignore-scripts` (or `make browsers`).")

    paths = sample_paths()
    if args.only:
        paths = {name: path for name, path in paths.items() if name in args.only}
    server = serve(args.port)
    perfect = True
    try:
        print(f"Lighthouse, {args.preset}: " + " / ".join(CATEGORIES))
        for name, path in paths.items():
            skip = ["is-crawlable"] if name in NOT_FOR_CRAWLERS else []
            scores, failing = audit(f"http://127.0.0.1:{args.port}{path}", args.preset, skip)
            perfect &= all(score == 100 for score in scores.values())
            print(f"{name:<8} {' '.join(f'{scores[c]:>4}' for c in CATEGORIES)}   {path}")
            for line in failing:
                print(f"         failed: {line}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    sys.exit(0 if perfect else 1)


if __name__ == "__main__":
    main()
