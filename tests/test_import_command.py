import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from readouts.models import Person, Readout

pytestmark = pytest.mark.django_db

CORPUS = Path(os.environ.get("READOUT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))

LUSAKA = """Zambian president meets Irish foreign minister

LUSAKA, March 3 (Xinhua) -- Zambian President Hakainde Hichilema on Tuesday met with visiting Irish Foreign
Minister Simon Coveney to discuss trade and climate finance.

Hichilema said Zambia welcomed Irish investment in agriculture and renewable energy.

Coveney said Ireland would double its support for school meals in rural districts.

Both sides agreed to set up a joint commission on trade.
"""

OSLO = """Readout of the Foreign Minister's Meeting with the Chilean Foreign Minister

OSLO, September 12 -- Norwegian Foreign Minister Espen Barth Eide met with Chilean Foreign Minister Alberto van
Klaveren in Oslo on Tuesday.

Eide stressed the importance of ocean protection and thanked Chile for its leadership on marine reserves.

Van Klaveren noted that Chile hopes to expand cooperation on green hydrogen.
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "lusaka.txt").write_text(LUSAKA, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "oslo.txt").write_text(OSLO, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")  # not a text file: folders skip it
    return tmp_path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    error = None
    try:
        call_command("import_readouts", *args, stdout=out, stderr=err)
    except CommandError as failure:
        error = str(failure)
    return out.getvalue(), err.getvalue(), error


def test_a_folder_imports_once_and_then_is_unchanged(folder):
    out, err, error = run(str(folder))
    assert error is None, err
    assert "Imported 2: 2 created, 0 updated, 0 unchanged, 0 failed." in out
    assert Readout.objects.count() == 2
    out, _, _ = run(str(folder))
    assert "Imported 2: 0 created, 0 updated, 2 unchanged, 0 failed." in out
    assert Readout.objects.count() == 2


def test_bad_files_are_named_with_a_reason_and_the_rest_still_imports(folder):
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Caf\xe9 au lait met the Fran\xe7ais.".encode("latin-1"))
    out, err, error = run(str(folder))
    assert error == "3 of 5 failed"
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert any(line.startswith(str(folder / "empty.txt") + ": ") for line in lines)
    assert any(line.startswith(str(folder / "binary.txt") + ": binary") for line in lines)
    assert any(line.startswith(str(folder / "latin1.txt") + ": not valid UTF-8") for line in lines)
    assert Readout.objects.count() == 2


def test_dry_run_json_prints_one_object_per_file_and_saves_nothing(folder):
    (folder / "empty.txt").write_bytes(b"")
    out, _, error = run("--dry-run", "--json", str(folder))
    assert error == "1 of 3 failed"
    objects = [json.loads(line) for line in out.strip().splitlines()]
    assert len(objects) == 3
    failed = [o for o in objects if "error" in o]
    assert [o["file"] for o in failed] == [str(folder / "empty.txt")]
    parsed = {Path(o["file"]).name: o for o in objects if "error" not in o}
    keys = {"file", "title", "published_date", "meeting_date", "location", "publisher", "language"}
    dates = {"meeting_end_date", "meeting_date_basis", "meeting_month", "meeting_day", "source_url"}
    assert keys | {"participants", "paragraphs", "warnings", "location_guessed"} | dates == set(parsed["lusaka.txt"])
    lusaka = parsed["lusaka.txt"]
    # "March 3" and "on Tuesday", no year anywhere: the month and day, and no guessed year.
    assert (lusaka["meeting_date"], lusaka["meeting_month"], lusaka["meeting_day"]) == (None, 3, 3)
    assert lusaka["meeting_date_basis"] == "year_unknown"
    assert lusaka["location"] == "Lusaka"
    assert {p["name"] for p in lusaka["participants"]} == {"Hakainde Hichilema", "Simon Coveney"}
    assert {p["kind"] for p in lusaka["paragraphs"]} <= {"statement", "joint", "narrative"}
    assert not Readout.objects.exists() and not Person.objects.exists()


def test_standard_input_is_read_with_a_dash(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LUSAKA.encode()), encoding="utf-8"))
    out, err, error = run("-")
    assert error is None, err
    assert Readout.objects.get().location == "Lusaka"


def test_a_missing_path_is_a_clear_error(tmp_path):
    _, _, error = run(str(tmp_path / "nope.txt"))
    assert error == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_reparse_without_paths_rederives_every_stored_readout(folder):
    run(str(folder))
    Readout.objects.update(location="somewhere wrong")
    out, _, error = run("--reparse")
    assert error is None
    assert "2 updated" in out
    assert set(Readout.objects.values_list("location", flat=True)) == {"Lusaka", "Oslo"}


def test_people_are_shared_between_readouts(folder):
    (folder / "again.txt").write_text(LUSAKA.replace("March 3", "March 4").replace("Tuesday", "Wednesday"))
    run(str(folder))
    assert Readout.objects.count() == 3
    assert Person.objects.filter(name="Hakainde Hichilema").count() == 1


def test_every_readout_of_the_shared_corpus_imports():
    if not CORPUS.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared corpus is missing at {CORPUS}")
        pytest.skip(f"the shared corpus is not at {CORPUS} (set READOUT_CORPUS to its folder)")
    out, err, error = run(str(CORPUS))
    assert error is None, err
    files = list(CORPUS.glob("*.txt"))
    assert f"Imported {len(files)}: {len(files)} created" in out
    assert Readout.objects.count() == len(files)


def write_metadata(folder, *lines):
    path = folder / "metadata.jsonl"
    path.write_text("\n".join(json.dumps(line) if isinstance(line, dict) else line for line in lines) + "\n")
    return path


def test_metadata_file_gives_the_year_and_the_source(folder):
    metadata = write_metadata(
        folder,
        {"file": "lusaka.txt", "published_date": "2020-03-04", "source_url": "https://example.org/lusaka"},
        "",
        {"file": "nested/oslo.txt", "publisher": "Example Ministry", "language": "en", "title": "Eide meets"},
    )
    out, err, error = run("--dry-run", "--json", "--metadata", str(metadata), str(folder))
    assert error is None, err
    parsed = {Path(o["file"]).name: o for o in map(json.loads, out.strip().splitlines())}
    lusaka, oslo = parsed["lusaka.txt"], parsed["oslo.txt"]
    # 3 March 2020 was a Tuesday: the publication date gives the year.
    assert (lusaka["meeting_date"], lusaka["published_date"]) == ("2020-03-03", "2020-03-04")
    assert lusaka["meeting_date_basis"] == "year_from_publication"
    assert lusaka["source_url"] == "https://example.org/lusaka"
    assert (oslo["publisher"], oslo["title"], oslo["meeting_date"]) == ("Example Ministry", "Eide meets", None)


def test_metadata_is_stored_and_used_again_on_reparse(folder):
    metadata = write_metadata(folder, {"file": "lusaka.txt", "published_date": "2020-03-04"})
    out, err, error = run("--metadata", str(metadata), str(folder / "lusaka.txt"))
    assert error is None, err
    readout = Readout.objects.get()
    assert (readout.meeting_date.isoformat(), readout.meeting_date_basis) == ("2020-03-03", "year_from_publication")
    assert readout.import_metadata == {"published_date": "2020-03-04"}
    out, err, error = run("--reparse")
    assert error is None, err
    readout.refresh_from_db()
    assert readout.meeting_date.isoformat() == "2020-03-03"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("{not json", "line 2: not a JSON object"),
        (json.dumps({"published_date": "2020-03-04"}), 'line 2: "file"'),
        (json.dumps({"file": "oslo.txt", "published_date": "last week"}), "line 2: published_date 'last week'"),
        (json.dumps({"file": "oslo.txt", "source_url": "ftp://x"}), "line 2: source_url"),
        (json.dumps({"file": "oslo.txt", "colour": "red"}), "line 2: unknown key 'colour'"),
        (json.dumps(["oslo.txt"]), "line 2: not a JSON object"),
    ],
)
def test_a_bad_metadata_line_is_named_and_nothing_is_saved(folder, line, reason):
    metadata = write_metadata(folder, {"file": "lusaka.txt", "published_date": "2020-03-04"}, line)
    out, err, error = run("--metadata", str(metadata), str(folder))
    assert error is not None and error.startswith(str(metadata)) and reason in error
    assert not Readout.objects.exists()


def test_a_metadata_entry_for_no_file_is_reported(folder):
    metadata = write_metadata(folder, {"file": "elsewhere.txt", "published_date": "2020-03-04"})
    out, err, error = run("--dry-run", "--metadata", str(metadata), str(folder))
    assert error is None
    assert "no file to import is elsewhere.txt" in err


def test_evaluate_import_prints_per_language_and_publisher_tables_for_several_folders(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for folder, language, text in [(first, "en", LUSAKA), (second, "fr", "Texte sans réunion.\n")]:
        folder.mkdir()
        (folder / "r.txt").write_text(text, encoding="utf-8")
        entry = {"file": "r.txt", "publisher": f"Agency {language}", "language": language, "participants": []}
        (folder / "index.json").write_text(json.dumps([entry | {"paragraph_starts": ["Hichilema said"]}]))
    out = io.StringIO()
    with pytest.raises(CommandError, match=r"fr: paragraphs_found 0\.0% < 95%"):
        call_command("evaluate_import", str(first), str(second), "--fail-below-target", stdout=out)
    table = out.getvalue()
    assert "Per language" in table and "Agency en" in table and "Agency fr" in table
    assert "every language meets its targets" not in table


def test_evaluate_import_names_a_folder_without_index(tmp_path):
    with pytest.raises(CommandError, match=f"{tmp_path} has no index.json"):
        call_command("evaluate_import", str(tmp_path))


def test_evaluate_import_lists_one_measures_mismatches_under_each_file(tmp_path):
    (tmp_path / "r.txt").write_text(LUSAKA, encoding="utf-8")
    entry = {
        "file": "r.txt",
        "language": "en",
        "participants": [{"name": "Hakainde Hichilema"}, {"name": "Mary Lou McDonald"}],
        "paragraph_starts": ["Hichilema said", "Not in the text"],
    }
    (tmp_path / "index.json").write_text(json.dumps([entry]))
    out = io.StringIO()
    call_command("evaluate_import", str(tmp_path), "--details", "participants", stdout=out)
    table = out.getvalue()
    assert "participant missing: Mary Lou McDonald" in table and "participant extra: Simon Coveney" in table
    assert "paragraph not found" not in table
    out = io.StringIO()
    call_command("evaluate_import", str(tmp_path), "--details", stdout=out)
    assert "paragraph not found" in out.getvalue()
    out = io.StringIO()
    call_command("evaluate_import", str(tmp_path), "--details", "countries", stdout=out)
    assert "participant country" in out.getvalue() and "participant missing" not in out.getvalue()
