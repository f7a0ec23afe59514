"""What a paragraph names: the terms a topic list shows and the countries it mentions (readouts.meetings.mentions)."""

from readouts.meetings.mentions import countries_in, lowercase_words, named_terms


def test_a_date_at_a_sentence_start_is_no_term():
    text = "On Monday, the two ministers met in Astana. On Tuesday they discussed the Caspian Sea."
    assert named_terms(text, lowercase_words(text)) == ["Astana", "Caspian Sea"]


def test_a_word_capitalised_only_where_a_sentence_starts_is_left_out_of_a_longer_run():
    text = "Senior Officials from Kazakhstan attended. The senior staff met later."
    assert "Senior Officials" not in named_terms(text, lowercase_words(text))
    assert "Officials" in named_terms(text, lowercase_words(text))


def test_a_name_at_a_sentence_start_is_kept_when_the_text_never_writes_it_in_lower_case():
    text = "They met in Almaty. Shanghai Cooperation Organisation members were present."
    assert named_terms(text, lowercase_words(text)) == ["Almaty", "Shanghai Cooperation Organisation"]


def test_office_titles_of_the_text_s_language_are_no_terms():
    assert named_terms("Il a rencontré le ministre des Affaires étrangères de Chine.", language="fr") == []
    assert named_terms("conveyed greetings from President Fidel Castro", language="en") == ["Fidel Castro"]
    assert named_terms("в которых приняли участие Премьер-министр (Индия)", language="ru") == ["Индия"]


def test_a_country_named_in_lower_case_or_inside_another_word_is_not_found():
    # "congratulated" starts like the Congo, "reunión" is spelled like Réunion, "Tong" like Tonga.
    assert countries_in("Wang congratulated Tong on the results.", "en") == []
    assert countries_in("Al término de la reunión se firmaron acuerdos.", "es") == []
    assert countries_in("Se reunió con el ministro de Corea del Sur.", "es") == ["KR"]


def test_inflected_names_and_adjectives_in_lower_case_are_still_found_where_the_language_writes_them_so():
    assert countries_in("Министр иностранных дел Китая", "ru") == ["CN"]
    assert countries_in("по словам китайской стороны", "ru") == ["CN"]
    assert countries_in("la partie chinoise", "fr") == ["CN"]
