"""Downloads: a list's whole result set as CSV or JSON, and one readout's (or paragraph's) citation.

A list export takes the /readouts/ page's query string through the same ReadoutFilter, so the download holds
exactly what the list shows, every page of it (``page`` is ignored). A search's downloads carry its query string
too: the readouts with a paragraph that matches its words, speaker and kind, in its order, and as their paragraphs
the matching ones alone, as many as the search page counts. Exports stream in constant memory: the
readouts come through a server-side cursor, CHUNK_SIZE at a time, each chunk with its participants (and
statements) prefetched in one more query, and rows go out as they are made.
"""

import csv
import functools
import json

from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_GET

from readouts import (
    citations,
    converters,  # noqa: F401 (registers the yyyy and dd path converters used below)
)
from readouts.filters import ReadoutFilter
from readouts.models import Readout, Statement
from readouts.serializers import ReadoutExportSerializer

CHUNK_SIZE = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

READOUT_COLUMNS = [
    "id",
    "url",
    "title",
    "meeting_date",
    "published_date",
    "location",
    "publisher",
    "language",
    "participants",
    "source_url",
    "generated",
]
STATEMENT_COLUMNS = [
    "readout_id",
    "readout_url",
    "readout_title",
    "meeting_date",
    "position",
    "kind",
    "speaker",
    "text",
    "generated",
]


def guard_formula(value):
    """A text cell that a spreadsheet would run as a formula (=, +, -, @ first) starts with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def describe_participants(readout):
    """Name (Title, Country); ... from the prefetched participations."""
    described = []
    for participation in readout.participations.all():
        person = participation.person
        details = ", ".join(part for part in (participation.title, person.country and person.country.name) if part)
        described.append(f"{person.name} ({details})" if details else person.name)
    return "; ".join(described)


def iso(day):
    return day.isoformat() if day else ""


def readout_rows(readouts, build_url):
    for readout in readouts:
        yield [
            readout.pk,
            build_url(readout.get_absolute_url()),
            readout.title,
            iso(readout.meeting_date),
            iso(readout.published_date),
            readout.location,
            readout.publisher,
            readout.language,
            describe_participants(readout),
            readout.source_url,
            "yes" if readout.is_generated else "no",
        ]


def statement_rows(readouts, build_url):
    for readout in readouts:
        readout_url = build_url(readout.get_absolute_url())
        for statement in readout.statements.all():
            yield [
                readout.pk,
                readout_url,
                readout.title,
                iso(readout.meeting_date),
                statement.position,
                statement.kind,
                statement.speaker.name if statement.speaker else "",
                statement.text,
                "yes" if readout.is_generated else "no",
            ]


class Echo:
    """A file-like object that hands back what csv.writer writes, so that each row can be yielded."""

    def write(self, value):
        return value


def stream_csv(columns, rows):
    """UTF-8 with a byte order mark (spreadsheets then read it as UTF-8), CRLF, quoted where needed."""
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(columns)
    for row in rows:
        yield writer.writerow([guard_formula(value) for value in row])


def stream_json_array(items):
    """A JSON array with one item per line: valid JSON for any parser, and line by line for the rest."""
    yield "["
    separator = "\n"
    for item in items:
        yield separator + json.dumps(item, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def selected_readouts(request):
    """The filtered readouts of the query string, or None when it is invalid."""
    filterset = ReadoutFilter(request.GET, queryset=Readout.objects.newest_first().defer("raw_text"))
    return filterset.qs if filterset.is_valid() else None, filterset


def exported_paragraphs(filterset):
    """The paragraphs a readout's rows hold: those that match a search (its words, speaker, kind), or every one."""
    matched = filterset.matched_paragraphs()
    paragraphs = Statement.objects.all() if matched is None else matched
    return paragraphs.select_related("speaker").defer("search_vector").order_by("position")


def invalid_query(filterset):
    errors = {name: [str(message) for message in messages] for name, messages in filterset.errors.items()}
    return JsonResponse({"detail": "Invalid query parameters.", "errors": errors}, status=400)


def download(content, filename, content_type):
    return attachment(StreamingHttpResponse(content, content_type=content_type), filename)


