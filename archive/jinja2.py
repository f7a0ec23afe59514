"""The Jinja2 environment of the partials that a page repeats many times (settings.TEMPLATES, "jinja2").

The search results' card is one: twenty a page, each with a dozen values, cost Django's template engine about 3 ms
a page, and Jinja2 compiles a template to Python once. The year chart is another: a column and a table row per
year, 4.5 ms in Django's engine for 26 years. Its filters are the Django templates' own where they share
them (readouts/templatetags/archive.py), so that a card shows a date as every page does.
"""

from django.template.defaultfilters import capfirst, floatformat, pluralize
from jinja2 import Environment

from readouts.templatetags.archive import readout_date


def environment(**options) -> Environment:
    env = Environment(**options)
    env.filters["readout_date"] = readout_date
    env.filters.update(floatformat=floatformat, pluralize=pluralize, capfirst=capfirst)
    return env
