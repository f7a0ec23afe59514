import pytest

from readouts.parsing.sentences import split_sentences


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "President Joseph R. Biden, Jr. met Xi. They talked.",
            ["President Joseph R. Biden, Jr. met Xi.", "They talked."],
        ),
        ("The U.S. delegation arrived. Talks began.", ["The U.S. delegation arrived.", "Talks began."]),
        # An abbreviation that opens a sentence does not end it.
        (
            "A note from the Minister. Mr. Alan Brook met the envoy.",
            ["A note from the Minister.", "Mr. Alan Brook met the envoy."],
        ),
        # Chinese: 。！？ end a sentence with no space after them; a closing quote stays with its sentence.
        (
            "双方交换了意见。外长表示：「合作很重要。」会谈结束",
            ["双方交换了意见。", "外长表示：「合作很重要。」", "会谈结束"],
        ),
        (
            "Министр встретился с коллегой. Стороны обсудили торговлю.",
            ["Министр встретился с коллегой.", "Стороны обсудили торговлю."],
        ),
        ("Le ministre a reçu M. Dupont. Ils ont parlé.", ["Le ministre a reçu M. Dupont.", "Ils ont parlé."]),
        ("¿Habrá acuerdo? El canciller respondió.", ["¿Habrá acuerdo?", "El canciller respondió."]),
        # Arabic has no capitals: a letter after the full stop starts the next sentence.
        ("استقبل الوزير نظيره. وبحث الجانبان التعاون؟ نعم", ["استقبل الوزير نظيره.", "وبحث الجانبان التعاون؟", "نعم"]),
    ],
)
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_split_sentences_is_linear_on_one_long_line():
    assert len(split_sentences("外交部长表示感谢。" * 100_000)) == 100_000


def test_a_numbered_paragraph_keeps_its_number_with_its_first_sentence():
    assert split_sentences("2. The minister met his counterpart. They spoke of trade.") == [
        "2. The minister met his counterpart.",
        "They spoke of trade.",
    ]
