import pytest

from readouts.parsing.lead import find_lead, is_unterminated_lead, mentions_meeting


@pytest.mark.parametrize(
    "text",
    [
        "The President met the Prime Minister.",
        "Le ministre a reçu son homologue.",
        "Los cancilleres se reunieron el lunes.",
        "Министр провёл переговоры с коллегой.",
        "外交部长会见芬兰外长。",
        "استقبل الرئيس رئيس وزراء أرمينيا.",
        "外務大臣は会談しました。",
    ],
)
def test_mentions_meeting_in_every_language(text):
    assert mentions_meeting(text)


def test_mentions_meeting_needs_whole_words_in_spaced_scripts():
    assert not mentions_meeting("The committee's metrics improved.")


def test_the_lead_is_the_first_paragraph_with_a_meeting_word():
    blocks = [
        "Welcome to the ministry. It's your ministry.",  # page chrome
        "Short.",
        "Министр провёл в Москве переговоры с коллегой.",
        "Стороны обсудили торговлю.",
    ]
    assert find_lead(blocks) == (2, 2)


def test_a_long_opening_paragraph_before_the_lead_belongs_to_the_body():
    blocks = [
        "Ministers announce free trade talks",
        "I am pleased to announce today that our two countries will begin negotiations on a free trade agreement.",
        "In a telephone conversation yesterday, the Prime Minister and I reached this decision.",
    ]
    assert find_lead(blocks) == (1, 2)


def test_a_long_lead_without_a_full_stop_is_still_the_lead():
    lead = "Президенты России и Украины в ходе телефонного разговора договорились о полном прекращении огня в регионе"
    assert is_unterminated_lead(lead)
    assert find_lead(["Порошенко договорился с Путиным", lead, "Ранее в среду они говорили."]) == (1, 1)
    # A headline in capitals or a Chinese headline is not.
    assert not is_unterminated_lead(
        "Readout Of The President's Meeting With The Prime Minister Of The Netherlands Today"
    )
    assert not is_unterminated_lead("【疫情】习近平会见世卫总干事：我一直亲自指挥亲自部署一定会战胜这次疫情")


def test_no_prose_no_lead():
    assert find_lead(["MENU", "Home | News", "2024-05-14"]) is None
