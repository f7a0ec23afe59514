"""Readouts into meetings: one imported readout at a time (``group_readout``), and the changes a person makes in
the admin (merge, split, move). The whole archive's regrouping is in readouts.meetings.regroup.

A readout is first fingerprinted (readouts.meetings.reprints): a reprint joins its original's meeting whatever
its own date says. Any other readout joins the meeting whose account most surely tells of the same encounter
(readouts.meetings.rules), or starts a meeting of its own. A readout in a meeting changed by hand stays there.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Prefetch

from readouts.counts_cache import forget_counts
from readouts.meetings import reprints, rules
from readouts.meetings.sides import set_publisher_country
from readouts.models import GROUPING_DAYS, Meeting, Participation, Readout, ReadoutFingerprint


def day_of(readout: Readout) -> datetime.date | None:
    """The day that dates the readout's meeting: the meeting's, else the publication's (a day after, at most)."""
    return readout.meeting_date or readout.published_date


def account_of(readout: Readout) -> rules.Account:
    """The rules' record of a readout whose participations (with their people) are prefetched."""
    people = tuple(
        rules.Person(participation.person_id, participation.person.name, participation.person.country_id)
        for participation in readout.participations.all()
    )
    return rules.Account(readout.pk, day_of(readout), readout.location, people, readout.meeting_id)


def paragraphs_text(readout: Readout) -> str:
    """What a reprint keeps of its original: the paragraphs, else the whole text (a readout not yet attributed)."""
    texts = list(readout.statements.order_by("position").values_list("text", flat=True))
    return "\n".join(texts) if texts else readout.raw_text


@transaction.atomic
def group_readout(readout: Readout) -> Meeting:
    """Fingerprint the stored readout, then put it into its meeting, which is returned (and set on ``readout``)."""
    stored = (
        Readout.objects.select_related("meeting")
        .prefetch_related(Prefetch("participations", queryset=Participation.objects.select_related("person")))
        .get(pk=readout.pk)
    )
    forget_counts()  # the pages' counts of meetings (readouts.counts_cache)
    set_publisher_country(stored)
    original = store_fingerprint(stored)
    if stored.meeting is not None and stored.meeting.edited:
        meeting = stored.meeting
    elif original is None:
        meeting = add_to_meeting(stored, find_meeting(stored))
    else:
        # A reprint goes where its original is (an original that has no meeting yet gets one).
        meeting = add_to_meeting(stored, original.meeting or add_to_meeting(original, None))
    readout.meeting = meeting
    return meeting


def store_fingerprint(readout: Readout) -> Readout | None:
    """Save the readout's fingerprint; the original it reprints, if it is a reprint of a stored readout."""
    found = reprints.fingerprint(paragraphs_text(readout))
    if found is None:
        ReadoutFingerprint.objects.filter(readout=readout).delete()
        return None
    best, best_similarity = None, 0.0
    for other, signature in find_possible_originals(readout, found):
        likeness = reprints.similarity(found.signature, signature)
        if likeness >= reprints.REPRINT_SIMILARITY and likeness > best_similarity:
            best, best_similarity = other, likeness
    with connection.cursor() as cursor:
        cursor.execute(
            STORE_FINGERPRINT,
            [readout.pk, list(found.bands), list(found.signature), best, best_similarity if best else None],
        )
    if best is None:
        return None
    return Readout.objects.select_related("meeting").get(pk=best)


# The originals (no reprints themselves) of the readouts dated within REPRINT_DAYS of the readout that share a
# band with it: the nearby readouts first, by the index of their days (some hundreds at 100,000 readouts), then
# their fingerprints by key. Searching the bands' index first would read every text written to one formula across
# the years (thousands, for the demo's phrasebooks) to keep the few of those days.
POSSIBLE_ORIGINALS = """
WITH nearby AS MATERIALIZED (
    SELECT id FROM readouts_readout
    WHERE coalesce(meeting_date, published_date) BETWEEN %(earliest)s AND %(latest)s AND id <> %(readout)s
)
SELECT f.readout_id, f.signature
FROM nearby JOIN readouts_readoutfingerprint AS f ON f.readout_id = nearby.id
WHERE f.bands && %(bands)s AND f.reprint_of_id IS NULL
"""
# A readout with no date is compared with every readout that shares a band (the bands' index alone).
POSSIBLE_ORIGINALS_UNDATED = """
SELECT readout_id, signature FROM readouts_readoutfingerprint
WHERE bands && %(bands)s AND readout_id <> %(readout)s AND reprint_of_id IS NULL
"""


