"""The trends page (/trends/) and its numbers as CSV: thin views over readouts.trends."""

import csv
import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import render

from readouts import trends
from readouts.charts import trend_lines
from readouts.exports import dated, guard_formula
from readouts.filters import ReadoutFilter
from readouts.models import Readout

# The trend's own parameters; every other one goes to ReadoutFilter (whose ``q`` and ``sort`` a trend has no use
# for: its queries are the q's, and a chart has no order).
TREND_PARAMETERS = ("q", "per", "measure", "split", "sort")


class TrendForm(forms.Form):
    per = forms.ChoiceField(label="Per", required=False, choices=[(trends.YEAR, "Year"), (trends.MONTH, "Month")])
    measure = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[(trends.SHARE, "Share of paragraphs (per 1,000)"), (trends.COUNT, "Paragraphs")],
    )
    split = forms.ChoiceField(
        label="Split by",
        required=False,
        choices=[("", "Nothing"), ("publisher", "Publisher"), ("country", "Country"), ("speaker", "Speaker")],
    )


def asked_trends(params):
    """The form, the filters and, when the query string holds queries and valid options, the trends."""
    filter_params = params.copy()
    for name in TREND_PARAMETERS:
        filter_params.pop(name, None)
    form = TrendForm(params)
    filterset = ReadoutFilter(filter_params, queryset=Readout.objects.all())
    texts = params.getlist("q")
    options = form.cleaned_data if form.is_valid() else {}
    found = None
    if texts and form.is_valid() and filterset.is_valid():
        found = trends.count_trends(
            texts,
            filterset.paragraphs(),
            per=options["per"] or trends.YEAR,
            measure=options["measure"] or trends.SHARE,
            split=options["split"],
            language=filterset.form.cleaned_data.get("language") or None,
        )
    return form, filterset, texts, options, found


def shown_value(measure):
    if measure == trends.COUNT:
        return lambda value: f"{round(value):,}"
    return lambda value: f"{value:,.2f}"


def trends_page(request):
    form, filterset, texts, options, found = asked_trends(request.GET)
    measure = options.get("measure") or trends.SHARE
    chart = None
    rows = []
    if found is not None and found.series:
        values = [
            (line.label, {period: trends.value_of(line, period, measure) for period in found.periods})
            for line in found.series
        ]
        chart = trend_lines(found.periods, values, shown_value(measure))
        rows = [
            (period, [shown_value(measure)(trends.value_of(line, period, measure)) for line in found.series])
            for period in found.periods
        ]
    # Five boxes for queries: those asked first, then empty ones.
    boxes = (list(texts[: trends.MAX_QUERIES]) + [""] * trends.MAX_QUERIES)[: trends.MAX_QUERIES]
    context = {
        "form": form,
        "filter": filterset,
        "boxes": boxes,
        "trends": found,
        "chart": chart,
        "rows": rows,
        "measure": measure,
        "per": options.get("per") or trends.YEAR,
    }
    return render(request, "readouts/trends.html", context)


CSV_COLUMNS = ["period", "query", "group", "paragraphs_matching", "paragraphs_in_period", "per_thousand", "estimated"]


def trends_csv(request):
    """The numbers of the chart, one row per period and line; 400 with the reasons for invalid options."""
    form, filterset, texts, options, found = asked_trends(request.GET)
    if not form.is_valid() or not filterset.is_valid():
        errors = {**form.errors, **filterset.form.errors}
        lines = [f"{name}: {' '.join(str(message) for message in messages)}" for name, messages in errors.items()]
        return HttpResponse("\n".join(["Invalid query parameters.", *lines]), status=400, content_type="text/plain")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for line in found.series if found else []:
        for period in found.periods:
            writer.writerow(
                [
                    period,
                    guard_formula(line.query),
                    guard_formula(line.group),
                    line.counts.get(period, 0),
                    line.totals.get(period, ""),
                    f"{line.share(period):.4f}" if line.totals.get(period) else "",
                    "yes" if line.approximate or found.approximate else "no",
                ]
            )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{dated("trends", "csv")}"'
    return response
