"""Gunicorn settings for the web container (docker-compose.yml): `gunicorn -c gunicorn.conf.py archive.wsgi`.

Environment: WEB_CONCURRENCY (workers), PORT, GUNICORN_TIMEOUT, LOG_FORMAT=json (JSON lines, archive/logging.py),
LOG_LEVEL. Gunicorn reads FORWARDED_ALLOW_IPS itself.
"""

import os


def default_workers(cap: int = 12) -> int:
    """2 x cores + 1, the usual figure for synchronous workers, counting only the cores this process may use."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    return min(2 * cores + 1, cap)


bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or default_workers())
# Pages and exports are streamed or quick; a worker silent this long is stuck and gets replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or 30)
graceful_timeout = 30
keepalive = 5
# Load Django once in the master so workers fork ready (less memory, errors at start rather than per worker).
preload_app = True
# Recycle workers now and then so that a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
# The workers' heartbeat files on tmpfs: a container's overlay filesystem can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'

if os.environ.get("LOG_FORMAT", "").strip().lower() == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "archive.logging.JSONFormatter"}},
        "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"}},
        # Gunicorn merges this over its own defaults, whose root logger names a handler replaced here.
        "root": {"handlers": ["stdout"], "level": "INFO"},
        "loggers": {
            "gunicorn.error": {"handlers": ["stdout"], "level": loglevel.upper(), "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
