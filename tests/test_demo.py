"""The demo generator: deterministic, well-formed, long-tailed, and safe to run again on a filled archive."""

import datetime
import html
import statistics
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Exists, OuterRef

from readouts import demo, demo_data, demo_languages
from readouts.meetings.compare import compare_meeting
from readouts.models import Country, Meeting, Participation, Person, Readout, Statement
from readouts.search.words import has_cjk

KINDS = {"statement", "joint", "narrative"}


def generate(count, seed=1, start=1):
    return list(demo.generate_readouts(count, seed=seed, start=start))


def run(**options):
    out = StringIO()
    call_command("generate_demo", stdout=out, **options)
    return out.getvalue()


# --- The generator alone, without the database -------------------------------------------------------------


def test_the_same_seed_gives_the_same_readouts_and_another_seed_others():
    first, again, other = generate(40, seed=7), generate(40, seed=7), generate(40, seed=8)
    assert first == again
    assert not {r.raw_text for r in first} & {r.raw_text for r in other}
    assert [r.title for r in first] != [r.title for r in other]


def test_a_readout_depends_only_on_its_seed_and_number():
    assert generate(5, seed=3, start=10)[2] == demo.compose_readout(3, 12)


def test_generated_readouts_are_well_formed():
    readouts = generate(300)
    assert len({r.raw_text for r in readouts}) == 300
    for readout in readouts:
        people = [p.person for p in readout.participants]
        assert len(people) in (2, 3)
        assert len({p.country_code for p in people}) == len(people), "participants from different countries"
        assert all(p.title for p in readout.participants)
        assert 10 <= len(readout.paragraphs) <= 14
        assert {p.kind for p in readout.paragraphs} == KINDS
        assert readout.paragraphs[0].kind == "narrative"
        for paragraph in readout.paragraphs:
            assert (paragraph.speaker is not None) == (paragraph.kind == "statement")
            assert paragraph.speaker is None or paragraph.speaker in people
            assert "{" not in paragraph.text and "  " not in paragraph.text
        assert {p.speaker for p in readout.paragraphs if p.speaker} == set(people), "every participant speaks"
        assert datetime.date(2000, 1, 1) <= readout.meeting_date <= datetime.date(2025, 12, 31)
        assert readout.meeting_date <= readout.published_date <= readout.meeting_date + datetime.timedelta(days=1)
        assert readout.slug and len(readout.slug) <= demo.SLUG_LENGTH
        assert readout.language in {"en", *demo_languages.PHRASEBOOKS} and readout.publisher and readout.location
        # A plausible raw readout: a headline, a dateline, then the paragraphs separated by blank lines.
        blocks = readout.raw_text.split("\n\n")
        assert blocks[0].startswith(readout.title)
        assert blocks[1].startswith(readout.location.upper()) and readout.publisher in blocks[1]
        assert blocks[2:] == [p.text for p in readout.paragraphs]
    assert sum(len(r.paragraphs) for r in readouts) / len(readouts) == pytest.approx(12, abs=0.5)
    assert sum(len(r.participants) == 3 for r in readouts) >= 5, "some trilateral meetings"
    assert len({r.publisher for r in readouts}) >= 20


def test_people_hold_the_titles_they_held_in_the_year_of_the_meeting():
    held = {
        (person.slug, title, year)
        for person, roles in demo.parse_people()
        for title, first, last in roles
        for year in range(first, last + 1)
    }
    for readout in generate(300):
        for participant in readout.participants:
            assert (participant.person.slug, participant.title, readout.meeting_date.year) in held


def test_the_people_table_is_consistent():
    people = demo.parse_people()
    assert len({person.slug for person, _ in people}) == len(people), "person slugs are unique"
    assert {person.country_code for person, _ in people} == set(demo_data.COUNTRIES)
    for person, roles in people:
        assert person.short in person.aliases or person.short == person.name
        for title, first, last in roles:
            assert title and demo_data.FIRST_YEAR <= first <= last <= demo_data.LAST_YEAR, (person.name, title)
    world = demo.load_world()
    for year, (codes, _) in world.codes_by_year.items():
        assert len(codes) >= 25, f"few countries have office-holders in {year}"


def test_topics_are_long_tailed():
    readouts = [readout for readout in generate(600) if readout.language == "en"][:400]
    counts = Counter(topic for readout in readouts for topic in readout.topics)
    ranked = [topic for topic, _, _ in demo.load_world().topics]
    per_topic = [counts[topic] for topic in ranked]
    assert max(per_topic) >= 0.4 * len(readouts)
    assert max(per_topic) >= 20 * max(1, statistics.median(per_topic))
    assert len(counts) >= 150, "hundreds of rare topics show up"
    assert sum(counts[topic] == 1 for topic in counts) >= 30
    # The one word nearly every readout has.
    assert sum("cooperation" in r.raw_text for r in readouts) >= 0.9 * len(readouts)


