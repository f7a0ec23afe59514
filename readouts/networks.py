"""Who met whom around a person or a country within a range of years (``?from=2015&to=2019`` on their pages).

Without a range the pages draw their network from the counterpart counts kept after imports (CountryPair,
PersonPair). Within one, a person's meetings of those years are counted live, and a country's from the pairs'
meetings by year kept with CountryPair (CountryPairMeeting): a big country's readouts are too many to read for
each range. Either way a meeting reported by several readouts counts once (its Meeting; a readout not grouped
into one is its own meeting).
"""

from django import forms
from django.db.models import Count, F
from django.db.models.functions import Coalesce
from django.urls import reverse

from readouts.charts import NETWORK_MAX_NODES
from readouts.models import Country, CountryPairMeeting, Participation, Person, Readout

FIRST_YEAR, LAST_YEAR = 1900, 2100


def year_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class YearRangeForm(forms.Form):
    """The network's years, both ends included; either may be left out. (``from`` is a Python keyword, hence the
    fields given by name below.)"""

    def clean(self):
        data = super().clean()
        first, last = data.get("from"), data.get("to")
        if first and last and first > last:
            raise forms.ValidationError("The first year of the range is after the last one.")
        return data


YearRangeForm.base_fields = {"from": year_field("From year"), "to": year_field("To year")}


def asked_years(params) -> tuple[YearRangeForm, tuple[int | None, int | None] | None]:
    """The form, and the range asked for (None when none is, or it is invalid)."""
    form = YearRangeForm(params, auto_id="network-%s")
    if not form.is_valid() or not (form.cleaned_data.get("from") or form.cleaned_data.get("to")):
        return form, None
    return form, (form.cleaned_data.get("from"), form.cleaned_data.get("to"))


def in_years(readouts, years):
    first, last = years
    if first:
        readouts = readouts.filter(meeting_date__year__gte=first)
    if last:
        readouts = readouts.filter(meeting_date__year__lte=last)
    return readouts


def pair_meetings_in_years(country, years):
    """The rows of CountryPairMeeting of the country within ``years`` (both ends included)."""
    first, last = years
    rows = CountryPairMeeting.objects.filter(country=country)
    if first:
        rows = rows.filter(year__gte=first)
    if last:
        rows = rows.filter(year__lte=last)
    return rows


def range_query(years) -> str:
    """The range as the people's pages take it: '?from=2015&to=2019'."""
    parts = [f"{name}={value}" for name, value in zip(("from", "to"), years, strict=True) if value]
    return f"?{'&'.join(parts)}"


def people_met_in_years(person, years) -> list[tuple[str, int, str]]:
    """The people the person met within ``years``, (name, meetings, address with the range) most first."""
    readouts = in_years(Readout.objects.with_participant(person), years).order_by().values("pk")
    met = (
        Participation.objects.filter(readout__in=readouts)
        .exclude(person=person)
        .values("person")
        .annotate(meetings=Count(Coalesce("readout__meeting_id", -F("readout_id")), distinct=True))
        .order_by("-meetings", "person")[:NETWORK_MAX_NODES]
    )
    counts = {row["person"]: row["meetings"] for row in met}
    people = Person.objects.only("name", "slug").in_bulk(counts)
    suffix = range_query(years)
    found = [(people[pk].name, n, f"{people[pk].get_absolute_url()}{suffix}") for pk, n in counts.items()]
    return sorted(found, key=lambda item: (-item[1], item[0]))


def countries_met_in_years(country, years) -> list[tuple[str, int, str]]:
    """The countries whose people met people of ``country`` within ``years``, (name, meetings, the pair's list of
    those years) most first, as counted at the last refresh of the pairs (after imports)."""
    others = (
        pair_meetings_in_years(country, years)
        .values("counterpart")
        .annotate(meetings=Count("meeting_key", distinct=True))
        .order_by("-meetings", "counterpart")[:NETWORK_MAX_NODES]
    )
    counts = {row["counterpart"]: row["meetings"] for row in others}
    named = Country.objects.only("name", "code").in_bulk(counts)
    first, last = years
    dates = (f"&meeting_date_after={first}-01-01" if first else "") + (
        f"&meeting_date_before={last}-12-31" if last else ""
    )
    pair_list = f"{reverse('readouts:readout_list')}?country={country.code}&counterpart="
    found = [(named[pk].name, n, f"{pair_list}{named[pk].code}{dates}") for pk, n in counts.items() if pk in named]
    return sorted(found, key=lambda item: (-item[1], item[0]))[:NETWORK_MAX_NODES]
