"""Trends: how often up to five queries are used over time, per year or month, as counts or as a share of the
paragraphs, split by publisher, country or speaker, and who uses them most.

Matching is the search package's (readouts.search: each paragraph in its own language's configuration, Chinese
segmented, names in every script); this module only counts. Every list filter applies, through
ReadoutFilter.paragraphs().

Exact where it is cheap, stated where it is not. One statement reads the rows to count and derives the series,
the speakers and the countries from them:
- when the filters select at most ``EXACT_SELECTION`` paragraphs (the planner's estimate), every one of them is
  read, and every number is exact;
- otherwise a query with at most ``EXACT_MATCHES`` matches is counted exactly through the full-text index, and
  the others, with the paragraphs per period (the share's denominator), come from a block sample of the table
  (TABLESAMPLE SYSTEM, about ``SAMPLE_ROWS`` paragraphs of the selection), scaled up; the page says which.
"""

import json
from dataclasses import dataclass, field

from psycopg import sql

from readouts import search
from readouts.models import Country, Person
from readouts.search import statements

MAX_QUERIES = 5
EXACT_SELECTION = 50_000
EXACT_MATCHES = 10_000
SAMPLE_ROWS = 25_000
# A sample never reads more than this share of the table: a filtered selection just above EXACT_SELECTION
# would otherwise scan most of it.
MAX_SAMPLE_PERCENT = 10.0
TOP_GROUPS = 6
TOP_SAYERS = 10

YEAR, MONTH = "year", "month"
SHARE, COUNT = "share", "count"
SPLITS = ("publisher", "country", "speaker")
PERIOD_FORMAT = {YEAR: "YYYY", MONTH: "YYYY-MM"}


@dataclass
class Series:
    """One line of the chart: a query's counts per period (of a publisher, country or speaker when split), and
    the paragraphs per period they are a share of."""

    label: str
    query: str
    group: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    approximate: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, period: str) -> float:
        """Per thousand paragraphs of the period."""
        paragraphs = self.totals.get(period, 0)
        return 1000 * self.counts.get(period, 0) / paragraphs if paragraphs else 0.0


@dataclass
class Sayer:
    """A speaker or a country that used a query: how often, first and last (meeting dates)."""

    name: str
    url: str
    count: int
    first: object
    last: object


@dataclass
class QueryUse:
    query: str
    speakers: list[Sayer]
    countries: list[Sayer]
    approximate: bool


@dataclass
class Trends:
    series: list[Series] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    uses: list[QueryUse] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    sample_percent: float | None = None  # when any number comes from the sample

    @property
    def approximate(self) -> bool:
        return self.sample_percent is not None


@dataclass
class Counted:
    """A query as understood and its match condition, compiled."""

    text: str
    query: object  # search's MultilingualQuery
    match: tuple[str, list]
    sampled: bool = False


def cleaned_queries(texts: list[str]) -> tuple[list[str], list[str]]:
    """The queries to count (cleaned, once each, at most MAX_QUERIES), and what had to be changed."""
    messages, kept = [], []
    for text in texts:
        cleaned, changes = search.clean_query_text(str(text))
        messages += changes
        if cleaned and cleaned not in kept:
            kept.append(cleaned)
    if len(kept) > MAX_QUERIES:
        messages.append(f"Up to {MAX_QUERIES} queries go on one chart: the first {MAX_QUERIES} are shown.")
        kept = kept[:MAX_QUERIES]
    return kept, list(dict.fromkeys(messages))


