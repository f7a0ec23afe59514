"""Small server-rendered charts: the geometry is computed here, the markup is in templates/includes/_chart_*.html
(the year chart: templates/jinja2/_chart_years.html)."""

import math
from dataclasses import dataclass

# The pictures of the person, country and search pages. Every picture has its numbers beside it in a table or list.

COLUMN_WIDTH = 16
COLUMN_GAP = 4
COLUMN_PLOT_HEIGHT = 90
COLUMN_TOP = 14  # room above the tallest column for its count
COLUMN_BOTTOM = 18  # room below the columns for the years
COUNTS_SHOWN_UP_TO = 30  # years; beyond, the counts are in the table only
EVERY_YEAR_LABELLED_UP_TO = 12  # years; beyond, every fifth year and the last
COUNT_DIGIT_WIDTH = 7  # px a digit of a count takes at the charts' 11 px


@dataclass(frozen=True)
class Column:
    year: int
    count: int
    x: int
    y: int
    width: int
    height: int
    href: str
    show_count: bool
    show_year: bool

    @property
    def middle(self) -> int:
        return self.x + self.width // 2


@dataclass(frozen=True)
class YearChart:
    columns: list[Column]
    width: int
    height: int
    baseline: int
    total: int
    first: int
    last: int
    peak: Column


def year_columns(counts: list[tuple[int, int]], href) -> YearChart | None:
    """A column for every year from the first to the last with a count, the empty years included, each linking
    to ``href(year)``; None when there is no dated count."""
    known = dict(counts)
    if not known:
        return None
    first, last = min(known), max(known)
    tallest = max(known.values()) or 1
    years = range(first, last + 1)
    every_year = len(years) <= EVERY_YEAR_LABELLED_UP_TO
    counts_shown = len(years) <= COUNTS_SHOWN_UP_TO
    # A year label is about 26 px wide: where every year is labelled, the columns are spaced to fit them; where the
    # counts are shown above the columns, they are as wide as the longest count (a search's "1234").
    width = COLUMN_WIDTH * 2 if every_year else COLUMN_WIDTH
    if counts_shown:
        width = max(width, COUNT_DIGIT_WIDTH * len(str(tallest)))
    pitch = width + COLUMN_GAP

    def clear_of_ends(year):
        return min(year - first, last - year) > 2

    columns = []
    for index, year in enumerate(years):
        count = known.get(year, 0)
        height = round(COLUMN_PLOT_HEIGHT * count / tallest) if count else 0
        columns.append(
            Column(
                year=year,
                count=count,
                x=index * pitch,
                y=COLUMN_TOP + COLUMN_PLOT_HEIGHT - max(height, 1),
                width=width,
                height=max(height, 1),
                href=href(year),
                show_count=bool(count) and counts_shown,
                # Every fifth year, but not so near the first or the last that their labels would overlap.
                show_year=every_year or year in (first, last) or (year % 5 == 0 and clear_of_ends(year)),
            )
        )
    baseline = COLUMN_TOP + COLUMN_PLOT_HEIGHT
    return YearChart(
        columns=columns,
        width=len(columns) * pitch + width,
        height=baseline + COLUMN_BOTTOM,
        baseline=baseline,
        total=sum(known.values()),
        first=first,
        last=last,
        peak=max(columns, key=lambda column: (column.count, -column.year)),
    )


def search_year_columns(years: list[tuple[int, int]], query) -> YearChart | None:
    """The search page's matches per year (year_columns), each year linking to the same search limited to it.

    ``query`` is the request's QueryDict; the year link replaces its date range and page."""
    # The rest of the query is encoded once for all the links, each year's dates after it.
    others = query.copy()
    for name in ("meeting_date_after", "meeting_date_before", "page"):
        others.pop(name, None)
    prefix = f"?{others.urlencode()}&" if others else "?"
    return year_columns(
        years, href=lambda year: f"{prefix}meeting_date_after={year}-01-01&meeting_date_before={year}-12-31"
    )


RANK_ROW = 22
RANK_BAR = 14
RANK_LABEL_WIDTH = 190
RANK_PLOT_WIDTH = 220
RANK_LABEL_CHARS = 28


def shorten(label: str) -> str:
    """A label that fits beside a bar: the whole of it, or its start and an ellipsis."""
    return label if len(label) <= RANK_LABEL_CHARS else label[: RANK_LABEL_CHARS - 1] + "…"


@dataclass(frozen=True)
class RankedBar:
    label: str
    short_label: str
    count: int
    href: str
    y: int
    width: int


@dataclass(frozen=True)
class RankedChart:
    bars: list[RankedBar]
    width: int
    height: int
    label_width: int


