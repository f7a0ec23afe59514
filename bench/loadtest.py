"""Load test: the site under gunicorn on loopback, driven by concurrent users browsing, searching and using the API.

`make loadtest` builds the archive first (100,000 demo readouts in their own embedded database, `archive_load`)
and collects the static files; then this script:

1. picks sample URLs from the archive (readouts, people, countries, list pages, search queries, API endpoints);
2. starts gunicorn with the production configuration (gunicorn.conf.py, DEBUG=0) bound to 127.0.0.1 only;
3. sends each kind of request once to warm up, then runs USERS threads for SECONDS, each one request after
   another with no pause (a closed loop: the figure is what the server sustains, not a target rate);
4. stops gunicorn and prints requests per second, latency percentiles overall and per kind, and errors: any
   answer other than 2xx or 3xx counts, 5xx separately, and a request that gets no answer counts as failed.

Only loopback traffic, at most MAX_REQUESTS requests. A figure, not a test: nothing asserts a speed; the exit
status is non-zero when any request failed.

    .venv/bin/python bench/loadtest.py [--users 32] [--seconds 60] [--workers N]
"""

import argparse
import http.client
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAX_REQUESTS = 500_000
SEARCHES = [
    "cooperation",
    "trade",
    "energy security",
    '"mutual benefit"',
    "investment or tourism",
    "cooperation -trade",
    "cooperaton",
    "climate change",
    "digital economy",
    "nuclear",
]


def server_environment() -> dict:
    """What gunicorn and this script's own Django share: production settings on loopback, the load archive."""
    env = dict(os.environ)
    env.setdefault("EMBEDDED_DATABASE_NAME", "archive_load")
    env.update(
        DJANGO_SETTINGS_MODULE="archive.settings",
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: no redirect to HTTPS.
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL=env.get("LOG_LEVEL", "WARNING"),
    )
    return env


def sample_requests(rng: random.Random) -> dict[str, list[str]]:
    """Paths by kind of request, from what the archive holds."""
    import django

    django.setup()
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import reverse

    from readouts.models import Country, Person, Readout

    readout_count = Readout.objects.count()
    if readout_count == 0:
        sys.exit("The archive is empty: run `make loadtest`, which builds it first.")
    last_pk = Readout.objects.order_by("-pk").values_list("pk", flat=True).first()
    picked_pks = sorted({rng.randint(1, last_pk) for _ in range(400)})
    readouts = list(Readout.objects.filter(pk__in=picked_pks).only("pk", "slug", "meeting_date"))
    people = list(Person.objects.order_by("?").values_list("slug", flat=True)[:200])
    countries = list(Country.objects.represented().values_list("code", flat=True))
    list_pages = max(1, min(readout_count // 20, 50))

    def query(path, **params):
        return f"{path}?{urllib.parse.urlencode(params)}" if params else path

    readout_list, search, api_readouts = reverse("readouts:readout_list"), reverse("readouts:search"), "/api/readouts/"
    return {
        "page": [
            reverse("readouts:home"),
            readout_list,
            *(query(readout_list, page=page) for page in range(2, list_pages + 1)),
            *(query(readout_list, country=code) for code in countries[:30]),
            *(readout.get_absolute_url() for readout in readouts),
            reverse("readouts:person_list"),
            *(reverse("readouts:person_detail", args=[slug]) for slug in people),
            reverse("readouts:country_list"),
            *(reverse("readouts:country_detail", args=[code]) for code in countries[:60]),
            staticfiles_storage.url("css/site.css"),
        ],
        "search": [
            *(query(search, q=text) for text in SEARCHES),
            *(query(search, q=text, sort="newest") for text in SEARCHES[:4]),
            *(query(search, q=text, page=2) for text in SEARCHES[:2]),
            *(query(readout_list, q=text) for text in SEARCHES[:3]),
        ],
        "api": [
            "/api/",
            api_readouts,
            *(query(api_readouts, page=page) for page in range(2, list_pages + 1)),
            *(query(api_readouts, country=code) for code in countries[:20]),
            *(f"{api_readouts}{readout.pk}/" for readout in readouts),
            "/api/people/",
            *(f"/api/people/{slug}/" for slug in people),
            "/api/countries/",
            *(f"/api/countries/{code}/" for code in countries[:60]),
        ],
    }


# How often each kind is asked for: mostly browsing, then search and the API.
MIX = {"page": 55, "search": 20, "api": 25}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, workers: int | None, env: dict, log_dir: Path) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("gunicorn"))]
    if (REPO / "gunicorn.conf.py").exists():
        command += ["-c", str(REPO / "gunicorn.conf.py")]
    # Command-line options win over the configuration file: loopback only, logs in files.
    command += ["archive.wsgi", "--bind", f"127.0.0.1:{port}", "--access-logfile", str(log_dir / "access.log")]
    command += ["--error-logfile", str(log_dir / "error.log")]
    if workers:
        command += ["--workers", str(workers)]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_gunicorn(server):
    """Stop gracefully, or kill a server that does not stop within 40 s."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_until_serving(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            status, _ = fetch(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/")
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer in time")


def fetch(connection: http.client.HTTPConnection, path: str) -> tuple[int, int]:
    """GET `path`; the status and the body's length. http.client reconnects when the server closed the connection
    (gunicorn's sync workers close after each response)."""
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body)


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = Counter()
        self.failures = Counter()
        self.count = 0

    def add(self, kind: str, path: str, seconds: float, status: int | None, problem: str = "") -> None:
        with self.lock:
            self.count += 1
            self.latencies[kind].append(seconds)
            self.statuses[status or 0] += 1
            if status is None or not 200 <= status < 400:
                self.failures[(status or problem, path)] += 1


