"""The archive's data: countries, people, readouts, who took part, and what was said."""

import datetime
import functools
import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection, connections, models
from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import MD5, Cast, Coalesce, ExtractYear, Upper
from django.urls import get_script_prefix, reverse
from simple_history.models import HistoricalRecords

# The text search configuration of English paragraphs: English stemming over accent-folded words, created by
# migration 0004 (a copy of "english" whose word mappings run unaccent first). Each paragraph is indexed in its
# own language's configuration (Statement.search_config, readouts/search/languages.py).
SEARCH_CONFIG = "readout_english"


def web_search_query(text: str) -> SearchQuery:
    """A query in web-search syntax in English alone: words, "a phrase", or, -exclusion (websearch_to_tsquery).
    Searches in every language go through readouts.search.query.understood()."""
    return SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)


class RegConfigField(models.Field):
    """A text search configuration (PostgreSQL's regconfig), read as its name."""

    description = "A text search configuration"

    def db_type(self, connection):
        return "regconfig"


class SegmentedTextField(models.TextField):
    """A text column's words, with its Chinese and Japanese runs split by spaces (readouts/search/words.py); NULL
    for a text without any. Filled from ``source`` whenever Django writes the row (save and bulk_create call
    pre_save), as auto_now fills a date; QuerySet.update() of the source leaves it stale."""

    def __init__(self, *args, source="text", **kwargs):
        self.source = source
        kwargs.setdefault("null", True)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        from readouts.search.words import segmented  # readouts.search imports the models

        value = segmented(getattr(model_instance, self.source))
        setattr(model_instance, self.attname, value)
        return value


def meeting_key(readout="") -> Coalesce:
    """What counts one meeting once: the readout's meeting, or (for a readout not grouped yet) the readout itself,
    as a negative number that no meeting id takes. ``readout`` is the path to the readout ("readout__")."""
    return Coalesce(F(f"{readout}meeting_id"), -F(f"{readout}id" if readout else "id"))


def count_meetings(readout="") -> Count:
    """Count(...) of distinct meetings: reprints and both sides' accounts of one meeting counted once."""
    return Count(meeting_key(readout), distinct=True)


class CountryQuerySet(models.QuerySet):
    def represented(self):
        """Countries with at least one person in the archive."""
        return self.filter(Exists(Person.objects.filter(country=OuterRef("pk"))))

    def with_people_counts(self):
        people = Person.objects.filter(country=OuterRef("pk")).order_by().values("country")
        return self.annotate(people_count=Subquery(people.annotate(n=Count("*")).values("n")))

    def counterparts_of(self, country):
        """The other countries in the country's meetings: dicts of code, name and the number of those meetings,
        most first, as counted at the last refresh of CountryPair (after imports): counting them live means
        a join over every participation of a big country's meetings (34,000 rows for China), 50–90 ms."""
        return (
            self.filter(counterpart_pairs__country=country)
            .values("code", "name", meetings=F("counterpart_pairs__meetings"))
            .order_by("-meetings", "name")
        )


