"""Thin views: each asks the models and the filters for what the page shows and renders it."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from readouts import search
from readouts.charts import (
    level_timeline,
    office_spans,
    radial_network,
    ranked_bars,
    search_year_columns,
    year_columns,
)
from readouts.counts_cache import cached_counts
from readouts.filters import ReadoutFilter
from readouts.forms import run_search
from readouts.holdings import count_holdings
from readouts.models import Country, Participation, Person, Readout, Statement
from readouts.networks import asked_years, countries_met_in_years, people_met_in_years
from readouts.pagination import count_cap_for, paginate
from readouts.pair_timeline import LEVELS, count_pair_meetings
from readouts.sources.revisions import numbering_of_revision


def home(request):
    # Once real readouts exist, generated demo ones stay out of "latest" and the headline figure.
    counts = Readout.objects.counts_by_origin()
    only_generated = counts["generated"] == counts["all"] > 0
    shown = Readout.objects.all() if only_generated else Readout.objects.real()
    context = {
        "latest": shown.newest_first().with_participants().defer("raw_text")[:8],
        "readout_count": counts["all"] - (0 if only_generated else counts["generated"]),
        "generated_count": counts["generated"],
        "only_generated": only_generated,
        "person_count": Person.objects.count(),
        "country_count": Country.objects.represented().count(),
        "countries": Country.objects.represented().with_people_counts().order_by("-people_count", "name")[:12],
    }
    return render(request, "readouts/home.html", context)


def help_page(request):
    """How search works, and what the archive holds."""
    return render(request, "readouts/help.html", {"holdings": count_holdings()})


# The list filters about who met: the meetings of a list filtered by these alone are found from the participations.
WHO_MET_FILTERS = {"participant", "country", "counterpart"}


def meetings_who_met(filterset):
    """The ids of the filtered list's readouts from the participations when only WHO_MET_FILTERS are used, else
    None."""
    used = {name for _label, _value, name in filterset.active_filters()}
    if not filterset.is_valid() or not used or not used <= WHO_MET_FILTERS:
        return None
    data = filterset.form.cleaned_data
    countries = [country for country in (data.get("country"), data.get("counterpart")) if country]
    return Participation.objects.meetings_of(participant=data.get("participant"), countries=countries)


def readout_list(request):
    filterset = ReadoutFilter(request.GET, queryset=Readout.objects.newest_first())
    readouts = filterset.qs.with_participants().defer("raw_text") if filterset.is_valid() else Readout.objects.none()
    words = filterset.is_valid() and filterset.form.cleaned_data.get("q")
    count_cap = count_cap_for(words)
    page, page_message = paginate(request, readouts, members=meetings_who_met(filterset), count_cap=count_cap)
    context = {
        "filter": filterset,
        "page": page,
        "page_message": page_message,
        "pair": pair_timeline(request, filterset),
    }
    return render(request, "readouts/readout_list.html", context)


def pair_timeline(request, filterset):
    """The pair page's timeline: when the list is filtered by two countries, its meetings per year and level."""
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    country, counterpart = data.get("country"), data.get("counterpart")
    if not (country and counterpart) or country == counterpart:
        return None
    years = count_pair_meetings(filterset.qs, country, counterpart)
    others = request.GET.copy()
    for name in ("meeting_date_after", "meeting_date_before", "page"):
        others.pop(name, None)
    chart = level_timeline(years, LEVELS, year_link(others.urlencode()))
    return {"chart": chart, "years": years, "levels": LEVELS, "country": country, "counterpart": counterpart}


def readout_detail(request, slug, year=None, month=None, day=None):
    readouts = Readout.objects.with_details().with_meeting().select_related("page__source").with_revision_counts()
    readout = get_object_or_404(readouts.at_address(slug, year, month, day))
    people = [participation.person for participation in readout.participations.all()]
    countries = list(dict.fromkeys(person.country for person in people if person.country))
    same_parties = Readout.objects.with_all_participants(people)
    context = {
        "readout": readout,
        "people": people,
        "country_pair": countries if len(countries) == 2 else None,
        "previous": same_parties.before(readout).first(),
        "next": same_parties.after(readout).first(),
        "same_meeting": Readout.objects.same_meeting_as(readout, people)[:10],
        "permalink": request.build_absolute_uri(readout.get_absolute_url()),
        "old_numbering": numbering_of_revision(readout, request.GET.get("revision")),
    }
    return render(request, "readouts/readout_detail.html", context)


def person_list(request):
    people = Person.objects.select_related("country").with_kept_meeting_counts().order_by("name", "pk")
    page, page_message = paginate(request, people, per_page=100)
    return render(request, "readouts/person_list.html", {"page": page, "page_message": page_message})


def year_link(query: str):
    """The readout list under ``query`` (already encoded) limited to one year, as a function of the year."""
    root = reverse("readouts:readout_list")
    return lambda year: f"{root}?{query}&meeting_date_after={year}-01-01&meeting_date_before={year}-12-31"


