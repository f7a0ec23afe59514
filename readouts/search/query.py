"""What a query asks for, as PostgreSQL will search it: its words in every language's configuration.

understood() takes the text as typed and makes the MultilingualQuery that matching, ranking and headlines use:
- the people and countries it names (names.py) are searched in every spelling they go by: "Tokaev" as
  (Tokaev | Tokayev | Токаев | 托卡耶夫 ...), each spelling a phrase, ANDed with the rest of the query;
- the rest is web-search syntax (words, "a phrase", or, -exclusion), its Chinese and Japanese runs split into
  words as paragraphs are (words.py);
- both are made by PostgreSQL in each configuration the archive holds, in one statement (languages.py).
Names inside quotes or after a minus sign are left as typed.
"""

import re
from dataclasses import dataclass

from readouts.search import languages, names, words

# The parts of a query where names are left as typed: quoted phrases, and excluded words.
LITERAL = re.compile(r'"[^"]*"?|(?<![^\s(])-\S+')


@dataclass(frozen=True)
class QueryParts:
    """A query's text apart from the names it holds (``rest``), and the names (``spans``)."""

    rest: str
    spans: tuple[names.NamedSpan, ...]


def query_parts(text: str, connection) -> QueryParts:
    skip = [match.span() for match in LITERAL.finditer(text)]
    spans = names.named_spans(text, names.name_index(connection), skip=skip)
    rest, last = [], 0
    for span in spans:
        rest.append(text[last : span.start])
        last = span.end
    rest.append(text[last:])
    return QueryParts(" ".join(" ".join(rest).split()), tuple(spans))


def tsquery_sql(parts: QueryParts) -> tuple[str, list]:
    """An SQL expression of the query's tsquery in the configuration ``cfg``, and its parameters."""
    pieces, params = [], []
    if parts.rest:
        pieces.append("websearch_to_tsquery(cfg, %s)")
        params.append(words.segmented_query(parts.rest))
    for span in parts.spans:
        spellings = span.spellings
        pieces.append(f"({' || '.join(['phraseto_tsquery(cfg, %s)'] * len(spellings))})")
        params += [words.segmented(spelling) or spelling for spelling in spellings]
    return " && ".join(pieces) or "''::tsquery", params


def understood(text: str, connection, language: str | None = None) -> languages.MultilingualQuery:
    """The query in every configuration (only the language's, when ``language`` is given)."""
    configs = [languages.config_for(language)] if language else None
    sql, params = tsquery_sql(query_parts(text, connection))
    return languages.multilingual_query(connection, sql, params, configs)
