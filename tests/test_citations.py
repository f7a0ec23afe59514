"""Citations: the pure functions on unsaved objects, then the downloads and the template helpers."""

import datetime
import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from readouts.citations import citation_text, escape_bibtex, to_bibtex, to_csl_json
from readouts.models import Readout, Statement

ACCESSED = datetime.date(2026, 5, 1)
URL = "https://archive.example/readouts/2022/06/07/tokayev-meets-wang-yi/"


def a_readout(**fields):
    defaults = {
        "pk": 12,
        "title": "Tokayev meets Wang Yi",
        "slug": "tokayev-meets-wang-yi",
        "meeting_date": datetime.date(2022, 6, 7),
        "published_date": datetime.date(2022, 6, 8),
        "publisher": "Akorda",
        "location": "Nur-Sultan",
        "source_url": "https://www.akorda.kz/en/tokayev-meets-wang-yi",
        "language": "en",
    }
    return Readout(**{**defaults, **fields})


def test_citation_line():
    assert citation_text(a_readout(), url=URL, accessed=ACCESSED) == (
        "Akorda. “Tokayev meets Wang Yi.” June 7, 2022. https://www.akorda.kz/en/tokayev-meets-wang-yi. "
        f"Readout Archive, {URL} (accessed May 1, 2026)."
    )


def test_citation_line_of_a_paragraph_without_publisher_date_or_source():
    readout = a_readout(publisher="", meeting_date=None, source_url="")
    statement = Statement(position=3, text="...")
    assert citation_text(readout, statement, url=f"{URL}#p3", accessed=ACCESSED) == (
        f"“Tokayev meets Wang Yi,” paragraph 3. n.d. Readout Archive, {URL}#p3 (accessed May 1, 2026)."
    )


def test_csl_json():
    item = to_csl_json(a_readout(), Statement(position=2), url=f"{URL}#p2", accessed=ACCESSED)
    assert item == {
        "id": "readout-12-p2",
        "type": "webpage",
        "title": "Tokayev meets Wang Yi",
        "author": [{"literal": "Akorda"}],
        "container-title": "Readout Archive",
        "URL": f"{URL}#p2",
        "accessed": {"date-parts": [[2026, 5, 1]]},
        "language": "en",
        "publisher": "Akorda",
        "issued": {"date-parts": [[2022, 6, 8]]},
        "event-date": {"date-parts": [[2022, 6, 7]]},
        "event-place": "Nur-Sultan",
        "section": "paragraph 2",
        "note": "Paragraph 2. Original: https://www.akorda.kz/en/tokayev-meets-wang-yi",
    }


def test_bibtex():
    entry = to_bibtex(a_readout(source_url="https://x.example/a%20b#top"), url=URL, accessed=ACCESSED)
    assert entry == (
        "@misc{readout-12,\n"
        "  author = {{Akorda}},\n"
        "  title = {{Tokayev meets Wang Yi}},\n"
        "  date = {2022-06-07},\n"
        "  year = {2022},\n"
        "  month = {6},\n"
        "  note = {Original: \\url{https://x.example/a\\%20b\\#top}},\n"
        f"  howpublished = {{Readout Archive, \\url{{{URL}}}}},\n"
        f"  url = {{{URL}}},\n"
        "  urldate = {2026-05-01},\n"
        "  language = {en}\n"
        "}\n"
    )


def test_bibtex_escapes_latex_specials_and_keeps_unicode():
    assert escape_bibtex("R&D: 50% {up} #1 $x_y^2 ~ \\ Лавров") == (
        "R\\&D: 50\\% \\{up\\} \\#1 \\$x\\_y\\textasciicircum{}2 \\textasciitilde{} \\textbackslash{} Лавров"
    )
    entry = to_bibtex(a_readout(title="Talks on {R&D}", publisher=""), url=URL, accessed=ACCESSED)
    assert "title = {{Talks on \\{R\\&D\\}}}" in entry
    assert "author = {{Readout Archive}}" in entry
    unescaped = re.sub(r"\\[{}]", "", entry)
    assert unescaped.count("{") == unescaped.count("}")


@pytest.mark.django_db
def test_downloads(client, archive):
    base = archive.main.get_absolute_url()
    response = client.get(f"{base}cite.bib")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert f'filename="readout-{archive.main.pk}.bib"' in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith(f"@misc{{readout-{archive.main.pk},")
    assert f"url = {{http://testserver{base}}}" in body

    response = client.get(f"{base}cite.json", {"p": 2})
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(response.content)
    assert item["id"] == f"readout-{archive.main.pk}-p2"
    assert item["URL"] == f"http://testserver{base}#p2"

    undated = client.get(f"{archive.undated.get_absolute_url()}cite.json")
    assert json.loads(undated.content)[0]["title"] == "Guterres meets Tokayev"


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", ["cite.bib?p=9", "cite.bib?p=x", "cite.json?p=-1"])
def test_missing_paragraph_is_404(client, archive, suffix):
    assert client.get(f"{archive.main.get_absolute_url()}{suffix}").status_code == 404


@pytest.mark.django_db
def test_impossible_date_is_404(client, archive):
    assert client.get("/readouts/2022/02/31/tokayev-meets-wang-yi/cite.bib").status_code == 404


@pytest.mark.django_db
def test_template_helpers(archive):
    request = RequestFactory().get("/")
    statement = archive.main.statements.get(position=2)
    template = Template(
        "{% load citations %}{% citation readout %}|{% citation readout statement %}|"
        "{% citation_url readout 'bib' %}|{% citation_url readout 'json' statement %}|{% citation_url undated 'bib' %}"
    )
    line, paragraph, bib, json_url, undated = template.render(
        Context({"request": request, "readout": archive.main, "statement": statement, "undated": archive.undated})
    ).split("|")
    assert line.startswith("Akorda. “Tokayev meets Wang Yi.” June 7, 2022.")
    assert "paragraph 2" in paragraph and "tokayev-meets-wang-yi/#p2" in paragraph
    assert bib == "/readouts/2022/06/07/tokayev-meets-wang-yi/cite.bib"
    assert json_url == "/readouts/2022/06/07/tokayev-meets-wang-yi/cite.json?p=2"
    assert undated == "/readouts/undated/guterres-meets-tokayev/cite.bib"
