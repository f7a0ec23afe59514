import datetime

import pytest
from django.db import DatabaseError

from readouts.importing import import_text
from readouts.ingest import Outcome, edited_parts, find_or_create_person, ingest, mark_edited, name_key
from readouts.models import Country, Person, Readout, Statement
from readouts.parsing import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout
from readouts.parsing.types import ReadoutMetadata

pytestmark = pytest.mark.django_db

RAW = "ASTANA, May 20 -- Kazakh President Tokayev met Chinese Foreign Minister Wang Yi on Monday."


def parsed_readout(**changes) -> ParsedReadout:
    fields = {
        "title": "Tokayev meets Wang Yi",
        "published_date": datetime.date(2024, 5, 21),
        "meeting_date": datetime.date(2024, 5, 20),
        "location": "Astana",
        "publisher": "Xinhua",
        "language": "en",
        "participants": [
            ParsedParticipant("Kassym-Jomart Tokayev", "President", "Kazakhstan"),
            ParsedParticipant("Wang Yi", "Foreign Minister", "China"),
        ],
        "paragraphs": [
            ParsedParagraph("Tokayev met Wang Yi in Astana.", None, Kind.NARRATIVE),
            ParsedParagraph("Wang said China values the partnership.", "Wang Yi", Kind.STATEMENT),
            ParsedParagraph("Tokayev said trade is growing.", "Kassym-Jomart Tokayev", Kind.STATEMENT),
            ParsedParagraph("Both sides agreed to deepen cooperation.", None, Kind.JOINT),
        ],
    }
    return ParsedReadout(**{**fields, **changes})


def test_a_parsed_readout_is_stored_whole():
    result = ingest(parsed_readout(), RAW, source_url="https://example.org/readout")
    assert result.outcome == Outcome.CREATED
    readout = Readout.objects.with_details().get()
    assert (readout.title, readout.slug, readout.meeting_date, readout.location) == (
        "Tokayev meets Wang Yi",
        "tokayev-meets-wang-yi",
        datetime.date(2024, 5, 20),
        "Astana",
    )
    assert readout.raw_text == RAW and readout.source_url == "https://example.org/readout"
    assert [(p.person.name, p.person.country.code, p.title) for p in readout.participations.all()] == [
        ("Kassym-Jomart Tokayev", "KZ", "President"),
        ("Wang Yi", "CN", "Foreign Minister"),
    ]
    assert [(s.position, s.speaker and s.speaker.name, s.kind) for s in readout.statements.all()] == [
        (1, None, "narrative"),
        (2, "Wang Yi", "statement"),
        (3, "Kassym-Jomart Tokayev", "statement"),
        (4, None, "joint"),
    ]


def test_the_same_text_is_stored_once():
    ingest(parsed_readout(), RAW)
    again = ingest(parsed_readout(title="Something else"), RAW)
    assert again.outcome == Outcome.UNCHANGED
    assert Readout.objects.get().title == "Tokayev meets Wang Yi"


def test_people_are_matched_by_name_alias_and_initials_instead_of_duplicated():
    kazakhstan = Country.objects.get(code="KZ")
    tokayev = Person.objects.create(name="Kassym-Jomart Tokayev", slug="kassym-jomart-tokayev", country=kazakhstan)
    tokayev.aliases = ["Tokaev", "Токаев"]
    tokayev.save()
    blinken = find_or_create_person("Antony Blinken", Country.objects.get(code="US"))
    assert find_or_create_person("Antony J. Blinken", None) == blinken
    assert find_or_create_person("antony  blinken", None) == blinken
    assert find_or_create_person("Tokaev", kazakhstan) == tokayev
    assert find_or_create_person("Токаев", None) == tokayev
    assert find_or_create_person("KASSYM-JOMART TOKAYEV", None) == tokayev
    assert Person.objects.count() == 2


def test_namesakes_of_other_countries_prefer_their_own_country():
    china, singapore = Country.objects.get(code="CN"), Country.objects.get(code="SG")
    chinese = find_or_create_person("Wang Yi", china)
    assert chinese.slug == "wang-yi"
    other = Person.objects.create(name="Wang Yi", slug="wang-yi-2", country=singapore)
    assert find_or_create_person("Wang Yi", singapore) == other
    assert find_or_create_person("Wang Yi", china) == chinese