class Country(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        ORGANIZATION = "organization", "International organization"

    code = models.CharField("ISO 3166-1 alpha-2 code", max_length=2, unique=True)
    name = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=12, choices=Kind, default=Kind.STATE)
    demonyms = ArrayField(models.CharField(max_length=60), default=list, blank=True, help_text="Kazakh, Chinese, ...")
    aliases = ArrayField(models.CharField(max_length=100), default=list, blank=True, help_text="Other names")

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "countries"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_two_capitals"),
            models.CheckConstraint(condition=Q(kind__in=["state", "organization"]), name="country_kind_valid"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("readouts:country_detail", args=[self.code.lower()])


class PersonQuerySet(models.QuerySet):
    def named(self, text):
        """People whose name or one of whose aliases is the text, case and accents aside."""
        spellings = sorted({text, text.title(), text.lower(), text.upper()})
        return self.filter(Q(name__unaccent__iexact=text) | Q(aliases__overlap=spellings)).order_by("name", "pk")

    def with_names_like(self, text):
        """People whose name or an alias starts with the text or has a word that does, case and accents aside,
        the most met first: what the name boxes suggest as one types."""
        pattern = rf"(^|\s){re.escape(text)}"
        matches = Q(name__unaccent__iregex=pattern) | Q(aliases_text__unaccent__iregex=pattern)
        return (
            self.alias(
                aliases_text=Func(
                    F("aliases"), Value(" "), function="array_to_string", output_field=models.TextField()
                )
            )
            .filter(matches)
            .with_meeting_counts()
            .order_by("-meetings", "name")
        )

    def with_meeting_counts(self):
        """Each person's number of meetings (their readouts' meetings, each once), counted per row so that a page
        of people costs one query."""
        meetings = Participation.objects.filter(person=OuterRef("pk")).order_by().values("person")
        count = Subquery(meetings.annotate(n=count_meetings("readout__")).values("n"), output_field=IntegerField())
        return self.annotate(meetings=Coalesce(count, 0))

    def with_kept_meeting_counts(self):
        """with_meeting_counts() as counted at the last refresh of PersonMeetings (after imports): one join, where
        counting live looks up every readout of each person."""
        return self.annotate(meetings=Coalesce(F("kept_meetings__meetings"), 0))

    def counterparts_of(self, person):
        """The people the person met, each with the number of meetings they shared, most first, as counted at the
        last refresh of PersonPair (after imports)."""
        return (
            self.filter(counterpart_pairs__person=person)
            .select_related("country")
            .only("name", "slug", "country__code", "country__name")
            .annotate(meetings=F("counterpart_pairs__meetings"))
            .order_by("-meetings", "name")
        )


class Person(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    country = models.ForeignKey(Country, null=True, blank=True, on_delete=models.PROTECT, related_name="people")
    aliases = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, help_text="Other spellings and short forms"
    )

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"], name="person_name_idx"),
            GinIndex(fields=["name"], name="person_name_trgm", opclasses=["gin_trgm_ops"]),
            GinIndex(fields=["aliases"], name="person_aliases_gin"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("readouts:person_detail", args=[self.slug])


class MaterializedView(models.Model):
    """A model over one of the archive's materialised views (derived data), with the refresh every writer's
    refresh_derived() comes to."""

    class Meta:
        abstract = True

    @classmethod
    def refresh(cls):
        refresh_materialized_view(cls._meta.db_table)


class CountryPair(MaterializedView):
    """How many meetings had participants from both countries, in both directions (KZ–CN and CN–KZ): the counts
    of the country pages' counterparts.

    A materialised view (migration 0008), refreshed after imports by ``refresh()`` like SearchTerm: between
    refreshes, meetings added or changed one at a time (in the admin) are not counted yet.
    """

    pk = models.CompositePrimaryKey("country_id", "counterpart_id")
    country = models.ForeignKey(
        Country, on_delete=models.DO_NOTHING, db_constraint=False, related_name="pairs", related_query_name="pair"
    )
    counterpart = models.ForeignKey(
        Country, on_delete=models.DO_NOTHING, db_constraint=False, related_name="counterpart_pairs"
    )
    meetings = models.IntegerField()

    class Meta:
        managed = False
        db_table = "readouts_countrypair"
        ordering = ["-meetings"]

    def __str__(self):
        return f"{self.country_id}–{self.counterpart_id}: {self.meetings}"


class CountryPairMeeting(MaterializedView):
    """Each meeting that had participants from two countries, once per pair, direction and year of its readouts'
    dates: the country pages' network within a range of years (readouts.networks), which counts a pair's meetings
    of those years from the rows of one country and never reads the readouts.

    A materialised view (migration 0033) refreshed with CountryPair by ``refresh_meeting_counts()``, so that the
    network of some years and the network of every year (CountryPair) are counted at the same moment: live, a
    big country's meetings since 2005 meant reading 9,000 pages of readouts (80 ms at 100,000 readouts).
    ``meeting_key`` counts one meeting once (readouts.models.meeting_key: a readout not grouped is its own).
    """

    pk = models.CompositePrimaryKey("country_id", "year", "counterpart_id", "meeting_key")
    country = models.ForeignKey(Country, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    counterpart = models.ForeignKey(Country, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    meeting_key = models.BigIntegerField()
    year = models.IntegerField()

    class Meta:
        managed = False
        db_table = "readouts_countrypairmeeting"

    def __str__(self):
        return f"{self.country_id}–{self.counterpart_id} in {self.year}: meeting {self.meeting_key}"


class PersonPair(MaterializedView):
    """How many meetings two people attended together, in both directions: the person pages' "met most often".

    A materialised view (migration 0008), refreshed with CountryPair by ``refresh_meeting_counts()``: counting
    live means every participation of a head of state's thousands of meetings, 30–50 ms a page.
    """

    pk = models.CompositePrimaryKey("person_id", "counterpart_id")
    person = models.ForeignKey(
        Person, on_delete=models.DO_NOTHING, db_constraint=False, related_name="pairs", related_query_name="pair"
    )
    counterpart = models.ForeignKey(
        Person, on_delete=models.DO_NOTHING, db_constraint=False, related_name="counterpart_pairs"
    )
    meetings = models.IntegerField()

    class Meta:
        managed = False
        db_table = "readouts_personpair"
        ordering = ["-meetings"]

    def __str__(self):
        return f"{self.person_id}–{self.counterpart_id}: {self.meetings}"


class PersonMeetings(MaterializedView):
    """How many meetings each person attended (their readouts' meetings, each once): the figures of the people
    list and of a country's people, with_kept_meeting_counts().

    A materialised view (migration 0032), refreshed with the pairs by ``refresh_meeting_counts()``: counting live
    looks up the meeting of every readout of the people shown, about 500 lookups a person and 200 ms for a page
    of 100 at 100,000 readouts. A person without meetings has no row.
    """

    person = models.OneToOneField(
        Person,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="kept_meetings",
    )
    meetings = models.IntegerField()

    class Meta:
        managed = False
        db_table = "readouts_personmeetings"
        verbose_name_plural = "person meetings"

    def __str__(self):
        return f"{self.person_id}: {self.meetings}"


def refresh_meeting_counts():
    """Recount the country and person pairs (CountryPair and its meetings by year, PersonPair) and each person's
    meetings (PersonMeetings): after imports, like SearchTerm.refresh()."""
    CountryPair.refresh()
    CountryPairMeeting.refresh()
    PersonPair.refresh()
    PersonMeetings.refresh()


def refresh_materialized_view(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT ispopulated FROM pg_matviews WHERE matviewname = %s", [name])
        populated = cursor.fetchone()[0]
        # CONCURRENTLY keeps the old rows readable meanwhile, but only works on a populated view.
        cursor.execute(f"REFRESH MATERIALIZED VIEW {'CONCURRENTLY' if populated else ''} {name}")


# At most this many meetings of some people or countries are found from the participations and sorted as a set
# rather than read in date order from an index (ReadoutQuerySet.slice_by_key): some milliseconds at most, where
# an index walk can test the whole archive for a participant.
SORT_SELECTIONS_UP_TO = 5000


class ReadoutQuerySet(models.QuerySet):
    def with_details(self):
        """Participants (with people and countries) and statements (with speakers): three queries in all; the
        publisher's country joined."""
        return self.select_related("publisher_country").prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person__country")),
            # The search vector is for the database alone: never worth carrying to Python.
            Prefetch("statements", queryset=Statement.objects.select_related("speaker").defer("search_vector")),
        )

    def with_meeting(self):
        """Each readout's meeting and, for a reprint, its original (readouts.meetings), joined in the same query."""
        return self.select_related("meeting", "fingerprint__reprint_of").defer(
            "fingerprint__bands", "fingerprint__signature", "fingerprint__reprint_of__raw_text"
        )

    def with_participants(self):
        """For lists: each readout's participants with their people and countries, in one more query; the
        publisher's country joined."""
        return self.select_related("publisher_country").prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person__country"))
        )

    def newest_first(self):
        return self.order_by(F("meeting_date").desc(nulls_last=True), "-id")

    def real(self):
        """Readouts that were imported or entered, not made by the demo generator."""
        return self.filter(is_generated=False)

    def generated(self):
        return self.filter(is_generated=True)

    def count_per_year(self) -> list[tuple[int, int]]:
        """(year, meetings) for the dated readouts, earliest year first: a meeting's accounts count once."""
        rows = (
            self.exclude(meeting_date=None)
            .order_by()
            .annotate(year=ExtractYear("meeting_date"))
            .values("year")
            .annotate(n=count_meetings())
            .order_by("year")
        )
        return [(row["year"], row["n"]) for row in rows]

    def count_with_meetings(self) -> tuple[int, int]:
        """(readouts, meetings) in one query: a list's readouts and the meetings they tell of, each once."""
        counts = self.order_by().aggregate(readouts=Count("id"), meetings=count_meetings())
        return counts["readouts"], counts["meetings"]

    def reported_by(self, sides):
        """Readouts of meetings reported by both sides (``Meeting.Sides.BOTH``), by one side only, or by neither
        (only third parties' publishers), as the meetings' ``sides_reporting`` counts them."""
        return self.filter(meeting__in=Meeting.objects.reported_by(sides).values("pk"))

    def counts_by_origin(self):
        """{"all": N, "generated": M} in one query, which counts the column of readout_generated_idx (never
        empty) so that the index alone answers it."""
        return self.aggregate(all=Count("is_generated"), generated=Count("is_generated", filter=Q(is_generated=True)))

    def at_address(self, slug, year=None, month=None, day=None):
        """The readout of a permanent URL (/readouts/2022/06/07/<slug>/ or /readouts/undated/<slug>/); none for a
        day that does not exist (2022/02/31)."""
        if year is None:
            return self.filter(meeting_date=None, slug=slug)
        try:
            return self.filter(meeting_date=datetime.date(year, month, day), slug=slug)
        except ValueError:
            return self.none()

    def matching(self, text, language=None):
        """Readouts with a paragraph that matches a web-search query ("belt and road" -tariffs)."""
        return self.with_paragraph_in(Statement.objects.searched(text, language))

    def with_paragraph_in(self, paragraphs):
        """Readouts with at least one of these paragraphs."""
        return self.filter(Exists(paragraphs.filter(readout=OuterRef("pk"))))

    def most_relevant_first(self, paragraphs, text, language=None):
        """The readouts in the order of their best paragraph's rank for the query, among ``paragraphs``, as a
        search orders them by relevance; then newest first."""
        from readouts.search.languages import RowQuery
        from readouts.search.query import understood

        query = understood(text, connections[self.db], language)
        best = (
            paragraphs.filter(readout=OuterRef("pk"))
            .annotate(rank=Func(F("search_vector"), RowQuery(query), function="ts_rank", output_field=FloatField()))
            .order_by("-rank")
            .values("rank")[:1]
        )
        return self.annotate(best_rank=Subquery(best)).order_by(
            F("best_rank").desc(nulls_last=True), F("meeting_date").desc(nulls_last=True), "-id"
        )

    def slice_by_key(self, start, stop, total=None, members=None, scattered=False):
        """self[start:stop] in one query that finds the rows' ids first, by an id-only query that the date indexes
        answer alone (index-only scans, wide rows never read for the rows skipped), then fetches those rows by key:
        a deep page skips thousands of index entries instead of thousands of rows.

        ``members``, the ids of the selection's readouts found from the participations, and ``total``, their
        number, let a small selection be found through them and sorted as a set (sorted_as_set) instead of
        testing readout after readout in date order for a participant: for the meetings between two big
        countries, intersecting their participations costs a third as much. (A date range, whose readouts the
        date index holds together, is best read in date order: it has no members.)

        ``scattered`` says that the selection, of ``total`` readouts, is found by an index of its own and lies
        anywhere in the date order (a list narrowed by words that matched fewer readouts than the count's cap):
        a small one is then fetched whole and sorted, where walking the date index tested 22,000 readouts' paragraphs
        for 20 with a rare word (370 ms against 30)."""
        selection = self
        small = total is not None and total <= SORT_SELECTIONS_UP_TO
        if members is not None and small:
            selection = self.model._default_manager.filter(pk__in=members).order_by(*self.query.order_by)
            selection = selection.sorted_as_set()
        elif scattered and small:
            selection = self.sorted_as_set()
        ids = selection.values("pk")[start:stop]
        rows = self.model._default_manager.filter(pk__in=ids)
        if self.query.order_by or not self.query.default_ordering:
            rows = rows.order_by(*self.query.order_by)
        rows._prefetch_related_lookups = self._prefetch_related_lookups
        rows.query.deferred_loading = self.query.deferred_loading
        rows.query.select_related = self.query.select_related
        return rows

    def sorted_as_set(self):
        """The same order, newest or oldest first, in a form that no index gives: PostgreSQL then fetches the
        selection (a person's or a rare country's meetings, by the participation indexes) and sorts it, instead of
        walking the date index and testing every readout until a page is found, which takes long when the
        selection's meetings are all old. Other orders are left as they are."""
        order = tuple(self.query.order_by or self.model._meta.ordering)
        if order == (F("meeting_date").desc(nulls_last=True), "-id"):
            return self.newest_first_sorted()
        if order == (F("meeting_date").asc(nulls_last=True), "id"):
            return self.order_by(Coalesce("meeting_date", Value(datetime.date.max)), "id")
        return self

    def newest_first_sorted(self):
        """newest_first() for a selection of at most some thousands of readouts (one person's meetings): an order
        that the date index cannot give, so that PostgreSQL fetches the selection and sorts it instead of walking
        the index over the whole archive, which takes long when all of the selection's meetings are old."""
        return self.order_by(Coalesce("meeting_date", Value(datetime.date.min)).desc(), "-id")

    def oldest_first(self):
        return self.order_by(F("meeting_date").asc(nulls_last=True), "id")

    def with_revision_counts(self):
        """``revision_count``: how many texts the readout's page has served (0 for a readout not from a page)."""
        revisions = ReadoutRevision.objects.filter(readout=OuterRef("pk")).order_by().values("readout")
        count = Subquery(revisions.annotate(n=Count("*")).values("n"), output_field=IntegerField())
        return self.annotate(revision_count=Coalesce(count, 0))

    def with_participant(self, person):
        return self.filter(Exists(Participation.objects.filter(readout=OuterRef("pk"), person=person)))

    def involving(self, country):
        """Meetings with at least one participant from the country."""
        return self.filter(country_ids__contains=[country.pk])

    def between(self, country, counterpart):
        """Meetings with participants from both countries."""
        return self.involving(country).involving(counterpart)

    def met_on_or_after(self, day):
        return self.filter(meeting_date__gte=day)

    def met_on_or_before(self, day):
        return self.filter(meeting_date__lte=day)

    def at_location(self, text):
        return self.filter(location__icontains=text)

    def published_by(self, text):
        return self.filter(publisher__icontains=text)

    def publishers_containing(self, text) -> list[str]:
        """The names of all the archive's publishers (whatever this queryset selects) that contain the text, in
        any case, as published_by() matches them. Found by skipping from one publisher to the next along their
        index, a lookup per publisher, where testing the readouts read an entry per readout."""
        database = connections[self.db]
        with database.cursor() as cursor:
            cursor.execute(
                """
                WITH RECURSIVE publishers(name) AS (
                    (SELECT publisher FROM readouts_readout ORDER BY publisher LIMIT 1)
                    UNION ALL
                    SELECT (SELECT publisher FROM readouts_readout WHERE publisher > publishers.name
                            ORDER BY publisher LIMIT 1)
                    FROM publishers WHERE publishers.name IS NOT NULL
                )
                SELECT name FROM publishers WHERE upper(name) LIKE upper(%s)
                """,
                [f"%{database.ops.prep_for_like_query(text)}%"],
            )
            return [name for (name,) in cursor.fetchall()]

    def in_language(self, code):
        return self.filter(language__iexact=code)

    def languages_held(self) -> list[str]:
        """The language codes of these readouts, once each, in code order."""
        return list(self.order_by("language").values_list("language", flat=True).distinct())

    def with_all_participants(self, people):
        """Meetings that every one of these people attended (others may have been there too); none for no one."""
        if not people:
            return self.none()
        queryset = self
        for person in people:
            queryset = queryset.with_participant(person)
        return queryset

    def before(self, readout):
        """Readouts of earlier meetings (an earlier date), nearest first; none for an undated readout."""
        if readout.meeting_date is None:
            return self.none()
        return self.filter(meeting_date__lt=readout.meeting_date).newest_first()

    def after(self, readout):
        """Readouts of later meetings (a later date), nearest first; none for an undated readout."""
        if readout.meeting_date is None:
            return self.none()
        return self.filter(meeting_date__gt=readout.meeting_date).oldest_first()

    def same_meeting_as(self, readout, people):
        """Other publishers' readouts of the meeting: same date, at least one of the same people."""
        if readout.meeting_date is None or not people:
            return self.none()
        shared = Participation.objects.filter(readout=OuterRef("pk"), person__in=people)
        return (
            self.filter(meeting_date=readout.meeting_date)
            .filter(Exists(shared))
            .exclude(pk=readout.pk)
            .exclude(publisher=readout.publisher)
            .order_by("publisher", "id")
        )


class DateBasis(models.TextChoices):
    """How a readout's meeting date was found (the parser's readouts.parsing.dates.DateBasis, and by hand).

    Only STATED, YEAR_FROM_PUBLICATION, RELATIVE_TO_PUBLICATION and BY_HAND are shown as plain fact; the others
    are shown with their label beside the date."""

    STATED = "stated", "stated in the text"
    YEAR_FROM_PUBLICATION = "year_from_publication", "day in the text, year of publication"
    RELATIVE_TO_PUBLICATION = "relative_to_publication", "counted from the publication date"
    YEAR_INFERRED = "year_inferred", "year inferred"
    YEAR_UNKNOWN = "year_unknown", "year unknown"
    PUBLICATION_DATE = "publication_date", "date of publication"
    BY_HAND = "by_hand", "set by hand"
    NOT_FOUND = "", "not found"


# The bases whose date is shown with a note ("year inferred"): what the text does not establish as fact.
UNCERTAIN_DATE_BASES = {DateBasis.YEAR_INFERRED, DateBasis.YEAR_UNKNOWN, DateBasis.PUBLICATION_DATE}


class Readout(models.Model):
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    meeting_date = models.DateField(
        null=True, blank=True, help_text="Empty when the text does not tell, or tells the month and day only"
    )
    meeting_end_date = models.DateField(
        null=True, blank=True, help_text="The last day of a meeting over several days; empty for one day"
    )
    meeting_date_basis = models.CharField(
        max_length=30,
        choices=DateBasis,
        blank=True,
        default=DateBasis.NOT_FOUND,
        db_default=DateBasis.NOT_FOUND,  # for bulk loads (COPY) that do not name the column
        help_text="How the date was found",
    )
    # A meeting whose year is unknown keeps its month and day here, and its meeting_date stays empty: lists and
    # date filters, which order and select by meeting_date, treat it as undated; its page shows "16 February
    # (year unknown)". Empty whenever meeting_date is set.
    meeting_month = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1-12, when the year is unknown")
    meeting_day = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1-31, when the year is unknown")
    # What the importer was told of the text besides it (import_readouts --metadata, the admin's import form):
    # {"published_date", "source_url", "publisher", "language", "title"}, any of them. Re-parsing uses it again.
    import_metadata = models.JSONField(default=dict, blank=True, db_default={}, editable=False)
    published_date = models.DateField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    # The place is where the text was filed (its dateline), which the text does not say was the meeting's. Pages
    # say "place guessed"; a place set by hand is no guess.
    location_guessed = models.BooleanField(default=False, db_default=False, help_text="The importer's guess")
    publisher = models.CharField(max_length=200, blank=True)
    # The publisher's home country, from the publisher (readouts.meetings.sides): whose side a readout tells.
    publisher_country = models.ForeignKey(
        "Country",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_readouts",
        help_text="The publisher's country; empty for an agency of no side (Reuters) or one not known",
    )
    source_url = models.URLField(max_length=500, blank=True)
    language = models.CharField(max_length=8, default="en", help_text="ISO 639-1 code")
    raw_text = models.TextField(help_text="The text as it was imported")
    # md5 is immutable in PostgreSQL, so the database keeps the key itself (sha256 of text is not).
    # It only detects identical texts; nothing trusts it for security.
    content_hash = models.GeneratedField(
        expression=MD5("raw_text"), output_field=models.CharField(max_length=32), db_persist=True
    )
    # What was corrected by hand in the admin: field names, or "participants" / "statements".
    # Re-parsing after a parser improvement (import_readouts --reparse) leaves these alone.
    edited_fields = ArrayField(models.CharField(max_length=40), default=list, blank=True, editable=False)
    # Written by the demo generator (manage.py generate_demo): real names and offices, invented sentences. Every
    # page, download and feed that shows such a readout says so.
    is_generated = models.BooleanField(
        default=False, editable=False, help_text="A generated demo readout: its sentences are invented"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The encounter this readout is an account of, kept by readouts.meetings (grouping on import, the admin).
    meeting = models.ForeignKey(
        "Meeting", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="readouts"
    )

    objects = ReadoutQuerySet.as_manager()
    # What a page reads to show a readout's date (readouts.templatetags.archive.readout_date).
    SHOWN_DATE_FIELDS = ("meeting_date", "meeting_end_date", "meeting_date_basis", "meeting_month", "meeting_day")
    # The countries of the participants' people (ids, sorted, once each), kept current by PostgreSQL (triggers of
    # migration 0009) and copied to the paragraphs: a country filter tests the row instead of the participations.
    country_ids = ArrayField(models.BigIntegerField(), editable=False, db_default=None)

    # Who changed what and when, viewable and revertible in the admin. Saves and deletes record a version;
    # bulk loads (demo COPY, ingest's bulk_create) record none, which suits imports. Columns the database
    # derives are left out.
    history = HistoricalRecords(excluded_fields=["content_hash", "country_ids", "meeting", "publisher_country"])

    class Meta:
        ordering = [models.F("meeting_date").desc(nulls_last=True), "-id"]
        constraints = [
            models.UniqueConstraint(fields=["content_hash"], name="readout_text_unique"),
            models.UniqueConstraint(
                fields=["meeting_date", "slug"], name="readout_date_slug_unique", nulls_distinct=False
            ),
            models.CheckConstraint(condition=~Q(raw_text=""), name="readout_raw_text_not_empty"),
            models.CheckConstraint(
                condition=Q(meeting_end_date__isnull=True)
                | Q(meeting_date__isnull=False, meeting_end_date__gt=F("meeting_date")),
                name="readout_meeting_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(meeting_month__isnull=True, meeting_day__isnull=True)
                | Q(meeting_date__isnull=True, meeting_month__range=(1, 12), meeting_day__range=(1, 31)),
                name="readout_month_and_day_only_without_a_date",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting_date", "id"], name="readout_meeting_date_idx"),
            # The lists' default order, newest first with undated readouts last: a backward scan of the index
            # above would put the undated (NULL) ones first, so without this one every list page sorts the table.
            # It carries the columns that the text filters test, so that a filtered list (dates and publisher)
            # is counted and paged from the index alone, without reading a row it does not show.
            models.Index(
                F("meeting_date").desc(nulls_last=True),
                F("id").desc(),
                name="readout_newest_first_idx",
                include=["publisher", "location", "language"],
            ),
            # The meeting dates of a selection given by ids (a person's or a country's meetings, by the
            # participation indexes), to order it or give its years without reading the wide rows.
            # With the meeting, a selection's meetings are counted from the index alone (count_with_meetings).
            models.Index(fields=["id"], include=["meeting_date", "meeting_id"], name="readout_id_date_idx"),
            models.Index(fields=["publisher"], name="readout_publisher_idx"),
            # The place and publisher filters (text contained, in any case: UPPER(...) LIKE UPPER('%york%')) find
            # their readouts by trigrams instead of testing every readout.
            GinIndex(OpClass(Upper("location"), name="gin_trgm_ops"), name="readout_location_trgm"),
            GinIndex(OpClass(Upper("publisher"), name="gin_trgm_ops"), name="readout_publisher_trgm"),
            GinIndex(fields=["country_ids"], name="readout_countries_gin"),
            # The archive's latest change, for the lists' and feeds' Last-Modified and ETag (readouts/api.py).
            models.Index(fields=["updated_at"], name="readout_updated_at_idx"),
            # The day that dates a readout's meeting (the meeting's, else the publication's): the readouts of
            # nearby days, among which an imported readout's original is sought (readouts.meetings.grouping).
            models.Index(Coalesce("meeting_date", "published_date"), name="readout_day_idx"),
            # The home page's figures, all readouts and the generated ones (counts_by_origin), from this small
            # index alone: counting them from the rows read the whole table (250 ms at 100,000 readouts).
            models.Index(fields=["is_generated"], name="readout_generated_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # The addresses of readouts:readout_detail and readouts:readout_undated, formatted under the list's: a
        # reverse() per readout (30 µs) was a twentieth of a search page and most of a large export's time.
        # tests/test_models.py checks them against reverse(), under a script prefix too.
        root = readout_list_url(get_script_prefix())
        if self.meeting_date is None:
            return f"{root}undated/{self.slug}/"
        day = self.meeting_date
        return f"{root}{day.year:04}/{day.month:02}/{day.day:02}/{self.slug}/"

    @property
    def meeting_date_guessed(self) -> bool:
        """Whether the text does not establish the date (the bases shown with a note): the API's flag."""
        return self.meeting_date_basis in UNCERTAIN_DATE_BASES

    @property
    def date_note(self) -> str:
        """What a reader must be told beside the date: "year inferred", "year unknown", "date of publication"."""
        return self.get_meeting_date_basis_display() if self.meeting_date_basis in UNCERTAIN_DATE_BASES else ""

    def get_text_url(self):
        """The text as imported, beside the readout's address (exports:readout_text)."""
        return f"{self.get_absolute_url()}text.txt"


@functools.lru_cache(maxsize=8)
def readout_list_url(script_prefix: str) -> str:
    """The readout list's address, "/readouts/" under the site's script prefix, which reverse() puts first (hence
    the cache's key)."""
    return reverse("readouts:readout_list")


class ParticipationQuerySet(models.QuerySet):
    def meetings_of(self, participant=None, countries=()):
        """The ids of the meetings with the participant (if given) and participants from each of the countries,
        once each: the readouts that with_participant() and involving() select, but found in the participation
        indexes alone, so that counting them never reads the readouts (a count of 16,000 readouts of China
        takes a third of the time)."""
        conditions = [Q(person=participant)] if participant else []
        conditions += [Q(person__country=country) for country in countries]
        if not conditions:
            raise ValueError("meetings_of() needs a participant or a country")
        meetings = self.filter(conditions[0])
        for condition in conditions[1:]:
            meetings = meetings.filter(readout__in=Participation.objects.filter(condition).values("readout"))
        return meetings.values("readout").distinct()

    def titles_held_by(self, person):
        """Each title the person held, with the first and last meeting dates under it, earliest first."""
        return (
            self.filter(person=person)
            .exclude(title="")
            .values("title")
            .annotate(
                first=Min("readout__meeting_date"),
                last=Max("readout__meeting_date"),
                meetings=count_meetings("readout__"),
            )
            .order_by(F("first").asc(nulls_last=True), "title")
        )


class Participation(models.Model):
    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    title = models.CharField(max_length=300, blank=True, help_text="The title the person held at this meeting")
    order = models.PositiveSmallIntegerField(default=0)

    objects = ParticipationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["readout", "order"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "person"], name="participation_person_once"),
            models.UniqueConstraint(fields=["readout", "order"], name="participation_order_unique"),
        ]
        indexes = [
            # With the title, the titles a person held (titles_held_by) come from the index alone.
            models.Index(fields=["person", "readout"], include=["title"], name="participation_person_idx")
        ]

    def __str__(self):
        return f"{self.title} {self.person}".strip()


class MeetingYears(Func):
    """A paragraph's meeting year as a one-element array, ARRAY[year]: the third column of the full-text GIN index,
    which an overlap (``&&``) with a list of years searches. An array, as GIN indexes arrays without an
    extension; a scalar year through btree_gin made a five-year range ten times slower than this."""

    template = "ARRAY[%(expressions)s]"
    output_field = ArrayField(IntegerField())

    def __init__(self):
        super().__init__(Cast(ExtractYear("meeting_date"), IntegerField()))


# The most years that search finds through the GIN index's meeting years (StatementQuerySet.met_between). The
# index answers each year with all its paragraphs, so the more years, the less it saves over the date index, and
# a word must be checked against every year asked for: at archive_bench's scale, five years of 26 cost "progress"
# 40 ms where the date index took 60, ten years about the same either way, and all 26 years (or 9,999) cost more.
INDEXED_YEARS = 5


class StatementQuerySet(models.QuerySet):
    # The readout filters of ReadoutQuerySet, by the same names, selecting the paragraphs of the readouts they
    # select (ReadoutFilter.paragraphs() applies them for search). Date, country and publisher test the
    # paragraph's own copies, whose indexes the full-text index can combine with; the others go through the
    # readouts.
    def met_on_or_after(self, day):
        return self.filter(meeting_date__gte=day)

    def met_on_or_before(self, day):
        return self.filter(meeting_date__lte=day)

    def met_between(self, first, last):
        """Both date filters at once (either may be None). A range of up to INDEXED_YEARS whole years (1 January
        to 31 December) is tested on the meeting year that the full-text GIN index holds: one index scan then finds
        a word in those years, where ANDing the date index costs more than the word itself (a word in 47,000
        paragraphs, five years of 190,000). Other ranges test the date."""
        whole_years = first and last and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
        if whole_years and last.year - first.year < INDEXED_YEARS:
            return self.alias(meeting_years=MeetingYears()).filter(
                meeting_years__overlap=list(range(first.year, last.year + 1))
            )
        paragraphs = self
        if first:
            paragraphs = paragraphs.met_on_or_after(first)
        if last:
            paragraphs = paragraphs.met_on_or_before(last)
        return paragraphs

    def involving(self, country):
        return self.filter(country_ids__contains=[country.pk])

    def with_participant(self, person):
        return self.of_readouts(Readout.objects.with_participant(person))

    def at_location(self, text):
        return self.of_readouts(Readout.objects.at_location(text))

    def published_by(self, text):
        # The paragraphs' own copy of the publisher, among the archive's publishers whose names contain the text
        # (a quick query first): the planner then knows the names, and ANDs their index with the full-text one.
        return self.filter(publisher__in=Readout.objects.publishers_containing(text))

    def in_language(self, code):
        return self.of_readouts(Readout.objects.in_language(code))

    def reported_by(self, sides):
        return self.of_readouts(Readout.objects.reported_by(sides))

    def matching(self, text):
        return self.of_readouts(Readout.objects.matching(text))

    def searched(self, text, language=None):
        """The paragraphs that match a web-search query themselves, each in its own language's configuration
        (that of ``language`` alone, when given)."""
        from readouts.search.languages import TextMatch  # readouts.search imports the models
        from readouts.search.query import understood

        return self.filter(TextMatch(understood(text, connections[self.db], language)))

    def of_readouts(self, readouts):
        return self.filter(readout__in=readouts.order_by().values("pk"))

    def spoken_by(self, person):
        """The person's statements with their readouts, the latest added readout first, in paragraph order.

        Not by meeting date: that order needs the dates of all the person's readouts, a join and a sort over
        tens of thousands of rows for a head of state, while this one walks the (speaker, readout) index."""
        return (
            self.filter(speaker=person)
            .select_related("readout")
            .only(
                "position",
                "text",
                "speaker_guessed",
                "readout__title",
                "readout__slug",
                *(f"readout__{name}" for name in Readout.SHOWN_DATE_FIELDS),
            )
            .order_by("-readout_id", "position")
        )


class Statement(models.Model):
    class Kind(models.TextChoices):
        STATEMENT = "statement", "Statement"
        JOINT = "joint", "Joint"
        NARRATIVE = "narrative", "Narrative"

    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="statements")
    position = models.PositiveIntegerField(help_text="1 for the first paragraph")
    text = models.TextField()
    speaker = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="statements")
    # The paragraph does not name its speaker: the importer took them from a pronoun, a title or the paragraph
    # before (readouts/parsing/guesses.py). Pages say "speaker guessed"; a speaker set by hand is no guess.
    speaker_guessed = models.BooleanField(default=False, db_default=False, help_text="The importer's guess")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.NARRATIVE)
    # The configuration of the readout's language (readouts/search/languages.py), copied by the triggers below.
    search_config = RegConfigField(editable=False, db_default=None)
    # The text's Chinese and Japanese runs split into words, which PostgreSQL's parser cannot do; NULL for others.
    segmented_text = SegmentedTextField(source="text")
    # Kept current by PostgreSQL, in the paragraph's own configuration, over its words (migration 0017).
    search_vector = models.GeneratedField(
        expression=SearchVector(Coalesce("segmented_text", "text"), config=F("search_config")),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # Copies of the readout's meeting date, country ids and publisher, so that search can combine these filters
    # with the full-text index instead of joining the readouts, and of its language's configuration (above).
    # PostgreSQL keeps them current (triggers of migrations 0009, 0012 and 0017): Django inserts DEFAULT, the
    # insert trigger fills them in, and changes to the readout are copied down.
    meeting_date = models.DateField(null=True, editable=False, db_default=None)
    country_ids = ArrayField(models.BigIntegerField(), editable=False, db_default=None)
    publisher = models.CharField(max_length=200, editable=False, db_default=None)

    objects = StatementQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "search_vector", "search_config", "segmented_text", "meeting_date", "country_ids", "publisher"
        ]
    )  # fmt: skip

    class Meta:
        ordering = ["readout", "position"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "position"], name="statement_position_unique"),
            models.CheckConstraint(condition=Q(position__gte=1), name="statement_position_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=["statement", "joint", "narrative"]), name="statement_kind_valid"
            ),
            # A speaker is set exactly when the paragraph is somebody's statement.
            models.CheckConstraint(
                condition=Q(kind="statement", speaker__isnull=False)
                | (~Q(kind="statement") & Q(speaker__isnull=True)),
                name="statement_speaker_matches_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "readout"], name="statement_speaker_idx"),
            # One GIN scan answers words with a country and whole years together ("progress" in meetings with
            # China, 2015 to 2019); a range of dates within years ANDs the date index.
            GinIndex(F("search_vector"), F("country_ids"), MeetingYears(), name="statement_search_gin"),
            models.Index(fields=["meeting_date"], name="statement_meeting_date_idx"),
            models.Index(fields=["publisher"], name="statement_publisher_idx"),
        ]

    def __str__(self):
        return f"{self.readout_id} ¶{self.position}"

    def get_absolute_url(self):
        return f"{self.readout.get_absolute_url()}#p{self.position}"