def test_about_a_third_of_the_readouts_are_in_other_languages_in_their_own_scripts():
    readouts = generate(600)
    languages = Counter(readout.language for readout in readouts)
    assert set(languages) == {"en", "fr", "es", "ru", "zh"}
    assert 0.25 <= 1 - languages["en"] / len(readouts) <= 0.45
    for readout in readouts:
        text = " ".join(paragraph.text for paragraph in readout.paragraphs)
        assert "{" not in text and "  " not in text
        assert has_cjk(text) == (readout.language == "zh")
        if readout.language == "ru":
            assert "сотруднич" in text or "Стороны" in text
        assert readout.slug.isascii() and readout.slug  # an address in Latin letters whatever the language
    # The people the Chinese and Russian texts name in their scripts are found by those spellings (aliases).
    wang = next(person for person, _roles in demo.parse_people() if person.name == "Wang Yi")
    assert {"王毅", "Ван И"} <= set(wang.aliases)


def test_french_readouts_name_countries_with_their_articles_and_join_them_to_prepositions():
    assert demo_languages.with_article("fr", "PH", "Philippines") == "les Philippines"
    assert demo_languages.with_article("fr", "IN", "Inde") == "l'Inde"
    assert demo_languages.with_article("fr", "CU", "Cuba") == "Cuba"
    assert demo_languages.contract("fr", "l'intérêt de le Japon pour de les projets avec Israël, de Israël") == (
        "l'intérêt du Japon pour des projets avec Israël, d'Israël"
    )
    assert demo_languages.contract("es", "recibió a el presidente de el Reino Unido") == (
        "recibió al presidente del Reino Unido"
    )
    french = [readout for readout in generate(600) if readout.language == "fr"]
    assert len(french) >= 20
    names = {code: demo_languages.country_name("fr", code, "") for code in demo_data.COUNTRIES}
    for readout in french:
        text = " ".join([readout.title, *(paragraph.text for paragraph in readout.paragraphs)])
        assert "(" not in text, "no country in brackets after an office"
        for wrong in ("de le ", "de les ", "à le ", "à les ", "dans le domaine changement"):
            assert wrong not in text
        for code, article in demo_languages.FRENCH_ARTICLES.items():
            if article:  # "avec Philippines", "entre Chine et Russie" miss their articles
                for before in ("avec", "entre", "et", "que", "sur"):
                    assert f"{before} {names[code]}" not in text, (before, names[code])
    # Offices name their country after "de" with its article: "le président des Philippines".
    assert any(" du " in " ".join(p.text for p in r.paragraphs) for r in french)


def test_the_other_side_tells_its_account_in_its_own_language_where_the_demo_writes_it():
    readouts = generate(400)
    told = [readout for readout in readouts if readout.role == demo.OTHER_SIDE]
    in_own_language = 0
    for readout in told:
        own = demo_languages.language_of(readout.publisher_country)
        if own is not None:
            assert readout.language == own, (readout.publisher_country, readout.language)
            in_own_language += own != "en"
    assert in_own_language >= 5, "Chinese, Russian, French or Spanish sides write their own language"
    assert demo_languages.language_of("KZ") == "ru" and demo_languages.language_of("DE") is None


def test_a_slug_taken_on_the_same_day_gets_a_number():
    readout = demo.compose_readout(1, 1)
    taken = {(readout.meeting_date, readout.slug)}
    assert demo.unique_slug(readout, taken) == f"{readout.slug}-2"
    assert demo.unique_slug(readout, taken) == f"{readout.slug}-3"


# --- Writing to the database -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_command_writes_readouts_with_their_people_and_paragraphs():
    output = run(readouts=120, seed=1)
    assert "Added 120 demo readouts" in output
    assert Readout.objects.count() == 120
    per_readout = Statement.objects.values("readout").annotate(n=Count("*")).values_list("n", flat=True)
    assert all(10 <= n <= 14 for n in per_readout)
    assert Statement.objects.count() / 120 == pytest.approx(12, abs=0.6)
    assert set(Statement.objects.values_list("kind", flat=True).distinct()) == KINDS
    assert not Statement.objects.filter(kind="statement", speaker__isnull=True).exists()
    assert not Statement.objects.exclude(kind="statement").filter(speaker__isnull=False).exists()
    spoken_by_a_participant = Participation.objects.filter(readout=OuterRef("readout"), person=OuterRef("speaker"))
    assert not Statement.objects.filter(kind="statement").exclude(Exists(spoken_by_a_participant)).exists()
    pairs = Participation.objects.values_list("readout", "person__country")
    assert len(set(pairs)) == len(pairs), "participants of a readout come from different countries"
    readout = Readout.objects.first()
    assert readout.content_hash and readout.created_at and readout.published_date
    tokayev = Person.objects.filter(slug="kassym-jomart-tokayev").first()
    if tokayev:
        assert tokayev.country == Country.objects.get(code="KZ") and "Tokayev" in tokayev.aliases


