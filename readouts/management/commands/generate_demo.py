"""Add generated demo readouts: ``manage.py generate_demo --readouts N [--seed S] [--if-empty]``."""

from django.core.management.base import BaseCommand, CommandError

from readouts.demo import remove_demo, write_demo
from readouts.derived import refresh_derived
from readouts.models import Readout

PROGRESS_FROM = 2000  # readouts; smaller runs finish before a bar would tell anything


class Command(BaseCommand):
    help = (
        "Add N generated demo readouts (people, titles and places are real; the sentences are generated). "
        "The same archive, N and seed give the same readouts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--readouts", type=int, default=300, help="how many to add (default 300)")
        parser.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
        parser.add_argument("--if-empty", action="store_true", help="do nothing when the archive has readouts")
        parser.add_argument("--batch-size", type=int, default=5000, help="readouts per transaction (default 5000)")
        parser.add_argument(
            "--remove",
            action="store_true",
            help="delete every generated readout instead (and the people who appear in no other readout)",
        )

    def handle(self, *args, readouts, seed, if_empty, batch_size, remove, verbosity, **options):
        if remove:
            removed = remove_demo()
            refresh_derived()
            self.stdout.write(
                f"Removed {removed.readouts} generated demo readouts and {removed.people} people who appeared in "
                "no other readout."
            )
            return
        if readouts < 0 or batch_size < 1:
            raise CommandError("--readouts must be 0 or more and --batch-size 1 or more.")
        if if_empty and Readout.objects.exists():
            self.stdout.write("The archive already has readouts; no demo readouts added.")
            return
        progress = verbosity > 0 and readouts >= PROGRESS_FROM
        summary = write_demo(readouts, seed, batch_size=batch_size, progress=progress)
        refresh_derived(regroup_meetings=True)
        self.stdout.write(
            f"Added {summary.readouts} demo readouts with {summary.statements} statements and "
            f"{summary.participations} participations; {summary.people_created} new people "
            f"({summary.people} in all) in {summary.seconds:.1f} s."
        )
        if summary.skipped:
            self.stdout.write(f"Skipped {summary.skipped} generated texts already in the archive.")