def test_a_new_reading_of_the_same_day_gets_its_own_slug():
    first = ingest(parsed_readout(), RAW).readout
    second = ingest(parsed_readout(publisher="Kazinform"), RAW + " (Kazinform)").readout
    assert (first.slug, second.slug) == ("tokayev-meets-wang-yi", "tokayev-meets-wang-yi-2")
    assert Person.objects.count() == 2


def test_reparse_refreshes_derived_parts_but_keeps_hand_corrections():
    readout = ingest(parsed_readout(), RAW).readout
    readout.title = "Corrected title"
    readout.save()
    mark_edited(readout, ["title", "statements"])
    improved = parsed_readout(
        title="Parser title", location="Astana, Kazakhstan", paragraphs=[ParsedParagraph("One.", None, Kind.NARRATIVE)]
    )
    result = ingest(improved, RAW, reparse=True)
    readout.refresh_from_db()
    assert result.outcome == Outcome.UPDATED
    assert readout.title == "Corrected title"
    assert readout.location == "Astana, Kazakhstan"
    assert readout.statements.count() == 4
    assert readout.slug == "tokayev-meets-wang-yi"


def test_reparse_without_changes_reports_unchanged():
    ingest(parsed_readout(), RAW)
    assert ingest(parsed_readout(), RAW, reparse=True).outcome == Outcome.UNCHANGED


def test_a_speaker_who_is_not_a_participant_leaves_the_paragraph_narrative():
    odd = parsed_readout(paragraphs=[ParsedParagraph("Xi said hello.", "Xi Jinping", Kind.STATEMENT)])
    readout = ingest(odd, RAW).readout
    assert list(readout.statements.values_list("kind", "speaker")) == [(Statement.Kind.NARRATIVE, None)]


def test_a_readout_the_database_refuses_leaves_nothing_behind():
    broken = parsed_readout(paragraphs=[ParsedParagraph("A NUL \x00 byte.", None, Kind.NARRATIVE)])
    with pytest.raises(DatabaseError, match="NUL"):
        ingest(broken, RAW)
    assert not Readout.objects.exists()
    assert not Person.objects.exists()


def test_edited_parts_names_what_a_reviewer_changed():
    derived = parsed_readout()
    reviewed = parsed_readout(location="Astana, Kazakhstan", participants=derived.participants[:1])
    assert edited_parts(derived, reviewed) == ["location", "participants"]
    assert edited_parts(derived, parsed_readout()) == []


def test_name_keys_ignore_case_accents_and_middle_initials():
    assert name_key("Antony J. Blinken") == name_key("antony blinken") == "antony blinken"
    assert name_key("António Costa") == "antonio costa"
    assert name_key("Токаев") == "токаев"


def test_a_name_in_another_script_is_stored_as_an_alias_and_finds_the_person_again():
    china = Country.objects.get(code="CN")
    wang = find_or_create_person("Wang Yi", china, aliases=("王毅",))
    assert wang.aliases == ["王毅"]
    # The same man written in Russian: found through the Chinese form the two readings share, then known by both.
    assert find_or_create_person("Van I", None, aliases=("Ван И", "王毅")) == wang
    wang.refresh_from_db()
    assert wang.aliases == ["王毅", "Ван И"]
    # And a later text that writes only the Cyrillic form.
    assert find_or_create_person("Van I", None, aliases=("Ван И",)) == wang
    assert Person.objects.count() == 1


def test_ingest_keeps_the_participants_original_script():
    participants = [
        ParsedParticipant("Kassym-Jomart Tokayev", "Президент", "Kazakhstan", aliases=("Касым-Жомарт Токаев",)),
        ParsedParticipant("Wang Yi", "Foreign Minister", "China", aliases=("Ван И",)),
    ]
    ingest(parsed_readout(participants=participants), RAW)
    assert Person.objects.get(name="Wang Yi").aliases == ["Ван И"]
    assert Person.objects.get(name="Kassym-Jomart Tokayev").aliases == ["Касым-Жомарт Токаев"]


