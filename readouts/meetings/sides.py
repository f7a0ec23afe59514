"""Whose side a readout tells: its publisher's country (``Readout.publisher_country``), known from the publisher's
name by readouts.parsing.publisher (a known outlet's home, else a country its name names). A meeting is reported
by a side when one of its accounts comes from a publisher of a participant's country (``Meeting.sides_reporting``,
counted by readouts.meetings.grouping.refresh_meetings).

Ingest sets the country from the name when the name tells one (an edited publisher moves its readout to its
side); regrouping the archive fills only the countries not known, so that one given by its writer (the demo
generator knows its publishers' countries, the archive file carries them) is kept.
"""

import functools

from django.db import connection

from readouts.models import Country, Readout
from readouts.parsing.publisher import publisher_home


def country_ids() -> dict[str, int]:
    """Country name -> id, for the names that publisher_home gives."""
    return dict(Country.objects.values_list("name", "pk"))


def publisher_country_id(publisher: str, countries: dict[str, int]) -> int | None:
    return countries.get(publisher_home(publisher) or "")


def set_publisher_country(readout: Readout) -> None:
    """The stored readout's publisher country, from its publisher's name when the name tells one."""
    name = publisher_home(readout.publisher)
    found = Country.objects.filter(name=name).values_list("pk", flat=True).first() if name else None
    if found is not None and found != readout.publisher_country_id:
        Readout.objects.filter(pk=readout.pk).update(publisher_country=found)
        readout.publisher_country_id = found


FILL = """
UPDATE readouts_readout AS r SET publisher_country_id = v.country
FROM unnest(%s::text[], %s::bigint[]) AS v(publisher, country)
WHERE r.publisher = v.publisher AND r.publisher_country_id IS NULL
"""


def fill_publisher_countries() -> int:
    """The readouts' publisher countries not yet known, from their publishers' names where the names tell one
    (a country given by its writer, such as the demo generator, is kept): a query for the archive's publishers
    (a few hundred names) and one update. The number of publishers resolved."""
    resolve = functools.partial(publisher_country_id, countries=country_ids())
    publishers = Readout.objects.exclude(publisher="").values_list("publisher", flat=True).distinct().order_by()
    found = {name: resolve(name) for name in publishers}
    found = {name: country for name, country in found.items() if country is not None}
    with connection.cursor() as cursor:
        cursor.execute(FILL, [list(found), list(found.values())])
    return len(found)
