"""/healthz, and the gunicorn configuration that serves it in the container."""

import json
import os
import runpy
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client, override_settings

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A port that nothing listens on (bound and released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict) -> str:
    """A DATABASE_URL for the test database; a socket folder as host is percent-encoded."""
    host = urllib.parse.quote(settings_dict["HOST"] or "localhost", safe="")
    user = urllib.parse.quote(settings_dict["USER"] or "", safe="")
    password = settings_dict["PASSWORD"] or ""
    credentials = f"{user}:{urllib.parse.quote(password, safe='')}" if password else user
    return f"postgres://{credentials}@{host}:{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"


@pytest.mark.django_db
def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["archive.example"])
def test_healthz_answers_the_containers_probe_whatever_the_host_and_scheme():
    client = Client()
    assert client.get("/countries/", HTTP_HOST="archive.example").status_code == 301
    assert client.get("/countries/", HTTP_HOST="127.0.0.1:8000", secure=True).status_code == 400
    assert client.get("/healthz", HTTP_HOST="127.0.0.1:8000").status_code == 200


PROBE = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_healthz_answers_503_when_the_database_does_not():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/archive",
        "DEBUG": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "unavailable"}
    assert "health check failed: OperationalError" in result.stderr  # the reason goes to the log only


def gunicorn_settings(**env):
    saved = dict(os.environ)
    os.environ.update(env)
    for name in {"WEB_CONCURRENCY", "LOG_FORMAT"} - set(env):
        os.environ.pop(name, None)
    try:
        return runpy.run_path(str(REPO / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_gunicorn_workers_follow_the_cores_unless_web_concurrency_says():
    cores = len(os.sched_getaffinity(0))
    default = gunicorn_settings()
    assert default["workers"] == min(2 * cores + 1, 12)
    assert default["preload_app"] is True
    assert default["accesslog"] == "-" and default["timeout"] == 30
    assert "logconfig_dict" not in default
    assert gunicorn_settings(WEB_CONCURRENCY="5")["workers"] == 5
    assert gunicorn_settings(LOG_FORMAT="json")["logconfig_dict"]["formatters"]["json"]


@pytest.mark.django_db
def test_gunicorn_serves_healthz_with_json_access_logs():
    """The container's command: production settings, the HTTPS redirect on, a public host name; the probe on
    http://127.0.0.1 still gets its 200, and the access log is JSON lines on stdout."""
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "archive.example",
        "DATABASE_URL": database_url(connection.settings_dict),
        "LOG_FORMAT": "json",
        "WEB_CONCURRENCY": "1",
        "PORT": str(port),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "archive.wsgi"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=3) as response:
                    assert response.status == 200
                    assert json.load(response) == {"status": "ok", "database": "ok"}
                break
            except (ConnectionError, urllib.error.URLError):
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGTERM)
        stdout, stderr = server.communicate(timeout=30)
    lines = [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert access and access[-1]["path"] == "/healthz" and access[-1]["status"] == 200
    assert access[-1]["method"] == "GET" and isinstance(access[-1]["ms"], int)
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)
