"""The JSON shapes of the API and the JSON export: one serializer per shape, field names documented in docs/api.md.

Every object carries ``url`` (its page on the site) and ``api_url`` (its address in the API), both absolute.
Dates are ISO 8601 (``2022-06-07``), times ISO 8601 with a time zone. Serializers read only what the views
prefetched: they never query.
"""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from readouts.models import Country, Meeting, Participation, Person, Readout, Statement
from readouts.sources.diffs import count_changes

URL_CACHE_SIZE = 10_000


def cached_url(context, key, build):
    """An address built once per serializer run: a list or an export names the same people, and a readout's
    paragraphs its address, over and over. Bounded, so that a long export stays in constant memory."""
    cache = context.setdefault("url_cache", {})
    if key not in cache:
        if len(cache) >= URL_CACHE_SIZE:
            cache.clear()
        cache[key] = build()
    return cache[key]


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.ReadOnlyField):
    """The absolute address of the object's page on the site; with `paragraph`, of a readout's paragraph
    (the readout's address and #p<position>, as Statement.get_absolute_url() gives it, with the readout's
    address built once for all its paragraphs)."""

    def __init__(self, paragraph=False, **kwargs):
        self.paragraph = paragraph
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        page = value.readout if self.paragraph else value
        key = (type(page).__name__, page.pk)
        url = cached_url(
            self.context, key, lambda: self.context["request"].build_absolute_uri(page.get_absolute_url())
        )
        return f"{url}#p{value.position}" if self.paragraph else url


@extend_schema_field(OpenApiTypes.URI)
class APIURLField(serializers.ReadOnlyField):
    """The absolute address of an API resource: a named URL with one argument taken from the object, and
    optionally a query (``?participant=<slug>``) that selects the object's readouts."""

    def __init__(self, view_name, lookup, query=None, **kwargs):
        self.view_name, self.lookup, self.query = view_name, lookup, query
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value):
        key = getattr(value, self.lookup)
        return cached_url(self.context, (self.view_name, self.query, key), lambda: self.build(key))

    def build(self, key):
        path = f"{reverse(self.view_name)}?{self.query}={key}" if self.query else reverse(self.view_name, args=[key])
        return self.context["request"].build_absolute_uri(path)


class ReadOnlySerializer(serializers.ModelSerializer):
    """Every field is output only, and so present in every answer (the schema marks all of them required)."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class CountryRefSerializer(ReadOnlySerializer):
    class Meta:
        model = Country
        fields = ["code", "name"]


class PersonRefSerializer(ReadOnlySerializer):
    country = CountryRefSerializer(allow_null=True, help_text="Null when the person's country is not known")
    url = PageURLField()
    api_url = APIURLField("api:person_detail", "slug")

    class Meta:
        model = Person
        fields = ["slug", "name", "country", "url", "api_url"]


class SpeakerSerializer(ReadOnlySerializer):
    """A paragraph's speaker: the person's country is in the readout's participants."""

    url = PageURLField()
    api_url = APIURLField("api:person_detail", "slug")

    class Meta:
        model = Person
        fields = ["slug", "name", "url", "api_url"]


class ParticipantSerializer(ReadOnlySerializer):
    person = PersonRefSerializer()
    title = serializers.CharField(help_text="The title the person held at this meeting; may be empty")

    class Meta:
        model = Participation
        fields = ["order", "title", "person"]


class StatementSerializer(ReadOnlySerializer):
    speaker = SpeakerSerializer(allow_null=True, help_text="Set exactly when kind is statement")
    speaker_guessed = serializers.BooleanField(
        help_text="True when the paragraph does not name its speaker and the importer guessed who spoke; false for "
        "a speaker named in the paragraph or set by hand"
    )
    url = PageURLField(paragraph=True, help_text="The paragraph on the readout's page (#p<position>)")

    class Meta:
        model = Statement
        fields = ["position", "kind", "speaker", "speaker_guessed", "text", "url"]


