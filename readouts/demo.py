"""The deterministic demo and benchmark corpus: readouts composed by our own generator.

The facts (people with the titles they held and when, cities, publishers, summits, the topic vocabulary) come from
readouts/demo_data.py; every sentence is composed here from phrase pools. Topics are drawn from a Zipf-like
distribution, so a few words ("trade", "cooperation") are in most readouts and hundreds are rare: search
benchmarks need very common, medium and rare words.

- ``compose_readout(seed, serial)`` is pure: the same pair always gives the same DemoReadout, whatever came before.
  Each readout draws from its own ``random.Random`` seeded with both, and its raw text carries the serial
  number, so two serials never give the same text.
- Meetings have more than one account, as the archive's real ones do: a share of the serials are the other side's
  account of the meeting of the serial before (the same day, people and place; the other side's publisher and
  its own wording, leaving out one of the topics), and a share are reprints of it (the same text with a few
  words changed, carried by another publisher a day later). ``DemoReadout.role`` and ``account_of`` say which.
- ``generate_readouts(count, seed, start)`` yields serials ``start``, ``start + 1``, ...
- ``write_demo(count, seed)`` stores readouts numbered after those already in the archive, in batches with
  COPY, one transaction per batch so an interruption leaves whole readouts only.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import re
import sys
import time
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from anyascii import anyascii
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from readouts import demo_data, demo_languages
from readouts.countries import country_records
from readouts.models import Country, Participation, Person, Readout, Statement
from readouts.search.languages import config_for
from readouts.search.words import segmented

STATEMENT, JOINT, NARRATIVE = "statement", "joint", "narrative"
FIRST_DAY = datetime.date(demo_data.FIRST_YEAR, 1, 1).toordinal()
LAST_DAY = datetime.date(demo_data.LAST_YEAR, 12, 31).toordinal()
# What a serial is: an original account, or (when the serial before is an original) the other side's account of
# that meeting or a reprint of it. Drawn per serial, so that a readout still depends on its seed and number alone.
ORIGINAL, OTHER_SIDE, REPRINT = "original", "other side", "reprint"
ROLE_SHARES = ((OTHER_SIDE, 0.25), (REPRINT, 0.08))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
SLUG_LENGTH = 180  # leaves room for "-2", "-3" ... within the 200 characters of Readout.slug
FOREIGN_AFFAIRS_WORDS = ("Foreign", "Secretary of State", "External Affairs", "International Relations")


# ---------------------------------------------------------------------------------------------------------------
# What the generator yields: plain frozen dataclasses, no database.


@dataclass(frozen=True, slots=True)
class DemoPerson:
    name: str
    slug: str
    country_code: str
    short: str  # how the text refers to the person after the first mention: "Tokayev", "Wang"
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoParticipant:
    person: DemoPerson
    title: str  # the title held at the meeting


@dataclass(frozen=True, slots=True)
class DemoParagraph:
    text: str
    kind: str  # "statement" (speaker set), "joint" or "narrative"
    speaker: DemoPerson | None


@dataclass(frozen=True, slots=True)
class DemoReadout:
    serial: int
    title: str
    slug: str  # from the title; the writer appends -2, -3 ... when the meeting date already has it
    meeting_date: datetime.date
    published_date: datetime.date
    location: str
    publisher: str
    language: str
    participants: tuple[DemoParticipant, ...]
    paragraphs: tuple[DemoParagraph, ...]
    topics: tuple[str, ...]
    raw_text: str
    publisher_country: str = ""  # the publisher's country code
    role: str = ORIGINAL  # ORIGINAL, OTHER_SIDE or REPRINT
    account_of: int | None = None  # for another side's account or a reprint, the serial of the original


# ---------------------------------------------------------------------------------------------------------------
# The world: demo_data parsed once into lookup tables.


@dataclass(frozen=True, slots=True)
class Office:
    person: DemoPerson
    title: str
    foreign_affairs: bool


@dataclass(frozen=True, slots=True)
class DemoCountry:
    code: str
    name: str  # as in running text: "Kazakhstan", "the United States"
    adjective: str
    is_organization: bool
    cities: tuple[tuple[str, int, int], ...]  # (name, first year, last year); the capital first
    publishers: tuple[tuple[str, tuple[str, ...]], ...]  # (words in the title, publishers)


@dataclass(frozen=True, slots=True)
class World:
    people: tuple[DemoPerson, ...]
    countries: dict[str, DemoCountry]
    offices: dict[tuple[int, str], tuple[Office, ...]]  # (year, country code) -> who held which office
    codes_by_year: dict[int, tuple[tuple[str, ...], tuple[float, ...]]]  # codes and cumulative weights
    summits_by_year: dict[int, tuple[tuple[str, int, str], ...]]  # (name, month, city)
    topics: tuple[tuple[str, int, int], ...]  # (topic, first year, last year), most common first
    topic_weights: tuple[float, ...]  # cumulative Zipf weights


_SPAN = re.compile(r"^(.*?)(?:\s+(\d{4})(?:-(\d{4}))?)?$")


def split_span(text: str, first: int = demo_data.FIRST_YEAR, last: int = demo_data.LAST_YEAR):
    """ "Foreign Minister 2013-2017" -> ("Foreign Minister", 2013, 2017); no years: the whole period."""
    name, start, end = _SPAN.match(text.strip()).groups()
    if start is None:
        return name, first, last
    return name, int(start), int(end or start)


def parse_people(table: str = demo_data.PEOPLE) -> list[tuple[DemoPerson, list[tuple[str, int, int]]]]:
    people = []
    for line in table.strip().splitlines():
        code, name, short, others, roles = (field.strip() for field in line.split("|"))
        short = short or name.split()[-1]
        aliases = []
        spellings = [short, *(other.strip() for other in others.split(","))]
        for alias in [*spellings, *demo_languages.names_in_scripts(name)]:
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        person = DemoPerson(name, slugify(name), code, short, tuple(aliases))
        people.append((person, [split_span(role) for role in roles.split(";")]))
    return people


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@cache
def load_world() -> World:
    records = {record["code"]: record for record in country_records()}
    countries = {}
    for code, (adjective, _weight, cities, publishers) in demo_data.COUNTRIES.items():
        name = records[code]["name"]
        if name in demo_data.NAMES_WITH_ARTICLE:
            name = f"the {name}"
        if not publishers:
            publishers = tuple(
                (words, tuple(p.format(name=name) for p in names)) for words, names in demo_data.DEFAULT_PUBLISHERS
            )
        countries[code] = DemoCountry(
            code=code,
            name=name,
            adjective=adjective,
            is_organization=records[code]["kind"] == "organization",
            cities=tuple(split_span(city) for city in cities),
            publishers=publishers,
        )

    people = parse_people()
    offices: dict[tuple[int, str], list[Office]] = {}
    for person, roles in people:
        for title, first, last in roles:
            office = Office(person, title, any(word in title for word in FOREIGN_AFFAIRS_WORDS))
            for year in range(max(first, demo_data.FIRST_YEAR), min(last, demo_data.LAST_YEAR) + 1):
                offices.setdefault((year, person.country_code), []).append(office)

    codes_by_year = {}
    for year in range(demo_data.FIRST_YEAR, demo_data.LAST_YEAR + 1):
        codes = tuple(code for code in demo_data.COUNTRIES if (year, code) in offices)
        weights = tuple(accumulate(demo_data.COUNTRIES[code][1] for code in codes))
        codes_by_year[year] = (codes, weights)

    summits_by_year: dict[int, list[tuple[str, int, str]]] = {}
    for series, month, cities in demo_data.SUMMITS:
        for year, city in cities.items():
            name = series.format(city=city, session=ordinal(year - 1945))
            summits_by_year.setdefault(year, []).append((name, month, city))

    topics = []
    for line in demo_data.TOPICS.splitlines():
        topic, _, years = line.partition("|")
        topics.append(split_span(f"{topic.strip()} {years.strip()}"))
    # Zipf with exponent 1: the topic at rank r is drawn with a weight of 1/r.
    topic_weights = tuple(accumulate(1 / rank for rank in range(1, len(topics) + 1)))

    return World(
        people=tuple(person for person, _ in people),
        countries=countries,
        offices={key: tuple(value) for key, value in offices.items()},
        codes_by_year=codes_by_year,
        summits_by_year={year: tuple(value) for year, value in summits_by_year.items()},
        topics=tuple(topics),
        topic_weights=topic_weights,
    )


# ---------------------------------------------------------------------------------------------------------------
# Phrase pools: the generator's own sentences. {S} is the speaker's short name at a sentence start, {s} elsewhere;
# {sc}/{Sc} the speaker's country, {oc}/{Oc} the other's; {t1} {t2} {t3} topics; other names are fillers below.

LEADS = (
    "{A_full} met with {others_full} in {city} on {weekday}{clause}.",
    "{A_full} held talks with {others_full} in {city} on {weekday}{clause}.",
    "{A_full} and {others_full} met in {city} on {weekday}, {date_text}{clause}.",
    "On {weekday}, {A_full} had a meeting with {others_full} in {city}{clause}.",
    "{A_full} met {others_full} on {weekday} in {city}{clause}.",
)
LEADS_AT_HOME = (
    "On {weekday}, {A_full} received {others_full} in {city}{clause}.",
    "{A_full} received {others_full} in {city} on {weekday}{clause}.",
)
LEAD_FOLLOW_UPS = (
    "{The_sides} discussed {t1}, {t2} and other issues of mutual interest.",
    "{The_sides} exchanged views on {t1} and {t2}, as well as on international and regional matters.",
    "Their talks focused on {t1}, {t2} and {t3}.",
    "The agenda included {t1}, {t2} and {t3}.",
    "The meeting reviewed the state of relations and the outlook for {t1} and {t2}.",
    "The conversation centred on {t1} and the next steps in {t2}.",
)
STATEMENTS = (
    "{S} said that {sc} attaches great importance to its relations with {oc} and is ready to work with {oc} to "
    "{verb} cooperation in {t1}.",
    "{S} noted that relations between {sc} and {oc} have {progress} in recent years, and that {t1} and {t2} have "
    "become pillars of the partnership.",
    "{S} stressed that {sc} remains committed to {t1} and will continue to support cooperation in {t2}.",
    "{S} called for closer coordination and cooperation between {sc} and {oc} on {t1} and {t2}.",
    "{S} expressed appreciation for {oc_pos} {support} on {t1}.",
    "{S} proposed that the two sides {verb} cooperation in {t1}, {t2} and {t3}.",
    "{S} described cooperation in {t1} as an area of {growing} importance for both countries.",
    "{S} briefed {o} on {sc_pos} priorities in {t1} and {t2}.",
    "{S} underlined the importance of cooperation in {t1} for {goal}.",
    "According to {s}, the two countries should {verb} dialogue on {t1} and make fuller use of existing mechanisms.",
    "{S} raised {concern} concerns about {t1} and urged {oc} to {remedy}.",
    "{S} thanked {oc} for {thanks} and said {sc} values {oc_pos} position on {t1}.",
    "{S} said {sc} welcomes the progress achieved in {t1} and hopes to see {results} results in {t2}.",
    "{S} pointed out that cooperation in {t1} offers {broad} opportunities for businesses in both countries.",
    "{S} reaffirmed {sc_pos} support for {t1} and its readiness to share experience in {t2}.",
    "{S} invited {o} to visit {sc} {when} and to take part in a joint forum on {t1}.",
    "{S} spoke of {sc_pos} {experience} in {t1} and suggested joint projects in {t2}.",
    "Speaking about {t1}, {s} said that {sc} and {oc} share {common} interests.",
    "{S} said the two sides should {verb} their cooperation on {t1} and jointly address challenges in {t2}.",
    "{S} congratulated {o} on {oc_pos} achievements in {t2} and wished {oc} further success.",
    "{S} said that {t1} had been a recurring subject of talks between {sc} and {oc} and deserved {attention}.",
    "{S} voiced support for cooperation in {t1} and said {sc} would take part in the relevant projects.",
    "{S} recalled the agreements reached at previous meetings on {t1} and said their implementation was on track.",
    "{S} said that {sc} is interested in attracting {oadj} investment in {t1} and {t2}.",
    "{S} said {t1} was one of the most promising directions of cooperation between {sc} and {oc}.",
    "{S} drew attention to cooperation in {t1} and proposed regular consultations on the subject.",
    "{S} welcomed the decision to hold a joint business forum on {t1} {when}.",
    "{S} noted the role of {t1} in the development of {sc} and expressed interest in {oc_pos} experience in {t2}.",
)
GREETINGS = (
    "{S} conveyed greetings from {leader} and said {sc} is ready to {verb} cooperation with {oc} in {t1}.",
    "{S} passed on the greetings of {leader} and said that {sc} values its partnership with {oc} in {t1}.",
)
STATEMENT_FOLLOW_UPS = (
    "{Sc} stands ready to {verb} cooperation in {t2} on the basis of mutual respect and mutual benefit.",
    "Cooperation in {t2} has great potential, {s} added.",
    "{Sc} hopes the two sides will {verb} exchanges and cooperation in {t3}.",
    "The {sadj} side is willing to {verb} communication with {oc} on {t2}.",
    "There is {broad} room for cooperation in {t2}, {s} said.",
    "{S} added that {t2} could become a new area of practical cooperation.",
    "In {s_pos} view, {t3} deserves more attention from both governments.",
    "{S} also expressed the hope that {t2} would produce {results} results {when}.",
    "{Sc} will continue to support {t3}, {s} said.",
    "{S} noted that the positions of the two countries on {t3} are close.",
    "{S} expressed confidence that the meeting would give new impetus to {t2}.",
    "Practical steps in {t3} should follow, {s} said.",
)
JOINTS = (
    "{Both} agreed to {verb} cooperation in {t1} and {t2}.",
    "{The_sides} exchanged views on cooperation in {t1} and {t2}.",
    "{Both} expressed satisfaction with the progress made in {t1}.",
    "{The_sides} agreed to maintain close contacts at all levels and to {verb} coordination on {t1}.",
    "They also discussed {t1}, {t2} and other international and regional issues of mutual interest.",
    "{Both} reaffirmed their commitment to {t1} and agreed to hold the next round of consultations {when}.",
    "{The_sides} noted the importance of {t1} and agreed to set up a working group on {t2}.",
    "{Both} spoke highly of cooperation in {t1} and pledged to {verb} work on {t2}.",
    "{The_sides} agreed that cooperation in {t1} should remain high on their agenda.",
    "{Both} underlined the need to {verb} cooperation in {t1} within multilateral frameworks.",
    "{The_sides} agreed to instruct the relevant agencies to prepare concrete proposals on {t1} and {t2}.",
    "{Both} welcomed the growth of {t1} and agreed to explore new opportunities in {t2}.",
    "{The_sides} also compared notes on {t1} and agreed to stay in touch on {t2}.",
)
NARRATIVES = (
    "{Leaders} first met one on one and then held expanded talks with their delegations.",
    "Senior officials from {countries} also took part in the meeting.",
    "Experts from {countries} held a separate session on {t1} and {t2} ahead of the meeting.",
    "The talks continued over a working lunch devoted to {t1}.",
    "Ministers responsible for {t1} and {t2} joined the second part of the meeting.",
)
CLOSINGS = (
    "The meeting was held in a {atmosphere} atmosphere.",
    "The talks lasted about {duration}.",
    "The next meeting is expected to take place {when}.",
    "Following the talks, {leaders} witnessed the signing of {documents} documents on {t1}, {t2} and other areas.",
    "A memorandum of understanding on {t1} was signed after the meeting.",
    "The parties also adopted a joint statement on {t1}.",
    "Members of the delegations also met representatives of business circles to discuss {t1}.",
)
HEADLINES = (
    ("{A_h} meets {B_h}", 5),
    ("{A_h} holds talks with {B_h}", 2),
    ("{A_h} and {B_h} discuss {t1}", 1),
    ("{A_adj_title} meets {B_adj_title}", 1),
)
HEADLINES_AT_HOME = (("{A_h} receives {B_h}", 2),)
HEADLINES_US = (("Readout of {A_title} {A_h_pos} meeting with {B_full}", 4),)
HEADLINES_THREE = (("{A_h} meets {B_h} and {C_h}", 3), ("{A_h}, {B_h} and {C_h} hold trilateral talks", 1))

FILLERS = {
    "verb": ("deepen", "expand", "strengthen", "step up", "enhance", "broaden", "advance", "intensify"),
    "progress": ("made steady progress", "developed rapidly", "grown stronger", "reached a new level",
                 "maintained positive momentum"),
    "support": ("support", "consistent support", "understanding", "constructive approach", "cooperation"),
    "growing": ("growing", "particular", "strategic", "long-term", "special"),
    "goal": ("regional stability", "the prosperity of both peoples", "lasting peace", "economic growth",
             "sustainable development", "the security of the region"),
    "concern": ("serious", "several", "long-standing", "practical"),
    "remedy": ("address them through dialogue", "take them into account", "work on them together",
               "give them careful consideration"),
    "thanks": ("its hospitality", "the warm welcome", "its long-standing support", "the constructive attitude of its "
               "delegation", "the invitation"),
    "results": ("more tangible", "further practical", "early", "concrete", "new"),
    "broad": ("broad", "considerable", "new", "significant", "vast"),
    "when": ("later this year", "next year", "in the coming months", "at an early date", "at a convenient time"),
    "experience": ("experience", "achievements", "recent reforms", "plans", "practice"),
    "common": ("common", "broad common", "converging", "many common"),
    "attention": ("continued attention", "more attention", "priority", "a fresh look"),
    "atmosphere": ("warm and friendly", "constructive", "businesslike", "frank and constructive", "cordial",
                   "friendly and candid"),
    "documents": ("two", "three", "four", "five", "six", "several", "a number of"),
    "duration": ("an hour", "two hours", "an hour and a half", "three hours", "forty minutes"),
}  # fmt: skip


class _Fill(dict):
    """Values of a template, drawing a filler word for each placeholder the paragraph did not set."""

    __slots__ = ("rng",)

    def __init__(self, rng: random.Random, values: dict):
        super().__init__(values)
        self.rng = rng

    def __missing__(self, key):
        return self.rng.choice(FILLERS[key])


class _Deck:
    """Templates dealt without repeats (until the pool runs out), so a readout does not say the same thing twice."""

    __slots__ = ("rng", "pool", "cards")

    def __init__(self, rng: random.Random, pool: tuple[str, ...]):
        self.rng, self.pool, self.cards = rng, pool, []

    def draw(self) -> str:
        if not self.cards:
            self.cards = self.rng.sample(self.pool, len(self.pool))
        return self.cards.pop()


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# ---------------------------------------------------------------------------------------------------------------
# Composing one readout.


def pick_weighted(rng: random.Random, items, cumulative):
    return items[bisect(cumulative, rng.random() * cumulative[-1])]


def pick_topics(rng: random.Random, world: World, year: int, count: int) -> list[str]:
    topics: list[str] = []
    while len(topics) < count:
        topic, first, last = pick_weighted(rng, world.topics, world.topic_weights)
        if first <= year <= last and topic not in topics:
            topics.append(topic)
    return topics


def pick_participants(rng: random.Random, world: World, year: int, count: int) -> list[Office]:
    """The reporting side first; everyone from a different country, no two sharing a short name."""
    codes, weights = world.codes_by_year[year]
    chosen: list[Office] = []
    while len(chosen) < count:
        code = pick_weighted(rng, codes, weights)
        if any(office.person.country_code == code for office in chosen):
            continue
        candidates = world.offices[year, code]
        if chosen:
            # Counterparts mostly hold a like office: ministers meet ministers, leaders meet leaders.
            alike = [o for o in candidates if o.foreign_affairs == chosen[0].foreign_affairs]
            if alike and rng.random() < 0.7:
                candidates = alike
        office = rng.choice(candidates)
        if all(office.person.short != other.person.short for other in chosen):
            chosen.append(office)
    return chosen


def pick_publisher(rng: random.Random, country: DemoCountry, title: str) -> str:
    for words, publishers in country.publishers:
        if words in title:
            return rng.choice(publishers)
    raise ValueError(f"no publisher for {title} of {country.code}")  # every list ends with a catch-all ""


def pick_city(rng: random.Random, country: DemoCountry, year: int) -> str:
    cities = [name for name, first, last in country.cities if first <= year <= last]
    return cities[0] if len(cities) == 1 or rng.random() < 0.6 else rng.choice(cities[1:])


def describe(world: World, office: Office, with_adjective: bool) -> str:
    """ "President Kassym-Jomart Tokayev", or with the adjective "Chinese Foreign Minister Wang Yi"."""
    title = adjective_title(world, office) if with_adjective else office.title
    return f"{title} {office.person.name}"


def adjective_title(world: World, office: Office) -> str:
    """ "Chinese Foreign Minister"; an organization's titles already name it ("UN Secretary-General")."""
    country = world.countries[office.person.country_code]
    return office.title if country.is_organization else f"{country.adjective} {office.title}"