def dated(name, extension):
    return f"{name}-{timezone.localdate():%Y-%m-%d}.{extension}"


def export_of_selection(view):
    """A download of the readouts the query string selects, or the 400 that says which filter is wrong."""

    @require_GET
    @functools.wraps(view)
    def export(request):
        readouts, filterset = selected_readouts(request)
        if readouts is None:
            return invalid_query(filterset)
        return view(request, readouts, filterset)

    return export


@export_of_selection
def readouts_csv(request, readouts, filterset):
    rows = readout_rows(readouts.with_participants().iterator(CHUNK_SIZE), request.build_absolute_uri)
    return download(stream_csv(READOUT_COLUMNS, rows), dated("readouts", "csv"), "text/csv; charset=utf-8")


@export_of_selection
def statements_csv(request, readouts, filterset):
    paragraphs = Prefetch("statements", queryset=exported_paragraphs(filterset))
    readouts = readouts.prefetch_related(paragraphs)
    rows = statement_rows(readouts.iterator(CHUNK_SIZE), request.build_absolute_uri)
    return download(stream_csv(STATEMENT_COLUMNS, rows), dated("statements", "csv"), "text/csv; charset=utf-8")


@export_of_selection
def readouts_json(request, readouts, filterset):
    # One serializer for all the rows: building a serializer's fields costs more than using them.
    serializer = ReadoutExportSerializer(many=True, context={"request": request}).child
    items = (serializer.to_representation(r) for r in readouts.with_details().iterator(CHUNK_SIZE))
    return download(stream_json_array(items), dated("readouts", "json"), "application/json")


def cited(request, slug, year=None, month=None, day=None):
    """The readout at this address and, with ?p=N, its paragraph N; 404 for either missing."""
    readout = get_object_or_404(Readout.objects.defer("raw_text").at_address(slug, year, month, day))
    position = request.GET.get("p")
    if position is None:
        return readout, None, request.build_absolute_uri(readout.get_absolute_url())
    if not position.isascii() or not position.isdigit():
        raise Http404("No such paragraph")
    statement = get_object_or_404(readout.statements.all(), position=int(position))
    return readout, statement, request.build_absolute_uri(statement.get_absolute_url())


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def readout_bibtex(request, **address):
    readout, statement, url = cited(request, **address)
    entry = citations.to_bibtex(readout, statement, url=url, accessed=timezone.localdate())
    response = HttpResponse(entry, content_type="application/x-bibtex; charset=utf-8")
    return attachment(response, f"{citations.citation_key(readout, statement)}.bib")


@require_GET
def readout_text(request, slug, year=None, month=None, day=None):
    """The readout's text exactly as it was imported, as plain text (shown, not downloaded)."""
    readout = get_object_or_404(Readout.objects.only("raw_text").at_address(slug, year, month, day))
    return HttpResponse(readout.raw_text, content_type="text/plain; charset=utf-8")


@require_GET
def readout_csl_json(request, **address):
    readout, statement, url = cited(request, **address)
    item = citations.to_csl_json(readout, statement, url=url, accessed=timezone.localdate())
    content = json.dumps([item], ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/vnd.citationstyles.csl+json; charset=utf-8")
    return attachment(response, f"{citations.citation_key(readout, statement)}.json")


DATED = "readouts/<yyyy:year>/<dd:month>/<dd:day>/<slug:slug>/"
UNDATED = "readouts/undated/<slug:slug>/"

app_name = "exports"
urlpatterns = [
    path("export/readouts.csv", readouts_csv, name="readouts_csv"),
    path("export/statements.csv", statements_csv, name="statements_csv"),
    path("export/readouts.json", readouts_json, name="readouts_json"),
    path(f"{DATED}cite.bib", readout_bibtex, name="readout_bibtex"),
    path(f"{DATED}cite.json", readout_csl_json, name="readout_csl_json"),
    path(f"{UNDATED}cite.bib", readout_bibtex, name="undated_readout_bibtex"),
    path(f"{UNDATED}cite.json", readout_csl_json, name="undated_readout_csl_json"),
    path(f"{DATED}text.txt", readout_text, name="readout_text"),
    path(f"{UNDATED}text.txt", readout_text, name="undated_readout_text"),
]