def find_possible_originals(readout: Readout, found: reprints.Fingerprint) -> list[tuple[int, list[int]]]:
    """(readout id, signature) of the stored originals that the readout may reprint."""
    day = day_of(readout)
    parameters = {"readout": readout.pk, "bands": list(found.bands)}
    if day is not None:
        span = datetime.timedelta(days=reprints.REPRINT_DAYS)
        parameters |= {"earliest": day - span, "latest": day + span}
    with connection.cursor() as cursor:
        cursor.execute(POSSIBLE_ORIGINALS if day is not None else POSSIBLE_ORIGINALS_UNDATED, parameters)
        return cursor.fetchall()


# One statement whether the readout had a fingerprint or not.
STORE_FINGERPRINT = """
INSERT INTO readouts_readoutfingerprint (readout_id, bands, signature, reprint_of_id, similarity)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (readout_id) DO UPDATE
SET bands = excluded.bands, signature = excluded.signature, reprint_of_id = excluded.reprint_of_id,
    similarity = excluded.similarity
"""


# The accounts of their own (reprints left out) of the meetings whose dates come within the grouping window of a
# day, with their participants in order, other than the readout itself: one query, the meetings found by their
# dates' index first (a materialised list of some tens), then their readouts by the meeting index.
CANDIDATES = """
WITH nearby AS MATERIALIZED (
    SELECT id FROM readouts_meeting
    WHERE first_date BETWEEN %(earliest)s AND %(latest)s AND last_date >= %(ends_after)s
)
SELECT r.id, coalesce(r.meeting_date, r.published_date), r.location, r.meeting_id,
       array_agg(p.person_id ORDER BY p."order"), array_agg(person.name ORDER BY p."order"),
       array_agg(person.country_id ORDER BY p."order")
FROM nearby
JOIN readouts_readout AS r ON r.meeting_id = nearby.id
JOIN readouts_participation AS p ON p.readout_id = r.id
JOIN readouts_person AS person ON person.id = p.person_id
LEFT JOIN readouts_readoutfingerprint AS f ON f.readout_id = r.id
WHERE r.id <> %(readout)s AND f.reprint_of_id IS NULL
GROUP BY r.id
"""


def find_meeting(readout: Readout) -> Meeting | None:
    """The meeting whose accounts most surely tell of the readout's meeting, among those of nearby days; when
    none does, the readout's own meeting if it is its only account (kept rather than replaced by a new one)."""
    day = day_of(readout)
    if day is None or not readout.participations.all():
        return None
    earliest, latest, ends_after = Meeting.objects.window_around(day, day)
    with connection.cursor() as cursor:
        cursor.execute(
            CANDIDATES, {"earliest": earliest, "latest": latest, "ends_after": ends_after, "readout": readout.pk}
        )
        rows = cursor.fetchall()
    accounts = [
        rules.Account(
            pk,
            account_day,
            location,
            tuple(rules.Person(*person) for person in zip(person_ids, names, countries, strict=True)),
            meeting_id,
        )
        for pk, account_day, location, meeting_id, person_ids, names, countries in rows
    ]
    chosen = rules.best_meeting(account_of(readout), accounts, GROUPING_DAYS)
    own = readout.meeting
    alone = own is not None and not any(account.meeting_id == own.pk for account in accounts)
    if chosen is None and alone and own.first_date is not None and earliest <= own.first_date <= latest:
        chosen = own.pk
    if chosen is not None and chosen == readout.meeting_id:
        return own
    return Meeting.objects.filter(pk=chosen).first() if chosen else None


