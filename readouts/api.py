"""The read-only JSON API under /api/ (Django REST framework; the schema by drf-spectacular at /api/schema/).

Each endpoint is a short generic view: a queryset from the models' QuerySet methods, a serializer from
readouts/serializers.py, and, for readouts, the list page's ReadoutFilter. What every endpoint shares lives in
ArchiveAPIView: unknown query parameters are refused, answers carry an ETag, errors are JSON.
A new endpoint (search hits, for instance) is one more ArchiveAPIView subclass and one more path below.
"""

from django.conf import settings
from django.db.models import Count, Max, Prefetch
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.urls import path, re_path
from django.utils.decorators import method_decorator
from django.views.decorators.http import condition, conditional_page, require_GET
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import exceptions, generics
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import exception_handler

from readouts import converters  # noqa: F401 (registers iso2)
from readouts.api_docs import describe_api
from readouts.filters import ReadoutFilter
from readouts.forms import SearchForm, run_search
from readouts.meeting_views import compared_meeting
from readouts.models import Country, Meeting, Participation, Person, Readout, ReadoutRevision, Statement
from readouts.pagination import ArchivePagination
from readouts.serializers import (
    CountrySerializer,
    ErrorSerializer,
    MeetingComparisonSerializer,
    MeetingSerializer,
    PersonDetailSerializer,
    PersonSerializer,
    ReadoutDetailSerializer,
    ReadoutSerializer,
    SearchResultsSerializer,
)

# Part of every ETag: bump it when a representation changes, so that caches drop what they kept.
REPRESENTATION_VERSION = "1"


