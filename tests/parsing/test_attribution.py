from datetime import date

from readouts.parsing.attribution import attribute_paragraphs
from readouts.parsing.participants import extract_participants
from readouts.parsing.types import Kind, ParsedParticipant

SERIKOV = ParsedParticipant("Aidos Serikov", "President", "Kazakhstan")
WANG = ParsedParticipant("Wang Lixin", "Foreign Minister", "China")
PEOPLE = [SERIKOV, WANG]


def labels(paragraphs, participants=PEOPLE):
    return [
        speaker if kind is Kind.STATEMENT else (None if kind is Kind.NARRATIVE else "joint")
        for kind, speaker in attribute_paragraphs(paragraphs, participants)
    ]


def test_reporting_verbs_surnames_and_continuation():
    assert labels(
        [
            "President Aidos Serikov on Monday met with Chinese Foreign Minister Wang Lixin.",
            "Serikov said Kazakhstan values its partnership with China.",
            "Kazakhstan supports the Belt and Road Initiative, he added.",
            "For his part, Wang appreciated the hospitality.",
            "China hopes the region will stay stable and prosperous.",
            "Both sides expressed concern about the situation.",
            "Wang also held talks with the Kazakh prime minister.",
        ]
    ) == [None, "Aidos Serikov", "Aidos Serikov", "Wang Lixin", "Wang Lixin", "joint", None]


def test_titles_point_to_participants():
    assert labels(
        [
            "The Head of State received the minister in the capital.",
            "The Head of State highly appraised the relations.",
            "The Chinese Minister thanked the Kazakh President for the hospitality.",
            "The sides discussed trade.",
        ]
    ) == [None, "Aidos Serikov", "Wang Lixin", "joint"]


def test_inverted_quotes_and_outsiders():
    assert labels(
        [
            "The two ministers met in Astana.",
            '"We are reliable partners," said Serikov.',
            "Local media said both men were pleased with the outcome.",
            'Analysts noted that "the two sides agreed on little," according to reports.',
        ]
    ) == [None, "Aidos Serikov", None, None]


def test_a_pair_of_participants_is_joint_and_a_participle_continues_the_subject():
    assert labels(
        [
            "President Aidos Serikov met with Foreign Minister Wang Lixin, urging closer trade ties.",
            "Serikov and Wang agreed to expand cooperation.",
            "President Serikov and the Chinese minister witnessed the signing of agreements.",
        ]
    ) == ["Aidos Serikov", "joint", None]


def test_majority_of_sentences_with_ties_to_the_first():
    assert labels(
        [
            "The two leaders spoke candidly. Serikov explained his priorities. He stressed trade. They discussed "
            "energy.",
        ]
    ) == ["joint"]


def test_french_and_russian_verbs():
    xi = ParsedParticipant("Xi Jinping", "président", "China")
    medvedev = ParsedParticipant("Dmitri Medvedev", "Premier ministre", "Russia")
    assert labels(
        [
            "M. Xi a rencontré M. Medvedev.",
            "M. Xi a indiqué que la visite est importante.",
            "Les deux parties ont échangé leurs vues.",
        ],
        [xi, medvedev],
    ) == [None, "Xi Jinping", "joint"]
    putin = ParsedParticipant("Vladimir Putin", "Президент", "Russia", aliases=("Владимир Путин",))
    tokayev = ParsedParticipant("Kassym-Jomart Tokayev", "президент", "Kazakhstan", aliases=("Касым-Жомарт Токаев",))
    assert labels(
        [
            "Путин провёл переговоры с Токаевым.",
            "Путин отметил рост торговли.",
            "По словам Токаева, торговля растёт. Токаев подчеркнул важность транспорта.",
            "Стороны обсудили вопросы.",
        ],
        [putin, tokayev],
    ) == [None, "Vladimir Putin", "Kassym-Jomart Tokayev", "joint"]


def test_no_participants_means_no_speakers():
    assert labels(["Someone said something.", "He added more."], []) == [None, None]


