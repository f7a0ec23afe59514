"""The parser against the hand-checked shared corpus (read at run time, never copied into the repository).

Per file, only what the text itself determines is required: a truth location whose city the text names, truth
participants whose surname appears in the text, a meeting date whose basis needs no outside knowledge.
"""

import re

import pytest
from conftest import corpus_entries, require_corpus

from readouts.parsing import parse_readout
from readouts.parsing.evaluate import TARGETS, _date_determinable, _fold, city_of, compare, evaluate, format_report
from readouts.parsing.participants import same_person


def family(entry: dict) -> str:
    publisher = (entry.get("publisher") or "unknown").split("(")[0]
    return re.sub(r"[^a-z]+", "-", publisher.lower()).strip("-")[:30]


ENTRIES = corpus_entries()
PARAMS = [pytest.param(e, id=f"{family(e)}:{e['file'].rsplit('.', 1)[0]}") for e in ENTRIES] or [
    pytest.param(None, id="corpus-missing")
]


@pytest.mark.parametrize("entry", PARAMS)
def test_corpus_file(entry):
    corpus = require_corpus()
    raw = (corpus / entry["file"]).read_bytes()
    parsed = parse_readout(raw, filename=entry["file"])
    text = _fold(raw.decode("utf-8", errors="replace"))
    result = compare(entry, parsed)

    assert parsed.language == entry["language"]
    assert result.starts_found == result.starts_total, result.details
    for person in entry["participants"]:
        if _fold(person["name"].split()[-1]) in text:
            assert any(same_person(p.name, person["name"]) for p in parsed.participants), person["name"]
    for participant in parsed.participants:
        assert any(same_person(participant.name, p["name"]) for p in entry["participants"]), participant.name
    if entry.get("meeting_date") and _date_determinable(entry.get("meeting_date_basis", "")):
        assert parsed.meeting_date and parsed.meeting_date.isoformat() == entry["meeting_date"]
    if result.location_ok is not None and city_of(entry["location"]) in text:
        assert city_of(parsed.location) == city_of(entry["location"])
    assert result.attribution_ok >= 0.75 * result.attribution_total, result.details


def test_overall_evaluation_meets_targets():
    corpus = require_corpus()
    report = evaluate(corpus)
    assert len(report.files) == len(ENTRIES)
    assert report.failures() == {}, format_report(report, details=True)
    assert set(TARGETS) <= set(report.overall())
