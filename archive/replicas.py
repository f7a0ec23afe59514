"""Reads from PostgreSQL streaming replicas, writes to the primary, and a request that wrote reads its own writes.

``DATABASE_REPLICA_URLS`` adds replicas ("replica1", ... in ``DATABASES``, see archive/db.py); without it every
query goes to the primary and nothing here changes anything. The rules, applied by archive/routers.py:

- Only a request with a safe method (GET, HEAD, OPTIONS) reads from a replica, one replica for the whole request
  so that its pages are consistent. Everything else reads from the primary: POST, PUT, PATCH and DELETE requests,
  management commands, migrations, the shell, and the tests.
- A request that writes reads from the primary for the rest of it, and its response sets a short cookie under
  which the following requests (the redirect after an admin save) read from the primary too, until the replicas
  have caught up.
- A replica that cannot be reached (its connection fails its health check and a new one fails within
  ``connect_timeout``) is left alone for ``RETRY_AFTER_SECONDS``; with no replica left, reads go to the primary.
"""

import contextvars
import logging
import random
import threading
import time
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import Error as DatabaseError

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Streaming replication on one network lags by milliseconds; a loaded replica by a second or two.
PRIMARY_READS_COOKIE = "primary_reads"
PRIMARY_READS_SECONDS = 10
RETRY_AFTER_SECONDS = 30


@dataclass
class RequestReads:
    """Where the current request reads: `replica` is chosen on its first read and kept."""

    may_use_replica: bool
    replica: str | None = None
    wrote: bool = False


# None outside a request (commands, shell, tests): read from the primary.
current_request = contextvars.ContextVar[RequestReads | None]("replica_reads", default=None)


def in_test_environment() -> bool:
    # setup_test_environment() (Django's test runner, pytest-django) keeps what it replaced here until teardown.
    # Under a test, a replica is a TEST["MIRROR"] of the primary: reading it would bypass the test's transaction.
    from django.test.utils import _TestState

    return hasattr(_TestState, "saved_data")


class ReplicaPool:
    """The configured replicas, and which of them answered lately."""

    def __init__(self, connections=connections, clock=time.monotonic):
        self.connections = connections
        self.clock = clock
        self.down_until: dict[str, float] = {}
        self.lock = threading.Lock()

    def aliases(self) -> list[str]:
        """The replicas: the databases declared as test mirrors of the primary (archive/db.py declares them so)."""
        if in_test_environment():
            return []
        return [
            alias
            for alias, settings in self.connections.settings.items()
            if alias != DEFAULT_DB_ALIAS and settings.get("TEST", {}).get("MIRROR") == DEFAULT_DB_ALIAS
        ]

    def choose(self) -> str | None:
        """A replica that answers now, in random order to spread the load, or None."""
        now = self.clock()
        candidates = [alias for alias in self.aliases() if self.down_until.get(alias, 0) <= now]
        random.shuffle(candidates)
        for alias in candidates:
            if self.answers(alias):
                return alias
        return None

    def answers(self, alias: str) -> bool:
        connection = self.connections[alias]
        try:
            # Once per request (CONN_HEALTH_CHECKS): a kept connection to a replica that went away is closed here,
            # and the new one fails within connect_timeout, instead of failing the request's first query.
            connection.close_if_health_check_failed()
            connection.ensure_connection()
        except DatabaseError as error:
            with self.lock:
                self.down_until[alias] = self.clock() + RETRY_AFTER_SECONDS
            logger.warning(
                "Database replica %s is unreachable, reading from the primary for %d s: %s",
                alias,
                RETRY_AFTER_SECONDS,
                str(error).strip(),
            )
            connection.close()
            return False
        return True


replica_pool = ReplicaPool()


def read_alias() -> str:
    reads = current_request.get()
    if reads is None or not reads.may_use_replica:
        return DEFAULT_DB_ALIAS
    if reads.replica is None:
        reads.replica = replica_pool.choose() or DEFAULT_DB_ALIAS
    return reads.replica


def note_write() -> None:
    """From now on the current request reads its own writes, from the primary."""
    reads = current_request.get()
    if reads is not None:
        reads.wrote = True
        reads.may_use_replica = False


class ReplicaReadsMiddleware:
    """Sets where each request reads (see the module's docstring); put it before SessionMiddleware, whose session
    saves count as writes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(
            may_use_replica=request.method in SAFE_METHODS and PRIMARY_READS_COOKIE not in request.COOKIES
        )
        token = current_request.set(reads)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        if response.streaming:
            # A streamed body (the exports) is read while the server sends it, after this method returned.
            response.streaming_content = stream_within(reads, response.streaming_content)
        if reads.wrote and replica_pool.aliases():
            response.set_cookie(
                PRIMARY_READS_COOKIE,
                "1",
                max_age=PRIMARY_READS_SECONDS,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response


def stream_within(reads: RequestReads, content):
    """`content`, each chunk produced as part of the request whose reads are `reads`."""
    iterator = iter(content)
    try:
        while True:
            token = current_request.set(reads)
            try:
                chunk = next(iterator)
            except StopIteration:
                return
            finally:
                current_request.reset(token)
            yield chunk
    finally:
        if hasattr(iterator, "close"):
            iterator.close()