def test_the_date_details_are_stored():
    two_days = parsed_readout(
        meeting_date=datetime.date(2024, 5, 20),
        meeting_end_date=datetime.date(2024, 5, 21),
        meeting_date_basis="year_from_publication",
        meeting_month=5,
        meeting_day=20,
        source_url="https://example.org/from-the-page",
    )
    readout = ingest(two_days, RAW).readout
    readout.refresh_from_db()
    assert (readout.meeting_end_date, readout.meeting_date_basis) == (
        datetime.date(2024, 5, 21),
        "year_from_publication",
    )
    # A month and day are kept apart only when the year is unknown.
    assert (readout.meeting_month, readout.meeting_day) == (None, None)
    assert readout.source_url == "https://example.org/from-the-page"


def test_a_month_and_day_without_a_year_are_kept_and_the_readout_is_undated():
    no_year = parsed_readout(meeting_date=None, meeting_date_basis="year_unknown", meeting_month=2, meeting_day=17)
    readout = ingest(no_year, RAW).readout
    readout.refresh_from_db()
    assert (readout.meeting_date, readout.meeting_month, readout.meeting_day) == (None, 2, 17)
    assert readout.date_note == "year unknown"
    assert "/undated/" in readout.get_absolute_url()


def test_a_date_corrected_by_hand_keeps_its_details_on_reparse():
    readout = ingest(parsed_readout(meeting_date_basis="relative_to_publication"), RAW).readout
    readout.meeting_date, readout.meeting_date_basis = datetime.date(2024, 5, 19), "by_hand"
    readout.save()
    mark_edited(readout, ["meeting_date"])
    ingest(
        parsed_readout(meeting_date_basis="year_inferred", meeting_end_date=datetime.date(2024, 5, 22)),
        RAW,
        reparse=True,
    )
    readout.refresh_from_db()
    assert (readout.meeting_date, readout.meeting_date_basis, readout.meeting_end_date) == (
        datetime.date(2024, 5, 19),
        "by_hand",
        None,
    )


def test_the_importers_guesses_are_stored_and_a_re_parse_refreshes_them():
    paragraphs = [
        ParsedParagraph("Wang said China values the partnership.", "Wang Yi", Kind.STATEMENT),
        ParsedParagraph("He added that trade is growing.", "Wang Yi", Kind.STATEMENT, speaker_guessed=True),
    ]
    readout = ingest(parsed_readout(paragraphs=paragraphs, location_guessed=True), RAW).readout
    assert readout.location_guessed is True
    assert list(readout.statements.values_list("speaker_guessed", flat=True)) == [False, True]

    result = ingest(parsed_readout(paragraphs=paragraphs), RAW, reparse=True)
    assert result.outcome == Outcome.UPDATED
    result.readout.refresh_from_db()
    assert result.readout.location_guessed is False


def test_a_guess_about_a_place_or_speaker_that_is_not_stored_is_not_stored_either():
    paragraphs = [ParsedParagraph("He said so.", "Nobody Known", Kind.STATEMENT, speaker_guessed=True)]
    readout = ingest(parsed_readout(paragraphs=paragraphs, location=None, location_guessed=True), RAW).readout
    assert readout.location == "" and readout.location_guessed is False
    assert list(readout.statements.values_list("kind", "speaker_guessed")) == [("narrative", False)]


def test_an_organisations_official_is_stored_with_the_organisation_as_country():
    # An invented text: the parser gives the official of an organisation its organisation, which the archive
    # now keeps as a Country of kind organisation.
    text = (
        "ADDIS ABABA, March 4 (Xinhua) -- Chinese Foreign Minister Wang Yi on Monday met with Amara Selassie, "
        "Chairperson of the African Union Commission, at the organisation's headquarters.\n\n"
        "Wang said China supports the African Union in playing a greater role in regional affairs.\n\n"
        "Selassie thanked China for its long support."
    )
    result = import_text("au.txt", text, metadata=ReadoutMetadata(published_date=datetime.date(2024, 3, 4)))
    countries = {p.person.name: p.person.country for p in result.readout.participations.select_related("person")}
    assert countries["Amara Selassie"].name == "African Union"
    assert countries["Amara Selassie"].kind == Country.Kind.ORGANIZATION
    assert countries["Wang Yi"].code == "CN"
