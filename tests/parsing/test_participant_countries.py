"""The country each participant is given: from the title or appositive next to the name, the office-holders table,
the others listed with them, the publisher's side, and organisations' officials (invented people throughout)."""

from dataclasses import replace
from datetime import date

from readouts.parsing.chinese import find_han_mentions
from readouts.parsing.gazetteer import load_gazetteer
from readouts.parsing.known_people import with_known_name
from readouts.parsing.names import find_person_mentions
from readouts.parsing.organisations import organisation_named
from readouts.parsing.participants import extract_participants, guess_countries
from readouts.parsing.publisher import government_country
from readouts.parsing.types import ParsedParticipant


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


def test_words_of_a_title_are_no_name():
    # "High" and "Senior" open titles, "Common" is a portfolio's: neither is a person's name.
    assert titled("EU High Representative for Common Foreign and Security Policy Ana Lima") == [
        ("Ana Lima", "High Representative for Common Foreign and Security Policy", "European Union")
    ]
    assert titled("Senior Minister of State for Law Rui Tan") == [
        ("Rui Tan", "Senior Minister of State for Law", None)
    ]


def countries(participants):
    return {p.name: p.country for p in participants}


def test_an_organisations_official_gets_the_organisation():
    assert organisation_named("Chairperson of the African Union Commission") == "African Union"
    assert organisation_named("NATO Secretary General") == "North Atlantic Treaty Organization"
    assert organisation_named("Director-General of the WHO") == "World Health Organization"
    assert organisation_named("who said") is None  # an acronym only in capitals
    lead = (
        "Russian President Ivan Sokolov held talks with Chairperson of the African Union Commission Amara Diallo "
        "and UN Secretary-General Lena Holm."
    )
    found = countries(extract_participants(lead))
    assert found["Amara Diallo"] == "African Union" and found["Lena Holm"] == "United Nations"
    # In Chinese, the organisation written right before the title.
    mentions = find_han_mentions("中国国家主席习近平会见到访的世界卫生组织总干事阿马拉")
    assert [m.organisation for m in mentions] == [None, "World Health Organization"]


def test_the_tables_country_only_for_an_office_held_on_the_day():
    written = ParsedParticipant("Tedros Adhanom Ghebreyesus", "Director-General", "World Health Organization")
    assert with_known_name(written, date(2020, 2, 1)).country == "World Health Organization"
    assert with_known_name(written, date(2014, 2, 1)).country == "Ethiopia"
    assert with_known_name(replace(written, country=None), date(2020, 2, 1)).country == "Ethiopia"


def test_a_governments_own_site_gives_the_publishers_side():
    assert government_country(["", "https://pmtranscripts.pmc.gov.au/release.pdf"]) == "Australia"
    assert government_country(["https://www.president.gov.ua/en/news"]) == "Ukraine"
    assert government_country(["https://www.gov.uk/government/news"]) == "United Kingdom"
    assert government_country(["https://www.whitehouse.gov/briefings"]) == "United States"
    assert government_country(["https://www.un.org/sg", "writer@gov.au", "posts/2020/a.md"]) is None


def test_people_listed_as_one_side_share_its_country():
    lead = (
        "US Secretary of State Ana Rubio, Special Envoy Tom Vale and Secretary Dan Ross held a meeting with the "
        "Ukrainian delegation."
    )
    assert countries(extract_participants(lead)) == dict.fromkeys(
        ["Ana Rubio", "Tom Vale", "Dan Ross"], "United States"
    )
    lead = (
        "The Cabinet met with the Prime Minister of Thailand, Field Marshal Somchai Rakdee, and the Foreign "
        "Minister, Mr. Anan Wongsa, and the Minister for National Development, Mr. Chai Lertsiri."
    )
    assert set(countries(extract_participants(lead)).values()) == {"Thailand"}
    # Two people who held talks, without meeting someone else, may be the two sides.
    found = countries(extract_participants("Brazilian President Ana Costa and Prime Minister Rui Vale held talks."))
    assert found["Ana Costa"] == "Brazil" and found["Rui Vale"] != "Brazil"


def test_the_meeting_places_people_host_when_they_are_a_side():
    lead = "I have completed two days of discussions in Jakarta with President Budi Santoso of Indonesia."
    body = ["I also had a useful meeting with the Minister for Defence, Mr. Adi Wirawan, on regional security."]
    found = countries(extract_participants(lead, body=body, publisher_country="Australia", author="John Marsh"))
    assert found == {"John Marsh": "Australia", "Budi Santoso": "Indonesia", "Adi Wirawan": "Indonesia"}
    # The publisher's side unknown, the place's people are not taken for hosts: the visitor is the other side.
    lead = "President Ana Lima had a meeting with Russian Prime Minister Ivan Sokolov in Moscow."
    found = countries(extract_participants(lead, full_text=lead + " Lima is on a visit to Brazil's partners."))
    assert found["Ana Lima"] == "Brazil"


def test_the_publishers_side_last_when_every_country_named_is_represented():
    people = [ParsedParticipant("Dean Rusk", "", "United States"), ParsedParticipant("John Marsh", "", None)]
    text = "Talks between Australia and the United States."
    assert guess_countries(people, [], text, "Australia")[1].country == "Australia"
    # A country named and not represented is the other side's.
    people = [ParsedParticipant("Ana Lima", "", None), ParsedParticipant("John Marsh", "", None)]
    guessed = guess_countries(people, [], "Australia and Brazil", "Australia", author="John Marsh")
    assert countries(guessed) == {"Ana Lima": "Brazil", "John Marsh": "Australia"}


def test_a_russian_word_is_no_country_because_a_countrys_name_declines_like_it():
    gazetteer = load_gazetteer()
    # "Того" (Togo) read as the pronoun "тот" gave "Тем", "То", "Том"; and "того" is "of that".
    for text in ("Тем не менее, министр сказал", "То есть", "после того как министр", "кроме того, он"):
        assert gazetteer.find(text) == [], text
    assert [m.country for m in gazetteer.find("Президент Того и Россия, в России")] == ["Togo", "Russia", "Russia"]
    assert [m.country for m in gazetteer.find("с Южной Кореей; РОССИЯ")] == ["South Korea", "Russia"]


def test_another_languages_name_of_a_country_counts_only_written_as_that_name():
    gazetteer = load_gazetteer()
    # German "Island" is Iceland, but not in English words and names.
    for text in ("the island of Bali", "Rhode Island", "the Solomon Island Minister"):
        assert gazetteer.find(text) == [], text
    assert [m.country for m in gazetteer.find("Island hat, près de Maurice, Президент России")] == [
        "Iceland",
        "Mauritius",
        "Russia",
    ]
    assert titled("Solomon Island Minister of Health Dr Ana Kilua")[-1] == ("Ana Kilua", "Minister of Health", None)


def test_the_country_opening_a_list_item_is_its_persons():
    text = (
        "Minister Tan met South Sudan Minister of Justice Ana Kwol, Uruguay Legal Counsel to the "
        "Secretary of the Presidency Dr Rui Vale and Vanuatu Minister of Justice Tom Kalo."
    )
    assert titled(text)[1:] == [
        ("Ana Kwol", "Minister of Justice", "South Sudan"),
        ("Rui Vale", "Secretary of the Presidency", "Uruguay"),
        ("Tom Kalo", "Minister of Justice", "Vanuatu"),
    ]
    # A country the item's words do not give to the person: "The U.S. delegation met ...".
    assert titled("The U.S. delegation met Foreign Minister Ana Lima.") == [("Ana Lima", "Foreign Minister", None)]
