"""Full-text search over the archive's paragraphs: query parsing, matching, ranking, headlines, suggestions.

Queries use web-search syntax (PostgreSQL's websearch_to_tsquery): words, "quoted phrases", ``or`` and
``-exclusion``, with English stemming over accent-folded words (the ``readout_english`` configuration that
also builds ``Statement.search_vector``).

Exact where it is cheap, honest where it is not: when the planner expects at most ``EXACT_PLANNED`` matches
(a margin above the 10,000 where exactness is promised), every match is ranked and counted, which reads one
table page per match (about 20 ms for 10,000 matches when cached); reading stops one match past the limit, so
a wrong estimate costs little. Above that, relevance is computed among the ``CANDIDATE_LIMIT`` most recent
matches, and the totals and hits per year are estimated from a block sample of the table; the page says so
("About 812,000 paragraphs match"). The candidates are read from the latest years through the full-text index
(which holds the meeting year) when the sample puts enough of them in a few years that hold few, else found by
walking the readouts newest first and probing each one's paragraphs (a few milliseconds even for a word in 40%
of paragraphs, but a hundred for a phrase in 0.4% of them, most in one language's readouts).

The list filters narrow the paragraphs through their own copies of the readout's meeting date, countries and
publisher (migrations 0009 and 0012), so that one GIN scan answers words and filters together: the GIN index
holds the countries and the meeting year too (0014), and the date or the publisher index is ANDed with it for
a range within years or a publisher.

A search runs a handful of statements: the query's shape, the planner's estimate, a block sample where the
estimate is doubted or the path is approximate, and one ranking statement that also gives the totals, the years,
the page's readouts as the results show them and their best paragraphs with headlines. They are named statements
(statements.py) whose slots take the matches' condition and the filters' (matches_of(), made once).
"""

import datetime
import html
import json
import math
import re
from dataclasses import dataclass, field

from django.db import connections, router
from django.utils.safestring import mark_safe

from readouts.models import INDEXED_YEARS, UNCERTAIN_DATE_BASES, Country, DateBasis, Person, Readout, Statement
from readouts.search import questions, statements, words
from readouts.search.languages import MultilingualQuery, TextMatch
from readouts.search.query import understood
from readouts.search.questions import Question
from readouts.search.statements import Part, fill, value

# Up to this many matches (by the planner's estimate, within a few percent for words) every match is ranked
# and counted: above the 10,000 where exactness is promised, and about where reading every match starts to
# cost more than the page's whole budget (16,000 matches: about 50 ms at 3,000,000 paragraphs). It was 12,000:
# a query of 12,000 to 16,000 matches then read 12,001 of them before its approximate path ("climate change" in
# 2015-2019, 12,855 matches that the planner put at 375: 40 ms, then 20 more), or walked the readouts for its
# newest matches where they are in one language's readouts (气候变化, 13,116: 100 ms), where ranking them all
# takes 40 ms.
EXACT_PLANNED = 16_000
CANDIDATE_LIMIT = 500
WALK_READOUTS = 10_000
SAMPLE_ROWS = 5_000
# The newest matches are read from the latest years through the full-text index (which holds the meeting year)
# when the sample puts YEARS_MARGIN times CANDIDATE_LIMIT matches in at most INDEXED_YEARS of them and at most
# YEARS_READ matches there: reading a match costs about 4 µs, while walking the readouts probes 500 / share
# paragraphs ("изменения климата", 0.4%: 120,000 paragraphs of 10,000 readouts, 90 ms).
YEARS_MARGIN = 3
YEARS_READ = 8_000
# A sample that puts the matches above this many times EXACT_PLANNED (18,000) is believed: for 10,000 matches a
# sample of 5,000 paragraphs holds about 50 at 1,000,000 paragraphs, and reading 18,000 from it takes 90, five
# standard deviations even for a block sample, whose paragraphs come in readouts (the same 18,000 as when the
# limit was 12,000).
SURELY_ABOVE = 1.125
# A speaker or a kind that the planner expects to select at most FILTERS_FIRST_ROWS paragraphs, with words it
# expects to match FILTERS_FIRST_RATIO times as many among the other filters, are read first and the words tested
# on their rows (statements.py): a row read costs about 4 µs, a row of the full-text index's bitmap about 0.14 µs
# ("cooperation": 939,000 rows in 130 ms), so the index wins below about 30 times as many.
FILTERS_FIRST_ROWS = 50_000
FILTERS_FIRST_RATIO = 30
MAX_QUERY_LENGTH = 500
READOUTS_PER_PAGE = 20
PARAGRAPHS_PER_READOUT = 3
# ts_headline marks matches in plain text; private-use characters stand for <mark> until the text is escaped.
MARK_START, MARK_END = "\ue000", "\ue001"
FRAGMENT_DELIMITER = " … "
HEADLINE = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=45, MinWords=20, MaxFragments=2, '
    f'FragmentDelimiter="{FRAGMENT_DELIMITER}"'
)

