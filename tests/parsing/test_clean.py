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


# --- every script -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block, expected",
    [
        ("外交部长表示，中方愿同芬方加强高层交往，深化各领域务实合作。", True),  # ends with 。, no spaces
        ("外交部长会见芬兰外长", False),  # a Chinese headline: short, no full stop
        ("وأكد الوزيران أهمية التنسيق المستمر بين البلدين في القضايا الإقليمية.", True),  # caseless script
        ("Стороны обсудили торговлю и энергетику.", True),
        ("TALKS WITH THE FOREIGN MINISTER OF NORWAY AND DENMARK", False),
        ("【武漢肺炎】習晤世衛總幹事：我一直親自指揮親自部署　一定會戰勝這次疫情", False),  # brackets are not words
    ],
)
def test_looks_like_prose_in_every_script(block, expected):
    assert clean.looks_like_prose(block) is expected


def test_count_words_counts_chinese_characters_two_to_a_word():
    assert clean.count_words("双方同意继续保持密切联系。") == 6
    assert clean.count_words("在 G20 峰会上") == 3  # "G20" and four characters
    assert clean.count_words("The two sides met.") == 4


def test_repair_keeps_full_width_punctuation_and_narrows_full_width_letters():
    text, _ = clean.repair_text("王毅说：「中英都是Ｇ２０成员。」")
    assert text == "王毅说：「中英都是G20成员。」"


def test_unwrap_chinese_lines_without_blank_lines_are_paragraphs():
    text = "外交部长会见芬兰外长。\n双方交换了意见。\n芬兰外长表示感谢。\n"
    assert clean.unwrap(text) == ["外交部长会见芬兰外长。", "双方交换了意见。", "芬兰外长表示感谢。"]


def test_unwrap_a_line_in_capitals_is_a_heading_of_its_own():
    lines = [
        "TALKS WITH THE FOREIGN MINISTER OF NORWAY",
        "The Prime Minister met this morning in Canberra with the",
        "Foreign Minister of Norway and discussed fisheries and the",
        "law of the sea.",
        "Both Ministers agreed that their officials would meet again",
        "before the end of the year.",
    ]
    assert clean.unwrap("\n".join(lines)) == [
        "TALKS WITH THE FOREIGN MINISTER OF NORWAY",
        "The Prime Minister met this morning in Canberra with the Foreign Minister of Norway and discussed "
        "fisheries and the law of the sea.",
        "Both Ministers agreed that their officials would meet again before the end of the year.",
    ]


def test_html_to_text_reads_cdata_and_separates_xml_elements():
    record = "<record><id>77</id><name>TALKS</name><content><![CDATA[<p>First line.<br />Second.</p>]]></content>"
    assert clean.html_to_text(record).split("\n\n") == ["77", "TALKS", "First line.\nSecond."]


def test_html_to_text_keeps_inline_tags_inside_the_line():
    assert clean.html_to_text("<p>Los <b>cancilleres</b> se <a href='#'>reunieron</a>.</p>") == (
        "Los cancilleres se reunieron."
    )


def test_strip_markdown():
    text = (
        "<!--StartFragment-->\n# Le ministre reçoit\n\n"
        "![](https://example.org/photo-(1).jpg)Le ministre a reçu à Lyon son homologue pour un *entretien*.\\\n"
        "Les deux ministres ont évoqué le [Sahel](https://example.org/sahel).\n"
        "* une liste reste une liste\n"
        "L&#8217;accueil&nbsp;fut chaleureux."
    )
    assert clean.strip_markdown(text).split("\n") == [
        "",
        "Le ministre reçoit",
        "",
        "",
        "Le ministre a reçu à Lyon son homologue pour un entretien.",
        "",  # the hard break ends the paragraph
        "Les deux ministres ont évoqué le Sahel.",
        "* une liste reste une liste",
        "L’accueil fut chaleureux.",
    ]


def test_strip_markdown_drops_asterisks_left_unclosed_but_keeps_bullets():
    assert clean.strip_markdown("*Montevideo. *Los cancilleres se reunieron.\n* punto") == (
        "Montevideo. Los cancilleres se reunieron.\n* punto"
    )


