"""The archive as JSON Lines, and back: a lossless round trip into an empty database.

One JSON object per line, each with a "type", in this order:

    {"type": "archive", "format": "readout-archive", "version": 1, "exported_at": "..."}
    {"type": "country", "code": "KZ", "name": "Kazakhstan"}                  each country of a person or a publisher
    {"type": "person", "id": 7, "slug": ..., "name": ..., "country": "KZ" | null, "aliases": [...]}
    {"type": "readout", "id": 12, <every field>, "participants": [...], "statements": [...]}
    {"type": "end", "counts": {"countries": ..., "people": ..., "readouts": ..., "participations": ..., ...}}

Countries are loaded by a migration, so they are matched by code, never created. Readouts and people keep their
ids (the API's and the exports' addresses use them), and readouts keep their creation and update times.
The end line makes a truncated file an error rather than a smaller archive.

export_archive reads one consistent snapshot in constant memory. import_archive fills an empty archive only
(there is no merge: ids and slugs would collide), in one transaction: on the first bad line it stops, names the
line and the reason, and saves nothing.
"""

import datetime
import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, reset_queries, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from readouts.models import Country, Participation, Person, Readout, Statement

FORMAT, VERSION = "readout-archive", 1
BATCH_SIZE = 500

PERSON_FIELDS = ["id", "slug", "name", "country", "aliases"]
READOUT_FIELDS = [
    "id",
    "title",
    "slug",
    "meeting_date",
    "published_date",
    "location",
    "publisher",
    "source_url",
    "language",
    "raw_text",
    "content_hash",
    "edited_fields",
    "created_at",
    "updated_at",
    "participants",
    "statements",
]
# Fields added after version 1 was first written: a file without them still imports, with their defaults.
READOUT_OPTIONAL_FIELDS = {
    "is_generated": False,
    # How the meeting date was found (migration 0015); archives written before it have none of these.
    "meeting_end_date": None,
    "meeting_date_basis": "",
    "meeting_month": None,
    "meeting_day": None,
    "import_metadata": {},
    # The publisher's country code (migration 0027); without it, regrouping finds it from the publisher's name.
    "publisher_country": None,
    # The importer's guesses (migration 0028).
    "location_guessed": False,
}
PARTICIPANT_FIELDS = ["person", "title", "order"]
STATEMENT_FIELDS = ["position", "kind", "speaker", "text"]
STATEMENT_OPTIONAL_FIELDS = {"speaker_guessed": False}


class ArchiveFileError(Exception):
    """A file that cannot be imported, with the line at fault when there is one."""

    def __init__(self, message, line=None):
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


def iso(value):
    return value.isoformat() if value else None


# Export


