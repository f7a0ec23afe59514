"""The round trip: export_archive, then import_archive into an emptied database, gives the same archive."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import models

from readouts import archive_io
from readouts.archive_io import ArchiveFileError, export_archive, import_archive
from readouts.models import Country, Participation, Person, Readout, Statement
from tests.factories import make_readout

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything the archive holds, by natural keys where ids are not kept (participations, statements)."""
    return {
        "people": list(Person.objects.order_by("pk").values("pk", "name", "slug", "country__code", "aliases")),
        # The meetings are derived, and import_archive groups the readouts again, finding the publishers' countries
        # that are not known yet from their names: both compared apart.
        "readouts": [
            {k: v for k, v in r.items() if k not in {"meeting_id", "publisher_country_id"}}
            for r in Readout.objects.order_by("pk").values()
        ],
        "participations": sorted(
            Participation.objects.values_list("readout_id", "person__slug", "title", "order"), key=repr
        ),
        "statements": sorted(
            Statement.objects.values_list("readout_id", "position", "kind", "speaker__slug", "text"), key=repr
        ),
    }


def empty_the_archive():
    Statement.objects.all().delete()
    Participation.objects.all().delete()
    Readout.objects.all().delete()
    Person.objects.all().delete()


def export_text():
    stream = io.StringIO()
    export_archive(stream)
    return stream.getvalue()


def without_header(text):
    return text.split("\n", 1)[1]


@pytest.fixture
def edited_archive(archive):
    """The small archive with what the admin and time leave behind: edits, aliases, odd text."""
    archive.main.edited_fields = ["title", "participants"]
    archive.main.raw_text = 'Line one.\r\nLine two\u2028with a line separator, "quotes" and a tab\t.\n'
    archive.main.save()
    Readout.objects.filter(pk=archive.earlier.pk).update(
        created_at="2021-03-02T10:00:00.123456+00:00", updated_at="2024-01-01T00:00:00+00:00"
    )
    return archive


def test_round_trip_reproduces_the_archive(edited_archive):
    before, text = snapshot(), export_text()
    empty_the_archive()
    assert snapshot()["readouts"] == []
    counts = import_archive(io.StringIO(text))
    assert counts == {"countries": 3, "people": 4, "readouts": 6, "participations": 12, "statements": 8}
    assert snapshot() == before
    assert without_header(export_text()) == without_header(text)
    # New rows continue after the imported ids.
    assert make_readout().pk > max(r["id"] for r in before["readouts"])


def test_round_trip_through_the_commands_and_stdin(edited_archive, tmp_path, monkeypatch, capsys):
    before = snapshot()
    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path))
    empty_the_archive()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
    out = io.StringIO()
    call_command("import_archive", "-", stdout=out)
    assert out.getvalue().startswith("Imported 3 countries, 4 people, 6 readouts")
    assert snapshot() == before


def test_export_to_stdout(archive, capfdbinary):
    call_command("export_archive", "-")
    lines = capfdbinary.readouterr().out.decode().splitlines()
    assert json.loads(lines[0])["format"] == "readout-archive"
    assert [json.loads(line)["type"] for line in lines[1:4]] == ["country"] * 3
    assert json.loads(lines[-1])["counts"]["readouts"] == 6


def test_the_format_covers_every_field_of_the_models():
    """A new model field must be added to the archive format: this fails until it is."""

    def stored(model, leave_out=()):
        return {f.name for f in model._meta.concrete_fields if f.name not in leave_out and not f.generated}

    assert stored(Person) == {"id", "name", "slug", "country", "aliases"} == set(archive_io.PERSON_FIELDS)
    # Left out: the countries, dates and publishers that the database copies from the participants and readouts.
    # The meeting is derived (readouts.meetings): import_archive groups the readouts again after a restore.
    readout_fields = stored(Readout, {"country_ids", "meeting"}) | {"content_hash", "participants", "statements"}
    assert readout_fields == set(archive_io.READOUT_FIELDS) | set(archive_io.READOUT_OPTIONAL_FIELDS)
    assert stored(Participation, {"id", "readout"}) == set(archive_io.PARTICIPANT_FIELDS)
    # And the language's configuration and the words, which search derives from the readout and the text.
    copies = {"meeting_date", "country_ids", "publisher", "search_config", "segmented_text"}
    assert stored(Statement, {"id", "readout", *copies}) == set(archive_io.STATEMENT_FIELDS) | set(
        archive_io.STATEMENT_OPTIONAL_FIELDS
    )
    assert all(
        not isinstance(f, models.ManyToManyField) for model in (Person, Readout) for f in model._meta.get_fields()
    )


def test_import_refuses_a_non_empty_archive(archive):
    text = export_text()
    with pytest.raises(ArchiveFileError, match="not empty"):
        import_archive(io.StringIO(text))


