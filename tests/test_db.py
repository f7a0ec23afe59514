"""The embedded PostgreSQL: started on demand, shared by concurrent starters, stoppable."""

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest

from archive import db

REPO = Path(__file__).resolve().parent.parent

START_AND_REPORT = """
import sys
from pathlib import Path
from archive.db import start_embedded_server
socket_dir, port = start_embedded_server(Path(sys.argv[1]))
print(socket_dir, port)
"""


def test_database_url_wins_over_the_embedded_server():
    settings = db.database_settings({"DATABASE_URL": "postgres://reader:secret@db.example:6543/archive"})
    assert (settings["HOST"], settings["PORT"], settings["NAME"], settings["USER"]) == (
        "db.example",
        6543,
        "archive",
        "reader",
    )
    assert settings["ENGINE"] == "django.db.backends.postgresql"


def test_two_processes_starting_at_once_share_one_server_which_stops_on_request(tmp_path):
    data_dir = tmp_path / "pg"

    def start():
        return subprocess.run(
            [sys.executable, "-c", START_AND_REPORT, str(data_dir)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )

    try:
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda _: start(), range(2)))
        assert [r.returncode for r in results] == [0, 0], [r.stderr for r in results]
        first, second = (r.stdout.split() for r in results)
        assert first == second
        socket_dir, port = first
        with psycopg.connect(host=socket_dir, port=port, user="postgres", dbname="postgres") as conn:
            version = conn.execute("SHOW server_version_num").fetchone()[0]
            extensions = {row[0] for row in conn.execute("SELECT name FROM pg_available_extensions")}
        assert int(version) >= 180000
        assert {"pg_trgm", "unaccent"} <= extensions
    finally:
        stopped = db.stop_embedded_server(data_dir)
    assert stopped
    assert not (data_dir / "postmaster.pid").exists()
    assert db.stop_embedded_server(data_dir) is False


def test_production_settings_refuse_to_start_without_a_secret_key_and_hosts():
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "", "ALLOWED_HOSTS": "", "DATABASE_URL": "postgres://x@h/d"}
    result = subprocess.run(
        [sys.executable, "-c", "import archive.settings"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "set SECRET_KEY and ALLOWED_HOSTS" in result.stderr


def test_production_settings_start_with_them():
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "archive.example",
        "DATABASE_URL": "postgres://x@h/d",
    }
    code = "import archive.settings as s; print(s.STORAGES['staticfiles']['BACKEND'], s.ALLOWED_HOSTS)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["whitenoise.storage.CompressedManifestStaticFilesStorage", "['archive.example']"]


@pytest.mark.django_db
def test_the_archive_runs_on_postgresql():
    from django.db import connection

    assert connection.vendor == "postgresql"
