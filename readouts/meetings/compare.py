"""Every account of a meeting compared: paragraphs aligned by what they say, what one account says and the others do
not, and who each account quotes.

``compare_meeting(meeting)`` reads a meeting fetched with ``Meeting.objects.with_accounts()`` and queries nothing.

Paragraphs are compared by what they share, each thing weighted by how rare it is among the meeting's paragraphs
(a country every paragraph names tells little): within one language their words (by their first letters, so
that "cooperate" meets "cooperation") and what they mention; across languages only what reads alike in any
language: countries, numbers, people, and names in Latin letters (readouts.meetings.mentions). Two paragraphs
say the same thing when their weighted Dice coefficient reaches ALIGNED. Each paragraph is marked with the
paragraphs of other accounts that say the same; the side-by-side rows keep every account in its own order and put
matching paragraphs in one row where the orders allow (a weighted longest common subsequence, account by account).
"""

import collections
import math
from dataclasses import dataclass, field

from readouts.language_names import language_name
from readouts.meetings import rules
from readouts.meetings.mentions import (
    countries_in,
    country_names,
    features,
    lowercase_words,
    named_terms,
    people_in,
    term_key,
)
from readouts.meetings.text import is_unspaced, roman, stem, words

ALIGNED = 0.25


# Words shorter than this carry little (articles, prepositions); stems are this long.
CONTENT_WORD = 4
TOPICS_SHOWN = 8


@dataclass(eq=False)
class ParagraphView:
    account: "AccountView"
    position: int
    text: str
    kind: str
    speaker: object = None  # a Person
    also_in: list = field(default_factory=list)  # [(AccountView, ParagraphView)], best match per other account
    keys: dict = field(default_factory=dict, repr=False)  # feature -> weight

    @property
    def shared(self) -> bool:
        return bool(self.also_in)

    @property
    def anchor(self) -> str:
        return f"a{self.account.number}-p{self.position}"


@dataclass(eq=False)
class AccountView:
    number: int  # 1 for the first account
    readout: object
    label: str
    paragraphs: list = field(default_factory=list)
    reprints: list = field(default_factory=list)
    quoted: list = field(default_factory=list)  # [(Person, statements)], most first
    length: int = 0
    length_unit: str = "words"
    topics: list = field(default_factory=list)
    only_here: list = field(default_factory=list)  # [Difference]
    countries: dict = field(default_factory=dict, repr=False)  # code -> English name
    people: set = field(default_factory=set, repr=False)  # canonical person ids
    terms: dict = field(default_factory=dict, repr=False)  # term key -> term as written

    @property
    def language(self) -> str:
        return self.readout.language

    @property
    def paragraph_count(self) -> int:
        return len(self.paragraphs)

    @property
    def language_name(self) -> str:
        return language_name(self.readout.language)


@dataclass(frozen=True)
class Difference:
    kind: str  # "country", "person" or "term"
    name: str
    account: AccountView


@dataclass
class Comparison:
    meeting: object
    accounts: list
    rows: list  # [[ParagraphView | None per account]]
    differences: list  # [Difference], by account then kind
    participants: list  # [Person], each person once whatever the spellings, in the accounts' order
    places: list  # [str], each place once

    @property
    def table(self) -> list:
        """The rows with each cell's account: [[(AccountView, ParagraphView | None)]]."""
        return [list(zip(self.accounts, row, strict=True)) for row in self.rows]

    @property
    def reprint_count(self) -> int:
        return sum(len(account.reprints) for account in self.accounts)


def compare_meeting(meeting) -> Comparison:
    readouts = list(meeting.readouts.all())
    in_meeting = {readout.pk for readout in readouts}
    originals = [readout for readout in readouts if original_of(readout) not in in_meeting]
    canonical = canonical_people(readouts)
    people_names = [(canonical[p.person_id].pk, p.person.name) for r in readouts for p in r.participations.all()]
    # Where the meeting was is told by every account: no topic, nor a difference.
    place_words = frozenset().union(*(rules.place_words(readout.location) for readout in readouts))
    accounts = []
    for number, readout in enumerate(originals, start=1):
        account = AccountView(number, readout, account_label(readout, originals))
        account.reprints = [other for other in readouts if original_of(other) == readout.pk]
        describe_account(account, canonical, people_names, place_words)
        accounts.append(account)
    weigh_keys(accounts)
    mark_matches(accounts)
    find_differences(accounts)
    differences = [difference for account in accounts for difference in account.only_here]
    participants = people_once(readouts, canonical)
    places = list(dict.fromkeys(readout.location for readout in originals if readout.location))
    return Comparison(meeting, accounts, align_rows(accounts), differences, participants, places)


