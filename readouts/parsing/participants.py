"""Participants: the people who met, from the lead sentence, a "Readout of X's Meeting with Y" title and
"(during) the meeting with Y" phrases. People merely mentioned (greetings conveyed from, invitations by, possessives)
are not participants.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date

from .arabic import find_arabic_mentions, is_arabic
from .chinese import HanMention, find_han_mentions, looks_chinese, mentions_meeting
from .cities import load_cities
from .dates import ENGLISH_MONTHS, MONTHS
from .gazetteer import load_gazetteer
from .known_people import country_code, country_name, lookup, office_holders_named_by_title, with_known_name
from .location import find_meeting_place
from .names import PersonMention, find_person_mentions, fold
from .offices import find_people_named_in_full
from .organisations import organisation_named
from .romanise import (
    is_cyrillic,
    is_han,
    is_latin,
    palladius_to_pinyin,
    romanise,
    russian_name_word,
    russian_noun_before,
)
from .sentences import split_sentences
from .types import ParsedParticipant

LEAD_WINDOW = 3_000

# Verbs and nouns of meeting, in the three languages handled.
MEETING_WORDS = re.compile(
    r"\b(?:met|meets?|meeting|received|receives?|hosted|hosts?|held (?:talks|a meeting|a summit|a phone call)"
    r"|holds? talks|talks|called on|calls? on|summit|visit|rencontr\w*|reçu|reçoit|entretenu|entretien"
    r"|встретил\w*|встреч\w*|переговор\w*|принял\w*|разговор\w*|бесед\w*|договорил\w*|обсудил\w*"
    r"|reuni\w*|encuentro|convers\w*|recibi\w*|sostuvieron|sostuvo|llamada|entrevist\w*|encontro|recebeu"
    r"|telefonema|téléphon\w*|s'est entretenu\w*)\b",
    re.IGNORECASE,
)
# A mention right after these words is someone spoken of, not someone present.
_NOT_PRESENT_BEFORE = re.compile(
    r"(?:greetings|wishes|regards|message|letter|salutations|condolences)\s+(?:\w+\s+){0,3}(?:from|of|to|du|de)\s*$"
    r"|(?:on behalf of|invitation of|invited by|as the guest of|guest of|à l'invitation de|de la part de"
    r"|from|(?<!spoke )(?<!speaks )(?<!talked )(?<!talks )(?<!spoken )to|by)\s*$",
    re.IGNORECASE,
)
_MEETING_WITH = re.compile(
    r"\b(?:(?:the|this) (?:meeting|talks|conversation) with"
    r"|(?<!после )(?:встреч[аеиу]|бесед[аеуы]|переговор(?:ы|ов|ах)) со?"
    r"|(?:la|sa|cette) (?:rencontre|réunion|conversation) avec|(?:l'|son |cet )entretien avec"
    r"|(?:el|la|su|este|esta) (?:reunión|encuentro|conversación|entrevista) con"
    r"|(?:a|sua|esta) (?:reunião|conversa) com|(?:o|seu|este) encontro com)(?!\w)",
    re.IGNORECASE,
)
_ROLE_SUBJECT = re.compile(
    r"(?:^|[.;]\s)(?:The|the)\s+((?:[A-Z][\w\-]+\s?){1,4})"
    r"(?=\s+(?:of\s+the\s+[A-Z][\w ]{2,40}?\s+)?"
    r"(?:met|meets|received|receives|held|hosted|spoke)\b)"
)
# A Secretary-General of no organisation named is the UN's.
_SECRETARY_GENERAL = re.compile(r"\bsecretary[- ]general\b", re.IGNORECASE)
# Syllables of Mandarin pinyin family names: a name made of pinyin syllables starting with one is most likely Chinese.
_CHINESE_SURNAMES = {
    "wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu", "gao",
    "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han", "tang", "feng", "yu", "dong", "xiao",
    "cheng", "cao", "yuan", "deng", "xi", "fu", "shen", "zeng", "peng", "lu", "su", "jiang", "cai", "jia", "ding",
    "wei", "xue", "ye", "yan", "pan", "du", "dai", "xia", "zhong", "tian", "ren", "fan", "fang", "shi", "yao",
    "tan", "liao", "zou", "xiong", "jin", "hao", "kong", "bai", "cui", "kang", "mao", "qiu", "qin", "gu", "hou",
    "shao", "meng", "long", "wan", "duan", "lei", "qian", "yin", "yi", "chang", "qiao", "lai", "gong", "wen", "hua",
    "bo"
}  # fmt: skip
_PINYIN_SYLLABLE = re.compile(r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü]{1,3}(?:ng|n|r)?$")


def is_pinyin_name(name: str) -> bool:
    parts = [p for p in re.split(r"[\s\-]+", fold(name)) if p]
    if not 2 <= len(parts) <= 3 or parts[0] not in _CHINESE_SURNAMES:
        return False
    # Given names are written as one word of one or two syllables ("Jinping", "Yi", "Leji").
    return all(_is_pinyin_word(p) for p in parts)


def _is_pinyin_word(word: str) -> bool:
    if _PINYIN_SYLLABLE.match(word):
        return True
    return any(
        _PINYIN_SYLLABLE.match(word[:cut]) and _PINYIN_SYLLABLE.match(word[cut:]) for cut in range(1, len(word))
    )


_NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def name_tokens(name: str) -> list[str]:
    words = re.split(r"\s+", fold(name).replace(".", ". ").replace(",", " "))
    # Initials, with or without their full stop ("J. L. Menadue", "J L Menadue"), are left out.
    tokens = [t for t in words if t and not (len(t) == 2 and t.endswith(".")) and not _initial_letter(t)]
    while len(tokens) > 2 and tokens[-1] in _NAME_SUFFIXES:
        tokens.pop()  # "Perfecto R. Yasay, Jr." is "Perfecto Yasay"
    return tokens


def _initial_letter(word: str) -> bool:
    return len(word) == 1 and "a" <= word <= "z"


def same_person(a: str, b: str) -> bool:
    """Names of one person: equal up to accents and initials, or one is the other's surname or a short form
    ("Antony J. Blinken" ~ "Antony Blinken", "Joseph R. Biden" ~ "Joe Biden", "Trump" ~ "Donald Trump")."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) == 1 or len(tb) == 1:
        single, other = (ta, tb) if len(ta) == 1 else (tb, ta)
        return single[0] in (other[0], other[-1]) and len(single[0]) > 1
    if ta[-1] == tb[-1] and ta[0][:2] == tb[0][:2]:
        return True
    if len(ta) == len(tb) == 2 and ta == tb[::-1]:
        return True  # family name first or last: "Mitarai Fujio" ~ "Fujio Mitarai"
    # Family name first (Chinese, Vietnamese): "Wang Yi" is not "Wang Yang", but "Pham Binh Minh" ~ "Pham Minh".
    return ta[0] == tb[0] and ta[-1] == tb[-1]