def test_chinese_speaking_verbs_pronouns_both_sides_and_quotations():
    wang = ParsedParticipant("Wang Yi", "外长", "China", aliases=("王毅",))
    faki = ParsedParticipant("Faji", "主席", None, aliases=("法基",))
    assert labels(
        [
            "国务委员兼外长王毅周一同非盟委员会主席法基通电话。",
            "王毅表示，中方致力于维护所有中外人员的健康。",
            "他说，中国一贯坚持对非友好政策。",
            "法基表示，非方感谢中方的帮助。「王毅说得对」，他补充道。",
            "双方同意加强合作。",
            "会见后，王毅会见法基时说，中非友谊牢不可破。",
        ],
        [wang, faki],
    ) == [None, "Wang Yi", "Wang Yi", "Faji", "joint", "Wang Yi"]


def test_russian_subjectless_passive_is_joint_and_the_nearest_subject_speaks():
    tokayev = ParsedParticipant("Kassym-Jomart Tokayev", "Президент", "Kazakhstan", aliases=("Касым-Жомарт Токаев",))
    envoy = ParsedParticipant("Aleksey Borodavkin", "посол", "Russia", aliases=("Алексей Бородавкин",))
    got = [
        speaker if kind is Kind.STATEMENT else (None if kind is Kind.NARRATIVE else "joint")
        for kind, speaker in attribute_paragraphs(
            [
                "Президент Касым-Жомарт Токаев принял посла.",
                "В ходе беседы с послом Алексеем Бородавкиным Токаев отметил важность визита.",
                "Подчеркнута важность дальнейшего укрепления отношений.",
            ],
            [tokayev, envoy],
            language="ru",
        )
    ]
    assert got == [None, "Kassym-Jomart Tokayev", "joint"]


def test_honorific_and_a_family_name_shared_with_another_persons_given_name():
    rudd = ParsedParticipant("Kevin Rudd", "Shadow Foreign Minister", "Australia")
    lubbers = ParsedParticipant("Rudd Lubbers", "High Commissioner", "United Nations")
    assert labels(
        ["Kevin Rudd met Mr Rudd Lubbers in Geneva.", "Mr Rudd said the meeting was useful.", "Mr Lubbers noted it."],
        [rudd, lubbers],
    ) == [None, "Kevin Rudd", "Rudd Lubbers"]


def test_subjectless_passives_of_discussing_are_joint_in_english_french_and_spanish():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert labels([lead, "Energy and transport links were also discussed at length."]) == [None, "joint"]
    french = [lead, "La coopération dans le domaine de l'énergie a également été évoquée."]
    assert _labels_in(french, "fr") == [None, "joint"]
    spanish = [lead, "Durante el encuentro fueron abordados los temas del comercio y la energía."]
    assert _labels_in(spanish, "es") == [None, "joint"]
    # A passive of doing, not of saying, says nothing about who spoke.
    assert labels([lead, "A new bridge was opened in the capital last year."]) == [None, None]


def test_interlocutors_both_and_pairs_joined_in_other_languages():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert labels([lead, "The interlocutors reviewed the state of trade."]) == [None, "joint"]
    assert labels([lead, "Both welcomed the opening of a new railway line."]) == [None, "joint"]
    assert _labels_in([lead, "Serikov y Wang acordaron ampliar el comercio."], "es") == [None, "joint"]
    assert _labels_in([lead, "Los gobiernos de Kazajistán y China acordaron ampliar el comercio."], "es") == [
        None,
        "joint",
    ]


def _labels_in(paragraphs, language, participants=PEOPLE):
    return [
        speaker if kind is Kind.STATEMENT else (None if kind is Kind.NARRATIVE else "joint")
        for kind, speaker in attribute_paragraphs(paragraphs, participants, language=language)
    ]


def test_a_first_person_release_speaks_for_its_author():
    marsh = ParsedParticipant("Evelyn Marsh", "Foreign Minister", "Australia")
    people = [marsh, WANG]
    paragraphs = [
        "Foreign Minister Wang Lixin visited Canberra this week.",
        "I welcomed the minister's commitment to the dialogue.",
        "Mr Wang and I agreed to meet again next year.",
        "We discussed the regional situation at length.",
        '"I hope to visit soon," Wang said.',
    ]
    found = [
        speaker if kind is Kind.STATEMENT else (None if kind is Kind.NARRATIVE else "joint")
        for kind, speaker in attribute_paragraphs(paragraphs, people, language="en", author="Evelyn Marsh")
    ]
    assert found == [None, "Evelyn Marsh", "joint", "joint", "Wang Lixin"]


