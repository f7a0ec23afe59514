"""Accuracy of the parser against hand-checked corpora (folders with index.json and the readout files).

    python -m readouts.parsing.evaluate [-v] CORPUS_DIR [CORPUS_DIR ...]

Measures, per file, overall, per language and per publisher:
- language: the detected language == the truth's;
- meeting date: parsed == truth where the truth is not null; a truth written START/END (a meeting over several days)
  needs both days. The headline figure counts the "determinable" dates, whose basis needs no knowledge from outside
  the text and its page (external knowledge, a sister report, a medium-confidence guess);
- location: the city (first comma/parenthesis-separated part) of the truth location vs the parsed location, case- and
  accent-insensitive or the same city of the gazetteer by another of its names; entries whose truth says "not
  stated" are skipped;
- participants: micro-averaged F1, names matched with surname/alias tolerance against the truth's usual English
  spelling (the corpora write another script's form after it in parentheses: "Wang Yi (王毅)");
- paragraphs found: share of truth paragraph_starts that begin some parsed paragraph (whitespace ignored, HTML
  entities decoded);
- attribution: over truth paragraphs aligned with a parsed one: speaker name, "joint" or null (narrative);
- participant country: over the matched participants (the participants F1's true positives), the parsed country
  == the truth's (the same gazetteer country by another of its names, or the same organisation's name).

Each file is parsed with what its page tells whoever fetches it, as ``import_readouts --metadata`` passes it: the
index's ``published_date`` and source address. The targets differ by language (TARGETS).
"""

from __future__ import annotations

import html
import inspect
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from . import ParseError, parse_readout
from .cities import load_cities
from .gazetteer import load_gazetteer
from .participants import same_person
from .types import Kind, ParsedReadout

# A truth date whose basis mentions one of these was not determinable from the text and its page.
NOT_FROM_TEXT = (
    "external knowledge",
    "outside knowledge",
    "sister report",
    "not verifiable",
    "medium confidence",
    "not determinable",
)
MEASURES = (
    "language",
    "meeting_date",
    "location",
    "participants_f1",
    "participant_country",
    "paragraphs_found",
    "attribution",
)
_ENGLISH = {
    "language": 1.0,
    "meeting_date": 0.95,
    "location": 0.92,
    "participants_f1": 0.92,
    "paragraphs_found": 0.98,
    "attribution": 0.88,
}
_MAJOR = {
    "language": 1.0,
    "meeting_date": 0.85,
    "location": 0.85,
    "participants_f1": 0.85,
    "paragraphs_found": 0.95,
    "attribution": 0.80,
}
_OTHER = {"language": 1.0, "paragraphs_found": 0.90}
# Targets per language of the truth; a language not named here gets OTHER_TARGETS.
TARGETS = {"en": _ENGLISH, "zh": _MAJOR, "ru": _MAJOR, "fr": _MAJOR, "es": _MAJOR}
OTHER_TARGETS = _OTHER


def targets_for(language: str) -> dict[str, float]:
    return TARGETS.get(language, OTHER_TARGETS)


@dataclass
class FileResult:
    file: str
    publisher: str
    language: str = ""
    error: str | None = None
    language_ok: bool | None = None
    date_ok: bool | None = None  # None: not measured
    date_determinable: bool = False
    location_ok: bool | None = None
    tp: int = 0
    fp: int = 0
    fn: int = 0
    starts_found: int = 0
    starts_total: int = 0
    attribution_ok: int = 0
    attribution_total: int = 0
    country_ok: int = 0  # matched participants whose parsed country is the truth's
    details: list[str] = field(default_factory=list)
    # Each wrong attribution: (paragraph number, what the parser gave, the truth, the paragraph's opening words).
    attribution_misses: list[tuple[int, str, str, str]] = field(default_factory=list)

    @property
    def participants_f1(self) -> float:
        return _f1(self.tp, self.fp, self.fn)


