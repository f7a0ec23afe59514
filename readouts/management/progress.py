"""The commands' progress bar: drawn (tqdm, on standard error) only when someone watches a terminal, so that
cron mail, pipes and logs get the plain summary lines alone."""

import sys

from tqdm import tqdm


def watching_a_terminal(command) -> bool:
    return command.stdout.isatty() and sys.stderr.isatty()


def progress_bar(command, *, total=None, unit="page", show=True) -> tqdm:
    """A tqdm bar for ``command`` (a BaseCommand), disabled off a terminal or when ``show`` is false."""
    shown = show and watching_a_terminal(command)
    return tqdm(total=total, unit=unit, disable=not shown, file=sys.stderr, dynamic_ncols=True)
