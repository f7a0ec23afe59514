"""Cleaning: bytes to text, mojibake repair, HTML to text, unwrapping hard-wrapped lines, boilerplate tests.

Every function here is linear in its input: regexes are anchored or bounded, and per-line checks look at a capped
prefix of the line, so a 10 MB single line cannot make the parser hang.
"""

from __future__ import annotations

import csv
import html
import io
import re
from html.parser import HTMLParser

import ftfy

from .types import ParseError

# ftfy is thorough but slow on megabytes of text; beyond this size only the cheap repair below runs.
FTFY_MAX_CHARS = 1_000_000
# Checks on a single line look at most at this many characters.
LINE_CHECK_CHARS = 2_000
# Unicode's control characters (category Cc) but tab, line feed, carriage return, form feed and vertical tab.
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode(raw: str | bytes) -> str:
    """Turn the input into text, refusing binary data and invalid UTF-8."""
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        if _looks_binary_bytes(data[:65536]):
            raise ParseError("binary data, not text")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:
                raise ParseError("not valid UTF-16 text") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ParseError("not valid UTF-8 text") from None
    elif isinstance(raw, str):
        text = raw
    else:
        raise ParseError(f"expected text or bytes, not {type(raw).__name__}")
    if _looks_binary_text(text[:65536]):
        raise ParseError("binary data, not text")
    # Lone surrogates cannot be stored or encoded; they only come from broken decoding.
    if any("\ud800" <= ch <= "\udfff" for ch in text[:65536]) or _has_surrogate(text):
        raise ParseError("not valid Unicode text (lone surrogates)")
    return text.lstrip("\ufeff")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _looks_binary_bytes(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11))
    return control / len(sample) > 0.05


def _looks_binary_text(sample: str) -> bool:
    if not sample:
        return False
    if "\x00" in sample:
        return True
    return len(_CONTROL_CHARACTER.findall(sample)) / len(sample) > 0.05


# A UTF-8 lead byte read as Latin-1/cp1252, followed by 1-3 continuation bytes read the same way ("Ã©", "â€™").
_CP1252_CONTINUATION = "\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\xa0"
_SHORT_MOJIBAKE = re.compile(rf"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")


def _undo_short_mojibake(match: re.Match[str]) -> str:
    chunk = match.group()
    # Try the longest prefix that decodes cleanly; leave the text alone otherwise.
    for end in range(len(chunk), 1, -1):
        try:
            fixed = chunk[:end].encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return fixed + chunk[end:]
    return chunk


def repair_text(text: str) -> tuple[str, list[str]]:
    """Repair mojibake and odd characters; returns the text and warnings."""
    warnings = []
    if len(text) <= FTFY_MAX_CHARS:
        # Full-width punctuation is how Chinese and Japanese are written ("，" "。"): ftfy's width fix would turn
        # it into ASCII, so only full-width letters and digits are narrowed, below.
        text = ftfy.fix_text(
            text, uncurl_quotes=False, fix_line_breaks=True, fix_character_width=False, normalization="NFC"
        )
    else:
        warnings.append("text too long for full mojibake repair; only simple repairs were made")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # ftfy leaves short sequences such as "â–\xa0" (a black square) when they look plausible as Latin-1.
    text = _SHORT_MOJIBAKE.sub(_undo_short_mojibake, text)
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\t", " ")
    if _FULL_WIDTH_ALNUM_CHAR.search(text):  # str.translate with a dict is slow; most texts have none
        text = text.translate(_FULL_WIDTH_ALNUM)
    return text, warnings


# Full-width Latin letters and digits ("Ｇ２０") read as their ASCII forms; full-width punctuation stays.
_FULL_WIDTH_ALNUM = {
    code: code - 0xFEE0
    for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for code in range(start, end + 1)
}
_FULL_WIDTH_ALNUM_CHAR = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


# ---------------------------------------------------------------------------------------------------------------
# HTML