def ranked_bars(items: list[tuple[str, int, str]]) -> RankedChart | None:
    """Horizontal bars for (label, count, href) items, in the order given (most first)."""
    if not items:
        return None
    most = max(count for _, count, _ in items) or 1
    bars = [
        RankedBar(
            label=label,
            short_label=shorten(label),
            count=count,
            href=href,
            y=index * RANK_ROW,
            width=max(2, round(RANK_PLOT_WIDTH * count / most)),
        )
        for index, (label, count, href) in enumerate(items)
    ]
    return RankedChart(bars, RANK_LABEL_WIDTH + RANK_PLOT_WIDTH + 48, len(bars) * RANK_ROW, RANK_LABEL_WIDTH)


NETWORK_SIZE = 600
NETWORK_RING = 140
NETWORK_MAX_NODES = 16


@dataclass(frozen=True)
class Node:
    label: str
    count: int
    href: str
    x: float
    y: float
    radius: float
    anchor: str  # of the label: start (right of the node) or end (left)
    label_x: float


@dataclass(frozen=True)
class Edge:
    x: float
    y: float
    stroke: float


@dataclass(frozen=True)
class Network:
    center: Node
    nodes: list[Node]
    edges: list[Edge]
    size: int


def radial_network(center: str, neighbours: list[tuple[str, int, str]]) -> Network | None:
    """Who met whom around one person or country: the centre, and its counterparts on a ring, each node and
    link sized by the number of meetings. Deterministic: the most met at the top, then clockwise."""
    neighbours = neighbours[:NETWORK_MAX_NODES]
    if not neighbours:
        return None

    middle = NETWORK_SIZE / 2
    most = max(count for _, count, _ in neighbours) or 1
    nodes, edges = [], []
    for index, (label, count, href) in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * index / len(neighbours)
        x, y = middle + NETWORK_RING * math.cos(angle), middle + NETWORK_RING * math.sin(angle)
        radius = 4 + 10 * math.sqrt(count / most)
        right = math.cos(angle) >= -1e-9
        nodes.append(
            Node(label, count, href, round(x, 1), round(y, 1), round(radius, 1), "start" if right else "end",
                 round(x + (radius + 4) * (1 if right else -1), 1))
        )  # fmt: skip
        edges.append(Edge(round(x, 1), round(y, 1), round(1 + 5 * count / most, 1)))
    total = sum(count for _, count, _ in neighbours)
    hub = Node(center, total, "", middle, middle, 16, "middle", middle)
    return Network(hub, nodes, edges, NETWORK_SIZE)


SPAN_ROW = 22
SPAN_LABEL_WIDTH = 200
SPAN_PLOT_WIDTH = 300


@dataclass(frozen=True)
class Span:
    label: str
    short_label: str
    first: object  # date
    last: object
    meetings: int
    x: int
    width: int
    y: int


@dataclass(frozen=True)
class SpanChart:
    spans: list[Span]
    width: int
    height: int
    label_width: int
    first_year: int
    last_year: int
    ticks: list[tuple[int, int]]  # (year, x)


