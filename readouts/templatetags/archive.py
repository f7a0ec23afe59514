"""Template helpers for links that keep the page's query string."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def query_without(context, *names):
    """The current query string without these parameters (and without the page number): '?a=1' or '?'."""
    query = context["request"].GET.copy()
    for name in (*names, "page"):
        query.pop(name, None)
    return f"?{query.urlencode()}"


@register.filter
def participation_of(readout, person):
    """The person's participation in the readout, from the prefetched participants (no query)."""
    return next((p for p in readout.participations.all() if p.person_id == person.pk), None)


@register.filter
def others_than(readout, person):
    """The readout's other participants, from the prefetched participants (no query)."""
    return [p for p in readout.participations.all() if p.person_id != person.pk]


@register.simple_tag(takes_context=True)
def query_replace(context, **values):
    """The current query string with these parameters set (and without the page number), without the '?'."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for name, value in values.items():
        query[name] = value
    return query.urlencode()
