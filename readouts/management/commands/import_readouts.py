"""Import raw readout texts: ``manage.py import_readouts PATH...`` (files, folders, ``-`` for stdin, or web
addresses, whose pages are fetched)."""

import json
import sys
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from readouts.derived import refresh_derived
from readouts.importing import (
    FAILED,
    MetadataFileError,
    import_source,
    metadata_for,
    read_metadata_file,
    reparse_stored,
    sources_from,
)
from readouts.importing import Source as ImportSource
from readouts.management.progress import progress_bar
from readouts.sources.fetching import Fetcher
from readouts.sources.pages import import_addresses, import_saved_page, is_saved_page

HELP_EPILOG = """
With --dry-run --json, each file gives one JSON object on its own line: {"file", "title", "published_date",
"meeting_date", "location", "publisher", "language", "participants": [{"name", "title", "country"}],
"paragraphs": [{"text", "speaker", "kind", "speaker_guessed"}], "warnings": [...], "meeting_end_date",
"meeting_date_basis", "meeting_month", "meeting_day", "source_url", "location_guessed"}, or {"file", "error"} when
it cannot be read.
--metadata FILE.jsonl: one JSON object a line, {"file": name or path, "published_date", "source_url",
"publisher", "language", "title", "author"} (all but "file" optional), applied to that file.
"""


class Command(BaseCommand):
    help = "Import raw readout texts from files, folders (their .txt, .html and .htm files) or standard input (-)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = HELP_EPILOG
        return parser

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files, folders, - for standard input, or web addresses")
        parser.add_argument("--dry-run", action="store_true", help="parse and report; save nothing")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="with --dry-run: one JSON object per file"
        )
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="re-derive stored readouts from their text (all of them when no path is given); "
            "parts corrected in the admin are kept",
        )
        parser.add_argument("--source-url", default="", help="the source URL to record (for a single text)")
        parser.add_argument(
            "--metadata",
            metavar="FILE.jsonl",
            help="what is known of each file besides its text: one JSON object a line (see below)",
        )

    def handle(self, *args, paths, dry_run, as_json, reparse, source_url, metadata, **options):
        if as_json and not dry_run:
            raise CommandError("--json goes with --dry-run")
        if not paths and not reparse:
            raise CommandError("Give one or more files or folders, or - for standard input.")
        addresses = [path for path in paths if is_web_address(path)]
        paths = [path for path in paths if not is_web_address(path)]
        if addresses:
            return self.import_addresses(addresses, dry_run=dry_run, verbosity=options["verbosity"])
        try:
            sources = sources_from(paths, stdin=sys.stdin.buffer)
        except FileNotFoundError as missing:
            raise CommandError(f"{missing}: no such file or folder") from None
        try:
            # Read whole before anything is imported: a bad line stops the import with nothing saved.
            described = read_metadata_file(metadata) if metadata else {}
        except MetadataFileError as error:
            raise CommandError(str(error)) from None
        if described and not paths:
            raise CommandError("--metadata goes with the files it describes")
        base = Path(metadata).parent if metadata else Path()
        given = {source.label: metadata_for(source.label, described, base) for source in sources}
        used = {id(value) for value in given.values() if value is not None}
        for file, value in described.items():
            if id(value) not in used:
                self.stderr.write(f"{metadata}: no file to import is {file}")

        outcomes = Counter()
        if not paths:
            results = reparse_stored()
        else:
            results = (
                import_file(
                    source, dry_run=dry_run, reparse=reparse, source_url=source_url, metadata=given[source.label]
                )
                for source in sources
            )
        shown = len(sources) > 1 and not as_json
        with progress_bar(self, total=len(sources) or None, unit="file", show=shown) as progress:
            for result in results:
                progress.update()
                outcomes[result.outcome] += 1
                if as_json:
                    self.stdout.write(json_line(result))
                elif result.outcome == FAILED:
                    with tqdm.external_write_mode():  # keeps the line clear of the progress bar
                        self.stderr.write(f"{result.label}: {result.error}")
                elif dry_run or options["verbosity"] > 1:
                    with tqdm.external_write_mode():
                        self.stdout.write(f"{result.label}: {result.summary()}")

        if outcomes["created"] or outcomes["updated"]:
            refresh_derived()
        if not as_json:
            self.stdout.write(summary_line(outcomes, dry_run))
        if outcomes[FAILED]:
            raise CommandError(f"{outcomes[FAILED]} of {sum(outcomes.values())} failed")

    def import_addresses(self, addresses, *, dry_run, verbosity):
        """Web pages: fetched at the same time across hosts (one after another on each), each imported,
        revised or marked removed (readouts.sources)."""
        outcomes = Counter()
        with Fetcher() as fetcher, progress_bar(self, total=len(addresses), show=len(addresses) > 1) as progress:
            for result in import_addresses(addresses, fetcher, dry_run=dry_run):
                progress.update()
                outcomes[result.outcome] += 1
                if result.outcome == FAILED:
                    with tqdm.external_write_mode():
                        self.stderr.write(f"{result.label}: {result.error}")
                elif dry_run or verbosity > 1:
                    with tqdm.external_write_mode():
                        self.stdout.write(f"{result.label}: {result.summary()}")
        if outcomes["created"] or outcomes["revised"]:
            refresh_derived()
        self.stdout.write(summary_line(outcomes, dry_run))
        if outcomes[FAILED]:
            raise CommandError(f"{outcomes[FAILED]} of {sum(outcomes.values())} failed")


def import_file(source, *, dry_run, reparse, source_url, metadata=None):
    """A saved web page through the page extractor (readouts.sources), any other file as text."""
    try:
        data = source.read()
    except OSError:
        return import_source(source, dry_run=dry_run, reparse=reparse, source_url=source_url, metadata=metadata)
    if is_saved_page(source.label, data):
        return import_saved_page(source.label, data, dry_run=dry_run)
    text = ImportSource(source.label, lambda: data)
    return import_source(text, dry_run=dry_run, reparse=reparse, source_url=source_url, metadata=metadata)


def is_web_address(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def json_line(result) -> str:
    if result.parsed is None:
        return json.dumps({"file": result.label, "error": result.error}, ensure_ascii=False)
    return json.dumps(result.parsed.to_json(file=result.label), ensure_ascii=False)


def summary_line(outcomes: Counter, dry_run: bool) -> str:
    if dry_run:
        return (
            f"Parsed {sum(outcomes.values())}: {outcomes['parsed']} parsed, {outcomes[FAILED]} failed (nothing saved)."
        )
    names = ["created", "updated", "unchanged", FAILED]
    names[2:2] = [name for name in ("revised", "removed") if outcomes[name]]  # web pages only
    parts = ", ".join(f"{outcomes[name]} {name}" for name in names)
    return f"Imported {sum(outcomes.values())}: {parts}."
