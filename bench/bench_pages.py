"""Server time per page type on the current database: p50 and p95 over repeated requests through Django's test
client, with the number of SQL queries each page ran. Prints figures; asserts nothing.

    .venv/bin/python bench/bench_pages.py [--requests 50] [--seed 1] [--only trends]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pages_scratch .venv/bin/python bench/bench_pages.py

Each request goes to a different, randomly chosen (but seeded) readout, person or country, so the figures are
not one warm row's. The target is a p95 under 50 ms for the list, readout, person and country pages on an
archive of 100,000 readouts (`manage.py generate_demo --readouts 100000`). generate_demo ends with VACUUM ANALYZE
and refreshes the counts kept after imports (CountryPair and its meetings by year, PersonPair, PersonMeetings); a
database filled otherwise wants both (`VACUUM ANALYZE`, `readouts.models.refresh_meeting_counts()`), or counts
read rows instead of indexes, the country and person pages show no counterparts and the people list no meetings.
A database made before migrations 0031-0033 needs `manage.py migrate` first.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from archive.warmup import load_and_freeze  # noqa: E402
from readouts.models import Country, Person, Readout  # noqa: E402

# Words of the demo texts from common to rare, a phrase and a name.
TREND_WORDS = ["cooperation", "progress", "security", "trade", "snow", "%22two+sides%22", "energy", "Tokayev"]


def sample_urls(rng, count):
    """Per page type, `count` addresses to request, drawn from the database with the seeded generator."""
    readout_ids = list(Readout.objects.order_by("pk").values_list("pk", flat=True))
    readouts = list(Readout.objects.filter(pk__in=rng.sample(readout_ids, min(count, len(readout_ids)))))
    person_ids = list(Person.objects.filter(participations__isnull=False).distinct().values_list("pk", flat=True))
    people = list(Person.objects.filter(pk__in=rng.sample(sorted(person_ids), min(count, len(person_ids)))))
    countries = list(Country.objects.represented())
    if not (readouts and people and countries):
        sys.exit("The database has no readouts: fill it first (manage.py generate_demo --readouts N).")
    big = Readout.objects.count() // 20 + 1

    def pick(items):
        return rng.choice(items)

    def country_pair():
        first, second = rng.sample(countries, 2) if len(countries) > 1 else (countries[0], countries[0])
        return f"/readouts/?country={first.code}&counterpart={second.code}"

    makers = {
        "home": lambda: "/",
        "list": lambda: "/readouts/",
        "list, page 2-50": lambda: f"/readouts/?page={rng.randint(2, 50)}",
        "list, deep page": lambda: f"/readouts/?page={rng.randint(big // 2, big)}&sort=oldest",
        "list, country": lambda: f"/readouts/?country={pick(countries).code}",
        "list, country pair": country_pair,
        "list, participant": lambda: f"/readouts/?participant={pick(people).slug}",
        "list, dates+publisher": lambda: (
            "/readouts/?meeting_date_after=2015-01-01&meeting_date_before=2018-12-31"
            f"&publisher={rng.choice(['ministry', 'press', 'news', 'office'])}"
        ),
        # Readouts with a matching paragraph: common, medium and rare words of the demo texts, and a phrase.
        "list, words": lambda: f"/readouts/?q={rng.choice(['cooperation', 'progress', 'snow', '%22two+sides%22'])}",
        "readout": lambda: pick(readouts).get_absolute_url(),
        "person": lambda: pick(people).get_absolute_url(),
        "person list": lambda: f"/people/?page={rng.randint(1, 5)}",
        "country": lambda: pick(countries).get_absolute_url(),
        "country list": lambda: "/countries/",
        # The pictures of issue #16: trends of five and of one split query (common, medium and rare words, a
        # phrase and a name), the pair page's timeline, networks within a range of years.
        "trends, five queries": lambda: "/trends/?" + "&".join(f"q={word}" for word in rng.sample(TREND_WORDS, 5)),
        "trends, split by country": lambda: f"/trends/?q={rng.choice(TREND_WORDS)}&split=country&per=month",
        "trends, filtered": lambda: f"/trends/?q={rng.choice(TREND_WORDS)}&q=progress&country={pick(countries).code}",
        "trends CSV": lambda: f"/trends/data.csv?q={rng.choice(TREND_WORDS)}&q=snow",
        "pair timeline": country_pair,
        "person, network years": lambda: f"{pick(people).get_absolute_url()}?from={rng.randint(2000, 2015)}&to=2020",
        "country, network years": lambda: f"{pick(countries).get_absolute_url()}?from={rng.randint(2000, 2020)}",
    }
    return {name: [make() for _ in range(count)] for name, make in makers.items()}


def measure(client, urls):
    """Milliseconds per request, and the largest number of queries one request ran."""
    timings, most_queries = [], 0
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        most_queries = max(most_queries, len(queries))
    return timings, most_queries


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page type (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="seed for choosing the pages (default 1)")
    parser.add_argument("--only", default="", help="only the page types whose names contain this text")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    client = Client()
    load_and_freeze()  # as archive/wsgi.py does when a server starts
    settings_db = connection.settings_dict
    print(
        f"database {settings_db['NAME']} at {settings_db['HOST']}: {Readout.objects.count():,} readouts, "
        f"{Person.objects.count():,} people; {args.requests} requests per page type"
    )
    print(f"{'page':<24}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'queries':>9}")
    for name, urls in sample_urls(rng, args.requests).items():
        if args.only not in name:
            continue
        client.get(urls[0])  # warm the templates and the connection
        timings, queries = measure(client, urls)
        print(
            f"{name:<24}{statistics.median(timings):>9.1f}{percentile(timings, 0.95):>9.1f}"
            f"{max(timings):>9.1f}{queries:>9}"
        )


if __name__ == "__main__":
    main()
