"""Parsed readouts into the database: one transaction per readout, idempotent on the text.

The stable key is the raw text itself (its md5, kept by the database): importing the same text twice
stores it once. Re-parsing a stored text (``reparse=True``) refreshes what the parser derives but
leaves alone every part listed in ``Readout.edited_fields``, which the admin fills when a person
corrects a field, the participants or the statements by hand.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from readouts.meetings.grouping import group_readout
from readouts.models import Country, Participation, Person, Readout, Statement
from readouts.parsing import ParsedReadout
from readouts.parsing.types import ReadoutMetadata

READOUT_FIELDS = ["title", "meeting_date", "published_date", "location", "publisher", "language"]
# How the meeting date was found and what else the parser knows of it: derived with meeting_date, and kept with it
# when meeting_date was corrected by hand.
MEETING_DATE_DETAILS = ["meeting_end_date", "meeting_date_basis", "meeting_month", "meeting_day"]
PARTICIPANTS = "participants"
STATEMENTS = "statements"


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class IngestResult:
    readout: Readout
    outcome: Outcome


def text_hash(raw_text: str) -> str:
    """The key the database computes for ``Readout.content_hash`` (md5 of the UTF-8 text)."""
    return hashlib.md5(raw_text.encode("utf-8")).hexdigest()


def find_stored(raw_text: str) -> Readout | None:
    return Readout.objects.filter(content_hash=text_hash(raw_text)).first()


@transaction.atomic
def ingest(
    parsed: ParsedReadout,
    raw_text: str,
    *,
    source_url: str = "",
    reparse: bool = False,
    metadata: ReadoutMetadata | None = None,
    revision_of: Readout | None = None,
) -> IngestResult:
    """Store ``parsed`` (derived from ``raw_text``); all of it or, on any error, nothing.

    ``metadata``: what the parser was told of the text besides it, kept so that a re-parse is told it again.
    ``revision_of``: the readout whose publisher changed its text to ``raw_text`` (readouts.sources.pages): the
    readout takes the new text and is re-parsed from it, keeping what was corrected by hand."""
    readout = Readout.objects.select_for_update().filter(content_hash=text_hash(raw_text)).first()
    if revision_of is not None:
        if readout is not None and readout.pk != revision_of.pk:
            raise ValidationError(f"this text is already in the archive as readout {readout.pk} ({readout})")
        readout = Readout.objects.select_for_update().get(pk=revision_of.pk)
        readout.raw_text, reparse = raw_text, True
    if readout is not None and not reparse:
        return IngestResult(readout, Outcome.UNCHANGED)

    created = readout is None
    if created:
        readout = Readout(raw_text=raw_text, source_url=source_url)
    protected = set(readout.edited_fields)
    before = snapshot(readout) if not created else None
    if metadata is not None and metadata.to_json():
        readout.import_metadata = metadata.to_json()

    for name in READOUT_FIELDS:
        if name not in protected:
            setattr(readout, name, derived_value(parsed, name))
    if "location" not in protected:
        readout.location_guessed = parsed.location_guessed and bool(readout.location)
    if "meeting_date" not in protected:
        for name, value in meeting_date_details(parsed).items():
            setattr(readout, name, value)
    source_url = source_url or parsed.source_url[:500]
    if source_url and "source_url" not in protected:
        readout.source_url = source_url
    # Once given, a slug stays (it is part of the permanent URL) unless its new date already uses it.
    readout.slug = unique_slug(readout)
    readout.full_clean(exclude=["content_hash", "edited_fields"], validate_unique=False, validate_constraints=False)
    readout.save()

    people = match_participants(parsed)
    if PARTICIPANTS not in protected:
        readout.participations.all().delete()
        Participation.objects.bulk_create(
            Participation(readout=readout, person=person, title=participant.title[:300], order=order)
            for order, (participant, person) in enumerate(people)
        )
    if STATEMENTS not in protected:
        speakers = {participant.name: person for participant, person in people}
        readout.statements.all().delete()
        Statement.objects.bulk_create(statement_rows(readout, parsed, speakers))

    outcome = Outcome.CREATED if created else Outcome.UNCHANGED if snapshot(readout) == before else Outcome.UPDATED
    if outcome != Outcome.UNCHANGED:
        group_readout(readout)
    return IngestResult(readout, outcome)


def derived_value(parsed: ParsedReadout, name: str):
    value = getattr(parsed, name)
    if name in {"location", "publisher"}:
        return (value or "")[:200]
    if name == "title":
        return value[:300]
    return value


def meeting_date_details(parsed: ParsedReadout) -> dict:
    """The stored form of the date's details: a month and day are kept apart only when the year is unknown."""
    year_unknown = parsed.meeting_date is None and parsed.meeting_month and parsed.meeting_day
    end = parsed.meeting_end_date
    return {
        "meeting_end_date": end if parsed.meeting_date and end and end > parsed.meeting_date else None,
        "meeting_date_basis": parsed.meeting_date_basis or "",
        "meeting_month": parsed.meeting_month if year_unknown else None,
        "meeting_day": parsed.meeting_day if year_unknown else None,
    }


