import datetime
import hashlib

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse, set_script_prefix

from readouts.models import Country, Readout, Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db

STATEMENT, JOINT, NARRATIVE = Statement.Kind.STATEMENT, Statement.Kind.JOINT, Statement.Kind.NARRATIVE


def test_the_same_text_is_never_stored_twice():
    make_readout(raw_text="NUR-SULTAN, June 7 -- The two ministers met.")
    with pytest.raises(IntegrityError, match="readout_text_unique"):
        make_readout(raw_text="NUR-SULTAN, June 7 -- The two ministers met.")


def test_content_hash_is_kept_by_the_database():
    readout = make_readout(raw_text="first text")
    readout.raw_text = "second text"
    readout.save()
    readout.refresh_from_db()
    assert readout.content_hash == hashlib.md5(b"second text").hexdigest()
    assert Readout.objects.filter(content_hash=readout.content_hash).get() == readout


def test_a_statement_needs_a_speaker():
    readout = make_readout()
    with pytest.raises(IntegrityError, match="statement_speaker_matches_kind"):
        Statement.objects.create(readout=readout, position=1, text="He said so.", kind=STATEMENT)


@pytest.mark.parametrize("kind", [JOINT, NARRATIVE])
def test_joint_and_narrative_paragraphs_have_no_speaker(kind):
    readout = make_readout()
    speaker = make_person()
    with pytest.raises(IntegrityError, match="statement_speaker_matches_kind"):
        Statement.objects.create(readout=readout, position=1, text="Both sides agreed.", kind=kind, speaker=speaker)


def test_positions_are_unique_within_a_readout():
    readout = make_readout(paragraphs=[("First.", None, NARRATIVE)])
    with pytest.raises(IntegrityError, match="statement_position_unique"):
        Statement.objects.create(readout=readout, position=1, text="Second.", kind=NARRATIVE)


def test_the_same_position_may_appear_in_other_readouts():
    make_readout(paragraphs=[("First.", None, NARRATIVE)])
    make_readout(paragraphs=[("First too.", None, NARRATIVE)])
    assert Statement.objects.filter(position=1).count() == 2


def test_unknown_kinds_are_rejected():
    readout = make_readout()
    with pytest.raises(IntegrityError, match="statement_kind_valid"):
        Statement.objects.create(readout=readout, position=1, text="?", kind="rumour")


def test_slugs_are_unique_per_meeting_date_and_among_undated_readouts():
    make_readout(slug="xi-meets-biden", meeting_date=datetime.date(2022, 11, 14))
    make_readout(slug="xi-meets-biden", meeting_date=datetime.date(2023, 11, 15))
    with transaction.atomic(), pytest.raises(IntegrityError, match="readout_date_slug_unique"):
        make_readout(slug="xi-meets-biden", meeting_date=datetime.date(2022, 11, 14))
    make_readout(slug="undated-meeting", meeting_date=None)
    with pytest.raises(IntegrityError, match="readout_date_slug_unique"):
        make_readout(slug="undated-meeting", meeting_date=None)


def test_a_person_in_the_archive_cannot_be_deleted_from_under_a_readout():
    from django.db.models import ProtectedError

    person = make_person()
    make_readout(participants=[(person, "Foreign Minister")])
    with pytest.raises(ProtectedError):
        person.delete()


def test_country_codes_are_two_capital_letters():
    with pytest.raises(IntegrityError, match="country_code_two_capitals"):
        Country.objects.create(code="x1", name="Nowhere")


def test_titles_live_on_the_participation():
    wang = make_person("Wang Yi")
    first = make_readout(participants=[(wang, "State Councilor and Foreign Minister")])
    second = make_readout(participants=[(wang, "Director of the Foreign Affairs Commission Office")])
    assert first.participations.get().title != second.participations.get().title


def test_a_readout_with_participants_statements_and_speakers_loads_in_three_queries(django_assert_num_queries):
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ")
    wang = make_person("Wang Yi", "CN")
    paragraphs = [("Lead.", None, NARRATIVE)] + [
        (f"Paragraph {n}.", speaker, STATEMENT) for n, speaker in enumerate([wang, tokayev] * 10)
    ]
    readout = make_readout(
        participants=[(tokayev, "President"), (wang, "Foreign Minister")],
        paragraphs=paragraphs + [("Both sides agreed.", None, JOINT)],
    )
    with django_assert_num_queries(3):
        loaded = Readout.objects.with_details().get(pk=readout.pk)
        shown = [(p.person.name, p.person.country.name, p.title) for p in loaded.participations.all()] + [
            (s.position, s.speaker.name if s.speaker else None, s.kind) for s in loaded.statements.all()
        ]
    assert shown[:2] == [
        ("Kassym-Jomart Tokayev", "Kazakhstan", "President"),
        ("Wang Yi", "China", "Foreign Minister"),
    ]
    assert [row[0] for row in shown[2:]] == list(range(1, 23))
    assert shown[3][1] == "Wang Yi" and shown[-1][2] == JOINT


def test_readout_urls_are_readable_and_permanent():
    dated = make_readout(slug="tokayev-meets-wang-yi", meeting_date=datetime.date(2022, 6, 7))
    undated = make_readout(slug="starmer-meets-costa", meeting_date=None)
    assert dated.get_absolute_url() == "/readouts/2022/06/07/tokayev-meets-wang-yi/"
    assert undated.get_absolute_url() == "/readouts/undated/starmer-meets-costa/"


@pytest.mark.parametrize("prefix", ["/", "/archive/"])
def test_readout_urls_are_those_the_url_patterns_give(prefix):
    """Readout.get_absolute_url formats the addresses itself, for speed; they are reverse()'s, under any prefix."""
    early = make_readout(slug="a-b", meeting_date=datetime.date(987, 1, 2))
    undated = make_readout(slug="c-d", meeting_date=None)
    set_script_prefix(prefix)
    try:
        assert early.get_absolute_url() == reverse("readouts:readout_detail", args=[987, 1, 2, "a-b"])
        assert undated.get_absolute_url() == reverse("readouts:readout_undated", args=["c-d"])
        assert early.get_absolute_url().startswith(prefix)
    finally:
        set_script_prefix("/")
