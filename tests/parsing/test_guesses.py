"""Which findings of the parser are guesses: a speaker the paragraph does not name, a participant named once, a
place from the dateline."""

from readouts.parsing import Kind, ParsedParagraph, ParsedParticipant, parse_readout
from readouts.parsing.guesses import guessed_speakers, named_once, names_in

LAVROV = ParsedParticipant("Sergey Lavrov", "Foreign Minister", "Russia", aliases=("Сергей Лавров",))
WANG = ParsedParticipant("Wang Yi", "Foreign Minister", "China", aliases=("王毅",))
XI = ParsedParticipant("Xi Jinping", "President", "China")


def test_a_speaker_named_in_the_paragraph_is_no_guess_in_any_script_or_inflection():
    assert names_in("Lavrov said the talks went well.", LAVROV) == 1
    assert names_in("По словам Лаврова, переговоры прошли хорошо.", LAVROV) == 1  # the genitive of Лавров
    assert names_in("王毅表示，中方愿同各方合作。", WANG) == 1
    assert names_in("Xi said so; Xinjiang was not discussed.", XI) == 1  # "Xi" whole, not inside "Xinjiang"


def test_a_statement_whose_paragraph_does_not_name_its_speaker_is_a_guess():
    paragraphs = [
        ParsedParagraph("Wang Yi said China values the talks.", "Wang Yi", Kind.STATEMENT),
        ParsedParagraph("He added that trade should grow.", "Wang Yi", Kind.STATEMENT),
        ParsedParagraph("The two sides signed documents.", None, Kind.JOINT),
        ParsedParagraph("The meeting took place in Beijing.", None, Kind.NARRATIVE),
    ]
    assert guessed_speakers(paragraphs, [WANG, LAVROV]) == [False, True, False, False]


def test_participants_named_once_are_flagged_for_review():
    text = "Wang Yi met Sergey Lavrov. Wang said the talks went well. He thanked him."
    assert named_once(text, [WANG, LAVROV]) == ["Sergey Lavrov"]


def test_the_parser_marks_a_place_from_the_dateline_and_a_speaker_it_inferred():
    text = (
        "Lavrov and Wang Yi hold talks\n\n"
        "ASTANA, June 7 (Agency) -- Russian Foreign Minister Sergey Lavrov held talks with Chinese Foreign Minister "
        "Wang Yi on Tuesday.\n\n"
        "Wang Yi said China is ready to deepen cooperation with Russia.\n\n"
        "He also said the two countries should coordinate at the United Nations.\n"
    )
    parsed = parse_readout(text, metadata={"published_date": "2022-06-07"})
    assert (parsed.location, parsed.location_guessed) == ("Astana", True)
    said = [(p.speaker, p.speaker_guessed) for p in parsed.paragraphs if p.kind is Kind.STATEMENT]
    assert said == [("Wang Yi", False), ("Wang Yi", True)]
    assert parsed.to_json()["location_guessed"] is True


def test_a_place_the_lead_states_is_no_guess():
    text = (
        "Talks in Beijing\n\n"
        "BEIJING, June 7 (Agency) -- Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov "
        "in Beijing on Tuesday.\n\n"
        "Wang said the talks were candid.\n"
    )
    parsed = parse_readout(text, metadata={"published_date": "2022-06-07"})
    assert (parsed.location, parsed.location_guessed) == ("Beijing", False)
