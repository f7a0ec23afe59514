from datetime import date

import pytest

from readouts.parsing import Kind, ParsedReadout, ParseError, parse_readout


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("", "empty text"),
        ("   \n\n  ", "empty text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text"),
        (b"caf\xe9 \xfd not utf-8", "not valid UTF-8 text"),
        ("Menu\nHome\nContact", "no paragraphs found"),
    ],
)
def test_errors_have_clear_reasons(raw, reason):
    with pytest.raises(ParseError, match=reason):
        parse_readout(raw)


def test_parse_error_is_a_value_error():
    assert issubclass(ParseError, ValueError)


def test_minimal_readout_and_json_shape():
    raw = (
        "BEIJING, March 3 (Xinhua) -- Chinese Premier Li Wen met with visiting Egyptian Prime Minister "
        "Omar Fathy in Beijing.\n\nLi said China values its friendship with Egypt.\n\nFathy thanked China for "
        "its support.\n"
    )
    parsed = parse_readout(raw, filename="x.txt")
    assert isinstance(parsed, ParsedReadout)
    assert parsed.title == "Li Wen meets Fathy"  # no headline: derived from the participants
    assert parsed.location == "Beijing"
    assert parsed.meeting_date is None and any("year" in w for w in parsed.warnings)
    data = parsed.to_json("x.txt")
    assert list(data) == [
        "file",
        "title",
        "published_date",
        "meeting_date",
        "location",
        "publisher",
        "language",
        "participants",
        "paragraphs",
        "warnings",
        "meeting_end_date",
        "meeting_date_basis",
        "meeting_month",
        "meeting_day",
        "source_url",
        "location_guessed",
    ]
    # No year anywhere: the month and day are kept, and said to have no year.
    assert (data["meeting_month"], data["meeting_day"], data["meeting_date_basis"]) == (3, 3, "year_unknown")
    assert data["file"] == "x.txt"
    assert data["participants"][0] == {"name": "Li Wen", "title": "Premier", "country": "China", "aliases": []}
    assert [p["kind"] for p in data["paragraphs"]] == ["narrative", "statement", "statement"]
    assert data["paragraphs"][1]["speaker"] == "Li Wen"
    assert parsed.text.split("\n\n")[1] == "Li said China values its friendship with Egypt."


def test_speaker_set_iff_statement():
    raw = (
        "Prime Minister Ann Lee met President Tom Ray at the White House today.\n"
        "The leaders discussed trade.\nThe Prime Minister thanked the President.\n"
    )
    parsed = parse_readout(raw)
    assert parsed.location == "Washington (White House)"
    for paragraph in parsed.paragraphs:
        assert (paragraph.speaker is not None) == (paragraph.kind is Kind.STATEMENT)


def test_published_date_from_a_page_time_line_and_same_day_meeting():
    raw = (
        "Two leaders meet in Astana\n\n14 March 2023, 16:02\n\n"
        "The President met the Minister today in Astana, and they talked.\n"
    )
    parsed = parse_readout(raw)
    assert parsed.title == "Two leaders meet in Astana"
    assert parsed.published_date == date(2023, 3, 14)
    assert parsed.meeting_date == date(2023, 3, 14)


HOSTED = """Readout of the Foreign Minister's meeting

Portuguese Foreign Minister Ana Costa hosted Czech Foreign Minister Jan Novak for talks today.

The ministers discussed trade, energy and the war in Ukraine. They agreed to meet again next year.
"""


def test_no_place_stated_gives_the_hosts_capital_marked_as_inferred():
    assert parse_readout(HOSTED).location == "Lisbon (inferred: capital of the host, Portugal)"


def test_a_telephone_call_gets_no_inferred_place():
    called = HOSTED.replace("hosted", "held a telephone call with").replace(" for talks", "")
    parsed = parse_readout(called)
    assert parsed.location is None
    assert "meeting place not found" in parsed.warnings


def test_a_country_without_a_city_gives_its_capital_marked_as_inferred():
    text = "Foreign Minister Ana Costa met her Czech counterpart Jan Novak in Portugal today.\n\nThey discussed trade."
    assert parse_readout(text).location == "Lisbon (inferred: capital of Portugal)"


def test_a_heading_taken_for_the_lead_leaves_the_place_to_the_next_paragraph():
    text = (
        "Minister Ana Costa's meeting with Minister Jan Novak of the Czech Republic\n\n"
        "Minister Ana Costa met Minister Jan Novak of the Czech Republic today in Porto.\n\n"
        "They discussed trade."
    )
    assert parse_readout(text).location == "Porto"


def test_a_call_has_no_place_not_even_its_dateline():
    text = "LISBON, May 4 (Agency) -- Foreign Minister Ana Costa held a telephone call with Jan Novak.\n\nThey spoke."
    assert parse_readout(text).location is None


def test_a_later_sentence_that_says_where_the_meeting_took_place_gives_the_city():
    text = (
        "El canciller Pedro Rojas sostuvo una reunión con el ministro de Relaciones Exteriores de Chile, Juan Soto. "
        "La cita se llevó a cabo en la ciudad de Valparaíso el martes.\n\nAmbos conversaron sobre comercio."
    )
    assert parse_readout(text).location == "Valparaíso"
    ru = (
        "Глава МИД России Игорь Семёнов провел переговоры с коллегой из Финляндии Юхой Виртаненом.\n\n"
        "Беседа, которая прошла в финском Рованиеми, продлилась час."
    )
    assert parse_readout(ru).location == "Rovaniemi"
