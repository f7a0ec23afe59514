"""Atom feeds: the newest readouts of any list (the /readouts/ page's query string, so a saved filter becomes an
alert), of a person, and of a country; and what the publishers changed (revisions and removals of their pages),
of all readouts or of one. Each answers conditional requests (ETag, Last-Modified) after its aggregate queries.
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
from django.views.decorators.http import condition

from readouts import converters  # noqa: F401 (registers the iso2 path converter used below)
from readouts.api import condition_on_readouts
from readouts.exports import describe_participants
from readouts.filters import ReadoutFilter
from readouts.models import Country, Person, Readout
from readouts.sources.changes import REVISED, list_publisher_changes, summarise_publisher_changes

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


class PublisherChangesFeed(Feed):
    """What the publishers changed, newest first: one entry per revision of a page (linking the changes page)
    and per page found removed (linking the readout, which keeps the last text)."""

    feed_type = Atom1Feed
    subtitle = "Every revision and removal of the publishers' pages that the archive watches."
    description_template = "feeds/publisher_change.html"

    def get_object(self, request):
        return None

    def title(self, obj):
        return "Readout Archive: what the publishers changed"

    def link(self, obj):
        return reverse("readouts:help") + "#publishers-changes"

    def feed_url(self, obj):
        return reverse("feeds:revisions")

    def items(self, obj):
        return list_publisher_changes(obj, limit=FEED_LENGTH)

    def item_title(self, change):
        what = "Revised by the publisher" if change.kind == REVISED else "Removed by the publisher"
        title = f"{what}: {change.readout.title}"
        return f"[Generated demo] {title}" if change.readout.is_generated else title

    def item_link(self, change):
        if change.kind != REVISED:
            return change.readout.get_absolute_url()
        number = change.revision.number
        return f"{change.readout.get_absolute_url()}changes/?from={number - 1}&to={number}"

    def item_guid(self, change):
        return change.key

    item_guid_is_permalink = False

    def item_author_name(self, change):
        return change.readout.publisher or None

    def item_pubdate(self, change):
        return change.at

    def item_updateddate(self, change):
        return change.at


class ReadoutChangesFeed(PublisherChangesFeed):
    """What the publisher changed in one readout."""

    def get_object(self, request, pk):
        return get_object_or_404(Readout, pk=pk)

    def title(self, readout):
        return f"Readout Archive: changes to \u201c{readout.title}\u201d"

    def link(self, readout):
        return readout.get_absolute_url()

    def feed_url(self, readout):
        return reverse("feeds:readout_changes", args=[readout.pk])


def conditional_on_changes(feed):
    """ETag and Last-Modified from the revisions' and removals' counts and dates (all, or one readout's)."""

    def summary(request, pk=None):
        if not hasattr(request, "publisher_changes"):
            readout = Readout.objects.filter(pk=pk).only("pk").first() if pk is not None else None
            request.publisher_changes = (
                None if pk is not None and readout is None else summarise_publisher_changes(readout)
            )
        return request.publisher_changes

    def etag(request, pk=None):
        state = summary(request, pk)
        if state is None:
            return None
        stamps = [str(part.timestamp()) if isinstance(part, datetime.datetime) else str(part) for part in state]
        return 'W/"' + "-".join(stamps) + '"'

    def last_modified(request, pk=None):
        state = summary(request, pk)
        dates = [part for part in state or () if isinstance(part, datetime.datetime)]
        return max(dates) if dates else None

    return condition(etag_func=etag, last_modified_func=last_modified)(feed)


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
    path("revisions.atom", conditional_on_changes(PublisherChangesFeed()), name="revisions"),
    path("readouts/<int:pk>/revisions.atom", conditional_on_changes(ReadoutChangesFeed()), name="readout_changes"),
]