def network_in_years(request, center, met, met_in_years, counts_key=None):
    """The who-met-whom picture: of ``met`` (every year), or of ``met_in_years(years)`` for the ?from=&to= range
    asked for (kept in readouts.counts_cache under ``counts_key`` and the years, when given: a count made live);
    with its form (``network_form``) and the range (``network_years``)."""
    form, years = asked_years(request.GET)
    if years is None:
        neighbours = met
    elif counts_key is None:
        neighbours = met_in_years(years)
    else:
        neighbours = cached_counts("network", *counts_key, *years, compute=lambda: met_in_years(years))
    return {"network": radial_network(center, neighbours), "network_form": form, "network_years": years}


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.select_related("country"), slug=slug)
    meetings = Readout.objects.with_participant(person).newest_first_sorted().with_participants().defer("raw_text")
    members = Participation.objects.meetings_of(participant=person)
    page, page_message = paginate(request, meetings, members=members, counts_key=("person", person.pk))
    statements, statements_message = paginate(
        request,
        Statement.objects.spoken_by(person),
        per_page=10,
        param="statements_page",
        counts_key=("spoken-by", person.pk),
    )
    titles = list(Participation.objects.titles_held_by(person))
    counterparts = list(Person.objects.counterparts_of(person)[:20])
    met = [(other.name, other.meetings, other.get_absolute_url()) for other in counterparts]
    context = {
        "person": person,
        "titles": titles,
        "counterparts": counterparts,
        "years": year_columns(
            cached_counts(
                "years", "person", person.pk, compute=Readout.objects.with_participant(person).count_per_year
            ),
            href=year_link(f"participant={person.slug}"),
        ),
        "offices": office_spans(titles),
        "counterpart_bars": ranked_bars(met[:12]),
        **network_in_years(
            request, person.name, met, lambda years: people_met_in_years(person, years), ("person", person.pk)
        ),
        "page": page,
        "page_message": page_message,
        "statements": statements,
        "statements_message": statements_message,
    }
    return render(request, "readouts/person_detail.html", context)


def country_list(request):
    countries = Country.objects.represented().with_people_counts().order_by("name")
    return render(request, "readouts/country_list.html", {"countries": countries})


def people_of(country) -> list:
    """The country's twenty people met most, with their numbers of meetings (as kept after imports)."""
    people = Person.objects.filter(country=country).with_kept_meeting_counts()
    return list(people.order_by("-meetings", "name")[:20])


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    meetings = Readout.objects.involving(country).newest_first().with_participants().defer("raw_text")
    page, page_message = paginate(
        request,
        meetings,
        members=Participation.objects.meetings_of(countries=[country]),
        counts_key=("country", country.pk),
    )
    counterparts = list(Country.objects.counterparts_of(country)[:40])
    pair_list = f"{reverse('readouts:readout_list')}?country={country.code}&counterpart="
    met = [(other["name"], other["meetings"], f"{pair_list}{other['code']}") for other in counterparts]
    context = {
        "country": country,
        "page": page,
        "page_message": page_message,
        "counterparts": counterparts,
        "years": year_columns(
            cached_counts("years", "country", country.pk, compute=Readout.objects.involving(country).count_per_year),
            href=year_link(f"country={country.code}"),
        ),
        "counterpart_bars": ranked_bars(met[:12]),
        # Counted from the pairs' meetings kept after imports, like ``met``: nothing to keep in the cache.
        **network_in_years(request, country.name, met, lambda years: countries_met_in_years(country, years)),
        "people": people_of(country),
    }
    return render(request, "readouts/country_detail.html", context)


# The most names the name boxes suggest at once.
SUGGESTED_NAMES = 10


def person_names(request):
    """The people whose names (or aliases) start with ``q`` or have a word that does, most met first, as JSON:
    what the Participant and Said-by boxes suggest as one types (static/js/person-names.js)."""
    text = " ".join(request.GET.get("q", "").split())[:100]
    people = []
    if text:
        found = Person.objects.with_names_like(text).select_related("country")[:SUGGESTED_NAMES]
        people = [
            {"name": person.name, "slug": person.slug, "country": person.country and person.country.name}
            for person in found
        ]
    return JsonResponse({"people": people})


# Fewer matching paragraphs than this and the page offers a corrected spelling when it knows one.
SUGGEST_BELOW = 5


def search_page(request):
    """Paragraph-level full-text search; the list filters narrow the readouts searched."""
    searched = run_search(request.GET)
    context = {"form": searched.form, "filter": searched.filterset, "results": searched.results}
    if searched.results is not None:
        # The names and the suggestion look at the query as it was searched (its first 500 characters): a
        # 10,000-character query cost the names' similarity 130 ms.
        results = searched.results
        named = search.named_in(results.typed or results.query)
        few = results.paragraph_count < SUGGEST_BELOW and not results.corrected_from
        context.update(
            results=results,
            years=search_year_columns(results.years, request.GET),
            people=named.people,
            countries=named.countries,
            suggestion=search.suggestion(results.query) if few and results.query else None,
        )
    return render(request, "readouts/search.html", context)
