"""Thin views: each asks the models for what the page shows and renders it."""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from readouts.models import Country, Person, Readout

PAGE_SIZE = 20


def home(request):
    context = {
        "latest": Readout.objects.newest_first().prefetch_related("participations__person")[:10],
        "counts": {
            "readouts": Readout.objects.count(),
            "people": Person.objects.count(),
            "countries": Country.objects.filter(people__isnull=False).distinct().count(),
        },
    }
    return render(request, "readouts/home.html", context)


def readout_list(request):
    readouts = Readout.objects.newest_first().prefetch_related("participations__person")
    page = Paginator(readouts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "readouts/readout_list.html", {"page": page})


def readout_detail(request, slug, year=None, month=None, day=None):
    if year is None:
        meeting_date = None
    else:
        try:
            meeting_date = datetime.date(year, month, day)
        except ValueError:
            raise Http404("No such date") from None
    readout = get_object_or_404(Readout.objects.with_details(), meeting_date=meeting_date, slug=slug)
    return render(request, "readouts/readout_detail.html", {"readout": readout})


def person_list(request):
    people = Person.objects.select_related("country").annotate(meetings=Count("participations")).order_by("name")
    page = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(request, "readouts/person_list.html", {"page": page})


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.select_related("country"), slug=slug)
    readouts = Readout.objects.filter(participations__person=person).newest_first()
    page = Paginator(readouts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "readouts/person_detail.html", {"person": person, "page": page})


def country_list(request):
    countries = Country.objects.annotate(people_count=Count("people")).filter(people_count__gt=0).order_by("name")
    return render(request, "readouts/country_list.html", {"countries": countries})


def country_detail(request, code):
    country = get_object_or_404(Country, code=code.upper())
    readouts = Readout.objects.filter(participations__person__country=country).distinct().newest_first()
    page = Paginator(readouts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "readouts/country_detail.html", {"country": country, "page": page})
