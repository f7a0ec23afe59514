"""The search's SQL as named statements with declared slots (psycopg.sql composition), and their parameters.

A statement here is a template whose ``{slots}`` are filled with ``Part``s: a piece of SQL and the parameters of
its ``%s`` placeholders. fill() puts the parameters in the order their slots take in the template (a slot used
twice gives its parameters twice), so that no caller counts placeholders. The list filters come in as the
condition their queryset puts on a table (condition_of()), compiled by Django but never edited afterwards: it is
one slot of a statement written here, as readouts/trends.py does for its counting statement.
"""

import string
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet, FullResultSet
from psycopg import sql


@dataclass(frozen=True)
class Part:
    """A piece of SQL (text with ``%s`` placeholders, or a psycopg Composable) and its parameters."""

    sql: sql.Composable
    params: tuple = ()

    @classmethod
    def of(cls, text: str, params=()) -> "Part":
        return cls(sql.SQL(text), tuple(params))


NOTHING = Part.of("")
TRUE = Part.of("TRUE")


def fill(template: str, **slots: Part) -> Part:
    """The template with its slots filled; its parameters in the order of the slots' occurrences (a literal
    ``%s`` of the template itself takes a Part too: name it as a slot)."""
    order = [name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name]
    composed = sql.SQL(template).format(**{name: part.sql for name, part in slots.items()})
    return Part(composed, tuple(param for name in order for param in slots[name].params))


def value(param) -> Part:
    """One parameter, as a slot."""
    return Part.of("%s", [param])


def execute(cursor, part: Part):
    """Run the statement on a Django cursor (its placeholders are Django's ``%s``)."""
    connection = cursor.db
    connection.ensure_connection()
    return cursor.execute(part.sql.as_string(connection.connection), part.params)


def condition_of(queryset, table: str, connection) -> Part:
    """where_of() as a slot (TRUE itself when there is no condition)."""
    where, params = where_of(queryset, table, connection)
    return TRUE if where == "TRUE" else Part.of(where, params)


def where_of(queryset, table: str, connection) -> tuple[str, list]:
    """The condition a queryset puts on ``table`` (its columns named by the table), for a statement's WHERE
    clause, and its parameters; the filters test the table's columns or subqueries. A queryset that joins another
    table is selected by its ids instead."""
    query = queryset.query
    compiler = query.get_compiler(connection=connection)
    # A join that a filter set up and trimmed again (speaker=4 joins the people, then tests the key) has no
    # references left: the condition is still on the table's own columns.
    if sum(1 for alias in query.alias_map if query.alias_refcount.get(alias)) > 1:
        ids_sql, ids_params = queryset.values("id").order_by().query.get_compiler(connection=connection).as_sql()
        return f'"{table}"."id" IN ({ids_sql})', list(ids_params)
    try:
        where, params = compiler.compile(query.where)
    except FullResultSet:  # no condition
        return "TRUE", []
    except EmptyResultSet:  # a condition nothing meets
        return "FALSE", []
    return where or "TRUE", list(params)


# The matching paragraphs: MATCH_COLUMNS of readouts_statement where the query matches ({match}), among the list
# filters, the speaker and the kind ({filters}); {sample} is empty or a TABLESAMPLE clause, {narrowing} empty or a
# further condition (" AND readouts_statement.readout_id = ...").
MATCHING = """
    SELECT readouts_statement.id, readouts_statement.readout_id, readouts_statement.meeting_date,
           readouts_statement.position, readouts_statement.search_vector, readouts_statement.search_config
    FROM readouts_statement {sample}
    WHERE ({match}) AND ({filters}){narrowing}"""
# The same rows, the filters' read first and the words tested on them (the OFFSET keeps the planner from using the
# full-text index): for filters that select few paragraphs and words that match many, whose index scan costs more
# than reading the filters' rows (a speaker's 19,000 paragraphs: 90 ms; with "cooperation" through both indexes,
# 130 ms for the word's bitmap alone).
MATCHING_FILTERS_FIRST = """
    SELECT readouts_statement.id, readouts_statement.readout_id, readouts_statement.meeting_date,
           readouts_statement.position, readouts_statement.search_vector, readouts_statement.search_config
    FROM (
        SELECT readouts_statement.id, readouts_statement.readout_id, readouts_statement.meeting_date,
               readouts_statement.position, readouts_statement.search_vector, readouts_statement.search_config
        FROM readouts_statement {sample}
        WHERE ({filters}){narrowing}
        OFFSET 0
    ) readouts_statement
    WHERE ({match})"""
# What the planner expects a condition alone to select.
SELECTED = "EXPLAIN (FORMAT json) SELECT 1 FROM readouts_statement WHERE {condition}"
MATCH_COLUMNS = ("id", "readout_id", "meeting_date", "position", "search_vector", "search_config")

ESTIMATE = "EXPLAIN (FORMAT json) {matching}"

SAMPLE_CLAUSE = "TABLESAMPLE SYSTEM ({percent}) REPEATABLE (1)"
SAMPLED_YEARS = "SELECT date_part('year', m.meeting_date)::int, count(*) FROM ({matching}) m GROUP BY 1 ORDER BY 1"
TABLE_ROWS = "SELECT reltuples FROM pg_class WHERE oid = 'readouts_statement'::regclass"

