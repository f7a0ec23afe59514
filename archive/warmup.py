"""Start-up of long-running processes: the WSGI application (archive/wsgi.py) and the search benchmark."""

import gc

from django.urls import get_resolver


def load_and_freeze() -> None:
    """Import every view (through the URL patterns), then exempt every object made so far from garbage collection.

    Those objects (modules, classes, settings, URL patterns) live as long as the process, yet each full collection
    walks them all: a pause of about 50 ms every few dozen requests, which was the whole of the search view's p95
    in manage.py bench_search. gc.freeze() leaves them out. Under gunicorn with preload_app, this runs in the
    master before it forks, so the workers also share those memory pages instead of copying them.
    """
    get_resolver().url_patterns  # noqa: B018 (loading the URLconf imports the views)
    gc.freeze()
