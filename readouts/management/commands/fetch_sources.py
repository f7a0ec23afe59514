"""Look at the publishers' sources that are due: ``manage.py fetch_sources`` (for cron), with a summary of new,
revised, unchanged and failed pages per source."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from tqdm import tqdm

from readouts.management.progress import progress_bar
from readouts.models import SearchTerm, Source, refresh_meeting_counts
from readouts.sources.fetching import Fetcher
from readouts.sources.watching import check_sources


class Command(BaseCommand):
    help = "Fetch the active sources (feeds, sitemaps, listing pages) that are due, and every page they list."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", help="only these sources (by name); due or not")
        parser.add_argument("--all", action="store_true", help="every active source, due or not")
        parser.add_argument(
            "--delay", type=float, default=1.0, help="seconds between two requests to one host (default 1)"
        )

    def handle(self, *args, names, all, delay, **options):
        sources = Source.objects.filter(name__in=names) if names else Source.objects.filter(active=True)
        if not names and not all:
            sources = sources.due(timezone.now())
        sources = list(sources.order_by("name"))
        if names and len(sources) < len(set(names)):
            missing = sorted(set(names) - {source.name for source in sources})
            raise CommandError(f"no such source: {', '.join(missing)}")
        with Fetcher(delay=delay) as fetcher, progress_bar(self, show=options["verbosity"] > 0) as progress:
            progress.set_description(f"{len(sources)} source{'s' if len(sources) != 1 else ''}")

            def listed(total):
                progress.total = total
                progress.refresh()

            summaries = check_sources(sources, fetcher, on_listed=listed, on_page=progress.update)
        for summary in summaries:
            with tqdm.external_write_mode():
                self.stdout.write(summary.line())
        changed = any(summary.counts["created"] or summary.counts["revised"] for summary in summaries)
        failed = sum(bool(summary.error) for summary in summaries)
        if changed:
            SearchTerm.refresh()
            refresh_meeting_counts()
        if not sources:
            self.stdout.write("No source is due.")
        if failed:
            raise CommandError(f"{failed} of {len(sources)} sources failed")
