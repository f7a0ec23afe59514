"""Time and peak memory of the streamed exports and the archive round trip, each in a fresh process.

    DATABASE_URL=... .venv/bin/python bench/bench_exports.py [readouts.csv statements.csv readouts.json archive]

Prints figures; asserts nothing. Run against a database filled with `manage.py generate_demo --readouts 100000`.
"""

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["readouts.csv", "statements.csv", "readouts.json", "archive"]


def measure(target):
    """In this (child) process: stream one export to nowhere, then print seconds, bytes and peak memory."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.test import Client

    from readouts.archive_io import export_archive
    from readouts.models import Readout

    readouts = Readout.objects.count()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if target == "archive":

        class Counter:
            size = 0

            def write(self, text):
                self.size += len(text.encode())

        sink = Counter()
        export_archive(sink)
        size = sink.size
    else:
        response = Client().get(f"/export/{target}")
        assert response.streaming
        size = sum(len(part) for part in response.streaming_content)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"{target:<15} {readouts:>8,} readouts  {size / 2**20:8.1f} MiB  {seconds:6.1f} s  "
        f"peak RSS {peak / 1024:6.0f} MiB (+{(peak - baseline) / 1024:.0f} MiB while exporting)"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        measure(sys.argv[2])
    else:
        for target in sys.argv[1:] or TARGETS:
            subprocess.run([sys.executable, __file__, "--child", target], check=True)
