from datetime import date

from readouts.parsing.header import choose_headline, parse_yaml_scalar, split_header


def test_date_line_with_headline_on_the_same_line():
    header, rest = split_header(" date 2022-06-08 Kazakh president meets Chinese FM\n\nBody.")
    assert header.published == date(2022, 6, 8)
    assert header.title == "Kazakh president meets Chinese FM"
    assert rest.strip() == "Body."


def test_front_matter_with_escapes_and_folded_title():
    text = (
        "---\ndate: '2023-10-27'\nsource_url: https://example.org/x\n"
        'title: "Readout of Advisor Jane\\_Doe\\u2019s Meeting with\\\n  \\ Minister Li"\n---\n\nBody text.\n'
    )
    header, rest = split_header(text)
    assert header.published == date(2023, 10, 27)
    assert header.title == "Readout of Advisor Jane Doe’s Meeting with Minister Li"
    assert header.meta["source_url"] == "https://example.org/x"
    assert rest.strip() == "Body text."


def test_unclosed_front_matter_is_left_as_text():
    header, rest = split_header("---\ntitle: x\nno closing fence\n")
    assert header.meta == {}
    assert rest.startswith("---")


def test_yaml_scalars():
    assert parse_yaml_scalar(["'It''s here'"]) == "It's here"
    assert parse_yaml_scalar(["plain value"]) == "plain value"
    assert parse_yaml_scalar(['"a\\tb \\x41"']) == "a\tb A"


def test_headline_prefers_a_meeting_line_and_skips_chrome():
    candidates = [
        "left corner left corner",
        "China Daily Website",
        "Chinese VP meets US deputy secretary",
        "Updated: 2013-04-25 20:21",
    ]
    assert choose_headline(candidates) == "Chinese VP meets US deputy secretary"
    assert (
        choose_headline(["Press Releases: Secretary Smith’s Meeting With Minister Jones"])
        == "Secretary Smith’s Meeting With Minister Jones"
    )
    assert choose_headline(["CHINA-BEIJING-MEETING (CN)", "14 March 2023, 16:02"]) is None
