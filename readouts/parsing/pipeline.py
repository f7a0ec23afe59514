"""parse_readout: the parsing pipeline, raw readout text in, ParsedReadout out.

Steps: decode -> repair -> headers -> HTML -> unwrap -> split header zone / body -> dateline -> participants ->
attribution -> dates -> location. Each step is a pure function from its own module.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import clean
from .attribution import attribute_paragraphs
from .dateline import Dateline, parse_closing_dateline, parse_dateline, parse_dateline_line
from .dates import (
    DateEvidence,
    MeetingDate,
    day_of_month_only,
    find_dates,
    find_day_references,
    first_full_date,
    later_part_of_day_hour,
    resolve_meeting_date,
    years_mentioned,
)
from .guesses import guessed_speakers
from .header import choose_headline, clean_title, split_header
from .language import detect_language
from .lead import find_lead, is_body_paragraph, is_unterminated_lead
from .location import (
    HELD_IN,
    english_place_name,
    find_meeting_place,
    find_place_in_language,
    host_country,
    inferred_capital,
    is_remote_meeting,
)
from .metadata import date_from_url, extract_metadata, from_front_matter, hour_from_url
from .names import find_person_mentions
from .participants import extract_participants, is_pinyin_name, same_person
from .publisher import detect_publisher, government_country, home_country, publisher_home
from .sentences import split_sentences
from .types import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout, ParseError, ReadoutMetadata

MAX_ATTRIBUTED_PARAGRAPHS = 200  # real readouts have a few dozen; beyond this, paragraphs are left narrative
LEAD_CHARS = 3_000
SHORT_LEAD_CHARS = 40
YEAR_SCAN_CHARS = 200_000
NEXT_PARAGRAPHS_FOR_DATE = 3
NEXT_PARAGRAPHS_FOR_PLACE = 2
WEEKDAY_BESIDE_DATE_CHARS = 30  # "on Tuesday, May 27": a weekday this close before a date names the same day
PUBLICATION_WINDOW_DAYS = 7  # a reprint or an update is dated within days of the page it copies


def parse_readout(
    raw: str | bytes, *, filename: str | None = None, metadata: ReadoutMetadata | dict | None = None
) -> ParsedReadout:
    """Parse one readout. Raises ParseError (only) when the input cannot be read as a readout.

    ``metadata`` is what the caller knows of the text (a metadata file's line, the admin's form); its values take
    precedence over what the text and its page say. A dict is read as ``import_readouts --metadata`` lines are
    ({"published_date": "2024-05-20", "source_url": ...}); a value of the wrong kind raises ParseError."""
    if not isinstance(metadata, ReadoutMetadata):
        try:
            metadata = ReadoutMetadata.from_json(metadata)
        except (ValueError, TypeError) as error:
            raise ParseError(f"unusable metadata ({error})") from None
    try:
        return _parse(raw, filename, metadata)
    except ParseError:
        raise
    except RecursionError as error:  # pragma: no cover - defensive: never let a parser bug escape as another type
        raise ParseError(f"could not parse the text ({type(error).__name__})") from error
    except Exception as error:  # noqa: BLE001 - the contract is "ParseError only"
        raise ParseError(f"could not parse the text ({type(error).__name__}: {error})") from error


def _parse(raw: str | bytes, filename: str | None, given: ReadoutMetadata) -> ParsedReadout:
    text = clean.decode(raw)
    if not text.strip():
        raise ParseError("empty text")
    text, warnings = clean.repair_text(text)
    header, body = split_header(text)
    is_html = clean.looks_like_html(body)
    embedded = ReadoutMetadata(published_date=header.published, title=header.title or "")
    embedded = embedded.merged_over(from_front_matter(header.meta)).merged_over(
        extract_metadata(body, looks_like_html=is_html)
    )
    if embedded.published_date is None:
        embedded = ReadoutMetadata(published_date=date_from_url(embedded.source_url)).merged_over(embedded)
    if is_html:
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
    title = given.title or embedded.title
    title = clean_title(title) if title else choose_headline(readable_header)
    published = given.published_date or _published_from(
        embedded.published_date, readable_header, title, header_zone, blocks[-5:], _date_lines(blocks)
    )
    if published is None:
        published = date_from_url(given.source_url) or date_from_url(filename)
    source_url = given.source_url or embedded.source_url

    publisher = given.publisher or detect_publisher(
        [
            embedded.publisher,
            source_url,
            header.meta.get("publisher", ""),
            header.meta.get("source", ""),
            header.meta.get("source_url", ""),
            dateline.agency if dateline and dateline.agency else "",
            "\n".join(header_zone)[:5000],
            lead[:LEAD_CHARS],
            "\n".join(blocks[-5:])[-3000:],
        ]
    )
    language = given.language or detect_language(paragraphs, declared=header.meta.get("language"))

    # Who held an office, and which family name is whose, depends on the day (the meeting's, else the page's).
    meeting = _meeting_date(
        lead_body, dateline, header_dateline, header_zone, published, paragraphs, hour_from_url(given.source_url)
    )
    day = meeting.start or published
    participants = extract_participants(
        lead_sentence[:LEAD_CHARS],
        title=title or "",
        body=[*paragraphs[:lead_position], *paragraphs[lead_position + 1 : 50]],
        full_text="\n".join([*header_zone, *paragraphs[:50]])[:50000],
        publisher_country=home_country(publisher)
        or publisher_home(publisher)
        or government_country([source_url, *header.meta.values(), "\n".join(header_zone)]),
        language=language,
        day=day,
        author=given.author or embedded.author,
        lead_rest=lead_body[len(lead_sentence) :] if lead_body.startswith(lead_sentence) else "",
    )
    author = next((p.name for p in participants if same_person(p.name, given.author or embedded.author)), None)
    if not participants:
        warnings.append("no participants found")

    labels = attribute_paragraphs(
        paragraphs[:MAX_ATTRIBUTED_PARAGRAPHS],
        participants,
        {lead_position: dateline.end} if dateline else None,
        language=language,
        day=day,
        author=author,
    )
    if len(paragraphs) > MAX_ATTRIBUTED_PARAGRAPHS:
        warnings.append(f"only the first {MAX_ATTRIBUTED_PARAGRAPHS} paragraphs were attributed")
        labels += [(Kind.NARRATIVE, None)] * (len(paragraphs) - MAX_ATTRIBUTED_PARAGRAPHS)
    parsed_paragraphs = [
        ParsedParagraph(p, speaker, kind) for p, (kind, speaker) in zip(paragraphs, labels, strict=True)
    ]
    parsed_paragraphs = [
        replace(paragraph, speaker_guessed=guessed)
        for paragraph, guessed in zip(
            parsed_paragraphs, guessed_speakers(parsed_paragraphs, participants), strict=True
        )
    ]

    warnings += meeting.warnings
    closing = next(filter(None, (parse_closing_dateline(b) for b in reversed(blocks[-3:]))), None)
    location, location_guessed = _location(
        lead_body,
        dateline,
        header_dateline or closing,
        publisher,
        language,
        title,
        participants=participants,
        # The paragraphs after the lead, then one before it (an opening paragraph the lead finder passed over).
        following=[
            *paragraphs[lead_position + 1 : lead_position + 1 + NEXT_PARAGRAPHS_FOR_PLACE],
            *paragraphs[max(0, lead_position - 1) : lead_position],
        ],
    )
    if location is None:
        warnings.append("meeting place not found")

    if not title:
        title = derive_title(participants, lead_sentence)
    return ParsedReadout(
        title=title,
        published_date=published,
        meeting_date=meeting.start,
        meeting_end_date=meeting.end,
        meeting_date_basis=str(meeting.basis),
        meeting_month=meeting.month,
        meeting_day=meeting.day,
        source_url=source_url,
        location=location,
        location_guessed=location_guessed,
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


DATE_LINE_BLOCKS = 60  # a page's date line comes before or just after the lead, with the page's chrome
DATE_LINE_CHARS = 80


def _date_lines(blocks: list[str]) -> list[date]:
    """Full dates standing on their own short line near the top ("Tue, April 2, 2024", "14 March 2023, 16:02"),
    also among the lines after the lead that are not body paragraphs (share widgets, captions, bylines)."""
    found = []
    for block in blocks[:DATE_LINE_BLOCKS]:
        if len(block) > DATE_LINE_CHARS or _is_body_paragraph(block):
            continue
        mentions = [m for m in find_dates(block) if m.year]
        if mentions and (mentions[0].end - mentions[0].start) * 2 >= len(block.strip(" ,.|·-")) * 0.8:
            value = mentions[0].to_date()
            if value:
                found.append(value)
    return found


def _published_from(
    embedded: date | None,
    readable_header: list[str],
    title: str | None,
    header_zone: list[str],
    trailer: list[str],
    date_lines: list[date],
) -> date | None:
    """The publication date: the page's metadata, or a full date in the lines around the body.

    Where both are present, the earliest of them in the week up to the metadata's date wins: a repost, an
    archive copy or an update carries its own later date beside the original byline ("le jeudi 3 octobre 2024")."""
    around = [b for b in readable_header if b != title] + ([title] if title else []) + header_zone
    stated = [d for d in (first_full_date(block[:300]) for block in around) if d] + date_lines
    if embedded is None:
        return stated[0] if stated else None
    stated += [d for d in (first_full_date(block[-300:]) for block in trailer) if d]
    window = [d for d in stated if 0 <= (embedded - d).days <= PUBLICATION_WINDOW_DAYS]
    return min([embedded, *window])


def _meeting_date(
    lead_body: str,
    dateline: Dateline | None,
    header_dateline: Dateline | None,
    header_zone: list[str],
    published: date | None,
    paragraphs: list[str],
    published_hour: int | None = None,
) -> MeetingDate:
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
    references = find_day_references(head)
    if not references and explicit is None:
        # A standfirst or a photo credit taken for the lead: the next paragraphs say when ("周一", "on Monday").
        following = "\n".join(p[:LEAD_CHARS] for p in paragraphs[1:NEXT_PARAGRAPHS_FOR_DATE])
        explicit = next(iter(find_dates(following)), None)
        references = find_day_references(following)
        head = following
    weekday = next((r for r in references if r.weekday is not None), None)
    relative = next((r for r in references if r.days_before is not None), None)
    if explicit and explicit.year is None and _named_before(explicit, relative, weekday):
        # "Today ... thanked him for the talks in Jeddah on March 11th": the lead dates the meeting first; a
        # later day of the month is another event's.
        explicit = None
    body_text = "\n".join(paragraphs)[:YEAR_SCAN_CHARS]
    days_before = relative.days_before if relative else None
    later_hour = later_part_of_day_hour(head) if days_before == 0 else None
    # "Today in the afternoon" on a page published at 04:41 (the hour its address gives): written the day before.
    written_day_before = published_hour is not None and later_hour is not None and published_hour < later_hour
    evidence = DateEvidence(
        published=published,
        dateline=stated,
        explicit=explicit,
        weekday=weekday.weekday if weekday else None,
        days_before=1 if written_day_before else days_before,
        relative_first=bool(relative and (weekday is None or relative.start < weekday.start)),
        day_of_month=day_of_month_only(head),
        years_in_text=tuple(years_mentioned(body_text)),
    )
    meeting = resolve_meeting_date(evidence)
    if written_day_before:
        meeting.warnings.append(
            f"'today' names a part of the day after the page's time ({published_hour:02d}h in its address): "
            "taken as the day before the publication date"
        )
    return meeting


def _named_before(explicit, relative, weekday) -> bool:
    """A relative day, or a weekday well before the date (not "Tuesday, May 27"), comes first in the lead."""
    if relative and relative.start < explicit.start:
        return True
    return bool(weekday and weekday.start + WEEKDAY_BESIDE_DATE_CHARS < explicit.start)


def _location(
    lead_body: str,
    dateline: Dateline | None,
    header_dateline: Dateline | None,
    publisher: str | None,
    language: str = "en",
    title: str | None = None,
    *,
    participants: list[ParsedParticipant] = (),
    following: list[str] = (),
) -> tuple[str | None, bool]:
    """The meeting's place, and whether it is a guess: the dateline's city (where the text was filed) or a capital
    inferred from a country, when the text names no city of the meeting."""
    # The first sentence says where the meeting was; later ones wander ("discussed the situation in Syria").
    first_sentence = _first_sentence(lead_body)
    # A call or a video conference has no meeting place: a dateline only says where the report was filed, and the
    # places the lead names are the callers' or the subject's.
    if is_remote_meeting(f"{title or ''}\n{first_sentence}"):
        return None, False
    place = _place_in(first_sentence, language)
    # A headline often names the city the lead leaves out ("В Минске завершились переговоры..."); a lead that is
    # a standfirst or a heading, with no dateline, leaves it to the next paragraph's first sentence.
    filed = dateline or header_dateline
    later = [] if filed else [_first_sentence(p) for p in following]
    for text in [title or "", *later]:
        if place and place.city:
            break
        found = _place_in(text, language) if text else None
        if found and found.city:
            place = found
    if not (place and place.city):
        place = _place_said_held(lead_body, following, language) or place
    if place and place.city:
        return (place.city if not place.note else f"{place.city} ({place.note})"), False
    if place and place.country and filed:
        # A national agency files from home; a meeting stated to be abroad did not take place at the dateline.
        agency_home = home_country(publisher)
        if agency_home and agency_home != place.country:
            return _guessed(inferred_capital(place.country), place.country)
    if filed:
        return english_place_name(filed.city, language), True
    if place and place.country:
        return _guessed(inferred_capital(place.country), place.country)
    # No place stated: the host's capital, as a guess.
    for sentence in [first_sentence, *later]:
        capital = inferred_capital(host_country(sentence, participants), "the host, ")
        if capital:
            return capital, True
    return None, False


_RUSSIAN_ADJECTIVE_AFTER_V = re.compile(r"^(во?)\s+[а-яё]+(?:ом|ой|ем|ей)\s+(?=[А-ЯЁ])")


def _place_said_held(lead_body: str, following: list[str], language: str):
    """The city of a sentence of the lead or the next paragraphs that says where the meeting took place."""
    for paragraph in [lead_body, *following]:
        for sentence in split_sentences(paragraph[:LEAD_CHARS]):
            held = HELD_IN.search(sentence)
            # "прошла в финском Рованиеми": the adjective of the country between the preposition and the city
            rest = _RUSSIAN_ADJECTIVE_AFTER_V.sub(r"\1 ", sentence[held.end() :]) if held else ""
            found = _place_in(rest, language) if held else None
            if found and found.city:
                return found
    return None


def _guessed(capital: str | None, country: str) -> tuple[str, bool]:
    """A capital inferred from its country is a guess; the country alone, where it has none, is what the text says."""
    return (capital, True) if capital else (country, False)


def _first_sentence(paragraph: str) -> str:
    return split_sentences(paragraph[:LEAD_CHARS])[0] if paragraph.strip() else paragraph


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
