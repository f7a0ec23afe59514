"""Counts that are slow to make at archive scale (a big country's meetings per year, a person's network within a
range of years, how many readouts and meetings a page lists), kept in Django's cache until the archive changes.

Every key carries the archive's generation, a token that each writer renews (``forget_counts``: ingest's grouping
of a readout, the admin's merges and moves, ``refresh_derived`` after a bulk load), so that the next page counts
afresh. The cache is the process's own unless CACHES says otherwise: another worker process sees the change when
its entry expires, after COUNTS_SECONDS at most.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "counts:generation"
COUNTS_SECONDS = 600


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        token = cache.get(GENERATION_KEY)
    return token


def cached_counts(name: str, *parts, compute):
    """``compute()``'s value, from the cache when this generation of the archive already counted it."""
    key = ":".join(["counts", generation(), name, *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, COUNTS_SECONDS)
    return value


def forget_counts() -> None:
    """Start a new generation: now, for this transaction's own pages, and again once it commits, so that a page
    counted meanwhile from the rows as they were is not kept."""
    renew()
    transaction.on_commit(renew)


def renew() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