def president_of(world: World, year: int, code: str, besides: DemoPerson) -> str | None:
    """ "President Xi Jinping": who held the office titled President that year, if anyone but ``besides``."""
    for office in world.offices[year, code]:
        if office.title == "President" and office.person != besides:
            return f"President {office.person.name}"
    return None


def headline_name(office: Office) -> str:
    person = office.person
    return person.name if person.country_code in demo_data.FULL_NAME_IN_HEADLINES else person.short


def drawn_role(seed: int, serial: int) -> str:
    draw = random.Random(f"readout-demo-role:{seed}:{serial}").random()
    for role, share in ROLE_SHARES:
        if draw < share:
            return role
        draw -= share
    return ORIGINAL


def role_of(seed: int, serial: int) -> str:
    """The serial's role: another account of the serial before only when that one is drawn an original."""
    role = drawn_role(seed, serial)
    if role != ORIGINAL and (serial <= 1 or drawn_role(seed, serial - 1) != ORIGINAL):
        return ORIGINAL
    return role


def compose_readout(seed: int, serial: int, world: World | None = None) -> DemoReadout:
    world = world or load_world()
    role = role_of(seed, serial)
    if role == REPRINT:
        return compose_reprint(seed, serial, compose_account(seed, serial - 1, world), world)
    if role == OTHER_SIDE:
        return compose_account(seed, serial, world, account_of=serial - 1)
    return compose_account(seed, serial, world)


