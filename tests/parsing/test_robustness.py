"""Arbitrary input never hangs and never raises anything but ParseError."""

import time
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readouts.parsing import ParsedReadout, ParseError, parse_readout

SETTINGS = settings(max_examples=150, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
# Text that looks a little like a readout, so the deeper steps run, not only the early refusals.
READOUT_WORDS = st.sampled_from(
    [
        "BEIJING,",
        "May",
        "20",
        "(Xinhua)",
        "--",
        "President",
        "Wang",
        "Yi",
        "met",
        "with",
        "said",
        "the",
        "two",
        "sides",
        "They",
        "he",
        "\n",
        "\n\n",
        ".",
        ",",
        '"',
        "“",
        "”",
        "Chinese",
        "Kazakh",
        "on",
        "Monday",
        "in",
        "Astana",
        "■",
        "<p>",
        "</p>",
        "---",
        "date",
        "2024-05-20",
        "â€™",
        "Le",
        "président",
        "a",
        "indiqué",
        "Путин",
        "отметил",
    ]
)


def _parse_or_refuse(raw):
    try:
        result = parse_readout(raw)
    except ParseError as error:
        assert str(error)
        return None
    assert isinstance(result, ParsedReadout)
    assert result.title and result.paragraphs
    return result


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    _parse_or_refuse(text)


@SETTINGS
@given(st.lists(READOUT_WORDS, max_size=400).map(" ".join))
def test_readout_like_text(text):
    _parse_or_refuse(text)


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes(raw):
    _parse_or_refuse(raw)


def _timed(raw):
    start = time.perf_counter()
    _parse_or_refuse(raw)
    return time.perf_counter() - start


def test_ten_megabyte_single_line_is_fast():
    line = "President Wang Yi met with Kazakh President Tokayev, and the two sides said, " * 130_000
    assert len(line) > 10_000_000
    assert _timed(line) < 15


def test_work_grows_linearly_with_many_paragraphs():
    paragraph = "Wang said China is ready to work with Kazakhstan on trade.\n"
    small = _timed(paragraph * 17_000)  # ~1 MB
    large = _timed(paragraph * 170_000)  # ~10 MB
    assert large < 25 * small + 2, (small, large)


def test_pathological_characters_in_bulk():
    for raw in ("(" * 2_000_000, "- " * 1_000_000, "A, " * 700_000, "“" * 1_000_000, "\n" * 2_000_000):
        assert _timed(raw) < 10