@pytest.mark.django_db
def test_the_same_archive_and_seed_give_the_same_rows():
    def snapshot():
        readouts = Readout.objects.order_by("id")
        return [
            (r.title, r.slug, r.meeting_date, r.location, r.publisher, r.raw_text, r.content_hash) for r in readouts
        ], list(Statement.objects.order_by("readout_id", "position").values_list("text", "kind", "speaker__slug"))

    run(readouts=30, seed=5)
    first = snapshot()
    Readout.objects.all().delete()
    Person.objects.all().delete()
    run(readouts=30, seed=5)
    assert snapshot() == first


@pytest.mark.django_db
def test_running_again_adds_readouts_without_collisions():
    run(readouts=40, seed=1)
    run(readouts=40, seed=1)
    assert Readout.objects.count() == 80
    assert Readout.objects.values("content_hash").distinct().count() == 80
    # Deleting a readout lowers the count, so the next run first meets a text already stored: it is skipped.
    Readout.objects.order_by("id").first().delete()
    output = run(readouts=10, seed=1)
    assert "Added 10 demo readouts" in output and "Skipped 1" in output
    assert Readout.objects.count() == 89


@pytest.mark.django_db
def test_a_title_already_used_on_the_meeting_day_gets_a_numbered_slug():
    # With one readout in the archive, the next generated one is number 2.
    upcoming = demo.compose_readout(2, 2)
    Readout.objects.create(title="Taken", slug=upcoming.slug, meeting_date=upcoming.meeting_date, raw_text="taken")
    demo.write_demo(1, seed=2)
    written = Readout.objects.get(raw_text=upcoming.raw_text)
    assert (written.slug, written.meeting_date) == (f"{upcoming.slug}-2", upcoming.meeting_date)


@pytest.mark.django_db
def test_if_empty_leaves_a_filled_archive_alone():
    assert "Added 5 demo readouts" in run(readouts=5, seed=1, if_empty=True)
    output = run(readouts=5, seed=1, if_empty=True)
    assert "already has readouts" in output
    assert Readout.objects.count() == 5


@pytest.mark.django_db
def test_a_generated_readout_renders_at_its_address(client):
    run(readouts=3, seed=4)
    readout = Readout.objects.with_details().first()
    response = client.get(readout.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert html.escape(readout.title) in page
    assert html.escape(readout.statements.all()[1].text) in page


@pytest.mark.django_db
def test_the_demo_is_grouped_into_meetings_so_their_pages_show():
    run(readouts=6, seed=2)
    assert not Readout.objects.filter(meeting=None).exists()


def test_a_share_of_meetings_is_told_by_both_sides_and_some_accounts_are_reprinted():
    readouts = {readout.serial: readout for readout in generate(200)}
    roles = Counter(readout.role for readout in readouts.values())
    assert roles[demo.OTHER_SIDE] >= 30 and roles[demo.REPRINT] >= 5
    same_language_accounts = 0
    for readout in readouts.values():
        if readout.account_of is None:
            continue
        original = readouts[readout.account_of]
        assert original.role == demo.ORIGINAL
        assert readout.meeting_date == original.meeting_date
        assert {p.person for p in readout.participants} == {p.person for p in original.participants}
        assert readout.publisher_country != original.publisher_country
        if readout.role == demo.OTHER_SIDE:
            assert readout.participants[0].person == original.participants[1].person, "the other side reports"
            # An account written in another language draws its own topics in that language: compare English ones.
            if readout.language == original.language == "en":
                same_language_accounts += 1
                assert len(set(original.topics) - set(readout.topics)) == 1, "one topic left out"
            assert readout.paragraphs != original.paragraphs
        else:
            changed = sum(a != b for a, b in zip(readout.paragraphs, original.paragraphs, strict=True))
            # The edits are English words; a reprint of an account in another language is carried unchanged.
            assert (1 if readout.language == "en" else 0) <= changed <= 4, "a few words changed"
    assert same_language_accounts >= 10


@pytest.mark.django_db
def test_the_topics_of_demo_meetings_leave_out_the_day_and_the_meeting_s_place():
    run(readouts=80, seed=1)
    weekdays, shown = set(demo.WEEKDAYS), Counter()
    for meeting in Meeting.objects.with_accounts().filter(accounts__gte=2):
        comparison = compare_meeting(meeting)
        for account in comparison.accounts:
            for topic in account.topics:
                assert not set(topic.split()) & weekdays, topic
                assert topic not in comparison.places, topic
                shown[topic] += 1
    assert shown, "the accounts still have topics"


@pytest.mark.django_db
def test_the_demo_archive_has_meetings_reported_by_both_sides_with_reprints(client):
    run(readouts=80, seed=1)
    both = Meeting.objects.reported_by(Meeting.Sides.BOTH)
    assert both.exists() and Meeting.objects.reported_by(Meeting.Sides.ONE).exists()
    reprint = Readout.objects.exclude(fingerprint__reprint_of=None).first()
    assert reprint is not None and reprint.meeting_id == reprint.fingerprint.reprint_of.meeting_id
    page = client.get(both.filter(accounts__gte=2).first().get_absolute_url()).content.decode()
    assert "Generated" in page