def count_trends(texts, paragraphs, *, per=YEAR, measure=SHARE, split="", language=None) -> Trends:
    """The trends of ``texts`` among ``paragraphs`` (ReadoutFilter.paragraphs()); ``language`` is the language
    filter's code, when set, as search takes it."""
    texts, messages = cleaned_queries(texts)
    if split and len(texts) > 1:
        messages.append(f"A split shows one query: “{texts[0]}”, by {split}.")
        texts = texts[:1]
    connection = search.read_connection()
    counted = []
    for text in texts:
        query = search.understood(text, connection, language)
        if not (query.has_terms and query.groups):
            messages.append(f"“{text}” has no searchable words: try a more specific word.")
            continue
        counted.append(Counted(text, query, compiled_where(search.matching_statements(query), connection)))
    trends = Trends(messages=messages)
    if not counted:
        return trends
    filters = compiled_where(paragraphs, connection)
    selection = estimated_rows(paragraphs)
    rows = []
    if selection <= EXACT_SELECTION:
        rows.append((read_counts(connection, counted, filters, per, split, totals=True), None))
    else:
        for item in counted:
            item.sampled = estimated_rows(search.matching_statements(item.query, paragraphs)) > EXACT_MATCHES
        exact = [item for item in counted if not item.sampled]
        sampled = [item for item in counted if item.sampled]
        percent = sample_percent(connection, selection)
        groups = None
        if exact:
            rows.append((read_counts(connection, exact, filters, per, split, totals=False), None))
            # A split's groups are those the query uses most, found exactly: the sample counts their paragraphs.
            groups = sorted({row["grp"] for row in rows[0][0]["series"] if row["grp"] is not None})
        if sampled or measure == SHARE:
            # The paragraphs per period, which a share needs, and the queries that match too many to count.
            sample = read_counts(connection, sampled, filters, per, split, totals=True, percent=percent, groups=groups)
            rows.append((sample, percent))
            trends.sample_percent = percent
    return assembled(trends, counted, rows, split)


def compiled_where(queryset, connection) -> tuple[str, list]:
    """The condition a queryset of paragraphs puts on ``readouts_statement``, for the counting statement's WHERE
    clause (the search's statements take theirs the same way)."""
    return statements.where_of(queryset, "readouts_statement", connection)


