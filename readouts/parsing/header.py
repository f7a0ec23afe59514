"""Headers: the 'date YYYY-MM-DD' first line, YAML front matter, and the headline.

Front matter is parsed with a small reader for the flat "key: value" maps that readout exports use (plain,
single- and double-quoted scalars, folded continuation lines); nested YAML is not needed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import first_full_date

_DATE_LINE = re.compile(r"^[ \t]*date[ \t]*:?[ \t]*((?:19|20)\d\d-\d\d-\d\d)\b[ \t]*([^\n]{0,500})")
_FRONT_MATTER_OPEN = re.compile(r"^[ \t]*---[ \t]*\n")
_FRONT_MATTER_MAX_LINES = 200
_KEY_LINE = re.compile(r"^([A-Za-z_][\w\-]{0,60})[ \t]*:(?:[ \t]+(.*))?$")


@dataclass
class Header:
    published: date | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def split_header(text: str) -> tuple[Header, str]:
    """Remove a leading date line and/or YAML front matter; return what they say and the remaining text."""
    header = Header()
    match = _DATE_LINE.match(text[:600])
    if match:
        header.published = _iso(match.group(1))
        rest_of_line = match.group(2).strip()
        if rest_of_line:
            header.title = rest_of_line
        text = text[match.end() :]
        text = text.lstrip(" \t")
    if _FRONT_MATTER_OPEN.match(text[:20]):
        meta, text = _read_front_matter(text)
        header.meta = meta
        for key in ("date", "published", "published_date", "published_time", "pubdate", "created"):
            if not header.published and meta.get(key):
                header.published = _iso(meta[key][:10]) or first_full_date(meta[key])
        if meta.get("title"):
            header.title = meta["title"]
    return header, text


def _iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _read_front_matter(text: str) -> tuple[dict[str, str], str]:
    lines = text.split("\n", _FRONT_MATTER_MAX_LINES + 2)
    for end in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES + 1)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text  # no closing fence: not front matter
    meta: dict[str, list[str]] = {}
    key = None
    for line in lines[1:end]:
        match = _KEY_LINE.match(line)
        if match and not line[:1].isspace():
            key = match.group(1).lower()
            meta[key] = [match.group(2) or ""]
        elif key is not None and line.strip():
            meta[key].append(line)
    body = "\n".join(lines[end + 1 :])
    return {k: parse_yaml_scalar(v) for k, v in meta.items()}, body


_DOUBLE_QUOTE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "_": "\u00a0",
    " ": " ",
    '"': '"',
    "\\": "\\",
    "/": "/",
    "0": "",
    "N": "\u0085",
    "L": "\u2028",
    "P": "\u2029",
    "a": "",
    "b": "",
    "e": "",
    "r": "",
    "v": "",
}


def parse_yaml_scalar(lines: list[str]) -> str:
    """A YAML scalar spread over lines: plain, 'single' or "double" quoted with escapes and folding."""
    first = lines[0].strip()
    if first.startswith('"'):
        return _double_quoted(lines)
    if first.startswith("'"):
        folded = " ".join(line.strip() for line in lines if line.strip())
        return folded[1:-1].replace("''", "'") if folded.endswith("'") else folded[1:]
    if first in ("|", ">", "|-", ">-"):
        return " ".join(line.strip() for line in lines[1:] if line.strip())
    return " ".join(line.strip() for line in lines if line.strip())


def _double_quoted(lines: list[str]) -> str:
    # Folding: a line break becomes a space unless the line ends with an escaping backslash.
    raw = lines[0].strip()[1:]
    for line in lines[1:]:
        if raw.endswith("\\") and not raw.endswith("\\\\"):
            raw = raw[:-1] + line.lstrip()
        else:
            raw = raw.rstrip() + " " + line.strip()
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            break
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            width = {"x": 2, "u": 4, "U": 8}.get(nxt)
            if width:
                try:
                    out.append(chr(int(raw[i + 2 : i + 2 + width], 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
            out.append(_DOUBLE_QUOTE_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out).replace("\u00a0", " ").strip()


# ---------------------------------------------------------------------------------------------------------------
# Headline

_TITLE_PREFIX = re.compile(r"^(?:press releases?|news|readout|statement|update)\s*:\s*", re.IGNORECASE)
# Words that make a line read like a meeting headline.
_HEADLINE_VERB = re.compile(
    r"\b(?:meets?|met|meeting|receives?|received|hosts?|holds? talks|talks|calls? on|readout|visits?|summit"
    r"|rencontre|s'entretient|entretien|reçoit|встреча|встретился|переговоры|принял)\b",
    re.IGNORECASE,
)
_TIME_LINE = re.compile(r"\d{1,2}:\d\d")


def clean_title(title: str) -> str:
    title = re.sub(r"\s+", " ", title).strip()
    title = _TITLE_PREFIX.sub("", title)
    return title.strip(" -|:")


def is_headline_candidate(block: str) -> bool:
    """A short line that is not a sentence, not a date or time stamp, not an upper-case slug."""
    if len(block) > 250 or len(block) < 8:
        return False
    words = block.split()
    if not 3 <= len(words) <= 30:
        return False
    letters = [ch for ch in block if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) > 0.7 * len(letters):
        return False  # "CHINA-BEIJING-WANG QISHAN-..." photo slugs, datelines
    if _TIME_LINE.search(block) or (first_full_date(block) and len(words) <= 6):
        return False
    return not re.search(r"[.!?]$", block) or block.endswith("...")


def choose_headline(candidates: list[str]) -> str | None:
    """The headline among the lines before the body: the first that reads like a meeting headline, else the first."""
    usable = [c for c in candidates if is_headline_candidate(clean_title(c))]
    for candidate in usable:
        if _HEADLINE_VERB.search(candidate):
            return clean_title(candidate)
    return clean_title(usable[0]) if usable else None
