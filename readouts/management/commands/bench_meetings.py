"""Benchmark meetings: ``manage.py bench_meetings`` on an archive built with ``generate_demo`` (100,000 readouts
for the issue's targets). It prints, and asserts nothing:

- re-grouping the whole archive (``regroup_archive``, as ``group_meetings`` runs it), once, in seconds;
- grouping and reprint detection per imported readout (``group_readout``, as ingest calls it) for a sample of
  stored readouts, each in a transaction rolled back, p50 and p95 in ms;
- the meeting page (the real view through the test client) for a sample of meetings, the largest first, p50 and
  p95 in ms, with its query count;
and one closing JSON line with the figures and their targets.
"""

import json
import random
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from readouts.meetings.grouping import group_readout
from readouts.meetings.regroup import regroup_archive, settle_tables
from readouts.models import Meeting, Readout

TARGETS = {"regroup_s": 600, "group_ms_p95": 20, "page_ms_p95": 100}


class Rollback(Exception):
    pass


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Time regrouping the archive, grouping one readout, and the meeting page (prints figures)."

    def add_arguments(self, parser):
        parser.add_argument("--samples", type=int, default=200, help="Readouts grouped and pages fetched")
        parser.add_argument("--skip-regroup", action="store_true", help="Keep the meetings as they are")

    def handle(self, *args, samples, skip_regroup, **options):
        readouts = Readout.objects.count()
        if not readouts:
            raise CommandError("The archive is empty: build one with manage.py generate_demo --readouts 100000")
        meetings = Meeting.objects.count()
        self.stdout.write(f"{readouts} readouts")
        figures = {"readouts": readouts, "meetings_before": meetings}
        if not skip_regroup:
            started = time.perf_counter()
            summary = regroup_archive()
            settle_tables()  # as group_meetings does
            figures["regroup_s"] = round(time.perf_counter() - started, 1)
            figures["reprints"] = summary.reprints
            figures["meetings"] = summary.meetings
            self.stdout.write(
                f"regroup: {figures['regroup_s']} s ({summary.accounts} accounts, {summary.reprints} reprints, "
                f"{summary.meetings} meetings)"
            )
        figures["meetings_both_sides"] = Meeting.objects.reported_by(Meeting.Sides.BOTH).count()
        if skip_regroup:
            settle_tables()  # statistics as a regrouping leaves them

        rng = random.Random(15)
        ids = list(Readout.objects.values_list("pk", flat=True))
        timings = []
        # Once untimed: the first call reads the country gazetteer that names publishers' countries.
        for pk in [ids[0], *rng.sample(ids, min(samples, len(ids)))]:
            readout = Readout.objects.get(pk=pk)
            started = time.perf_counter()
            try:
                with transaction.atomic():
                    group_readout(readout)
                    timings.append((time.perf_counter() - started) * 1000)
                    raise Rollback
            except Rollback:
                pass
        timings = timings[1:]
        figures["group_ms_p50"] = round(statistics.median(timings), 1)
        figures["group_ms_p95"] = round(percentile(timings, 0.95), 1)
        self.stdout.write(f"group one readout: p50 {figures['group_ms_p50']} ms, p95 {figures['group_ms_p95']} ms")

        largest = list(Meeting.objects.order_by("-readout_count", "pk").values_list("pk", flat=True)[: samples // 2])
        meeting_ids = list(Meeting.objects.values_list("pk", flat=True))
        sample = largest + rng.sample(meeting_ids, min(samples - len(largest), len(meeting_ids)))
        client, timings, queries = Client(), [], 0
        with override_settings(ALLOWED_HOSTS=["testserver", "localhost"], DEBUG=False):
            client.get(f"/meetings/{sample[0]}/")  # templates compiled, country names read
            for pk in sample:
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(f"/meetings/{pk}/")
                    timings.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise CommandError(f"/meetings/{pk}/ answered {response.status_code}")
                queries = max(queries, len(captured.captured_queries))
        figures["page_ms_p50"] = round(statistics.median(timings), 1)
        figures["page_ms_p95"] = round(percentile(timings, 0.95), 1)
        figures["page_queries_max"] = queries
        largest_size = Meeting.objects.filter(pk__in=largest[:1]).values_list("readout_count", flat=True).first()
        self.stdout.write(
            f"meeting page: p50 {figures['page_ms_p50']} ms, p95 {figures['page_ms_p95']} ms, at most {queries} "
            f"queries (largest meeting: {largest_size} readouts)"
        )
        self.stdout.write(json.dumps({"figures": figures, "targets": TARGETS}))