def drive(port: int, paths: dict, users: int, seconds: float, seed: int) -> tuple[Results, float]:
    results = Results()
    kinds, weights = list(MIX), list(MIX.values())
    stop = threading.Event()

    def user(number: int) -> None:
        rng = random.Random(seed + number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while not stop.is_set() and results.count < MAX_REQUESTS:
            kind = rng.choices(kinds, weights)[0]
            path = rng.choice(paths[kind])
            started = time.perf_counter()
            try:
                status, _ = fetch(connection, path)
                results.add(kind, path, time.perf_counter() - started, status)
            except (OSError, http.client.HTTPException) as error:
                results.add(kind, path, time.perf_counter() - started, None, type(error).__name__)
                connection.close()
        connection.close()

    threads = [threading.Thread(target=user, args=(number,), daemon=True) for number in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return results, time.monotonic() - started


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def report(results: Results, elapsed: float, users: int, workers_note: str) -> None:
    print(f"\n{results.count:,} requests in {elapsed:.1f} s from {users} users ({workers_note})")
    print(f"{'':8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    rows = [(kind, sorted(values)) for kind, values in sorted(results.latencies.items())]
    rows.append(("all", sorted(value for values in results.latencies.values() for value in values)))
    for kind, values in rows:
        figures = [percentile(values, fraction) * 1000 for fraction in (0.50, 0.95, 0.99)]
        print(
            f"{kind:8} {len(values):>9,} {len(values) / elapsed:>8.1f} "
            + " ".join(f"{figure:>8.0f}" for figure in figures)
            + f" {max(values, default=0) * 1000:>8.0f}"
        )
    errors = sum(count for status, count in results.statuses.items() if not 200 <= status < 400)
    server_errors = sum(count for status, count in results.statuses.items() if status >= 500)
    unanswered = results.statuses.get(0, 0)
    print(f"statuses: {dict(sorted(results.statuses.items()))}")
    print(f"errors (not 2xx/3xx): {errors}   of which 5xx: {server_errors}   unanswered: {unanswered}")
    for (status, path), count in results.failures.most_common(10):
        print(f"  {count:>6} x {status} {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: gunicorn.conf.py's)")
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args(argv)

    env = server_environment()
    os.environ.update(env)
    sys.path.insert(0, str(REPO))
    paths = sample_requests(random.Random(options.seed))
    print(f"{sum(map(len, paths.values())):,} sample URLs: " + ", ".join(f"{k} {len(v)}" for k, v in paths.items()))

    port = free_port()
    with tempfile.TemporaryDirectory(prefix="readout-loadtest-") as log_dir:
        server = start_gunicorn(port, options.workers, env, Path(log_dir))
        try:
            wait_until_serving(port, server)
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for kind_paths in paths.values():
                for path in kind_paths[:: max(1, len(kind_paths) // 20)]:
                    fetch(warm, path)
            warm.close()
            print(f"gunicorn on http://127.0.0.1:{port}/ (pid {server.pid}); {options.seconds:.0f} s of load ...")
            results, elapsed = drive(port, paths, options.users, options.seconds, options.seed)
        finally:
            stop_gunicorn(server)
        errors_log = (Path(log_dir) / "error.log").read_text(errors="replace")
    workers = options.workers or "workers from gunicorn.conf.py"
    report(results, elapsed, options.users, f"gunicorn, {workers}{' workers' if options.workers else ''}")
    problems = [line for line in errors_log.splitlines() if "Traceback" in line or "ERROR" in line]
    if problems:
        print(f"gunicorn logged {len(problems)} errors, the first: {problems[0]}")
    failed = sum(count for status, count in results.statuses.items() if not 200 <= status < 400)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
