"""The JSON API: shapes, filters, pagination, errors, query counts, conditional requests, and the schema."""

import datetime

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.urls import reverse
from hypothesis import HealthCheck, settings

from readouts.models import Country, DateBasis, Readout, refresh_meeting_counts

pytestmark = pytest.mark.django_db


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_readout_list_shape(client, archive):
    data = get_json(client, reverse("api:readout_list"))
    assert data["count"] == 6
    assert data["previous"] is None and data["next"] is None
    first = data["results"][0]
    assert first["id"] == archive.later.pk
    assert first["meeting_date"] == "2023-01-10"
    assert first["url"] == f"http://testserver{archive.later.get_absolute_url()}"
    assert first["api_url"] == f"http://testserver/api/readouts/{archive.later.pk}/"
    assert [p["person"]["slug"] for p in first["participants"]] == ["kassym-jomart-tokayev", "wang-yi"]
    assert first["participants"][0] == {
        "order": 0,
        "title": "President",
        "person": {
            "slug": "kassym-jomart-tokayev",
            "name": "Kassym-Jomart Tokayev",
            "country": {"code": "KZ", "name": "Kazakhstan"},
            "url": "http://testserver/people/kassym-jomart-tokayev/",
            "api_url": "http://testserver/api/people/kassym-jomart-tokayev/",
        },
    }
    assert "raw_text" not in first and "statements" not in first
    # The undated readout comes last, as on the list page.
    assert data["results"][-1]["meeting_date"] is None


def test_readout_list_uses_the_list_page_filters(client, archive):
    data = get_json(client, reverse("api:readout_list"), country="kz", counterpart="CN", sort="oldest")
    assert [r["id"] for r in data["results"]] == [
        archive.earlier.pk,
        archive.main.pk,
        archive.other_publisher.pk,
        archive.later.pk,
    ]
    data = get_json(client, reverse("api:readout_list"), participant="sergey-lavrov")
    assert [r["id"] for r in data["results"]] == [archive.russian.pk]
    june = {"meeting_date_after": "2022-06-07", "meeting_date_before": "2022-06-30"}
    data = get_json(client, reverse("api:readout_list"), **june)
    assert {r["id"] for r in data["results"]} == {archive.main.pk, archive.other_publisher.pk}


def test_readout_detail_has_statements_and_raw_text(client, archive):
    data = get_json(client, reverse("api:readout_detail", args=[archive.main.pk]))
    assert data["raw_text"] == archive.main.raw_text
    assert data["source_url"] == "https://www.akorda.kz/en/tokayev-meets-wang-yi"
    assert [(s["position"], s["kind"]) for s in data["statements"]] == [
        (1, "narrative"),
        (2, "statement"),
        (3, "joint"),
    ]
    assert data["statements"][0]["speaker"] is None
    assert data["statements"][1]["speaker"]["slug"] == "wang-yi"
    assert data["statements"][1]["url"].endswith(f"{archive.main.get_absolute_url()}#p2")
    assert datetime.datetime.fromisoformat(data["updated_at"]) == archive.main.updated_at


def test_readouts_say_whose_side_tells_them_and_what_the_importer_guessed(client, archive):
    main = archive.main
    Readout.objects.filter(pk=main.pk).update(
        publisher_country=Country.objects.get(code="KZ"),
        location_guessed=True,
        meeting_date_basis=DateBasis.YEAR_INFERRED,
    )
    main.statements.filter(position=2).update(speaker_guessed=True)
    listed = {r["id"]: r for r in get_json(client, reverse("api:readout_list"))["results"]}
    assert listed[main.pk]["publisher_country"] == {"code": "KZ", "name": "Kazakhstan"}
    assert listed[main.pk]["location_guessed"] is True and listed[main.pk]["meeting_date_guessed"] is True
    later = listed[archive.later.pk]
    assert later["publisher_country"] is None and later["location_guessed"] is False
    assert later["meeting_date_guessed"] is False
    detail = get_json(client, reverse("api:readout_detail", args=[main.pk]))
    assert detail["meeting_date_basis"] == "year_inferred" and detail["publisher_country"]["code"] == "KZ"
    assert [s["speaker_guessed"] for s in detail["statements"]] == [False, True, False]
    schema = client.get(reverse("api:schema"), headers={"accept": "application/json"}).json()
    schemas = schema["components"]["schemas"]
    documented = {
        "Readout": ["publisher_country", "location_guessed", "meeting_date_guessed"],
        "Statement": ["speaker_guessed"],
    }
    for name, fields in documented.items():
        for field in fields:
            assert field in schemas[name]["required"], (name, field)
            assert "description" in schemas[name]["properties"][field], (name, field)


