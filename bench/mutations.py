"""Bad input for every page type: the mutated query strings, form values and addresses that
bench/crawl_bad_input.py sends to the whole site and tests/test_bad_input.py sends, fewer of them, in the test suite.

Everything here is plain data and pure functions of a seeded random.Random: the same seed gives the same requests.
`site_requests(targets, rng)` yields Probe(kind, method, url, data) for the pages of `targets` (a Targets of
addresses that exist in the archive: a dated and an undated readout, a person, a country).
"""

import random
import urllib.parse
from dataclasses import dataclass, field

# The query parameters the site knows: ReadoutFilter's filters, SearchForm's fields, the pagers and ?p=N.
FILTER_PARAMETERS = [
    "meeting_date_after",
    "meeting_date_before",
    "participant",
    "country",
    "counterpart",
    "q",
    "location",
    "publisher",
    "language",
    "sort",
]
SEARCH_PARAMETERS = ["q", "speaker", "kind", "sort", "page"]
PAGER_PARAMETERS = ["page", "page_size"]

LONG = "x" * 10_000

# Values for one parameter, percent-encoded when they are put in a query string.
VALUES = [
    "",
    " ",
    LONG,
    "é" * 5_000,
    "\x00",
    "a\x00b",
    "KZ\x00",
    "\u202eevil\u202c",  # right-to-left override
    "مرحبا",
    "🇰🇿🚀" * 10,
    "e\u0301\u0301\u0301\u0301",  # combining marks
    "Z\u0351\u0352\u0357\u035b\u0363\u0364" * 50,
    "\ufeff\u200b",
    "\ud7ff\ue000\uffff",
    "' OR 1=1--",
    "1' OR '1'='1",
    '" OR ""="',
    "1;SELECT pg_sleep(5)",
    "1); DROP TABLE readouts_readout;--",
    "x' UNION SELECT NULL,NULL--",
    "-1",
    "0",
    "1",
    str(2**31),
    str(2**63),
    "-" + str(2**63 + 1),
    "1e309",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "2022-02-31",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2022-13-01",
    "2022-06-07T00:00:00Z",
    "<script>alert(1)</script>",
    "${7*7}{{7*7}}",
    "%",
    "%%",
    '"unterminated',
    "-",
    "or or or",
    "-(-(-x))",
    "*",
    ":*",
    "a & | ! b",
    "\\",
    "\r\nSet-Cookie: x=1",
    "kz",
    "KZ",
]

# Whole query strings that urlencode would never produce: percent-encoding garbage, repeated and unknown
# parameters, odd separators. `{name}` is a known parameter of the page.
RAW_QUERIES = [
    "{name}=%ZZ",
    "{name}=%00",
    "{name}=%C0%AF",
    "{name}=%FF%FE",
    "{name}=%E2%82",
    "{name}=%",
    "{name}=%2",
    "{name}=a&{name}=b",
    "{name}=&{name}=KZ&{name}=2022-01-01",
    "{name}",
    "{name}[]=x",
    "{name}={name}={name}",
    "&&&{name}=1&&&",
    "{name}=1;{name}=2",
    "%ZZ={name}",
    "%00=1&{name}=1",
    "unknown=1&{name}=x",
    "__proto__=1",
    "{name}=" + "%F0%9F%98%80" * 500,
]

# Requests that a page of any kind gets, whatever its parameters.
ANY_PAGE_QUERIES = [
    "",
    "unknown=1",
    "x=" + LONG,
    "page=0",
    "page=-1",
    f"page={2**63}",
    "page=NaN",
    "page=%00",
    "p=1",
    "p=-1",
    "p=%ZZ",
    "format=json",
    "a=1&a=2&a=3",
    "%C0%AF",
    "&".join(f"k{number}=v" for number in range(300)),
]


@dataclass(frozen=True)
class Targets:
    """Addresses that exist in the archive, from which the mutated ones are made."""

    dated_readout: str  # /readouts/2022/06/07/<slug>/
    undated_readout: str | None  # /readouts/undated/<slug>/
    readout_pk: int
    person_slug: str
    country_code: str
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Probe:
    kind: str
    method: str
    url: str
    data: dict | None = None


