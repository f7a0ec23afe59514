import json
from datetime import date

from readouts.parsing.evaluate import (
    Report,
    city_of,
    compare,
    evaluate,
    format_attribution_misses,
    format_report,
    half_of,
    normalise,
    same_city,
    same_country,
)
from readouts.parsing.types import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout


def test_city_of_is_case_and_accent_insensitive():
    assert city_of("Bogotá, Colombia (Casa de Nariño)") == city_of("BOGOTA") == "bogota"
    assert city_of(None) == ""


def test_normalise_whitespace():
    assert normalise(" a\u00a0 b\n c ") == "a b c"


def _parsed(speaker_kind):
    return ParsedReadout(
        title="t",
        published_date=None,
        meeting_date=date(2020, 1, 2),
        location="Paris (Elysee)",
        publisher=None,
        language="en",
        participants=[
            ParsedParticipant("Antony J. Blinken", "Secretary", "United States"),
            ParsedParticipant("Extra Person", "", None),
        ],
        paragraphs=[
            ParsedParagraph("Blinken met X in Paris.", None, Kind.NARRATIVE),
            ParsedParagraph("The   two sides agreed.", *speaker_kind),
        ],
    )


def test_compare_counts_every_measure():
    entry = {
        "file": "f",
        "meeting_date": "2020-01-02",
        "meeting_date_basis": "dateline",
        "location": "Paris, France",
        "participants": [{"name": "Antony Blinken"}, {"name": "Jean Dupont"}],
        "paragraph_starts": ["Blinken met X", "The two sides", "Missing paragraph"],
        "attribution": [None, "joint", None],
    }
    good = compare(entry, _parsed((None, Kind.JOINT)))
    assert (good.date_ok, good.location_ok, good.tp, good.fp, good.fn) == (True, True, 1, 1, 1)
    assert (good.starts_found, good.starts_total, good.attribution_ok, good.attribution_total) == (2, 3, 2, 2)
    bad = compare(entry, _parsed(("Antony J. Blinken", Kind.STATEMENT)))
    assert bad.attribution_ok == 1


def test_evaluate_and_format_on_a_tiny_corpus(tmp_path):
    (tmp_path / "a.txt").write_text(
        "BEIJING, May 5 (Xinhua) -- Chinese President Li Ming met visiting Russian "
        "President Ivan Petrov on Tuesday.\n\nLi said the ties are strong.\n"
    )
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    index = [
        {
            "file": "a.txt",
            "publisher": "Xinhua",
            "meeting_date": None,
            "location": "Beijing",
            "participants": [{"name": "Li Ming"}, {"name": "Ivan Petrov"}],
            "paragraph_starts": ["BEIJING, May 5", "Li said"],
            "attribution": [None, "Li Ming"],
        },
        {
            "file": "b.txt",
            "publisher": "x",
            "meeting_date": "2020-01-01",
            "location": "not stated",
            "participants": [{"name": "A B"}],
            "paragraph_starts": ["x"],
            "attribution": [None],
        },
    ]
    (tmp_path / "index.json").write_text(json.dumps(index))
    report = evaluate(tmp_path)
    assert report.files[1].error == "binary data, not text"
    assert report.location == 1.0 and report.paragraphs_found == 2 / 3
    assert report.participants_f1 < 1.0
    table = format_report(report)
    assert "ERROR: binary data" in table and "participants F1" in table


def test_truth_names_are_compared_in_their_english_spelling():
    entry = {
        "file": "zh.txt",
        "language": "zh",
        "meeting_date": "2019-02-15/2019-02-16",
        "participants": [{"name": "Wang Yi (王毅)"}],
        "paragraph_starts": ["Blinken met X"],
        "attribution": ["Wang Yi (王毅)"],
    }
    parsed = _parsed(("Wang Yi", Kind.STATEMENT))
    parsed.participants = [ParsedParticipant("Wang Yi", "", "China")]
    parsed.paragraphs = [ParsedParagraph("Blinken met X in Paris.", "Wang Yi", Kind.STATEMENT)]
    result = compare(entry, parsed)
    assert (result.tp, result.fp, result.fn, result.attribution_ok) == (1, 0, 0, 1)
    assert result.language_ok is False and result.date_ok is False