def test_people_and_countries(client, archive):
    people = get_json(client, reverse("api:person_list"))
    assert [p["slug"] for p in people["results"]] == [
        "antonio-guterres",
        "kassym-jomart-tokayev",
        "sergey-lavrov",
        "wang-yi",
    ]
    assert people["results"][0]["country"] is None
    wang = get_json(client, reverse("api:person_detail", args=["wang-yi"]))
    assert wang["meetings"] == 5
    # The list counts as the people page does, as of the last import.
    refresh_meeting_counts()
    listed = get_json(client, reverse("api:person_list"))["results"]
    assert next(p["meetings"] for p in listed if p["slug"] == "wang-yi") == 5
    assert wang["readouts_api_url"] == "http://testserver/api/readouts/?participant=wang-yi"
    assert [t["title"] for t in wang["titles"]] == [
        "Foreign Minister",
        "State Councilor and Foreign Minister",
        "Министр иностранных дел КНР",
    ]
    assert wang["titles"][1] == {
        "title": "State Councilor and Foreign Minister",
        "first": "2022-06-07",
        "last": "2023-01-10",
        "meetings": 3,
    }
    kazakhstan = get_json(client, reverse("api:country_detail", args=["kz"]))
    assert (kazakhstan["code"], kazakhstan["people"]) == ("KZ", 1)
    countries = get_json(client, reverse("api:country_list"), page_size=100)
    assert countries["count"] > 190
    assert countries["next"].endswith("?page=2&page_size=100")


def test_pagination_links(client, busy_archive):
    url = reverse("api:readout_list")
    first = get_json(client, url, page_size=7)
    assert first["count"] == 30
    assert first["next"] == "http://testserver/api/readouts/?page=2&page_size=7"
    last = get_json(client, url, page=5, page_size=7)
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/readouts/?page=4&page_size=7"
    assert len(last["results"]) == 2
    everything = [r["id"] for page in range(1, 6) for r in get_json(client, url, page=page, page_size=7)["results"]]
    assert sorted(everything) == sorted(r.pk for r in busy_archive.readouts)


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"page_size": "101"}, 400, "page_size"),
        ({"page_size": "0"}, 400, "page_size"),
        ({"page_size": "abc"}, 400, "page_size"),
        ({"page": "abc"}, 404, None),
        ({"page": "99"}, 404, None),
        ({"page": "-1"}, 404, None),
        ({"countyr": "KZ"}, 400, "countyr"),
        ({"format": "xml"}, 400, "format"),
        ({"country": "XX"}, 400, "country"),
        ({"country": "Kazakhstan"}, 400, "country"),
        ({"participant": "no such person"}, 400, "participant"),
        ({"meeting_date_after": "2022-13-01"}, 400, "meeting_date_after"),
        ({"meeting_date_after": "2023-01-01", "meeting_date_before": "2022-01-01"}, 400, "__all__"),
        ({"location": "a\x00b"}, 400, "location"),
        ({"sort": "sideways"}, 400, "sort"),
    ],
)
def test_bad_input_is_a_json_4xx(client, archive, params, status, field):
    data = get_json(client, reverse("api:readout_list"), status=status, **params)
    assert data["detail"]
    if field:
        assert field in data["errors"]


@pytest.mark.parametrize(
    "path",
    ["/api/readouts/abc/", "/api/readouts/999999/", "/api/readouts/99999999999999999999999/", "/api/people/nobody/"],
)
def test_unknown_objects_are_json_404s(client, archive, path):
    assert "detail" in get_json(client, path, status=404)


def test_page_sizes_have_a_cap(client, busy_archive):
    assert len(get_json(client, reverse("api:readout_list"), page_size=100)["results"]) == 30
    assert len(get_json(client, reverse("api:readout_list"))["results"]) == 20