class SearchTerm(MaterializedView):
    """A word of the archive's paragraphs and how many paragraphs use it: the vocabulary that search
    suggestions ("coopration" -> "cooperation") are drawn from.

    A materialised view over ts_stat (migration 0006), refreshed after imports by ``refresh()``.
    """

    word = models.TextField(primary_key=True)
    paragraphs = models.IntegerField()

    class Meta:
        managed = False
        db_table = "readouts_searchterm"
        ordering = ["-paragraphs"]

    def __str__(self):
        return self.word


class MeetingQuerySet(models.QuerySet):
    def reported_by(self, sides):
        """Meetings reported by both sides, one side only or neither (``Meeting.Sides``); all for an empty value."""
        if sides == Meeting.Sides.BOTH:
            return self.filter(sides_reporting__gte=2)
        if sides == Meeting.Sides.ONE:
            return self.filter(sides_reporting=1)
        if sides == Meeting.Sides.NEITHER:
            return self.filter(sides_reporting=0)
        return self

    def oldest_first(self):
        return self.order_by(F("first_date").asc(nulls_last=True), "id")

    def of_readouts(self, readouts):
        """The meetings that the readouts tell of, each once."""
        return self.filter(pk__in=readouts.order_by().exclude(meeting=None).values("meeting_id"))

    def around(self, first, last):
        """Meetings whose span of dates comes within GROUPING_DAYS of first..last: the candidates of a new account."""
        earliest, latest, ends_after = self.window_around(first, last)
        return self.filter(first_date__range=(earliest, latest), last_date__gte=ends_after)

    @staticmethod
    def window_around(first, last):
        """(earliest first date, latest first date, earliest last date) of the meetings around first..last."""
        margin = datetime.timedelta(days=GROUPING_DAYS)
        # first_date bounded on both sides too (no meeting lasts LONGEST_MEETING_DAYS): two open ranges on two
        # columns made PostgreSQL expect a seventh of the table and scan it all.
        earliest = first - margin - datetime.timedelta(days=LONGEST_MEETING_DAYS)
        return earliest, last + margin, first - margin

    def with_summaries(self):
        """For lists: each meeting's readouts (the earliest published first) with their participants: two queries."""
        readouts = (
            Readout.objects.select_related("fingerprint")
            .defer("raw_text", "fingerprint__bands", "fingerprint__signature")
            .order_by(F("published_date").asc(nulls_last=True), "id")
            .with_participants()
        )
        return self.prefetch_related(Prefetch("readouts", queryset=readouts))

    def with_accounts(self):
        """Each meeting's readouts with their participants, paragraphs (speakers) and reprint links: four queries."""
        readouts = (
            Readout.objects.select_related("fingerprint")
            .defer("raw_text", "fingerprint__bands", "fingerprint__signature")
            .order_by(F("published_date").asc(nulls_last=True), "id")
            .with_details()
        )
        return self.prefetch_related(Prefetch("readouts", queryset=readouts))