def compose_account(seed: int, serial: int, world: World, account_of: int | None = None) -> DemoReadout:
    """An original account, or with ``account_of`` the other side's account of that serial's meeting: the facts
    drawn as for it, the wording drawn afresh, one topic left out, the reporting side the second participant."""
    rng = random.Random(f"readout-demo:{seed}:{account_of or serial}")

    # When, and whether on the sidelines of a summit.
    day = datetime.date.fromordinal(rng.randint(FIRST_DAY, LAST_DAY))
    summits = world.summits_by_year.get(day.year, ())
    summit = rng.choice(summits) if summits and rng.random() < 0.15 else None
    if summit:
        day = datetime.date(day.year, summit[1], rng.randint(1, 28))
    year = day.year

    offices = pick_participants(rng, world, year, 3 if rng.random() < 0.08 else 2)
    people = [office.person for office in offices]
    countries = [world.countries[person.country_code] for person in people]
    reporter, reporting_country = offices[0], countries[0]
    topics = pick_topics(rng, world, year, rng.randint(5, 8))

    # Where.
    host = None
    if summit:
        city = summit[2]
    else:
        host = 0 if rng.random() < 0.65 else rng.randrange(1, len(offices))
        city = pick_city(rng, countries[host], year)
    if account_of is not None:
        # The other side tells it: its own publisher and words, and not every topic the first side named.
        rng = random.Random(f"readout-demo:{seed}:{serial}:other-side")
        order = [1, 0, *range(2, len(offices))]
        offices = [offices[index] for index in order]
        people = [office.person for office in offices]
        countries = [world.countries[person.country_code] for person in people]
        reporter, reporting_country = offices[0], countries[0]
        host = None if host is None else order.index(host)
        left_out = rng.choice(topics)
        topics = [topic for topic in topics if topic != left_out]
    publisher = pick_publisher(rng, reporting_country, reporter.title)

    three = len(offices) == 3
    shared = {
        "city": city,
        "The_sides": "The three sides" if three else "The two sides",
        "Both": "All three sides" if three else "Both sides",
        "countries": "the three countries" if three else "the two countries",
        "leaders": join_names([p.short for p in people]),
        "Leaders": capitalize(join_names([p.short for p in people])),
    }

    def topics_from(position: int) -> dict:
        k = len(topics)
        return {"t1": topics[position % k], "t2": topics[(position + 1) % k], "t3": topics[(position + 2) % k]}

    # The lead paragraph.
    if summit:
        clause = f", on the sidelines of {summit[0]}"
    elif host == 0:
        head_of_state = offices[1].title in ("President", "King")
        visit = rng.choice(("official visit", "working visit", "state visit" if head_of_state else "visit"))
        clause = f", during {possessive(people[1].short)} {visit} to {countries[0].name}" if rng.random() < 0.5 else ""
    else:
        clause = ""
    values = {
        **shared,
        **topics_from(0),
        "A_full": describe(world, reporter, with_adjective=False),
        "others_full": join_names([describe(world, office, with_adjective=True) for office in offices[1:]]),
        "weekday": WEEKDAYS[day.weekday()],
        "date_text": f"{MONTHS[day.month - 1]} {day.day}",
        "clause": clause,
    }
    leads = LEADS + LEADS_AT_HOME if host == 0 else LEADS
    lead = rng.choice(leads).format_map(_Fill(rng, values))
    if rng.random() < 0.7:
        lead = f"{lead} {rng.choice(LEAD_FOLLOW_UPS).format_map(_Fill(rng, values))}"
    if host is not None and host != 0 and rng.random() < 0.5:
        lead = f"{lead} {capitalize(people[0].short)} is on a visit to {countries[host].name}."

    # The plan: lead, statements by each side in turn, joint paragraphs, a narrative or two, about 12 in all.
    total = rng.randint(10, 14)
    joints = rng.randint(2, 3)
    middle_narratives = rng.randint(0, 1)
    closing = rng.random() < 0.7
    statements = total - 1 - joints - middle_narratives - closing
    per_speaker = [1] * len(offices)
    for _ in range(statements - len(offices)):
        per_speaker[0 if rng.random() < 0.45 else rng.randrange(1, len(offices))] += 1
    body: list[tuple[str, int | None]] = []
    for index, count in enumerate(per_speaker):
        body += [(STATEMENT, index)] * count
    if middle_narratives:
        body.insert(rng.randint(1, len(body)), (NARRATIVE, None))
    body += [(JOINT, None)] * joints
    if closing:
        body.append((NARRATIVE, None))

    paragraphs = [DemoParagraph(lead, NARRATIVE, None)]
    statement_deck, follow_up_deck = _Deck(rng, STATEMENTS), _Deck(rng, STATEMENT_FOLLOW_UPS)
    joint_deck, narrative_deck, closing_deck = _Deck(rng, JOINTS), _Deck(rng, NARRATIVES), _Deck(rng, CLOSINGS)
    greeted = set()
    for position, (kind, speaker_index) in enumerate(body, start=1):
        values = {**shared, **topics_from(position + rng.randrange(len(topics)))}
        if kind == STATEMENT:
            speaker, country = people[speaker_index], countries[speaker_index]
            other_index = rng.choice([i for i in range(len(offices)) if i != speaker_index])
            other, other_country = people[other_index], countries[other_index]
            values |= {
                "S": capitalize(speaker.short),
                "s": speaker.short,
                "s_pos": possessive(speaker.short),
                "o": other.short,
                "sc": country.name,
                "Sc": capitalize(country.name),
                "sc_pos": possessive(country.name),
                "sadj": country.adjective,
                "oc": other_country.name,
                "oc_pos": possessive(other_country.name),
                "oadj": other_country.adjective,
            }
            fill = _Fill(rng, values)
            # A minister's first statement may pass on the greetings of the president of the day.
            leader = None
            if speaker_index not in greeted and offices[speaker_index].foreign_affairs and rng.random() < 0.4:
                leader = president_of(world, year, speaker.country_code, besides=speaker)
            greeted.add(speaker_index)
            if leader:
                text = rng.choice(GREETINGS).format_map(_Fill(rng, values | {"leader": leader}))
            else:
                text = statement_deck.draw().format_map(fill)
            if rng.random() < 0.5:
                text = f"{text} {follow_up_deck.draw().format_map(fill)}"
            paragraphs.append(DemoParagraph(text, STATEMENT, speaker))
        elif kind == JOINT:
            fill = _Fill(rng, values)
            text = joint_deck.draw().format_map(fill)
            if rng.random() < 0.35:
                text = f"{text} {joint_deck.draw().format_map(fill)}"
            paragraphs.append(DemoParagraph(text, JOINT, None))
        else:
            deck = closing_deck if position == len(body) else narrative_deck
            paragraphs.append(DemoParagraph(deck.draw().format_map(_Fill(rng, values)), NARRATIVE, None))

    # The headline.
    names = {
        **topics_from(0),
        "A_h": headline_name(offices[0]),
        "B_h": headline_name(offices[1]),
        "C_h": headline_name(offices[2]) if three else "",
        "A_title": reporter.title,
        "B_full": describe(world, offices[1], with_adjective=True),
        "A_h_pos": possessive(headline_name(offices[0])),
        "A_adj_title": adjective_title(world, offices[0]),
        "B_adj_title": adjective_title(world, offices[1]),
    }
    if three:
        headlines = HEADLINES_THREE
    elif reporting_country.code == "US":
        headlines = HEADLINES + HEADLINES_US
    elif host == 0:
        headlines = HEADLINES + HEADLINES_AT_HOME
    else:
        headlines = HEADLINES
    templates, weights = zip(*headlines, strict=True)
    title = capitalize(rng.choices(templates, weights)[0].format_map(names))

    published = day + datetime.timedelta(days=1) if rng.random() < 0.25 else day
    dateline = f"{city.upper()}, {MONTHS[day.month - 1]} {day.day}, {year} ({publisher})"
    # About a third are written again in another language, to the same plan (its own random draws, so that
    # the English ones stay as they were).
    language_rng = random.Random(f"readout-demo-language:{seed}:{serial}")
    language = demo_languages.pick_language(language_rng, reporting_country.code)
    if language != "en":
        planned = tuple(
            demo_languages.PlannedPerson(
                person.name, office.title, country.code, country.name.removeprefix("the "), person.short
            )
            for office, person, country in zip(offices, people, countries, strict=True)
        )
        kinds = tuple((p.kind, p.speaker and p.speaker.name) for p in paragraphs)
        plan = demo_languages.Plan(day=day, city=city, publisher=publisher, participants=planned, kinds=kinds)
        written = demo_languages.write_in(language, language_rng, plan)
        title, dateline, topics = written.title, written.dateline, list(written.topics)
        paragraphs = [
            DemoParagraph(text, p.kind, p.speaker) for text, p in zip(written.paragraphs, paragraphs, strict=True)
        ]
    raw_text = "\n\n".join(
        [f"{title}\nGenerated demo readout No. {serial}", dateline, *(paragraph.text for paragraph in paragraphs)]
    )
    return DemoReadout(
        serial=serial,
        title=title,
        slug=slugify(anyascii(title))[:SLUG_LENGTH].strip("-"),
        meeting_date=day,
        published_date=published,
        location=city,
        publisher=publisher,
        language=language,
        participants=tuple(DemoParticipant(office.person, office.title) for office in offices),
        paragraphs=tuple(paragraphs),
        topics=tuple(topics),
        raw_text=raw_text,
        publisher_country=reporting_country.code,
        role=ORIGINAL if account_of is None else OTHER_SIDE,
        account_of=account_of,
    )