def test_asides_after_the_subject_and_quoted_as_saying():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert labels(
        [
            lead,
            "During the talks Aidos Serikov noted the growth of trade.",
            "Foreign Minister Wang Lixin, in turn, commended the country's progress.",
            "Serikov, 64, said the railway would open next year.",
            '"Our ties are strong," the agency quoted Wang as saying.',
        ]
    ) == [None, "Aidos Serikov", "Wang Lixin", "Aidos Serikov", "Wang Lixin"]


def test_first_president_is_not_the_president_of_the_day():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    elder = ParsedParticipant("Nursultan Nazarbayev", "First President", "Kazakhstan")
    president = ParsedParticipant("Kassym-Jomart Tokayev", "President", "Kazakhstan")
    paragraphs = [lead, "The First President, in turn, stressed the value of the partnership."]
    found = attribute_paragraphs(paragraphs, [elder, president], language="en", day=date(2021, 5, 4))
    assert found[1] == (Kind.STATEMENT, "Nursultan Nazarbayev")


def test_russian_reflexive_passives_and_the_subject_of_discussion_are_joint():
    lead = "Президент Айдос Сериков встретился с министром Ван Лисинем."
    assert _labels_in([lead, "Обсуждались вопросы торговли и транспорта."], "ru") == [None, "joint"]
    assert _labels_in([lead, "Предметом обсуждения стали вопросы энергетики."], "ru") == [None, "joint"]


def test_speaking_to_someone_is_a_call_and_it_is_believed_is_no_outsider():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert labels([lead, "Serikov spoke to Wang by telephone on Friday evening."]) == [None, None]
    assert labels([lead, "It is believed that the visit will open a new chapter, Wang added."]) == [None, "Wang Lixin"]


def test_a_meeting_held_with_adjectives_before_it_is_still_the_meeting():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    second = "Serikov and Wang held a long and very productive meeting on trade."
    assert labels([lead, second]) == [None, None]


def test_joint_subjects_in_french_spanish_russian_and_chinese():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert _labels_in([lead, "Les deux pays ont convenu de renforcer leurs échanges."], "fr") == [None, "joint"]
    assert _labels_in([lead, "Ambos países acordaron ampliar el comercio."], "es") == [None, "joint"]
    assert _labels_in([lead, "Обе страны договорились расширить торговлю."], "ru") == [None, "joint"]
    assert _labels_in([lead, "两国同意加强经贸合作。"], "zh") == [None, "joint"]


def test_wrote_reports_words_and_a_dozen_is_no_participle():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    quote = "“The talks were useful,” Serikov wrote on social media."
    assert labels([lead, quote, "Serikov has a dozen more meetings over the next two days."]) == [
        None,
        "Aidos Serikov",
        None,
    ]


def test_a_joint_subject_with_its_countries_after_it():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    spanish = "Los jefes de la diplomacia de Kazajistán y China se comprometieron a ampliar el comercio."
    assert _labels_in([lead, spanish], "es") == [None, "joint"]
    french = "Les ministres des Affaires étrangères du Kazakhstan et de Chine ont souligné leur amitié."
    assert _labels_in([lead, french], "fr") == [None, "joint"]


def test_the_talks_as_subject_of_what_was_covered_are_joint():
    lead = "President Aidos Serikov met Foreign Minister Wang Lixin in Astana."
    assert labels([lead, "The talks covered energy, transport and culture."]) == [None, "joint"]
    assert labels([lead, "The talks lasted three hours."]) == [None, None]


def test_a_paragraph_about_another_country_does_not_continue_the_speaker():
    assert labels(
        [
            "President Aidos Serikov on Monday met with Chinese Foreign Minister Wang Lixin.",
            "Wang said the partnership was in a new stage.",
            "China hopes the region will stay stable.",
            "Mongolia, which borders both, has held elections this spring.",
        ]
    ) == [None, "Wang Lixin", "Wang Lixin", None]


def test_background_that_neither_quotes_nor_reports_does_not_continue_the_speaker():
    assert labels(
        [
            "President Aidos Serikov met with Foreign Minister Wang Lixin.",
            "Wang said the partnership is sound.",
            "\u201cOur trade keeps growing every year.\u201d",
            "China hopes the region will stay stable.",
            "Kazakhstan is the largest economy of its region and borders China along 1,700 kilometres.",
            "It is the ninth visit of a Chinese minister to the country this decade.",
        ]
    ) == [None, "Wang Lixin", "Wang Lixin", "Wang Lixin", None, None]


