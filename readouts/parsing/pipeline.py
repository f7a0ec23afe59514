"""parse_readout: the parsing pipeline, raw readout text in, ParsedReadout out.

Steps: decode -> repair -> headers -> HTML -> unwrap -> split header zone / body -> dateline -> participants ->
attribution -> dates -> location. Each step is a pure function from its own module.
"""

from __future__ import annotations

import re
from datetime import date

from . import clean
from .attribution import attribute_paragraphs
from .dateline import Dateline, parse_closing_dateline, parse_dateline, parse_dateline_line
from .dates import (
    DateEvidence,
    find_dates,
    find_weekday,
    first_full_date,
    mentions_same_day,
    resolve_meeting_date,
    years_mentioned,
)
from .header import choose_headline, clean_title, split_header
from .language import detect_language
from .lead import find_lead, is_body_paragraph, is_unterminated_lead
from .location import english_place_name, find_meeting_place, find_place_in_language
from .names import find_person_mentions
from .participants import extract_participants, is_pinyin_name
from .publisher import detect_publisher, home_country
from .sentences import split_sentences
from .types import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout, ParseError

MAX_ATTRIBUTED_PARAGRAPHS = 500  # real readouts have a few dozen; beyond this, paragraphs are left narrative
LEAD_CHARS = 3_000
SHORT_LEAD_CHARS = 40
YEAR_SCAN_CHARS = 200_000


def parse_readout(raw: str | bytes, *, filename: str | None = None) -> ParsedReadout:
    """Parse one readout. Raises ParseError (only) when the input cannot be read as a readout."""
    try:
        return _parse(raw, filename)
    except ParseError:
        raise
    except RecursionError as error:  # pragma: no cover - defensive: never let a parser bug escape as another type
        raise ParseError(f"could not parse the text ({type(error).__name__})") from error
    except Exception as error:  # noqa: BLE001 - the contract is "ParseError only"
        raise ParseError(f"could not parse the text ({type(error).__name__}: {error})") from error


def _parse(raw: str | bytes, filename: str | None) -> ParsedReadout:
    text = clean.decode(raw)
    if not text.strip():
        raise ParseError("empty text")
    text, warnings = clean.repair_text(text)
    header, body = split_header(text)
    if clean.looks_like_html(body):
        body = clean.html_to_text(body)
    body = clean.strip_markdown(clean.csv_record_to_text(body))
    blocks = [clean.strip_end_marks(b) for b in clean.unwrap(body)]
    blocks = [b for b in blocks if b]
    if not blocks:
        raise ParseError("empty text")

    if header.title:
        # The front matter's title repeated as the page's first heading is the header's, not a paragraph.
        blocks = [b for b in blocks if _squeezed(b) != _squeezed(header.title)]
    found = _find_lead(blocks)
    if found is None:
        raise ParseError("no paragraphs found")
    body_start, lead_index = found
    header_zone = blocks[:body_start]
    paragraphs = [b for b in blocks[body_start:] if _is_body_paragraph(b)]
    lead = blocks[lead_index]
    # Long opening paragraphs may come before the lead ("I am pleased to announce..."); most leads are first.
    lead_position = sum(1 for b in blocks[body_start:lead_index] if _is_body_paragraph(b))

    dateline = parse_dateline(lead)
    header_dateline = _header_dateline(header_zone)
    lead_body = lead[dateline.end :] if dateline else lead
    lead_sentence = _lead_sentence(lead_body)

    readable_header = [b for b in header_zone if not clean.is_caption(b) and not clean.is_boilerplate(b)]
    title = clean_title(header.title) if header.title else choose_headline(readable_header)
    published = header.published or _published_from(readable_header, title, header_zone)

    publisher = detect_publisher(
        [
            header.meta.get("publisher", ""),
            header.meta.get("source", ""),
            header.meta.get("source_url", ""),
            dateline.agency if dateline and dateline.agency else "",
            "\n".join(header_zone)[:5000],
            lead[:LEAD_CHARS],
            "\n".join(blocks[-5:])[-3000:],
        ]
    )
    language = detect_language(paragraphs, declared=header.meta.get("language"))

    # Who held an office, and which family name is whose, depends on the day (the meeting's, else the page's).
    day = _meeting_date(lead_body, dateline, header_dateline, header_zone, published, paragraphs)[0] or published
    participants = extract_participants(
        lead_sentence[:LEAD_CHARS],
        title=title or "",
        body=[*paragraphs[:lead_position], *paragraphs[lead_position + 1 : 50]],
        full_text="\n".join([*header_zone, *paragraphs[:50]])[:50000],
        publisher_country=home_country(publisher),
        language=language,
        day=day,
    )
    if not participants:
        warnings.append("no participants found")

    labels = attribute_paragraphs(
        paragraphs[:MAX_ATTRIBUTED_PARAGRAPHS],
        participants,
        {lead_position: dateline.end} if dateline else None,
        language=language,
        day=day,
    )
    if len(paragraphs) > MAX_ATTRIBUTED_PARAGRAPHS:
        warnings.append(f"only the first {MAX_ATTRIBUTED_PARAGRAPHS} paragraphs were attributed")
        labels += [(Kind.NARRATIVE, None)] * (len(paragraphs) - MAX_ATTRIBUTED_PARAGRAPHS)
    parsed_paragraphs = [
        ParsedParagraph(p, speaker, kind) for p, (kind, speaker) in zip(paragraphs, labels, strict=True)
    ]

    meeting_date, date_warnings = _meeting_date(
        lead_body, dateline, header_dateline, header_zone, published, paragraphs
    )
    warnings += date_warnings
    closing = next(filter(None, (parse_closing_dateline(b) for b in reversed(blocks[-3:]))), None)
    location = _location(lead_body, dateline, header_dateline or closing, publisher, language, title)
    if location is None:
        warnings.append("meeting place not found")

    if not title:
        title = derive_title(participants, lead_sentence)
    return ParsedReadout(
        title=title,
        published_date=published,
        meeting_date=meeting_date,
        location=location,
        publisher=publisher,
        language=language,
        participants=participants,
        paragraphs=parsed_paragraphs,
        warnings=warnings,
        text="\n\n".join(paragraphs),
    )


