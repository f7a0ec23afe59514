"""Chinese and Japanese text split into words, for the full-text index and for queries alike.

PostgreSQL's parser keeps an unbroken run of Han characters or kana as one token ("托卡耶夫会见王毅" is a single
"word"), so a paragraph could only be found by a query for the whole clause. jieba splits each such run into
words, with the archive's own names (people's and countries' names and aliases written in these scripts) added to
its dictionary so that a name stays one word (托卡耶夫, not 托 / 卡耶夫). The paragraph's words are stored apart
(``Statement.segmented_text``), since a generated column cannot call Python, and its vector is built from them.
A query is split the same way, keeping its quotes and its minus signs: "一带一路倡议" stays a phrase, and
-美国总统 excludes the phrase 美国 总统.

The same dictionary must serve the index and the queries: a name added after paragraphs were indexed is found in
them only once they are saved again (``manage.py resegment_paragraphs`` does it for all).
"""

import logging
import re

import jieba

# Han (with extensions and compatibility forms), hiragana, katakana (and half-width), and the iteration marks.
CJK = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
CJK_RUN = re.compile(f"[{CJK}]+")
HAS_CJK = re.compile(f"[{CJK}]")
# A query's parts: a quoted phrase, or a run of other characters.
QUOTED = re.compile(r'"[^"]*"?')
NEGATED_RUN = re.compile(f"-([{CJK}]+)")
# A space that segmentation put between two characters (with a headline's match markers, readouts/search): the
# space alone is matched, so that it is replaced by nothing (a replacement that keeps a group is expanded in Python
# for each match), and the space comes first, which the regular expression engine looks for quickly (the characters
# around it are looked at behind and ahead): 0.8 µs a Russian headline and 2 a Chinese one, where the character
# class first took 1.5 and 9.
INSERTED_SPACE = re.compile(f" (?:(?<=[{CJK}] )|(?<=[{CJK}]\ue001 ))(?=\ue000?[{CJK}])")
# The archive's names are read again from the database at most this often (seconds) while a process runs.
NAMES_CACHE_KEY, NAMES_TIMEOUT = "readouts:segmentation-names", 300

jieba.setLogLevel(logging.WARNING)
# A tokenizer of our own: jieba's default one is shared by whatever else in the process uses jieba.
TOKENIZER = jieba.Tokenizer()
added_names: set[str] = set()


def has_cjk(text: str) -> bool:
    return HAS_CJK.search(text) is not None


def split_run(run: str) -> list[str]:
    ensure_archive_names()
    return [word for word in TOKENIZER.cut(run) if word.strip()]


def segmented(text: str) -> str | None:
    """The text with each Chinese or Japanese run split into words by spaces; None when it has none (the text is
    then indexed as it is)."""
    if not has_cjk(text):
        return None
    return CJK_RUN.sub(lambda run: " ".join(split_run(run.group())), text)


def segmented_query(text: str) -> str:
    """A web-search query with its Chinese and Japanese runs split as paragraphs are: a run inside quotes stays
    in the phrase, and an excluded run becomes an excluded phrase ("-美国总统" -> -"美国 总统")."""
    if not has_cjk(text):
        return text
    parts, last = [], 0
    for quoted in QUOTED.finditer(text):
        parts.append(segmented_unquoted(text[last : quoted.start()]))
        parts.append(segmented(quoted.group()) or quoted.group())
        last = quoted.end()
    parts.append(segmented_unquoted(text[last:]))
    return "".join(parts)


def segmented_unquoted(text: str) -> str:
    def negated(match):
        words = split_run(match.group(1))
        return f"-{words[0]}" if len(words) == 1 else f'-"{" ".join(words)}"'

    text = NEGATED_RUN.sub(negated, text)
    return CJK_RUN.sub(lambda run: " ".join(split_run(run.group())), text)


def joined_again(text: str) -> str:
    """Segmented text (a headline of it) with the spaces that segmentation added between characters taken out."""
    return INSERTED_SPACE.sub("", text)


def add_names(names) -> None:
    """Make each name (of those in these scripts) one word for the tokenizer."""
    for name in names:
        for part in CJK_RUN.findall(name or ""):
            if len(part) > 1 and part not in added_names:
                # A frequency high enough for the name to win over the dictionary's words that overlap it.
                TOKENIZER.add_word(part, freq=100_000)
                added_names.add(part)


def ensure_archive_names() -> None:
    """The names of the archive's people and countries in the dictionary, read again once the cache forgot them
    (a new person is a word for the tokenizer within NAMES_TIMEOUT)."""
    from django.core.cache import cache

    if cache.get(NAMES_CACHE_KEY):
        return
    cache.set(NAMES_CACHE_KEY, True, NAMES_TIMEOUT)
    add_names(archive_names())


def archive_names() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT name FROM (
                SELECT name FROM readouts_person UNION ALL SELECT unnest(aliases) FROM readouts_person
                UNION ALL SELECT name FROM readouts_country UNION ALL SELECT unnest(aliases) FROM readouts_country
            ) names WHERE name ~ %s
            """,
            [f"[{CJK}]"],
        )
        return [name for (name,) in cursor.fetchall()]
