"""Atom feeds: the newest readouts of any list (the /readouts/ page's query string, so a saved filter becomes an
alert), of a person, and of a country. Each answers conditional requests (ETag, Last-Modified) after one
aggregate query.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html_join

from readouts import converters  # noqa: F401 (registers the iso2 path converter used below)
from readouts.api import condition_on_readouts
from readouts.exports import describe_participants
from readouts.filters import ReadoutFilter
from readouts.models import Country, Person, Readout

FEED_LENGTH = 50


def day_to_datetime(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class ReadoutFeed(Feed):
    """The newest readouts that the /readouts/ page's query string selects (all readouts without one)."""

    feed_type = Atom1Feed
    subtitle = "Diplomatic meeting readouts: who met whom, when and where, and who said what."

    @staticmethod
    def select(request, *args, **kwargs):
        """The selected readouts, newest first; BadRequest (a 400) for an invalid query string."""
        filterset = ReadoutFilter(request.GET, queryset=Readout.objects.newest_first())
        if not filterset.is_valid():
            raise BadRequest("Invalid query parameters: " + "; ".join(filterset.errors))
        return filterset

    def get_object(self, request, *args, **kwargs):
        return self.select(request, *args, **kwargs)

    def title(self, filterset):
        active = [f"{label}: {shown}" for label, shown, _ in filterset.active_filters()]
        return "Readout Archive: " + ("; ".join(active) if active else "latest readouts")

    @staticmethod
    def query_string(filterset):
        query = filterset.data.copy()
        query.pop("page", None)
        return f"?{query.urlencode()}" if query else ""

    def link(self, filterset):
        return reverse("readouts:readout_list") + self.query_string(filterset)

    def feed_url(self, filterset):
        return reverse("feeds:readouts") + self.query_string(filterset)

    def readouts(self, obj):
        return obj.qs

    def freshness_readouts(self, obj):
        """The readouts whose state stands for the feed's, for its validators: a person's or a country's readouts,
        or for a list, what ReadoutFilter.freshness_readouts says."""
        return obj.freshness_readouts() if isinstance(obj, ReadoutFilter) else self.readouts(obj)

    def items(self, obj):
        return self.readouts(obj).with_details().defer("raw_text")[:FEED_LENGTH]

    def item_title(self, readout):
        return f"[Generated demo] {readout.title}" if readout.is_generated else readout.title

    def item_description(self, readout):
        """The participants and the first paragraph, as HTML (Atom's summary type="html")."""
        statements = list(readout.statements.all())
        parts = [describe_participants(readout), statements[0].text if statements else ""]
        return format_html_join("", "<p>{}</p>", ((part,) for part in parts if part))

    def item_guid(self, readout):
        # The readout's address changes when its date or slug is corrected; its id does not.
        return f"urn:readout-archive:readout:{readout.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, readout):
        return readout.publisher or None

    def item_pubdate(self, readout):
        day = readout.published_date or readout.meeting_date
        return day_to_datetime(day) if day else readout.created_at

    def item_updateddate(self, readout):
        return readout.updated_at


class PersonFeed(ReadoutFeed):
    """The newest readouts with this person."""

    @staticmethod
    def select(request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person):
        return f"Readout Archive: {person.name}"

    def feed_url(self, person):
        return reverse("feeds:person", args=[person.slug])

    def link(self, person):
        return person.get_absolute_url()

    def readouts(self, person):
        return Readout.objects.with_participant(person).newest_first()


class CountryFeed(ReadoutFeed):
    """The newest readouts with a participant from this country."""

    @staticmethod
    def select(request, code):
        return get_object_or_404(Country, code=code)

    def title(self, country):
        return f"Readout Archive: {country.name}"

    def feed_url(self, country):
        return reverse("feeds:country", args=[country.code])

    def link(self, country):
        return country.get_absolute_url()

    def readouts(self, country):
        return Readout.objects.involving(country).newest_first()


def selected_readouts(feed):
    """For the ETag: the feed's readouts, or None when the request is invalid (the feed then says why)."""

    def select(request, *args, **kwargs):
        try:
            return feed.freshness_readouts(feed.select(request, *args, **kwargs))
        except (BadRequest, Http404):
            return None

    return select


def conditional(feed):
    return condition_on_readouts(selected_readouts(feed))(feed)


latest_readouts, person_readouts, country_readouts = ReadoutFeed(), PersonFeed(), CountryFeed()

app_name = "feeds"
urlpatterns = [
    path("readouts.atom", conditional(latest_readouts), name="readouts"),
    path("people/<slug:slug>.atom", conditional(person_readouts), name="person"),
    path("countries/<iso2:code>.atom", conditional(country_readouts), name="country"),
]
