"""The page of what a publisher changed between two revisions of a readout."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from readouts.models import Readout

from .diffs import compare_paragraphs


def readout_changes(request, slug, year=None, month=None, day=None):
    """/readouts/.../changes/?from=1&to=2 (by default, the last two revisions); 404 for a revision it lacks."""
    readout = get_object_or_404(Readout.objects.select_related("page").at_address(slug, year, month, day))
    revisions = list(readout.revisions.defer("text"))
    if len(revisions) < 2:
        raise Http404("This readout has not been revised.")
    numbers = {revision.number: revision for revision in revisions}
    try:
        newer = numbers[int(request.GET.get("to", revisions[-1].number))]
        older = numbers[int(request.GET.get("from", newer.number - 1))]
    except (KeyError, ValueError):
        raise Http404("No such revision.") from None
    context = {
        "readout": readout,
        "revisions": revisions,
        "older": older,
        "newer": newer,
        "changes": compare_paragraphs(older.paragraphs, newer.paragraphs),
    }
    return render(request, "readouts/readout_changes.html", context)