_HTML_TAG = re.compile(
    r"<(?:p|br|div|td|tr|table|span|a|img|html|body|h[1-6]|li|ul|ol|font|b|i|strong|em)\b[^<>]{0,500}>", re.IGNORECASE
)
# Tags that run inside a line of text; every other tag, including the elements of an XML record that wraps the
# page, separates blocks.
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "label", "mark",
    "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "nobr", "ruby", "rt", "rp",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "head", "title", "nav", "form", "select", "option", "button", "iframe"}


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:200_000])) >= 2


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag not in _INLINE_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag not in _INLINE_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            # Whitespace inside HTML text is not significant: collapse it, line breaks come from tags only.
            self.parts.append(re.sub(r"\s+", " ", data))


_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")


def html_to_text(text: str) -> str:
    parser = _TextExtractor()
    try:
        # html.parser drops CDATA sections; an XML record keeps the page's HTML in one.
        parser.feed(_CDATA.sub("", text))
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser may choke on broken markup; fall back to stripping tags
        return re.sub(r"<[^<>]{0,2000}>", " ", text)
    joined = "".join(parser.parts)
    lines = [line.strip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------------------------------------------------------
# Markdown (scraped pages are often saved as Markdown: images glued to the lead, links, emphasis, "\" line breaks)

# A link target may hold one level of brackets ("photo-(1).jpg") and a quoted title.
_MD_TARGET = r"\((?:[^()\s]|\([^()\s]{0,50}\)){0,2000}(?:\s+\"[^\"\n]{0,300}\")?\)"
_MD_IMAGE = re.compile(rf"!\[[^\]\n]{{0,300}}\]{_MD_TARGET}")
_MD_LINK = re.compile(rf"(?<!!)\[([^\]\n]{{1,300}})\]{_MD_TARGET}")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)([^*_\n]{1,300}?)(?<=\S)\1(?![\w*])")
# Asterisks left on a word's edge by emphasis the converter did not close ("*Pekín. *Los jefes"); a bullet ("* item")
# and arithmetic ("5 * 3") have spaces on both sides.
_MD_LONE_STAR = re.compile(r"(?:(?<=\s)|^)\*{1,2}(?=[^\s*])|(?<=[^\s*])\*{1,2}(?=\s|$)", re.MULTILINE)
# A backslash at the end of a line is a Markdown hard break; the corpora use it between paragraphs.
_MD_HARD_BREAK = re.compile(r"[ \t]*\\[ \t]*$", re.MULTILINE)
_HTML_COMMENT = re.compile(r"<!--.{0,2000}?-->", re.DOTALL)
_HTML_ENTITY = re.compile(r"&(?:nbsp|amp|quot|apos|lt|gt|#\d{1,6}|#x[0-9a-fA-F]{1,6});")


def strip_markdown(text: str) -> str:
    """Plain text from Markdown: images dropped, links and emphasis reduced to their words, headings' marks and
    hard breaks (a line ending in a backslash, which starts a new paragraph) removed, and HTML comments and
    entities left by the converter decoded."""
    # Each pattern runs only where its mark occurs: a megabyte of plain prose skips them all.
    if "<!--" in text:
        text = _HTML_COMMENT.sub("", text)
    if "](" in text:
        text = _MD_IMAGE.sub("\n", text)
        text = _MD_LINK.sub(r"\1", text)
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "*" in text or "_" in text:
        text = _MD_EMPHASIS.sub(r"\2", text)
    if "*" in text:
        text = _MD_LONE_STAR.sub("", text)
    if "\\" in text:
        text = _MD_HARD_BREAK.sub("\n", text)
    if "&" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
    return text


# ---------------------------------------------------------------------------------------------------------------
# CSV records (a scraped data set's header row and one record: the page flattened into quoted fields)

# Columns that hold the readout's text, in reading order; the title opens it as a heading.
CSV_TITLE_COLUMNS = ("headline", "title")
# The record's date heads the text, as a page's date line does, for the date readers after this step.
CSV_DATE_COLUMNS = ("date", "published", "published_date", "datetime")
CSV_TEXT_COLUMNS = ("summary", "lead", "description", "body", "text", "content", "article")
_CSV_HEADER = re.compile(r"^[a-z_][\w ]{0,30}(?:,[a-z_][\w ]{0,30}){2,30}$")