# Small edits a reprint makes to an agency text: (word, replacement), a few applied to a few paragraphs.
REPRINT_EDITS = (("said", "stated"), ("noted", "pointed out"), ("the two", "both"), ("also", "further"),
                 ("cooperation", "co-operation"), ("stressed", "underlined"), ("will", "would"))  # fmt: skip


def compose_reprint(seed: int, serial: int, original: DemoReadout, world: World) -> DemoReadout:
    """The original's text carried by another side's outlet a day later at most, with a few words changed (English
    words: an account in another language is carried as it is)."""
    rng = random.Random(f"readout-demo:{seed}:{serial}:reprint")
    others = [
        p.person.country_code for p in original.participants if p.person.country_code != original.publisher_country
    ]
    country = world.countries[rng.choice(others)] if others else world.countries[original.publisher_country]
    publisher = pick_publisher(rng, country, "")
    paragraphs = list(original.paragraphs)

    def edits(text):
        return [(word, replacement) for word, replacement in REPRINT_EDITS if re.search(rf"\b{word}\b", text)]

    editable = [index for index, paragraph in enumerate(paragraphs) if edits(paragraph.text)]
    for index in rng.sample(editable, min(4, len(editable))):
        paragraph = paragraphs[index]
        word, replacement = rng.choice(edits(paragraph.text))
        text = re.sub(rf"\b{word}\b", replacement, paragraph.text, count=1)
        paragraphs[index] = DemoParagraph(text, paragraph.kind, paragraph.speaker)
    published = (
        original.published_date
        if original.published_date > original.meeting_date
        else (original.meeting_date + datetime.timedelta(days=rng.randint(0, 1)))
    )
    dateline = f"{original.location.upper()}, {MONTHS[original.meeting_date.month - 1]} {original.meeting_date.day}, "
    dateline += f"{original.meeting_date.year} ({publisher}, from {original.publisher})"
    raw_text = "\n\n".join(
        [f"{original.title}\nGenerated demo readout No. {serial}", dateline, *(p.text for p in paragraphs)]
    )
    return DemoReadout(
        serial=serial,
        title=original.title,
        slug=original.slug,
        meeting_date=original.meeting_date,
        published_date=published,
        location=original.location,
        publisher=publisher,
        language=original.language,
        participants=original.participants,
        paragraphs=tuple(paragraphs),
        topics=original.topics,
        raw_text=raw_text,
        publisher_country=country.code,
        role=REPRINT,
        account_of=original.serial,
    )


