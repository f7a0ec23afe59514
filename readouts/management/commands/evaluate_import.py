"""manage.py evaluate_import DIR: parse a hand-checked corpus (DIR/index.json) and print the accuracy table."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from readouts.parsing.evaluate import evaluate, format_report


class Command(BaseCommand):
    help = "Parse every readout listed in DIR/index.json and compare the result with its ground truth."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="corpus folder holding index.json and the readout files")
        parser.add_argument("--details", action="store_true", help="list every mismatch under its file")
        parser.add_argument(
            "--fail-below-target",
            action="store_true",
            help="exit with an error when an overall figure misses its target",
        )

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        if not (directory / "index.json").is_file():
            raise CommandError(f"{directory} has no index.json")
        report = evaluate(directory)
        self.stdout.write(format_report(report, details=options["details"]))
        failures = report.failures()
        if failures and options["fail_below_target"]:
            listed = ", ".join(f"{name} {value:.1%} < {target:.0%}" for name, (value, target) in failures.items())
            raise CommandError(f"below target: {listed}")