def test_russian_past_tenses_are_read_by_their_infinitive():
    lavrov = ParsedParticipant("Sergey Lavrov", "министр", "Russia", aliases=("Сергей Лавров",))
    makei = ParsedParticipant("Vladimir Makei", "министр", "Belarus", aliases=("Владимир Макей",))
    assert _labels_in(
        [
            "Сергей Лавров провел переговоры с Владимиром Макеем.",
            "Лавров отметил, что отношения развиваются.",
            "До этого он занимал пост посла в Минске.",
            "Прошлый раз Лавров и Макей встречались в Минске весной.",
        ],
        "ru",
        [lavrov, makei],
    ) == [None, "Sergey Lavrov", None, None]


def test_a_name_just_before_a_title_is_not_the_titles_modifier():
    tokayev = ParsedParticipant("Kassym-Jomart Tokayev", "Президент", "Kazakhstan", aliases=("Касым-Жомарт Токаев",))
    envoy = ParsedParticipant("Aleksey Borodavkin", "посол", "Russia", aliases=("Алексей Бородавкин",))
    assert _labels_in(
        [
            "Президент Касым-Жомарт Токаев принял посла.",
            "На встрече с послом Алексеем Бородавкиным Глава государства отметил значение визита.",
        ],
        "ru",
        [tokayev, envoy],
    ) == [None, "Kassym-Jomart Tokayev"]


def test_inverted_reporting_verbs_with_an_adverb_between():
    kerry = ParsedParticipant("Elena Duarte", "canciller", "Chile")
    assert _labels_in(
        [
            "La canciller Elena Duarte se reunió con el ministro Wang Lixin.",
            '"Es un paso importante", recalcó luego Duarte ante la prensa.',
        ],
        "es",
        [kerry, WANG],
    ) == [None, "Elena Duarte"]


MARTIN = ParsedParticipant("Claire Martin", "ministre des Affaires étrangères", "France")
OKAFOR = ParsedParticipant("Ngozi Okafor", "ministre des Affaires étrangères", "Nigeria")


def test_a_title_with_its_complement_before_the_verb_speaks():
    assert _labels_in(
        [
            "Claire Martin a rencontré Ngozi Okafor à Paris.",
            "Selon le communiqué, le ministre des Affaires étrangères de la République du Nigeria a salué l'accueil.",
        ],
        "fr",
        [MARTIN, OKAFOR],
    ) == [None, "Ngozi Okafor"]


def test_french_impersonal_il_is_no_speaker_and_its_passive_is_joint():
    assert _labels_in(
        [
            "Claire Martin a rencontré Ngozi Okafor à Paris.",
            "Ngozi Okafor a souligné l'importance du commerce.",
            "Il a également été fait référence à la sécurité régionale.",
            "Il est à noter que des idées ont été échangées sur les transports.",
        ],
        "fr",
        [MARTIN, OKAFOR],
    ) == [None, "Ngozi Okafor", "joint", "joint"]


def test_a_quotation_opening_the_sentence_without_a_speaker_is_read_as_told():
    assert _labels_in(
        [
            "Claire Martin a rencontré Ngozi Okafor à Paris.",
            "« Les interlocuteurs ont discuté des questions régionales, selon le communiqué du ministère.",
        ],
        "fr",
        [MARTIN, OKAFOR],
    ) == [None, "joint"]


def test_two_titles_joined_are_both_sides_even_without_participants():
    assert _labels_in(
        [
            "Le ministre nigérian est arrivé à Paris.",
            "Le ministre nigérian et son homologue français ont discuté du commerce.",
        ],
        "fr",
        [],
    ) == [None, "joint"]


def test_arabic_sentences_give_the_sides():
    assert _labels_in(
        ["استقبل الوزير نظيره.", "وقد أشاد الجانبان بالعلاقات الثنائية.", "كما تم بحث التعاون."], "fr", []
    ) == [
        None,
        "joint",
        "joint",
    ]


DUARTE = ParsedParticipant("Elena Duarte", "canciller", "Chile")


