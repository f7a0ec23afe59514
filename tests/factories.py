"""Small builders for test data: each returns a saved object with sensible defaults."""

import datetime
import itertools

from django.utils.text import slugify

from readouts.models import Country, Participation, Person, Readout, Statement

_sequence = itertools.count(1)


def make_person(name="Wang Yi", country_code="CN", **fields):
    fields.setdefault("slug", f"{slugify(name)}-{next(_sequence)}")
    country = Country.objects.get(code=country_code) if country_code else None
    return Person.objects.create(name=name, country=country, **fields)


def make_readout(participants=(), paragraphs=(), **fields):
    """participants: (person, title) pairs; paragraphs: (text, speaker or None, kind) triples."""
    number = next(_sequence)
    fields.setdefault("title", f"Meeting number {number}")
    fields.setdefault("slug", f"meeting-number-{number}")
    fields.setdefault("meeting_date", datetime.date(2022, 6, 7))
    fields.setdefault("raw_text", f"Raw text of meeting {number}.")
    readout = Readout.objects.create(**fields)
    for order, (person, title) in enumerate(participants):
        Participation.objects.create(readout=readout, person=person, title=title, order=order)
    for position, (text, speaker, kind) in enumerate(paragraphs, start=1):
        Statement.objects.create(readout=readout, position=position, text=text, speaker=speaker, kind=kind)
    return readout
