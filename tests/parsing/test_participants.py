import datetime

import pytest

from readouts.parsing.chinese import find_han_mentions
from readouts.parsing.names import find_person_mentions
from readouts.parsing.participants import extract_participants, same_person


def names(participants):
    return [(p.name, p.country) for p in participants]


def test_title_demonym_and_name_from_a_lead():
    lead = (
        "Kazakh President Kassym-Jomart Tokayev on Tuesday met with visiting Chinese State Councilor and Foreign "
        "Minister Wang Yi, with both sides reaffirming their commitments."
    )
    found = extract_participants(lead)
    assert names(found) == [("Kassym-Jomart Tokayev", "Kazakhstan"), ("Wang Yi", "China")]
    assert found[1].title == "State Councilor and Foreign Minister"


def test_people_only_mentioned_are_not_participants():
    lead = (
        "Uzbek Foreign Minister Rustam Karimov met with Chinese Ambassador Li Ming, who conveyed greetings "
        "from President Xi Jinping."
    )
    assert names(extract_participants(lead)) == [("Rustam Karimov", "Uzbekistan"), ("Li Ming", "China")]


def test_country_after_the_name_and_publisher_home_country():
    lead = (
        "President Joseph R. Biden, Jr. met on November 14 with President Xi Jinping of the People’s Republic "
        "of China."
    )
    found = extract_participants(lead, publisher_country="United States")
    # The office-holders table gives the usual spelling; the text's own stays as an alias.
    assert names(found) == [("Joe Biden", "United States"), ("Xi Jinping", "China")]
    assert "Joseph R. Biden" in found[0].aliases


def test_appositive_titles_and_bare_names_after_meeting_verbs():
    lead = (
        "Friendship with China is a priority, President Aidos Serikov said at a meeting with Zhao Lei, "
        "the chairman of the Standing Committee, in Boao."
    )
    found = extract_participants(lead, publisher_country="Kazakhstan")
    assert [p.name for p in found] == ["Aidos Serikov", "Zhao Lei"]
    assert found[1].title.startswith("chairman")


def test_readout_title_and_role_only_subject():
    chrome = "Secretary-General Ban Ki-moon\nReadout of the Secretary-General’s meeting with H.E. Mr. Barack Obama"
    lead = "The Secretary-General met today with President Barack Obama of the United States of America."
    found = extract_participants(
        lead,
        title="Readout of the Secretary-General’s meeting with H.E. Mr. Barack Obama",
        full_text=chrome + "\n" + lead,
    )
    assert names(found) == [("Barack Obama", "United States"), ("Ban Ki-moon", "United Nations")]


def test_meeting_with_phrase_in_the_body_adds_a_participant():
    lead = "President Aidos Serikov of Kazakhstan received the ambassadors of Russia and China."
    body = ["During the meeting with Russian ambassador Pavel Orlov the Head of State noted the ties."]
    assert names(extract_participants(lead, body=body)) == [("Aidos Serikov", "Kazakhstan"), ("Pavel Orlov", "Russia")]


def test_french_lead():
    lead = "Le président chinois, Xi Jinping, a rencontré mardi le Premier ministre russe, Dmitri Medvedev."
    assert names(extract_participants(lead)) == [("Xi Jinping", "China"), ("Dmitry Medvedev", "Russia")]


def test_russian_lead_gives_latin_names_and_keeps_the_nominative_as_alias():
    lead = "Президент России Владимир Путин провёл переговоры с президентом Казахстана Касым-Жомартом Токаевым."
    found = extract_participants(lead)
    assert [p.country for p in found] == ["Russia", "Kazakhstan"]
    assert [p.aliases[0] for p in found] == ["Владимир Путин", "Касым-Жомарт Токаев"]
    # The office-holders table's usual English spelling, not a transliteration ("Kasym-Zhomart").
    assert [p.name for p in found] == ["Vladimir Putin", "Kassym-Jomart Tokayev"]