def office_spans(titles: list[dict]) -> SpanChart | None:
    """A person's titles over time: one row per title, from its first to its last meeting (dated ones only)."""
    dated = [t for t in titles if t.get("first") and t.get("last")]
    if not dated:
        return None
    first_year = min(t["first"].year for t in dated)
    last_year = max(t["last"].year for t in dated) + 1
    days = (last_year - first_year) * 365.25

    def position(day) -> int:
        return round(SPAN_PLOT_WIDTH * ((day.year - first_year) * 365.25 + day.timetuple().tm_yday) / days)

    spans = []
    for index, title in enumerate(dated):
        x = position(title["first"])
        label = title["title"]
        width = max(4, position(title["last"]) - x)
        first, last = title["first"], title["last"]
        spans.append(Span(label, shorten(label), first, last, title["meetings"], x, width, index * SPAN_ROW))
    step = 1 if last_year - first_year <= 8 else 5
    ticks = [
        (year, round(SPAN_PLOT_WIDTH * (year - first_year) / (last_year - first_year)))
        for year in range(first_year, last_year + 1)
        if year % step == 0 or year == first_year
    ]
    return SpanChart(
        spans, SPAN_LABEL_WIDTH + SPAN_PLOT_WIDTH + 20, len(spans) * SPAN_ROW + 20, SPAN_LABEL_WIDTH,
        first_year, last_year, ticks,
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# The trends page (readouts/trends.py): a line per query (or per group of a split), its points marked and named.

TREND_PLOT_WIDTH = 640
TREND_PLOT_HEIGHT = 200
TREND_LEFT = 72  # room for the value axis' labels ("1,000.00")
TREND_TOP = 10
TREND_BOTTOM = 22  # room for the periods' labels
TREND_MAX_LABELS = 12
TREND_MARKED_UP_TO = 80  # points per line; beyond, the line alone (the table has every number)


@dataclass(frozen=True)
class TrendPoint:
    period: str
    value: float
    shown: str  # the value as the page writes it
    x: float
    y: float


@dataclass(frozen=True)
class TrendLine:
    label: str
    number: int  # 1 to 6: the line's colour and dash pattern (site.css)
    points: list[TrendPoint]
    marked: bool

    @property
    def path(self) -> str:
        return " ".join(f"{point.x},{point.y}" for point in self.points)


@dataclass(frozen=True)
class TrendChart:
    lines: list[TrendLine]
    width: int
    height: int
    left: int
    baseline: int
    ticks: list[tuple[str, float]]  # (label, x) of the periods labelled
    levels: list[tuple[str, float]]  # (label, y) of the value axis
    periods: list[str]
    peak: str  # the largest value, as shown


def trend_lines(periods: list[str], series: list[tuple[str, dict[str, float]]], shown) -> TrendChart | None:
    """Lines for ``series`` ((label, value per period)) over ``periods`` (every one, the empty included);
    ``shown(value)`` writes a value as the page does. None when nothing is counted."""
    if not periods or not series:
        return None
    highest = max((value for _label, values in series for value in values.values()), default=0) or 1
    step = TREND_PLOT_WIDTH / max(len(periods) - 1, 1)
    baseline = TREND_TOP + TREND_PLOT_HEIGHT

    def y_of(value: float) -> float:
        return round(baseline - TREND_PLOT_HEIGHT * value / highest, 1)

    lines = []
    for number, (label, values) in enumerate(series, start=1):
        points = [
            TrendPoint(period, values.get(period, 0), shown(values.get(period, 0)),
                       round(TREND_LEFT + index * step, 1), y_of(values.get(period, 0)))
            for index, period in enumerate(periods)
        ]  # fmt: skip
        lines.append(TrendLine(label, number, points, len(periods) <= TREND_MARKED_UP_TO))
    every = max(1, math.ceil(len(periods) / TREND_MAX_LABELS))
    ticks = [
        (period, round(TREND_LEFT + index * step, 1))
        for index, period in enumerate(periods)
        if index % every == 0 or index == len(periods) - 1 and len(periods) <= TREND_MAX_LABELS
    ]
    levels = [(shown(highest * part / 2), y_of(highest * part / 2)) for part in (0, 1, 2)]
    return TrendChart(
        lines, TREND_LEFT + TREND_PLOT_WIDTH + 24, baseline + TREND_BOTTOM, TREND_LEFT, baseline, ticks, levels,
        periods, shown(highest),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# The pair page's timeline (readouts/pair_timeline.py): a row per level, a circle per year sized by its meetings.

LEVEL_ROW = 34
LEVEL_LABEL_WIDTH = 210
LEVEL_PITCH = 36  # a year label (about 28 px) fits under each column
LEVEL_MAX_RADIUS = 12
LEVEL_BOTTOM = 20


@dataclass(frozen=True)
class LevelDot:
    year: int
    level: str
    label: str  # of the level
    count: int
    x: int
    y: int
    radius: float
    href: str


@dataclass(frozen=True)
class LevelTimeline:
    rows: list[tuple[str, int]]  # (level's label, y)
    dots: list[LevelDot]
    ticks: list[tuple[int, int]]  # (year, x)
    width: int
    height: int
    label_width: int
    total: int
    first: int
    last: int


def level_timeline(years, levels: dict[str, str], href) -> LevelTimeline | None:
    """``years`` (pair_timeline.YearLevels, every year) as dots on a row per level (``levels``: key -> label),
    each linking to ``href(year)``; None when there is no dated meeting."""
    if not years:
        return None
    most = max(max(year.counts.values()) for year in years) or 1
    rows = [(label, index * LEVEL_ROW + LEVEL_ROW // 2) for index, label in enumerate(levels.values())]
    dots = []
    for column, year in enumerate(years):
        x = LEVEL_LABEL_WIDTH + column * LEVEL_PITCH + LEVEL_PITCH // 2
        for (key, label), (_label, y) in zip(levels.items(), rows, strict=True):
            count = year.counts.get(key, 0)
            if count:
                radius = round(2 + (LEVEL_MAX_RADIUS - 2) * math.sqrt(count / most), 1)
                dots.append(LevelDot(year.year, key, label, count, x, y, radius, href(year.year)))
    step = 1 if len(years) <= EVERY_YEAR_LABELLED_UP_TO else 5
    ticks = [
        (year.year, LEVEL_LABEL_WIDTH + column * LEVEL_PITCH + LEVEL_PITCH // 2)
        for column, year in enumerate(years)
        if step == 1 or year.year % step == 0
    ]
    return LevelTimeline(
        rows, dots, ticks, LEVEL_LABEL_WIDTH + len(years) * LEVEL_PITCH + 8, len(rows) * LEVEL_ROW + LEVEL_BOTTOM,
        LEVEL_LABEL_WIDTH, sum(year.total for year in years), years[0].year, years[-1].year,
    )  # fmt: skip