def test_spanish_title_in_apposition_outsiders_and_future_travel():
    assert _labels_in(
        [
            "La canciller Elena Duarte se reunió con el ministro Wang Lixin.",
            '"Es un paso importante", dijo luego la canciller de Chile, Elena Duarte, a la prensa.',
            "Tras la cumbre, la presidenta Rosa Paredes decidió aplazar su viaje.",
            "Duarte viajará a Lima el lunes.",
        ],
        "es",
        [DUARTE, WANG],
    ) == [None, "Elena Duarte", None, None]
    minister = ParsedParticipant("Wang Lixin", "ministro de Asuntos Exteriores", "China")
    assert _labels_in(
        [
            "La canciller Elena Duarte se reunió con el ministro Wang Lixin.",
            "Según el ministro peruano, Jorge Salas, la región está preocupada.",
        ],
        "es",
        [DUARTE, minister],
    ) == [None, None]


def test_english_hosts_entourage_transcript_turns_and_would_like():
    assert labels(
        [
            "President Aidos Serikov met with Foreign Minister Wang Lixin.",
            "Host and guest agreed to deepen cooperation.",
            "Minister Wang and his delegation reaffirmed their support for the project.",
            "Foreign Minister of China Wang Lixin: Thank you, Mr President, for this warm welcome.",
            "The talks took place at the Kazakh leader's residence outside the capital.",
        ]
    ) == [None, "joint", "Wang Lixin", "Wang Lixin", None]
    marsh = ParsedParticipant("Evelyn Marsh", "Foreign Minister", "Australia")
    found = attribute_paragraphs(
        ["Evelyn Marsh met Wang Lixin.", "I would like to thank our hosts."], [marsh, WANG], author="Evelyn Marsh"
    )
    assert found[1] == (Kind.STATEMENT, "Evelyn Marsh")


def test_a_speaker_reporting_another_participant_gives_the_words_to_the_other():
    assert labels(
        [
            "President Aidos Serikov met with Foreign Minister Wang Lixin.",
            "Mr Serikov said that Mr Wang advised him the railway would open next year.",
        ]
    ) == [None, "Wang Lixin"]


def test_being_seen_as_something_describes_and_says_nothing():
    assert labels(
        [
            "President Aidos Serikov met with Foreign Minister Wang Lixin.",
            "Wang said the partnership is sound.",
            "He is widely seen as a pragmatic negotiator.",
        ]
    ) == [None, "Wang Lixin", None]


def test_a_call_held_is_the_meeting_and_beginning_by_saying_is_a_statement():
    people = [
        ParsedParticipant("Anna Kerr", "Prime Minister", "United Kingdom"),
        ParsedParticipant("Tomas Varga", "President", "Hungary"),
    ]
    assert labels(
        [
            "The Prime Minister held a telephone call with President Tomas Varga this evening.",
            "The Prime Minister began by congratulating the President on his re-election.",
        ],
        people,
    ) == [None, "Anna Kerr"]


def test_a_french_title_s_country_adjective_after_its_head_names_the_speaker():
    people = [
        ParsedParticipant("Claire Martin", "ministre des Affaires étrangères", "France"),
        ParsedParticipant("Greta Vogel", "ministre des Affaires étrangères", "Germany"),
    ]
    assert labels(["La ministre allemande des Affaires étrangères a félicité son homologue."], people) == [
        "Greta Vogel"
    ]


def test_a_russian_name_in_the_instrumental_is_no_subject():
    people = [
        ParsedParticipant("Igor Semyonov", "President", "Russia", aliases=("Игорь Семёнов",)),
        ParsedParticipant("John Baker", "President", "United States", aliases=("Джон Бейкер",)),
    ]
    assert labels(
        [
            "Переговоры президента России Игоря Семёнова с американским коллегой Джоном Бейкером "
            "носили деловой характер."
        ],
        people,
    ) == [None]


def test_written_words_and_an_untitled_french_subject_of_a_call():
    found = extract_participants("Jean Dupont s'est entretenu par téléphone avec le président américain Tom Hill.")
    assert [p.name for p in found] == ["Jean Dupont", "Tom Hill"]
    people = [
        ParsedParticipant("Jean Dupont", "", "France"),
        ParsedParticipant("Tom Hill", "président", "United States"),
    ]
    assert labels(['"Nous avons échangé sur la guerre", a écrit Jean Dupont sur le réseau social X.'], people) == [
        "Jean Dupont"
    ]
