"""Honest data: generated demo readouts are marked as generated wherever they appear, kept out of the home page's
"latest" once real readouts exist, and removable in one command; every readout says where it comes from and shows
its text exactly as imported."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from readouts.models import Person, Readout
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db

NOTICE = "Generated demo readout."
BADGE = "Generated demo</span>"


@pytest.fixture
def demo_archive():
    call_command("generate_demo", readouts=12, seed=4, stdout=io.StringIO())
    return Readout.objects.generated()


@pytest.fixture
def real_readout():
    ruto = make_person("William Ruto", "KE", slug="william-ruto")
    lula = make_person("Luiz Inácio Lula da Silva", "BR", slug="lula")
    return make_readout(
        title="Ruto receives Lula in Nairobi",
        participants=[(ruto, "President"), (lula, "President")],
        paragraphs=[("Ruto received Lula in Nairobi.", None, "narrative")],
    )


def test_the_generator_marks_what_it_writes_and_nothing_else(demo_archive, real_readout):
    assert demo_archive.count() == 12
    assert list(Readout.objects.real()) == [real_readout]


def test_a_generated_readout_says_so_on_its_page_and_in_lists(client, demo_archive, real_readout):
    generated = demo_archive.first()
    page = client.get(generated.get_absolute_url()).content.decode()
    assert NOTICE in page and "Nobody said these words" in page
    assert NOTICE not in client.get(real_readout.get_absolute_url()).content.decode()

    listing = client.get(reverse("readouts:readout_list")).content.decode()
    assert listing.count(BADGE) == min(demo_archive.count(), listing.count('class="readout-item"'))
    assert listing.count('class="readout-item"') == listing.count(BADGE) + 1


def test_home_shows_real_readouts_first_once_there_are_any(client, demo_archive):
    page = client.get("/").content.decode()
    assert "This archive holds only generated demo readouts" in page
    assert "generate_demo --remove" in page

    real = make_readout(title="Ruto receives Lula in Nairobi")
    page = client.get("/").content.decode()
    assert "This archive holds only generated demo readouts" not in page
    assert real.title in page
    assert BADGE not in page, "no generated readout among the latest once real ones exist"
    assert "Besides 12 generated demo readouts" in page


def downloaded(client, address):
    return b"".join(client.get(address).streaming_content).decode("utf-8-sig")


def test_downloads_api_and_feeds_mark_generated_readouts(client, demo_archive, real_readout):
    rows = list(csv.DictReader(io.StringIO(downloaded(client, "/export/readouts.csv"))))
    assert {row["generated"] for row in rows if row["title"] == real_readout.title} == {"no"}
    assert sum(row["generated"] == "yes" for row in rows) == 12
    statements = csv.DictReader(io.StringIO(downloaded(client, "/export/statements.csv")))
    assert {row["generated"] for row in statements} == {"yes", "no"}

    api = json.loads(client.get("/api/readouts/?page_size=100").content)
    # By id: a generated reprint has its original's title.
    flags = {item["id"]: item["is_generated"] for item in api["results"]}
    assert flags[real_readout.pk] is False and sum(flags.values()) == 12

    feed = client.get(reverse("feeds:readouts")).content.decode()
    assert feed.count("[Generated demo]") == min(12, feed.count("<entry>") - 1)


def test_remove_deletes_the_demo_and_its_people_but_keeps_real_readouts(demo_archive, real_readout):
    # Someone met in a real readout too, and someone entered by hand, stay.
    shared = demo_archive.first().participations.first().person
    make_readout(title="A real meeting with a demo person", participants=[(shared, "Minister")])
    entered = make_person("Entered By Hand", "KE", slug="entered-by-hand")

    out = io.StringIO()
    call_command("generate_demo", remove=True, stdout=out)

    assert not Readout.objects.generated().exists()
    assert Readout.objects.count() == 2
    assert Person.objects.filter(pk__in=[shared.pk, entered.pk]).count() == 2
    assert not Person.objects.filter(participations=None).exclude(pk=entered.pk).exists()
    assert out.getvalue().startswith("Removed 12 generated demo readouts")


def test_a_readout_page_says_where_it_comes_from_and_links_the_text_as_imported(client, archive):
    page = client.get(archive.main.get_absolute_url()).content.decode()
    provenance = page.split('<section class="provenance"', 1)[1].split("</section>", 1)[0]
    assert "<dd>Akorda</dd>" in provenance
    assert 'href="https://www.akorda.kz/en/tokayev-meets-wang-yi"' in provenance
    assert "<dt>Imported</dt>" in provenance
    text_url = archive.main.get_absolute_url() + "text.txt"
    assert f'<a href="{text_url}">The text exactly as imported</a>' in provenance

    text = client.get(text_url)
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    assert text.content.decode() == archive.main.raw_text
    undated = client.get(archive.undated.get_text_url())
    assert undated.status_code == 200 and undated.content.decode() == archive.undated.raw_text
    assert client.get("/readouts/2022/06/07/no-such-readout/text.txt").status_code == 404
    assert client.post(text_url).status_code == 405


def test_a_readout_without_source_address_says_so(client, archive):
    page = client.get(archive.undated.get_absolute_url()).content.decode()
    assert "<dt>Address</dt><dd>Not recorded</dd>" in page


def test_a_meeting_page_marks_its_generated_accounts(client, demo_archive):
    meeting = demo_archive.exclude(meeting=None).first().meeting
    assert BADGE in client.get(f"/meetings/{meeting.pk}/").content.decode()
