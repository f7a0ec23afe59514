"""Atom feeds of lists, people and countries, and their answers to conditional requests."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def entry_ids(feed):
    return [entry.find(f"{ATOM}id").text for entry in feed.iter(f"{ATOM}entry")]


def urn(readout):
    return f"urn:readout-archive:readout:{readout.pk}"


def test_latest_readouts(client, archive):
    feed = parse(client.get("/feeds/readouts.atom"))
    assert feed.find(f"{ATOM}title").text == "Readout Archive: latest readouts"
    newest_first = [archive.later, archive.russian, archive.other_publisher, archive.main, archive.earlier]
    assert entry_ids(feed) == [urn(r) for r in [*newest_first, archive.undated]]
    main = next(e for e in feed.iter(f"{ATOM}entry") if e.find(f"{ATOM}id").text == urn(archive.main))
    assert main.find(f"{ATOM}link").get("href") == f"http://testserver{archive.main.get_absolute_url()}"
    assert main.find(f"{ATOM}author/{ATOM}name").text == "Akorda"
    assert main.find(f"{ATOM}published").text.startswith("2022-06-07T00:00:00")
    summary = main.find(f"{ATOM}summary").text
    assert "<p>Kassym-Jomart Tokayev (President, Kazakhstan);" in summary
    assert "<p>Tokayev met Wang Yi in Nur-Sultan.</p>" in summary


def test_a_list_feed_takes_the_list_page_query_string(client, archive):
    feed = parse(client.get("/feeds/readouts.atom", {"country": "kz", "counterpart": "cn", "location": "Beijing"}))
    assert entry_ids(feed) == [urn(archive.later)]
    title = feed.find(f"{ATOM}title").text
    assert "Kazakhstan" in title and "Beijing" in title
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["alternate"] == "http://testserver/readouts/?country=kz&counterpart=cn&location=Beijing"
    assert links["self"] == "http://testserver/feeds/readouts.atom?country=kz&counterpart=cn&location=Beijing"


def test_person_and_country_feeds(client, archive):
    lavrov = parse(client.get("/feeds/people/sergey-lavrov.atom"))
    assert lavrov.find(f"{ATOM}title").text == "Readout Archive: Sergey Lavrov"
    assert entry_ids(lavrov) == [urn(archive.russian)]
    russia = parse(client.get("/feeds/countries/ru.atom"))
    assert russia.find(f"{ATOM}title").text == "Readout Archive: Russia"
    assert entry_ids(russia) == [urn(archive.russian)]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/feeds/readouts.atom?country=XX", 400),
        ("/feeds/readouts.atom?meeting_date_after=soon", 400),
        ("/feeds/people/nobody.atom", 404),
        ("/feeds/countries/xx.atom", 404),
    ],
)
def test_bad_feed_requests(client, archive, path, status):
    assert client.get(path).status_code == status


def test_feed_query_count_does_not_grow_with_rows(client, busy_archive, django_assert_num_queries):
    # ETag aggregate, readouts, participants, statements.
    with django_assert_num_queries(4):
        parse(client.get("/feeds/readouts.atom"))


def test_conditional_feed_requests(client, archive, django_assert_num_queries):
    path = "/feeds/people/wang-yi.atom"
    first = client.get(path)
    assert first["ETag"] and first["Last-Modified"]
    with django_assert_num_queries(2):  # the person and the aggregate
        assert client.get(path, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(path, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    archive.russian.title = "Lavrov and Wang Yi hold talks"
    archive.russian.save()
    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert b"Lavrov and Wang Yi hold talks" in again.content
    # A readout without Wang Yi changes nothing in his feed.
    etag = again["ETag"]
    archive.undated.save()
    assert client.get(path, headers={"if-none-match": etag}).status_code == 304