def csv_record_to_text(text: str) -> str:
    """The text columns of a one-record CSV file as paragraphs (the title first), or the text unchanged when it is
    not such a record."""
    first_line, _, rest = text.partition("\n")
    if not _CSV_HEADER.match(first_line.strip()) or not rest.strip():
        return text
    columns = [c.strip().lower() for c in first_line.split(",")]
    if not any(c in CSV_TEXT_COLUMNS for c in columns):
        return text
    try:
        record = next(csv.reader(io.StringIO(rest)))
    except (csv.Error, StopIteration):
        return text
    if len(record) != len(columns):
        return text
    fields = dict(zip(columns, record, strict=True))
    title = next((fields[c] for c in CSV_TITLE_COLUMNS if fields.get(c)), "")
    dated = next((fields[c].strip() for c in CSV_DATE_COLUMNS if fields.get(c, "").strip()), "")
    parts = [fields[c].strip() for c in CSV_TEXT_COLUMNS if fields.get(c, "").strip()]
    return "\n\n".join(part for part in [dated, title.strip(), *parts] if part)


# ---------------------------------------------------------------------------------------------------------------
# Unwrapping

# Sentence ends in every script: full-width 。！？ (Chinese, Japanese), the Arabic question mark, and the closing
# quotes and brackets that may follow them ("」", "）").
_FULL_STOPS = ".!?…。！？．؟"
_CLOSERS = "'\"”’»)\\]」』）】"
_TERMINAL = re.compile(rf"[{_FULL_STOPS}:;：；][{_CLOSERS}]*$")
_SENTENCE_END = re.compile(rf"[{_FULL_STOPS}][{_CLOSERS}]*$")
# Han and kana: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Characters of unspaced text that make up about one word, for word counts.
CHARS_PER_UNSPACED_WORD = 2
_WRAP_MAX_WIDTH = 120
# A line this long that stops without punctuation was broken mid-sentence; headings are shorter.
_BROKEN_LINE_MIN = 60