def people_once(readouts, canonical=None) -> list:
    """The readouts' participants, each person once whatever the spellings (Ван И and Wang Yi), in their order."""
    canonical = canonical or canonical_people(readouts)
    return list(
        {canonical[p.person_id].pk: canonical[p.person_id] for r in readouts for p in r.participations.all()}.values()
    )


@dataclass
class MeetingSummary:
    """A meeting in a list, with its participants each once."""

    meeting: object
    people: list


def summarise_meetings(meetings) -> list[MeetingSummary]:
    """Summaries of meetings whose readouts and participants are prefetched (MeetingQuerySet.with_summaries)."""
    return [MeetingSummary(meeting, people_once(list(meeting.readouts.all()))) for meeting in meetings]


def original_of(readout):
    """The id of the readout that this one reprints, or None."""
    try:
        fingerprint = readout.fingerprint
    except type(readout).fingerprint.RelatedObjectDoesNotExist:
        return None
    return fingerprint.reprint_of_id if fingerprint else None


def account_label(readout, originals) -> str:
    label = readout.publisher or readout.title
    same = [other for other in originals if (other.publisher or other.title) == label]
    if len(same) > 1:
        return f"{label} ({readout.language}, {same.index(readout) + 1})"
    return label


def canonical_people(readouts) -> dict:
    """Person id -> the Person that stands for all the meeting's records of one person (Ван И and Wang Yi), the
    first in Latin letters if any."""
    people = {p.person_id: p.person for readout in readouts for p in readout.participations.all()}
    ordered = sorted(people.values(), key=lambda person: (not person.name.isascii(), person.pk))
    canonical = {}
    for person in ordered:
        record = rules.Person(person.pk, person.name, person.country_id)
        for chosen in dict.fromkeys(canonical.values()):
            if rules.same_person(record, rules.Person(chosen.pk, chosen.name, chosen.country_id)):
                canonical[person.pk] = chosen
                break
        else:
            canonical[person.pk] = person
    # A name that no other account spells alike (Ван И) is the person of the same country in the accounts that
    # lack one, when there is exactly one such person: a meeting's side names one foreign minister.
    readers = collections.defaultdict(set)
    for readout in readouts:
        for participation in readout.participations.all():
            readers[canonical[participation.person_id].pk].add(readout.pk)
    chosen_people = {person.pk: person for person in canonical.values()}
    for person in ordered:
        if canonical[person.pk] is not person or person.country_id is None:
            continue
        partners = [
            other
            for other in chosen_people.values()
            if other.pk != person.pk
            and other.country_id == person.country_id
            and not readers[other.pk] & readers[person.pk]
        ]
        if len(partners) == 1:
            chosen = partners[0] if partners[0].name.isascii() or not person.name.isascii() else person
            lost = person if chosen is partners[0] else partners[0]
            for pk, value in canonical.items():
                if value is lost:
                    canonical[pk] = chosen
            readers[chosen.pk] |= readers[lost.pk]
            chosen_people.pop(lost.pk, None)
    return canonical


def describe_account(account: AccountView, canonical: dict, people_names: list, place_words=frozenset()) -> None:
    readout = account.readout
    language = readout.language
    statements = list(readout.statements.all())
    lowercase = lowercase_words("\n".join(statement.text for statement in statements))
    own_countries = {p.person.country.code for p in readout.participations.all() if p.person.country_id}
    names = country_names(language)
    account.people = {canonical[p.person_id].pk for p in readout.participations.all()}
    name_parts = {roman(part) for _, name in people_names for part in words(name)}
    quoted = collections.Counter()
    speakers = {}
    topics = []
    unspaced = False
    for statement in statements:
        paragraph = ParagraphView(account, statement.position, statement.text, statement.kind)
        if statement.speaker_id:
            person = canonical.get(statement.speaker_id, statement.speaker)
            paragraph.speaker = person
            quoted[person.pk] += 1
            speakers[person.pk] = person
            account.people.add(person.pk)
        unspaced = unspaced or is_unspaced(statement.text)
        tokens = words(statement.text)
        account.length += len(tokens)
        keys = set(features(statement.text, language, people_names))
        keys |= {f"word:{language}:{stem(token)}" for token in tokens if len(token) >= CONTENT_WORD}
        paragraph.keys = dict.fromkeys(keys, 1.0)
        account.paragraphs.append(paragraph)
        account.people |= set(people_in(statement.text, people_names))
        for code in countries_in(statement.text, language):
            account.countries.setdefault(code, names.english.get(code, code))
            # The participants' own countries are in every paragraph: no topic.
            if code not in own_countries:
                topics.append(names.english.get(code, code))
        for term in named_terms(statement.text, lowercase, language):
            if {roman(part) for part in words(term)} & name_parts or countries_in(term, language):
                continue
            if place_words and rules.place_words(term) <= place_words:
                continue
            account.terms.setdefault(term_key(term), term)
            topics.append(term)
    account.length_unit = "characters" if unspaced else "words"
    account.quoted = [(speakers[pk], count) for pk, count in quoted.most_common()]
    account.topics = list(dict.fromkeys(topics))[:TOPICS_SHOWN]