# How far apart (in days) two accounts' dates may be and still tell of one meeting: time zones move a date by one,
# a publication often follows the meeting by a day, and a meeting of several days is told under its first or last.
GROUPING_DAYS = 2
# The most days a meeting's accounts may span (a summit, a state visit): meetings are looked for in that window.
LONGEST_MEETING_DAYS = 14


class Meeting(models.Model):
    """One encounter and every account of it: both sides' readouts, agency texts, their reprints, language versions.

    Derived data, like the pair counts: readouts.meetings groups each imported readout into one, and
    ``manage.py group_meetings`` groups the whole archive again. A meeting that a person changed in the admin
    (merged, split, readouts moved) is ``edited``, and regrouping leaves its readouts where they are.
    """

    first_date = models.DateField(null=True, blank=True, editable=False)
    last_date = models.DateField(null=True, blank=True, editable=False)
    # Accounts of their own (reprints not counted) and all readouts, for lists and links without a count query.
    accounts = models.PositiveIntegerField(default=0, editable=False)
    readout_count = models.PositiveIntegerField(default=0, editable=False)
    # How many of the participants' countries reported the meeting themselves: the countries of the publishers
    # of its accounts (reprints not counted) that are countries of the account's own participants. 2 or more is
    # "reported by both sides", 1 "by one side only", 0 only by others (agencies of no side). Kept with the counts.
    sides_reporting = models.PositiveSmallIntegerField(default=0, editable=False)
    edited = models.BooleanField(default=False, help_text="Changed by hand: regrouping leaves it as it is")
    created_at = models.DateTimeField(auto_now_add=True)

    class Sides(models.TextChoices):
        BOTH = "both", "Reported by both sides"
        ONE = "one", "Reported by one side only"
        NEITHER = "neither", "Reported by neither side (others only)"

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = [F("first_date").desc(nulls_last=True), "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_date__isnull=True) | Q(last_date__gte=F("first_date")), name="meeting_dates_ordered"
            ),
        ]
        indexes = [models.Index(fields=["first_date", "last_date"], name="meeting_dates_idx")]

    def __str__(self):
        if self.first_date is None:
            return f"Meeting {self.pk} (undated)"
        if self.last_date != self.first_date:
            return f"Meeting {self.pk} ({self.first_date:%Y-%m-%d} to {self.last_date:%Y-%m-%d})"
        return f"Meeting {self.pk} ({self.first_date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("readouts:meeting_detail", args=[self.pk])

    @property
    def reported_by_both(self) -> bool:
        return self.sides_reporting >= 2

    def publishers(self) -> list[str]:
        return list(dict.fromkeys(readout.publisher for readout in self.readouts.all() if readout.publisher))

    @property
    def is_generated(self) -> bool:
        """True when the demo generator made one of its readouts (readouts prefetched)."""
        return any(readout.is_generated for readout in self.readouts.all())

    @property
    def reprint_count(self) -> int:
        return self.readout_count - self.accounts


