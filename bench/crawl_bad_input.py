"""Bad input across the whole site: every page type with mutated query strings, form values and addresses.

`make fuzz` builds a small demo archive in its own embedded database (`archive_fuzz`), collects the static files
and runs this script, which sends the probes of bench/mutations.py through django.test.Client in-process, with the
production settings (DEBUG=0) against that database: home, list, search, readouts (dated and undated), people,
countries, the API (lists, details, schema), the exports (only the first chunk of each streamed download is
read), the feeds, the citation downloads, /healthz and the admin's login page (GET, and POSTs of garbage).

Deterministic (--seed) and bounded (a few thousand requests). Prints requests per page type, status counts, every
5xx with its address and traceback, the slowest requests; exits non-zero when any answer was a 5xx (or raised).

    EMBEDDED_DATABASE_NAME=archive_fuzz .venv/bin/python bench/crawl_bad_input.py [--seed 7] [--sample N]
"""

import argparse
import os
import random
import secrets
import sys
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from mutations import Probe, Targets, site_requests  # noqa: E402

SLOW_SECONDS = 2.0


def production_environment() -> None:
    os.environ.setdefault("EMBEDDED_DATABASE_NAME", "archive_fuzz")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    # The crawl reports each 5xx itself; the log would repeat every 4xx warning.
    os.environ.setdefault("LOG_LEVEL", "CRITICAL")
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"


def archive_targets() -> Targets:
    from readouts.models import Country, Person, Readout

    dated = Readout.objects.exclude(meeting_date=None).order_by("pk").first()
    if dated is None:
        sys.exit("The archive is empty: run `make fuzz`, which builds it first.")
    undated = Readout.objects.filter(meeting_date=None).order_by("pk").first()
    person = Person.objects.filter(participations__isnull=False).order_by("pk").first()
    country = Country.objects.represented().order_by("code").first()
    return Targets(
        dated_readout=dated.get_absolute_url(),
        undated_readout=undated.get_absolute_url() if undated else None,
        readout_pk=dated.pk,
        person_slug=person.slug,
        country_code=country.code,
    )


def send(client, probe: Probe):
    """The response to one probe, with a streamed body read up to its first chunk."""
    if probe.method == "POST":
        response = client.post(probe.url, probe.data or {})
    else:
        response = client.get(probe.url)
    if response.streaming:
        try:
            next(iter(response.streaming_content), b"")
        finally:
            response.close()
    return response


def crawl(probes, client=None):
    """Send every probe; (results, failures): results are (probe, status, seconds); failures are (probe, status,
    traceback text) for each 5xx or exception."""
    from django.test import Client

    client = client or Client(raise_request_exception=False)
    results, failures = [], []
    for probe in probes:
        started = time.perf_counter()
        try:
            response = send(client, probe)
            status = response.status_code
            problem = "".join(traceback.format_exception(*response.exc_info)) if response.exc_info else ""
        except Exception:  # an exception while streaming, or one the client let through
            status, problem = 599, traceback.format_exc()
        results.append((probe, status, time.perf_counter() - started))
        if status >= 500:
            failures.append((probe, status, problem))
    return results, failures


def shorten(url: str, limit: int = 160) -> str:
    return url if len(url) <= limit else f"{url[:limit]}… ({len(url):,} characters)"


def report(results, failures, elapsed: float, slowest: int) -> None:
    by_kind, statuses = defaultdict(Counter), Counter()
    for probe, status, _ in results:
        by_kind[probe.kind][status] += 1
        statuses[status] += 1
    print(f"{len(results):,} requests in {elapsed:.1f} s")
    print(f"{'page type':24} {'requests':>8}  statuses")
    for kind in sorted(by_kind):
        counts = by_kind[kind]
        print(f"{kind:24} {sum(counts.values()):>8}  {dict(sorted(counts.items()))}")
    print(f"statuses: {dict(sorted(statuses.items()))}")
    ranked = sorted(results, key=lambda result: result[2], reverse=True)[:slowest]
    print(f"slowest {len(ranked)}:")
    for probe, status, seconds in ranked:
        print(f"  {seconds * 1000:>7.0f} ms {status} {probe.method} {shorten(probe.url, 120)}")
    slow = [result for result in results if result[2] > SLOW_SECONDS]
    print(f"over {SLOW_SECONDS:.0f} s: {len(slow)}")
    print(f"5xx: {len(failures)}")
    for probe, status, problem in failures:
        print(f"  {status} {probe.method} {shorten(probe.url)} {probe.data or ''}")
        if problem:
            print("    " + problem.strip().replace("\n", "\n    "))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sample", type=int, help="values per parameter (default: every value)")
    parser.add_argument("--slowest", type=int, default=10, help="how many of the slowest requests to show")
    options = parser.parse_args(argv)

    production_environment()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    if not settings.DEBUG and not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    setup_test_environment(debug=settings.DEBUG)

    probes = list(site_requests(archive_targets(), random.Random(options.seed), options.sample))
    print(f"{len(probes):,} probes (seed {options.seed}, DEBUG={settings.DEBUG}) ...", flush=True)
    started = time.monotonic()
    results, failures = crawl(probes)
    report(results, failures, time.monotonic() - started, options.slowest)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