class ReadoutSerializer(ReadOnlySerializer):
    """A readout in a list: its metadata and participants."""

    url = PageURLField()
    api_url = APIURLField("api:readout_detail", "pk")
    participants = ParticipantSerializer(source="participations", many=True)
    publisher_country = CountryRefSerializer(
        allow_null=True,
        help_text="The publisher's home country (whose side the readout tells), from the publisher's name; null for "
        "an agency of no side or a publisher not known",
    )
    location_guessed = serializers.BooleanField(
        help_text="True when the place is the importer's guess: where the text was filed (its dateline), which the "
        "text does not say was the meeting's; false for a place the text states or one set by hand"
    )
    meeting_date_guessed = serializers.BooleanField(
        help_text="True when the text does not establish the meeting date (meeting_date_basis year_inferred, "
        "year_unknown or publication_date)"
    )

    class Meta:
        model = Readout
        fields = [
            "id",
            "url",
            "api_url",
            "title",
            "slug",
            "meeting_date",
            "published_date",
            "location",
            "publisher",
            "language",
            "source_url",
            "is_generated",
            "participants",
            "created_at",
            "updated_at",
            # How the meeting date was found, and what the text gives of it (docs/api.md).
            "meeting_end_date",
            "meeting_date_basis",
            "meeting_date_guessed",
            "meeting_month",
            "meeting_day",
            # Whose side tells it, and the place the importer guessed (docs/api.md).
            "publisher_country",
            "location_guessed",
        ]


class ReadoutExportSerializer(ReadoutSerializer):
    """A readout in the JSON export: a list item with its statements."""

    statements = StatementSerializer(many=True)

    class Meta(ReadoutSerializer.Meta):
        fields = [*ReadoutSerializer.Meta.fields, "statements"]


class RevisionChangesSerializer(serializers.Serializer):
    """How many paragraphs changed, were added and were removed since the revision before."""

    changed = serializers.IntegerField()
    added = serializers.IntegerField()
    removed = serializers.IntegerField()


class RevisionSerializer(serializers.Serializer):
    """One text of the readout's page as the publisher served it."""

    number = serializers.IntegerField(help_text="1 for the text first fetched")
    fetched_at = serializers.DateTimeField(help_text="When the archive fetched this text")
    url = serializers.URLField(help_text="The address it was fetched from (after redirects)")
    paragraphs = serializers.IntegerField(help_text="How many paragraphs the text has")
    changes = RevisionChangesSerializer(
        allow_null=True, help_text="What changed since the revision before; null for the first"
    )
    changes_url = serializers.URLField(
        allow_null=True, help_text="The page showing what changed since the revision before; null for the first"
    )


class ReadoutDetailSerializer(ReadoutExportSerializer):
    """One readout: a list item with its statements and the text as it was imported; for a readout fetched from a
    publisher's page, every text the page served (oldest first) and when the publisher removed it."""

    revisions = serializers.SerializerMethodField(
        help_text="Every text the publisher's page served, oldest first; empty for a readout not from a page"
    )
    removed_by_publisher_at = serializers.SerializerMethodField(
        help_text="When the publisher's page was found removed (404, 410 or a stub); null while it stands"
    )

    class Meta(ReadoutSerializer.Meta):
        fields = [*ReadoutExportSerializer.Meta.fields, "raw_text", "revisions", "removed_by_publisher_at"]

    @extend_schema_field(RevisionSerializer(many=True))
    def get_revisions(self, readout) -> list[dict]:
        summaries = revision_summaries(list(readout.revisions.all()))
        request = self.context.get("request")
        changes_page = f"{readout.get_absolute_url()}changes/"
        for summary in summaries:
            number = summary["number"]
            address = f"{changes_page}?from={number - 1}&to={number}" if number > 1 else None
            summary["changes_url"] = request.build_absolute_uri(address) if request and address else address
        return summaries

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_removed_by_publisher_at(self, readout) -> str | None:
        page = getattr(readout, "page", None)  # none for a readout not fetched from a page
        return page.removed_at.isoformat() if page and page.removed_at else None


class PersonSerializer(ReadOnlySerializer):
    country = CountryRefSerializer(allow_null=True, help_text="Null when the person's country is not known")
    meetings = serializers.IntegerField(
        help_text="Number of meetings the person took part in, each once however many readouts tell it (in the "
        "list: as of the last import)"
    )
    url = PageURLField()
    api_url = APIURLField("api:person_detail", "slug")
    readouts_api_url = APIURLField("api:readout_list", "slug", query="participant")

    class Meta:
        model = Person
        fields = ["slug", "name", "aliases", "country", "meetings", "url", "api_url", "readouts_api_url"]