class ReadoutFingerprint(models.Model):
    """A readout's text as a MinHash signature (readouts.meetings.reprints), and the account it reprints, if any.

    ``bands`` are the signature cut into bands and hashed: two texts that share a band are candidates, found by
    the GIN index with a few lookups whatever the archive's size, and the signatures then estimate their
    similarity. A near-copy of another readout (the same agency text with small edits, a blog copy) points to the
    original in ``reprint_of`` and is shown as its reprint, not as an account of its own.
    """

    readout = models.OneToOneField(Readout, primary_key=True, on_delete=models.CASCADE, related_name="fingerprint")
    bands = ArrayField(models.BigIntegerField())
    signature = ArrayField(models.BigIntegerField())
    reprint_of = models.ForeignKey(Readout, null=True, blank=True, on_delete=models.SET_NULL, related_name="reprints")
    similarity = models.FloatField(null=True, blank=True, help_text="Estimated share of word triples in common")

    class Meta:
        ordering = ["readout"]
        # fastupdate off: every import looks its bands up, and a GIN index's pending list (where fastupdate puts
        # new entries until a vacuum) is read whole by each lookup, 70 ms after a bulk load of 100,000 readouts
        # against 0.1 ms for the index itself.
        indexes = [GinIndex(fields=["bands"], name="fingerprint_bands_gin", fastupdate=False)]
        constraints = [
            models.CheckConstraint(condition=~Q(reprint_of=F("readout")), name="fingerprint_not_own_reprint"),
        ]

    def __str__(self):
        return f"Fingerprint of readout {self.readout_id}"


