"""CSV and JSON downloads of a list's whole result set: content, spreadsheet safety, filters, streaming."""

import csv
import io
import json
import re
from urllib.parse import parse_qsl

import pytest

from readouts import exports
from readouts.models import Statement
from tests.factories import make_person, make_readout

pytestmark = pytest.mark.django_db


def read_csv(response):
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:], newline="")))


def test_readouts_csv(client, archive):
    response = client.get("/export/readouts.csv", {"country": "KZ", "counterpart": "CN", "page": "2"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="readouts-')
    header, *rows = read_csv(response)
    assert header == exports.READOUT_COLUMNS
    # The whole result set in the list's order, whatever page the list was on.
    expected = [archive.later, archive.other_publisher, archive.main, archive.earlier]
    assert [int(row[0]) for row in rows] == [readout.pk for readout in expected]
    main = dict(zip(header, rows[2], strict=True))
    assert main == {
        "id": str(archive.main.pk),
        "url": f"http://testserver{archive.main.get_absolute_url()}",
        "title": "Tokayev meets Wang Yi",
        "meeting_date": "2022-06-07",
        "published_date": "",
        "location": "Nur-Sultan",
        "publisher": "Akorda",
        "language": "en",
        "participants": "Kassym-Jomart Tokayev (President, Kazakhstan); "
        "Wang Yi (State Councilor and Foreign Minister, China)",
        "source_url": "https://www.akorda.kz/en/tokayev-meets-wang-yi",
        "generated": "no",
    }


def test_statements_csv(client, archive):
    header, *rows = read_csv(client.get("/export/statements.csv", {"participant": "sergey-lavrov"}))
    assert header == exports.STATEMENT_COLUMNS
    assert rows == [
        [
            str(archive.russian.pk),
            f"http://testserver{archive.russian.get_absolute_url()}",
            "Лавров и Ван И провели переговоры",
            "2022-07-01",
            "1",
            "statement",
            "Sergey Lavrov",
            "Лавров заявил о важности диалога.",
            "no",
        ]
    ]
    _, *everything = read_csv(client.get("/export/statements.csv"))
    assert len(everything) == Statement.objects.count()
    assert [row[4] for row in everything if row[0] == str(archive.main.pk)] == ["1", "2", "3"]


def test_csv_quotes_and_guards_formulas(client, db):
    guest = make_person("=cmd|' /C calc'!A0", "FR", slug="formula")
    awkward = 'Talks, "frank" and\nlong'
    make_readout(
        title='=HYPERLINK("http://evil")',
        location="+1 location",
        publisher="@publisher",
        participants=[(guest, "-Minister")],
        paragraphs=[(awkward, None, Statement.Kind.NARRATIVE), ("-2 is a number", None, Statement.Kind.JOINT)],
    )
    _, row = read_csv(client.get("/export/readouts.csv"))
    assert row[2] == '\'=HYPERLINK("http://evil")'
    assert row[5:7] == ["'+1 location", "'@publisher"]
    assert row[8] == "'=cmd|' /C calc'!A0 (-Minister, France)"
    _, first, second = read_csv(client.get("/export/statements.csv"))
    text = exports.STATEMENT_COLUMNS.index("text")
    assert first[text] == awkward
    assert second[text] == "'-2 is a number"


def test_readouts_json_is_the_api_shape_without_raw_text(client, archive):
    response = client.get("/export/readouts.json", {"country": "RU"})
    assert response.streaming
    assert response["Content-Type"] == "application/json"
    items = json.loads(b"".join(response.streaming_content))
    assert [item["id"] for item in items] == [archive.russian.pk]
    detail = client.get(f"/api/readouts/{archive.russian.pk}/").json()
    # The export leaves out the raw text and, with it, the page's history (revisions, removal).
    for name in ("raw_text", "revisions", "removed_by_publisher_at"):
        del detail[name]
    assert items[0] == detail


def test_empty_json_export_is_an_empty_array(client, archive):
    response = client.get("/export/readouts.json", {"location": "Atlantis"})
    assert json.loads(b"".join(response.streaming_content)) == []


@pytest.mark.parametrize("path", ["/export/readouts.csv", "/export/statements.csv", "/export/readouts.json"])
def test_invalid_filters_are_a_json_400(client, archive, path):
    response = client.get(path, {"country": "XX", "meeting_date_after": "yesterday"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"country", "meeting_date_after"}


@pytest.mark.parametrize(
    ("path", "queries_per_chunk"),
    [("/export/readouts.csv", 1), ("/export/statements.csv", 1), ("/export/readouts.json", 2)],
)
@pytest.mark.parametrize("chunk_size", [5, 10, 30])
def test_queries_grow_with_chunks_not_rows(
    client, busy_archive, monkeypatch, django_assert_num_queries, path, queries_per_chunk, chunk_size
):
    monkeypatch.setattr(exports, "CHUNK_SIZE", chunk_size)
    chunks = -(-len(busy_archive.readouts) // chunk_size)
    response = client.get(path)
    # One cursor over the readouts, then the prefetches of each chunk, as the response is read.
    with django_assert_num_queries(1 + chunks * queries_per_chunk):
        content = b"".join(response.streaming_content)
    assert content.count(b"meeting 29") >= 1


def test_export_is_read_as_it_is_sent(client, busy_archive, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 10)
    response = client.get("/export/readouts.csv")
    parts = iter(response.streaming_content)
    with django_assert_num_queries(2):  # the cursor and the first chunk's participants: not the 30 rows at once
        first_rows = [next(parts) for _ in range(3)]
    assert first_rows[0].startswith("\ufeffid,".encode())
    assert len(b"".join(parts).splitlines()) == 28


def search_download_links(client, params):
    html = client.get("/search/", params).content.decode()
    return dict(re.findall(r'<a href="(/export/[a-z]+\.[a-z]+)\?([^"]*)" download>', html))


def test_a_scoped_search_exports_only_its_paragraphs(client, archive):
    params = {"q": "neighbours", "speaker": "wang-yi", "kind": "statement", "sort": "oldest", "page": "1"}
    links = search_download_links(client, params)
    query = links["/export/statements.csv"]
    kept = dict(parse_qsl(query.replace("&amp;", "&")))
    assert kept == {"q": "neighbours", "speaker": "wang-yi", "kind": "statement", "sort": "oldest"}
    _, *rows = read_csv(client.get(f"/export/statements.csv?{query.replace('&amp;', '&')}"))
    # The page says one paragraph: the export holds that one, not the readout's three.
    assert [(row[0], row[4], row[6]) for row in rows] == [(str(archive.main.pk), "2", "Wang Yi")]


def test_a_search_export_keeps_the_scope_for_the_readouts_too(client, archive):
    # "Wang" is in four readouts' paragraphs, and Tokayev speaks in one of those readouts, but not of Wang.
    _, *rows = read_csv(client.get("/export/readouts.csv", {"q": "Wang", "speaker": "kassym-jomart-tokayev"}))
    assert rows == []
    _, *rows = read_csv(client.get("/export/readouts.csv", {"q": "relations", "speaker": "kassym-jomart-tokayev"}))
    assert [int(row[0]) for row in rows] == [archive.later.pk]
    _, *rows = read_csv(client.get("/export/statements.csv", {"q": "Tokayev", "kind": "narrative"}))
    assert sorted(row[exports.STATEMENT_COLUMNS.index("text")] for row in rows) == [
        "Tokayev met Wang Yi in Nur-Sultan.",
        "Tokayev received Wang Yi.",
        "Wang Yi met President Tokayev.",
    ]


def test_a_search_export_in_order_of_relevance(client, db):
    strong = make_readout(title="Strong", paragraphs=[("Grain grain grain exports.", None, Statement.Kind.NARRATIVE)])
    weak_text = "Talks covered many topics, energy, trade and grain."
    weak = make_readout(title="Weak", paragraphs=[(weak_text, None, Statement.Kind.NARRATIVE)])
    _, *rows = read_csv(client.get("/export/readouts.csv", {"q": "grain", "sort": "relevance"}))
    assert [int(row[0]) for row in rows] == [strong.pk, weak.pk]
    _, *rows = read_csv(client.get("/export/readouts.csv", {"q": "grain", "sort": "oldest"}))
    assert [int(row[0]) for row in rows] == sorted([strong.pk, weak.pk], key=lambda pk: pk)


def test_a_scoped_export_rejects_an_unknown_speaker(client, archive):
    response = client.get("/export/statements.csv", {"q": "talks", "speaker": "nobody-at-all"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"speaker"}
