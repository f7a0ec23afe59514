"""Importing texts from files and folders: read, parse, store, and say what happened to each.

Each source is read and parsed on its own and stored in its own transaction (see ``ingest``), so a
bad file costs only itself: it is reported with its name and the reason, and nothing of it is saved.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import DatabaseError

from readouts.ingest import ingest
from readouts.models import Readout
from readouts.parsing import ParsedReadout, ParseError, parse_readout
from readouts.parsing.clean import decode

TEXT_SUFFIXES = {".txt", ".html", ".htm"}
STDIN = "-"
PARSED = "parsed"
FAILED = "failed"


@dataclass(frozen=True)
class Source:
    label: str
    read: Callable[[], bytes]


@dataclass(frozen=True)
class ImportResult:
    label: str
    outcome: str  # created, updated, unchanged, parsed (dry run) or failed
    parsed: ParsedReadout | None = None
    readout: Readout | None = None
    error: str = ""

    def summary(self) -> str:
        if self.parsed is None:
            return f"{self.outcome}: {self.error}"
        parsed = self.parsed
        when = parsed.meeting_date.isoformat() if parsed.meeting_date else "undated"
        people = ", ".join(participant.name for participant in parsed.participants) or "no participants found"
        notes = f"; {len(parsed.warnings)} warning(s)" if parsed.warnings else ""
        return f"{self.outcome}: {parsed.title} ({when}; {people}; {len(parsed.paragraphs)} paragraphs{notes})"


def sources_from(paths: Iterable[str], stdin: BinaryIO) -> list[Source]:
    """Files as given, folders as their text files (recursively, sorted), ``-`` as standard input."""
    sources = []
    for name in paths:
        if name == STDIN:
            sources.append(Source("<stdin>", stdin.read))
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
            sources.extend(Source(str(file), file.read_bytes) for file in files)
        elif path.exists():
            sources.append(Source(str(path), path.read_bytes))
        else:
            raise FileNotFoundError(name)
    return sources


def import_source(source: Source, *, dry_run=False, reparse=False, source_url="") -> ImportResult:
    try:
        raw_text = decode(source.read())
    except OSError as error:
        return ImportResult(source.label, FAILED, error=error.strerror or str(error))
    except ParseError as error:
        return ImportResult(source.label, FAILED, error=str(error))
    return import_text(source.label, raw_text, dry_run=dry_run, reparse=reparse, source_url=source_url)


def import_text(label: str, raw_text: str, *, dry_run=False, reparse=False, source_url="") -> ImportResult:
    try:
        parsed = parse_readout(raw_text, filename=label)
    except ParseError as error:
        return ImportResult(label, FAILED, error=str(error))
    if dry_run:
        return ImportResult(label, PARSED, parsed=parsed)
    try:
        result = ingest(parsed, raw_text, source_url=source_url, reparse=reparse)
    except ValidationError as error:
        return ImportResult(label, FAILED, parsed=parsed, error="; ".join(error.messages))
    except DatabaseError as error:
        return ImportResult(label, FAILED, parsed=parsed, error=f"the database refused it: {error}".strip())
    return ImportResult(label, str(result.outcome), parsed=parsed, readout=result.readout)


def reparse_stored() -> Iterator[ImportResult]:
    """Re-derive every stored readout from its own text."""
    for readout in Readout.objects.order_by("pk").only("pk", "title", "raw_text").iterator(chunk_size=500):
        yield import_text(f"readout {readout.pk} ({readout.title})", readout.raw_text, reparse=True)
