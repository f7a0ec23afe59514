"""Template helpers: links that keep the page's query string, form fields, dates."""

import functools
from html import escape

from django import template
from django.template import engines
from django.template.defaulttags import querystring
from django.template.loader import render_to_string
from django.utils.dates import MONTHS
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.numberformat import format as number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def filter_chip(context, name, label, value):
    """An active filter as a link that removes it (the query string without ``name``), for the lists of active
    filters on the readout list and the search page (Django's {% querystring %}, without the page number too)."""
    return format_html(
        '<li><a class="chip" href="{}"><span class="visually-hidden">Remove the filter </span>{}: {}'
        '<span class="chip-x" aria-hidden="true">×</span></a></li>',
        querystring(context, **{name: None, "page": None}) or "?",
        label,
        value,
    )


@register.filter
def participation_of(readout, person):
    """The person's participation in the readout, from the prefetched participants (no query)."""
    return next((p for p in readout.participations.all() if p.person_id == person.pk), None)


@register.filter
def others_than(readout, person):
    """The readout's other participants, from the prefetched participants (no query)."""
    return [p for p in readout.participations.all() if p.person_id != person.pk]


# Form fields, drawn in Python: an {% include %} per field, and Django's templates per widget (three per text box,
# two per option of a select), cost ~1.2 ms of the search page's rendering otherwise.


@register.simple_tag
def form_field(field, label=None, help_template=None):
    """The bound field in a div.field: its label (``label`` instead of the field's own when given), help text,
    errors and widget; the widget points at the help and the errors with aria-describedby, and an invalid value
    gets aria-invalid (Django adds both). ``help_template`` draws the help (of a field with help text) with markup,
    such as the search syntax's tokens kept whole (includes/_search_syntax_help.html)."""
    help_text = errors = ""
    if field.help_text:
        shown = (
            mark_safe(render_to_string(help_template, {"field": field}).strip()) if help_template else field.help_text
        )
        help_text = format_html('\n  <p class="field-help" id="{}_helptext">{}</p>', field.auto_id, shown)
    if field.errors:
        errors = format_html(
            '\n  <p class="field-error" id="{}_error">{}</p>',
            field.auto_id,
            format_html_join(" ", "{}", ((error,) for error in field.errors)),
        )
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}</label>{}{}\n  {}\n</div>',
        " field-invalid" if field.errors else "",
        field.id_for_label,
        field.label if label is None else label,
        help_text,
        errors,
        widget_html(field),
    )


def widget_html(field):
    """The field's widget, as BoundField.as_widget() renders it, but drawing the common widgets without templates
    (PythonWidgets); widgets with a render() of their own (QuickSelect) are unaffected."""
    widget = field.field.widget
    if field.field.localize:
        widget.is_localized = True
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    return widget.render(field.html_name, field.value(), attrs, renderer=PythonWidgets(field.form.renderer))


class PythonWidgets:
    """A form renderer that draws <input>s and <select>s in Python, as Django's own templates for them do (this
    project overrides none of them), and passes every other template to ``renderer``, the form's own."""

    def __init__(self, renderer):
        self.renderer = renderer

    def render(self, template_name, context, request=None):
        widget = context["widget"]
        if template_name in INPUT_TEMPLATES:
            return input_html(widget)
        if template_name == "django/forms/widgets/select.html" and all(
            option["template_name"] == "django/forms/widgets/select_option.html"
            for _group, options, _index in widget["optgroups"]
            for option in options
        ):
            return select_html(widget)
        return self.renderer.render(template_name, context, request)


# django/forms/widgets/input.html and the templates that are nothing but an include of it.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html" for name in ("input", "text", "search", "date", "number", "email", "url")
}


