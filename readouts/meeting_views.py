"""The meetings: their list (the readout list's filters apply), each meeting's accounts side by side
(readouts.meetings.compare), and the comparison's downloads."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from readouts.filters import ReadoutFilter
from readouts.meetings.compare import compare_meeting, summarise_meetings
from readouts.models import Meeting, Readout
from readouts.pagination import count_cap_for, paginate
from readouts.serializers import MeetingComparisonSerializer

# Accounts shown in columns side by side on a wide screen; a meeting with more has them one after the other.
COLUMNS_AT_MOST = 4


def meeting_list(request):
    filterset = ReadoutFilter(request.GET, queryset=Readout.objects.all())
    words = filterset.is_valid() and filterset.form.cleaned_data.get("q")
    page, page_message = paginate(request, filterset.meetings().with_summaries(), count_cap=count_cap_for(words))
    context = {"filter": filterset, "page": page, "summaries": summarise_meetings(page), "page_message": page_message}
    return render(request, "readouts/meeting_list.html", context)


def compared_meeting(pk):
    """The meeting's comparison; a 404 for a meeting that does not exist or has no readout left."""
    meeting = get_object_or_404(Meeting.objects.with_accounts(), pk=pk)
    comparison = compare_meeting(meeting)
    if not comparison.accounts:
        raise Http404("This meeting has no readouts.")
    return comparison


def meeting_detail(request, pk):
    comparison = compared_meeting(pk)
    columns = len(comparison.accounts)
    context = {
        "meeting": comparison.meeting,
        "comparison": comparison,
        "columns": columns if columns <= COLUMNS_AT_MOST else "many",
    }
    return render(request, "readouts/meeting_detail.html", context)


CSV_COLUMNS = [
    "row",
    "account",
    "publisher",
    "readout_url",
    "position",
    "kind",
    "speaker",
    "shared",
    "also_in",
    "text",
]


def comparison_download(request, pk, fmt):
    """The comparison as a file: CSV, one line per aligned paragraph in row order ("also_in" lists the other
    accounts' matching paragraphs as account:position), or JSON, the API's representation."""
    comparison = compared_meeting(pk)
    name = f"meeting-{comparison.meeting.pk}-comparison.{fmt}"
    if fmt == "json":
        data = MeetingComparisonSerializer(comparison, context={"request": request}).data
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
            content_type="application/json; charset=utf-8",
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for number, row in enumerate(comparison.rows, start=1):
            for cell in row:
                if cell is None:
                    continue
                also_in = "; ".join(f"{account.number}:{match.position}" for account, match in cell.also_in)
                writer.writerow(
                    [
                        number,
                        cell.account.number,
                        cell.account.label,
                        request.build_absolute_uri(cell.account.readout.get_absolute_url()),
                        cell.position,
                        cell.kind,
                        cell.speaker.name if cell.speaker else "",
                        "yes" if cell.shared else "no",
                        also_in,
                        cell.text,
                    ]
                )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