def estimated_rows(queryset) -> int:
    """The planner's estimate of a queryset's rows: a millisecond, where counting reads them all."""
    plan = json.loads(queryset.order_by().values("id").explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def sample_percent(connection, selection: int) -> float:
    """The share of the table's blocks to sample for about SAMPLE_ROWS paragraphs of the selection."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'readouts_statement'::regclass")
        table = max(cursor.fetchone()[0], 1)
    wanted = 100.0 * SAMPLE_ROWS / max(min(selection, table), 1)
    return round(min(MAX_SAMPLE_PERCENT, wanted), 4)


# The counting statement. Slots: {sample} (empty, or the TABLESAMPLE clause), {flags} (a boolean column per
# query, h1, h2...: whether the paragraph matches it), {filters} (the list filters' condition), {any_match} (with
# the totals left out, only the paragraphs that match some query are read), {counts} (a count per query),
# {group} and {split_join} (the split's group of each row), {kept} and {all_groups} (the groups shown: those
# the first query uses most, or those given), {by_sayer} (per query, its count, first and last use) and {uses}
# (per query, its speakers and countries from ``sayers``). Invariant: every row of ``rows`` is one paragraph of
# the selection (of the sample, when sampled) with a meeting date; a paragraph counts once per query it matches
# in ``counted`` (once per country when split by country) and in each speaker's and each country's use.
# ``sayers`` groups the rows by speaker and countries first, so that few rows are unnested into countries.
COUNTING = sql.SQL(
    """
    WITH rows AS MATERIALIZED (
        SELECT to_char(readouts_statement.meeting_date, %s) AS period, readouts_statement.publisher,
               readouts_statement.speaker_id, readouts_statement.country_ids, readouts_statement.meeting_date,
               {flags}
        FROM readouts_statement {sample}
        WHERE readouts_statement.meeting_date IS NOT NULL AND ({filters}) AND ({any_match})
    ),
    counted AS (
        SELECT period, {group} AS grp, count(*) AS total, {counts}
        FROM rows {split_join}
        GROUP BY 1, 2
    ),
    kept AS ({kept}),
    sayers AS MATERIALIZED (
        SELECT speaker_id, country_ids, {by_sayer} FROM rows GROUP BY speaker_id, country_ids
    ),
    uses AS ({uses}),
    ranked AS (
        SELECT *, row_number() OVER (PARTITION BY q, kind ORDER BY n DESC, key) AS place FROM uses
    )
    SELECT
        (SELECT coalesce(json_agg(counted ORDER BY period), '[]') FROM counted
         WHERE {all_groups} OR grp IN (SELECT grp FROM kept)),
        (SELECT coalesce(json_agg(ranked ORDER BY q, kind, place), '[]') FROM ranked WHERE place <= %s)
    """
)
USES_OF_QUERY = sql.SQL(
    """
    SELECT {q} AS q, 'speaker' AS kind, speaker_id AS key, sum({n})::int AS n, min({f}) AS first, max({l}) AS last
    FROM sayers WHERE {n} > 0 AND speaker_id IS NOT NULL GROUP BY speaker_id
    UNION ALL
    SELECT {q}, 'country', country.id, sum({n})::int, min({f}), max({l})
    FROM sayers CROSS JOIN LATERAL unnest(sayers.country_ids) AS country(id) WHERE {n} > 0 GROUP BY country.id
    """
)
GROUPS = {
    "": (sql.SQL("NULL::text"), sql.SQL("")),
    "publisher": (sql.SQL("publisher"), sql.SQL("")),
    "speaker": (sql.SQL("speaker_id::text"), sql.SQL("")),
    "country": (sql.SQL("split.id::text"), sql.SQL("CROSS JOIN LATERAL unnest(rows.country_ids) AS split(id)")),
}


def read_counts(connection, counted, filters, per, split, *, totals, percent=None, groups=None) -> dict:
    """One counting statement over ``counted`` (possibly none, for the totals alone): its rows as dicts.
    ``groups``: a split's groups to show, when already known."""
    numbers = range(1, len(counted) + 1)
    flags = sql.SQL(", ").join(
        [
            sql.SQL("{} AS {}").format(sql.SQL(item.match[0]), sql.Identifier(f"h{i}"))
            for i, item in enumerate(counted, 1)
        ]
        or [sql.SQL("FALSE AS h1")]
    )
    counts = sql.SQL(", ").join(
        sql.SQL("count(*) FILTER (WHERE {}) AS {}").format(sql.Identifier(f"h{i}"), sql.Identifier(f"n{i}"))
        for i in numbers or [1]
    )
    by_sayer = sql.SQL(", ").join(
        sql.SQL(
            "count(*) FILTER (WHERE {h}) AS {n}, min(meeting_date) FILTER (WHERE {h}) AS {f}, "
            "max(meeting_date) FILTER (WHERE {h}) AS {l}"
        ).format(**sayer_columns(i), h=sql.Identifier(f"h{i}"))
        for i in numbers or [1]
    )
    uses = sql.SQL(" UNION ALL ").join(
        USES_OF_QUERY.format(q=sql.Literal(i), **sayer_columns(i)) for i in numbers or [1]
    )
    any_match = "TRUE" if totals else " OR ".join(f"({item.match[0]})" for item in counted)
    sample = sql.SQL("TABLESAMPLE SYSTEM ({}) REPEATABLE (1)").format(sql.Literal(percent)) if percent else sql.SQL("")
    if groups is None:
        kept = sql.SQL(
            "SELECT grp FROM counted WHERE grp IS NOT NULL GROUP BY grp ORDER BY sum(n1) DESC, grp LIMIT %s"
        )
        kept_params = [TOP_GROUPS]
    else:
        kept, kept_params = sql.SQL("SELECT unnest(%s::text[])"), [groups]
    group, split_join = GROUPS[split]
    statement = COUNTING.format(
        flags=flags,
        sample=sample,
        filters=sql.SQL(filters[0]),
        any_match=sql.SQL(any_match),
        counts=counts,
        group=group,
        split_join=split_join,
        kept=kept,
        by_sayer=by_sayer,
        uses=uses,
        all_groups=sql.SQL("FALSE" if split else "TRUE"),
    )
    match_params = [param for item in counted for param in item.match[1]]
    # The parameters in the order of their slots.
    params = [
        PERIOD_FORMAT[per],
        *match_params,
        *filters[1],
        *([] if totals else match_params),
        *kept_params,
        TOP_SAYERS,
    ]
    with connection.cursor() as cursor:
        cursor.execute(statement.as_string(connection.connection), params)
        series_rows, use_rows = cursor.fetchone()
    return {
        "counted": counted,
        "series": search.json_value(series_rows),
        "uses": search.json_value(use_rows),
        "totals": totals,
    }


def sayer_columns(number: int) -> dict:
    return {name: sql.Identifier(f"{name}{number}") for name in ("n", "f", "l")}


def assembled(trends: Trends, counted: list[Counted], results: list, split: str) -> Trends:
    """The series, periods and uses from the counting statements' rows, sampled numbers scaled up."""
    totals: dict[tuple[str, str | None], int] = {}
    series: dict[tuple[str, str | None], Series] = {}
    uses: dict[str, dict] = {item.text: {"speaker": [], "country": [], "approximate": False} for item in counted}
    group_ids, people, countries = set(), set(), set()
    for result, percent in results:
        scale = 100.0 / percent if percent else 1.0
        for row in result["series"]:
            key_group = row["grp"]
            group_ids.add(key_group)
            if result["totals"]:
                totals[(row["period"], key_group)] = round(row["total"] * scale)
            for index, item in enumerate(result["counted"], start=1):
                line = series.setdefault((item.text, key_group), Series(item.text, item.text, key_group or ""))
                line.approximate = percent is not None
                if row[f"n{index}"]:
                    line.counts[row["period"]] = round(row[f"n{index}"] * scale)
        for row in result["uses"]:
            item = result["counted"][row["q"] - 1]
            (people if row["kind"] == "speaker" else countries).add(row["key"])
            uses[item.text][row["kind"]].append((row, scale))
            uses[item.text]["approximate"] = percent is not None
    if split == "speaker":
        people |= {int(key) for key in group_ids if key}
    if split == "country":
        countries |= {int(key) for key in group_ids if key}
    person_rows = Person.objects.in_bulk(people) if people else {}
    country_rows = Country.objects.in_bulk(countries) if countries else {}

    def group_label(group):
        if not group or split == "publisher":
            return group or ""
        found = (person_rows if split == "speaker" else country_rows).get(int(group))
        return found.name if found else group

    for (text, group), line in series.items():
        line.totals = {period: n for (period, other), n in totals.items() if other == group}
        line.group = group_label(group)
        line.label = f"{text} · {line.group}" if line.group else text
    order = {item.text: index for index, item in enumerate(counted)}
    trends.series = sorted(series.values(), key=lambda line: (order[line.query], -line.total, line.group))
    trends.periods = filled_periods(
        {period for period, _group in totals} | {p for s in series.values() for p in s.counts}
    )
    for item in counted:
        found = uses[item.text]
        trends.uses.append(
            QueryUse(
                item.text,
                sayers(found["speaker"], person_rows),
                sayers(found["country"], country_rows),
                found["approximate"],
            )
        )
    return trends


def sayers(rows, named) -> list[Sayer]:
    found = []
    for row, scale in rows:
        thing = named.get(row["key"])
        if thing is not None:
            found.append(
                Sayer(thing.name, thing.get_absolute_url(), round(row["n"] * scale), row["first"], row["last"])
            )
    return found


def filled_periods(periods: set[str]) -> list[str]:
    """Every period from the first to the last, the empty ones included."""
    if not periods:
        return []
    first, last = min(periods), max(periods)
    if len(first) == 4:
        return [str(year) for year in range(int(first), int(last) + 1)]
    year, month = int(first[:4]), int(first[5:])
    filled = []
    while f"{year:04d}-{month:02d}" <= last:
        filled.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return filled


def value_of(series: Series, period: str, measure: str) -> float:
    return series.share(period) if measure == SHARE else series.counts.get(period, 0)
