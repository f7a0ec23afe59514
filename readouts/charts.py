"""Small server-rendered charts: geometry and markup computed here, placed by templates.

The bars' markup is made in Python: drawn by a template loop, the two dozen bars of a search page cost ~300
variable lookups and localized number formats, ~1.5 ms of the page's rendering.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_WIDTH = 14
BAR_GAP = 4
CHART_HEIGHT = 80
# Below the bars: the first and the last year's labels, on this baseline.
LABEL_ROOM = 16
LABEL_Y = CHART_HEIGHT + 14


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    href: str


def year_bars(years: list[tuple[int, int]], query) -> dict:
    """Bars for hits per year, each linking to the same query limited to that year, and their SVG markup
    (``svg``: the <a> of each bar, for an <svg> of ``width`` by ``svg_height``).

    ``query`` is the request's QueryDict; the year link replaces its date range and page.
    """
    if not years:
        return {"bars": [], "width": 0, "height": CHART_HEIGHT, "svg_height": CHART_HEIGHT + LABEL_ROOM, "svg": ""}
    tallest = max(count for _, count in years) or 1
    # The rest of the query is encoded once for all the links, each year's dates after it: a QueryDict copy and
    # urlencode() per bar were most of the chart's cost.
    others = query.copy()
    for name in ("meeting_date_after", "meeting_date_before", "page"):
        others.pop(name, None)
    prefix = f"{others.urlencode()}&" if others else ""
    bars = []
    for index, (year, count) in enumerate(years):
        height = max(1, round(CHART_HEIGHT * count / tallest))
        href = f"?{prefix}meeting_date_after={year}-01-01&meeting_date_before={year}-12-31"
        x = index * (BAR_WIDTH + BAR_GAP)
        bars.append(Bar(year, count, x, CHART_HEIGHT - height, height, href))
    return {
        "bars": bars,
        # Room after the last bar for its year label.
        "width": len(bars) * (BAR_WIDTH + BAR_GAP) + 24,
        "height": CHART_HEIGHT,
        "svg_height": CHART_HEIGHT + LABEL_ROOM,
        "svg": bars_svg(bars),
    }


def bars_svg(bars: list[Bar]):
    """Each bar as a link named by its year and count (aria-label, and <title> for a pointer's tooltip), the first
    and the last labelled with their year below. Numbers need no escaping; the links are escaped."""
    last = len(bars) - 1
    links = []
    for index, bar in enumerate(bars):
        # The count as the page shows numbers (floatformat:"0g" in English, the site's language): 1,234. Django's
        # number_format() looks the separators up for the active language on each call, a third of the chart's cost.
        shown = f"{bar.count:,}"
        plural = "" if bar.count == 1 else "s"
        label = f'<text x="{bar.x}" y="{LABEL_Y}">{bar.year}</text>' if index in (0, last) else ""
        links.append(
            f'<a href="{escape(bar.href)}" aria-label="{bar.year}: {shown} paragraph{plural}">'
            f"<title>{bar.year}: {shown}</title>"
            f'<rect x="{bar.x}" y="{bar.y}" width="{BAR_WIDTH}" height="{bar.height}"></rect>{label}</a>'
        )
    return mark_safe("\n".join(links))
