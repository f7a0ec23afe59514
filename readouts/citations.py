"""Citations of a readout or of one of its paragraphs: a Chicago-style line, CSL-JSON and BibTeX.

Pure functions of a readout (and optionally one of its statements), the archive address being cited and the day
it was accessed; they read only the readout's own fields and never query. What is cited is the archived copy at
`url` (which the access date refers to); the publisher's original address, when known, comes along.
"""

import re

PUBLISHER_UNKNOWN = "Readout Archive"


def format_date(day):
    """Chicago's form: June 7, 2022; "n.d." for no date."""
    return f"{day:%B} {day.day}, {day.year}" if day else "n.d."


def citation_text(readout, statement=None, *, url, accessed):
    """Publisher. “Title.” June 7, 2022. Source URL. Readout Archive, URL (accessed May 1, 2026).

    For a paragraph: Publisher. “Title,” paragraph 3. ..."""
    parts = []
    if readout.publisher:
        parts.append(f"{readout.publisher.rstrip('.')}.")
    if statement is None:
        parts.append(f"“{readout.title.rstrip('.')}.”")
    else:
        parts.append(f"“{readout.title.rstrip('.')},” paragraph {statement.position}.")
    day = format_date(readout.meeting_date)
    parts.append(day if day.endswith(".") else f"{day}.")
    if readout.source_url:
        parts.append(f"{readout.source_url}.")
    parts.append(f"Readout Archive, {url} (accessed {format_date(accessed)}).")
    return " ".join(parts)


def citation_key(readout, statement=None):
    """readout-123, or readout-123-p3 for the third paragraph: stable, since ids never change."""
    key = f"readout-{readout.pk}"
    return f"{key}-p{statement.position}" if statement else key


def date_parts(day):
    return {"date-parts": [[day.year, day.month, day.day]]}


def to_csl_json(readout, statement=None, *, url, accessed):
    """One CSL-JSON item (a dict; a CSL-JSON file holds a list of them), as Zotero and citeproc read it."""
    item = {
        "id": citation_key(readout, statement),
        "type": "webpage",
        "title": readout.title,
        "author": [{"literal": readout.publisher or PUBLISHER_UNKNOWN}],
        "container-title": "Readout Archive",
        "URL": url,
        "accessed": date_parts(accessed),
        "language": readout.language,
    }
    if readout.publisher:
        item["publisher"] = readout.publisher
    issued = readout.published_date or readout.meeting_date
    if issued:
        item["issued"] = date_parts(issued)
    if readout.meeting_date:
        item["event-date"] = date_parts(readout.meeting_date)
    if readout.location:
        item["event-place"] = readout.location
    notes = []
    if statement is not None:
        item["section"] = f"paragraph {statement.position}"
        notes.append(f"Paragraph {statement.position}.")
    if readout.source_url:
        notes.append(f"Original: {readout.source_url}")
    if notes:
        item["note"] = " ".join(notes)
    return item


BIBTEX_SPECIALS = re.compile(r"[\\{}%&$#_^~]")
BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def escape_bibtex(text):
    """Text safe inside braces: LaTeX's special characters escaped; other Unicode kept (biber reads UTF-8)."""
    return BIBTEX_SPECIALS.sub(lambda m: BIBTEX_REPLACEMENTS.get(m.group(), "\\" + m.group()), text)


def latex_url(url):
    """A URL inside \\url{} in an ordinary field, where # and % would break LaTeX unless escaped."""
    return url.replace("%", r"\%").replace("#", r"\#")


def to_bibtex(readout, statement=None, *, url, accessed):
    """One @misc entry, readable by BibTeX and biblatex; the publisher is a corporate author (double braces)."""
    fields = [
        ("author", f"{{{escape_bibtex(readout.publisher or PUBLISHER_UNKNOWN)}}}"),
        ("title", f"{{{escape_bibtex(readout.title)}}}"),
    ]
    day = readout.meeting_date
    if day:
        fields += [("date", day.isoformat()), ("year", str(day.year)), ("month", str(day.month))]
    notes = []
    if statement is not None:
        notes.append(f"Paragraph {statement.position}.")
    if readout.source_url:
        notes.append(f"Original: \\url{{{latex_url(readout.source_url)}}}")
    if notes:
        fields.append(("note", " ".join(notes)))
    fields += [
        ("howpublished", f"Readout Archive, \\url{{{latex_url(url)}}}"),
        ("url", url),
        ("urldate", accessed.isoformat()),
        ("language", readout.language),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation_key(readout, statement)},\n{body}\n}}\n"
