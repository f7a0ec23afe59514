"""What a query asks for, as PostgreSQL will search it: its words in every language's configuration.

understood() takes the text as typed and makes the MultilingualQuery that matching, ranking and headlines use:
its Chinese and Japanese runs split into words as paragraphs are (words.py), then made by websearch_to_tsquery in
each configuration the archive holds (languages.py).
"""

from readouts.search import languages, words


def understood(text: str, connection, language: str | None = None) -> languages.MultilingualQuery:
    """The query in every configuration (only the language's, when ``language`` is given)."""
    configs = [languages.config_for(language)] if language else None
    return languages.multilingual_query(
        connection, "websearch_to_tsquery(cfg, %s)", [words.segmented_query(text)], configs
    )