def query(name: str, value: str) -> str:
    return urllib.parse.urlencode({name: value})


def with_query(path: str, query_string: str) -> str:
    return f"{path}?{query_string}" if query_string else path


def page_types(targets: Targets) -> dict[str, tuple[str, list[str]]]:
    """Each page type: (address, its known query parameters)."""
    dated, undated = targets.dated_readout, targets.undated_readout
    slug, code = targets.person_slug, targets.country_code
    types = {
        "home": ("/", []),
        "list": ("/readouts/", [*FILTER_PARAMETERS, "page"]),
        "search": ("/search/", sorted({*FILTER_PARAMETERS, *SEARCH_PARAMETERS})),
        "readout": (dated, []),
        "person": (f"/people/{slug}/", ["page", "statements_page"]),
        "people": ("/people/", ["page"]),
        "country": (f"/countries/{code.lower()}/", ["page"]),
        "countries": ("/countries/", ["page"]),
        "api-root": ("/api/", []),
        "api-list": ("/api/readouts/", [*FILTER_PARAMETERS, *PAGER_PARAMETERS]),
        "api-search": ("/api/search/", sorted({*FILTER_PARAMETERS, *SEARCH_PARAMETERS})),
        "api-detail": (f"/api/readouts/{targets.readout_pk}/", []),
        "api-people": ("/api/people/", PAGER_PARAMETERS),
        "api-person": (f"/api/people/{slug}/", []),
        "api-countries": ("/api/countries/", PAGER_PARAMETERS),
        "api-country": (f"/api/countries/{code}/", []),
        "api-schema": ("/api/schema/", ["format", "lang", "version"]),
        "export-readouts-csv": ("/export/readouts.csv", FILTER_PARAMETERS),
        "export-statements-csv": ("/export/statements.csv", FILTER_PARAMETERS),
        "export-readouts-json": ("/export/readouts.json", FILTER_PARAMETERS),
        "feed-latest": ("/feeds/readouts.atom", FILTER_PARAMETERS),
        "feed-person": (f"/feeds/people/{slug}.atom", []),
        "feed-country": (f"/feeds/countries/{code.lower()}.atom", []),
        "cite-bib": (f"{dated}cite.bib", ["p"]),
        "cite-json": (f"{dated}cite.json", ["p"]),
        "healthz": ("/healthz", []),
        "admin-login": ("/admin/login/", ["next"]),
    }
    if undated:
        types["readout-undated"] = (undated, [])
        types["cite-undated"] = (f"{undated}cite.bib", ["p"])
    return types


def path_mutations(targets: Targets) -> list[tuple[str, str]]:
    """(page type, address) pairs: existing addresses bent out of shape."""
    dated = targets.dated_readout.strip("/").split("/")  # readouts, yyyy, mm, dd, slug
    _, year, month, day, slug = dated
    quote = urllib.parse.quote
    bad_slugs = ["ü-ber", "..", "%2e%2e", "../../etc/passwd", "a" * 10_000, "-", "_", slug.upper(), "🚀", "a%00b"]
    out = []
    for bad in bad_slugs:
        bad = bad if "%" in bad else quote(bad, safe="")
        out += [
            ("readout", f"/readouts/{year}/{month}/{day}/{bad}/"),
            ("readout-undated", f"/readouts/undated/{bad}/"),
            ("person", f"/people/{bad}/"),
            ("feed-person", f"/feeds/people/{bad}.atom"),
            ("api-person", f"/api/people/{bad}/"),
            ("cite-bib", f"/readouts/{year}/{month}/{day}/{bad}/cite.bib"),
        ]
    for y, m, d in [
        ("0000", month, day),
        ("9999", "12", "31"),
        (year, "13", day),
        (year, "00", day),
        (year, "02", "31"),
        (year, "02", "29"),
        (year, month, "00"),
        (year, month, "99"),
        ("0000", "00", "00"),
    ]:
        out += [
            ("readout", f"/readouts/{y}/{m}/{d}/{slug}/"),
            ("cite-bib", f"/readouts/{y}/{m}/{d}/{slug}/cite.bib"),
            ("cite-json", f"/readouts/{y}/{m}/{d}/{slug}/cite.json?p=1"),
        ]
    for code in ["zz", "ZZ", "k", "kzz", "00", "%00%00", quote("ÄÖ"), "..", "xx"]:
        out += [
            ("country", f"/countries/{code}/"),
            ("feed-country", f"/feeds/countries/{code}.atom"),
            ("api-country", f"/api/countries/{code}/"),
        ]
    for pk in ["0", "-1", str(2**63), str(2**31), "1e309", "NaN", "%00", "abc", "9" * 400]:
        out.append(("api-detail", f"/api/readouts/{pk}/"))
    for path in ["/api/nowhere/", "/api/readouts", "/api/%ZZ/", "/export/readouts.xml", "/feeds/x.atom", "/%C0%AF/"]:
        out.append(("other", path))
    return out