class TitleHeldSerializer(serializers.Serializer):
    """A title the person held, with the meeting dates of the first and last readouts under it."""

    title = serializers.CharField()
    first = serializers.DateField(allow_null=True, help_text="Meeting date of the first readout with this title")
    last = serializers.DateField(allow_null=True, help_text="Meeting date of the last readout with this title")
    meetings = serializers.IntegerField()


class PersonDetailSerializer(PersonSerializer):
    titles = TitleHeldSerializer(
        many=True, source="titles_held", help_text="Each title the person held, earliest first"
    )

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "titles"]


class CountrySerializer(ReadOnlySerializer):
    people = serializers.IntegerField(
        source="number_of_people", help_text="Number of people of this country in the archive"
    )
    url = PageURLField()
    api_url = APIURLField("api:country_detail", "code")
    readouts_api_url = APIURLField("api:readout_list", "code", query="country")

    class Meta:
        model = Country
        fields = ["code", "name", "kind", "demonyms", "aliases", "people", "url", "api_url", "readouts_api_url"]


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx answer."""

    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For invalid query parameters: the messages for each parameter",
    )


class SearchParagraphSerializer(serializers.Serializer):
    """A matching paragraph (a readouts.search.ParagraphHit) with its highlighted snippet."""

    position = serializers.IntegerField(source="statement.position")
    kind = serializers.ChoiceField(source="statement.kind", choices=Statement.Kind.choices)
    speaker = SpeakerSerializer(source="statement.speaker", allow_null=True, help_text="Set exactly for statements")
    text = serializers.CharField(source="statement.text")
    snippet_html = serializers.CharField(
        source="headline", help_text="The matching words in <mark>; the rest of the text HTML-escaped"
    )
    url = serializers.SerializerMethodField(help_text="The paragraph on the readout's page (#p<position>)")

    def get_url(self, hit) -> str:
        return self.context["request"].build_absolute_uri(hit.statement.get_absolute_url())


class SearchHitSerializer(serializers.Serializer):
    """A readout with its best matching paragraphs (a readouts.search.ReadoutHit)."""

    readout = ReadoutSerializer()
    paragraph_count = serializers.IntegerField(help_text="How many of its paragraphs match")
    paragraphs = SearchParagraphSerializer(many=True, help_text="The best few matching paragraphs")


class SearchYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    paragraphs = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    """One page of search results (a readouts.search.SearchResults)."""

    approximate = serializers.BooleanField(help_text="True when the counts and the years are estimates")
    paragraph_count = serializers.IntegerField()
    readout_count = serializers.IntegerField()
    page = serializers.IntegerField(source="page_number")
    page_count = serializers.IntegerField()
    next = serializers.SerializerMethodField()
    previous = serializers.SerializerMethodField()
    messages = serializers.ListField(child=serializers.CharField(), help_text="Notes on how the query was run")
    searched = serializers.CharField(source="query", help_text="The words searched, as understood")
    question = serializers.SerializerMethodField(help_text="Set when the query was read as a question about a person")
    corrected_from = serializers.CharField(
        allow_null=True, help_text="The query as typed, when it found nothing and its correction was searched instead"
    )
    years = serializers.SerializerMethodField()
    results = SearchHitSerializer(source="hits", many=True)

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"speaker": {"type": "string"}, "about": {"type": "string"}},
        }
    )
    def get_question(self, results):
        question = results.question
        return question and {"speaker": question.person_slug, "about": question.about}

    def page_url(self, number) -> str:
        request = self.context["request"]
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    def get_next(self, results) -> str | None:
        return self.page_url(results.page_number + 1) if results.has_next else None

    def get_previous(self, results) -> str | None:
        return self.page_url(results.page_number - 1) if results.has_previous else None

    @extend_schema_field(SearchYearSerializer(many=True))
    def get_years(self, results):
        return [{"year": year, "paragraphs": count} for year, count in results.years]


# Meetings (readouts.meetings): a meeting in a list, and one meeting with its accounts compared.


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting in a list: its dates, how many accounts (reprints not counted) and readouts it has, and how many
    of the participants' countries reported it through their own publishers (``sides_reporting``; 2 or more is
    ``reported_by_both``)."""

    url = PageURLField()
    api_url = APIURLField("api:meeting_detail", "pk")
    reported_by_both = serializers.BooleanField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "url",
            "api_url",
            "first_date",
            "last_date",
            "accounts",
            "readout_count",
            "sides_reporting",
            "reported_by_both",
        ]
        read_only_fields = fields