@dataclass
class Report:
    files: list[FileResult]

    def _ratio(self, ok: int, total: int) -> float:
        return ok / total if total else 1.0

    @property
    def language(self) -> float:
        measured = [f for f in self.files if f.language_ok is not None]
        return self._ratio(sum(f.language_ok for f in measured), len(measured))

    @property
    def meeting_date(self) -> float:
        measured = [f for f in self.files if f.date_ok is not None and f.date_determinable]
        return self._ratio(sum(f.date_ok for f in measured), len(measured))

    @property
    def meeting_date_all(self) -> float:
        measured = [f for f in self.files if f.date_ok is not None]
        return self._ratio(sum(f.date_ok for f in measured), len(measured))

    @property
    def location(self) -> float:
        measured = [f for f in self.files if f.location_ok is not None]
        return self._ratio(sum(f.location_ok for f in measured), len(measured))

    @property
    def participants_f1(self) -> float:
        return _f1(sum(f.tp for f in self.files), sum(f.fp for f in self.files), sum(f.fn for f in self.files))

    @property
    def paragraphs_found(self) -> float:
        return self._ratio(sum(f.starts_found for f in self.files), sum(f.starts_total for f in self.files))

    @property
    def attribution(self) -> float:
        return self._ratio(sum(f.attribution_ok for f in self.files), sum(f.attribution_total for f in self.files))

    @property
    def participant_country(self) -> float:
        return self._ratio(sum(f.country_ok for f in self.files), sum(f.tp for f in self.files))

    def overall(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in MEASURES} | {"meeting_date_all": self.meeting_date_all}

    def by(self, key) -> dict[str, Report]:
        """Sub-reports grouped by ``key(file_result)``, largest group first."""
        groups: dict[str, list[FileResult]] = defaultdict(list)
        for result in self.files:
            groups[key(result)].append(result)
        return {name: Report(files) for name, files in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))}

    def by_language(self) -> dict[str, Report]:
        return self.by(lambda f: f.language or "?")

    def by_publisher(self) -> dict[str, Report]:
        return self.by(lambda f: publisher_family(f.publisher))

    def failures(self) -> dict[str, tuple[float, float]]:
        """Measures below their language's target: "language: measure" -> (value, target)."""
        failed = {}
        for language, report in self.by_language().items():
            overall = report.overall()
            for measure, target in targets_for(language).items():
                if overall[measure] < target:
                    failed[f"{language}: {measure}"] = (overall[measure], target)
        return failed


def publisher_family(publisher: str) -> str:
    return re.split(r"\s*\(", publisher or "unknown", maxsplit=1)[0].strip() or "unknown"


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 1.0 if fp == 0 and fn == 0 else 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _comparable(text: str) -> str:
    """A paragraph as the paragraph-start check sees it: HTML entities decoded (a truth copies the raw file's
    "&nbsp;", the parser decodes it) and no whitespace at all (a raw file's drop capital stands apart:
    "P resident")."""
    return "".join(normalise(html.unescape(text)).split())


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def city_of(location: str | None) -> str:
    return _fold(re.split(r"[,(]", location or "", maxsplit=1)[0])


def same_city(truth: str, parsed: str | None) -> bool:
    """The same city, also by another of its names ("Davao City" and "Davao", "New York" and "New York City")."""
    truth_city, parsed_city = city_of(truth), city_of(parsed)
    if truth_city == parsed_city:
        return True
    cities = load_cities()
    found = cities.lookup(truth_city)
    return found is not None and found == cities.lookup(parsed_city)