def _present(mention: PersonMention, text: str) -> bool:
    if mention.possessive:
        return False
    before = text[max(0, mention.title_start - 60) : mention.title_start]
    if is_cyrillic(text[mention.title_start : mention.end]) and russian_noun_before(before):
        return False  # a genitive after a noun: "визита Президента Владимира Путина" (the visit of ...)
    if _EARLIER_MEETING.search(before):
        return False  # "he had met President X last year"
    if _RELATIVE_CLAUSE.search(text[max(0, mention.title_start - 120) : mention.title_start]):
        return False  # "Y, who is accompanying Prime Minister Z on his visit,": Z is spoken of
    return not _NOT_PRESENT_BEFORE.search(before)


_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which)\s[^,;()]*$")


def _merge(people: list[PersonMention], mention: PersonMention) -> None:
    for index, known in enumerate(people):
        if same_person(known.name, mention.name):
            # Keep the fuller name and whichever title and country are known.
            name = mention.name if len(name_tokens(mention.name)) > len(name_tokens(known.name)) else known.name
            people[index] = PersonMention(
                name,
                known.title or mention.title,
                known.country or mention.country,
                known.start,
                known.end,
                known.title_start,
                known.possessive,
                True,
            )
            return
    people.append(mention)


def extract_participants(
    lead_sentence: str,
    *,
    title: str = "",
    body: list[str] = (),
    full_text: str = "",
    publisher_country: str | None = None,
    language: str = "",
    day: date | None = None,
    author: str = "",
    lead_rest: str = "",
) -> list[ParsedParticipant]:
    """The people who met. ``day`` (the meeting's or the page's date) lets the office-holders table name a
    person written by office only or by family name only; ``language`` says which titles to read. ``author``
    (the metadata's) is the person a release speaks for: a participant when the text speaks in the first person
    ("Dr Kharrazi and I discussed ...") or names them in its lead. ``lead_rest``: the lead paragraph after its
    first sentence, where a lead naming fewer than two people is read on first."""
    if is_han(lead_sentence) or (is_han(title) and not lead_sentence.isascii() and not is_cyrillic(lead_sentence)):
        found = _han_participants(lead_sentence, title, body)
        found += _named_by_office(lead_sentence, "zh", day, None, found)
        return _known(found, day, "zh")
    found = _latin_and_cyrillic_participants(lead_sentence, title, body, full_text, publisher_country, lead_rest, day)
    if language and language not in READ_LANGUAGES and not is_cyrillic(lead_sentence):
        found = _with_people_named_in_full(found, lead_sentence)
    if is_arabic(lead_sentence):
        found = _arabic_participants(lead_sentence, title, body) + found
    found += _named_by_office(lead_sentence, language, day, publisher_country, found)
    named = any(same_person(p.name, author) for p in found)
    if author and not named and _speaks_for_author(author, lead_sentence, body):
        found.insert(0, ParsedParticipant(author, "", None))
    texts = [title, lead_sentence, lead_rest, *body[:SEPARATE_MEETING_PARAGRAPHS]]
    known = _known(found, day, language)
    place = next(filter(None, map(place_country, [lead_sentence, lead_rest, *body[:FALLBACK_PARAGRAPHS]])), None)
    return guess_countries(known, texts, full_text or lead_sentence, publisher_country, author, place)


FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|We|we|My|my|Our|our)(?![\w'’])")
_QUOTED = re.compile(r"“[^”]{0,2000}”|\"[^\"]{0,2000}\"|«[^»]{0,2000}»")
FIRST_PERSON_PARAGRAPHS = 3


def speaks_in_first_person(text: str) -> bool:
    """The text, outside its quotations, says "I", "we", "my" or "our"."""
    return bool(FIRST_PERSON.search(_QUOTED.sub(" ", text)))


def _speaks_for_author(author: str, lead_sentence: str, body: list[str]) -> bool:
    family = name_tokens(author)[-1] if name_tokens(author) else ""
    if family and family in {fold(w) for w in re.findall(r"[\w'’\-]+", lead_sentence)}:
        return True
    return any(speaks_in_first_person(p[:LEAD_WINDOW]) for p in [lead_sentence, *body[:FIRST_PERSON_PARAGRAPHS]])


def _known(participants: list[ParsedParticipant], day: date | None, language: str) -> list[ParsedParticipant]:
    """Participants under the table's names; two readings of one person become one."""
    result: list[ParsedParticipant] = []
    for participant in (with_known_name(p, day, language) for p in participants):
        same = next(
            (
                i
                for i, p in enumerate(result)
                if p.name == participant.name or p.name in participant.aliases or participant.name in p.aliases
            ),
            None,
        )
        if same is None:
            result.append(participant)
        else:
            kept = result[same]
            # One written in full ("Josep Borrell Fontelles"), once as the table has it: the full form is the name.
            name = max(kept.name, participant.name, key=lambda n: len(n.split()))
            every = [kept.name, participant.name, *kept.aliases, *participant.aliases]
            aliases = tuple(a for a in dict.fromkeys(every) if a != name)
            result[same] = ParsedParticipant(
                name, kept.title or participant.title, kept.country or participant.country, aliases
            )
    return result


def _named_by_office(
    lead_sentence: str,
    language: str,
    day: date | None,
    publisher_country: str | None,
    found: list[ParsedParticipant],
) -> list[ParsedParticipant]:
    """ "The Prime Minister met ...": the holder of that office on the day, unless only mentioned or already named."""
    added = []
    named = [p.name for p in found]
    for holder, written in office_holders_named_by_title(lead_sentence, language, day, publisher_country, named):
        at = lead_sentence.find(written)
        if at > 0 and _NOT_PRESENT_BEFORE.search(lead_sentence[max(0, at - 60) : at]):
            continue
        person = holder.person
        if any(with_known_name(p, day).name == person.name or same_person(p.name, person.name) for p in found):
            continue
        added.append(ParsedParticipant(person.name, written, country_name(holder.term.country)))
    return added


def _latin_and_cyrillic_participants(
    lead_sentence: str,
    title: str,
    body: list[str],
    full_text: str,
    publisher_country: str | None,
    lead_rest: str = "",
    day: date | None = None,
) -> list[ParsedParticipant]:
    people: list[PersonMention] = []
    # A Russian text often names the people only by surname in its headline: "Порошенко обсудил с Путиным ...".
    title_names = is_cyrillic(title) and MEETING_WORDS.search(title)
    for mention in find_person_mentions(lead_sentence):
        if (
            mention.has_title
            and _present(mention, lead_sentence)
            or _after_meeting_verb(mention, lead_sentence)
            or _lead_subject(mention, lead_sentence)
        ):
            _merge(people, mention)
    # "Readout of President Joe Biden's Meeting with President Xi Jinping": possessives are fine in such titles.
    if title and MEETING_WORDS.search(title):
        for mention in find_person_mentions(title):
            if (
                mention.has_title
                and (len(name_tokens(mention.name)) >= 2 or any(same_person(p.name, mention.name) for p in people))
            ) or (title_names and _dictionary_name(mention.name) and not mention.possessive):
                _merge(people, mention)
    following = [lead_rest, *body][:FALLBACK_PARAGRAPHS] if lead_rest.strip() else body[:FALLBACK_PARAGRAPHS]
    if not people:
        _add_leaders_of_the_lead_s_countries(people, lead_sentence, following)
    if len(people) < 2:
        _add_from_meeting_sentences(people, following)
    for paragraph in body:
        for match in _MEETING_WITH.finditer(paragraph[:2000]):
            window = paragraph[match.end() : match.end() + 120]
            mentions = [m for m in find_person_mentions(window) if m.has_title]
            if mentions and mentions[0].title_start <= 2:
                _merge(people, mentions[0])
    _add_separate_meetings(people, body, full_text, day)
    _add_attendees(people, body[:SEPARATE_MEETING_PARAGRAPHS])
    _add_role_subjects(people, lead_sentence, full_text)
    return _with_stated_countries(people, full_text or lead_sentence)


_BEFORE_MEETING_VERB = re.compile(
    r"^\s+(?:(?:on|this)\s+\w+\s+|today\s+|\w+day\s+)?(?:has\s+|have\s+)?(?:met|meets|held talks|holds talks"
    r"|received|receives|hosted|hosts|held a meeting|had a meeting|a rencontré|reçoit|встретился|провёл переговоры"
    r"|провел переговоры|принял|se reunió|recibió|conversó|sostuvo|se reuniu|recebeu|conversou"
    r"|s'est entretenue?|a reçu|a eu un entretien|se entrevistó|dialogó|встретилась|провела переговоры"
    r"|(?:провел|провёл|провела) телефонный разговор|побеседовал|побеседовала)(?!\w)"
)


FALLBACK_PARAGRAPHS = 2
SEPARATE_MEETING_PARAGRAPHS = 10
_HAN_MET = re.compile(r"会见|會見|会晤|會晤")


# A plural verb of meeting whose subject is the people who met: "X and Y met", "X, ..., y Y, ..., sostuvieron una
# reunión", "X и Y встретились".
_MET_TOGETHER = re.compile(
    r"(?<!\w)(?:met each other|held talks|sostuvieron (?:\w+ ){0,3}(?:una |un )?(?:reunión|encuentro|conversación)"
    r"|se reunieron|conversaron|se sont (?:rencontrés|entretenus)|ont eu (?:un entretien|une rencontre)"
    r"|встретились|провели переговоры|se reuniram"
    # two people named together before a verb of talking together: "X et Y ont échangé", "X и Y обсудили"
    r"|ont (?:échangé|discuté|évoqué)|s'entretiennent|обсудили|discutieron|dialogaron|intercambiaron)(?!\w)"
)


LEADERS_OFFICES = {"head_of_state", "head_of_government"}


def _add_leaders_of_the_lead_s_countries(people: list[PersonMention], lead: str, paragraphs: list[str]) -> None:
    """A lead that tells of a meeting of countries' leaders without naming them ("the meeting of the presidents of
    Russia, Ukraine and France and the German chancellor"): the people the next paragraphs name who, by the
    office-holders table, led one of those countries."""
    if not MEETING_WORDS.search(lead) or find_person_mentions(lead):
        return  # a lead naming someone ("Prabowo told Kishida at a meeting") is read by name
    codes = {country_code(m.country) for m in load_gazetteer().find(lead)} - {None}
    if len(codes) < 2:
        return
    for paragraph in paragraphs:
        for mention in find_person_mentions(paragraph[:LEAD_WINDOW]):
            if len(name_tokens(mention.name)) < 2 or not _present(mention, paragraph):
                continue
            person = lookup(ParsedParticipant(mention.name, mention.title, mention.country), None)
            terms = person.terms if person else ()
            if any(t.office in LEADERS_OFFICES and t.country in codes for t in terms):
                _merge(people, mention)


def _add_from_meeting_sentences(people: list[PersonMention], paragraphs: list[str]) -> None:
    """A lead that names fewer than two people (a kicker, "The presidents of Russia and Ukraine agreed ..."): the
    titled people of the first following sentence that speaks of the meeting are its participants."""
    sentences = [s for paragraph in paragraphs for s in split_sentences(paragraph[:LEAD_WINDOW])]
    for sentence in [s for s in sentences if MEETING_WORDS.search(s)] + sentences:
        together = _MET_TOGETHER.search(sentence)
        found = [
            m
            for m in find_person_mentions(sentence)
            if (m.has_title or (together and m.end <= together.start() and len(name_tokens(m.name)) >= 2))
            and _present(m, sentence)
        ]
        if found:
            for mention in found:
                _merge(people, mention)
            if len(people) >= 2:
                return


# "X also met (with) ...", "held talks with", "had a useful meeting with", "Bilateral meetings were also held with
# ...": another meeting of the same visit, whose titled people are participants too.
_ANOTHER_MEETING = re.compile(
    r"\b(?:met|meets"
    r"|(?:held|had) (?:an? |the |separate |bilateral |further |[\w\-]+ ){0,8}(?i:meetings?|talks|discussions) with"
    r"|(?:[Ii]n|[Aa]t|[Dd]uring) (?:an? |his |her |their |my |our |the )(?:[\w\-]+ ){0,2}"
    r"(?:meeting|talks|discussions) with"
    r"|discussed (?:[\w\-]+ ){0,6}with"
    r"|spoke (?:by telephone |by phone |on the phone )?(?:to|with)"
    r"|(?:had|held) an? (?:telephone |phone )?(?:call|conversation|telephone conversation) with"
    r"|(?:meetings|talks) (?:were|was) (?:also )?held with)\b"
    # Russian, French, Spanish and Portuguese: "встретился с", "провести переговоры с", "a rencontré",
    # "s'est entretenu avec", "se reunió con", "sostuvo una reunión con", "se reuniu com".
    r"|(?<!\w)(?:встретил(?:ся|ась|ись) со?"
    r"|(?:провел|провёл|провела|провели|провести) (?:переговоры|встречу|беседу) со?"
    r"|побеседовал\w* со?|(?:a|ont) (?:également |aussi )?rencontré|s'est (?:également |aussi )?entretenue? avec"
    r"|(?:se reunió|se reunieron|conversó|se entrevistó) con"
    r"|sostuvo (?:una |un )?(?:reunión|encuentro|conversación) con"
    r"|se reuniu com|conversou com)(?!\w)"
)
_PASSIVE_MEETING = re.compile(r"\b(?:meetings|talks) (?:were|was) (?:also )?held with\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _another_day(sentence: str, day: date | None) -> bool:
    """The sentence names a weekday or a month other than the meeting's ("Jacob Lew, who visited Beijing in
    March")."""
    if day is None:
        return False
    if any(w != _WEEKDAYS[day.weekday()] for w in _WEEKDAY.findall(sentence)):
        return True
    for match in _MONTH_WORD.finditer(sentence):
        word = match.group()
        if word[:1].isupper() and re.search(r"[A-Z][\w'’\-]*\s+$", sentence[: match.start()]):
            continue  # "Theresa May": a name's word after another capitalised one, not a month
        if MONTHS[word.lower()] != day.month:
            return True
    return False


# Months written in full: English ones capitalised ("in March", not "march" or "may"), the other languages' in
# lower case ("en marzo", "в марте" is declined and left out); abbreviations ("mar", "set", "out") are words too.
_ENGLISH_MONTH_NAMES = [w.capitalize() for w in ENGLISH_MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_OTHER_MONTH_NAMES = [w for w in MONTHS if w not in ENGLISH_MONTHS and len(w) >= 5 and w.isalpha()]
_MONTH_WORD = re.compile(
    r"(?<![\w'’])(?:"
    + "|".join(map(re.escape, sorted([*_ENGLISH_MONTH_NAMES, *_OTHER_MONTH_NAMES], key=len, reverse=True)))
    + r")(?![\w'’])"
)


_POSSESSIVE_MEETING = re.compile(r"(?:[Ii]n|[Aa]t|[Dd]uring) (?:his|her|their|my|our) ")
# "He also had a meeting with ...", "In Canberra, she held talks with ...": the pronoun stands for a participant
# (the visitor, or in a release's first person its author).
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,;]{0,40},\s+)?(?:He|She|They|I|We|he|she|they|we)(?:\s+[a-z]+){0,6}\s*$")


def _add_separate_meetings(
    people: list[PersonMention], paragraphs: list[str], full_text: str = "", day: date | None = None
) -> None:
    """Titled people of a sentence that tells of a meeting of someone already a participant (or of meetings held
    with them), later in the text: "Minister Shanmugam also met Ukraine Minister of Justice Pavlo Petrenko", and
    whom a participant written as a pronoun meets ("He held talks with Yang", Yang named in full elsewhere in the
    text). A meeting on another weekday than the meeting's ("Minh also held talks with Yang on Sunday") was
    another day's. A participant named by name is followed through the first paragraphs, where a readout tells of
    the visit (its closing ones add what others did); one written as a pronoun, in whatever paragraph, is still
    the one the story is about. A meeting with people not named ("with a range of Ministers") names them in the
    next sentence when it lists them ("These included ...")."""
    if not people:
        return
    named_in_full: list[PersonMention] | None = None
    group_met = False  # the last sentence told of a meeting with people it did not name ("a range of Ministers")
    for index, paragraph in enumerate(paragraphs):
        for sentence in split_sentences(paragraph[:LEAD_WINDOW]):
            if group_met and _GROUP_LISTED.match(sentence):
                for mention in find_person_mentions(sentence):
                    if mention.has_title and len(mention.name.split()) >= 2:
                        _merge(people, mention)
            group_met = False
            verb = _ANOTHER_MEETING.search(sentence)
            if verb is None or _EARLIER_MEETING.search(sentence[: verb.end()]):
                continue
            mentions = [m for m in find_person_mentions(sentence) if _present(m, sentence)]
            before = [m for m in mentions if m.end <= verb.start()]
            after = [m for m in mentions if m.start >= verb.end()]
            known_before = any(same_person(p.name, m.name) for m in before for p in people)
            # "In my discussions with ...": the possessive stands for a participant as a pronoun subject does.
            pronoun = bool(_PRONOUN_SUBJECT.match(sentence[: verb.start()]) or _POSSESSIVE_MEETING.match(verb.group()))
            named = index < SEPARATE_MEETING_PARAGRAPHS and (known_before or _PASSIVE_MEETING.search(sentence))
            if not (named or pronoun):
                continue
            if _another_day(sentence, day):
                continue
            met = after if pronoun else mentions
            group_met = not met
            for mention in met:
                if mention.has_title and len(mention.name.split()) >= 2:  # initials count: "Mr J L Menadue"
                    _merge(people, mention)
                elif pronoun and len(mention.name.split()) == 1 and full_text:
                    if named_in_full is None:
                        named_in_full = [m for m in find_person_mentions(full_text) if len(name_tokens(m.name)) >= 2]
                    full = {m.name: m for m in named_in_full if same_person(m.name, mention.name)}
                    if len(full) == 1:
                        _merge(people, next(iter(full.values())))


# "I also had discussions with a range of senior Ministers. These included the ...": the list that follows.
_GROUP_LISTED = re.compile(r"(?:These|They|Those) (?:included|were|comprised)\b")
_ATTENDED_BY = re.compile(r"\b(?:was|were) (?:also )?attended by\b")


def _add_attendees(people: list[PersonMention], paragraphs: list[str]) -> None:
    """ "The first session was attended by the Prime Minister, Mr. Rusk and ...": the titled people who attended
    the talks are participants, named by family name alone as such lists do."""
    if not people:
        return
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph[:LEAD_WINDOW]):
            attended = _ATTENDED_BY.search(sentence)
            if attended is None:
                continue
            attendees = sentence[attended.end() :]
            for mention in find_person_mentions(attendees):
                if mention.has_title and _present(mention, attendees):
                    _merge(people, mention)


def _han_participants(lead_sentence: str, title: str, body: list[str]) -> list[ParsedParticipant]:
    """Chinese text: the people named in the headline, and the titled people of the first sentences that speak of
    the meeting ("国务委员兼外长王毅同英国外交大臣拉布通电话")."""
    found: dict[str, HanMention] = {}

    def add(mention: HanMention) -> None:
        known = found.get(mention.name)
        if known is None or (not known.title and mention.title):
            found[mention.name] = mention

    for mention in find_han_mentions(title):
        add(mention)
    sentences = [lead_sentence] + [s for p in body[:FALLBACK_PARAGRAPHS] for s in split_sentences(p[:LEAD_WINDOW])]
    for index, sentence in enumerate(sentences):
        if index and len(found) >= 2:
            break
        if mentions_meeting(sentence):
            for mention in find_han_mentions(sentence):
                if mention.title or index == 0:
                    add(mention)
    # Separate meetings the text reports later: "之前谭德塞在会晤中国外长王毅时表示".
    for paragraph in body[:SEPARATE_MEETING_PARAGRAPHS]:
        for verb in _HAN_MET.finditer(paragraph[:LEAD_WINDOW]):
            window = paragraph[max(0, verb.start() - 20) : verb.end() + 16]
            offset = max(0, verb.start() - 20)
            for mention in find_han_mentions(window):
                at = offset + mention.start
                if mention.title and (
                    verb.end() <= at <= verb.end() + 8 or 0 <= verb.start() - (offset + mention.end) <= 12
                ):
                    add(mention)
    return [
        ParsedParticipant(
            romanise(m.name, chinese_person=looks_chinese(m.name)),
            m.title,
            "China" if m.chinese_office else (m.organisation or m.country),
            aliases=(m.name,),
        )
        for m in found.values()
    ]


# Languages whose titles and verbs of meeting the rules above read; in any other, the office-holders table's
# people named in full in the lead are its participants.
READ_LANGUAGES = {"en", "fr", "es", "pt", "ru", "zh"}


def _with_people_named_in_full(found: list[ParsedParticipant], lead_sentence: str) -> list[ParsedParticipant]:
    """The table's people the lead names in full, in a language whose titles the parser does not read: a name
    found with a word of an unread title before it ("Bundeskanzler Olaf Scholz") becomes the table's name; the
    others are added ("den französischen Präsidenten Emmanuel Macron")."""
    result = list(found)
    for named in find_people_named_in_full(lead_sentence):
        at = next((i for i, p in enumerate(result) if p.name.endswith(named.written)), None)
        if at is not None:
            result[at] = ParsedParticipant(named.written, result[at].title, result[at].country, result[at].aliases)
        elif not any(same_person(p.name, named.person.name) for p in result):
            result.append(ParsedParticipant(named.written, "", None))
    return result


def _arabic_participants(lead_sentence: str, title: str, body: list[str]) -> list[ParsedParticipant]:
    """A lead in Arabic script: the office-holders table's people it names by their Arabic spellings; where it
    names fewer than two, those of the headline and the first paragraphs too."""
    mentions = find_arabic_mentions(lead_sentence)
    for more in (title, *body[:FALLBACK_PARAGRAPHS]):
        if len(mentions) >= 2:
            break
        known = {m.person.key for m in mentions}
        mentions += [m for m in find_arabic_mentions(more[:LEAD_WINDOW]) if m.person.key not in known]
    found = [ParsedParticipant(m.person.name, "", None, aliases=(m.written,)) for m in mentions]
    # A name in Latin letters inside the Arabic lead is someone it names as they write themselves.
    for mention in find_person_mentions(lead_sentence):
        if is_latin(mention.name) and len(name_tokens(mention.name)) >= 2 and not mention.possessive:
            found.append(ParsedParticipant(mention.name, mention.title, mention.country))
    return found


def _dictionary_name(name: str) -> bool:
    """Every word of the name is one the Russian dictionary knows as a first name, surname or patronymic."""
    return all(russian_name_word(word.split("-")[-1]) for word in name.split())


# A pluperfect meeting verb tells of an earlier meeting: "had met", "avait rencontré", "se había reunido".
_EARLIER_MEETING = re.compile(
    r"\b(?:had|avait|avaient|había|habían|hatte|hatten)\s+(?:already\s+|déjà\s+|ya\s+)?"
    r"(?:met|rencontr\w*|reunido|getroffen)\b[^.;]{0,80}$"
)


def _after_meeting_verb(mention: PersonMention, text: str) -> bool:
    """A bare name right after "met with", "received", "meeting with", or right before "met", "held talks",
    is a participant: "Vladimir Putin held talks with ..."."""
    if len(name_tokens(mention.name)) < 2 or mention.possessive:
        return False
    before = text[max(0, mention.start - 90) : mention.start]
    if _EARLIER_MEETING.search(before):
        return False  # "il avait rencontré le Premier ministre X": an earlier meeting, not this one
    if re.search(
        r"(?:met|meets|meeting|received|receives|talks|hosted)(?: with)?\s+$"
        r"|(?:встретил\w*|переговоры|встреч\w|беседы|разговор\w*|принял\w*) (?:с|со) (?:\w+ ){0,6}$"
        r"|(?:reuni\w+|convers\w+|encuentro|recibió|recebeu|rencontr\w+|reçu) (?:con|com|avec)?\s*$",
        before,
    ):
        return True
    return bool(_BEFORE_MEETING_VERB.match(text[mention.end : mention.end + 60]))


_SUBJECT_VERB_AFTER = re.compile(r"^\s+(?:(?:on|this|last)\s+[A-Z]?[a-z]+\s+|today\s+|yesterday\s+)?[a-z]{3,}\b")


def _lead_subject(mention: PersonMention, text: str) -> bool:
    """A full name with which the lead opens, followed by its verb, is who the readout is about: "Prabowo Subianto
    on Wednesday told Japan's Prime Minister ..."."""
    if mention.possessive or len(name_tokens(mention.name)) < 2 or text[: mention.start].strip(" \"'“”‘’-—"):
        return False
    return bool(_SUBJECT_VERB_AFTER.match(text[mention.end : mention.end + 40]))


def _add_role_subjects(people: list[PersonMention], lead_sentence: str, full_text: str) -> None:
    """ "The Secretary-General met ...": find the name for that office elsewhere in the text (even in page chrome)."""
    for match in _ROLE_SUBJECT.finditer(lead_sentence[:600]):
        role = fold(match.group(1).strip())
        for mention in find_person_mentions(full_text[:20000]):
            if mention.has_title and fold(mention.title) == role and len(name_tokens(mention.name)) >= 2:
                _merge(people, mention)
                break


def place_country(lead: str) -> str | None:
    """The country of the place the lead says the meeting was in ("in Jakarta", "in Indonesia")."""
    place = find_meeting_place(lead)
    if place is None or place.country:
        return place.country if place else None
    city = load_cities().lookup(place.city or "")
    return country_name(city.country_code) if city else None


def _with_stated_countries(people: list[PersonMention], text: str) -> list[ParsedParticipant]:
    """Each person with the country (or organisation) their title names; a name in pinyin is China's in a text
    that speaks of China, when no other participant is. The others are left to ``guess_countries``, after the
    office-holders table has given its people theirs."""
    countries: list[str | None] = []
    for person in people:
        country = person.country or organisation_named(person.title)
        if not country and _SECRETARY_GENERAL.search(person.title):
            country = "United Nations"
        countries.append(country)
    if None in countries and any(m.country == "China" for m in load_gazetteer().find(text[:50000])):
        for index, person in enumerate(people):
            if countries[index] is None and is_pinyin_name(person.name) and "China" not in countries:
                countries[index] = "China"
    return [_in_latin_letters(p.name, p.title or "", c) for p, c in zip(people, countries, strict=True)]


def guess_countries(
    participants: list[ParsedParticipant],
    texts: list[str],
    full_text: str,
    publisher_country: str | None,
    author: str = "",
    place: str | None = None,
) -> list[ParsedParticipant]:
    """Countries for the participants that neither their title nor the table gives one: that of the others
    listed with them, where those are of one country ("met the Prime Minister of Thailand, Field Marshal X, and
    the Foreign Minister, Mr. Y"); the one the text speaks for (``author``), then the first without, is the
    publisher's side when no other participant is; where the meeting's ``place`` is another country than the
    publisher's and both have a participant, the others are the place's hosts ("I was pleased to meet with
    President X ... in my discussions with the Foreign Minister, ..." in Jakarta); else the most mentioned
    country that no participant represents; and when every country the text names is represented, the
    publisher's side, whose own people a release names without their country ("Mr. McEwen", "my colleague, the
    Minister for Trade")."""
    countries = [p.country for p in participants]
    if None not in countries:
        return participants
    for run, meets in _listed_together(texts, participants):
        known = {countries[i] for i in run} - {None}
        if len(known) == 1:
            for index in run:
                if meets or participants[index].title:
                    countries[index] = countries[index] or next(iter(known))
    order = sorted(range(len(participants)), key=lambda i: not (author and same_person(participants[i].name, author)))
    for index in order:
        if countries[index] is None and publisher_country and publisher_country not in countries:
            countries[index] = publisher_country
    # Both sides known, the publisher's and the place's: the place's people host.
    sides = publisher_country in countries and place in countries
    hosts = place if place and publisher_country and place != publisher_country and sides else None
    mentioned = Counter(m.country for m in load_gazetteer().find(full_text[:50000]))
    for index in order:
        if countries[index] is None:
            unrepresented = (country for country, _ in mentioned.most_common() if country not in countries)
            countries[index] = hosts or next(unrepresented, None) or publisher_country
    return [replace(p, country=c) for p, c in zip(participants, countries, strict=True)]


# What joins the people of a list: commas, semicolons, "and", and an article ("X, and the Foreign Minister, Y").
_LIST_GAP = re.compile(
    r"\s*(?:[,;]\s*)*(?:(?:and|et|y|e|и|und)\s+)?(?:(?:the|le|la|les|el|los|las|o|a|l')\s*)?", re.IGNORECASE
)
# A list that meets someone ("X and Y held a meeting with Z") or is met ("met with X and Y", "These included X;
# Y"): its people are one side. "X and Y held talks" without "with" may be both sides.
_MEETS_WITH = re.compile(r"\b(?:with|avec|con|com|со?)\b", re.IGNORECASE)
_MET_BEFORE = re.compile(
    r"\b(?:with|met|meets|received|receives|included|include|includes|avec|con|com|со?|rencontré|reçu)"
    r"\s*(?:the\s+|le\s+|la\s+|el\s+|l')?$",
    re.IGNORECASE,
)
_GROUP_WINDOW = 80
MIN_LISTED = 3  # a list of fewer joined by commas alone may be the two sides: "X, y el secretario Y, sostuvieron"


def _listed_together(texts: list[str], participants: list[ParsedParticipant]) -> list[tuple[list[int], bool]]:
    """Runs of participants (their indexes) a sentence lists together as one side, each with whether the list
    meets someone or is met (else it is only a list joined by commas or semicolons, of at least MIN_LISTED)."""
    runs = []
    for text in texts:
        for sentence in split_sentences((text or "")[:LEAD_WINDOW]):
            mentions = []
            for mention in find_person_mentions(sentence):
                index = next((i for i, p in enumerate(participants) if _names(p, mention.name)), None)
                if index is not None:
                    mentions.append((mention, index))
            run: list[tuple[PersonMention, int]] = []
            for mention, index in [*mentions, (None, None)]:
                gap = sentence[run[-1][0].end : mention.title_start] if run and mention else None
                if gap is not None and _LIST_GAP.fullmatch(gap) and index not in {i for _, i in run}:
                    run.append((mention, index))
                    continue
                meets = len(run) >= 2 and _meets(sentence, run)
                if meets or len(run) >= MIN_LISTED and re.search(r"[,;]", _listed(sentence, run)):
                    runs.append(([i for _, i in run], meets))
                run = [(mention, index)] if mention else []
    return runs


def _listed(sentence: str, run: list[tuple[PersonMention, int]]) -> str:
    return sentence[run[0][0].end : run[-1][0].title_start]


def _meets(sentence: str, run: list[tuple[PersonMention, int]]) -> bool:
    """The list is met ("met with X and Y") or meets someone: a verb of meeting, then "with", in its clause."""
    first, last = run[0][0], run[-1][0]
    before = sentence[max(0, first.title_start - _GROUP_WINDOW) : first.title_start]
    after = re.split(r"[;.]", sentence[last.end : last.end + _GROUP_WINDOW], maxsplit=1)[0]
    verb = MEETING_WORDS.search(after)
    return bool(_MET_BEFORE.search(before) or (verb and _MEETS_WITH.search(after, verb.end())))


def _names(participant: ParsedParticipant, name: str) -> bool:
    return any(same_person(written, name) for written in (participant.name, *participant.aliases))


def _in_latin_letters(name: str, title: str, country: str | None) -> ParsedParticipant:
    """A participant named in another script gets a Latin name; the form the text wrote is kept as an alias."""
    if is_latin(name):
        return ParsedParticipant(name, title, country)
    # A Chinese name in Russian is Palladius's spelling of its pinyin ("Чжан Сяо" is "Zhang Xiao", not "Chzhan Syao").
    chinese = palladius_to_pinyin(name)
    if chinese and is_pinyin_name(chinese):
        return ParsedParticipant(chinese, title, country, aliases=(name,))
    return ParsedParticipant(romanise(name), title, country, aliases=(name,))
