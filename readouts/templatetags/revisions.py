"""Paragraph ids under an earlier revision's numbering: {% load revisions %}, then
{{ old_numbering|paragraph_anchor:statement.position }} and {{ old_numbering|removed_above:statement.position }}."""

from django import template

register = template.Library()


@register.filter
def paragraph_anchor(numbering, position):
    return numbering.anchor(position) if numbering else f"p{position}"


@register.filter
def removed_above(numbering, position):
    return numbering.removed_above(position) if numbering else []
