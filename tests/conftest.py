"""Shared fixtures: a small archive whose relations the page and filter tests know by heart."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from readouts.models import Statement
from tests.factories import make_person, make_readout

STATEMENT, JOINT, NARRATIVE = Statement.Kind.STATEMENT, Statement.Kind.JOINT, Statement.Kind.NARRATIVE


def build_small_archive():
    """Four people, six readouts: three Tokayev–Wang meetings (one told by two publishers), a Lavrov–Wang
    meeting in Russian, and an undated readout."""
    tokayev = make_person("Kassym-Jomart Tokayev", "KZ", slug="kassym-jomart-tokayev", aliases=["Tokaev"])
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    lavrov = make_person("Sergey Lavrov", "RU", slug="sergey-lavrov")
    guterres = make_person("António Guterres", None, slug="antonio-guterres")
    tokayev_wang = [(tokayev, "President"), (wang, "State Councilor and Foreign Minister")]
    earlier = make_readout(
        title="Tokayev receives Wang Yi",
        slug="tokayev-receives-wang-yi",
        meeting_date=datetime.date(2021, 3, 1),
        publisher="Akorda",
        location="Nur-Sultan",
        participants=[(tokayev, "President"), (wang, "Foreign Minister")],
        paragraphs=[("Tokayev received Wang Yi.", None, NARRATIVE)],
    )
    main = make_readout(
        title="Tokayev meets Wang Yi",
        slug="tokayev-meets-wang-yi",
        meeting_date=datetime.date(2022, 6, 7),
        publisher="Akorda",
        location="Nur-Sultan",
        source_url="https://www.akorda.kz/en/tokayev-meets-wang-yi",
        participants=tokayev_wang,
        paragraphs=[
            ("Tokayev met Wang Yi in Nur-Sultan.", None, NARRATIVE),
            ("Wang said the two countries are good neighbours.", wang, STATEMENT),
            ("Both sides agreed to meet again.", None, JOINT),
        ],
    )
    other_publisher = make_readout(
        title="Wang Yi meets President Tokayev",
        slug="wang-yi-meets-president-tokayev",
        meeting_date=datetime.date(2022, 6, 7),
        publisher="Ministry of Foreign Affairs of the PRC",
        location="Nur-Sultan",
        participants=[(wang, "State Councilor and Foreign Minister"), (tokayev, "President")],
        paragraphs=[("Wang Yi met President Tokayev.", None, NARRATIVE)],
    )
    later = make_readout(
        title="Tokayev and Wang Yi talk in Beijing",
        slug="tokayev-and-wang-yi-talk-in-beijing",
        meeting_date=datetime.date(2023, 1, 10),
        publisher="Akorda",
        location="Beijing",
        participants=tokayev_wang,
        paragraphs=[("Tokayev said relations are excellent.", tokayev, STATEMENT)],
    )
    russian = make_readout(
        title="Лавров и Ван И провели переговоры",
        slug="lavrov-i-van-i",
        meeting_date=datetime.date(2022, 7, 1),
        publisher="МИД России",
        location="Москва",
        language="ru",
        participants=[(lavrov, "Министр иностранных дел"), (wang, "Министр иностранных дел КНР")],
        paragraphs=[("Лавров заявил о важности диалога.", lavrov, STATEMENT)],
    )
    undated = make_readout(
        title="Guterres meets Tokayev",
        slug="guterres-meets-tokayev",
        meeting_date=None,
        publisher="United Nations",
        participants=[(guterres, "Secretary-General"), (tokayev, "President")],
        paragraphs=[("The Secretary-General met the President.", None, NARRATIVE)],
    )
    return SimpleNamespace(
        tokayev=tokayev,
        wang=wang,
        lavrov=lavrov,
        guterres=guterres,
        earlier=earlier,
        main=main,
        other_publisher=other_publisher,
        later=later,
        russian=russian,
        undated=undated,
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: markup cached from one test's rows (the country selects'), which its
    rollback removes without a signal, must not show in the next."""
    cache.clear()


@pytest.fixture
def archive(db):
    return build_small_archive()


@pytest.fixture
def busy_archive(db):
    """Thirty readouts, each with three participants of three countries and three paragraphs, all with Wang Yi,
    the same three people every tenth readout: enough rows that a query per row (an N+1) would show."""
    wang = make_person("Wang Yi", "CN", slug="wang-yi")
    codes = ["KZ", "RU", "US", "FR", "DE", "JP", "IN", "BR", "ZA", "TR"]
    guests = [make_person(f"Guest {n}", codes[n], slug=f"guest-{n}") for n in range(10)]
    advisers = [make_person(f"Adviser {n}", codes[(n + 1) % len(codes)], slug=f"adviser-{n}") for n in range(10)]
    readouts = []
    for number in range(30):
        guest, third = guests[number % 10], advisers[number % 10]
        readouts.append(
            make_readout(
                title=f"Wang Yi meets Guest {number % 10}, meeting {number}",
                meeting_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number * 9),
                publisher=f"Publisher {number % 3}",
                location="Beijing",
                participants=[(wang, f"Title {number % 4}"), (guest, "Minister"), (third, "Adviser")],
                paragraphs=[
                    (f"Wang Yi met guest {number % 10} for meeting {number}.", None, NARRATIVE),
                    ("Wang said cooperation matters.", wang, STATEMENT),
                    ("Both sides agreed.", None, JOINT),
                ],
            )
        )
    return SimpleNamespace(wang=wang, readouts=readouts)
