"""The text search configuration of each language, and a query made for every configuration the archive holds.

Each paragraph is indexed in its readout's language (``Statement.search_config``, copied from the readout by
the triggers of migration 0017): PostgreSQL's stemmer for the languages it has one for, after unaccent, and
``readout_simple`` (words folded to lower case without accents, no stemming) for the rest. Chinese and Japanese
text is split into words before (readouts/search/words.py), so that ``simple`` sees words, not whole clauses.

A query is made once per configuration the archive holds (websearch_to_tsquery of each), and the configurations
whose queries come out the same are grouped: "Tokayev" or "王毅" is one query for every language, and a paragraph
matches when its vector matches its own configuration's query. Matching then costs one GIN scan per distinct
query, and none more when all configurations agree (a name, a Chinese word, an archive in one language).
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQueryField
from django.core.cache import cache
from django.db.models import BooleanField, F, Func

# Must agree with the SQL function readouts_search_config() of migration 0017 (tests/test_search_languages.py checks).
CONFIG_OF_LANGUAGE = {
    "en": "readout_english",
    "fr": "readout_french",
    "ru": "readout_russian",
    "es": "readout_spanish",
    "de": "readout_german",
    "pt": "readout_portuguese",
    "ar": "readout_arabic",
}
SIMPLE_CONFIG = "readout_simple"
ALL_CONFIGS = (*CONFIG_OF_LANGUAGE.values(), SIMPLE_CONFIG)
# Which configurations the archive's paragraphs use changes when a readout in a new language is imported: a minute
# late at most, until which such paragraphs are found only by a query that reads the same in both configurations.
CONFIGS_KEY, CONFIGS_TIMEOUT = "readouts:search-configs", 60


def config_for(language: str) -> str:
    """The configuration that indexes a readout in this language (an ISO 639-1 code, "en" or "en-GB")."""
    return CONFIG_OF_LANGUAGE.get(language.split("-")[0].lower(), SIMPLE_CONFIG)


def configs_in_archive(connection) -> tuple[str, ...]:
    """The configurations the paragraphs are indexed in: found from the readouts' languages by skipping along
    their index (a lookup per language), kept a minute in the cache."""
    configs = cache.get(CONFIGS_KEY)
    if configs is None:
        with connection.cursor() as cursor:
            cursor.execute(
                """
                WITH RECURSIVE languages(code) AS (
                    (SELECT language FROM readouts_readout ORDER BY language LIMIT 1)
                    UNION ALL
                    SELECT (SELECT language FROM readouts_readout WHERE language > languages.code
                            ORDER BY language LIMIT 1)
                    FROM languages WHERE languages.code IS NOT NULL
                )
                SELECT code FROM languages WHERE code IS NOT NULL
                """
            )
            configs = tuple(sorted({config_for(code) for (code,) in cursor.fetchall()})) or ("readout_english",)
        cache.set(CONFIGS_KEY, configs, CONFIGS_TIMEOUT)
    return configs


@dataclass(frozen=True)
class QueryGroup:
    """One tsquery (as text) and the configurations whose paragraphs it is for."""

    tsquery: str
    configs: tuple[str, ...]


@dataclass(frozen=True)
class MultilingualQuery:
    """A query made in each configuration searched: ``groups`` of configurations that read it the same (those
    where it keeps a word). ``held``: the configurations the archive holds; a group for all of them needs no test
    of the paragraph's configuration."""

    groups: tuple[QueryGroup, ...]
    held: tuple[str, ...]
    has_terms: bool
    has_phrase: bool

    def match_sql(self, table: str = "") -> tuple[str, list]:
        """The condition that a paragraph (columns of ``table``, a name and a dot, or nothing) matches."""
        return self.match_sql_of(f"{table}search_vector", f"{table}search_config")

    def match_sql_of(self, vector: str, config: str) -> tuple[str, list]:
        if not self.groups:
            return "false", []
        if len(self.groups) == 1 and set(self.groups[0].configs) >= set(self.held):
            return f"{vector} @@ %s::tsquery", [self.groups[0].tsquery]
        parts, params = [], []
        for group in self.groups:
            parts.append(f"({vector} @@ %s::tsquery AND {config} = ANY(%s::regconfig[]))")
            params += [group.tsquery, list(group.configs)]
        return f"({' OR '.join(parts)})", params

    def row_query_sql(self, table: str = "") -> tuple[str, list]:
        """The tsquery of a paragraph's own configuration, for ts_rank and ts_headline."""
        return self.row_query_sql_of(f"{table}search_config")

    def row_query_sql_of(self, config: str) -> tuple[str, list]:
        if len(self.groups) == 1:
            return "%s::tsquery", [self.groups[0].tsquery]
        cases, params = [], []
        for group in self.groups:
            cases.append(f"WHEN {config} = ANY(%s::regconfig[]) THEN %s::tsquery")
            params += [list(group.configs), group.tsquery]
        return f"(CASE {' '.join(cases)} END)", params


def multilingual_query(connection, parts_sql: str, parts_params: list, configs=None) -> MultilingualQuery:
    """The query in each of ``configs`` (None: every configuration the archive holds), grouped.

    ``parts_sql`` is an SQL expression of a tsquery in the configuration ``cfg`` (a column of the statement:
    websearch_to_tsquery(cfg, %s), ANDed with names' spellings, see readouts/search/query.py); one statement
    makes it in every configuration."""
    held = configs_in_archive(connection)
    searched = tuple(configs) if configs else held
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT made.query::text, array_agg(made.cfg::text ORDER BY made.cfg::text),
                   bool_or(numnode(made.query) > 0), bool_or(made.query::text ~ '<[0-9-]+>')
            FROM (SELECT cfg, {parts_sql} AS query FROM unnest(%s::regconfig[]) AS cfg) made
            GROUP BY made.query::text ORDER BY 2
            """,
            [*parts_params, list(searched)],
        )
        rows = cursor.fetchall()
    groups = tuple(QueryGroup(tsquery, tuple(configs)) for tsquery, configs, has_terms, _ in rows if has_terms)
    return MultilingualQuery(
        groups=groups,
        held=held,
        has_terms=any(row[2] for row in rows),
        has_phrase=any(row[3] for row in rows),
    )


class TextMatch(Func):
    """A paragraph matches a MultilingualQuery: a condition for QuerySet.filter() on paragraphs."""

    output_field = BooleanField()

    def __init__(self, query: MultilingualQuery):
        super().__init__(F("search_vector"), F("search_config"))
        self.query = query

    def as_sql(self, compiler, connection, **extra_context):
        (vector, _), (config, _) = (compiler.compile(column) for column in self.get_source_expressions())
        sql, params = self.query.match_sql_of(vector, config)
        # Column references carry no parameters.
        return sql, params


class RowQuery(Func):
    """The tsquery of a MultilingualQuery in the paragraph's own configuration (to rank it with SearchRank)."""

    output_field = SearchQueryField()

    def __init__(self, query: MultilingualQuery):
        super().__init__(F("search_config"))
        self.query = query

    def as_sql(self, compiler, connection, **extra_context):
        config, _params = compiler.compile(self.get_source_expressions()[0])
        return self.query.row_query_sql_of(config)
