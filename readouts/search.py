"""Full-text search over the archive's paragraphs: query parsing, matching, ranking, headlines, suggestions.

Queries use web-search syntax (PostgreSQL's websearch_to_tsquery): words, "quoted phrases", ``or`` and
``-exclusion``, with English stemming over accent-folded words (the ``readout_english`` configuration that
also builds ``Statement.search_vector``).

Exact where it is cheap, honest where it is not: when a query matches at most ``EXACT_LIMIT`` paragraphs,
every match is ranked and counted. Above that, ranking every match of a very common word costs hundreds of
milliseconds, so relevance is computed among the ``CANDIDATE_LIMIT`` most recent matches and the totals and
the hits per year are estimated from a sample of the table; the page says so ("about 812,000").
"""

import math
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import Count, F, Max, Q, Window
from django.db.models.functions import ExtractYear, RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe

from readouts.models import SEARCH_CONFIG, Country, Person, Readout, Statement

EXACT_LIMIT = 10_000
NAME_SIMILARITY = 0.5
CANDIDATE_LIMIT = 2_000
SAMPLE_ROWS = 20_000
MAX_QUERY_LENGTH = 500
READOUTS_PER_PAGE = 20
PARAGRAPHS_PER_READOUT = 3
# ts_headline marks matches in plain text; private-use characters stand for <mark> until the text is escaped.
MARK_START, MARK_END = "\ue000", "\ue001"

RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"


@dataclass
class ParagraphHit:
    statement: Statement
    headline: str


@dataclass
class ReadoutHit:
    readout: Readout
    paragraphs: list[ParagraphHit]
    paragraph_count: int


@dataclass
class SearchResults:
    hits: list[ReadoutHit] = field(default_factory=list)
    readout_count: int = 0
    paragraph_count: int = 0
    approximate: bool = False
    page_number: int = 1
    page_count: int = 0
    years: list[tuple[int, int]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    @property
    def has_next(self) -> bool:
        return self.page_number < self.page_count

    @property
    def has_previous(self) -> bool:
        return self.page_number > 1


def clean_query_text(text: str) -> tuple[str, list[str]]:
    """The query as PostgreSQL will see it, and what had to be changed to get there."""
    messages = []
    text = text.replace("\x00", " ")
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH]
        messages.append(f"Only the first {MAX_QUERY_LENGTH} characters of the query were searched.")
    return " ".join(text.split()), messages


def search_query(text: str) -> SearchQuery:
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


