"""Group the whole archive into meetings again: ``manage.py group_meetings [--refingerprint]``.

Imports group each readout as it comes; this command redoes it for every readout (after a change to the
grouping rules, a restored archive, or a bulk load that skipped ingest, such as the demo generator). Meetings
changed by hand in the admin keep their readouts.
"""

import time

from django.core.management.base import BaseCommand

from readouts.meetings.regroup import regroup_archive, settle_tables


class Command(BaseCommand):
    help = "Group every readout into meetings again and recognise reprints (meetings changed by hand are kept)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--refingerprint", action="store_true", help="Fingerprint every readout's text again, not only new ones"
        )

    def handle(self, *args, refingerprint=False, **options):
        started = time.perf_counter()
        summary = regroup_archive(refingerprint=refingerprint)
        settle_tables()
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{summary.accounts} accounts and {summary.reprints} reprint(s) in {summary.meetings} meetings "
            f"({summary.kept} readouts kept in meetings changed by hand; {summary.fingerprinted} fingerprints) "
            f"in {seconds:.1f} s"
        )
