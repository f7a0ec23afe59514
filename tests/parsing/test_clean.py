import pytest

from readouts.parsing import clean
from readouts.parsing.types import ParseError


def test_decode_accepts_utf8_bytes_and_strips_bom():
    assert clean.decode("\ufeffLe président".encode("utf-8")) == "Le président"


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"\x00\x01\x02binary\x00", "binary data, not text"),
        (b"caf\xe9 au lait", "not valid UTF-8 text"),
        ("text with \x00 nul", "binary data, not text"),
    ],
)
def test_decode_refuses_with_a_reason(raw, reason):
    with pytest.raises(ParseError, match=reason):
        clean.decode(raw)


def test_repair_fixes_mojibake_including_the_black_square():
    broken = "The ministerâ€™s visit ended. â–\xa0"
    text, warnings = clean.repair_text(broken)
    assert text.strip() == "The minister’s visit ended. ■"
    assert warnings == []


def test_repair_keeps_curly_quotes():
    text, _ = clean.repair_text("“Friends,” he said.")
    assert text == "“Friends,” he said."


def test_html_to_text_makes_paragraphs_and_drops_scripts():
    html = "<div>Headline</div><script>var x = 1;</script><p>First  para\n graph.</p><p>Second.</p>A<br>B"
    assert clean.looks_like_html(html)
    assert clean.html_to_text(html).split("\n\n") == ["Headline", "First para graph.", "Second.", "A\nB"]


def test_unwrap_single_newline_paragraphs_are_kept_apart():
    text = "First paragraph is a complete sentence.\nSecond paragraph is another sentence.\n"
    assert clean.unwrap(text) == ["First paragraph is a complete sentence.", "Second paragraph is another sentence."]


def test_unwrap_rejoins_a_long_line_broken_mid_sentence_among_whole_line_paragraphs():
    text = (
        "A short headline\n\n"
        "LUSAKA, March 3 -- The president on Tuesday met with the visiting foreign minister of\n"
        "Ireland in the capital.\n\nBoth sides agreed to meet again.\n"
    )
    assert clean.unwrap(text) == [
        "A short headline",
        "LUSAKA, March 3 -- The president on Tuesday met with the visiting foreign minister of Ireland "
        "in the capital.",
        "Both sides agreed to meet again.",
    ]


def test_unwrap_joins_hard_wrapped_lines_within_blank_line_paragraphs():
    text = (
        "The two leaders met in the capital and\ndiscussed trade, energy and the\nsituation in the region.\n\n"
        "They agreed to meet again next year and\nto ask their ministers to prepare\na joint plan. The end\n"
        "of the story is here.\n"
    )
    assert clean.unwrap(text) == [
        "The two leaders met in the capital and discussed trade, energy and the situation in the region.",
        "They agreed to meet again next year and to ask their ministers to prepare a joint plan. The end "
        "of the story is here.",
    ]


def test_unwrap_without_blank_lines_splits_where_a_sentence_ends_a_line():
    text = (
        "The minister met his counterpart in the capital on\nMonday to discuss trade.\n"
        "Both sides agreed that the talks were useful and\nthat they would continue.\n"
        "He also thanked the hosts for their warm\nwelcome.\n"
    )
    assert clean.unwrap(text) == [
        "The minister met his counterpart in the capital on Monday to discuss trade.",
        "Both sides agreed that the talks were useful and that they would continue.",
        "He also thanked the hosts for their warm welcome.",
    ]


def test_unwrap_rejoins_words_broken_at_the_margin():
    text = (
        "The sides agreed to follow-\nup on the talks in the\ncoming months and to\nmeet again soon in the\n"
        "capital of the country.\n"
    )
    assert clean.unwrap(text) == [
        "The sides agreed to follow-up on the talks in the coming months and to meet again soon in the capital of the "
        "country."
    ]


@pytest.mark.parametrize(
    "block",
    [
        "Chinese President Xi Jinping (R) meets with the visiting minister in Beijing. (Xinhua/Li Ming)",
        "The president waves to reporters, Tuesday, May 27, 2003. (AP Photo)",
        "Photo credit: Akorda",
    ],
)
def test_captions(block):
    assert clean.is_caption(block)


@pytest.mark.parametrize(
    "block",
    [
        "The below is attributable to Spokesperson Jane Doe:",
        "A Downing Street spokesman said:",
        "Copyright of materials of the agency.",
        "(Web editor: Li Hua, Wang Fang)",
        "Go to the main site",
        "\\###",
        "(End)",
    ],
)
def test_boilerplate(block):
    assert clean.is_boilerplate(block)


def test_strip_end_marks():
    assert clean.strip_end_marks("They jointly met the press. ■") == "They jointly met the press."
    assert clean.strip_end_marks("Talks will continue. (End)") == "Talks will continue."


@pytest.mark.parametrize(
    "block, expected",
    [
        ("The two leaders also discussed current geopolitical challenges.", True),
        ("Стороны обсудили региональные вопросы.", True),
        ("U.S. Department of State", False),
        ("Readouts on 24 September 2013", False),
        ("Kudrenok Tatyana", False),
    ],
)
def test_looks_like_prose(block, expected):
    assert clean.looks_like_prose(block) is expected
