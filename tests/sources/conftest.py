"""A web site on 127.0.0.1 for the sources tests: pages of our own writing that a test can change, break or
slow down between fetches. Nothing here reaches the internet."""

from __future__ import annotations

import contextlib
import hashlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from readouts.sources.fetching import Fetcher

LAST_MODIFIED = "Mon, 04 Mar 2024 10:00:00 GMT"


@dataclass
class Reply:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    conditional: bool = True  # answers If-None-Match / If-Modified-Since with 304 when unchanged

    @property
    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.data).hexdigest()[:16] + '"'


class LocalSite:
    """Routes from path to a Reply, or to a list of Replies given one per request (the last one stays)."""

    def __init__(self, host="127.0.0.1"):
        self.routes: dict[str, Reply | list[Reply]] = {}
        self.requests: list[tuple[str, dict]] = []
        self.timings: list[tuple[str, float, float]] = []  # (path, started, answered) on time.monotonic()
        self.lock = threading.Lock()
        self.host = host  # Linux routes all of 127.0.0.0/8 to the loopback: 127.0.0.2 is another "host"
        self.server = ThreadingHTTPServer((host, 0), self.handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def root(self) -> str:
        return f"http://{self.host}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.root + path

    def serve(self, path: str, reply: Reply | list[Reply] | str):
        self.routes[path] = Reply(reply) if isinstance(reply, str) else reply

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def reply_for(self, path: str) -> Reply | None:
        with self.lock:
            route = self.routes.get(path)
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
            return route

    def handler_class(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                started = time.monotonic()
                try:
                    self.answer()
                finally:
                    site.timings.append((self.path, started, time.monotonic()))

            def answer(self):
                site.requests.append((self.path, dict(self.headers)))
                reply = site.reply_for(self.path)
                if reply is None:
                    reply = Reply("<html><body><p>Not found</p></body></html>", status=404)
                if reply.delay:
                    time.sleep(reply.delay)
                unchanged = (
                    reply.conditional
                    and reply.status == 200
                    and (
                        self.headers.get("If-None-Match") == reply.etag
                        or self.headers.get("If-Modified-Since") == LAST_MODIFIED
                        and not self.headers.get("If-None-Match")
                    )
                )
                if unchanged:
                    self.send_response(304)
                    self.send_header("ETag", reply.etag)
                    self.end_headers()
                    return
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.data)))
                if reply.conditional and reply.status == 200:
                    self.send_header("ETag", reply.etag)
                    self.send_header("Last-Modified", LAST_MODIFIED)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may stop reading (a page too large).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(reply.data)

            def log_message(self, *args):
                pass

        return Handler


@contextlib.contextmanager
def running_site(host="127.0.0.1"):
    local = LocalSite(host)
    local.thread.start()
    try:
        yield local
    finally:
        local.server.shutdown()
        local.server.server_close()


@pytest.fixture
def site():
    with running_site() as local:
        yield local


@pytest.fixture
def other_site():
    """A second publisher, on another loopback address."""
    with running_site("127.0.0.2") as local:
        yield local


@pytest.fixture
def fetcher():
    with Fetcher(delay=0, retries=2, backoff=0.01, timeout=1.0) as client:
        yield client


def readout_page(
    paragraphs: list[str],
    *,
    title="Foreign Minister Anna Berg meets Foreign Minister Tomas Lind",
    canonical: str | None = None,
    published="2024-03-05",
    site_name="Ministry of Foreign Affairs of Norway",
    charset="utf-8",
    lang="en",
) -> str:
    """A publisher's page around a readout: navigation, the article, a footer."""
    head = [f'<meta charset="{charset}">', f"<title>{html.escape(title)} | {html.escape(site_name)}</title>"]
    if canonical:
        head.append(f'<link rel="canonical" href="{html.escape(canonical)}">')
    if site_name:
        head.append(f'<meta property="og:site_name" content="{html.escape(site_name)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}T09:00:00Z">')
    body = "".join(f"<p>{html.escape(paragraph)}</p>\n" for paragraph in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{"".join(head)}</head><body>\n'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/about/">About us</a>'
        "</li></ul></nav>\n"
        f"<main><article><h1>{html.escape(title)}</h1>\n{body}</article></main>\n"
        "<footer><p>Contact us. Privacy. Accessibility.</p></footer></body></html>"
    )


MEETING = [
    "OSLO, 4 March 2024 – Foreign Minister Anna Berg of Norway met Foreign Minister Tomas Lind of Sweden in Oslo "
    "on Monday to discuss energy cooperation and security in the Baltic region.",
    "Berg said that Norway and Sweden share a long history of cooperation and that the two countries would "
    "work together on offshore wind power in the North Sea.",
    "Lind noted that Sweden welcomes closer ties in research and thanked Norway for its support.",
    "The two ministers agreed to meet again in Stockholm in the autumn.",
]