def test_list_query_count_does_not_grow_with_rows(client, busy_archive, django_assert_num_queries):
    # ETag aggregate, count, page, participants with people and countries.
    with django_assert_num_queries(4):
        data = get_json(client, reverse("api:readout_list"), page_size=30)
    assert sum(len(r["participants"]) for r in data["results"]) == 90


def test_filtered_list_query_count(client, busy_archive, django_assert_max_num_queries):
    # Plus the lookups of the person and the country named in the query string, for the ETag and for the list.
    with django_assert_max_num_queries(8):
        get_json(client, reverse("api:readout_list"), participant="wang-yi", country="KZ", page_size=30)


def test_detail_query_count(client, busy_archive, django_assert_num_queries):
    readout = busy_archive.readouts[0]
    # ETag, readout (with its source page), participants, statements, revisions.
    with django_assert_num_queries(5):
        get_json(client, reverse("api:readout_detail", args=[readout.pk]))


def test_people_and_country_lists_query_counts(client, busy_archive, django_assert_num_queries):
    with django_assert_num_queries(2):
        get_json(client, reverse("api:person_list"), page_size=21)
    with django_assert_num_queries(2):
        get_json(client, reverse("api:country_list"), page_size=100)
    with django_assert_num_queries(2):
        get_json(client, reverse("api:person_detail", args=["wang-yi"]))


def test_conditional_list_request_is_answered_304(client, archive, django_assert_num_queries):
    url = reverse("api:readout_list") + "?country=KZ"
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    with django_assert_num_queries(1):  # the aggregate (the country is known: filters.country_by_code): no list
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    archive.main.title = "Tokayev meets Wang Yi again"
    archive.main.save()
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert "Tokayev meets Wang Yi again" in changed.content.decode()


def test_a_list_filtered_by_words_is_validated_by_the_whole_archive(client, archive, django_assert_num_queries):
    """Its validators never read the matches: a change to any readout, even one the list does not hold, is a
    change of the list's ETag, and an unchanged archive is a 304 without a full-text query."""
    url = reverse("api:readout_list") + "?q=neighbours"
    first = client.get(url)
    assert first.json()["count"] == 1
    with django_assert_num_queries(1) as queries:
        assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert "search_vector" not in queries.captured_queries[0]["sql"]
    archive.russian.save()  # not in the list
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 200


def test_deleting_a_readout_changes_the_etag(client, archive):
    url = reverse("api:readout_list")
    before = client.get(url)["ETag"]
    archive.earlier.delete()
    assert client.get(url, headers={"if-none-match": before}).status_code == 200


def test_conditional_detail_and_people_requests(client, archive):
    url = reverse("api:readout_detail", args=[archive.main.pk])
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304
    people = reverse("api:person_list")
    etag = client.get(people)["ETag"]
    assert client.get(people, headers={"if-none-match": etag}).status_code == 304
    archive.wang.name = "Wang Yi (王毅)"
    archive.wang.save()
    assert client.get(people, headers={"if-none-match": etag}).status_code == 200


def test_root_lists_the_endpoints(client, db):
    data = get_json(client, "/api/")
    assert data["readouts"] == "http://testserver/api/readouts/"
    assert data["schema"] == "http://testserver/api/schema/"
    assert data["search"] == "http://testserver/api/search/"