def generate_readouts(count: int, seed: int = 0, start: int = 1) -> Iterator[DemoReadout]:
    """Readouts numbered start, start + 1, ... start + count - 1; each depends only on (seed, its number)."""
    world = load_world()
    for serial in range(start, start + count):
        yield compose_readout(seed, serial, world)


# ---------------------------------------------------------------------------------------------------------------
# Writing to the database.

# The columns the writer fills; any other stored column gets its model default (generated ones are left alone).
# The participants' countries and the paragraphs' copies of their readout's date, countries and publisher, which
# triggers keep, are written here directly (migrations 0009 and 0012 trust values supplied on insert): a trigger
# per row would slow the COPY of a million paragraphs.
READOUT_FIELDS = ("id", "title", "slug", "meeting_date", "published_date", "location", "publisher", "source_url",
                  "language", "raw_text", "created_at", "updated_at", "country_ids", "is_generated",
                  "publisher_country_id")  # fmt: skip
PARTICIPATION_FIELDS = ("readout_id", "person_id", "title", "order")
STATEMENT_FIELDS = ("readout_id", "position", "text", "speaker_id", "kind", "meeting_date", "country_ids",
                    "publisher", "search_config", "segmented_text")  # fmt: skip


def copy_statement(model, attnames: tuple[str, ...]) -> tuple[str, tuple]:
    """COPY into the model's table: the given columns, then the other stored ones with their defaults (columns
    with a database default are left out, to take it)."""
    columns, defaults = [], []
    fields = {field.attname: field for field in model._meta.concrete_fields}
    for field in fields.values():
        if field.attname in attnames or field.generated or field.primary_key or field.has_db_default():
            continue
        columns.append(field.column)
        defaults.append(field.get_db_prep_save(field.get_default(), connection))
    names = ", ".join(connection.ops.quote_name(fields[name].column) for name in attnames)
    extra = "".join(f", {connection.ops.quote_name(column)}" for column in columns)
    return f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}{extra}) FROM STDIN", tuple(defaults)