def add_to_meeting(readout: Readout, meeting: Meeting | None) -> Meeting:
    """Put the readout into the meeting (a new one if None), and recount what both meetings hold."""
    if meeting is None:
        meeting = Meeting.objects.create()
    previous = readout.meeting_id
    if previous != meeting.pk:
        Readout.objects.filter(pk=readout.pk).update(meeting=meeting)
        readout.meeting = meeting
    refresh_meetings([meeting.pk] + ([previous] if previous and previous != meeting.pk else []))
    meeting.refresh_from_db()
    return meeting


REFRESH = """
UPDATE readouts_meeting AS m
SET first_date = s.first_date, last_date = s.last_date, accounts = s.accounts, readout_count = s.readouts,
    sides_reporting = s.sides
FROM (
    SELECT r.meeting_id,
           -- The meeting dates the accounts give; the publication dates only when none gives one (a reprint
           -- published days later must not stretch the meeting).
           coalesce(min(r.meeting_date), min(r.published_date)) AS first_date,
           coalesce(max(r.meeting_date), min(r.published_date)) AS last_date,
           count(*) FILTER (WHERE f.reprint_of_id IS NULL) AS accounts,
           count(*) AS readouts,
           -- The sides that told of the meeting themselves: publishers' countries among the participants'.
           count(DISTINCT r.publisher_country_id)
               FILTER (WHERE f.reprint_of_id IS NULL AND r.publisher_country_id = ANY(r.country_ids)) AS sides
    FROM readouts_readout AS r LEFT JOIN readouts_readoutfingerprint AS f ON f.readout_id = r.id
    {readouts}
    GROUP BY r.meeting_id
) AS s
WHERE m.id = s.meeting_id {meetings}
"""
# A meeting left without readouts (all moved elsewhere, or deleted) is gone.
DELETE_EMPTY = """
DELETE FROM readouts_meeting AS m
WHERE NOT EXISTS (SELECT FROM readouts_readout AS r WHERE r.meeting_id = m.id) {meetings}
"""


def refresh_meetings(ids=None) -> None:
    """Recount the dates and accounts of the meetings (all of them when ``ids`` is None); drop empty ones."""
    # The selection of some meetings' readouts is written out rather than ORed with "all": an OR in the WHERE
    # clause kept PostgreSQL from reading the readouts by their meeting index.
    some = ids is not None
    readouts = "WHERE r.meeting_id = ANY(%(ids)s)" if some else ""
    meetings = "AND m.id = ANY(%(ids)s)" if some else ""
    parameters = {"ids": list(ids or [])}
    with connection.cursor() as cursor:
        cursor.execute(REFRESH.format(readouts=readouts, meetings=meetings), parameters)
        cursor.execute(DELETE_EMPTY.format(meetings=meetings), parameters)


@transaction.atomic
def merge_meetings(meetings) -> Meeting:
    """One meeting of all the given ones' readouts (the oldest meeting's), marked as changed by hand."""
    meetings = sorted(meetings, key=lambda meeting: meeting.pk)
    kept, others = meetings[0], [meeting.pk for meeting in meetings[1:]]
    Readout.objects.filter(meeting__in=others).update(meeting=kept)
    Meeting.objects.filter(pk__in=others).delete()
    Meeting.objects.filter(pk=kept.pk).update(edited=True)
    refresh_meetings([kept.pk])
    forget_counts()
    kept.refresh_from_db()
    return kept


@transaction.atomic
def move_readouts(readouts, meeting: Meeting | None = None) -> Meeting:
    """The readouts into the meeting, or together into a new one (a split); every meeting touched is marked as
    changed by hand, so that regrouping keeps what the person decided."""
    pks = [readout.pk for readout in readouts]
    previous = set(Readout.objects.filter(pk__in=pks).exclude(meeting=None).values_list("meeting_id", flat=True))
    if meeting is None:
        meeting = Meeting.objects.create(edited=True)
    Readout.objects.filter(pk__in=pks).update(meeting=meeting)
    # The moved readouts' reprints go with them.
    Readout.objects.filter(fingerprint__reprint_of__in=pks).update(meeting=meeting)
    Meeting.objects.filter(pk__in=previous | {meeting.pk}).update(edited=True)
    refresh_meetings(list(previous | {meeting.pk}))
    forget_counts()
    meeting.refresh_from_db()
    return meeting