def snapshot(readout: Readout) -> tuple:
    """What a reader sees of a readout, to tell an update from a no-op re-parse."""
    return (
        tuple(
            getattr(readout, name)
            for name in READOUT_FIELDS
            + MEETING_DATE_DETAILS
            + ["location_guessed", "source_url", "slug", "import_metadata"]
        ),
        tuple(readout.participations.values_list("person_id", "title", "order")),
        tuple(readout.statements.values_list("position", "text", "speaker_id", "speaker_guessed", "kind")),
    )


def statement_rows(readout: Readout, parsed: ParsedReadout, speakers: dict[str, Person]):
    for position, paragraph in enumerate(parsed.paragraphs, start=1):
        kind, speaker = paragraph.kind, None
        if kind == Statement.Kind.STATEMENT:
            speaker = speakers.get(paragraph.speaker)
            if speaker is None:
                # A speaker who is not among the participants: the paragraph stays, as narrative.
                kind = Statement.Kind.NARRATIVE
        guessed = speaker is not None and paragraph.speaker_guessed
        yield Statement(
            readout=readout,
            position=position,
            text=paragraph.text,
            speaker=speaker,
            speaker_guessed=guessed,
            kind=kind,
        )


def unique_slug(readout: Readout) -> str:
    """The readout's slug (at first, the title's), numbered when another readout of its day has it."""
    same_day = Readout.objects.filter(meeting_date=readout.meeting_date).exclude(pk=readout.pk)
    return unique_slug_among(same_day, readout.slug or slugify(readout.title)[:180].strip("-") or "readout")


def match_participants(parsed: ParsedReadout) -> list[tuple]:
    """Each parsed participant with the Person it names, found or created; one person once."""
    matched, seen = [], set()
    for participant in parsed.participants:
        person = find_or_create_person(
            participant.name, find_country(participant.country), aliases=participant.aliases
        )
        if person.pk not in seen:
            seen.add(person.pk)
            matched.append((participant, person))
    return matched


def find_country(name: str | None) -> Country | None:
    if not name:
        return None
    return Country.objects.filter(
        Q(name__iexact=name) | Q(code__iexact=name) | Q(aliases__contains=[name]) | Q(demonyms__contains=[name])
    ).first()


def name_key(name: str) -> str:
    """A person's name for matching: no accents, no case, no middle initials ("Antony J. Blinken")."""
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
    words = [word for word in re.split(r"[\s.]+", folded) if word]
    return " ".join([word for word in words if len(word) > 1] if len(words) > 2 else words)


def find_or_create_person(name: str, country: Country | None, *, aliases=()) -> Person:
    """Match by name, alias or name key (any case, accents, middle initials), preferring the same country; the
    other forms of the name (``aliases``: "王毅", "Ван И") match a person known by any of them, whatever the script,
    and are added to the person's aliases.

    A person's slug is made from the name key, so the key finds namesakes by slug ("antony-blinken",
    "antony-blinken-2") as well as by name.
    """
    name = " ".join(name.split())[:200]
    forms = [form for form in dict.fromkeys(" ".join(a.split())[:200] for a in aliases) if form and form != name]
    key = name_key(name)
    base_slug = slugify(key)
    lookup = Q(name__unaccent__iexact=name) | Q(aliases__overlap=[name, *forms])
    if forms:
        lookup |= Q(name__in=forms)
    if base_slug:
        lookup |= Q(slug=base_slug) | Q(slug__regex=rf"^{re.escape(base_slug)}-[0-9]+$")
    written = {name, *forms}
    candidates = [
        person
        for person in Person.objects.filter(lookup)
        if name_key(person.name) == key or person.name in written or written & set(person.aliases)
    ]
    same_country = [person for person in candidates if country is not None and person.country_id == country.pk]
    if same_country or candidates:
        person = (same_country or candidates)[0]
        missing = [form for form in forms if form != person.name and form not in person.aliases]
        if missing:
            person.aliases = [*person.aliases, *missing]
            person.save(update_fields=["aliases"])
        return person
    return Person.objects.create(
        name=name,
        slug=unique_slug_among(Person.objects.all(), base_slug or "person"),
        country=country,
        aliases=forms,
    )


def unique_slug_among(queryset, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` ... whichever ``queryset`` does not use yet."""
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def edited_parts(derived: ParsedReadout, reviewed: ParsedReadout) -> list[str]:
    """The parts a reviewer changed from what the parser derived, for ``Readout.edited_fields``."""
    parts = [name for name in READOUT_FIELDS if (getattr(derived, name) or "") != (getattr(reviewed, name) or "")]
    if derived.meeting_end_date != reviewed.meeting_end_date and "meeting_date" not in parts:
        parts.append("meeting_date")  # the date's details are kept with it
    if derived.participants != reviewed.participants:
        parts.append(PARTICIPANTS)
    if derived.paragraphs != reviewed.paragraphs:
        parts.append(STATEMENTS)
    return parts


def mark_edited(readout: Readout, parts) -> None:
    """Record hand corrections so that re-parsing keeps them."""
    new = sorted(set(readout.edited_fields) | set(parts))
    if new != readout.edited_fields:
        readout.edited_fields = new
        readout.save(update_fields=["edited_fields"])
