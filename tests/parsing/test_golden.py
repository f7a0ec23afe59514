"""Golden tests on readouts written for this project (tests/fixtures/readouts), always run."""

import pytest
from conftest import FIXTURES, expected_fixtures

from readouts.parsing import Kind, parse_readout

EXPECTED = expected_fixtures()


def test_every_fixture_has_expectations():
    files = {p.name for p in FIXTURES.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture(name):
    expected = EXPECTED[name]
    parsed = parse_readout((FIXTURES / name).read_bytes(), filename=name)
    data = parsed.to_json(name)
    for key in ("title", "published_date", "meeting_date", "location", "publisher", "language"):
        assert data[key] == expected[key], key
    assert [{"name": p.name, "country": p.country} for p in parsed.participants] == expected["participants"]
    starts = [" ".join(p.text.split()[:6]) for p in parsed.paragraphs]
    assert starts == expected["paragraph_starts"]
    got = [
        p.speaker if p.kind is Kind.STATEMENT else ("joint" if p.kind is Kind.JOINT else None)
        for p in parsed.paragraphs
    ]
    assert got == expected["attribution"]
    assert "�" not in parsed.text and "â€" not in parsed.text  # mojibake repaired