def attrs_html(attrs):
    """As django/forms/widgets/attrs.html: True gives a bare attribute and False none; values are escaped."""
    return "".join(
        f" {conditional_escape(name)}" + ("" if value is True else f'="{conditional_escape(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def input_html(widget):
    value = "" if widget["value"] is None else f' value="{conditional_escape(widget["value"])}"'
    return mark_safe(
        f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
        f"{value}{attrs_html(widget['attrs'])}>"
    )


def select_html(widget):
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f'<optgroup label="{conditional_escape(group)}">')
        parts.extend(
            f'<option value="{conditional_escape(option["value"])}"{attrs_html(option["attrs"])}>'
            f"{conditional_escape(option['label'])}</option>"
            for option in options
        )
        if group:
            parts.append("</optgroup>")
    parts.append("</select>")
    return mark_safe("\n".join(parts))


@register.filter
def shown_date(date):
    """A date as the pages show one, <time datetime="2022-06-07">7 June 2022</time>, or "Undated" without one.

    Django's "j F Y" format spelled out (F: the month's name in the active language): the date filter parses its
    format anew on every call, and a list or search page shows twenty dates and more."""
    if not date:
        return "Undated"
    shown = f"{date.day} {month_name(get_language(), date.month)} {date.year:04d}"
    return mark_safe(f'<time datetime="{date.isoformat()}">{shown}</time>')


@register.filter
def readout_date(readout):
    """A readout's meeting date as the pages show it: the day or the days ("27–28 August 2024"), with a note where
    the text does not establish it ("year inferred", "date of publication"); a month and day whose year is unknown
    as such ("16 February (year unknown)"); "Undated" when nothing is known."""
    language = get_language()
    start, end = readout.meeting_date, readout.meeting_end_date
    if start is None:
        if readout.meeting_month and readout.meeting_day:
            shown = f"{readout.meeting_day} {month_name(language, readout.meeting_month)}"
            return mark_safe(f'{shown} <span class="date-note">(year unknown)</span>')
        return "Undated"
    if end is None:
        shown = shown_date(start)
    elif (end.year, end.month) == (start.year, start.month):
        shown = f'<time datetime="{start.isoformat()}">{start.day}</time>–{shown_date(end)}'
    else:
        shown = f"{shown_date(start)} – {shown_date(end)}"
    note = readout.date_note
    return mark_safe(f'{shown} <span class="date-note">({escape(note)})</span>' if note else shown)


@functools.cache
def month_name(language, month):
    """The month's name, escaped, in ``language``, the active language that the lazy translation uses: looked up
    once per language, where the translation searched the catalogues on every date shown (10 µs each)."""
    return escape(str(MONTHS[month]))


@register.simple_tag
def search_hits(hits):
    """The search results' cards, drawn by the Jinja2 engine from templates/jinja2/_search_hits.html: as a Django
    template loop the twenty cards of a page cost ~3 ms, more than all the rest of the page."""
    return mark_safe(search_hits_template().render({"hits": hits}))


@functools.cache
def search_hits_template():
    return engines["jinja2"].get_template("_search_hits.html")


@register.simple_tag
def year_chart(chart, id, caption, unit="meeting"):
    """A year chart (charts.year_columns), drawn by the Jinja2 engine from templates/jinja2/_chart_years.html: a
    column and a table row per year cost Django's engine 4.5 ms for 26 years, a third of a search page's Python.
    Its counts are shown by ``grouped`` (grouped_numbers())."""
    context = {"chart": chart, "id": id, "caption": caption, "unit": unit, "grouped": grouped_numbers()}
    return mark_safe(year_chart_template().render(context))


def grouped_numbers():
    """A function showing a count (a whole number, not negative) as the floatformat:"0g" filter does in the active
    language, its thousands grouped ("12,345"): the language's format looked up once for the many counts of a
    chart, where floatformat looks it up, and makes a Decimal, for each (11 µs a count, 0.6 ms a search page)."""
    return number_grouping(get_language())


@functools.cache
def number_grouping(language):
    separator, grouping = get_format("THOUSAND_SEPARATOR", language), get_format("NUMBER_GROUPING", language)
    decimal = get_format("DECIMAL_SEPARATOR", language)
    if grouping == 3:  # every three digits, as Python's own "," format groups
        return lambda count: f"{count:,}".replace(",", separator)
    return lambda count: number_format(count, decimal, 0, grouping, separator, force_grouping=True, use_l10n=True)


@functools.cache
def year_chart_template():
    return engines["jinja2"].get_template("_chart_years.html")