@dataclass
class DemoSummary:
    readouts: int = 0
    participations: int = 0
    statements: int = 0
    people_created: int = 0
    people: int = 0  # in the archive afterwards
    skipped: int = 0  # generated texts already in the archive
    seconds: float = 0.0


def write_demo(count: int, seed: int = 0, *, batch_size: int = 5000, progress: bool = False) -> DemoSummary:
    """Add ``count`` generated readouts, numbered after the readouts already in the archive.

    The same archive, count and seed give the same readouts. A text already stored (possible only if readouts
    were deleted since an earlier run) is skipped and the next serial takes its place; a slug already used on
    the same meeting date gets -2, -3 ...
    """
    started = time.perf_counter()
    summary = DemoSummary()
    world = load_world()
    country_ids = dict(Country.objects.filter(code__in=world.countries).values_list("code", "id"))
    missing = sorted(set(world.countries) - set(country_ids))
    if missing:
        raise ValueError(f"countries missing from the archive: {', '.join(missing)}")
    person_ids = dict(Person.objects.values_list("slug", "id"))
    person_countries = dict(Person.objects.values_list("id", "country_id"))
    taken_slugs = set(Readout.objects.values_list("meeting_date", "slug"))
    next_serial = Readout.objects.count() + 1
    now = timezone.now()

    with tqdm(total=count, unit=" readouts", file=sys.stderr, disable=not progress, smoothing=0.1) as bar:
        while summary.readouts < count:
            size = min(batch_size, count - summary.readouts)
            batch = [compose_readout(seed, serial, world) for serial in range(next_serial, next_serial + size)]
            next_serial += size
            fresh = drop_stored_texts(batch)
            summary.skipped += len(batch) - len(fresh)
            slugs = [unique_slug(readout, taken_slugs) for readout in fresh]
            with transaction.atomic():
                summary.people_created += create_people(fresh, person_ids, country_ids, person_countries)
                participations, statements = copy_batch(fresh, slugs, person_ids, person_countries, now, country_ids)
            summary.readouts += len(fresh)
            summary.participations += participations
            summary.statements += statements
            bar.update(len(fresh))

    with connection.cursor() as cursor:
        # VACUUM as well where it can run (not inside a transaction): it sets the visibility map, without which
        # counts and deep pages read the rows themselves instead of the indexes (index-only scans) until
        # autovacuum gets round to the tables.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
        cursor.execute(f"{command} readouts_person, readouts_readout, readouts_participation, readouts_statement")
    summary.people = Person.objects.count()
    summary.seconds = time.perf_counter() - started
    return summary


