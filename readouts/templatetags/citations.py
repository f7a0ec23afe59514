"""Citation helpers for the pages: {% load citations %}, then {% citation readout %} for the line and
{% citation_url readout "bib" %} for a download ("bib" or "json"); either takes a statement for a paragraph."""

from django import template
from django.urls import reverse
from django.utils import timezone

from readouts import citations

register = template.Library()


@register.simple_tag(takes_context=True)
def citation(context, readout, statement=None):
    """The Chicago-style citation line of the readout or of its paragraph, accessed today."""
    target = statement if statement is not None else readout
    url = context["request"].build_absolute_uri(target.get_absolute_url())
    return citations.citation_text(readout, statement, url=url, accessed=timezone.localdate())


@register.simple_tag
def citation_url(readout, kind, statement=None):
    """The address of the readout's (or the paragraph's) citation as BibTeX ("bib") or CSL-JSON ("json")."""
    name = {"bib": "readout_bibtex", "json": "readout_csl_json"}[kind]
    if readout.meeting_date is None:
        url = reverse(f"exports:undated_{name}", args=[readout.slug])
    else:
        day = readout.meeting_date
        url = reverse(f"exports:{name}", args=[day.year, day.month, day.day, readout.slug])
    return f"{url}?p={statement.position}" if statement is not None else url