def handle_exception(exc, context):
    """DRF's answers, with every error body shaped as {"detail": message, "errors": {parameter: [messages]}}."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        response.data = {"detail": "Invalid query parameters.", "errors": errors}
    return response


def condition_on_readouts(select):
    """An ETag and Last-Modified from the readouts that `select(request, **kwargs)` returns (None: no validators),
    so that a conditional request is answered 304 after one aggregate query. The ETag counts the readouts too, so
    that a deletion changes it; edits made to people or countries alone do not (see docs/api.md)."""

    def freshness(request, *args, **kwargs):
        if not hasattr(request, "readout_freshness"):
            readouts = select(request, *args, **kwargs)
            # COUNT(*), not of a column: with the maximum, one index-only scan of readout_updated_at_idx.
            request.readout_freshness = (
                None if readouts is None else readouts.order_by().aggregate(count=Count("*"), last=Max("updated_at"))
            )
        return request.readout_freshness

    def etag(request, *args, **kwargs):
        state = freshness(request, *args, **kwargs)
        if state is None:
            return None
        last = state["last"].timestamp() if state["last"] else 0
        return f'W/"{REPRESENTATION_VERSION}-{state["count"]}-{last}"'

    def last_modified(request, *args, **kwargs):
        state = freshness(request, *args, **kwargs)
        return state["last"] if state else None

    return condition(etag_func=etag, last_modified_func=last_modified)


def filtered_readouts(request, *args, **kwargs):
    filterset = ReadoutFilter(request.GET, queryset=Readout.objects.all())
    return filterset.freshness_readouts() if filterset.is_valid() else None


def one_readout(request, *args, pk, **kwargs):
    return Readout.objects.filter(pk=pk)


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid or unknown query parameters"),
    404: OpenApiResponse(ErrorSerializer, description="No such object or page"),
}


@method_decorator(conditional_page, name="dispatch")
class ArchiveAPIView(generics.GenericAPIView):
    """What every endpoint shares: known query parameters only, an ETag on every answer (from the content,
    unless the view sets a cheaper one), JSON errors."""

    pagination_class = ArchivePagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - self.allowed_query_parameters())
        if unknown:
            raise exceptions.ValidationError({name: ["Unknown query parameter."] for name in unknown})

    def allowed_query_parameters(self):
        allowed = set()
        if self.pagination_class and getattr(self, "action_is_list", False):
            paginator = self.pagination_class
            allowed |= {paginator.page_query_param, paginator.page_size_query_param}
        if getattr(self, "filterset_class", None):
            allowed |= set(self.filterset_class.base_filters)
        return allowed


@extend_schema(responses={200: ReadoutSerializer(many=True), **ERRORS})
class ReadoutList(ArchiveAPIView, generics.ListAPIView):
    """Readouts, newest meeting first, filtered with the same query parameters as the /readouts/ page."""

    action_is_list = True
    queryset = Readout.objects.newest_first().with_participants().defer("raw_text")
    serializer_class = ReadoutSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ReadoutFilter

    @method_decorator(condition_on_readouts(filtered_readouts))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(
    responses={200: SearchResultsSerializer, **ERRORS},
    parameters=[
        OpenApiParameter("q", str, description='Web-search syntax: words, "a phrase", or, -exclusion', required=True),
        OpenApiParameter("speaker", str, description="A person's slug: only their statements"),
        OpenApiParameter("kind", str, enum=[kind for kind, _ in Statement.Kind.choices]),
        OpenApiParameter("sort", str, enum=["relevance", "newest", "oldest"], description="relevance by default"),
        OpenApiParameter("page", int, description="20 readouts a page"),
    ],
)
class Search(ArchiveAPIView):
    """Paragraphs that match, grouped by readout, with highlighted snippets; the readout filters of /api/readouts/
    narrow the readouts searched (as on the /search/ page)."""

    filterset_class = ReadoutFilter  # for the schema's and the parameter check's list of readout filters
    filter_backends = [DjangoFilterBackend]

    def allowed_query_parameters(self):
        return super().allowed_query_parameters() | set(SearchForm.base_fields)

    def get(self, request, *args, **kwargs):
        # The raw text is the largest column, and a search result does not show it.
        searched = run_search(request.GET, hit_readouts=Readout.objects.defer("raw_text").with_participants())
        if searched.errors:
            raise exceptions.ValidationError(searched.errors)
        if searched.results is None:
            raise exceptions.ValidationError({"q": ["Enter words to search for."]})
        return Response(SearchResultsSerializer(searched.results, context={"request": request}).data)


def path_parameter(name, schema, description):
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


@extend_schema(
    responses={200: ReadoutDetailSerializer, **ERRORS},
    parameters=[path_parameter("id", {"type": "integer", "minimum": 1}, "The readout's id")],
)
class ReadoutDetail(ArchiveAPIView, generics.RetrieveAPIView):
    """One readout with its participants, statements and raw text."""

    queryset = (
        Readout.objects.with_details()
        .select_related("page")
        .prefetch_related(Prefetch("revisions", queryset=ReadoutRevision.objects.defer("text")))
    )
    serializer_class = ReadoutDetailSerializer

    @method_decorator(condition_on_readouts(one_readout))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


@extend_schema(responses={200: PersonSerializer(many=True), **ERRORS})
class PersonList(ArchiveAPIView, generics.ListAPIView):
    """People in the archive by name, each with their number of meetings as of the last import (as the people
    page counts them)."""

    action_is_list = True
    queryset = Person.objects.select_related("country").with_kept_meeting_counts().order_by("name", "pk")
    serializer_class = PersonSerializer


@extend_schema(
    responses={200: PersonDetailSerializer, **ERRORS},
    parameters=[path_parameter("slug", {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}, "The person's slug")],
)
class PersonDetail(ArchiveAPIView, generics.RetrieveAPIView):
    """One person, with each title they held."""

    queryset = Person.objects.select_related("country").with_meeting_counts()
    serializer_class = PersonDetailSerializer
    lookup_field = "slug"

    def get_object(self):
        person = super().get_object()
        person.titles_held = list(Participation.objects.titles_held_by(person))
        return person


def countries_with_people():
    return Country.objects.with_people_counts().annotate(number_of_people=Coalesce("people_count", 0))


@extend_schema(responses={200: CountrySerializer(many=True), **ERRORS})
class CountryList(ArchiveAPIView, generics.ListAPIView):
    """Every country and organization the archive knows, by name, each with its number of people."""

    action_is_list = True
    serializer_class = CountrySerializer

    def get_queryset(self):
        return countries_with_people().order_by("name")


@extend_schema(
    responses={200: CountrySerializer, **ERRORS},
    parameters=[path_parameter("code", {"type": "string", "pattern": "^[A-Za-z]{2}$"}, "ISO 3166-1 alpha-2 code")],
)
class CountryDetail(ArchiveAPIView, generics.RetrieveAPIView):
    """One country by its ISO 3166-1 alpha-2 code, in either case."""

    serializer_class = CountrySerializer

    def get_object(self):
        return get_object_or_404(countries_with_people(), code=self.kwargs["code"].upper())


class MeetingsOfReadoutsFilterBackend(DjangoFilterBackend):
    """The readout list's filters applied to meetings: the meetings that the readouts they select tell of, each
    once (``?country=KZ&counterpart=CN&sides=both``); ``sort=oldest`` puts the earliest meeting first. The schema
    lists ReadoutFilter's parameters, as for /api/readouts/."""

    def get_filterset_class(self, view, queryset=None):
        return view.filterset_class

    def filter_queryset(self, request, queryset, view):
        filterset = ReadoutFilter(request.query_params, queryset=Readout.objects.all(), request=request)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return filterset.meetings()


