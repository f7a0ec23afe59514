"""The admin's "Import from a web address" page and its sources section."""

import pytest
from django.urls import reverse

from readouts.models import Readout, Source
from tests.sources.conftest import MEETING, Reply, readout_page

pytestmark = pytest.mark.django_db


def test_import_from_a_web_address_fetches_the_page_and_opens_the_readout(admin_client, site):
    site.serve("/berg", readout_page(MEETING))
    changelist = admin_client.get(reverse("admin:readouts_readout_changelist")).content.decode()
    assert "Import from a web address" in changelist

    response = admin_client.post(reverse("admin:readouts_readout_import_address"), {"url": site.url("/berg")})

    readout = Readout.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:readouts_readout_change", args=[readout.pk])


def test_a_bad_address_is_named_with_its_reason_and_saves_nothing(admin_client, site):
    site.serve("/gone", Reply("<html><body><p>x</p></body></html>", status=404))

    response = admin_client.post(reverse("admin:readouts_readout_import_address"), {"url": site.url("/gone")})

    assert response.status_code == 200
    assert f"{site.url('/gone')}: the server answered 404 Not Found" in response.content.decode()
    assert not Readout.objects.exists()


def test_a_source_is_added_in_the_admin(admin_client):
    response = admin_client.post(
        reverse("admin:readouts_source_add"),
        {
            "name": "Ministry news",
            "kind": "feed",
            "url": "https://example.org/feed.xml",
            "interval": "06:00:00",
            "active": "on",
            "link_pattern": "",
        },
    )

    assert response.status_code == 302
    assert Source.objects.get().name == "Ministry news"
    assert "Ministry news" in admin_client.get(reverse("admin:readouts_source_changelist")).content.decode()