def export_archive(stream):
    """Write the whole archive to a text stream; returns the counts written."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if outermost:
            # One snapshot for every query, whatever is written meanwhile.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return write_lines(stream)


def write_lines(stream):
    def write(record):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    counts = dict.fromkeys(["countries", "people", "readouts", "participations", "statements"], 0)
    write({"type": "archive", "format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat()})
    countries = Country.objects.filter(Q(people__isnull=False) | Q(published_readouts__isnull=False))
    for country in countries.distinct().order_by("code"):
        write({"type": "country", "code": country.code, "name": country.name})
        counts["countries"] += 1
    for person in Person.objects.select_related("country").order_by("pk").iterator(chunk_size=2000):
        write({"type": "person", **person_record(person)})
        counts["people"] += 1
    readouts = (
        Readout.objects.order_by("pk")
        .select_related("publisher_country")
        .prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("person").order_by("order")),
            Prefetch("statements", queryset=Statement.objects.select_related("speaker").order_by("position")),
        )
    )
    for readout in readouts.iterator(chunk_size=BATCH_SIZE):
        record = readout_record(readout)
        write({"type": "readout", **record})
        counts["readouts"] += 1
        counts["participations"] += len(record["participants"])
        counts["statements"] += len(record["statements"])
    write({"type": "end", "counts": counts})
    return counts


def person_record(person):
    return {
        "id": person.pk,
        "slug": person.slug,
        "name": person.name,
        "country": person.country.code if person.country else None,
        "aliases": person.aliases,
    }


def readout_record(readout):
    return {
        "id": readout.pk,
        "title": readout.title,
        "slug": readout.slug,
        "meeting_date": iso(readout.meeting_date),
        "published_date": iso(readout.published_date),
        "location": readout.location,
        "publisher": readout.publisher,
        "source_url": readout.source_url,
        "language": readout.language,
        "raw_text": readout.raw_text,
        "content_hash": readout.content_hash,
        "edited_fields": readout.edited_fields,
        "is_generated": readout.is_generated,
        "meeting_end_date": iso(readout.meeting_end_date),
        "meeting_date_basis": readout.meeting_date_basis,
        "meeting_month": readout.meeting_month,
        "meeting_day": readout.meeting_day,
        "import_metadata": readout.import_metadata,
        "publisher_country": readout.publisher_country.code if readout.publisher_country else None,
        "location_guessed": readout.location_guessed,
        "created_at": iso(readout.created_at),
        "updated_at": iso(readout.updated_at),
        "participants": [
            {"person": p.person.slug, "title": p.title, "order": p.order} for p in readout.participations.all()
        ],
        "statements": [
            {
                "position": s.position,
                "kind": s.kind,
                "speaker": s.speaker.slug if s.speaker else None,
                "speaker_guessed": s.speaker_guessed,
                "text": s.text,
            }
            for s in readout.statements.all()
        ],
    }


# Import


def archive_is_empty():
    return not any(model.objects.exists() for model in (Readout, Person, Participation, Statement))


def import_archive(lines):
    """Read an archive from an iterable of text lines into an empty database; returns the counts read.

    Raises ArchiveFileError (and saves nothing) for a non-empty archive or any bad line."""
    with transaction.atomic():
        if not archive_is_empty():
            raise ArchiveFileError("The archive is not empty: import_archive only fills an empty archive.")
        importer = Importer()
        for number, line in enumerate(lines, start=1):
            importer.read(number, line)
        importer.finish()
        return importer.counts


def check_keys(record, expected, what, line, optional=()):
    missing = [key for key in expected if key not in record]
    unknown = sorted(set(record) - set(expected) - set(optional))
    if missing:
        raise ArchiveFileError(f"the {what} lacks {', '.join(missing)}", line)
    if unknown:
        raise ArchiveFileError(f"the {what} has unknown fields: {', '.join(unknown)}", line)


def parse_date(value, name, line):
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ArchiveFileError(f"{name} is not a date (YYYY-MM-DD): {value!r}", line) from None


def parse_time(value, name, line):
    try:
        parsed = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ArchiveFileError(f"{name} is not an ISO 8601 time: {value!r}", line) from None
    if timezone.is_naive(parsed):
        raise ArchiveFileError(f"{name} has no time zone: {value!r}", line)
    return parsed


def validate(instance, what, line, exclude=()):
    """Field checks that need no query (lengths, formats, choices); the database checks the rest."""
    try:
        instance.clean_fields(exclude=[*exclude])
    except ValidationError as error:
        problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
        raise ArchiveFileError(f"invalid {what}: {problems}", line) from None


class Importer:
    """Reads the lines in order, checks each, and saves in batches; a batch that the database refuses is saved
    again line by line, to name the line at fault."""

    def __init__(self):
        self.countries = {}
        self.known_countries = dict(Country.objects.values_list("code", "pk"))
        self.people = {}  # slug -> pk
        self.pending = []  # (line, kind, objects)
        self.stage = "archive"
        self.counts = dict.fromkeys(["countries", "people", "readouts", "participations", "statements"], 0)
        self.ended = False

    def read(self, number, line):
        if not line.strip():
            return
        if self.ended:
            raise ArchiveFileError("there is more after the end line", number)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ArchiveFileError(f"not JSON ({error.msg} at column {error.colno})", number) from None
        if not isinstance(record, dict) or not isinstance(record.get("type"), str):
            raise ArchiveFileError('not an object with a "type"', number)
        kind = record.pop("type")
        order = ["archive", "country", "person", "readout", "end"]
        if number == 1 and kind != "archive":
            raise ArchiveFileError("the first line must be the archive header", number)
        if kind not in order:
            raise ArchiveFileError(f"unknown type {kind!r}", number)
        if order.index(kind) < order.index(self.stage) or (kind == "archive" and number != 1):
            raise ArchiveFileError(f"a {kind} line after a {self.stage} line", number)
        if kind != self.stage:
            self.flush()
        self.stage = kind
        getattr(self, f"read_{kind}")(record, number)

    def read_archive(self, record, line):
        if record.get("format") != FORMAT or record.get("version") != VERSION:
            raise ArchiveFileError(f"not a {FORMAT} file of version {VERSION}", line)

    def read_country(self, record, line):
        check_keys(record, ["code", "name"], "country", line)
        if record["code"] not in self.known_countries:
            raise ArchiveFileError(f"no country with the code {record['code']!r} in this database", line)
        self.countries[record["code"]] = self.known_countries[record["code"]]
        self.counts["countries"] += 1

    def read_person(self, record, line):
        check_keys(record, PERSON_FIELDS, "person", line)
        code = record["country"]
        if code is not None and code not in self.countries:
            raise ArchiveFileError(f"the country {code!r} has no country line", line)
        if not isinstance(record["aliases"], list) or not isinstance(record["id"], int):
            raise ArchiveFileError("id must be a number and aliases a list", line)
        if record["slug"] in self.people:
            raise ArchiveFileError(f"a second person with the slug {record['slug']!r}", line)
        person = Person(
            pk=record["id"],
            slug=record["slug"],
            name=record["name"],
            country_id=self.countries.get(code),
            aliases=record["aliases"],
        )
        validate(person, "person", line, exclude=["country"])
        self.people[person.slug] = person.pk
        self.pending.append((line, [person]))
        self.counts["people"] += 1
        self.flush_when_full()

    def person_id(self, slug, line):
        if slug not in self.people:
            raise ArchiveFileError(f"no person line for {slug!r}", line)
        return self.people[slug]

    def read_readout(self, record, line):
        check_keys(record, READOUT_FIELDS, "readout", line, READOUT_OPTIONAL_FIELDS)
        record = READOUT_OPTIONAL_FIELDS | record
        if not isinstance(record["raw_text"], str) or not isinstance(record["id"], int):
            raise ArchiveFileError("id must be a number and raw_text a text", line)
        if hashlib.md5(record["raw_text"].encode()).hexdigest() != record["content_hash"]:
            raise ArchiveFileError("content_hash does not match raw_text: the text was altered", line)
        if not isinstance(record["edited_fields"], list):
            raise ArchiveFileError("edited_fields must be a list", line)
        if not isinstance(record["import_metadata"], dict):
            raise ArchiveFileError("import_metadata must be an object", line)
        publisher_country = record["publisher_country"]
        if publisher_country is not None and publisher_country not in self.countries:
            raise ArchiveFileError(f"the country {publisher_country!r} has no country line", line)
        readout = Readout(
            pk=record["id"],
            title=record["title"],
            slug=record["slug"],
            meeting_date=parse_date(record["meeting_date"], "meeting_date", line),
            published_date=parse_date(record["published_date"], "published_date", line),
            location=record["location"],
            publisher=record["publisher"],
            source_url=record["source_url"],
            language=record["language"],
            raw_text=record["raw_text"],
            edited_fields=record["edited_fields"],
            is_generated=record["is_generated"] is True,
            meeting_end_date=parse_date(record["meeting_end_date"], "meeting_end_date", line),
            meeting_date_basis=record["meeting_date_basis"],
            meeting_month=record["meeting_month"],
            meeting_day=record["meeting_day"],
            import_metadata=record["import_metadata"],
            publisher_country_id=self.countries.get(publisher_country),
            location_guessed=record["location_guessed"] is True,
            created_at=parse_time(record["created_at"], "created_at", line),
            updated_at=parse_time(record["updated_at"], "updated_at", line),
        )
        validate(readout, "readout", line, exclude=["content_hash", "publisher_country"])
        objects = [readout]
        for participant in self.list_of(record, "participants", line):
            check_keys(participant, PARTICIPANT_FIELDS, "participant", line)
            participation = Participation(
                readout=readout,
                person_id=self.person_id(participant["person"], line),
                title=participant["title"],
                order=participant["order"],
            )
            validate(participation, "participant", line, exclude=["readout", "person"])
            objects.append(participation)
        for paragraph in self.list_of(record, "statements", line):
            check_keys(paragraph, STATEMENT_FIELDS, "statement", line, optional=STATEMENT_OPTIONAL_FIELDS)
            speaker = paragraph["speaker"]
            statement = Statement(
                readout=readout,
                position=paragraph["position"],
                kind=paragraph["kind"],
                speaker_id=None if speaker is None else self.person_id(speaker, line),
                speaker_guessed=paragraph.get("speaker_guessed") is True,
                text=paragraph["text"],
            )
            validate(statement, "statement", line, exclude=["readout", "speaker"])
            objects.append(statement)
        self.pending.append((line, objects))
        self.counts["readouts"] += 1
        self.counts["participations"] += len(record["participants"])
        self.counts["statements"] += len(record["statements"])
        self.flush_when_full()

    @staticmethod
    def list_of(record, name, line):
        items = record[name]
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise ArchiveFileError(f"{name} must be a list of objects", line)
        return items

    def read_end(self, record, line):
        check_keys(record, ["counts"], "end line", line)
        if record["counts"] != self.counts:
            raise ArchiveFileError(f"the file announces {record['counts']} but holds {self.counts}", line)
        self.ended = True

    def flush_when_full(self):
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        try:
            with transaction.atomic():
                save([obj for _, objects in self.pending for obj in objects])
        except DatabaseError:
            # Again one line at a time, to name the first one that the database refuses.
            for line, objects in self.pending:
                try:
                    with transaction.atomic():
                        save(objects)
                except DatabaseError as error:
                    reason = str(error).splitlines()[0]
                    raise ArchiveFileError(f"the database refuses it: {reason}", line) from None
            raise
        self.pending = []
        # With DEBUG on, Django keeps the last 9,000 queries, and these carry whole texts: drop them.
        reset_queries()

    def finish(self):
        self.flush()
        if not self.ended:
            raise ArchiveFileError("the file ends without its end line: it may have been cut short")
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Person, Readout, Participation, Statement]):
                cursor.execute(sql)


def save(objects):
    """Insert people, or readouts with their participations and statements, keeping the recorded times
    (bulk_create would stamp auto_now fields with the present time; bulk_update writes them as given)."""
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model in (Person, Readout, Participation, Statement):
        if model not in by_model:
            continue
        batch = by_model[model]
        if model is Readout:
            times = [(readout.created_at, readout.updated_at) for readout in batch]
            model.objects.bulk_create(batch)
            for readout, (created_at, updated_at) in zip(batch, times, strict=True):
                readout.created_at, readout.updated_at = created_at, updated_at
            model.objects.bulk_update(batch, ["created_at", "updated_at"])
        else:
            model.objects.bulk_create(batch)
