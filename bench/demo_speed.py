"""How fast the demo generator composes readouts, without the database: ``python bench/demo_speed.py [N] [SEED]``.

Writing is measured with the command itself on a scratch database, e.g.
``time python manage.py generate_demo --readouts 100000 --seed 1`` (it prints its own seconds).
"""

import os
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
django.setup()

from readouts.demo import generate_readouts, load_world  # noqa: E402 (needs django.setup())


def main(count: int = 20_000, seed: int = 1) -> None:
    load_world()
    started = time.perf_counter()
    paragraphs = characters = 0
    for readout in generate_readouts(count, seed=seed):
        paragraphs += len(readout.paragraphs)
        characters += len(readout.raw_text)
    seconds = time.perf_counter() - started
    print(f"{count} readouts in {seconds:.1f} s: {count / seconds:,.0f} readouts/s")
    print(f"{paragraphs / count:.2f} paragraphs and {characters / count:,.0f} characters of raw text per readout")


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:3]))