def test_search_returns_highlighted_paragraphs_grouped_by_readout(client, archive, django_assert_max_num_queries):
    get_json(client, "/api/search/", q="talks")  # the archive's languages and names, cached from then on
    # A speaker adds the planner's two estimates that choose how their paragraphs are read (search.matches_of).
    with django_assert_max_num_queries(12):
        data = get_json(client, "/api/search/", q="neighbours", country="KZ", speaker="wang-yi")
    assert (data["paragraph_count"], data["readout_count"], data["approximate"]) == (1, 1, False)
    hit = data["results"][0]
    assert hit["readout"]["url"] == f"http://testserver{archive.main.get_absolute_url()}"
    paragraph = hit["paragraphs"][0]
    assert paragraph["snippet_html"] == "Wang said the two countries are good <mark>neighbours</mark>"
    assert paragraph["speaker"]["slug"] == "wang-yi"
    assert paragraph["url"] == f"http://testserver{archive.main.get_absolute_url()}#p2"
    assert data["years"] == [{"year": 2022, "paragraphs": 1}]
    assert data["next"] is None


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "q"),
        ({"q": "x", "speaker": "nobody"}, "speaker"),
        ({"q": "x", "sort": "best"}, "sort"),
        ({"q": "x", "country": "ZZ"}, "country"),
        ({"q": "x", "colour": "red"}, "colour"),
    ],
)
def test_search_refuses_bad_parameters_with_json_errors(client, archive, params, field):
    data = get_json(client, "/api/search/", status=400, **params)
    assert field in data["errors"]


def test_schema_documents_every_endpoint_and_filter(client, db):
    response = client.get(reverse("api:schema"), headers={"accept": "application/json"})
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/readouts/",
        "/api/readouts/{id}/",
        "/api/people/",
        "/api/people/{slug}/",
        "/api/countries/",
        "/api/countries/{code}/",
        "/api/search/",
        "/api/meetings/",
        "/api/meetings/{id}/",
    }
    parameters = {p["name"] for p in schema["paths"]["/api/readouts/"]["get"]["parameters"]}
    from readouts.filters import ReadoutFilter

    assert parameters == set(ReadoutFilter.base_filters) | {"page", "page_size"}


# Schemathesis: generated requests, in-process through the WSGI application, against the schema it serves.
# The schema is built without the database, so it loads at collection time.
api_schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def wsgi_requests_keep_the_connection(archive):
    # Requests through the real WSGI handler close the database connection when they finish, as in production;
    # inside a test's transaction the connection must stay open, as Django's test client keeps it.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@api_schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_answers_match_the_schema(case, wsgi_requests_keep_the_connection):
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    case.call_and_validate(
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    )


@pytest.mark.parametrize(
    ("path", "path_parameters", "query"),
    [
        ("/api/readouts/", {}, {"page_size": 100}),
        ("/api/readouts/", {}, {"country": "KZ", "sort": "oldest"}),
        ("/api/readouts/{id}/", "main", {}),
        ("/api/readouts/{id}/", "undated", {}),
        ("/api/people/", {}, {}),
        ("/api/people/{slug}/", {"slug": "antonio-guterres"}, {}),
        ("/api/people/{slug}/", {"slug": "wang-yi"}, {}),
        ("/api/countries/", {}, {"page_size": 100}),
        ("/api/countries/{code}/", {"code": "kz"}, {}),
        ("/api/search/", {}, {"q": "neighbours or Tokayev", "country": "KZ"}),
    ],
)
def test_real_objects_match_the_schema(path, path_parameters, query, wsgi_requests_keep_the_connection, archive):
    """Generated ids and slugs rarely name a real object: these cases make sure full answers are checked too."""
    if isinstance(path_parameters, str):
        path_parameters = {"id": getattr(archive, path_parameters).pk}
    case = api_schema[path]["GET"].Case(path_parameters=path_parameters, query=query)
    response = case.call_and_validate()
    assert response.status_code == 200


def test_a_list_narrowed_by_words_is_counted_up_to_the_cap_and_says_so(client, busy_archive, monkeypatch):
    from readouts import pagination

    url = reverse("api:readout_list")
    exact = get_json(client, url, q="cooperation", page_size=7)  # in all thirty
    assert (exact["count"], exact["count_capped"]) == (30, False)
    monkeypatch.setattr(pagination, "WORDS_COUNT_CAP", 10)
    capped = get_json(client, url, q="cooperation", page_size=7)
    assert (capped["count"], capped["count_capped"]) == (10, True)
    assert capped["next"].endswith("page=2&page_size=7&q=cooperation") or "page=2" in capped["next"]
    assert len(get_json(client, url, q="cooperation", page=2, page_size=7)["results"]) == 3  # the pages end there
    # Without words every readout is counted, whatever the cap.
    assert get_json(client, url, page_size=7)["count_capped"] is False
    assert get_json(client, url, page_size=7)["count"] == 30
