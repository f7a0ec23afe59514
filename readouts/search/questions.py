"""Questions as people ask them: "what did Wang Yi say about the Belt and Road", or just "Wang Yi Belt and Road".

A query that names a known person and asks about something more is a question about what that person said: the
paragraphs they said (their statements) that match the rest, without the words that only make it a question
("what did ... say about"). The page says so and offers the plain search too (search.answered()).
"""

import re
from dataclasses import dataclass

from readouts.search import names
from readouts.search.query import LITERAL

# Words that only make a query a question about what someone said, in the languages most asked in. Dropped from
# the rest of a question; a rest of these alone is no question ("what did Wang Yi say").
QUESTION_WORDS_BY_LANGUAGE = {
    "en": """what whats what's which did does do has have had is was were will would could can how when where why
             who say says said saying tell tells told speak speaks spoke talk talks talked mention mentions
             mentioned think thinks thought state states stated mean meant claim claimed about on of regarding
             concerning re the a an to""",
    "ru": "что чего как когда где почему сказал сказала сказали говорил говорила заявил заявила о об обо про",
    "fr": "que quoi qu qu'a a dit dire sur au sujet de du des le la les",
    "es": "qué que dijo dicho ha sobre acerca del el los las",
}
QUESTION_WORDS = frozenset(word for text in QUESTION_WORDS_BY_LANGUAGE.values() for word in text.split())
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


@dataclass(frozen=True)
class Question:
    """What a person said about something: the speaker's id and name, and the query for what they said."""

    person_id: int
    person_name: str
    person_slug: str
    about: str


def question_in(text: str, connection) -> Question | None:
    """The question the query asks, when it names one person (outside quotes and exclusions) and more."""
    skip = [match.span() for match in LITERAL.finditer(text)]
    spans = names.named_spans(text, names.name_index(connection), skip=skip)
    people = [span for span in spans if any(entity.kind == "person" for entity in span.entities)]
    if len(people) != 1:
        return None
    span = people[0]
    persons = {entity.key: entity for entity in span.entities if entity.kind == "person"}
    if len(persons) != 1:
        return None  # namesakes: which one was meant is not known
    (person,) = persons.values()
    about = without_question_words(f"{text[: span.start]} {text[span.end :]}")
    if not about:
        return None
    return Question(person.key, person.name, person.slug, about)


def without_question_words(text: str) -> str:
    """The text without the words that make it a question, at its start and its end ("… say about", "?")."""
    kept = [match for match in WORD.finditer(text) if match.group().casefold() not in QUESTION_WORDS]
    if not kept:
        return ""
    return " ".join(text[kept[0].start() : kept[-1].end()].split()).strip(" ?¿？")
