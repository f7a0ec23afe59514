"""REDIS_URL: every worker process shares one cache, so that an import renews the pages' counts for all of them.

Runs against the Redis server at 127.0.0.1:6379 (TEST_REDIS_URL to name another); skipped where none answers,
failing under CI=true. Two processes stand for two gunicorn workers."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
ROOT = Path(__file__).resolve().parents[1]


def require_redis() -> str:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        reason = f"no Redis server at {REDIS_URL} ({error})"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return REDIS_URL


def in_worker(code: str, prefix: str) -> str:
    """What ``code`` prints in a process of its own started with REDIS_URL, as a worker of the site would be."""
    env = {
        **os.environ,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
    }
    setup = "import django; django.setup(); from readouts import counts_cache; "
    done = subprocess.run(
        [sys.executable, "-c", setup + code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_generation_renewed_by_one_worker_is_the_one_the_others_count_by():
    require_redis()
    prefix = f"test-{uuid.uuid4().hex}"  # this run's keys only
    first = in_worker("print(counts_cache.generation())", prefix)
    assert in_worker("print(counts_cache.generation())", prefix) == first
    in_worker("counts_cache.renew(); print('renewed')", prefix)
    assert in_worker("print(counts_cache.generation())", prefix) not in ("", first)