def split_blocks(text: str) -> list[list[str]]:
    """Blocks of stripped, non-empty lines, separated by blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """True when lines were broken at a fixed width: most lines that continue a block are short and open-ended."""
    inner = [line for block in blocks for line in block[:-1]]
    total = sum(len(block) for block in blocks)
    if len(inner) < 4 or len(inner) < 0.3 * total:
        return False
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line[-10:]))
    lengths = sorted(len(line) for line in inner)
    width = lengths[int(0.8 * (len(lengths) - 1))]
    return open_ended >= 0.5 * len(inner) and width <= _WRAP_MAX_WIDTH


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        # "follow-" + "up" is one word broken at the margin, as is a drop capital and the rest of its word
        # ("P" + "resident"); anything else gets a space.
        if (out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower()) or _is_drop_capital(
            out, line
        ):
            out += line
        elif _UNSPACED.match(out[-1:]) and (_UNSPACED.match(line[:1]) or line[:1] in "，。、；：！？"):
            out += line  # Chinese and Japanese lines join without a space
        else:
            out += " " + line
    return out


# OCR leaves specks before a line's first word: stray punctuation (", The", ": Austria") or a lone letter set off
# by two spaces ("i  Australia's").
_OCR_SPECKS = re.compile(r"^(?:[,;:'`^|]+\s*|[a-z]\s{2,})+")


# ...and after its last: single characters and runs of punctuation ("week. â", "talks. • ‘ - N ^ -").
_TRAILING_SPECKS = re.compile(r"(?:\s+(?:\S|[^\w\s]+))+$")


def _starts_sentence(line: str) -> bool:
    line = _OCR_SPECKS.sub("", line[:20]) + line[20:]
    first = line.lstrip("\"“‘'«(—–- 「『【")[:1]
    return bool(first) and (first.isupper() or first.isdigit() or is_caseless_letter(first))


def is_caseless_letter(ch: str) -> bool:
    """A letter of a script without upper and lower case (Han, kana, Arabic, Hebrew, Thai...)."""
    return ch.isalpha() and not ch.isupper() and not ch.islower()


# A paragraph's first words split into short lines by the page's markup (a drop capital, a name in bold) run on
# over at most this many lines.
_DROP_CAP_RUN = 5


def _is_drop_capital(line: str, following: str | list[str]) -> bool:
    """A capital letter alone on its line whose word carries on the next line ("P" + "resident-elect")."""
    if isinstance(following, list):
        following = following[0] if following else ""
    return len(line) == 1 and line.isupper() and following[:1].islower()


def _join_broken_sentences(lines: list[str]) -> list[str]:
    paragraphs = [[lines[0]]]
    run_on = 0  # lines still joined to a paragraph opened by a drop capital
    for index, line in enumerate(lines[1:], start=1):
        previous = paragraphs[-1][-1]
        if _is_drop_capital(line, lines[index + 1 : index + 2]):
            paragraphs.append([line])
            run_on = 0
        elif _is_drop_capital(previous, line):
            paragraphs[-1][-1] = previous + line
            run_on = _DROP_CAP_RUN
        elif run_on and len(previous) < _BROKEN_LINE_MIN and not _TERMINAL.search(previous[-10:]):
            paragraphs[-1].append(line)
            run_on -= 1
        elif len(previous) >= _BROKEN_LINE_MIN and not _TERMINAL.search(previous[-10:]):
            paragraphs[-1].append(line)
            run_on = 0
        else:
            paragraphs.append([line])
            run_on = 0
    return [_join_lines(paragraph) for paragraph in paragraphs]


def _is_capitals_line(line: str) -> bool:
    """A line in capitals ("TALKS WITH THE PRIME MINISTER OF THAILAND") is a heading, however long; an OCR speck
    or two in lower case does not change that."""
    letters = [ch for ch in line[:LINE_CHECK_CHARS] if ch.isalpha()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= CAPITALS_LINE_SHARE * len(letters)


CAPITALS_LINE_SHARE = 0.9


# Typed lines are this long; page navigation and headings that stop without punctuation are mostly shorter.
_TYPED_LINE_MIN = 40
WIDTH_PERCENTILE = 0.9
DOUBLE_SPACED_MIN_BLOCKS = 8


def is_double_spaced(blocks: list[list[str]]) -> bool:
    """True when every typed line stands alone between blank lines (OCR output): most blocks are one line no
    wider than a typed sheet, and many of those stop mid-sentence."""
    singles = [block[0] for block in blocks if len(block) == 1]
    if len(blocks) < DOUBLE_SPACED_MIN_BLOCKS or len(singles) < 0.8 * len(blocks):
        return False
    lengths = sorted(len(line) for line in singles)
    if lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))] > _WRAP_MAX_WIDTH:
        return False  # lines of a page's paragraphs, not of a typed sheet
    broken = sum(1 for line in singles if len(line) >= _TYPED_LINE_MIN and not _TERMINAL.search(line[-10:]))
    return broken >= 0.4 * len(singles)


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(_TRAILING_SPECKS.sub("", line[-40:])[-10:]))


def _join_double_spaced(lines: list[str]) -> list[str]:
    """Paragraphs of a text whose every line stands between blank lines: a paragraph ends with a line that ends a
    sentence (OCR specks after it aside) or with a heading; a line that stops mid-sentence runs on, however the
    next one starts (OCR drops and garbles first letters)."""
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    paragraphs = [[lines[0]]]
    for line in lines[1:]:
        previous = paragraphs[-1][-1]
        heading = _is_capitals_line(previous) or (len(previous) < 0.5 * width and previous[-1:] not in ",-")
        if _ends_sentence(previous) or heading:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_join_lines(paragraph) for paragraph in paragraphs]


# A transcript flattened into one paragraph: "...African countries.*** President of Russia Vladimir Putin: Mr
# President, ..." — a section mark, or a speaker's label (two to twelve capitalised words, "of", "the", "and"
# between them, an optional "(retranslated)") right after a sentence ends.
_LABEL_WORD = r"[A-ZА-ЯЁ](?:\.|[\w'’\-]{0,30})"  # a word, or an initial ("J.")
_SPEAKER_TURN = re.compile(
    rf"(?<=[.!?…»”\"])\s*(?:\*{{3}}\s*)?(?=(?:{_LABEL_WORD}\s+(?:(?:of|the|and|for|de|la|du)\s+){{0,3}}){{1,11}}"
    rf"{_LABEL_WORD}\s*(?:\((?:retranslated|via interpreter|through an interpreter|translated)\))?:\s)"
)
_SECTION_MARK = re.compile(r"\s*\*{3,}\s*")


def split_speaker_turns(paragraph: str) -> list[str]:
    """A flattened transcript's paragraph cut where a section mark or a speaker's label starts a turn."""
    if "*" not in paragraph and ":" not in paragraph:
        return [paragraph]
    parts = []
    for piece in _SECTION_MARK.split(paragraph):
        start = 0
        for match in _SPEAKER_TURN.finditer(piece):
            if match.end() > start:
                parts.append(piece[start : match.start()])
                start = match.end()
        parts.append(piece[start:])
    return [part.strip() for part in parts if part.strip()]


def unwrap(text: str) -> list[str]:
    """Logical paragraphs (one string each) from text that may be hard-wrapped and may lack blank lines; a
    flattened transcript's turns are paragraphs of their own."""
    return [turn for paragraph in _unwrap(text) for turn in split_speaker_turns(paragraph)]


