"""LOG_FORMAT=json: one JSON object per line."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from archive.logging import JSONFormatter

REPO = Path(__file__).resolve().parent.parent


def record(name="archive", message="hello %s", args=("world",), **extra):
    entry = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)
    entry.__dict__.update(extra)
    return entry


def test_a_record_becomes_one_line_of_json():
    line = JSONFormatter().format(record(status_code=503))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "hello world" and entry["level"] == "WARNING" and entry["logger"] == "archive"
    assert entry["status"] == 503 and entry["time"].endswith("+00:00")


def test_exceptions_stay_on_the_line():
    try:
        raise ValueError("broken")
    except ValueError:
        entry = logging.LogRecord("archive", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    parsed = json.loads(JSONFormatter().format(entry))
    assert "ValueError: broken" in parsed["exception"]


def test_gunicorn_access_atoms_become_fields():
    atoms = {"h": "10.0.0.1", "m": "GET", "U": "/readouts/", "q": "page=2", "s": "200", "B": "5120", "M": "12"}
    entry = json.loads(JSONFormatter().format(record("gunicorn.access", "%(m)s %(U)s", ({**atoms, "a": "curl"},))))
    assert entry["message"] == "GET /readouts/"
    assert (entry["method"], entry["path"], entry["query"], entry["status"], entry["bytes"], entry["ms"]) == (
        "GET",
        "/readouts/",
        "page=2",
        200,
        5120,
        12,
    )
    assert entry["user_agent"] == "curl"


def test_the_setting_switches_django_logging_to_json():
    code = "import django, logging; django.setup(); logging.getLogger('archive').warning('ready')"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "LOG_FORMAT": "json",
        "DATABASE_URL": "postgres://x@h/d",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stderr.strip().splitlines()[-1])["message"] == "ready"
