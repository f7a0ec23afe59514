"""Result types of the parsing layer: plain dataclasses, no framework dependency."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class ParseError(ValueError):
    """The input cannot be read as a readout; the message is a short human reason."""


class Kind(StrEnum):
    STATEMENT = "statement"  # one participant speaks (``speaker`` is set)
    JOINT = "joint"  # both or all sides
    NARRATIVE = "narrative"  # the reporter's own account


@dataclass(frozen=True)
class ParsedParticipant:
    name: str  # in Latin letters, the usual English spelling where known: "Wang Yi"
    title: str
    country: str | None  # short English name from the gazetteer, e.g. "China"
    aliases: tuple[str, ...] = ()  # the other forms the text writes, e.g. its original script: ("王毅",)


@dataclass(frozen=True)
class ParsedParagraph:
    text: str
    speaker: str | None  # a participant's full name, set iff kind is STATEMENT
    kind: Kind


@dataclass
class ParsedReadout:
    title: str
    published_date: date | None
    meeting_date: date | None
    location: str | None
    publisher: str | None
    language: str
    participants: list[ParsedParticipant] = field(default_factory=list)
    paragraphs: list[ParsedParagraph] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the cleaned text

    def to_json(self, file: str | None = None) -> dict:
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "file": file,
            "title": self.title,
            "published_date": iso(self.published_date),
            "meeting_date": iso(self.meeting_date),
            "location": self.location,
            "publisher": self.publisher,
            "language": self.language,
            "participants": [
                {"name": p.name, "title": p.title, "country": p.country, "aliases": list(p.aliases)}
                for p in self.participants
            ],
            "paragraphs": [{"text": p.text, "speaker": p.speaker, "kind": str(p.kind)} for p in self.paragraphs],
            "warnings": list(self.warnings),
        }
