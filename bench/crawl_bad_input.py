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
import logging
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

from mutations import Targets, send, site_requests  # noqa: E402

SLOW_SECONDS = 2.0
SLOW_BY_DESIGN = {"admin-login-post"}


def production_environment() -> None:
    os.environ.setdefault("EMBEDDED_DATABASE_NAME", "archive_fuzz")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
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
    by_kind, statuses, times = defaultdict(Counter), Counter(), defaultdict(list)
    for probe, status, seconds in results:
        by_kind[probe.kind][status] += 1
        statuses[status] += 1
        times[probe.kind].append(seconds)
    print(f"{len(results):,} requests in {elapsed:.1f} s")
    print(f"{'page type':22} {'requests':>8} {'p50 ms':>7} {'max ms':>7}  statuses")
    for kind in sorted(by_kind):
        counts, spent = by_kind[kind], sorted(times[kind])
        median, most = spent[len(spent) // 2] * 1000, spent[-1] * 1000
        print(f"{kind:22} {sum(counts.values()):>8} {median:>7.0f} {most:>7.0f}  {dict(sorted(counts.items()))}")
    print(f"statuses: {dict(sorted(statuses.items()))}")
    # The admin's login hashes every password it is given on purpose (slowly): left out of the ranking.
    ranked = [result for result in results if result[0].kind not in SLOW_BY_DESIGN]
    ranked = sorted(ranked, key=lambda result: result[2], reverse=True)[:slowest]
    print(f"slowest {len(ranked)} (without {', '.join(sorted(SLOW_BY_DESIGN))}):")
    for probe, status, seconds in ranked:
        print(f"  {seconds * 1000:>7.0f} ms {status} {probe.method} {shorten(probe.url, 120)}")
    slow = [result for result in results if result[2] > SLOW_SECONDS and result[0].kind not in SLOW_BY_DESIGN]
    print(f"over {SLOW_SECONDS:.0f} s: {len(slow)}")
    print(f"5xx: {len(failures)}")
    for probe, status, problem in failures:
        data = {name: shorten(value, 40) for name, value in (probe.data or {}).items()}
        print(f"  {status} {probe.method} {shorten(probe.url)} {data or ''}")
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
    # Every 5xx is reported below with its traceback; the log would add a line for each of the many 4xx.
    logging.disable(logging.ERROR)

    probes = list(site_requests(archive_targets(), random.Random(options.seed), options.sample))
    print(f"{len(probes):,} probes (seed {options.seed}, DEBUG={settings.DEBUG}) ...", flush=True)
    started = time.monotonic()
    results, failures = crawl(probes)
    report(results, failures, time.monotonic() - started, options.slowest)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
