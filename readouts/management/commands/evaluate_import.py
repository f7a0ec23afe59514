"""manage.py evaluate_import DIR...: parse hand-checked corpora (DIR/index.json) and print the accuracy tables."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from readouts.parsing.evaluate import DETAIL_PREFIXES, HALVES, evaluate, format_attribution_misses, format_report


class Command(BaseCommand):
    help = (
        "Parse every readout listed in each DIR/index.json, compare the result with its ground truth and print "
        "each measure per file, overall, per language (against that language's targets) and per publisher."
    )

    def add_arguments(self, parser):
        parser.add_argument("directories", nargs="+", metavar="DIR", help="corpus folder holding index.json")
        parser.add_argument(
            "--details",
            nargs="?",
            const=True,
            default=False,
            choices=list(DETAIL_PREFIXES),
            metavar="MEASURE",
            help="list every mismatch under its file, or only one measure's: " + ", ".join(DETAIL_PREFIXES),
        )
        parser.add_argument(
            "--attribution-misses",
            action="store_true",
            help="after the tables, list every wrongly attributed paragraph with its opening words, per file",
        )
        parser.add_argument(
            "--half",
            choices=HALVES,
            help="only one half of each corpus (files sorted by name: even positions develop, odd holdout)",
        )
        parser.add_argument(
            "--fail-below-target",
            action="store_true",
            help="exit with an error when a language misses one of its targets",
        )

    def handle(self, *args, **options):
        directories = [Path(d) for d in options["directories"]]
        for directory in directories:
            if not (directory / "index.json").is_file():
                raise CommandError(f"{directory} has no index.json")
        report = evaluate(*directories, half=options["half"])
        self.stdout.write(format_report(report, details=options["details"]))
        if options["attribution_misses"]:
            self.stdout.write("\nWrong attributions:\n" + format_attribution_misses(report))
        failures = report.failures()
        if failures and options["fail_below_target"]:
            listed = ", ".join(f"{name} {value:.1%} < {target:.0%}" for name, (value, target) in failures.items())
            raise CommandError(f"below target: {listed}")