def weigh_keys(accounts) -> None:
    """Weigh each paragraph's keys by their rarity among the meeting's paragraphs (an inverse document frequency)."""
    paragraphs = [paragraph for account in accounts for paragraph in account.paragraphs]
    counts = collections.Counter(key for paragraph in paragraphs for key in paragraph.keys)
    total = len(paragraphs)
    for paragraph in paragraphs:
        paragraph.keys = {key: math.log(1 + total / counts[key]) for key in paragraph.keys}


def likeness(first: ParagraphView, second: ParagraphView) -> float:
    """Weighted Dice coefficient of the two paragraphs' keys (words only count within one language)."""
    a, b = first.keys, second.keys
    if first.account.language != second.account.language:
        a, b = ({key: weight for key, weight in keys.items() if not key.startswith("word:")} for keys in (a, b))
    if not a or not b:
        return 0.0
    shared = sum(a[key] + b[key] for key in a.keys() & b.keys())
    return shared / (sum(a.values()) + sum(b.values()))


def mark_matches(accounts) -> None:
    for account in accounts:
        for paragraph in account.paragraphs:
            for other in accounts:
                if other is account or not other.paragraphs:
                    continue
                score, best = max(
                    ((likeness(paragraph, candidate), candidate) for candidate in other.paragraphs),
                    key=lambda pair: pair[0],
                )
                if score >= ALIGNED:
                    paragraph.also_in.append((other, best))


def find_differences(accounts) -> None:
    """Countries, people and terms that one account names and none of the others does. Terms are compared only
    between accounts in one language (a term's spelling differs between languages)."""
    people = {}
    for account in accounts:
        for paragraph in account.paragraphs:
            if paragraph.speaker is not None:
                people[paragraph.speaker.pk] = paragraph.speaker
        for participation in account.readout.participations.all():
            people.setdefault(participation.person_id, participation.person)
    for account in accounts:
        others = [other for other in accounts if other is not account]
        if not others:
            continue
        elsewhere = set().union(*(other.countries for other in others))
        for code, name in account.countries.items():
            if code not in elsewhere:
                account.only_here.append(Difference("country", name, account))
        named_elsewhere = set().union(*(other.people for other in others))
        for pk in sorted(account.people - named_elsewhere):
            if pk in people:
                account.only_here.append(Difference("person", people[pk].name, account))
        same_language = [other for other in others if other.language == account.language]
        if same_language:
            terms_elsewhere = set().union(*(other.terms for other in same_language))
            for key, term in account.terms.items():
                if key not in terms_elsewhere:
                    account.only_here.append(Difference("term", term, account))


def align_rows(accounts) -> list:
    """Rows of paragraphs, one cell per account: each account in its own order, paragraphs that say the same in
    one row wherever the orders allow."""
    if not accounts:
        return []
    rows = [[paragraph] + [None] * (len(accounts) - 1) for paragraph in accounts[0].paragraphs]
    for column, account in enumerate(accounts[1:], start=1):
        rows = align_account(rows, column, account.paragraphs, len(accounts))
    return rows


def align_account(rows, column, paragraphs, columns):
    """The rows with the account's paragraphs put in: a weighted longest common subsequence of rows and
    paragraphs (a row is as like a paragraph as its likest cell), the paragraphs left over in rows of their own."""

    def score(row, paragraph):
        best = max((likeness(cell, paragraph) for cell in row if cell is not None), default=0.0)
        return best if best >= ALIGNED else 0.0

    height, width = len(rows), len(paragraphs)
    table = [[0.0] * (width + 1) for _ in range(height + 1)]
    for i in range(height - 1, -1, -1):
        for j in range(width - 1, -1, -1):
            matched = score(rows[i], paragraphs[j])
            table[i][j] = max(table[i + 1][j], table[i][j + 1], table[i + 1][j + 1] + matched if matched else 0.0)
    aligned, i, j = [], 0, 0
    while i < height or j < width:
        if i < height and j < width:
            matched = score(rows[i], paragraphs[j])
            if matched and table[i][j] == table[i + 1][j + 1] + matched:
                aligned.append(rows[i][:column] + [paragraphs[j]] + rows[i][column + 1 :])
                i, j = i + 1, j + 1
                continue
        if j < width and (i == height or table[i][j + 1] >= table[i + 1][j]):
            row = [None] * columns
            row[column] = paragraphs[j]
            aligned.append(row)
            j += 1
        else:
            aligned.append(rows[i])
            i += 1
    return aligned