def test_csv_record_to_text_gives_the_text_columns_as_paragraphs():
    record = (
        "link,headline,date,location,summary,body\n"
        'https://example.org/1,"Talks with the Prime Minister of Norway",2022-06-03,Oslo,'
        '"The President held talks with the Prime Minister.","The leaders discussed trade, energy and fisheries."\n'
    )
    assert clean.csv_record_to_text(record).split("\n\n") == [
        "2022-06-03",
        "Talks with the Prime Minister of Norway",
        "The President held talks with the Prime Minister.",
        "The leaders discussed trade, energy and fisheries.",
    ]


@pytest.mark.parametrize(
    "text",
    ["The ministers met, talked, agreed.\nThen they left.", "name,role,country\nWang Yi,minister,China\n"],
)
def test_csv_record_to_text_leaves_other_text_alone(text):
    assert clean.csv_record_to_text(text) == text


OCR_SHEET = "\n\n".join(
    [
        "MEETING OF THE TWO TRADE MINISTERS i",
        "i  The trade ministers of the two countries met in Perth this week to",
        "discuss the wheat agreement and the shipping rates that both sides",
        "wish to see lowered before the next harvest season begins. â",
        ",  The visiting minister thanked his host for the warm welcome he had",
        "received in Perth and in Adelaide during the three days of his stay.",
        "Both ministers agreed to meet again in the spring of next year at",
        "the latest, and to ask their officials to prepare a joint report.",
    ]
)


def test_a_typed_sheet_with_every_line_between_blank_lines_reads_as_its_paragraphs():
    paragraphs = clean.unwrap(OCR_SHEET)
    assert paragraphs[0] == "MEETING OF THE TWO TRADE MINISTERS i"
    assert paragraphs[1].startswith("i  The trade ministers")
    assert paragraphs[1].endswith("next harvest season begins. â")
    assert paragraphs[2].startswith(",  The visiting minister") and paragraphs[2].endswith("of his stay.")
    assert paragraphs[3].startswith("Both ministers agreed") and paragraphs[3].endswith("joint report.")
    assert len(paragraphs) == 4


def test_a_page_whose_paragraphs_stand_between_blank_lines_is_not_a_typed_sheet():
    long_lines = [("The minister said the talks covered trade, energy and security " * 4).strip()] * 10
    assert not clean.is_double_spaced(clean.split_blocks("\n\n".join(long_lines)))


def test_a_drop_capital_joins_the_rest_of_its_word_and_its_first_line():
    text = "Share this\nP\nresident Ana Costa\nof Portugal\nmet her Czech counterpart on Monday in Lisbon.\nBye."
    paragraphs = clean.unwrap(text)
    assert "President Ana Costa of Portugal met her Czech counterpart on Monday in Lisbon." in paragraphs


def test_a_capitals_heading_with_an_ocr_speck_is_still_a_heading():
    assert clean._is_capitals_line("VISIT OF THE TRADE MINISTER i")
    assert not clean._is_capitals_line("Visit of the Trade Minister")


def test_a_flattened_transcript_is_cut_at_its_section_mark_and_its_speakers_labels():
    paragraph = (
        "The leaders discussed trade and energy.*** Prime Minister of Portugal Ana Costa: Mr President, welcome to "
        "Lisbon. I am glad you came. President of the Czech Republic Jan Novak (retranslated): Thank you, Madam Prime "
        "Minister."
    )
    assert clean.split_speaker_turns(paragraph) == [
        "The leaders discussed trade and energy.",
        "Prime Minister of Portugal Ana Costa: Mr President, welcome to Lisbon. I am glad you came.",
        "President of the Czech Republic Jan Novak (retranslated): Thank you, Madam Prime Minister.",
    ]


def test_a_reported_colon_is_not_a_speakers_label():
    paragraph = "The minister said: both sides agree. He added: the talks will go on."
    assert clean.split_speaker_turns(paragraph) == [paragraph]


def test_a_sentence_introducing_a_list_is_prose():
    assert clean.looks_like_prose("The minister said his proposals included:")
    assert not clean.looks_like_prose("Media contacts:")