def test_russian_case_forms_of_names_are_read_as_nominatives():
    lead = "Глава МИД Сергей Лавров провёл переговоры со своим коллегой Владимиром Макеем и с Ангелой Меркель."
    assert [p.aliases[0] for p in extract_participants(lead)][:2] == ["Сергей Лавров", "Владимир Макей"]


def test_russian_headline_names_people_by_surname():
    found = extract_participants(
        "Президенты двух стран договорились о прекращении огня.", title="Порошенко обсудил с Путиным перемирие"
    )
    # Each surname is the only one of its kind in the office-holders table: the full names are known.
    assert [(p.name, p.aliases[0]) for p in found] == [("Petro Poroshenko", "Порошенко"), ("Vladimir Putin", "Путин")]


def test_spanish_lead_after_a_one_word_kicker():
    lead = (
        "El presidente Barack Obama conversó por teléfono con el secretario general de la ONU, Ban Ki-moon, "
        "sobre la situación."
    )
    assert [p.name for p in extract_participants(lead)] == ["Barack Obama", "Ban Ki-moon"]


def test_mentions_stop_at_weekdays_and_other_names():
    text = "President Hu Jintao met Russian Prime Minister Vladimir Putin Wednesday in Beijing"
    mentions = find_person_mentions(text)
    assert [(m.name, m.title) for m in mentions if m.has_title] == [
        ("Hu Jintao", "President"),
        ("Vladimir Putin", "Prime Minister"),
    ]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Antony J. Blinken", "Antony Blinken", True),
        ("Joseph R. Biden", "Joe Biden", True),
        ("Trump", "Donald Trump", True),
        ("Mitarai Fujio", "Fujio Mitarai", True),
        ("Wang Yi", "Yi Wang", True),
        ("António Costa", "Antonio Costa", True),
        ("Wang Yi", "Wang Yang", False),
        ("Wang Yi", "Wang Qishan", False),
        ("Xi Jinping", "Hu Jintao", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_bare_name_as_subject_of_a_meeting_verb():
    lead = "Vladimir Putin held talks in the Kremlin with President of Mongolia Ukhnaagiin Khurelsukh."
    found = extract_participants(lead, full_text=lead + " The Russian side and Russia welcomed the guest.")
    # The office-holders table's spelling, the text's kept as an alias.
    assert names(found) == [("Vladimir Putin", "Russia"), ("Ukhnaagiin Khürelsükh", "Mongolia")]
    assert found[1].aliases[0] == "Ukhnaagiin Khurelsukh"


def test_chinese_titled_names_get_pinyin_and_keep_the_characters():
    found = extract_participants("国务委员兼外长王毅应约同英国外交大臣拉布通电话。", title="王毅同英国外交大臣通电话")
    # The table knows both: the usual English names, the country of the office, the text's form first.
    assert [(p.name, p.aliases[0], p.country) for p in found] == [
        ("Wang Yi", "王毅", "China"),
        ("Dominic Raab", "拉布", "United Kingdom"),
    ]
    assert found[0].title == "国务委员兼外长"


def test_chinese_name_unknown_to_the_table_gets_pinyin():
    found = extract_participants("外交部长王毅会见某国外交部长布兰多夫。", title="王毅会见布兰多夫")
    assert [(p.name, p.aliases[0]) for p in found][-1] == ("Bulanduofu", "布兰多夫")


def test_chinese_headline_name_and_traditional_characters():
    found = extract_participants(
        "中國國家主席習近平周二在北京會見到訪的世界衛生組織總幹事譚德塞時說，疫情防控是最重要的工作。",
        title="習近平會見世衛總幹事",
    )
    assert [p.aliases[0] for p in found] == ["習近平", "譚德塞"]
    assert found[0].name == "Xi Jinping"


def test_a_participant_named_by_office_only_is_that_days_office_holder():
    lead = "The Prime Minister spoke to President of the European Commission Ursula von der Leyen this morning."
    found = extract_participants(
        lead, publisher_country="United Kingdom", language="en", day=datetime.date(2025, 3, 1)
    )
    assert [(p.name, p.country) for p in found] == [
        ("Ursula von der Leyen", "European Union"),
        ("Keir Starmer", "United Kingdom"),
    ]
    # Without the day there is no telling who held the office.
    assert [p.name for p in extract_participants(lead, publisher_country="United Kingdom", language="en")] == [
        "Ursula von der Leyen"
    ]


def test_a_family_name_alone_is_the_person_who_held_an_office_that_day():
    found = extract_participants(
        "Лавров провёл переговоры с Ван И.",
        title="Лавров встретился с Ван И",
        language="ru",
        day=datetime.date(2024, 5, 1),
    )
    assert sorted(p.name for p in found) == ["Sergey Lavrov", "Wang Yi"]


def test_russian_name_in_the_genitive_after_a_noun_is_only_mentioned():
    found = extract_participants(
        "Президент Касым-Жомарт Токаев принял послов.",
        body=["В ходе беседы с послом Алексеем Бородавкиным обсуждена подготовка визита Президента Владимира Путина."],
    )
    assert [p.aliases[0] for p in found] == ["Касым-Жомарт Токаев", "Алексей Бородавкин"]


def test_another_languages_spelling_of_a_known_person_gets_the_usual_one():
    found = extract_participants("Le Premier ministre arménien Nikol Pachinian a reçu le président Emmanuel Macron.")
    assert [p.name for p in found] == ["Nikol Pashinyan", "Emmanuel Macron"]
    assert "Nikol Pachinian" in found[0].aliases


def test_a_full_name_the_table_shortens_is_kept_with_the_short_form_as_alias():
    lead = "High Representative Josep Borrell Fontelles met Foreign Minister Wang Yi in Brussels."
    found = extract_participants(
        lead, title="Josep Borrell meets Wang Yi", language="en", day=datetime.date(2023, 5, 4)
    )
    assert [p.name for p in found] == ["Josep Borrell Fontelles", "Wang Yi"]
    assert "Josep Borrell" in found[0].aliases


def test_the_author_of_a_first_person_release_is_a_participant():
    lead = "Foreign Minister Tomas Verlaine of Belgium and I met in Canberra today."
    found = extract_participants(lead, publisher_country="Australia", language="en", author="Evelyn Marsh")
    assert ("Evelyn Marsh", "Australia") in names(found)
    # A release about others, in no one's voice, does not make its author a participant.
    lead = "Foreign Minister Tomas Verlaine of Belgium met President Aidos Serikov in Astana."
    assert "Evelyn Marsh" not in [p.name for p in extract_participants(lead, author="Evelyn Marsh")]


def test_people_of_another_meeting_of_the_same_visit_are_participants():
    lead = "Foreign Minister Tomas Verlaine of Belgium met President Aidos Serikov in Astana on Monday."
    body = [
        "Verlaine also met Kazakh Minister of Energy Bolat Nurlanov and discussed oil supplies.",
        "Bilateral talks were also held with Minister of Transport Dana Ermekova.",
        "Culture Minister Saule Ibrayeva and Justice Minister Arman Dosov also met with Serikov.",
    ]
    found = [p.name for p in extract_participants(lead, body=body, language="en")]
    assert "Bolat Nurlanov" in found and "Dana Ermekova" in found
    # Others meeting a participant are not his meeting's people.
    assert "Saule Ibrayeva" not in found


@pytest.mark.parametrize(("a", "b"), [("Perfecto R. Yasay, Jr.", "Perfecto Yasay"), ("Ramon Cruz III", "Ramon Cruz")])
def test_name_suffixes_do_not_make_another_person(a, b):
    assert same_person(a, b)


def test_a_full_name_opening_the_lead_is_a_participant():
    lead = "Tomas Verlaine on Friday told Kazakh President Aidos Serikov that Belgium would open a consulate."
    assert [p.name for p in extract_participants(lead)] == ["Tomas Verlaine", "Aidos Serikov"]
    lead = "Tomas Verlaine's successor met Kazakh President Aidos Serikov."
    assert [p.name for p in extract_participants(lead)] == ["Aidos Serikov"]


def test_a_hong_kong_transliteration_in_traditional_characters_is_the_table_s_person():
    lead = "國務委員兼外長王毅應約同英國外交大臣藍韜文通電話。"
    found = extract_participants(lead, language="zh", day=datetime.date(2020, 6, 1))
    assert "Dominic Raab" in [p.name for p in found]
    assert any("藍韜文" in p.aliases for p in found)


def test_russian_name_after_a_long_title_in_the_instrumental():
    lead = (
        "Посол Бельгии в Казахстане Томас Верлен встретился с первым заместителем министра иностранных дел "
        "Казахстана Айдосом Сериковым."
    )
    found = [p.aliases[0] if p.aliases else p.name for p in extract_participants(lead, language="ru")]
    assert any(name.startswith("Айдос") for name in found)


def test_a_call_or_meetings_a_participant_had_with_others_adds_them():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    body = [
        "Serikov also spoke to Belgian Prime Minister Tomas Verlaine by telephone.",
        "Wang, who leaves tomorrow, earlier had bilateral meetings with Uzbek President Rustam Karimov.",
    ]
    found = [p.name for p in extract_participants(lead, body=body, language="en")]
    assert "Tomas Verlaine" in found and "Rustam Karimov" in found


def test_a_former_holder_of_an_office_is_not_the_holder_of_the_day():
    lead = "Le Premier ministre Nikol Pachinian a reçu l'ancien Premier ministre français Alain Delorme."
    found = [p.name for p in extract_participants(lead, language="fr", day=datetime.date(2024, 6, 11))]
    assert "Gabriel Attal" not in found
    lead = "Foreign Minister Tomas Verlaine said he had met President Aidos Serikov last year."
    assert "Aidos Serikov" not in [p.name for p in extract_participants(lead, language="en")]


def test_a_foreign_first_name_the_russian_dictionary_does_not_know_is_a_name():
    lead = "Президент Казахстана Айдос Сериков встретился с министром Бельгии Вольфгангом Шмидтом."
    found = extract_participants(lead, language="ru")
    assert [p.aliases[0] for p in found if p.country == "Belgium"] == ["Вольфганг Шмидт"]


def test_a_chinese_name_in_russian_is_romanised_as_pinyin():
    lead = "Президент Казахстана Айдос Сериков встретился с послом Китая в Казахстане Чжан Минлэем."
    body = ["Во время встречи с послом Китайской Народной Республики в Казахстане Ли Сяо обсуждены вопросы торговли."]
    found = [p.name for p in extract_participants(lead, body=body, language="ru")]
    assert "Li Xiao" in found
    assert "Zhang Minglei" in found


def test_a_later_meeting_with_in_russian_and_spanish_adds_its_people():
    lead = "Президент Казахстана Айдос Сериков встретился с министром Китая Ван Лисинем."
    body = ["В ходе беседы с послом Бельгии Томасом Верленом обсуждены вопросы транзита."]
    assert "Tomas Verlen" in [p.name for p in extract_participants(lead, body=body, language="ru")]
    lead = "El presidente de Kazajistán, Aidos Serikov, recibió al canciller chino, Wang Lixin."
    body = ["Después Serikov se reunió con el presidente belga Tomas Verlaine en Astaná."]
    assert "Tomas Verlaine" in [p.name for p in extract_participants(lead, body=body, language="es")]


def test_a_meeting_told_as_past_in_russian_adds_nobody():
    lead = "Президент Казахстана Айдос Сериков встретился с министром Китая Ван Лисинем."
    body = ["Сериков заявил это после встречи с председателем Еврокомиссии Томасом Верленом."]
    assert "Tomas Verlen" not in [p.name for p in extract_participants(lead, body=body, language="ru")]


def test_a_lead_in_arabic_names_the_table_s_people_in_english_keeping_the_arabic():
    # Written with an Egyptian final "ى" and a diacritic the table's spellings do not have.
    lead = "التقى الرئيس عبد الفتاح السيسى، بالقاهرة اليوم المستشار الألماني أولافْ شولتس لبحث العلاقات."
    found = extract_participants(lead, language="ar", day=datetime.date(2023, 5, 2))
    assert [(p.name, p.country) for p in found] == [("Abdel Fattah el-Sisi", "Egypt"), ("Olaf Scholz", "Germany")]
    assert "عبد الفتاح السيسى" in found[0].aliases


def test_every_arabic_spelling_belongs_to_a_person_of_the_table():
    import csv

    from readouts.parsing.arabic import ARABIC_NAMES_TSV
    from readouts.parsing.offices import load_registry

    with ARABIC_NAMES_TSV.open(encoding="utf-8") as handle:
        keys = [row["person"] for row in csv.DictReader(handle, delimiter="\t")]
    assert keys and set(keys) <= set(load_registry().persons)


def test_people_who_met_together_named_in_the_lead_paragraph_after_its_first_sentence():
    lead = "Kazajistán y Bélgica acordaron hoy ampliar su comercio, se informó oficialmente."
    rest = (
        " El titular de esta oficina, Aidos Serikov Beket, y el secretario de Comercio del gobierno belga, "
        "Tomas Verlaine, sostuvieron este día una reunión."
    )
    found = [(p.name, p.country) for p in extract_participants(lead, language="es", lead_rest=rest)]
    assert [name for name, _ in found] == ["Aidos Serikov Beket", "Tomas Verlaine"]


def test_a_title_with_a_noun_of_its_own_before_the_name():
    mention = next(
        m for m in find_person_mentions("Se reunió con el jefe de la diplomacia, Wang Lixin.") if m.has_title
    )
    assert (mention.name, mention.title, mention.has_title) == ("Wang Lixin", "jefe de la diplomacia", True)


def test_a_meeting_of_countries_leaders_named_only_by_office_finds_them_in_the_next_paragraph():
    lead = "Переговоры президентов России и Франции завершились в Минске."
    body = [
        "Зал первым покинул французский президент Франсуа Олланд, затем его российский коллега Владимир Путин. "
        "Их встретил помощник президента России Иван Петров."
    ]
    found = [p.name for p in extract_participants(lead, body=body, language="ru")]
    assert found == ["François Hollande", "Vladimir Putin"]


def test_a_name_in_latin_letters_inside_an_arabic_lead_is_a_participant():
    lead = "استقبل الرئيس عبد الفتاح السيسي اليوم السفير Tomas Verlaine في القاهرة."
    found = [p.name for p in extract_participants(lead, language="ar", day=datetime.date(2023, 5, 2))]
    assert found == ["Abdel Fattah el-Sisi", "Tomas Verlaine"]


@pytest.mark.parametrize(
    "language, lead, expected",
    [
        (
            "de",
            "Bundeskanzler Olaf Scholz hat am Dienstag den französischen Präsidenten Emmanuel Macron empfangen.",
            ["Olaf Scholz", "Emmanuel Macron"],
        ),
        (
            "tr",
            "Cumhurbaşkanı Recep Tayyip Erdoğan, Salı günü Almanya Başbakanı Olaf Scholz ile görüştü.",
            ["Recep Tayyip Erdoğan", "Olaf Scholz"],
        ),
    ],
)
def test_in_a_language_the_parser_does_not_read_the_table_s_people_named_in_full(language, lead, expected):
    assert [p.name for p in extract_participants(lead, language=language)] == expected


def test_a_pronoun_meeting_someone_of_the_same_visit_but_not_on_another_day():
    lead = "Foreign Minister Tomas Verlaine of Belgium met President Aidos Serikov in Astana on Monday."
    body = [
        "The visit came at the invitation of Foreign Minister Dana Ermekova. He held talks with Ermekova earlier.",
        "In Almaty, he also had a useful meeting with the Minister for Culture and Sport, Mr B K Nurlanov.",
        "Verlaine also held talks with Prime Minister Arman Dosov on Sunday.",
    ]
    monday = datetime.date(2024, 3, 4)
    found = [p.name for p in extract_participants(lead, body=body, full_text="\n".join(body), day=monday)]
    # "Ermekova" is the full name written earlier; a bare initial is an initial, not a name of its own.
    assert found == ["Tomas Verlaine", "Aidos Serikov", "Dana Ermekova", "B K Nurlanov"]


def test_a_portfolio_is_part_of_the_title_not_a_name():
    mentions = find_person_mentions("the Minister of Health and Medical Services Dr Ana Ruiz and Mr J L Orr")
    assert [(m.name, m.title) for m in mentions] == [
        ("Ana Ruiz", "Minister of Health and Medical Services"),
        ("J L Orr", ""),
    ]


def test_initials_without_full_stops_are_initials():
    assert same_person("J L Menadue", "John Menadue")
    assert not same_person("J L Menadue", "John Menzies")


def test_late_in_the_text_only_a_pronoun_still_stands_for_a_participant():
    lead = "Foreign Minister Tomas Verlaine of Belgium met President Aidos Serikov in Astana."
    filler = ["The two sides discussed trade and transport links."] * 12
    body = [
        *filler,
        "Serikov also held talks with Prime Minister Arman Dosov, after which they met the press.",
        "He also had a meeting with the Minister of Energy, Bolat Nurlanov.",
    ]
    found = [p.name for p in extract_participants(lead, body=body)]
    assert found == ["Tomas Verlaine", "Aidos Serikov", "Bolat Nurlanov"]


def test_hyphenated_titles_institutions_and_given_names_that_look_like_honorifics():
    text = (
        "Commander-in-Chief of the Armed Forces Ivan Petrenko, President-elect Maria Lopez, Chairperson of the "
        "African Union Commission Amara Diallo and Minister of Justice Don Ken Marlo"
    )
    assert [(m.name, m.title) for m in find_person_mentions(text)] == [
        ("Ivan Petrenko", "Commander-in-Chief of the Armed Forces"),
        ("Maria Lopez", "President-elect"),
        ("Amara Diallo", "Chairperson of the African Union Commission"),
        ("Don Ken Marlo", "Minister of Justice"),
    ]


def test_a_title_word_that_begins_an_office_holders_name_is_part_of_it():
    mentions = find_person_mentions("He later met Bangladesh PM Sheikh Hasina and King Abdullah.")
    assert [m.name for m in mentions] == ["Sheikh Hasina", "Abdullah"]


def test_people_of_a_relative_clause_or_an_office_named_for_whose_it_is_are_only_mentioned():
    lead = (
        "Foreign Minister Tomas Verlaine met Foreign Minister Dana Ermekova, who is accompanying President Aidos "
        "Serikov on his visit, and the US President's envoy Mark Hale."
    )
    found = extract_participants(lead, language="en", day=datetime.date(2023, 5, 4))
    assert [p.name for p in found] == ["Tomas Verlaine", "Dana Ermekova", "Mark Hale"]  # not Joe Biden


def test_a_title_of_the_demonyms_body_is_not_the_countrys_office():
    lead = "Premier Wen Jiabao met Ito Kenji, president of the Japanese organizing committee, on Monday."
    found = extract_participants(lead, language="en", day=datetime.date(2007, 3, 19), publisher_country="China")
    assert [p.name for p in found] == ["Wen Jiabao", "Ito Kenji"]
    mentions = find_person_mentions("the Vice-President of the European Comm'n")
    assert mentions == []


def test_the_titled_people_who_attended_the_talks_are_participants():
    lead = "The Foreign Minister of Belgium, Mr. Tomas Verlaine, was at the Lodge today."
    body = [
        "The first session was attended by the Prime Minister, Mr. Hale and the Minister for Trade, Mr. Orr.",
        "The dinner was attended by about a hundred guests. Mrs. Hale was host to Mrs. Verlaine.",
    ]
    found = [p.name for p in extract_participants(lead, body=body)]
    assert found == ["Tomas Verlaine", "Hale", "Orr"]


def test_a_release_in_the_first_person_meets_ranked_people_with_initials():
    lead = "I was pleased to meet with President Aidos Serikov in Astana."
    body = [
        "In my discussions with the Foreign Minister, Dana Ermekova, we spoke of trade.",
        "I had a useful meeting with the Minister for Defence, Gen. (ret.) K.B. Omarov. We spoke of training.",
    ]
    found = [p.name for p in extract_participants(lead, body=body, author="Tomas Verlaine")]
    assert sorted(found) == ["Aidos Serikov", "Dana Ermekova", "K.B. Omarov", "Tomas Verlaine"]


def test_people_a_meeting_with_a_group_lists_next():
    lead = "I was pleased to meet with President Aidos Serikov in Astana."
    body = [
        "I also had discussions with several economic Ministers. These included the Minister of Finance, "
        "Dr Dana Ermekova, and the Governor of the National Bank, Professor Bolat Nurlanov. Both spoke of growth."
    ]
    found = [p.name for p in extract_participants(lead, body=body, author="Tomas Verlaine")]
    assert sorted(found) == ["Aidos Serikov", "Bolat Nurlanov", "Dana Ermekova", "Tomas Verlaine"]


def test_without_a_date_the_named_peoples_terms_can_leave_one_office_holder():
    # The European Council's president since December 2024 met the UK's Prime Minister: Keir Starmer's term only.
    lead = "The Prime Minister of the United Kingdom met the President of the European Council António Costa."
    assert [p.name for p in extract_participants(lead, language="en")] == ["António Costa", "Keir Starmer"]
    # Ursula von der Leyen's term at the Commission spans four Prime Ministers: no telling which.
    lead = "The Prime Minister of the United Kingdom met Commission President Ursula von der Leyen."
    assert [p.name for p in extract_participants(lead, language="en")] == ["Ursula von der Leyen"]


def test_a_lead_that_names_someone_is_not_read_as_a_meeting_of_leaders_named_by_office():
    lead = (
        'Serikov pledges trade with Japan after promising France closer ties "We will trade more," Serikov told '
        "Kishida at a meeting in Tokyo."
    )
    body = [
        "President-elect Aidos Serikov on Wednesday told Japan's Prime Minister Fumio Kishida he wanted trade.",
        "French President Emmanuel Macron had met him on Monday.",
    ]
    found = [p.name for p in extract_participants(lead, body=body, language="en", day=datetime.date(2024, 4, 3))]
    assert {"Aidos Serikov", "Fumio Kishida"} <= set(found)


def test_a_bare_chinese_title_followed_by_a_common_word_gives_no_name():
    text = "外长会期间,他说我同总统先生保持联系,感谢总统达成的共识。董事长默多克出席。"
    assert [m.name for m in find_han_mentions(text)] == ["默多克"]


def test_a_russian_minister_s_title_runs_through_the_ministry_and_country_to_the_name():
    found = {
        m.name: (m.title, m.country)
        for m in find_person_mentions(
            "Министр иностранных дел России Игорь Семёнов встретился с министром иностранных дел Турции "
            "Хаканом Демиром."
        )
    }
    assert found["Игорь Семёнов"] == ("Министр иностранных дел", "Russia")
    # "Хакан" is also a common noun; capitalised inside the sentence before a surname it is a first name
    assert found["Хакан Демир"] == ("министром иностранных дел", "Türkiye")


def test_after_the_russian_preposition_v_comes_a_place_not_a_person():
    names = [m.name for m in find_person_mentions("Министр встретился с послом Чехии в Лиссабоне Яном Новаком.")]
    assert names == ["Ян Новак"]


def test_a_family_name_first_in_capitals_after_an_honorific():
    found = find_person_mentions("Ms. TANAKA Emiko, Minister for Foreign Affairs of Japan, held a meeting.")
    assert [(m.name, m.title) for m in found] == [("Tanaka Emiko", "Minister for Foreign Affairs")]
    # the office-holders table knows the person in the usual order
    found = find_person_mentions("Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, held a meeting.")
    assert found[0].name == "Yoko Kamikawa"


def test_honorable_is_an_honorific_not_a_name():
    found = find_person_mentions("She met the Honorable Jane Miller, Secretary of State.")
    assert [m.name for m in found] == ["Jane Miller"]


def test_an_institution_inside_a_long_title_is_no_name():
    found = find_person_mentions(
        "Le ministre des Affaires étrangères et de la Communauté nationale à l'étranger, Karim Benali, est arrivé."
    )
    assert [m.name for m in found] == ["Karim Benali"]
    found = find_person_mentions("el Ministro de Relaciones Exteriores de la Federación de Rusia Iván Petrov")
    assert [(m.name, m.country) for m in found] == [("Iván Petrov", "Russia")]


def test_names_joined_by_a_slash_are_two_people():
    found = find_person_mentions("Premier entretien Dupont/Moreau cette année")
    assert [m.name for m in found] == ["Dupont", "Moreau"]


def test_two_people_named_together_before_a_verb_of_talking_together():
    found = extract_participants(
        "Les ministres se sont parlé.",
        body=["Lors d'un entretien téléphonique, Jean Dupont et Hans Weber ont échangé leurs points de vue."],
    )
    assert [p.name for p in found] == ["Jean Dupont", "Hans Weber"]


def test_a_royal_style_and_the_place_of_an_office_are_no_names():
    found = find_person_mentions("Mr Smith recounted his meeting with His Royal Highness the Prince of Wales.")
    assert [m.name for m in found] == ["Smith"]


def test_a_spanish_under_secretary_s_title_before_a_comma():
    found = find_person_mentions("Se reunió con el subsecretario de Estado de Estados Unidos, Carlos Ruiz.")
    assert [(m.name, m.country) for m in found] == [("Carlos Ruiz", "United States")]


def test_spanish_demonyms_give_the_country():
    found = find_person_mentions("El presidente dominicano, Luis Pérez, recibió a su homólogo chileno, Juan Soto.")
    assert [(m.name, m.country) for m in found] == [("Luis Pérez", "Dominican Republic"), ("Juan Soto", "Chile")]


def test_a_chinese_text_s_foreign_name_in_parts_and_the_country_before_the_title():
    mentions = find_han_mentions("中国外交部长李明在北京与来访的新西兰外长温斯顿·彼得斯举行会谈。南非外长西苏鲁出席。")
    found = {m.name: m.country for m in mentions if not m.chinese_office}
    assert found == {"温斯顿·彼得斯": "New Zealand", "西苏鲁": "South Africa"}


def test_the_place_after_republic_of_belongs_to_the_title():
    found = find_person_mentions("He met President of the Republic of Bashkortostan Ivan Orlov in the capital.")
    assert [(m.name, m.title) for m in found] == [("Ivan Orlov", "President of the Republic of Bashkortostan")]


def test_a_verb_after_a_title_is_no_adjective_of_it():
    found = find_person_mentions("The Prime Minister met UN Secretary-General Ana Ruiz today.")
    assert [(m.name, m.title) for m in found] == [("Ana Ruiz", "Secretary-General")]


def test_a_surname_that_is_a_month_when_the_table_knows_the_name():
    found = find_person_mentions("He met with H.E. Ms. Theresa May, Prime Minister of the United Kingdom.")
    assert [m.name for m in found] == ["Theresa May"]
    assert [m.name for m in find_person_mentions("Anna Berg May 5 arrived.")] == ["Anna Berg"]


def test_a_russian_assistant_s_title():
    found = find_person_mentions("Глава государства принял помощника Президента Узбекистана Ольгу Каримову.")
    assert [(m.title, m.country) for m in found] == [("помощника Президента", "Uzbekistan")]


def test_a_separate_meeting_in_another_month_was_another_day_s():
    lead = "President Li Ming on Saturday met with visiting Secretary of State Tom Hill."
    body = [
        "Hill is the second minister Li has met this year, following Treasury Secretary Ann Cole, "
        "who met Li in March.",
        "Li also met Prime Minister Theresa May in the afternoon.",
    ]
    found = [p.name for p in extract_participants(lead, body=body, day=datetime.date(2013, 4, 13))]
    assert "Ann Cole" not in found and "Theresa May" in found
