"""manage.py bench_parser: its generated text of 1 MB parses without error (the time is printed, never asserted)."""

import json
from io import StringIO

from django.core.management import call_command

from readouts.management.commands.bench_parser import build_text
from readouts.parsing import parse_readout


def test_a_one_megabyte_generated_text_parses_into_its_paragraphs():
    text = build_text(1_000_000)
    assert len(text) >= 1_000_000
    parsed = parse_readout(text.encode("utf-8"))
    assert parsed.language == "en"
    assert len(parsed.paragraphs) > 1_000
    assert parsed.participants


def test_the_command_prints_its_figures_as_a_closing_json_line():
    out = StringIO()
    call_command("bench_parser", megabytes=0.05, runs=1, stdout=out)
    figures = json.loads(out.getvalue().strip().splitlines()[-1])
    assert figures["bytes"] >= 50_000
    assert figures["target_s"] == 1.0
    assert figures["parse_s"] > 0