def english_name(name: str) -> str:
    """The truth's usual English spelling of a name, without the other script's form in parentheses."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name or "").strip()


def same_country(truth: str | None, parsed: str | None) -> bool:
    """The same country or organisation, case- and accent-insensitive or by another of the gazetteer's names for it
    ("Türkiye" and "Turkey", "Vietnam" and "Viet Nam"). A truth without a country wants none."""
    if not truth or not parsed:
        return not truth and not parsed
    if _fold(truth) == _fold(parsed):
        return True
    found = load_gazetteer().lookup(truth)
    return found is not None and found == load_gazetteer().lookup(parsed)


def _date_determinable(basis: str) -> bool:
    return not any(marker in (basis or "").lower() for marker in NOT_FROM_TEXT)


def _parsed_date(parsed: ParsedReadout) -> str | None:
    if not parsed.meeting_date:
        return None
    start = parsed.meeting_date.isoformat()
    end = getattr(parsed, "meeting_end_date", None)
    return f"{start}/{end.isoformat()}" if end and end != parsed.meeting_date else start


def compare(entry: dict, parsed: ParsedReadout) -> FileResult:
    result = FileResult(entry["file"], entry.get("publisher") or "", entry.get("language") or "")
    if entry.get("language"):
        result.language_ok = parsed.language == entry["language"]
        if not result.language_ok:
            result.details.append(f"language {parsed.language!r} != {entry['language']!r}")
    if entry.get("meeting_date"):
        got = _parsed_date(parsed)
        result.date_ok = got == entry["meeting_date"]
        result.date_determinable = _date_determinable(entry.get("meeting_date_basis", ""))
        if not result.date_ok:
            result.details.append(f"meeting date {got} != {entry['meeting_date']}")
    truth_location = entry.get("location") or ""
    if truth_location and "not stated" not in truth_location.lower():
        result.location_ok = same_city(truth_location, parsed.location)
        if not result.location_ok:
            result.details.append(f"location {parsed.location!r} != {truth_location!r}")

    unmatched = list(parsed.participants)
    for person in entry.get("participants", []):
        truth_name = english_name(person["name"])
        match = next((p for p in unmatched if same_person(p.name, truth_name)), None)
        if match is None:
            result.fn += 1
            result.details.append(f"participant missing: {person['name']}")
            continue
        result.tp += 1
        unmatched.remove(match)
        if same_country(person.get("country"), match.country):
            result.country_ok += 1
        else:
            result.details.append(
                f"country of {truth_name}: got {match.country!r}, expected {person.get('country')!r}"
            )
    result.fp = len(unmatched)
    result.details += [f"participant extra: {p.name}" for p in unmatched]

    texts = [_comparable(p.text) for p in parsed.paragraphs]
    used: set[int] = set()
    truth_labels = entry.get("attribution", [])
    for index, start in enumerate(entry.get("paragraph_starts", [])):
        result.starts_total += 1
        start = _comparable(start)
        position = next((i for i, t in enumerate(texts) if i not in used and t.startswith(start)), None)
        if position is None:
            result.details.append(f"paragraph not found: {start!r}")
            continue
        used.add(position)
        result.starts_found += 1
        if index < len(truth_labels):
            result.attribution_total += 1
            paragraph = parsed.paragraphs[position]
            truth = truth_labels[index]
            if truth is None:
                ok = paragraph.kind is Kind.NARRATIVE
            elif truth == "joint":
                ok = paragraph.kind is Kind.JOINT
            else:
                ok = paragraph.kind is Kind.STATEMENT and same_person(paragraph.speaker or "", english_name(truth))
            result.attribution_ok += ok
            if not ok:
                got = paragraph.speaker or str(paragraph.kind)
                result.details.append(f"attribution p{index + 1}: {got!r} != {truth!r}")
                result.attribution_misses.append((index + 1, got, str(truth), normalise(paragraph.text)[:MISS_CHARS]))
    return result


MISS_CHARS = 110  # how much of a wrongly attributed paragraph the listing shows


def format_attribution_misses(report: Report) -> str:
    """Every wrongly attributed paragraph, per file: its number, the parser's label, the truth's, its opening."""
    lines = []
    for f in report.files:
        if not f.attribution_misses:
            continue
        lines.append(f"{f.file} [{f.language}] {f.attribution_ok}/{f.attribution_total}")
        for number, got, truth, opening in f.attribution_misses:
            lines.append(f"  p{number}: got {got!r}, truth {truth!r}")
            lines.append(f"      {opening}")
    return "\n".join(lines) or "no wrong attributions"


def page_metadata(entry: dict) -> dict:
    """What the page an entry came from tells a fetcher: its publication date and address (the corpora note a
    repository path as "path @ commit")."""
    metadata = {}
    if entry.get("published_date"):
        metadata["published_date"] = entry["published_date"]
    source = (entry.get("source_path_or_url") or "").split(" @ ", 1)[0].strip()
    if source:
        metadata["source_url"] = source
    return metadata


def parse_entry(corpus: Path, entry: dict) -> ParsedReadout:
    raw = (corpus / entry["file"]).read_bytes()
    if "metadata" in inspect.signature(parse_readout).parameters:
        return parse_readout(raw, filename=entry["file"], metadata=page_metadata(entry))
    return parse_readout(raw, filename=entry["file"])


HALVES = ("develop", "holdout")


def half_of(entries: list[dict], half: str | None) -> list[dict]:
    """One half of a corpus, to check a rule on texts it was not written for: the files sorted by name, even
    positions "develop", odd positions "holdout"; every entry when half is None."""
    if half is None:
        return entries
    ordered = sorted(entries, key=lambda entry: entry["file"])
    return ordered[HALVES.index(half) :: 2]


def evaluate(*corpus_dirs: str | Path, half: str | None = None) -> Report:
    results = []
    for corpus_dir in corpus_dirs:
        corpus = Path(corpus_dir)
        for entry in half_of(json.loads((corpus / "index.json").read_text(encoding="utf-8")), half):
            try:
                parsed = parse_entry(corpus, entry)
            except (ParseError, OSError) as error:
                results.append(_failed(entry, str(error)))
                continue
            results.append(compare(entry, parsed))
    return Report(results)


def _failed(entry: dict, error: str) -> FileResult:
    failed = FileResult(entry["file"], entry.get("publisher") or "", entry.get("language") or "", error=error)
    failed.language_ok = False if entry.get("language") else None
    failed.fn = len(entry.get("participants", []))
    failed.starts_total = len(entry.get("paragraph_starts", []))
    failed.attribution_total = failed.starts_total
    failed.date_ok = False if entry.get("meeting_date") else None
    failed.date_determinable = _date_determinable(entry.get("meeting_date_basis", ""))
    failed.location_ok = False if "not stated" not in (entry.get("location") or "not stated").lower() else None
    return failed


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("ok" if value else "NO")


LABELS = {
    "language": "language",
    "meeting_date": "meeting date (determinable)",
    "meeting_date_all": "meeting date (all with truth)",
    "location": "location (city)",
    "participants_f1": "participants F1",
    "participant_country": "participant country",
    "paragraphs_found": "paragraphs found",
    "attribution": "attribution",
}
_COLUMNS = {
    "language": "lang",
    "meeting_date": "date",
    "location": "city",
    "participants_f1": "partF1",
    "participant_country": "ctry",
    "paragraphs_found": "paras",
    "attribution": "attrib",
}


# What each measure's mismatch lines start with, to list only one measure's (``--details participants``).
DETAIL_PREFIXES = {
    "language": "language",
    "meeting_date": "meeting date",
    "location": "location",
    "participants": "participant",
    "countries": "country of",
    "paragraphs": "paragraph not found",
    "attribution": "attribution",
}


def format_report(report: Report, *, details: bool | str = False) -> str:
    """The tables; with ``details`` every mismatch under its file, or (a key of DETAIL_PREFIXES) one measure's,
    listing only the files that have some."""
    header = f"{'file':<58} {'lang':>4} {'date':>4} {'loc':>4} {'partF1':>6} {'ctry':>5} {'paras':>7} {'attrib':>7}"
    lines = [header, "-" * len(header)]
    prefix = DETAIL_PREFIXES.get(details) if isinstance(details, str) else None
    for f in report.files:
        if f.error:
            lines.append(f"{f.file[:58]:<58} ERROR: {f.error}")
            continue
        shown = [d for d in f.details if d.startswith(prefix)] if prefix else f.details
        date_mark = _mark(f.date_ok) + ("" if f.date_determinable or f.date_ok is None else "*")
        lines.append(
            f"{f.file[:58]:<58} {_mark(f.language_ok):>4} {date_mark:>4} {_mark(f.location_ok):>4} "
            f"{f.participants_f1:>6.2f} {f.country_ok:>2}/{f.tp:<2} {f.starts_found:>3}/{f.starts_total:<3} "
            f"{f.attribution_ok:>3}/{f.attribution_total:<3}"
        )
        if details:
            lines += [f"    {d}" for d in shown]
    lines.append("-" * len(header))
    lines.append("(* = truth date not determinable from the text and its page; not counted in 'meeting date')")
    overall = report.overall()
    for key, label in LABELS.items():
        lines.append(f"{label:<32} {overall[key]:>7.1%}")
    lines += ["", "Per language (! = below that language's target):"]
    lines += _group_table(report.by_language(), "language", with_targets=True)
    lines += ["", "Per publisher:"]
    lines += _group_table(report.by_publisher(), "publisher", with_targets=False)
    failures = report.failures()
    lines.append("")
    if failures:
        listed = ", ".join(f"{name} {value:.1%} < {target:.0%}" for name, (value, target) in failures.items())
        lines.append(f"below target: {listed}")
    else:
        lines.append("every language meets its targets")
    return "\n".join(lines)


def _group_table(groups: dict[str, Report], label: str, *, with_targets: bool) -> list[str]:
    width = 34 if label == "publisher" else 10
    header = f"{label:<{width}} {'files':>5}" + "".join(f" {_COLUMNS[m]:>7}" for m in MEASURES)
    lines = [header]
    for name, group in groups.items():
        overall = group.overall()
        targets = targets_for(name) if with_targets else {}
        cells = []
        for measure in MEASURES:
            below = measure in targets and overall[measure] < targets[measure]
            cells.append(f" {overall[measure]:>6.1%}{'!' if below else ' '}")
        lines.append(f"{name[:width]:<{width}} {len(group.files):>5}" + "".join(cells))
    return lines


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    details = "-v" in args
    args = [a for a in args if a != "-v"]
    if not args:
        print("usage: python -m readouts.parsing.evaluate [-v] CORPUS_DIR [CORPUS_DIR ...]", file=sys.stderr)
        return 2
    report = evaluate(*args)
    print(format_report(report, details=details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
