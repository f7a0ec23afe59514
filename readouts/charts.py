"""Small server-rendered charts: geometry computed here, drawn as SVG by templates."""

from dataclasses import dataclass

BAR_WIDTH = 14
BAR_GAP = 4
CHART_HEIGHT = 80


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    href: str


def year_bars(years: list[tuple[int, int]], query) -> dict:
    """Bars for hits per year, each linking to the same query limited to that year.

    ``query`` is the request's QueryDict; the year link replaces its date range and page.
    """
    if not years:
        return {"bars": [], "width": 0, "height": CHART_HEIGHT}
    tallest = max(count for _, count in years) or 1
    bars = []
    for index, (year, count) in enumerate(years):
        height = max(1, round(CHART_HEIGHT * count / tallest))
        link = query.copy()
        link["meeting_date_after"] = f"{year}-01-01"
        link["meeting_date_before"] = f"{year}-12-31"
        link.pop("page", None)
        x = index * (BAR_WIDTH + BAR_GAP)
        bars.append(Bar(year, count, x, CHART_HEIGHT - height, height, f"?{link.urlencode()}"))
    # Room after the last bar for its year label.
    return {"bars": bars, "width": len(bars) * (BAR_WIDTH + BAR_GAP) + 24, "height": CHART_HEIGHT}