@extend_schema(responses={200: MeetingSerializer(many=True), **ERRORS})
class MeetingList(ArchiveAPIView, generics.ListAPIView):
    """Meetings, the latest first, each with its numbers of accounts (reprints not counted) and readouts and how
    many sides reported it; the query parameters of /api/readouts/ select the meetings of the readouts they
    select, and ``sides`` (both, one, neither) those reported by both sides, one side only or neither."""

    action_is_list = True
    queryset = Meeting.objects.all()
    serializer_class = MeetingSerializer
    filter_backends = [MeetingsOfReadoutsFilterBackend]
    filterset_class = ReadoutFilter


@extend_schema(
    responses={200: MeetingComparisonSerializer, **ERRORS},
    parameters=[path_parameter("id", {"type": "integer", "minimum": 1}, "The meeting's id")],
)
class MeetingDetail(ArchiveAPIView):
    """One meeting: its accounts (who each quotes, its length, its topics, its reprints), what one account names
    that the others do not, and the paragraphs aligned across accounts (as on the /meetings/<id>/ page)."""

    def get(self, request, pk):
        comparison = compared_meeting(pk)
        return Response(MeetingComparisonSerializer(comparison, context={"request": request}).data)


@extend_schema(exclude=True)
@api_view(["GET"])
def api_root(request):
    """The API's entry points, for people exploring it by hand."""
    names = {
        "readouts": "readout_list",
        "search": "search",
        "people": "person_list",
        "countries": "country_list",
        "meetings": "meeting_list",
        "schema": "schema",
    }
    return Response({key: reverse(f"api:{name}", request=request) for key, name in names.items()})


@extend_schema(exclude=True)
@api_view(["GET", "HEAD"])
def not_found(request, *args, **kwargs):
    """Any other address under /api/ ending in a slash: a JSON 404 rather than the site's HTML page."""
    raise exceptions.NotFound("No such address in the API; see /api/ and /api/schema/.")


@require_GET
def api_docs_page(request):
    """The API's documentation for people, as an HTML page of the site (readouts/api_docs.py)."""
    return render(request, "api/docs.html", {"api": describe_api()})


app_name = "api"
urlpatterns = [
    path("", api_root, name="root"),
    path("readouts/", ReadoutList.as_view(), name="readout_list"),
    path("readouts/<int:pk>/", ReadoutDetail.as_view(), name="readout_detail"),
    path("search/", Search.as_view(), name="search"),
    path("people/", PersonList.as_view(), name="person_list"),
    path("people/<slug:slug>/", PersonDetail.as_view(), name="person_detail"),
    path("countries/", CountryList.as_view(), name="country_list"),
    path("countries/<iso2:code>/", CountryDetail.as_view(), name="country_detail"),
    path("meetings/", MeetingList.as_view(), name="meeting_list"),
    path("meetings/<int:pk>/", MeetingDetail.as_view(), name="meeting_detail"),
    # One version: a ?version= value would otherwise end up in the download's file name header.
    path("schema/", SpectacularAPIView.as_view(api_version=settings.SPECTACULAR_SETTINGS["VERSION"]), name="schema"),
    path("docs/", api_docs_page, name="docs"),
    # Last: addresses without a final slash still get CommonMiddleware's redirect first.
    re_path(r"^.*/$", not_found),
]
