"""``/healthz``: 200 when the database answers ``SELECT 1``, 503 when it does not.

A middleware rather than a view, placed first in MIDDLEWARE: the container's probe asks http://127.0.0.1:8000
whatever the public host name and scheme are, so it must be answered before ALLOWED_HOSTS validation and the
HTTPS redirect. It touches no session, user or template.
"""

import logging

from django.db import DatabaseError, connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def check_database(alias: str = "default") -> str | None:
    """None when the database answers, else why not."""
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # A broken connection must not be reused by the next request of this thread.
        connections[alias].close_if_unusable_or_obsolete()
        return f"{type(error).__name__}: {error}".strip()
    return None


def health_response():
    problem = check_database()
    if problem is None:
        return JsonResponse({"status": "ok", "database": "ok"})
    logger.error("health check failed: %s", problem)
    # The reason goes to the log, not to whoever asks: it can name hosts and users.
    response = JsonResponse({"status": "unavailable", "database": "unavailable"}, status=503)
    response["Retry-After"] = "5"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == HEALTH_PATH and request.method in ("GET", "HEAD"):
            response = health_response()
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
