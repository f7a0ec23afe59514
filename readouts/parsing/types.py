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
    # The paragraph does not name its speaker: taken from a pronoun, a title or the paragraph before (guesses.py).
    speaker_guessed: bool = False


@dataclass(frozen=True)
class ReadoutMetadata:
    """What is known of a text from outside its body: a metadata file's line, the admin's form, or the page's own
    front matter, <meta> tags and JSON-LD. Every field is optional; an empty one says nothing."""

    published_date: date | None = None
    source_url: str = ""
    publisher: str = ""
    language: str = ""
    title: str = ""
    author: str = ""  # the person a release speaks for in the first person ("Alexander Downer"), where stated

    FIELDS = ("published_date", "source_url", "publisher", "language", "title", "author")

    def to_json(self) -> dict:
        """The values given, as JSON (the published date in ISO form); empty ones left out."""
        data = {name: getattr(self, name) for name in self.FIELDS if getattr(self, name)}
        if self.published_date:
            data["published_date"] = self.published_date.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> ReadoutMetadata:
        """What ``to_json`` wrote; raises ValueError on a value of the wrong kind."""
        data = dict(data or {})
        published = data.get("published_date")
        if published is not None and not isinstance(published, str):
            raise ValueError("published_date must be a date written YYYY-MM-DD")
        values = {}
        for name in cls.FIELDS[1:]:
            value = data.get(name)
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{name} must be a string")
            values[name] = (value or "").strip()
        return cls(published_date=date.fromisoformat(published[:10]) if published else None, **values)

    def merged_over(self, other: ReadoutMetadata) -> ReadoutMetadata:
        """These values, and ``other``'s where these are empty."""
        return ReadoutMetadata(
            published_date=self.published_date or other.published_date,
            source_url=self.source_url or other.source_url,
            publisher=self.publisher or other.publisher,
            language=self.language or other.language,
            title=self.title or other.title,
            author=self.author or other.author,
        )


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
    # A meeting over several days ends on meeting_end_date (empty for one day).
    meeting_end_date: date | None = None
    # How the meeting date was found (a DateBasis value: "stated", "year_inferred", "year_unknown", ...).
    meeting_date_basis: str = ""
    # The meeting's month and day, also when its year is unknown (meeting_date is then empty).
    meeting_month: int | None = None
    meeting_day: int | None = None
    source_url: str = ""
    # The place is the dateline's (where the text was filed), not one the text says the meeting was at.
    location_guessed: bool = False

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
            "paragraphs": [
                {"text": p.text, "speaker": p.speaker, "kind": str(p.kind), "speaker_guessed": p.speaker_guessed}
                for p in self.paragraphs
            ],
            "warnings": list(self.warnings),
            "meeting_end_date": iso(self.meeting_end_date),
            "meeting_date_basis": self.meeting_date_basis,
            "meeting_month": self.meeting_month,
            "meeting_day": self.meeting_day,
            "source_url": self.source_url or None,
            "location_guessed": self.location_guessed,
        }
