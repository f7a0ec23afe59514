"""The whole archive into meetings again (``manage.py group_meetings``), in one transaction and a few passes.

0. Each readout's publisher country from its publisher's name (readouts.meetings.sides), which says which
   side's account it is.
1. Readouts without a fingerprint get one (all of them with ``refingerprint``).
2. Reprints: PostgreSQL pairs the readouts that share a band of their signatures and are dated within
   REPRINT_DAYS (one hash join over the unnested bands); in order of publication, each readout alike enough to
   an earlier original is that one's reprint (see assign_reprints).
3. Meetings: the accounts of their own are swept in date order, each compared (readouts.meetings.rules) with
   the accounts of the days just before it, and put into the best one's meeting or a new one; reprints follow
   their originals. Readouts of meetings changed by hand stay where they are, and new accounts may join them.
Each pass reads the archive once, in memory as plain tuples (at 100,000 readouts, some hundred megabytes),
and writes with a few set-based statements instead of a query per readout.
"""

import collections
import datetime
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Exists, OuterRef

from readouts.meetings import reprints, rules
from readouts.meetings.grouping import refresh_meetings
from readouts.meetings.sides import fill_publisher_countries
from readouts.models import GROUPING_DAYS, Meeting, Participation, Readout, ReadoutFingerprint, Statement

BATCH = 5000


@dataclass(frozen=True)
class RegroupSummary:
    fingerprinted: int
    reprints: int
    meetings: int
    accounts: int
    kept: int  # readouts left in meetings changed by hand


@transaction.atomic
def regroup_archive(*, refingerprint: bool = False) -> RegroupSummary:
    if refingerprint:
        ReadoutFingerprint.objects.all().delete()
    fill_publisher_countries()
    fingerprinted = fingerprint_missing()
    originals = assign_reprints()
    return sweep_meetings(originals, fingerprinted)


# Regrouping rewrites a row of nearly every readout, meeting and fingerprint. The dead rows and stale statistics
# it leaves made grouping the next imported readout slower (p95 25 ms against 15 ms at 100,000 readouts) until
# autovacuum came by.
SETTLED_TABLES = ("readouts_readout", "readouts_meeting", "readouts_readoutfingerprint")


def settle_tables() -> None:
    """VACUUM (ANALYZE) the tables a regrouping rewrote; inside a transaction (tests), where VACUUM cannot run,
    ANALYZE them only."""
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{statement} {', '.join(SETTLED_TABLES)}")


def fingerprint_missing() -> int:
    """Fingerprint every readout that has none yet; their number."""
    missing = Readout.objects.filter(~Exists(ReadoutFingerprint.objects.filter(readout=OuterRef("pk"))))
    pending = set(missing.values_list("pk", flat=True))
    if not pending:
        return 0
    rows, texts = [], collections.defaultdict(list)
    paragraphs = (
        Statement.objects.filter(readout__in=missing)
        .order_by("readout_id", "position")
        .values_list("readout_id", "text")
        .iterator(chunk_size=BATCH)
    )
    current = None
    for readout_id, text in paragraphs:
        if current is not None and readout_id != current:
            rows.extend(fingerprint_rows(current, "\n".join(texts.pop(current))))
            pending.discard(current)
        current = readout_id
        texts[readout_id].append(text)
        if len(rows) >= BATCH:
            ReadoutFingerprint.objects.bulk_create(rows)
            rows = []
    if current is not None:
        rows.extend(fingerprint_rows(current, "\n".join(texts.pop(current))))
        pending.discard(current)
    # Readouts without paragraphs yet are compared by their whole text.
    for readout_id, raw_text in Readout.objects.filter(pk__in=pending).values_list("pk", "raw_text").iterator():
        rows.extend(fingerprint_rows(readout_id, raw_text))
    ReadoutFingerprint.objects.bulk_create(rows, batch_size=BATCH)
    return ReadoutFingerprint.objects.count()


def fingerprint_rows(readout_id: int, text: str):
    found = reprints.fingerprint(text)
    if found is not None:
        yield ReadoutFingerprint(readout_id=readout_id, bands=list(found.bands), signature=list(found.signature))


# Pairs of readouts that share a band and whose days (the meeting's, else the publication's) are at most
# REPRINT_DAYS apart (or unknown), with each one's day and publication date.
CANDIDATE_PAIRS = """
WITH bands AS (SELECT readout_id, unnest(bands) AS band FROM readouts_readoutfingerprint),
pairs AS (
    SELECT DISTINCT a.readout_id AS first, b.readout_id AS second
    FROM bands AS a JOIN bands AS b ON a.band = b.band AND a.readout_id < b.readout_id
)
SELECT pairs.first, pairs.second
FROM pairs
JOIN readouts_readout AS x ON x.id = pairs.first
JOIN readouts_readout AS y ON y.id = pairs.second
WHERE coalesce(x.meeting_date, x.published_date) IS NULL OR coalesce(y.meeting_date, y.published_date) IS NULL
   OR abs(coalesce(x.meeting_date, x.published_date) - coalesce(y.meeting_date, y.published_date)) <= %s
"""


