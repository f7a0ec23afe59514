"""Importing texts from files and folders: read, parse, store, and say what happened to each.

Each source is read and parsed on its own and stored in its own transaction (see ``ingest``), so a
bad file costs only itself: it is reported with its name and the reason, and nothing of it is saved.
"""

import json
import re
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
from readouts.parsing.metadata import parse_date_value
from readouts.parsing.types import ReadoutMetadata

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


def import_source(source: Source, *, dry_run=False, reparse=False, source_url="", metadata=None) -> ImportResult:
    try:
        raw_text = decode(source.read())
    except OSError as error:
        return ImportResult(source.label, FAILED, error=error.strerror or str(error))
    except ParseError as error:
        return ImportResult(source.label, FAILED, error=str(error))
    return import_text(
        source.label, raw_text, dry_run=dry_run, reparse=reparse, source_url=source_url, metadata=metadata
    )


def import_text(
    label: str, raw_text: str, *, dry_run=False, reparse=False, source_url="", metadata: ReadoutMetadata | None = None
) -> ImportResult:
    try:
        parsed = parse_readout(raw_text, filename=label, metadata=metadata)
    except ParseError as error:
        return ImportResult(label, FAILED, error=str(error))
    if dry_run:
        return ImportResult(label, PARSED, parsed=parsed)
    try:
        result = ingest(parsed, raw_text, source_url=source_url, reparse=reparse, metadata=metadata)
    except ValidationError as error:
        return ImportResult(label, FAILED, parsed=parsed, error="; ".join(error.messages))
    except DatabaseError as error:
        return ImportResult(label, FAILED, parsed=parsed, error=f"the database refused it: {error}".strip())
    return ImportResult(label, str(result.outcome), parsed=parsed, readout=result.readout)


def reparse_stored() -> Iterator[ImportResult]:
    """Re-derive every stored readout from its own text and what the importer was told of it."""
    stored = Readout.objects.order_by("pk").only("pk", "title", "raw_text", "import_metadata")
    for readout in stored.iterator(chunk_size=500):
        metadata = ReadoutMetadata.from_json(readout.import_metadata)
        yield import_text(f"readout {readout.pk} ({readout.title})", readout.raw_text, reparse=True, metadata=metadata)


# ---------------------------------------------------------------------------------------------------------------
# Metadata files: import_readouts --metadata FILE.jsonl

METADATA_KEYS = {"file", *ReadoutMetadata.FIELDS}


class MetadataFileError(ValueError):
    """A metadata file that cannot be used; the message names the file and the line."""


def read_metadata_file(path: str | Path) -> dict[str, ReadoutMetadata]:
    """One JSON object a line, ``{"file": name or path, "published_date", "source_url", "publisher", "language",
    "title", "author"}``, all but ``file`` optional; blank lines are skipped. Returns ReadoutMetadata by ``file``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as error:
        raise MetadataFileError(f"{path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise MetadataFileError(f"{path}: not UTF-8 text") from None
    table: dict[str, ReadoutMetadata] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            file, metadata = metadata_entry(line)
        except ValueError as error:
            raise MetadataFileError(f"{path}, line {number}: {error}") from None
        if file in table:
            raise MetadataFileError(f"{path}, line {number}: {file} is described twice")
        table[file] = metadata
    return table


def metadata_entry(line: str) -> tuple[str, ReadoutMetadata]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not a JSON object ({error.msg})") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    unknown = sorted(set(data) - METADATA_KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(METADATA_KEYS))})")
    file = data.get("file")
    if not isinstance(file, str) or not file.strip():
        raise ValueError('"file" (the name or path of the readout\'s file) is required')
    published = data.get("published_date")
    if published not in (None, ""):
        value = None
        if isinstance(published, str) and re.match(r"\d{4}-\d\d-\d\d(?:$|[T ])", published):
            value = parse_date_value(published)
        if value is None:
            raise ValueError(f"published_date {published!r} is not a date (YYYY-MM-DD)")
        data["published_date"] = value.isoformat()
    metadata = ReadoutMetadata.from_json({k: v for k, v in data.items() if k != "file" and v is not None})
    if metadata.source_url and not re.match(r"https?://\S{1,490}$", metadata.source_url):
        raise ValueError(f"source_url {metadata.source_url!r} is not an http(s) URL of up to 500 characters")
    if metadata.language and not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?", metadata.language):
        raise ValueError(f"language {metadata.language!r} is not a language code such as en, zh or pt-BR")
    if len(metadata.publisher) > 200 or len(metadata.title) > 300:
        raise ValueError("publisher (200) or title (300 characters) is too long")
    return file.strip(), metadata


def metadata_for(label: str, table: dict[str, ReadoutMetadata], base: Path) -> ReadoutMetadata | None:
    """The entry for the file ``label``: by its path as given, its path from the metadata file's folder, or,
    for an entry that gives a bare name, its file name."""
    if not table:
        return None
    path = Path(label)
    for key in (label, str(path.resolve())):
        if key in table:
            return table[key]
    for file, metadata in table.items():
        given = Path(file)
        if len(given.parts) > 1:
            if (base / given).resolve() == path.resolve() or given.resolve() == path.resolve():
                return metadata
        elif given.name == path.name:
            return metadata
    return None
