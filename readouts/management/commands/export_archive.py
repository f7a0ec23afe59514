"""Write the whole archive as JSON Lines (readouts/archive_io.py): `export_archive FILE`, or `-` for stdout."""

import io
import sys

from django.core.management.base import BaseCommand

from readouts.archive_io import export_archive


class Command(BaseCommand):
    help = "Write the whole archive to FILE (or - for standard output) as JSON Lines, for import_archive."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write; - for standard output")

    def handle(self, *args, file, **options):
        if file == "-":
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
            counts = export_archive(stream)
            stream.flush()
            stream.detach()
        else:
            with open(file, "w", encoding="utf-8", newline="\n") as stream:
                counts = export_archive(stream)
        summary = ", ".join(f"{number} {name}" for name, number in counts.items())
        self.stderr.write(f"Exported {summary}.")