def _unwrap(text: str) -> list[str]:
    blocks = split_blocks(text)
    if is_double_spaced(blocks):
        return _join_double_spaced([line for block in blocks for line in block])
    if not is_hard_wrapped(blocks):
        # Lines are whole paragraphs (a single newline separates paragraphs), except where a long line
        # stops mid-sentence: then a few lines of the text were wrapped and the next line carries on.
        return [paragraph for block in blocks for paragraph in _join_broken_sentences(block)]
    # Blank lines separate paragraphs when at least two multi-line blocks read as prose; header blocks
    # ("Press release" + headline) do not count.
    prose_blocks = sum(1 for block in blocks if len(block) > 1 and _SENTENCE_END.search(block[-1][-10:]))
    paragraphs_have_blank_lines = prose_blocks >= 2
    # The typed width: the longest lines but for a few (OCR junk and pasted tables run wider).
    lengths = sorted(len(line) for block in blocks for line in block)
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))] if lengths else 0
    result = []
    for block in blocks:
        if paragraphs_have_blank_lines:
            result.append(_join_lines(block))
            continue
        # No blank lines: a new paragraph starts where a sentence ends at a line end and the next line
        # starts a sentence (wire copy and press-office mail are formatted this way); a short line without
        # punctuation before a capitalised line is a heading of its own.
        current = [block[0]]
        for index, line in enumerate(block[1:], start=1):
            previous = current[-1]
            if _is_drop_capital(line, block[index + 1 : index + 2]):
                result.append(_join_lines(current))  # a drop capital opens a paragraph
                current = [line]
                continue
            heading = (
                len(previous) < 0.5 * width and not _TERMINAL.search(previous[-10:]) and previous[-1:] not in ",-"
            ) or _is_capitals_line(previous)
            opened_by_drop_capital = len(current) <= _DROP_CAP_RUN and _is_drop_capital(
                current[0], current[1:2] or line
            )
            ends_sentence = _ends_sentence(previous)
            if opened_by_drop_capital and not ends_sentence:
                current.append(line)
            elif (ends_sentence or heading) and _starts_sentence(line):
                result.append(_join_lines(current))
                current = [line]
            else:
                current.append(line)
        result.append(_join_lines(current))
    return result


# ---------------------------------------------------------------------------------------------------------------
# Boilerplate, captions, end marks

