"""sqlmap against the search, the list's filters and the API: no parameter may be injectable.

`make sqlmap` builds the small fuzz archive (`archive_fuzz`, as `make fuzz` does) and collects the static files;
then this script serves it with gunicorn and the production settings (DEBUG=0) on 127.0.0.1 only, runs sqlmap
(PyPI package, pinned in requirements-dev.txt) in batch mode against each URL below, all at once, each bounded by
--timeout, parses sqlmap's output and prints a verdict per URL and parameter, stops gunicorn, and exits non-zero
when sqlmap found any injection (or a run did not finish).

    .venv/bin/python bench/sqlmap_check.py [--level 2] [--risk 1] [--technique BEUS] [--timeout 900]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from loadtest import free_port, server_environment, start_gunicorn, stop_gunicorn, wait_until_serving  # noqa: E402

# (URL, the parameters sqlmap tests in it)
TARGETS = [
    ("/search/?q=x&speaker=&country=&kind=&sort=relevance", ["q", "speaker", "country", "kind", "sort"]),
    (
        "/readouts/?participant=x&country=KZ&location=x&publisher=x&language=en&meeting_date_after=2020-01-01",
        ["participant", "country", "location", "publisher", "language", "meeting_date_after"],
    ),
    ("/api/readouts/?country=KZ&q=x&page=1", ["country", "q", "page"]),
]

FOUND = re.compile(r"parameter '([^']+)' (?:is|appears to be) '?.*?injectable", re.IGNORECASE)
NOT_FOUND = re.compile(r"parameter '([^']+)' does not seem to be injectable", re.IGNORECASE)
HEURISTIC = re.compile(r"heuristic .*parameter '([^']+)' might be injectable", re.IGNORECASE)
POINT = re.compile(r"^Parameter: (\S+) \(", re.MULTILINE)


def sqlmap_command(url: str, parameters: list[str], options, output_dir: Path) -> list[str]:
    return [
        str(Path(sys.executable).with_name("sqlmap")),
        "-u",
        url,
        "-p",
        ",".join(parameters),
        "--batch",
        f"--level={options.level}",
        f"--risk={options.risk}",
        f"--technique={options.technique}",
        "--flush-session",
        f"--output-dir={output_dir}",
        "--disable-coloring",
        "--threads=4",
    ]


def verdicts(output: str, parameters: list[str]) -> dict[str, str]:
    found = set(FOUND.findall(output)) | set(POINT.findall(output))
    clean, suspected = set(NOT_FOUND.findall(output)), set(HEURISTIC.findall(output))
    result = {}
    for name in parameters:
        if name in found:
            result[name] = "INJECTABLE"
        elif name in clean:
            result[name] = "not injectable" + (" (heuristic hint only)" if name in suspected else "")
        else:
            result[name] = "not tested (see the log)"
    if "all tested parameters do not appear to be injectable" in output:
        result = {name: "not injectable" if v.startswith("not tested") else v for name, v in result.items()}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--level", type=int, default=2)
    parser.add_argument("--risk", type=int, default=1)
    parser.add_argument("--technique", default="BEUS", help="sqlmap's techniques (T, time-based, is slow)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds for each sqlmap run")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    options = parser.parse_args(argv)

    os.environ.setdefault("EMBEDDED_DATABASE_NAME", "archive_fuzz")
    env = server_environment()
    if not (REPO / "staticfiles" / "staticfiles.json").exists():
        manage = [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"]
        subprocess.run(manage, cwd=REPO, env=env, check=True)
    port = free_port()
    failed = False
    with tempfile.TemporaryDirectory(prefix="readout-sqlmap-") as work:
        work = Path(work)
        server = start_gunicorn(port, options.workers, env, work)
        try:
            wait_until_serving(port, server)
            print(
                f"gunicorn on http://127.0.0.1:{port}/ ({env['EMBEDDED_DATABASE_NAME']}); sqlmap {options.technique}"
                f" level {options.level} risk {options.risk}, at most {options.timeout:.0f} s a run ...",
                flush=True,
            )
            runs = []
            for number, (path, parameters) in enumerate(TARGETS):
                url = f"http://127.0.0.1:{port}{path}"
                log = (work / f"sqlmap-{number}.log").open("w")
                command = sqlmap_command(url, parameters, options, work / f"out-{number}")
                process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
                runs.append((path, parameters, process, log, time.monotonic()))
            finished_at = {}
            while len(finished_at) < len(runs):
                for path, _, process, _, started in runs:
                    if path in finished_at:
                        continue
                    if process.poll() is not None:
                        finished_at[path] = time.monotonic()
                    elif time.monotonic() - started > options.timeout:
                        process.kill()
                        process.wait()
                        finished_at[path] = None
                time.sleep(0.5)
            for path, parameters, process, log, started in runs:
                finished = finished_at[path] is not None
                elapsed = (finished_at[path] or time.monotonic()) - started
                log.close()
                output = Path(log.name).read_text(errors="replace")
                print(
                    f"\n{path}\n  sqlmap {'exit ' + str(process.returncode) if finished else 'TIMED OUT'}"
                    f" after {elapsed:.0f} s"
                )
                for name, verdict in verdicts(output, parameters).items():
                    print(f"  {name:20} {verdict}")
                    failed |= verdict == "INJECTABLE"
                failed |= not finished
                if not finished or "INJECTABLE" in verdicts(output, parameters).values():
                    print("  --- sqlmap's output, the end ---\n" + "\n".join(output.splitlines()[-40:]))
        finally:
            stop_gunicorn(server)
        errors = (work / "error.log").read_text(errors="replace")
    tracebacks = errors.count("Traceback")
    print(f"\ngunicorn logged {tracebacks} tracebacks" + (":\n" + errors[-3000:] if tracebacks else ""))
    print("FOUND an injection or a run did not finish" if failed else "no injection found")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
