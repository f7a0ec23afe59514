"""Accuracy of the parser against a hand-checked corpus (a folder with index.json and the readout files).

    python -m readouts.parsing.evaluate /path/to/corpus

Measures, per file and overall:
- meeting date: parsed == truth, where the truth is not null; also over the "determinable" subset, whose
  meeting_date_basis does not rely on knowledge from outside the text (external knowledge, corpus metadata...);
- location: the city (first comma/parenthesis-separated part) of the truth location vs the parsed location, case- and
  accent-insensitive; entries whose truth says "not stated" are skipped;
- participants: micro-averaged F1, names matched with surname/alias tolerance;
- paragraphs found: share of truth paragraph_starts that begin some parsed paragraph (whitespace-normalised);
- attribution: over truth paragraphs aligned with a parsed one: speaker name, "joint" or null (narrative).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import ParseError, parse_readout
from .participants import same_person
from .types import Kind, ParsedReadout

# A truth date whose basis mentions one of these was not determinable from the text alone.
NOT_FROM_TEXT = (
    "external knowledge",
    "not in text",
    "page date",
    "corpus metadata",
    "not verifiable",
    "medium confidence",
    "not determinable",
)
TARGETS = {
    "meeting_date": 1.0,
    "location": 0.95,
    "participants_f1": 0.95,
    "paragraphs_found": 0.95,
    "attribution": 0.90,
}


@dataclass
class FileResult:
    file: str
    publisher: str
    error: str | None = None
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
    details: list[str] = field(default_factory=list)

    @property
    def participants_f1(self) -> float:
        return _f1(self.tp, self.fp, self.fn)


@dataclass
class Report:
    files: list[FileResult]

    def _ratio(self, ok: int, total: int) -> float:
        return ok / total if total else 1.0

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

    def overall(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in TARGETS} | {"meeting_date_all": self.meeting_date_all}

    def failures(self) -> dict[str, tuple[float, float]]:
        """Measures below their target: name -> (value, target)."""
        return {k: (v, TARGETS[k]) for k, v in self.overall().items() if k in TARGETS and v < TARGETS[k]}


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 1.0 if fp == 0 and fn == 0 else 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def city_of(location: str | None) -> str:
    return _fold(re.split(r"[,(]", location or "", maxsplit=1)[0])


def _date_determinable(basis: str) -> bool:
    return not any(marker in (basis or "").lower() for marker in NOT_FROM_TEXT)


def compare(entry: dict, parsed: ParsedReadout) -> FileResult:
    result = FileResult(entry["file"], entry.get("publisher") or "")
    if entry.get("meeting_date"):
        got = parsed.meeting_date.isoformat() if parsed.meeting_date else None
        result.date_ok = got == entry["meeting_date"]
        result.date_determinable = _date_determinable(entry.get("meeting_date_basis", ""))
        if not result.date_ok:
            result.details.append(f"meeting date {got} != {entry['meeting_date']}")
    truth_location = entry.get("location") or ""
    if truth_location and "not stated" not in truth_location.lower():
        result.location_ok = city_of(truth_location) == city_of(parsed.location)
        if not result.location_ok:
            result.details.append(f"location {parsed.location!r} != {truth_location!r}")

    unmatched = [p.name for p in parsed.participants]
    for person in entry.get("participants", []):
        match = next((name for name in unmatched if same_person(name, person["name"])), None)
        if match is None:
            result.fn += 1
            result.details.append(f"participant missing: {person['name']}")
        else:
            result.tp += 1
            unmatched.remove(match)
    result.fp = len(unmatched)
    result.details += [f"participant extra: {name}" for name in unmatched]

    texts = [normalise(p.text) for p in parsed.paragraphs]
    used: set[int] = set()
    truth_labels = entry.get("attribution", [])
    for index, start in enumerate(entry.get("paragraph_starts", [])):
        result.starts_total += 1
        start = normalise(start)
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
                ok = paragraph.kind is Kind.STATEMENT and same_person(paragraph.speaker or "", truth)
            result.attribution_ok += ok
            if not ok:
                got = paragraph.speaker or str(paragraph.kind)
                result.details.append(f"attribution p{index + 1}: {got!r} != {truth!r}")
    return result


def evaluate(corpus_dir: str | Path) -> Report:
    corpus = Path(corpus_dir)
    entries = json.loads((corpus / "index.json").read_text(encoding="utf-8"))
    results = []
    for entry in entries:
        path = corpus / entry["file"]
        try:
            parsed = parse_readout(path.read_bytes(), filename=entry["file"])
        except (ParseError, OSError) as error:
            failed = FileResult(entry["file"], entry.get("publisher") or "", error=str(error))
            failed.fn = len(entry.get("participants", []))
            failed.starts_total = len(entry.get("paragraph_starts", []))
            failed.attribution_total = failed.starts_total
            failed.date_ok = False if entry.get("meeting_date") else None
            failed.date_determinable = _date_determinable(entry.get("meeting_date_basis", ""))
            results.append(failed)
            continue
        results.append(compare(entry, parsed))
    return Report(results)


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("ok" if value else "NO")


def format_report(report: Report, *, details: bool = False) -> str:
    header = f"{'file':<58} {'date':>4} {'loc':>4} {'partF1':>6} {'paras':>7} {'attrib':>7}"
    lines = [header, "-" * len(header)]
    for f in report.files:
        if f.error:
            lines.append(f"{f.file[:58]:<58} ERROR: {f.error}")
            continue
        date_mark = _mark(f.date_ok) + ("" if f.date_determinable or f.date_ok is None else "*")
        lines.append(
            f"{f.file[:58]:<58} {date_mark:>4} {_mark(f.location_ok):>4} {f.participants_f1:>6.2f} "
            f"{f.starts_found:>3}/{f.starts_total:<3} {f.attribution_ok:>3}/{f.attribution_total:<3}"
        )
        if details:
            lines += [f"    {d}" for d in f.details]
    lines.append("-" * len(header))
    lines.append("(* = truth date not determinable from the text alone; not counted in 'meeting date')")
    overall = report.overall()
    names = {
        "meeting_date": "meeting date (determinable)",
        "meeting_date_all": "meeting date (all with truth)",
        "location": "location (city)",
        "participants_f1": "participants F1",
        "paragraphs_found": "paragraphs found",
        "attribution": "attribution",
    }
    for key, label in names.items():
        target = TARGETS.get(key)
        status = "" if target is None else ("  ok" if overall[key] >= target else f"  BELOW target {target:.0%}")
        lines.append(f"{label:<32} {overall[key]:>7.1%}{status}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    details = "-v" in args
    args = [a for a in args if a != "-v"]
    if len(args) != 1:
        print("usage: python -m readouts.parsing.evaluate [-v] CORPUS_DIR", file=sys.stderr)
        return 2
    report = evaluate(args[0])
    print(format_report(report, details=details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