def test_targets_are_checked_per_language(tmp_path):
    index = [
        {"file": "en.txt", "language": "en", "participants": [], "paragraph_starts": ["Li said"]},
        {"file": "xx.txt", "language": "xx", "participants": [], "paragraph_starts": ["Absent"]},
    ]
    (tmp_path / "en.txt").write_text("Li said the ties are strong.\n")
    (tmp_path / "xx.txt").write_text("Li said the ties are strong.\n")
    (tmp_path / "index.json").write_text(json.dumps(index))
    report = evaluate(tmp_path, tmp_path)
    assert len(report.files) == 4 and set(report.by_language()) == {"en", "xx"}
    failures = report.failures()
    assert "xx: paragraphs_found" in failures and "en: paragraphs_found" not in failures
    assert "xx: language" in failures and "xx: attribution" not in failures
    assert "Per language" in format_report(report) and "Per publisher" in format_report(report)


def test_a_city_matches_by_another_of_its_names():
    assert same_city("Davao City (Presidential Guest House), Philippines", "Davao (Presidential Guest House)")
    assert same_city("New York, United States", "New York City")
    assert not same_city("Canberra, Australia", "Sydney")
    assert not same_city("Canberra, Australia", None)


def test_a_paragraph_start_is_found_whatever_its_spacing_and_entities():
    parsed = ParsedReadout(
        title="t",
        published_date=None,
        meeting_date=None,
        location=None,
        publisher=None,
        language="en",
        paragraphs=[ParsedParagraph("President-elect Ana Costa said closer ties matter.", None, Kind.NARRATIVE)],
    )
    entry = {"file": "f.txt", "paragraph_starts": ["P resident-elect Ana Costa said closer&nbsp;ties"]}
    assert compare(entry, parsed).starts_found == 1


def test_the_halves_of_a_corpus_alternate_by_file_name():
    entries = [{"file": name} for name in ("c.txt", "a.txt", "d.txt", "b.txt", "e.txt")]
    assert [e["file"] for e in half_of(entries, "develop")] == ["a.txt", "c.txt", "e.txt"]
    assert [e["file"] for e in half_of(entries, "holdout")] == ["b.txt", "d.txt"]
    assert half_of(entries, None) == entries


def test_attribution_misses_list_each_wrong_paragraph_with_its_opening():
    entry = {
        "file": "f",
        "language": "en",
        "paragraph_starts": ["Blinken met X", "The two sides"],
        "attribution": [None, "joint"],
    }
    report = Report([compare(entry, _parsed(("Antony J. Blinken", Kind.STATEMENT)))])
    listing = format_attribution_misses(report)
    assert "f [en] 1/2" in listing
    assert "p2: got 'Antony J. Blinken', truth 'joint'" in listing
    assert "The two sides agreed." in listing
    assert format_attribution_misses(Report([compare(entry, _parsed((None, Kind.JOINT)))])) == "no wrong attributions"


def test_participant_country_counts_only_matched_participants():
    entry = {
        "file": "f",
        "participants": [
            {"name": "Antony Blinken", "country": "United States"},
            {"name": "Extra Person", "country": "Türkiye"},
            {"name": "Jean Dupont", "country": "France"},
        ],
    }
    parsed = _parsed((None, Kind.JOINT))
    parsed.participants = [
        ParsedParticipant("Antony J. Blinken", "Secretary", "United States"),
        ParsedParticipant("Extra Person", "", "Greece"),
    ]
    result = compare(entry, parsed)
    # Jean Dupont is not found, so his country is not measured; Extra Person's is wrong.
    assert (result.tp, result.country_ok) == (2, 1)
    assert "country of Extra Person: got 'Greece', expected 'Türkiye'" in result.details
    assert Report([result]).participant_country == 0.5
    assert "participant country" in format_report(Report([result]))
    assert format_report(Report([result]), details="countries").count("country of") == 1


def test_a_country_matches_by_another_of_its_names():
    assert same_country("Türkiye", "Turkey") and same_country("Viet Nam", "Vietnam")
    assert same_country("African Union", "african union") and same_country(None, None)
    assert not same_country("Australia", "Austria") and not same_country("Australia", None)
