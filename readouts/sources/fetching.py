"""Fetching one address politely and safely: time-outs, a size limit, a few redirects, the page's own charset,
conditional requests, and retries with backoff on server errors and time-outs.

Every failure is a FetchError naming the address and the reason in words a reader understands; nothing here
touches the database.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import urllib.robotparser
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

USER_AGENT = "ReadoutArchive/1.0 (+https://github.com/readout-archive; archiving published meeting readouts)"
MAX_BYTES = 5_000_000  # the longest real readout pages are some hundreds of kilobytes
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
}
GZIP_TYPES = {"application/gzip", "application/x-gzip"}  # sitemaps may be served compressed (sitemap.xml.gz)
GONE = {404, 410}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


class FetchError(Exception):
    """A page that could not be fetched or read: ``status`` is the HTTP status when the server answered."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.status = url, reason, status

    @property
    def gone(self) -> bool:
        """The publisher says the page no longer exists (404 Not Found, 410 Gone)."""
        return self.status in GONE


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the address asked for
    final_url: str  # after redirects
    status: int  # 200, or 304 for a conditional request whose page has not changed
    text: str = ""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    body: bytes = field(default=b"", repr=False)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    """One HTTP client for a run: robots.txt read once per host, at most one request at a time and ``delay``
    seconds (or the host's Crawl-delay, if longer) between two requests to one host, ``retries`` more attempts
    after a 5xx or a time-out, waiting ``backoff``, then twice that, and so on.

    ``fetch()`` asks and waits; ``submit()`` hands the address to its host's own queue (a thread per host, at
    most ``max_hosts`` at once) and returns a Future, so that several hosts are fetched at the same time while
    each still sees one polite request after another. The fetcher never touches the database: the caller
    records the results in its own thread."""

    delay: float = 1.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = MAX_BYTES
    timeout: httpx.Timeout | float | None = None
    respect_robots: bool = True
    max_hosts: int = 16
    client: httpx.Client | None = None
    _robots: dict = field(default_factory=dict, init=False, repr=False)
    _last_request: dict = field(default_factory=dict, init=False, repr=False)
    _crawl_delays: dict = field(default_factory=dict, init=False, repr=False)
    _host_locks: dict = field(default_factory=dict, init=False, repr=False)
    _queues: dict = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def __post_init__(self):
        if self.client is None:
            self.client = httpx.Client(
                timeout=self.timeout or TIMEOUT,
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                headers={"User-Agent": USER_AGENT},
                limits=httpx.Limits(max_connections=self.max_hosts, max_keepalive_connections=self.max_hosts),
            )
        self._hosts_at_once = threading.BoundedSemaphore(self.max_hosts)

    def close(self):
        for queue in self._queues.values():
            queue.shutdown(wait=True, cancel_futures=True)
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def submit(self, url: str, **options) -> Future:
        """``fetch(url, **options)`` in the host's queue; the Future's result is the FetchedPage or raises its
        FetchError."""
        host = urlsplit(url).netloc
        with self._lock:
            if host not in self._queues:
                self._queues[host] = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"fetch {host}")
            queue = self._queues[host]
        return queue.submit(self.fetch, url, **options)

    def fetch(self, url: str, *, kinds=HTML_TYPES, etag: str = "", last_modified: str = "") -> FetchedPage:
        """The page at ``url`` as text, or a 304 FetchedPage when ``etag``/``last_modified`` still hold.
        Raises FetchError for anything else."""
        check_address(url)
        if self.respect_robots and not self.allowed(url):
            raise FetchError(url, "the site's robots.txt does not allow archiving this address")
        headers = {"Accept": ", ".join(sorted(kinds)) + ", */*;q=0.1"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            try:
                return self.fetch_once(url, headers, kinds)
            except FetchError as error:
                retryable = error.status is None or error.status >= 500
                if not retryable or attempt == self.retries or "too large" in error.reason:
                    raise
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def fetch_once(self, url: str, headers: dict, kinds) -> FetchedPage:
        with self.host_turn(url):
            try:
                return self.request(url, headers, kinds)
            except httpx.TimeoutException:
                raise FetchError(url, "no answer in time (time-out)") from None
            except httpx.TooManyRedirects:
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", 310) from None
            except httpx.HTTPError as error:
                raise FetchError(url, f"could not connect ({type(error).__name__}: {error})") from None

    def request(self, url: str, headers: dict, kinds) -> FetchedPage:
        with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FetchedPage(url, str(response.url), 304, etag=headers.get("If-None-Match", ""))
            if response.status_code >= 400:
                raise FetchError(url, f"the server answered {status_words(response)}", response.status_code)
            content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type and content_type not in kinds:
                raise FetchError(url, f"not a web page but {content_type}", response.status_code)
            body = read_limited(response, url, self.max_bytes)
            if GZIP_TYPES & set(kinds) and body[:2] == b"\x1f\x8b":
                body = gunzip_limited(body, url, self.max_bytes)
                content_type = "application/xml"
            text = decode_body(body, response.headers.get("content-type", ""), url)
            return FetchedPage(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                text=text,
                content_type=content_type,
                etag=response.headers.get("etag", ""),
                last_modified=response.headers.get("last-modified", ""),
                body=body,
            )

    @contextlib.contextmanager
    def host_turn(self, url: str):
        """One request to the url's host at a time, and the host's delay since the one before."""
        host = urlsplit(url).netloc
        with self._lock:
            lock = self._host_locks.setdefault(host, threading.RLock())
        with lock:
            last = self._last_request.get(host)
            if last is not None:
                pause = max(self.delay, self._crawl_delays.get(host, 0)) - (time.monotonic() - last)
                if pause > 0:
                    time.sleep(pause)
            try:
                with self._hosts_at_once:
                    yield
            finally:
                self._last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """What the host's robots.txt says of the address for this archive (everything when it has none)."""
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._host_locks.setdefault(parts.netloc, threading.RLock())
        with lock:  # read once, even when several threads ask at the same time
            if host not in self._robots:
                self._robots[host] = self.read_robots(f"{host}/robots.txt")
        rules = self._robots[host]
        return rules is None or rules.can_fetch(USER_AGENT, url)

    def read_robots(self, robots_url: str):
        with self.host_turn(robots_url):
            try:
                response = self.client.get(robots_url)
            except httpx.HTTPError:
                return None
        if response.status_code >= 400:
            return None
        rules = urllib.robotparser.RobotFileParser(robots_url)
        rules.parse(response.text[:500_000].splitlines())
        crawl_delay = rules.crawl_delay(USER_AGENT)
        if crawl_delay:
            self._crawl_delays[urlsplit(robots_url).netloc] = float(crawl_delay)
        return rules


def check_address(url: str):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise FetchError(url, "not a web address (http:// or https://)")


def status_words(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".strip()


def read_limited(response: httpx.Response, url: str, limit: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(url, f"too large ({int(declared):,} bytes; at most {limit:,})", response.status_code)
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(url, f"too large (more than {limit:,} bytes)", response.status_code)
        chunks.append(chunk)
    return b"".join(chunks)


def gunzip_limited(body: bytes, url: str, limit: int) -> bytes:
    """A gzip file's content, refused past ``limit`` bytes (a small file can unpack to gigabytes)."""
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        data = unpacker.decompress(body, limit + 1)
    except zlib.error:
        raise FetchError(url, "not a readable gzip file") from None
    if len(data) > limit:
        raise FetchError(url, f"too large once unpacked (more than {limit:,} bytes)")
    return data


def declared_charset(body: bytes, content_type: str) -> str | None:
    """The charset of the Content-Type header, else of the page's own <meta> (its first 2 KB)."""
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    if match:
        return match.group(1)
    match = _META_CHARSET.search(body[:2048])
    return match.group(1).decode("ascii") if match else None


def decode_body(body: bytes, content_type: str, url: str) -> str:
    """The page's text in the charset it declares; undeclared, UTF-8 or else windows-1252 (the web's default).
    A page whose bytes are not in its declared charset is refused rather than stored garbled."""
    charset = declared_charset(body, content_type)
    if charset is None:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode("cp1252", errors="replace")
    try:
        return body.decode(charset)
    except LookupError:
        raise FetchError(url, f"the page declares an unknown charset ({charset})") from None
    except UnicodeDecodeError as error:
        raise FetchError(
            url, f"the page says it is in {charset} but is not (a wrong byte at position {error.start})"
        ) from None
