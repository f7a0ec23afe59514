"""The invented accounts of tests/fixtures/meetings/accounts.json, imported through ingest() as a parser's result."""

import datetime
import json
from pathlib import Path

from readouts.ingest import ingest
from readouts.parsing import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout

ACCOUNTS = json.loads((Path(__file__).parents[1] / "fixtures" / "meetings" / "accounts.json").read_text("utf-8"))


def parsed_account(name: str) -> ParsedReadout:
    account = ACCOUNTS[name]

    def day(value):
        return datetime.date.fromisoformat(value) if value else None

    return ParsedReadout(
        title=account["title"],
        published_date=day(account["published_date"]),
        meeting_date=day(account["meeting_date"]),
        location=account["location"] or None,
        publisher=account["publisher"],
        language=account["language"],
        participants=[ParsedParticipant(*participant) for participant in account["participants"]],
        paragraphs=[ParsedParagraph(text, speaker, Kind(kind)) for text, speaker, kind in account["paragraphs"]],
    )


def import_account(name: str):
    """The account stored as an import stores it (grouped into its meeting on the way); the Readout."""
    parsed = parsed_account(name)
    raw_text = "\n\n".join([parsed.title] + [paragraph.text for paragraph in parsed.paragraphs])
    return ingest(parsed, raw_text).readout
