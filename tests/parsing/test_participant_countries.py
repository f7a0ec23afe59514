"""The country each participant is given: from the title or appositive next to the name, the office-holders table,
the others listed with them, the publisher's side, and organisations' officials (invented people throughout)."""

from readouts.parsing.names import find_person_mentions


def titled(text):
    return [(m.name, m.title, m.country) for m in find_person_mentions(text)]


def test_a_country_of_several_words_inside_a_title_is_the_persons():
    text = "South Sudan Minister of Justice Ana Kwol and the United Nations Human Rights Commissioner, Lea Marsh, met."
    assert titled(text) == [
        ("Ana Kwol", "Minister of Justice", "South Sudan"),
        ("Lea Marsh", "Human Rights Commissioner", "United Nations"),
    ]


def test_a_title_before_a_comma_belongs_to_the_name_after_an_honorific_or_a_rank():
    text = (
        "The Cabinet met the Prime Minister of Thailand, Field Marshal Rufus Firefly, and the Minister for the "
        "Interior, Mr. Chico Ravelli, and the Governor of the Bank of Indonesia, Professor Dr Otto Trentino."
    )
    assert titled(text) == [
        ("Rufus Firefly", "Prime Minister", "Thailand"),
        ("Chico Ravelli", "Minister for the Interior", None),
        ("Otto Trentino", "Governor of the Bank", "Indonesia"),
    ]
    # Another person's name before the comma is no title: "President Ana Costa, Mr. Vale".
    assert titled("President Ana Costa, Mr. Rui Vale")[1] == ("Rui Vale", "", None)


def test_an_appositive_followed_by_a_name_is_that_names_title():
    text = (
        "The guest of the Minister for Immigration, Mr Ian Marsh, the Austrian Federal Minister for the "
        "Interior, Mr Karl Weber, visited Australia."
    )
    assert titled(text) == [
        ("Ian Marsh", "Minister for Immigration", None),
        ("Karl Weber", "Federal Minister for the Interior", "Austria"),
    ]
    assert titled("Ana Lima, the Brazilian Foreign Minister, said")[0][2] == "Brazil"