# The pages that get every value for every parameter; the others, which share their code (the exports and the feed
# read ReadoutFilter as the list and the API do), get a sample of SECONDARY_SAMPLE values per parameter.
EXHAUSTIVE = {"list", "search", "api-list"}
SECONDARY_SAMPLE = 12


def site_requests(targets: Targets, rng: random.Random, values_per_parameter: int | None = None):
    """Every probe for the whole site, in a fixed order for a seed. values_per_parameter=None sends every value to
    every known parameter of the EXHAUSTIVE pages and SECONDARY_SAMPLE values to the others; a number samples that
    many values (and raw queries) per parameter everywhere."""

    def pick(items, kind=None):
        items = list(items)
        count = values_per_parameter
        if count is None and kind is not None and kind not in EXHAUSTIVE:
            count = SECONDARY_SAMPLE
        if count is None or count >= len(items):
            return items
        return rng.sample(items, count)

    for kind, (path, parameters) in page_types(targets).items():
        for query_string in pick(ANY_PAGE_QUERIES):
            yield Probe(kind, "GET", with_query(path, query_string))
        for name in parameters:
            for value in pick(VALUES, kind):
                yield Probe(kind, "GET", with_query(path, query(name, value)))
            for raw in pick(RAW_QUERIES, kind):
                yield Probe(kind, "GET", with_query(path, raw.format(name=name)))
        if len(parameters) > 1:
            # Every parameter at once, each with its own bad value.
            for _ in range(5 if values_per_parameter is None else 1):
                mixed = urllib.parse.urlencode([(name, rng.choice(VALUES)) for name in parameters])
                yield Probe(kind, "GET", with_query(path, mixed))
    for kind, url in pick(path_mutations(targets)):
        yield Probe(kind, "GET", url)
    yield from admin_login_posts(rng, values_per_parameter)
    for url in ["/search/", "/readouts/", "/api/readouts/", "/export/readouts.csv", "/feeds/readouts.atom"]:
        yield Probe("other-method", "POST", url, {"q": "x"})


def admin_login_posts(rng: random.Random, values_per_parameter: int | None = None):
    """POST garbage to the admin's login form (the test client does not enforce CSRF)."""
    values = VALUES if values_per_parameter is None else rng.sample(VALUES, values_per_parameter)
    for value in values:
        yield Probe("admin-login-post", "POST", "/admin/login/", {"username": value, "password": value})
        yield Probe(
            "admin-login-post",
            "POST",
            "/admin/login/?" + query("next", value),
            {"username": "admin", "password": value, "next": value, "extra": value},
        )


def send(client, probe: Probe):
    """Send a probe with a django.test.Client; a streamed body is read up to its first chunk only. The rest is
    dropped by closing the client's wrapper of the stream, which closes the response the way the client does:
    without closing the database connection (which, in a test, holds the test's transaction)."""
    response = client.post(probe.url, probe.data or {}) if probe.method == "POST" else client.get(probe.url)
    if response.streaming:
        try:
            next(iter(response.streaming_content), b"")
        finally:
            response._iterator.close()  # the client's closing_iterator_wrapper generator
    return response