def has_terms(text: str) -> bool:
    """Whether the query keeps any searchable word once stop words and punctuation are gone."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s)) > 0", [SEARCH_CONFIG, text])
        return cursor.fetchone()[0]


def matching_statements(query: SearchQuery, readouts=None, speaker=None, kind=None):
    """Paragraphs that match, within the readouts a filter left (None: all), by a speaker, of a kind."""
    matches = Statement.objects.filter(search_vector=query)
    if readouts is not None:
        matches = matches.filter(readout__in=readouts.order_by().values("pk"))
    if speaker is not None:
        matches = matches.filter(speaker=speaker)
    if kind:
        matches = matches.filter(kind=kind)
    return matches


def search(text: str, *, readouts=None, speaker=None, kind=None, sort=RELEVANCE, page=1) -> SearchResults:
    text, messages = clean_query_text(text)
    if not text:
        return SearchResults(messages=messages)
    if not has_terms(text):
        return SearchResults(messages=[*messages, "The query has no searchable words: try a more specific word."])
    query = search_query(text)
    matches = matching_statements(query, readouts, speaker, kind)
    capped_count = matches.order_by()[: EXACT_LIMIT + 1].count()
    if capped_count <= EXACT_LIMIT:
        results = exact_results(matches, query, sort, page)
    else:
        results = approximate_results(matches, query, sort, page)
    results.messages = messages + results.messages
    return results


def exact_results(matches, query, sort, page) -> SearchResults:
    ranked = matches.annotate(rank=SearchRank(F("search_vector"), query))
    per_readout = ranked.values("readout_id").annotate(best=Max("rank"), paragraphs=Count("id"))
    totals = matches.aggregate(readouts=Count("readout_id", distinct=True), paragraphs=Count("id"))
    results = SearchResults(readout_count=totals["readouts"], paragraph_count=totals["paragraphs"])
    results.years = list(
        matches.order_by()
        .values_list(ExtractYear("readout__meeting_date"))
        .annotate(n=Count("id"))
        .exclude(readout__meeting_date=None)
        .order_by(ExtractYear("readout__meeting_date"))
    )
    return fill_page(results, ranked, per_readout, query, sort, page)


def approximate_results(matches, query, sort, page) -> SearchResults:
    newest = matches.order_by(F("readout__meeting_date").desc(nulls_last=True), "-readout_id", "position")
    if sort == OLDEST:
        newest = matches.order_by(F("readout__meeting_date").asc(nulls_last=True), "readout_id", "position")
    candidates = Statement.objects.filter(pk__in=newest.values("pk")[:CANDIDATE_LIMIT])
    ranked = candidates.annotate(rank=SearchRank(F("search_vector"), query))
    per_readout = ranked.values("readout_id").annotate(best=Max("rank"), paragraphs=Count("id"))
    paragraphs, years = sampled_estimate(matches)
    results = SearchResults(approximate=True, paragraph_count=paragraphs, years=years)
    results.readout_count = per_readout_estimate(paragraphs, per_readout)
    results.messages.append(
        f"This query matches about {paragraphs:,} paragraphs: results are ranked among the "
        f"{CANDIDATE_LIMIT:,} most recent matches. Add words or filters to narrow it."
    )
    return fill_page(results, ranked, per_readout, query, sort, page)


def per_readout_estimate(paragraphs: int, per_readout) -> int:
    """Readouts matched, estimated from the paragraphs per readout among the candidates."""
    counts = list(per_readout.values_list("paragraphs", flat=True))
    if not counts:
        return 0
    return round(paragraphs * len(counts) / sum(counts))


def fill_page(results: SearchResults, ranked, per_readout, query, sort, page) -> SearchResults:
    results.page_count = max(1, math.ceil(len_of(per_readout, results) / READOUTS_PER_PAGE))
    results.page_number = min(max(1, page), results.page_count)
    if sort == NEWEST:
        order = [F("readout__meeting_date").desc(nulls_last=True), "-readout_id"]
    elif sort == OLDEST:
        order = [F("readout__meeting_date").asc(nulls_last=True), "readout_id"]
    else:
        order = ["-best", "-readout_id"]
    start = (results.page_number - 1) * READOUTS_PER_PAGE
    page_rows = list(per_readout.order_by(*order)[start : start + READOUTS_PER_PAGE])
    readout_ids = [row["readout_id"] for row in page_rows]
    readouts = Readout.objects.with_participants().in_bulk(readout_ids)
    paragraphs = best_paragraphs(ranked.filter(readout_id__in=readout_ids), query)
    results.hits = [
        ReadoutHit(readouts[row["readout_id"]], paragraphs.get(row["readout_id"], []), row["paragraphs"])
        for row in page_rows
    ]
    return results


def len_of(per_readout, results: SearchResults) -> int:
    if results.approximate:
        return per_readout.count()
    return results.readout_count


def best_paragraphs(ranked, query) -> dict[int, list[ParagraphHit]]:
    """The best few matching paragraphs of each readout, with highlighted headlines."""
    numbered = ranked.annotate(
        place=Window(RowNumber(), partition_by="readout_id", order_by=[F("rank").desc(), "position"])
    )
    # Window results can only be filtered in an outer query (Django 4.2+ does that for us).
    best = (
        numbered.filter(place__lte=PARAGRAPHS_PER_READOUT)
        .select_related("speaker")
        .annotate(
            headline=SearchHeadline(
                "text",
                query,
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=45,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        .order_by("readout_id", "place")
    )
    grouped: dict[int, list[ParagraphHit]] = {}
    for statement in best:
        grouped.setdefault(statement.readout_id, []).append(ParagraphHit(statement, highlighted(statement.headline)))
    return grouped


def highlighted(headline: str) -> str:
    """The headline as safe HTML: the text escaped, the matches in <mark>."""
    return mark_safe(escape(headline).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def sampled_estimate(matches) -> tuple[int, list[tuple[int, int]]]:
    """Matching paragraphs in all, and per meeting year, estimated from a block sample of the table.

    TABLESAMPLE has no ORM spelling, so the sample clause is put into the compiled query's first FROM.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'readouts_statement'::regclass")
        table_rows = max(cursor.fetchone()[0], 1)
        percent = min(100.0, 100.0 * SAMPLE_ROWS / table_rows)
        per_year = (
            matches.order_by()
            .values_list(ExtractYear("readout__meeting_date"))
            .annotate(n=Count("id"))
            .order_by(ExtractYear("readout__meeting_date"))
        )
        sql, params = per_year.query.sql_with_params()
        table = '"readouts_statement"'
        sampled = sql.replace(f"FROM {table}", f"FROM {table} TABLESAMPLE SYSTEM ({percent:.6f}) REPEATABLE (1)", 1)
        cursor.execute(sampled, params)
        rows = cursor.fetchall()
    scale = 100.0 / percent
    years = [(year, round(n * scale)) for year, n in rows if year is not None]
    total = round(sum(n for _, n in rows) * scale)
    return max(total, EXACT_LIMIT + 1), years


def matching_people(text: str, limit: int = 5):
    """People the query names, by alias or by a name close to it ("Tokaev" finds Tokayev), most met first."""
    spellings = sorted({text, text.title()})
    return (
        Person.objects.annotate(similarity=TrigramWordSimilarity(text, "name"))
        .filter(Q(similarity__gte=NAME_SIMILARITY) | Q(aliases__overlap=spellings))
        .with_meeting_counts()
        .select_related("country")
        .order_by("-similarity", "-meetings", "name")[:limit]
    )


def matching_countries(text: str, limit: int = 3):
    """Countries the query names: by name, code, demonym ("Kazakh") or alias, in any case."""
    spellings = sorted({text, text.title(), text.upper()})
    return Country.objects.filter(
        Q(name__unaccent__iexact=text) | Q(demonyms__overlap=spellings) | Q(aliases__overlap=spellings)
    )[:limit]