class ReadoutRefSerializer(ReadOnlySerializer):
    url = PageURLField()
    api_url = APIURLField("api:readout_detail", "pk")

    class Meta:
        model = Readout
        fields = [
            "id",
            "url",
            "api_url",
            "title",
            "meeting_date",
            "published_date",
            "location",
            "publisher",
            "language",
        ]


class QuotedSerializer(serializers.Serializer):
    person = SpeakerSerializer()
    paragraphs = serializers.IntegerField(help_text="How many of the account's paragraphs are theirs")


class DifferenceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["country", "person", "term"])
    name = serializers.CharField()
    account = serializers.IntegerField(source="account.number", help_text="The only account that names it")


class AccountSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="1 for the first account; the alignment's cells refer to it")
    label = serializers.CharField(help_text="The publisher, else the title")
    readout = ReadoutRefSerializer()
    length = serializers.IntegerField()
    length_unit = serializers.ChoiceField(choices=["words", "characters"])
    paragraphs = serializers.IntegerField(source="paragraph_count")
    quoted = serializers.SerializerMethodField(help_text="Who is quoted, most first")
    topics = serializers.ListField(child=serializers.CharField(), help_text="Places, countries, terms, in order")
    reprints = ReadoutRefSerializer(many=True, help_text="Near-copies of this account's text")

    @extend_schema_field(QuotedSerializer(many=True))
    def get_quoted(self, account):
        quoted = [{"person": person, "paragraphs": count} for person, count in account.quoted]
        return QuotedSerializer(quoted, many=True, context=self.context).data


class MatchSerializer(serializers.Serializer):
    account = serializers.IntegerField(help_text="The other account's number")
    position = serializers.IntegerField(help_text="Its paragraph's position")


class AlignedParagraphSerializer(serializers.Serializer):
    account = serializers.IntegerField(source="account.number")
    position = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Statement.Kind.choices)
    speaker = serializers.CharField(source="speaker.name", allow_null=True, default=None)
    text = serializers.CharField()
    shared = serializers.BooleanField(help_text="Whether another account says the same")
    also_in = serializers.SerializerMethodField(help_text="The paragraph of each other account that says the same")

    @extend_schema_field(MatchSerializer(many=True))
    def get_also_in(self, paragraph):
        return [{"account": account.number, "position": match.position} for account, match in paragraph.also_in]


class AlignmentRowSerializer(serializers.ListSerializer):
    child = AlignedParagraphSerializer(allow_null=True)

    def to_representation(self, data):
        return [None if cell is None else self.child.to_representation(cell) for cell in data]


class MeetingComparisonSerializer(serializers.Serializer):
    """One meeting: its accounts, what each names that the others do not, and the paragraphs aligned in rows
    (one cell per account, null where the account has nothing in that row)."""

    id = serializers.IntegerField(source="meeting.pk")
    url = serializers.SerializerMethodField()
    first_date = serializers.DateField(source="meeting.first_date", allow_null=True)
    last_date = serializers.DateField(source="meeting.last_date", allow_null=True)
    participants = PersonRefSerializer(many=True)
    places = serializers.ListField(child=serializers.CharField())
    accounts = AccountSerializer(many=True)
    differences = DifferenceSerializer(many=True)
    alignment = serializers.ListField(child=AlignmentRowSerializer(), source="rows")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, comparison):
        return self.context["request"].build_absolute_uri(comparison.meeting.get_absolute_url())


def revision_summaries(revisions) -> list[dict]:
    """Each revision with when and where it was fetched and how many paragraphs changed since the one before."""
    summaries, previous = [], None
    for revision in revisions:
        changes = None
        if previous is not None:
            changes = count_changes(previous.paragraphs, revision.paragraphs)
        summaries.append(
            {
                "number": revision.number,
                "fetched_at": revision.fetched_at.isoformat(),
                "url": revision.url,
                "paragraphs": len(revision.paragraphs),
                "changes": changes,
            }
        )
        previous = revision
    return summaries
