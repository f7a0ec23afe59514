"""The readout page of a page-sourced readout: its revisions, what changed, its removal."""

import pytest

from readouts.models import Readout
from readouts.sources.pages import import_address
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db

REVISED = [
    MEETING[0],
    "The ministers discussed the situation in Ukraine.",
    MEETING[1],
    MEETING[2].replace("research", "research and defence"),
]


@pytest.fixture
def revised_readout(site, fetcher):
    site.serve("/berg", readout_page(MEETING))
    import_address(site.url("/berg"), fetcher)
    site.serve("/berg", readout_page(REVISED))
    assert import_address(site.url("/berg"), fetcher).outcome == "revised"
    return Readout.objects.get()


def test_the_readout_page_says_how_often_the_publisher_revised_it(client, revised_readout):
    page = client.get(revised_readout.get_absolute_url()).content.decode()

    assert "Revised by the publisher 1 time" in page
    assert f'href="{revised_readout.get_absolute_url()}changes/"' in page


def test_the_changes_page_marks_paragraphs_and_words(client, revised_readout):
    response = client.get(f"{revised_readout.get_absolute_url()}changes/")

    assert response.status_code == 200
    changes = response.context["changes"]
    assert [change.kind for change in changes] == ["same", "added", "same", "changed", "removed"]
    page = response.content.decode()
    changed = changes[3]
    assert [text for kind, text in changed.segments if kind != "same"] == ["defence and "]
    assert "<ins>defence and </ins>" in page
    assert "¶3 changed, now ¶4" in page
    assert "¶4 removed" in page


@pytest.mark.parametrize("query", ["?from=1&to=9", "?to=x"])
def test_a_revision_that_does_not_exist_is_404(client, revised_readout, query):
    assert client.get(f"{revised_readout.get_absolute_url()}changes/{query}").status_code == 404


def test_a_readout_removed_by_the_publisher_says_so_and_keeps_its_text(client, site, fetcher):
    site.serve("/berg", readout_page(MEETING))
    import_address(site.url("/berg"), fetcher)
    site.serve("/berg", Reply("<html><body><p>Gone</p></body></html>", status=410))
    import_address(site.url("/berg"), fetcher)

    page = client.get(Readout.objects.get().get_absolute_url()).content.decode()

    assert "Removed by the publisher" in page
    assert "the server answered 410" in page
    assert MEETING[2] in page


def test_an_old_paragraph_link_goes_to_where_the_paragraph_is_now_or_says_it_was_removed(client, revised_readout):
    response = client.get(f"{revised_readout.get_absolute_url()}?revision=1")
    page = response.content.decode()

    # Revision 1: ¶2 and ¶3 moved down by the added paragraph, ¶4 removed; the added one has no old number.
    assert 'id="p2">' in page and MEETING[1] in page.split('id="p2">')[1].split("</div>")[0]
    assert "research and defence" in page.split('id="p3">')[1].split("</div>")[0]
    assert 'id="p4">Paragraph 4 of revision 1 was removed by the publisher.' in page
    assert 'id="now-p2"' in page


def test_the_current_page_keeps_its_own_numbering_and_pins_its_links_to_the_revision(client, revised_readout):
    page = client.get(revised_readout.get_absolute_url()).content.decode()

    assert 'id="p2"' in page and "Ukraine" in page.split('id="p2"')[1].split("</div>")[0]
    assert 'href="?revision=2#p2"' in page


def test_the_api_readout_gives_its_source_and_revisions_oldest_first(client, revised_readout, site):
    data = client.get(f"/api/readouts/{revised_readout.pk}/").json()

    assert data["source_url"] == site.url("/berg")
    assert [revision["number"] for revision in data["revisions"]] == [1, 2]
    assert data["revisions"][0]["changes"] is None
    assert data["revisions"][1]["changes"] == {"changed": 1, "added": 1, "removed": 1}
    assert data["revisions"][1]["fetched_at"]
    assert data["revisions"][0]["changes_url"] is None
    changes_url = f"http://testserver{revised_readout.get_absolute_url()}changes/?from=1&to=2"
    assert data["revisions"][1]["changes_url"] == changes_url
    assert data["removed_by_publisher_at"] is None


def test_the_schema_documents_the_revisions(client, db):
    schemas = client.get("/api/schema/", headers={"accept": "application/json"}).json()["components"]["schemas"]

    detail = schemas["ReadoutDetail"]["properties"]
    assert detail["revisions"]["items"] == {"$ref": "#/components/schemas/Revision"}
    assert "oldest first" in detail["revisions"]["description"]
    assert set(schemas["Revision"]["properties"]) == {
        "number",
        "fetched_at",
        "url",
        "paragraphs",
        "changes",
        "changes_url",
    }
    assert set(schemas["RevisionChanges"]["properties"]) == {"changed", "added", "removed"}
    assert detail["removed_by_publisher_at"]["format"] == "date-time"


def test_the_api_readout_of_a_pasted_text_has_no_revisions(client, archive):
    data = client.get(f"/api/readouts/{archive.main.pk}/").json()

    assert data["revisions"] == []
    assert data["removed_by_publisher_at"] is None