_END_MARK = re.compile(r"^[\s\\#*■□▪◆\-=_~]*(?:\((?:end|ends)\)|ends?|-30-|xxx)?[\s\\#*■□▪◆\-=_~]*$", re.IGNORECASE)
_TRAILING_END_MARK = re.compile(r"\s*(?:\\?#{3,}|■+|□+|\((?:end|ends)\)|\[end\])\s*$", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"\((?:[A-Z][\w .'-]{0,30}/[^()]{1,60}|(?:AP|AFP|Reuters|EPA|Getty|Xinhua|Sputnik|TASS|Anadolu)\b[^()]{0,40}"
    r"|Photo[^()]{0,60}|Picture[^()]{0,60}|File photo[^()]{0,40})\)(?:\s*\([a-z]{1,6}\))*\s*$"
)
_CAPTION_POSITION = re.compile(r"\((?:\d(?:st|nd|rd|th) )?(?:[LRC]|left|right|center|front)\)")
_CAPTION_START = re.compile(r"^(?:photo|picture|image|file photo|photograph|caption)\b[^.]{0,40}?[:|-]", re.IGNORECASE)
# Page text recognised by how a line starts (anchored, cheap) or by a phrase anywhere in its first characters.
_BOILERPLATE_START = re.compile(
    r"(?:(?:by|source|editor|web editor|reporter|writer|edited by|translated by|author)\s*:"
    r"|\(?web editor\b|by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}$|an official website|official websites use"
    r"|secure \.gov|a lock \(|key ?words\s*:|tags\s*:|share (?:this|on)\b|follow us|subscribe\b|click here"
    r"|related (?:news|articles|stories)|read (?:more|also)\b|go to the main site|video player"
    r"|comments?(?: here)?$|print$|back to top|previous article|next article"
    r"|(?:a |the )?[\w ]{0,40}spokes(?:man|woman|person)[\w ]{0,40}said\s*:\s*$)",
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"attributable to|here'?s how you know|\.gov website|copyright|all rights reserved|may not be reproduced"
    r"|\bhyperlink\b|\bcookies?\b|\|\s*editor\s*:",
)  # matched against lower-cased text: twice as fast as re.IGNORECASE
# A word of each phrase above, every one of which holds it.
_BOILERPLATE_WORDS = ("attributable", "how you know", ".gov", "copyright", "rights reserved", "reproduced",
                      "hyperlink", "cookie", "editor")  # fmt: skip
_PROSE_END = _SENTENCE_END


END_MARK_TAIL_CHARS = 80
_END_MARK_LAST_CHARS = ("#", "■", "□", ")", "]")


def strip_end_marks(paragraph: str) -> str:
    # An end mark is a few characters at the very end: searching only the tail keeps this cheap on long blocks.
    stripped = paragraph.strip()
    if not stripped.endswith(_END_MARK_LAST_CHARS):
        return stripped
    head, tail = stripped[:-END_MARK_TAIL_CHARS], stripped[-END_MARK_TAIL_CHARS:]
    return (head + _TRAILING_END_MARK.sub("", tail)).strip()


def is_end_mark(block: str) -> bool:
    head = block[:LINE_CHECK_CHARS]
    return len(head) < 40 and bool(_END_MARK.match(head))


def is_caption(block: str) -> bool:
    head = block[:LINE_CHECK_CHARS]
    if _CAPTION_START.match(head):
        return True
    tail = block[-200:]
    if _CAPTION_CREDIT.search(tail):
        return True
    return len(head) < 600 and bool(_CAPTION_POSITION.search(head[:200]))


def is_boilerplate(block: str) -> bool:
    """Site navigation, bylines, spokesperson lines, copyright notices and similar page text."""
    head = block[:300]
    if _BOILERPLATE_START.match(head) or is_end_mark(block):
        return True
    lowered = head.lower()
    # The phrases' plain words come first: the pattern runs only on the few blocks that hold one of them.
    return any(word in lowered for word in _BOILERPLATE_WORDS) and bool(_BOILERPLATE_ANYWHERE.search(lowered))


def looks_like_prose(block: str) -> bool:
    """A body paragraph: several words with lower-case text, ending a sentence (or long enough not to need to)."""
    head = block[:LINE_CHECK_CHARS]
    word_count = count_words(head)
    # Lower-case letters tell prose from a heading in capitals; caseless scripts (Chinese, Arabic) have none.
    if word_count < 4 or not any(ch.islower() or is_caseless_letter(ch) for ch in head):
        return False
    if word_count >= 20 or _PROSE_END.search(block[-20:]):
        return True
    # "Mr Rudd said his recommendations included:" introduces the list that follows.
    return word_count >= LIST_INTRODUCTION_MIN_WORDS and block.rstrip().endswith((":", "："))


LIST_INTRODUCTION_MIN_WORDS = 6


def count_words(text: str) -> int:
    """Words separated by spaces, with Chinese and Japanese characters counted at about two to a word."""
    unspaced = len(_UNSPACED.findall(text))
    if not unspaced:
        return len(text.split())
    spaced = sum(1 for token in _UNSPACED.sub(" ", text).split() if any(ch.isalnum() for ch in token))
    return spaced + unspaced // CHARS_PER_UNSPACED_WORD