# The readouts the list filters select ({filters}), newest first (or oldest: {order}), at most {limit}.
WALKED_READOUTS = """
    SELECT readouts_readout.id, readouts_readout.meeting_date FROM readouts_readout
    WHERE {filters} ORDER BY {order} LIMIT {limit}"""
WALK_ORDER = {
    "DESC": "readouts_readout.meeting_date DESC NULLS LAST, readouts_readout.id DESC",
    "ASC": "readouts_readout.meeting_date ASC NULLS LAST, readouts_readout.id ASC",
}
# The first {limit} matches along the walk: {matching} is narrowed to the walked readout r.
CANDIDATES = """
    SELECT candidate.id, candidate.readout_id, candidate.meeting_date, candidate.position,
           candidate.search_vector, candidate.search_config
    FROM readouts_statement candidate WHERE candidate.id IN (
        SELECT m.id FROM ({walked}) r
        CROSS JOIN LATERAL ({matching} OFFSET 0) m
        ORDER BY r.meeting_date {direction} NULLS LAST, r.id {direction}, m.position
        LIMIT {limit}
    )"""
# The first {limit} matches in date order ({direction}) among the few that the years narrowed {matching} to.
CANDIDATES_OF_YEARS = """
    SELECT m.id, m.readout_id, m.meeting_date, m.position, m.search_vector, m.search_config
    FROM ({matching}) m
    ORDER BY m.meeting_date {direction} NULLS LAST, m.readout_id {direction}, m.position
    LIMIT {limit}"""
# The first and last meeting dates of the readouts the list filters select ({filters}).
YEARS_SPANNED = "SELECT min(meeting_date), max(meeting_date) FROM readouts_readout WHERE {filters}"

# The ranking statement (ranked_page()). Slots: {ranked} (the matches with their rank, at most {limit}: NULL for
# all), {kept} (empty, or the ranked matches kept as a CTE when they cannot be read again), {grouped} (what the
# grouping reads: the ranked matches or the kept CTE), {order} (the page's order of readouts), {per_page} and
# {start}, {page_matches} (the page's readouts' matches with their ranks), {per_readout} (paragraphs per readout
# shown), {headline_query} and {headline_options}.
RANKED = "SELECT m.id, m.readout_id, m.meeting_date, m.position, {rank} AS rank FROM ({matching}) m LIMIT {limit}"
RANK = "ts_rank(m.search_vector, {row_query})"
PAGE_MATCHES = "SELECT m.id, m.readout_id, m.position, {rank} AS rank FROM ({matching}) m"
KEPT_PAGE_MATCHES = "SELECT * FROM matches WHERE readout_id IN (SELECT readout_id FROM page)"
PAGE_READOUTS_ONLY = ' AND "readouts_statement"."readout_id" IN (SELECT readout_id FROM page)'
RANKING = """
    WITH {kept}
    per_readout AS (
        SELECT readout_id, max(rank) AS best, count(*) AS paragraphs, min(meeting_date) AS meeting_date
        FROM {grouped} GROUP BY readout_id
    ),
    page AS MATERIALIZED (SELECT * FROM per_readout ORDER BY {order} LIMIT {per_page} OFFSET {start}),
    page_matches AS ({page_matches}),
    best AS (
        SELECT * FROM (
            SELECT id, readout_id,
                   row_number() OVER (PARTITION BY readout_id ORDER BY rank DESC, position) AS place
            FROM page_matches
        ) numbered
        WHERE place <= {per_readout}
    )
    SELECT
        totals.readouts, totals.paragraphs,
        (SELECT coalesce(json_agg(y ORDER BY y.year), '[]') FROM (
            SELECT date_part('year', meeting_date)::int AS year, sum(paragraphs)::int AS n
            FROM per_readout WHERE meeting_date IS NOT NULL GROUP BY 1) y),
        (SELECT coalesce(json_agg(json_build_array(
                page.readout_id, page.paragraphs, r.title, r.slug, r.meeting_date, r.location, r.publisher,
                -- A name per participant by its key: joined, the people were hashed whole per readout.
                ARRAY(SELECT (SELECT name FROM readouts_person WHERE id = participation.person_id)
                      FROM readouts_participation participation
                      WHERE participation.readout_id = r.id ORDER BY participation."order"),
                -- How the date is shown (readouts.templatetags.archive.readout_date).
                r.meeting_end_date, r.meeting_date_basis, r.meeting_month, r.meeting_day, r.is_generated,
                r.location_guessed
            ) ORDER BY {page_order}), '[]')
         FROM page JOIN readouts_readout r ON r.id = page.readout_id),
        (SELECT coalesce(json_agg(json_build_array(
                s.readout_id, s.id, s.position, s.kind, s.text, s.speaker_id, speaker.name, speaker.slug,
                s.segmented_text, s.speaker_guessed,
                ts_headline(s.search_config, coalesce(s.segmented_text, s.text), {headline_query}, {headline_options})
            ) ORDER BY s.readout_id, best.place), '[]')
         FROM best JOIN readouts_statement s ON s.id = best.id
         LEFT JOIN readouts_person speaker ON speaker.id = s.speaker_id)
    FROM (SELECT count(*) AS readouts, coalesce(sum(paragraphs), 0) AS paragraphs FROM per_readout) totals"""