def drop_stored_texts(batch: list[DemoReadout]) -> list[DemoReadout]:
    hashes = [hashlib.md5(readout.raw_text.encode()).hexdigest() for readout in batch]
    stored = set(Readout.objects.filter(content_hash__in=hashes).values_list("content_hash", flat=True))
    return [readout for readout, digest in zip(batch, hashes, strict=True) if digest not in stored]


def unique_slug(readout: DemoReadout, taken: set) -> str:
    slug, number = readout.slug, 1
    while (readout.meeting_date, slug) in taken:
        number += 1
        slug = f"{readout.slug}-{number}"
    taken.add((readout.meeting_date, slug))
    return slug


def create_people(
    batch: list[DemoReadout], person_ids: dict[str, int], country_ids: dict[str, int], person_countries: dict
) -> int:
    """Store the people of the batch not yet in the archive (matched by slug); return how many."""
    new: dict[str, DemoPerson] = {}
    for readout in batch:
        for participant in readout.participants:
            person = participant.person
            if person.slug not in person_ids and person.slug not in new:
                new[person.slug] = person
    created = Person.objects.bulk_create(
        Person(name=p.name, slug=p.slug, country_id=country_ids[p.country_code], aliases=list(p.aliases))
        for p in new.values()
    )
    person_ids.update((person.slug, person.id) for person in created)
    person_countries.update((person.id, person.country_id) for person in created)
    return len(created)


