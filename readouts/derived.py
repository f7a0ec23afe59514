"""Data derived from the readouts that no trigger keeps: the search suggestions' vocabulary (SearchTerm), the pair
counts of the country and person pages (CountryPair, PersonPair) and, after a bulk load, the meetings. Every writer
that adds or removes readouts in bulk (imports, the demo generator, a restored archive) calls ``refresh_derived``;
a readout saved on its own (ingest, the admin) is grouped into its meeting as it is stored."""

from readouts.counts_cache import forget_counts
from readouts.filters import forget_language_options
from readouts.meetings.regroup import regroup_archive, settle_tables
from readouts.models import SearchTerm, refresh_meeting_counts


def refresh_derived(*, regroup_meetings: bool = False) -> None:
    """Refresh the derived tables; with ``regroup_meetings``, group the whole archive into meetings first (a
    restored archive carries no meetings: they are derived)."""
    if regroup_meetings:
        regroup_archive()
        settle_tables()
    SearchTerm.refresh()
    refresh_meeting_counts()
    forget_language_options()  # a bulk load may bring a language the filter menu does not offer yet
    forget_counts()
