"""Fill an empty archive from an export_archive file (readouts/archive_io.py): `import_archive FILE`, or `-`."""

import io
import sys

from django.core.management.base import BaseCommand, CommandError

from readouts.archive_io import ArchiveFileError, import_archive
from readouts.derived import refresh_derived


class Command(BaseCommand):
    help = (
        "Fill an empty archive from FILE (or - for standard input), written by export_archive. "
        "All or nothing: a bad line stops the import, names the line, and nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="what to read; - for standard input")

    def handle(self, *args, file, **options):
        try:
            if file == "-":
                counts = import_archive(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"))
            else:
                with open(file, encoding="utf-8") as stream:
                    counts = import_archive(stream)
        except (ArchiveFileError, OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Nothing was imported. {error}") from None
        # The file holds what was entered and imported; the meetings, suggestions and pair counts are derived.
        refresh_derived(regroup_meetings=True)
        summary = ", ".join(f"{number} {name}" for name, number in counts.items())
        self.stdout.write(f"Imported {summary}.")
