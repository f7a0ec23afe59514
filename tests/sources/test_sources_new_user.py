"""The new user's path, end to end against the local site: a feed added in the admin, fetch_sources, the new
readouts with their sources, a page changed by its publisher, fetch_sources again, the changes page."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from readouts.models import Readout, Source
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db

HOLM = [
    "BERGEN, 6 March 2024 – Foreign Minister Anna Berg of Norway received Foreign Minister Petra Holm of Finland "
    "in Bergen on Wednesday for talks on Arctic cooperation.",
    "Berg said that the two countries would deepen cooperation on search and rescue in the Arctic.",
    "Holm thanked Norway for its hospitality and invited Berg to Helsinki.",
]
DAHL = [
    "OSLO, 8 March 2024 – Foreign Minister Anna Berg of Norway met Foreign Minister Jonas Dahl of Denmark in Oslo "
    "on Friday to discuss shipping and fisheries in the North Sea.",
    "Dahl said that Denmark and Norway would protect the fish stocks of the North Sea together.",
    "The ministers agreed to meet again in Copenhagen in May.",
]


def fetch_sources(*args):
    out = io.StringIO()
    try:
        call_command("fetch_sources", *args, "--delay", "0", stdout=out, stderr=io.StringIO())
    except CommandError as error:
        out.write(f"ERROR {error}\n")
    return out.getvalue()


def test_a_feed_added_in_the_admin_brings_readouts_whose_revisions_one_can_read(admin_client, client, site):
    site.serve("/news/berg-lind", readout_page(MEETING))
    site.serve("/news/berg-holm", readout_page(HOLM, title="Foreign Minister Anna Berg receives Petra Holm"))
    # Reached through a redirect, and busy at first (500, then the page).
    site.serve("/go/berg-dahl", Reply(status=302, headers={"Location": "/news/berg-dahl"}, conditional=False))
    site.serve(
        "/news/berg-dahl",
        [Reply("busy", status=500), Reply(readout_page(DAHL, title="Foreign Minister Anna Berg meets Jonas Dahl"))],
    )
    items = "".join(
        f"<item><title>News</title><link>{site.url(path)}</link></item>"
        for path in ("/news/berg-lind", "/news/berg-holm", "/go/berg-dahl")
    )
    site.serve(
        "/feed.xml",
        Reply(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{items}</channel></rss>',
            content_type="application/rss+xml",
        ),
    )

    # 1. The feed, added in the admin through its form.
    form = admin_client.get(reverse("admin:readouts_source_add")).content.decode()
    assert 'name="url"' in form and "RSS or Atom feed" in form
    response = admin_client.post(
        reverse("admin:readouts_source_add"),
        {
            "name": "Ministry news",
            "kind": "feed",
            "url": site.url("/feed.xml"),
            "interval": "06:00:00",
            "active": "on",
            "link_pattern": "",
        },
    )
    assert response.status_code == 302

    # 2. fetch_sources brings the three readouts.
    assert "Ministry news: 3 new, 0 revised, 0 unchanged, 0 removed, 0 failed" in fetch_sources()
    lind = Readout.objects.get(source_url=site.url("/news/berg-lind"))
    assert Readout.objects.filter(source_url=site.url("/news/berg-dahl")).exists()  # the page the redirect led to

    # 3. The readout page gives its source.
    page = client.get(lind.get_absolute_url()).content.decode()
    assert f'href="{site.url("/news/berg-lind")}"' in page
    assert "found through Ministry news (RSS or Atom feed)" in page
    assert "Revised by the publisher" not in page
    source_page = admin_client.get(reverse("admin:readouts_source_changelist")).content.decode()
    assert "3 new, 0 revised" in source_page

    # 4. The publisher changes one page and takes another down; the next run sees both.
    changed = [*MEETING[:3], "The two ministers agreed to meet again in Tromsø in June."]
    site.serve("/news/berg-lind", readout_page(changed))
    site.serve("/news/berg-holm", Reply("<html><body><p>Gone</p></body></html>", status=410))
    assert "Ministry news: 0 new, 1 revised, 1 unchanged, 1 removed, 0 failed" in fetch_sources("--all")

    # 5. The readout page says so and leads to what changed.
    page = client.get(lind.get_absolute_url()).content.decode()
    assert "Revised by the publisher 1 time" in page
    changes = client.get(f"{lind.get_absolute_url()}changes/")
    assert changes.status_code == 200
    text = changes.content.decode()
    assert "Revision 1 to revision 2" in text
    marked = [
        (kind, words) for change in changes.context["changes"] for kind, words in change.segments if kind != "same"
    ]
    assert marked == [("removed", "Stockholm"), ("added", "Tromsø"), ("removed", "the autumn."), ("added", "June.")]
    assert "<del>Stockholm</del><ins>Tromsø</ins> in <del>the autumn.</del><ins>June.</ins>" in text
    holm = client.get(Readout.objects.get(source_url=site.url("/news/berg-holm")).get_absolute_url())
    assert "Removed by the publisher" in holm.content.decode()
    assert Source.objects.get().last_summary == "Ministry news: 0 new, 1 revised, 1 unchanged, 1 removed, 0 failed"