def replace_line(text, number, change):
    lines = text.splitlines()
    lines[number - 1] = change(lines[number - 1])
    return "\n".join(lines) + "\n"


def edit_record(**fields):
    def change(line):
        record = json.loads(line)
        for key, value in fields.items():
            if value is None and key in record:
                del record[key]
            else:
                record[key] = value
        return json.dumps(record, ensure_ascii=False)

    return change


@pytest.mark.parametrize(
    ("number", "change", "message"),
    [
        (9, lambda line: line[:-5], "line 9: not JSON"),
        (1, edit_record(version=2), "line 1: not a readout-archive file of version 1"),
        (2, edit_record(code="XX"), "line 2: no country with the code 'XX'"),
        (5, edit_record(country="FR"), "line 5: the country 'FR' has no country line"),
        (6, edit_record(nickname="Wang"), "line 6: the person has unknown fields: nickname"),
        (9, edit_record(title=None), "line 9: the readout lacks title"),
        (9, edit_record(meeting_date="2022-02-30"), "line 9: meeting_date is not a date"),
        (9, edit_record(created_at="2022-02-01T10:00:00"), "line 9: created_at has no time zone"),
        (9, edit_record(raw_text="Changed."), "line 9: content_hash does not match raw_text"),
        (9, edit_record(language="x" * 20), "line 9: invalid readout: language"),
        (9, edit_record(participants=[{"person": "nobody", "title": "", "order": 0}]), "line 9: no person line"),
        (9, edit_record(type="meeting"), "line 9: unknown type 'meeting'"),
        (15, edit_record(counts={"readouts": 7}), "line 15: the file announces"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_saved(archive, number, change, message):
    text = replace_line(export_text(), number, change)
    empty_the_archive()
    with pytest.raises(ArchiveFileError) as error:
        import_archive(io.StringIO(text))
    assert str(error.value).startswith(message)
    assert not Person.objects.exists() and not Readout.objects.exists()


def test_what_the_database_refuses_is_named_by_line(archive, monkeypatch):
    """A duplicate date and slug passes every check of a single line: the database finds it, in a batch that is
    then saved again line by line to name the one at fault."""
    monkeypatch.setattr(archive_io, "BATCH_SIZE", 3)
    lines = export_text().splitlines()
    readout_lines = [n for n, line in enumerate(lines, start=1) if '"type": "readout"' in line]
    first, second = (json.loads(lines[n - 1]) for n in readout_lines[:2])
    lines[readout_lines[1] - 1] = json.dumps({**second, "slug": first["slug"], "meeting_date": first["meeting_date"]})
    empty_the_archive()
    with pytest.raises(
        ArchiveFileError, match=rf"^line {readout_lines[1]}: the database refuses it: .*readout_date_slug"
    ):
        import_archive(io.StringIO("\n".join(lines) + "\n"))
    assert not Readout.objects.exists() and not Person.objects.exists()


def test_a_cut_short_file_is_refused(archive):
    text = "".join(export_text().splitlines(keepends=True)[:-3])
    empty_the_archive()
    with pytest.raises(ArchiveFileError, match="ends without its end line"):
        import_archive(io.StringIO(text))
    assert not Readout.objects.exists()


def test_the_command_reports_a_bad_line(archive, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(replace_line(export_text(), 9, lambda line: "{oops"), encoding="utf-8")
    empty_the_archive()
    with pytest.raises(CommandError, match=r"Nothing was imported\. line 9: not JSON"):
        call_command("import_archive", str(path))


def test_countries_are_matched_not_created(archive):
    text, countries = export_text(), Country.objects.count()
    empty_the_archive()
    import_archive(io.StringIO(text))
    assert Country.objects.count() == countries


def test_a_restored_archive_has_its_meetings_suggestions_and_pair_counts(archive, tmp_path):
    from readouts.models import CountryPair, SearchTerm

    path = tmp_path / "archive.jsonl"
    call_command("export_archive", str(path))
    empty_the_archive()
    SearchTerm.refresh()
    CountryPair.refresh()
    assert not SearchTerm.objects.exists() and not CountryPair.objects.exists()

    call_command("import_archive", str(path), stdout=io.StringIO())

    assert SearchTerm.objects.filter(word__startswith="neighbour").exists()
    assert CountryPair.objects.filter(country__code="KZ", counterpart__code="CN").exists()
    # The two accounts of the Tokayev–Wang meeting of 7 June 2022 are one meeting again.
    main, other = Readout.objects.get(pk=archive.main.pk), Readout.objects.get(pk=archive.other_publisher.pk)
    assert main.meeting_id is not None and main.meeting_id == other.meeting_id