def assign_reprints() -> dict[int, int]:
    """Point every reprint to its original; {reprint id: original id}.

    The readouts alike enough are taken in the order of publication: each one's original is the likest of the
    originals published before it (within REPRINT_DAYS, as for one imported readout), or none, which makes it an
    original. A copy of a copy thus points to the first text; two texts of one formula weeks apart stay apart,
    where joining every alike pair would chain them across the years."""
    with connection.cursor() as cursor:
        cursor.execute(CANDIDATE_PAIRS, [reprints.REPRINT_DAYS])
        pairs = cursor.fetchall()
    involved = {pk for pair in pairs for pk in pair}
    signatures = dict(
        ReadoutFingerprint.objects.filter(readout__in=involved).values_list("readout_id", "signature").iterator()
    )
    alike = collections.defaultdict(dict)
    for first, second in pairs:
        score = reprints.similarity(signatures[first], signatures[second])
        if score >= reprints.REPRINT_SIMILARITY:
            alike[first][second] = alike[second][first] = score
    published = dict(
        Readout.objects.filter(pk__in=alike).values_list("pk", "published_date").iterator(chunk_size=BATCH)
    )
    order = sorted(alike, key=lambda pk: (published[pk] or datetime.date.max, pk))
    rank = {pk: index for index, pk in enumerate(order)}
    originals, likeness = {}, {}
    for pk in order:
        earlier = [(score, other) for other, score in alike[pk].items() if rank[other] < rank[pk]]
        earlier = [(score, other) for score, other in earlier if other not in originals]
        if earlier:
            score, original = max(earlier, key=lambda pair: (pair[0], -rank[pair[1]]))
            originals[pk], likeness[pk] = original, score
    ReadoutFingerprint.objects.exclude(reprint_of=None).update(reprint_of=None, similarity=None)
    reprint_ids = list(originals)
    with connection.cursor() as cursor:
        for start in range(0, len(reprint_ids), BATCH):
            chunk = reprint_ids[start : start + BATCH]
            cursor.execute(
                """UPDATE readouts_readoutfingerprint AS f SET reprint_of_id = v.original, similarity = v.likeness
                FROM unnest(%s::bigint[], %s::bigint[], %s::float8[]) AS v(reprint, original, likeness)
                WHERE f.readout_id = v.reprint""",
                [chunk, [originals[pk] for pk in chunk], [likeness[pk] for pk in chunk]],
            )
    return originals


def sweep_meetings(originals: dict[int, int], fingerprinted: int) -> RegroupSummary:
    kept_meeting = dict(
        Readout.objects.filter(meeting__edited=True).values_list("pk", "meeting_id").iterator(chunk_size=BATCH)
    )
    people = {}
    participants = collections.defaultdict(list)
    for readout_id, person_id, name, country_id in (
        Participation.objects.order_by("readout_id", "order")
        .values_list("readout_id", "person_id", "person__name", "person__country_id")
        .iterator(chunk_size=BATCH)
    ):
        person = people.get(person_id)
        if person is None:
            person = people[person_id] = rules.Person(person_id, name, country_id)
        participants[readout_id].append(person)

    readouts = Readout.objects.values_list("pk", "meeting_date", "published_date", "location").iterator(
        chunk_size=BATCH
    )
    accounts, undated = [], []
    for pk, meeting_date, published_date, location in readouts:
        if pk in originals:
            continue
        account = rules.Account(
            pk, meeting_date or published_date, location, tuple(participants.pop(pk, ())), kept_meeting.get(pk)
        )
        (accounts if account.day else undated).append(account)
    accounts.sort(key=lambda account: (account.day, account.pk))

    # Groups: ("kept", meeting id) for meetings changed by hand, ("new", n) for the meetings being made.
    group_of, new_groups = {}, 0
    window = collections.deque()
    for account in accounts:
        while window and (account.day - window[0].day).days > GROUPING_DAYS:
            window.popleft()
        if account.meeting_id is not None:
            group_of[account.pk] = ("kept", account.meeting_id)
        else:
            best, best_score = None, None
            for other in window:
                score = rules.same_meeting_score(account, other, GROUPING_DAYS)
                if score is not None and (best_score is None or score > best_score):
                    best, best_score = other, score
            if best is not None:
                group_of[account.pk] = group_of[best.pk]
            else:
                group_of[account.pk] = ("new", new_groups)
                new_groups += 1
        window.append(account)
    for account in undated:
        if account.meeting_id is not None:
            group_of[account.pk] = ("kept", account.meeting_id)
        else:
            group_of[account.pk] = ("new", new_groups)
            new_groups += 1
    for reprint, original in originals.items():
        group_of[reprint] = ("kept", kept_meeting[reprint]) if reprint in kept_meeting else group_of[original]

    return write_meetings(group_of, new_groups, fingerprinted, len(originals), len(kept_meeting))


def write_meetings(group_of, new_groups: int, fingerprinted: int, reprint_count: int, kept: int) -> RegroupSummary:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE readouts_readout SET meeting_id = NULL WHERE meeting_id IN "
            "(SELECT id FROM readouts_meeting WHERE NOT edited)"
        )
        cursor.execute("DELETE FROM readouts_meeting WHERE NOT edited")
    made = Meeting.objects.bulk_create([Meeting() for _ in range(new_groups)], batch_size=BATCH)
    meeting_ids = [meeting.pk for meeting in made]
    assignments = [(pk, meeting_ids[number] if kind == "new" else number) for pk, (kind, number) in group_of.items()]
    with connection.cursor() as cursor:
        for start in range(0, len(assignments), BATCH):
            chunk = assignments[start : start + BATCH]
            cursor.execute(
                """UPDATE readouts_readout AS r SET meeting_id = v.meeting
                FROM unnest(%s::bigint[], %s::bigint[]) AS v(readout, meeting)
                WHERE r.id = v.readout AND r.meeting_id IS DISTINCT FROM v.meeting""",
                [[pk for pk, _ in chunk], [meeting for _, meeting in chunk]],
            )
    refresh_meetings(None)
    return RegroupSummary(
        fingerprinted=fingerprinted,
        reprints=reprint_count,
        meetings=Meeting.objects.count(),
        accounts=len(group_of) - reprint_count,
        kept=kept,
    )