class SourcePage(models.Model):
    """A publisher's web page that a readout was fetched from: its canonical address (which identifies it across
    fetches, whatever address it was reached by), what the server said last (for conditional requests), and
    whether the publisher has removed it. The readout's texts as fetched are its ReadoutRevisions."""

    readout = models.OneToOneField(Readout, on_delete=models.CASCADE, related_name="page")
    canonical_url = models.URLField(max_length=500, unique=True)
    url = models.URLField("address fetched", max_length=500)
    source = models.ForeignKey(
        "Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="pages", help_text="Found through"
    )
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    # sha256 of the bytes last served: an unchanged page is recognised without extracting its text again.
    body_hash = models.CharField(max_length=64, blank=True)
    last_fetched_at = models.DateTimeField()
    removed_at = models.DateTimeField(null=True, blank=True, help_text="When the publisher was found to remove it")
    removal_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["canonical_url"]
        indexes = [models.Index(fields=["url"], name="sourcepage_url_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True, removal_reason="") | Q(removed_at__isnull=False),
                name="sourcepage_removal_has_date",
            )
        ]

    def __str__(self):
        return self.canonical_url

    def get_absolute_url(self):
        return self.readout.get_absolute_url()


class ReadoutRevision(models.Model):
    """One text of a readout's page as the publisher served it: the first fetch, then each change. The readout's
    raw text is always its newest revision's; older ones are never changed or deleted."""

    readout = models.ForeignKey(Readout, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="1 for the text first fetched")
    text = models.TextField()
    # The paragraphs as the parser split them, to compare revisions and map old paragraph links.
    paragraphs = ArrayField(models.TextField(), default=list)
    content_hash = models.CharField(max_length=64, help_text="sha256 of the text")
    url = models.URLField("address fetched", max_length=500)
    fetched_at = models.DateTimeField()

    class Meta:
        ordering = ["readout", "number"]
        constraints = [
            models.UniqueConstraint(fields=["readout", "number"], name="revision_number_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="revision_number_positive"),
        ]

    def __str__(self):
        return f"{self.readout_id} revision {self.number}"

    def get_absolute_url(self):
        return f"{self.readout.get_absolute_url()}changes/?to={self.number}"


class SourceQuerySet(models.QuerySet):
    def due(self, now):
        """Active sources not checked within their interval (or never)."""
        never = Q(last_checked_at__isnull=True)
        overdue = Q(last_checked_at__lte=now - F("interval"))
        return self.filter(active=True).filter(never | overdue)


class Source(models.Model):
    """A publisher's list of readouts that ``fetch_sources`` watches: an RSS or Atom feed, a sitemap, or a listing
    page whose links lead to readouts; each page found is imported, or checked for revisions."""

    class Kind(models.TextChoices):
        FEED = "feed", "RSS or Atom feed"
        SITEMAP = "sitemap", "Sitemap"
        LISTING = "listing", "Listing page"

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.FEED)
    url = models.URLField(max_length=500, unique=True)
    link_pattern = models.CharField(
        max_length=200, blank=True, help_text="Listing pages: only links whose address contains this text"
    )
    interval = models.DurationField(default=datetime.timedelta(hours=6), help_text="How often to look, e.g. 06:00:00")
    active = models.BooleanField(default=True)
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_summary = models.CharField(max_length=300, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False, help_text="Why the last check failed, if it did")
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["feed", "sitemap", "listing"]), name="source_kind_valid"),
            models.CheckConstraint(condition=Q(interval__gt=datetime.timedelta(0)), name="source_interval_positive"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("admin:readouts_source_change", args=[self.pk])