WORD = re.compile(r"[^\W\d_]{3,}")
MAX_SUGGESTED_WORDS = 8

RELEVANCE, NEWEST, OLDEST = "relevance", "newest", "oldest"
# The readouts' order on the page; {0} is the prefix of the columns (a table's name and a dot, or nothing).
PAGE_ORDER = {
    RELEVANCE: "{0}best DESC, {0}readout_id DESC",
    NEWEST: "{0}meeting_date DESC NULLS LAST, {0}readout_id DESC",
    OLDEST: "{0}meeting_date ASC NULLS LAST, {0}readout_id ASC",
}


def read_connection():
    """The connection for this search's raw queries: where the ORM reads too (a replica during a GET request, see
    archive/replicas.py), so that a page reads one database."""
    return connections[router.db_for_read(Statement)]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a paragraph found: enough to name and link them."""

    id: int
    name: str
    slug: str

    @property
    def pk(self) -> int:  # as a model's, for the code that shows either
        return self.id

    def get_absolute_url(self) -> str:
        return Person.get_absolute_url(self)


@dataclass(slots=True)
class ReadoutCard:
    """A readout as a search result shows it (templates/includes/_search_hit.html)."""

    id: int
    title: str
    slug: str
    meeting_date: datetime.date | None
    meeting_end_date: datetime.date | None
    meeting_date_basis: str
    meeting_month: int | None
    meeting_day: int | None
    location: str
    location_guessed: bool  # the importer's guess (Readout.location_guessed), shown as one
    publisher: str
    is_generated: bool
    participant_names: list[str]

    @property
    def pk(self) -> int:  # as a model's, for the code that shows either
        return self.id

    def get_absolute_url(self) -> str:
        return Readout.get_absolute_url(self)  # reads meeting_date and slug only

    @property
    def date_note(self) -> str:
        if self.meeting_date_basis in UNCERTAIN_DATE_BASES:
            return str(DateBasis(self.meeting_date_basis).label)
        return ""


@dataclass(slots=True)
class FoundParagraph:
    """A matching paragraph of a readout found."""

    id: int
    readout_id: int
    readout_url: str
    position: int
    kind: str
    text: str
    speaker: Speaker | None
    speaker_guessed: bool  # the importer's guess (Statement.speaker_guessed), shown as one

    @property
    def pk(self) -> int:  # as a model's, for the code that shows either
        return self.id

    def get_absolute_url(self) -> str:
        return f"{self.readout_url}#p{self.position}"


@dataclass(slots=True)
class ParagraphHit:
    statement: FoundParagraph
    headline: str  # safe HTML: the matches in <mark>, "…" where the paragraph was cut


@dataclass(slots=True)
class ReadoutHit:
    readout: ReadoutCard | Readout  # a Readout when the caller asked for its own (search()'s hit_readouts)
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
    query: str = ""  # the text searched: cleaned, and cut to MAX_QUERY_LENGTH
    # How the query was understood (answered()): as the words typed (``typed``, cleaned and cut as ``query`` is),
    # as a question about what a person said, or as its corrected spelling.
    typed: str = ""
    question: Question | None = None
    corrected_from: str | None = None

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


def matching_statements(query: MultilingualQuery, paragraphs=None, speaker=None, kind=None):
    """Paragraphs that match, among ``paragraphs`` (those of the readouts the list filters select, from
    ReadoutFilter.paragraphs(); None: all), by a speaker, of a kind."""
    matches = (Statement.objects.all() if paragraphs is None else paragraphs).filter(TextMatch(query))
    if speaker is not None:
        matches = matches.filter(speaker=speaker)
    if kind:
        matches = matches.filter(kind=kind)
    return matches


def search(
    text: str,
    *,
    readouts=None,
    paragraphs=None,
    speaker=None,
    kind=None,
    sort=RELEVANCE,
    page=1,
    hit_readouts=None,
    language=None,
) -> SearchResults:
    """Search the paragraphs. With list filters in use, ``readouts`` are the readouts they select and
    ``paragraphs`` those readouts' paragraphs (ReadoutFilter.qs and .paragraphs()); None for all.
    ``hit_readouts``, when given, is the queryset the page's readouts are fetched from (what the caller shows of
    them); by default they come with the ranking, as a search result shows them (hit_card()). ``language``: the
    language filter's code, when set: the query is then made in that language's configuration alone."""
    text, messages = clean_query_text(text)
    if not text:
        return SearchResults(messages=messages)
    query = understood(text, read_connection(), language)
    has_terms, has_phrase = query.has_terms and bool(query.groups), query.has_phrase
    if not has_terms:
        no_words = "The query has no searchable words: try a more specific word."
        return SearchResults(messages=[*messages, no_words], query=text)
    matches = matches_of(query, paragraphs, speaker, kind)
    planned, sample = estimated_count(matches), None
    if planned <= EXACT_PLANNED and (has_phrase or speaker is not None or kind or len(query.groups) > 1):
        # The planner guesses a phrase from its words' frequencies, often tens of times too low ("climate change":
        # 1,183 for 34,000), a speaker's or a kind's paragraphs as if words did not go with them ("progress"
        # in joint statements: 9,649 for 21,638), and a query that languages read apart as if its words were
        # in every language ("изменения климата": 7 for 12,601). A block sample (a few milliseconds) says when
        # it is far off.
        sample = sampled_estimate(matches)
        if sample.total > SURELY_ABOVE * EXACT_PLANNED:
            planned = sample.total
    results = None
    if planned <= EXACT_PLANNED:
        # None when there were more after all (found after reading one more than the limit): the planner also
        # misjudges filters it has no statistics for, and words that go with a date or a country.
        results = ranked_page(matches, sort, page, hit_readouts, limit=EXACT_PLANNED)
    if results is None:
        results = approximate_results(matches, sort, page, readouts, sample, hit_readouts)
    results.messages = messages + results.messages
    results.query = text
    return results


@dataclass
class Matches:
    """The matching paragraphs as slots of the statements (statements.MATCHING): the query's condition
    (``match``), and the list filters, the speaker and the kind (``filters``), for the planner's estimate, the
    sample, the walk for the newest matches and the ranking, which build on them; and the query (for ts_rank and
    ts_headline, in each paragraph's configuration)."""

    query: MultilingualQuery
    match: Part
    filters: Part
    # The ranking reads the page's paragraphs again by their readouts (the rows narrowed) instead of keeping every
    # match (ranked_page()).
    # statements.MATCHING, or MATCHING_FILTERS_FIRST for filters that select few paragraphs and words that match
    # many (matches_of()).
    shape: str = statements.MATCHING
    narrowable = True

    def rows(self, narrowing: Part = statements.NOTHING, sample: Part = statements.NOTHING) -> Part:
        """The matches' MATCH_COLUMNS, in no order; of a block sample of the table with ``sample``."""
        return fill(self.shape, sample=sample, match=self.match, filters=self.filters, narrowing=narrowing)

    def row_query(self, table: str) -> Part:
        """The tsquery of each paragraph's own configuration, its columns in ``table`` (a name and a dot)."""
        return Part.of(*self.query.row_query_sql(table))


@dataclass
class Candidates:
    """Some of the matches, found by a statement of their own (recent_candidates()): read once, and kept."""

    query: MultilingualQuery
    found: Part
    narrowable = False

    def rows(self, narrowing: Part = statements.NOTHING) -> Part:
        return self.found

    row_query = Matches.row_query


def matches_of(query: MultilingualQuery, paragraphs=None, speaker=None, kind=None) -> Matches:
    """The matches of the query among ``paragraphs`` (ReadoutFilter.paragraphs(); None: all), by a speaker,
    of a kind: the filters are the condition that their queryset puts on the paragraphs."""
    filtered = Statement.objects.all() if paragraphs is None else paragraphs
    if speaker is not None:
        filtered = filtered.filter(speaker=speaker)
    if kind:
        filtered = filtered.filter(kind=kind)
    connection = read_connection()
    filters = statements.condition_of(filtered, "readouts_statement", connection)
    match = Part.of(*query.match_sql('"readouts_statement".'))
    shape = statements.MATCHING
    if speaker is not None or kind:  # the paragraphs' columns the full-text index does not hold
        # What reading the speaker's or the kind's rows first costs, against what the full-text index reads: the
        # words' rows among the other filters (the meeting years and the countries are in that index too).
        scalar = Statement.objects.filter(**({"speaker": speaker} if speaker is not None else {}), **(
            {"kind": kind} if kind else {}))  # fmt: skip
        chosen = planned_rows(statements.condition_of(scalar, "readouts_statement", connection))
        others = statements.TRUE if paragraphs is None else statements.condition_of(
            paragraphs, "readouts_statement", connection)  # fmt: skip
        indexed = planned_rows(fill("({match}) AND ({others})", match=match, others=others))
        if chosen <= FILTERS_FIRST_ROWS and indexed > FILTERS_FIRST_RATIO * chosen:
            shape = statements.MATCHING_FILTERS_FIRST
    return Matches(query, match, filters, shape)


def planned_rows(condition: Part) -> int:
    """The planner's estimate of the paragraphs that meet a condition alone (half a millisecond)."""
    with read_connection().cursor() as cursor:
        statements.execute(cursor, fill(statements.SELECTED, condition=condition))
        plan = json_value(cursor.fetchone()[0])
    return int(plan[0]["Plan"]["Plan Rows"])


def estimated_count(matches: Matches) -> int:
    """The planner's estimate of the matches: a millisecond, where counting takes hundreds."""
    with read_connection().cursor() as cursor:
        statements.execute(cursor, fill(statements.ESTIMATE, matching=matches.rows()))
        plan = json_value(cursor.fetchone()[0])
    return int(plan[0]["Plan"]["Plan Rows"])


def recent_candidates(matches: Matches, sort, readouts=None) -> Candidates:
    """The ``CANDIDATE_LIMIT`` most recent of the matching paragraphs (the oldest, when sorted so), among
    ``readouts`` (None: all): ranked_page() finds them within its own statement.

    Walks the readouts in date order along their index and probes each one's paragraphs, stopping at the
    limit: for a word in 2% of paragraphs or more that reads a few thousand rows, where ranking every match
    through the full-text index reads one table page per match. At most ``WALK_READOUTS`` readouts are
    walked, which bounds the cost when the planner overestimated the matches.
    """
    direction = "ASC" if sort == OLDEST else "DESC"
    chosen = statements.TRUE
    if readouts is not None:
        chosen = statements.condition_of(readouts, "readouts_readout", read_connection())
    walked = fill(
        statements.WALKED_READOUTS,
        filters=chosen,
        order=Part.of(statements.WALK_ORDER[direction]),
        limit=value(WALK_READOUTS),
    )
    found = fill(
        statements.CANDIDATES,
        walked=walked,
        matching=matches.rows(narrowing=Part.of(' AND "readouts_statement"."readout_id" = r.id')),
        direction=Part.of(direction),
        limit=value(CANDIDATE_LIMIT),
    )
    return Candidates(matches.query, found)


def candidates_of_years(matches: Matches, sort, sample: "Sample", readouts=None) -> Candidates | None:
    """The ``CANDIDATE_LIMIT`` most recent matches (the oldest, when sorted so) read from the latest (earliest)
    years through the full-text index, when the sample puts enough of them in a few years that hold few (None
    otherwise): those years run from the one where the sampled matches reach YEARS_MARGIN times the limit to the
    last (first) of ``readouts`` (the list filters' readouts; None: all), so that any match outside them is older
    (newer) than every match inside."""
    newest_first = sort != OLDEST
    found, reached = 0, None
    for year, n in sorted(sample.years, reverse=newest_first):
        found += n
        if found >= YEARS_MARGIN * CANDIDATE_LIMIT:
            reached = year
            break
    if reached is None or found > YEARS_READ:
        return None
    chosen = statements.TRUE
    if readouts is not None:
        chosen = statements.condition_of(readouts, "readouts_readout", read_connection())
    with read_connection().cursor() as cursor:
        statements.execute(cursor, fill(statements.YEARS_SPANNED, filters=chosen))
        first, last = cursor.fetchone()
    if first is None:
        return None
    span = (reached, last.year) if newest_first else (first.year, reached)
    if span[1] - span[0] >= INDEXED_YEARS:
        return None
    years = Statement.objects.met_between(datetime.date(span[0], 1, 1), datetime.date(span[1], 12, 31))
    within = statements.condition_of(years, "readouts_statement", read_connection())
    found = fill(
        statements.CANDIDATES_OF_YEARS,
        matching=matches.rows(narrowing=fill(" AND ({within})", within=within)),
        direction=Part.of("ASC" if sort == OLDEST else "DESC"),
        limit=value(CANDIDATE_LIMIT),
    )
    return Candidates(matches.query, found)


def approximate_results(matches, sort, page, readouts=None, sample=None, hit_readouts=None) -> SearchResults:
    """Relevance among the most recent matches (the oldest, when sorted so); totals from a sample (``sample``,
    when one was taken already). The candidates come from the latest years where the sample says that is cheap
    (candidates_of_years()), else from the walk (recent_candidates()), and from the walk too when those years held
    fewer than the limit after all."""
    sample = sample or sampled_estimate(matches)
    results, of_years = None, candidates_of_years(matches, sort, sample, readouts)
    if of_years is not None:
        results = ranked_page(of_years, sort, page, hit_readouts)
        if results.paragraph_count < CANDIDATE_LIMIT:
            results = None
    if results is None:
        results = ranked_page(recent_candidates(matches, sort, readouts), sort, page, hit_readouts)
    ranked = results.paragraph_count  # every candidate matches
    sampled = sample.total
    if sampled > ranked:
        # Scale the readouts counted among the candidates up to the sampled paragraph total.
        results.readout_count = round(results.readout_count * sampled / max(ranked, 1))
        results.paragraph_count = sampled
        results.years = sample.years
        results.approximate = True
        results.messages.append(
            f"About {sampled:,} paragraphs match: these results come from the {ranked:,} "
            f"{'oldest' if sort == OLDEST else 'most recent'} of them. Add words or filters to narrow the search."
        )
    return results


def ranked_page(matches: Matches | Candidates, sort, page, hit_readouts=None, limit=None) -> SearchResults | None:
    """Rank and count every match and fetch one page of readouts with their best paragraphs;
    None if there are more than ``limit`` (when given), found after reading one more than that.

    One statement (statements.RANKING) ranks each match once and derives from the ranks the totals, the hits per
    year, the page's readouts (what a result shows of them: hit_card()) and their best few paragraphs with
    highlighted headlines. With ``hit_readouts`` given, a second fetches the page's readouts from it instead (the
    API's, with their participants).
    """
    start = (max(page, 1) - 1) * READOUTS_PER_PAGE
    order = PAGE_ORDER[sort]
    rank = fill(statements.RANK, row_query=matches.row_query("m."))
    ranked = fill(
        statements.RANKED, rank=rank, matching=matches.rows(), limit=value(None if limit is None else limit + 1)
    )  # LIMIT NULL: all
    if matches.narrowable:
        # The matches go straight into the grouping, and the page's paragraphs are read again through their
        # readouts (a few dozen rows): keeping every match for that costs more (9,000 matches: 4 ms of 40).
        kept, grouped = statements.NOTHING, fill("({ranked}) matches", ranked=ranked)
        narrowed = matches.rows(narrowing=Part.of(statements.PAGE_READOUTS_ONLY))
        page_matches = fill(statements.PAGE_MATCHES, rank=rank, matching=narrowed)
    else:
        # Reading the candidates again would walk the readouts again: they are kept.
        kept, grouped = fill("matches AS MATERIALIZED ({ranked}),", ranked=ranked), Part.of("matches")
        page_matches = Part.of(statements.KEPT_PAGE_MATCHES)
    statement = fill(
        statements.RANKING,
        kept=kept,
        grouped=grouped,
        order=Part.of(order.format("")),
        per_page=value(READOUTS_PER_PAGE),
        start=value(start),
        page_matches=page_matches,
        per_readout=value(PARAGRAPHS_PER_READOUT),
        page_order=Part.of(order.format("page.")),
        headline_query=matches.row_query("s."),
        headline_options=value(HEADLINE),
    )
    with read_connection().cursor() as cursor:
        statements.execute(cursor, statement)
        readout_count, paragraph_count, years, page_rows, best_rows = cursor.fetchone()
    if limit is not None and paragraph_count > limit:
        return None
    results = SearchResults(
        readout_count=readout_count,
        paragraph_count=int(paragraph_count),
        years=[(row["year"], row["n"]) for row in json_value(years)],
        page_number=max(page, 1),
        page_count=math.ceil(readout_count / READOUTS_PER_PAGE),
    )
    page_rows = json_value(page_rows)
    if hit_readouts is None:
        readouts = {row[0]: hit_card(row) for row in page_rows}
    else:
        readouts = hit_readouts.in_bulk([row[0] for row in page_rows])
    best = paragraph_hits(json_value(best_rows), readouts)
    results.hits = [ReadoutHit(readouts[row[0]], best.get(row[0], []), row[1]) for row in page_rows]
    return results


def hit_card(row) -> ReadoutCard:
    """A readout of the page's rows of ranked_page(), as a search result shows it."""
    readout_id, _paragraphs, title, slug, meeting_date, location, publisher, participant_names, *details = row
    end, basis, month, day, is_generated, location_guessed = details
    return ReadoutCard(
        id=readout_id, title=title, slug=slug, location=location, location_guessed=location_guessed,
        publisher=publisher,
        meeting_date=meeting_date and datetime.date.fromisoformat(meeting_date),
        meeting_end_date=end and datetime.date.fromisoformat(end), meeting_date_basis=basis, meeting_month=month,
        meeting_day=day, is_generated=is_generated, participant_names=participant_names,
    )  # fmt: skip


def paragraph_hits(rows, readouts) -> dict[int, list[ParagraphHit]]:
    """The best paragraphs' rows of ranked_page(), grouped by readout. A speaker is one object however often
    they speak."""
    grouped: dict[int, list[ParagraphHit]] = {}
    speakers: dict[int, Speaker] = {}
    urls = {readout_id: readout.get_absolute_url() for readout_id, readout in readouts.items()}
    for row in rows:
        readout_id, statement_id, position, kind, text, speaker_id, speaker_name, slug, segmented, *rest = row
        guessed, headline = rest
        if speaker_id is not None and speaker_id not in speakers:
            speakers[speaker_id] = Speaker(speaker_id, speaker_name, slug)
        found = FoundParagraph(
            statement_id, readout_id, urls[readout_id], position, kind, text, speakers.get(speaker_id), guessed
        )
        grouped.setdefault(readout_id, []).append(ParagraphHit(found, highlighted(headline, segmented or text)))
    return grouped


def json_value(value):
    """psycopg returns json columns decoded; a value that came back as text is decoded here."""
    return json.loads(value) if isinstance(value, str) else value


def highlighted(headline: str, source: str) -> str:
    """The headline of ``source`` (the text it was made from) as safe HTML: the text escaped (by html.escape, as
    Django's escape() does after its checks for lazy strings), the matches in <mark>, and "…" before and after
    where it begins or ends inside the paragraph (ts_headline cuts at words)."""
    fragments = [words_only(part) for part in headline.split(FRAGMENT_DELIMITER)]
    source = words_only(source)
    if fragments[0] and not source.startswith(fragments[0]):
        headline = f"… {headline}"
    if fragments[-1] and not source.endswith(fragments[-1]):
        headline = f"{headline} …"
    headline = words.joined_again(headline)
    return mark_safe(html.escape(headline).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def words_only(text: str) -> str:
    """The text from its first word to its last, without the marks of matches: ts_headline leaves out the
    punctuation before and after the words it keeps.

    The ends are found by stepping in from each (a character that is not alphanumeric is what ``[\\W_]`` matches):
    a regular expression for "non-words at the end" is tried at every position of the text, 10 µs for a paragraph
    of 150 characters, and a page has up to sixty headlines and their paragraphs."""
    text = text.replace(MARK_START, "").replace(MARK_END, "")
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


@dataclass
class Sample:
    total: int
    years: list[tuple[int, int]]


def sampled_estimate(matches: Matches) -> Sample:
    """Matching paragraphs in all, and per meeting year, estimated from a block sample of about SAMPLE_ROWS
    paragraphs (the sample clause in the matches' slot for it).

    The share sampled is written into the statement, not computed in it: the planner chooses the plan by it
    (a subquery there left the planner guessing: with a language filter the sample took 50 ms instead of 5)."""
    with read_connection().cursor() as cursor:
        cursor.execute(statements.TABLE_ROWS)
        percent = min(100.0, 100.0 * SAMPLE_ROWS / max(cursor.fetchone()[0], 1))
        sample = fill(statements.SAMPLE_CLAUSE, percent=Part.of(f"{percent:.6f}"))
        statements.execute(cursor, fill(statements.SAMPLED_YEARS, matching=matches.rows(sample=sample)))
        rows = cursor.fetchall()
    scale = 100.0 / percent
    years = [(year, round(n * scale)) for year, n in rows if year is not None]
    total = round(sum(n for _year, n in rows) * scale)
    return Sample(total, years)


# A correction this close to every word it replaces (pg_trgm's similarity: "coopration" and "cooperation" 0.64)
# is shown at once when the query as typed finds nothing.
CONFIDENT_SIMILARITY = 0.5


def answered(text: str, *, speaker=None, as_typed=False, **options) -> SearchResults:
    """search() of the query as a person means it, unless ``as_typed``:
    - a query that names a known person and more, with no speaker chosen, is a question about what they said
      (questions.py): their statements that match the rest, if they said any, else the plain search;
    - a query that finds nothing and has a confident correction shows the corrected query's results.
    ``typed`` keeps the query as typed, for the page's offer of the plain search."""
    typed, _messages = clean_query_text(text)
    if speaker is None and not as_typed and typed:
        question = questions.question_in(typed, read_connection())
        if question is not None:
            results = search(question.about, speaker=question.person_id, **options)
            if results.paragraph_count:
                results.question, results.typed = question, typed
                return results
    results = search(text, speaker=speaker, **options)
    results.typed = typed
    if not as_typed and not results.paragraph_count and results.query:
        correction = suggested(results.query)
        if correction is not None and correction[1] >= CONFIDENT_SIMILARITY:
            corrected = search(correction[0], speaker=speaker, **options)
            if corrected.paragraph_count:
                corrected.typed, corrected.corrected_from = typed, typed
                return corrected
    return results


def suggestion(text: str) -> str | None:
    """The query with each word the archive does not use replaced by its closest word that it does use
    (pg_trgm similarity over the SearchTerm vocabulary, most used first), or None when nothing changes."""
    found = suggested(text)
    return found and found[0]


def suggested(text: str) -> tuple[str, float] | None:
    """suggestion(), and the lowest similarity of a replacement to the word it replaces."""
    asked = list(dict.fromkeys(word.lower() for word in WORD.findall(text)))[:MAX_SUGGESTED_WORDS]
    if not asked:
        return None
    with read_connection().cursor() as cursor:
        cursor.execute(
            """
            SELECT asked.word, best.word, best.similarity
            FROM unnest(%s::text[]) AS asked(word)
            CROSS JOIN LATERAL (
                SELECT term.word, similarity(term.word, unaccent(asked.word)) AS similarity
                FROM readouts_searchterm term
                WHERE term.word %% unaccent(asked.word)
                ORDER BY term.word = unaccent(asked.word) DESC, similarity(term.word, unaccent(asked.word)) DESC,
                         term.paragraphs DESC
                LIMIT 1
            ) AS best
            WHERE best.word <> unaccent(asked.word)
            """,
            [asked],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    replacements = {word: best for word, best, _similarity in rows}
    return WORD.sub(lambda match: replaced(match.group(), replacements), text), min(row[2] for row in rows)


def replaced(word: str, replacements: dict[str, str]) -> str:
    replacement = replacements.get(word.lower())
    if replacement is None:
        return word
    return replacement.capitalize() if word[:1].isupper() else replacement


@dataclass(frozen=True, slots=True)
class NamedCountry:
    id: int
    code: str
    name: str
    kind: str

    @property
    def pk(self) -> int:  # as a model's, for the code that shows either
        return self.id

    def get_absolute_url(self) -> str:
        return Country.get_absolute_url(self)  # reads the code only


@dataclass(frozen=True, slots=True)
class NamedPerson:
    id: int
    name: str
    slug: str
    meetings: int
    country: NamedCountry | None

    @property
    def pk(self) -> int:  # as a model's, for the code that shows either
        return self.id

    def get_absolute_url(self) -> str:
        return Person.get_absolute_url(self)  # reads the slug only


@dataclass
class Named:
    people: list[NamedPerson]
    countries: list[NamedCountry]


def named_in(text: str, people: int = 5, countries: int = 3) -> Named:
    """The people and the countries a query names, shown above its results, in one statement.

    People: by alias, or by a name close to the query ("Tokaev" finds Tokayev: pg_trgm's word similarity, at
    least the session's pg_trgm.word_similarity_threshold, archive/db.py), most similar and most met first,
    each with its country and its number of meetings (``meetings``, as PersonQuerySet.with_meeting_counts counts
    them). Countries: by name (accents and case aside), demonym ("Kazakh") or alias.

    Written in SQL: the two querysets cost 4 ms of Python to build, compile and load, a tenth of a search page,
    for a few rows.
    """
    connection = read_connection()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT
                (SELECT coalesce(json_agg(json_build_array(
                        p.id, p.name, p.slug, p.meetings, c.id, c.code, c.name, c.kind) ORDER BY p.place), '[]')
                 FROM (
                    SELECT person.id, person.name, person.slug, person.country_id, meetings,
                           row_number() OVER (ORDER BY similarity DESC, meetings DESC, person.name) AS place
                    FROM readouts_person person
                    CROSS JOIN LATERAL word_similarity(%(text)s, person.name) AS similarity
                    CROSS JOIN LATERAL (
                        SELECT count(*) AS meetings FROM readouts_participation WHERE person_id = person.id
                    ) AS counted
                    WHERE %(text)s <%% person.name OR person.aliases && %(name_spellings)s::varchar[]
                    ORDER BY place LIMIT %(people)s
                 ) p LEFT JOIN readouts_country c ON c.id = p.country_id),
                (SELECT coalesce(json_agg(json_build_array(c.id, c.code, c.name, c.kind) ORDER BY c.name), '[]')
                 FROM (
                    SELECT id, code, name, kind FROM readouts_country
                    WHERE upper(unaccent(name)) = upper(unaccent(%(text)s))
                       OR demonyms && %(spellings)s::varchar[] OR aliases && %(spellings)s::varchar[]
                    ORDER BY name LIMIT %(countries)s
                 ) c)
            """,
            {
                "text": text,
                "name_spellings": sorted({text, text.title()}),
                "spellings": sorted({text, text.title(), text.upper()}),
                "people": people,
                "countries": countries,
            },
        )
        people_rows, country_rows = (json_value(value) for value in cursor.fetchone())
    people = [
        NamedPerson(person_id, name, slug, meetings, country_id and NamedCountry(country_id, code, country, kind))
        for person_id, name, slug, meetings, country_id, code, country, kind in people_rows
    ]
    return Named(people, [NamedCountry(*row) for row in country_rows])
