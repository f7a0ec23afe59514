"""Markup drawn in Python for speed (readouts/templatetags/archive.py): the same as the templates it replaced drew."""

import datetime
import re

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.template.defaultfilters import floatformat
from django.test.html import parse_html
from django.utils import translation

from readouts.charts import search_year_columns
from readouts.filters import ReadoutFilter
from readouts.forms import SearchForm
from readouts.models import Readout
from readouts.templatetags.archive import form_field, grouped_numbers, shown_date

pytestmark = pytest.mark.django_db

# The template that drew each field before {% form_field %}, with Django's own templates for the widgets.
FIELD_TEMPLATE = Template(
    """<div class="field{% if field.errors %} field-invalid{% endif %}">
  <label for="{{ field.id_for_label }}">{{ label|default:field.label }}</label>
  {% if field.help_text %}<p class="field-help" id="{{ field.auto_id }}_helptext">{{ field.help_text }}</p>{% endif %}
  {% if field.errors %}<p class="field-error" id="{{ field.auto_id }}_error">{{ field.errors|join:" " }}</p>{% endif %}
  {{ field }}
</div>"""
)

QUERIES = [
    "",
    "q=cooperation&speaker=wang-yi&kind=joint&sort=oldest",
    "q=x&speaker=nobody-at-all&kind=sideways&sort=up&page=0",
    "meeting_date_after=2022-01-01&meeting_date_before=2022-12-31&participant=wang-yi&location=Beijing"
    "&publisher=Akorda&language=en&sort=oldest&country=kz&counterpart=CN",
    "meeting_date_after=abc&meeting_date_before=2022-02-30&participant=nobody&language=english!&sort=sideways",
    "meeting_date_after=2023-01-01&meeting_date_before=2022-01-01&country=ZZ&counterpart=K",
    'q="><script>alert(1)</script>&location=<b>&publisher=a"b&speaker=<i>&participant=<x>',
]
LABELS = {"speaker": "Said by (a person's address name, e.g. wang-yi)", "meeting_date_after": "From"}


def forms(query):
    data = QueryDict(query)
    return [SearchForm(data), ReadoutFilter(data, queryset=Readout.objects.all()).form]


@pytest.mark.parametrize("query", QUERIES)
def test_each_field_is_drawn_as_the_field_template_and_djangos_widget_templates_draw_it(archive, query):
    for form in forms(query):
        for name in form.fields:
            field, label = form[name], LABELS.get(name)
            if field.is_hidden:
                continue
            expected = FIELD_TEMPLATE.render(Context({"field": field, "label": label}))
            assert parse_html(form_field(field, label)) == parse_html(expected), name


def test_a_field_shows_its_error_and_help_and_names_them_for_assistive_technology(archive):
    form = SearchForm(QueryDict("q=x&speaker=nobody-at-all"))
    speaker = str(form_field(form["speaker"]))
    error = "No person with the name “nobody-at-all” is in the archive."
    assert f'<p class="field-error" id="id_speaker_error">{error}</p>' in speaker
    assert 'aria-invalid="true"' in speaker and 'aria-describedby="id_speaker_error"' in speaker
    words = str(form_field(form["q"]))
    assert '<p class="field-help" id="id_q_helptext">' in words and 'aria-describedby="id_q_helptext"' in words
    assert "field-error" not in words and "aria-invalid" not in words


def test_the_search_year_chart_has_every_year_and_links_each_to_the_search_in_that_year():
    chart = search_year_columns([(2019, 1), (2022, 1234)], QueryDict("q=a%26b&page=3&meeting_date_after=2000-01-01"))
    assert [(column.year, column.count) for column in chart.columns] == [(2019, 1), (2020, 0), (2021, 0), (2022, 1234)]
    # The rest of the query kept, its date range and page replaced.
    assert chart.columns[3].href == "?q=a%26b&meeting_date_after=2022-01-01&meeting_date_before=2022-12-31"
    assert search_year_columns([], QueryDict()) is None
    # Wide enough for its counts above the columns: "1234" is four digits.
    assert chart.columns[0].width >= 4 * 7


@pytest.mark.parametrize("language", ["en", "fr", "de", "hi"])
def test_a_chart_shows_its_counts_as_floatformat_showed_them(language):
    with translation.override(language):
        grouped = grouped_numbers()
        for count in (0, 1, 12, 999, 1000, 12345, 123456, 1234567, 10**9):
            assert grouped(count) == floatformat(count, "0g")


# The template that drew each date before |shown_date.
DATE_TEMPLATE = Template(
    """{% if date %}<time datetime="{{ date|date:'Y-m-d' }}">{{ date|date:"j F Y" }}</time>"""
    "{% else %}Undated{% endif %}"
)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_date_is_shown_as_the_date_filter_showed_it(language):
    days = [datetime.date(2022, 6, 7), datetime.date(999, 12, 31), *(datetime.date(2024, m, 10) for m in range(1, 13))]
    with translation.override(language):
        for day in [*days, None]:
            assert shown_date(day) == DATE_TEMPLATE.render(Context({"date": day}))
    assert shown_date(datetime.date(2022, 6, 7)) == '<time datetime="2022-06-07">7 June 2022</time>'


def test_the_pages_show_meeting_and_publication_dates(client, archive):
    archive.main.published_date = datetime.date(2022, 6, 8)
    archive.main.save()
    html = client.get(archive.main.get_absolute_url()).content.decode()
    assert '<dd><time datetime="2022-06-07">7 June 2022</time></dd>' in html
    assert '<dd><time datetime="2022-06-08">8 June 2022</time></dd>' in html
    assert '<time datetime="2021-03-01">1 March 2021</time></span>' in html  # the previous meeting
    listed = client.get("/readouts/").content.decode()
    assert re.search(r'<time datetime="2023-01-10">10 January 2023</time>\s*· Beijing · Akorda', listed)
    assert re.search(r"Undated\s*· United Nations", listed)