def copy_batch(
    batch: list[DemoReadout],
    slugs: list[str],
    person_ids: dict[str, int],
    person_countries: dict,
    now,
    country_ids_by_code: dict[str, int],
) -> tuple[int, int]:
    """COPY the readouts, their participations and statements; return the numbers of the latter two.

    ``person_countries`` maps each person's id to their country's, as stored: the readouts' and paragraphs'
    lists of countries are written with them."""
    participations = statements = 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence('readouts_readout', 'id')) FROM generate_series(1, %s)",
            [len(batch)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        countries = [
            sorted({person_countries[person_ids[p.person.slug]] for p in readout.participants} - {None})
            for readout in batch
        ]
        sql, rest = copy_statement(Readout, READOUT_FIELDS)
        with cursor.copy(sql) as copy:
            for readout_id, readout, slug, country_ids in zip(ids, batch, slugs, countries, strict=True):
                copy.write_row(
                    (readout_id, readout.title, slug, readout.meeting_date, readout.published_date, readout.location,
                     readout.publisher, "", readout.language, readout.raw_text, now, now, country_ids, True,
                     country_ids_by_code.get(readout.publisher_country), *rest)
                )  # fmt: skip
        sql, rest = copy_statement(Participation, PARTICIPATION_FIELDS)
        with cursor.copy(sql) as copy:
            for readout_id, readout in zip(ids, batch, strict=True):
                for order, participant in enumerate(readout.participants):
                    copy.write_row((readout_id, person_ids[participant.person.slug], participant.title, order, *rest))
                    participations += 1
        # Chinese and Japanese paragraphs split into words before the COPY: the tokenizer may read the archive's
        # names, which the connection cannot do while it copies.
        split = [[segmented(paragraph.text) for paragraph in readout.paragraphs] for readout in batch]
        sql, rest = copy_statement(Statement, STATEMENT_FIELDS)
        with cursor.copy(sql) as copy:
            for readout_id, readout, country_ids, words in zip(ids, batch, countries, split, strict=True):
                config = config_for(readout.language)
                for position, (paragraph, segmented_text) in enumerate(
                    zip(readout.paragraphs, words, strict=True), start=1
                ):
                    speaker_id = person_ids[paragraph.speaker.slug] if paragraph.speaker else None
                    copy.write_row(
                        (readout_id, position, paragraph.text, speaker_id, paragraph.kind, readout.meeting_date,
                         country_ids, readout.publisher, config, segmented_text, *rest)
                    )  # fmt: skip
                    statements += 1
    return participations, statements


@dataclass
class RemovalSummary:
    readouts: int = 0
    people: int = 0


def remove_demo(batch_size: int = 1000) -> RemovalSummary:
    """Delete every generated readout, and the people who appear in no other readout, in one transaction.

    People met in an imported readout too, and people entered by hand with no readout at all, are kept.
    """
    summary = RemovalSummary()
    only_in_demo = (
        Person.objects.filter(participations__readout__is_generated=True)
        .exclude(participations__readout__is_generated=False)
        .exclude(statements__readout__is_generated=False)
        .values_list("id", flat=True)
        .distinct()
    )
    with transaction.atomic():
        people = list(only_in_demo)
        while batch := list(Readout.objects.generated().values_list("id", flat=True)[:batch_size]):
            Readout.objects.filter(id__in=batch).delete()
            summary.readouts += len(batch)
        summary.people, _ = Person.objects.filter(id__in=people, participations=None, statements=None).delete()
    return summary