def _lead_sentence(lead_body: str) -> str:
    """The first sentence, with the next when the first is only a place or a kicker ("Washington.")."""
    if not lead_body.strip():
        return lead_body
    sentences = split_sentences(lead_body[:LEAD_CHARS])
    if len(sentences) > 1 and len(sentences[0]) < SHORT_LEAD_CHARS:
        return sentences[0] + " " + sentences[1]
    return sentences[0]


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _is_body_paragraph(block: str) -> bool:
    return is_body_paragraph(block) or is_unterminated_lead(block)


def _find_lead(blocks: list[str]) -> tuple[int, int] | None:
    """(body start, lead) in any language; an English titled person ("President Xi") also marks the lead."""
    return find_lead(blocks, lambda head: any(m.has_title for m in find_person_mentions(head)))


def _header_dateline(header_zone: list[str]) -> Dateline | None:
    found = None
    for block in header_zone:
        line = parse_dateline_line(block)
        if line:
            found = line
    return found


def _published_from(readable_header: list[str], title: str | None, header_zone: list[str]) -> date | None:
    for block in readable_header:
        if block != title:
            value = first_full_date(block[:300])
            if value:
                return value
    if title:
        value = first_full_date(title)
        if value:
            return value
    for block in header_zone:
        value = first_full_date(block[:300])
        if value:
            return value
    return None


def _meeting_date(
    lead_body: str,
    dateline: Dateline | None,
    header_dateline: Dateline | None,
    header_zone: list[str],
    published,
    paragraphs: list[str],
):
    head = lead_body[:LEAD_CHARS]
    explicit = next(iter(find_dates(head)), None)
    stated = dateline.date if dateline and dateline.date else None
    if stated is None and header_dateline and header_dateline.date:
        stated = header_dateline.date
    if stated is None and not published:
        # A page time line without a year ("8 May. 12:00") still gives month and day.
        for block in header_zone:
            found = find_dates(block[:200])
            if found:
                stated = found[0]
                break
    body_text = "\n".join(paragraphs)[:YEAR_SCAN_CHARS]
    evidence = DateEvidence(
        published=published,
        dateline=stated,
        explicit=explicit,
        weekday=find_weekday(head),
        same_day=mentions_same_day(head),
        years_in_text=tuple(years_mentioned(body_text)),
    )
    return resolve_meeting_date(evidence)


def _location(
    lead_body: str,
    dateline: Dateline | None,
    header_dateline: Dateline | None,
    publisher: str | None,
    language: str = "en",
    title: str | None = None,
) -> str | None:
    # The first sentence says where the meeting was; later ones wander ("discussed the situation in Syria").
    first_sentence = split_sentences(lead_body[:LEAD_CHARS])[0] if lead_body.strip() else lead_body
    place = _place_in(first_sentence, language)
    if not (place and place.city) and title:
        # A headline often names the city the lead leaves out ("В Минске завершились переговоры...").
        titled = _place_in(title, language)
        if titled and titled.city:
            place = titled
    if place and place.city:
        return place.city if not place.note else f"{place.city} ({place.note})"
    filed = dateline or header_dateline
    if place and place.country and filed:
        # A national agency files from home; a meeting stated to be abroad did not take place at the dateline.
        agency_home = home_country(publisher)
        if agency_home and agency_home != place.country:
            return place.country
    if filed:
        return english_place_name(filed.city, language)
    return place.country if place else None


def _place_in(text: str, language: str):
    # A bilingual page's lead may be in its other language: the sentence's own language chooses the prepositions.
    language = detect_language(text, declared=language)
    return find_meeting_place(text) if language == "en" else find_place_in_language(text, language)


def derive_title(participants: list[ParsedParticipant], lead_sentence: str) -> str:
    """A short title when the text has no headline: "Tokayev meets Wang Yi"."""

    def written(participant: ParsedParticipant) -> str:
        return participant.aliases[0] if participant.aliases else participant.name  # in the text's own script

    def short(participant: ParsedParticipant) -> str:
        name = written(participant)
        return name if is_pinyin_name(participant.name) else name.split()[-1]

    if len(participants) >= 2:
        return f"{short(participants[0])} meets {short(participants[1])}"
    if participants:
        return f"Meeting of {written(participants[0])}"
    words = re.sub(r"\s+", " ", lead_sentence).strip().split()
    return " ".join(words[:10]) + ("…" if len(words) > 10 else "") or "Untitled readout"
