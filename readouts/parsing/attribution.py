"""Attribution: who speaks in each paragraph.

Each sentence is scanned for "events": a reference to a participant (name, surname, a title that points to one,
a pronoun) or to both sides ("the two leaders", "they") followed by a verb, an inverted "said X", a participial
clause (", urging ...") continuing the subject, or a non-participant who is quoted ("Russian media said").
Reporting and stance verbs make statements; verbs of the meeting itself (met, arrived, held talks) make narrative.
A paragraph takes the speaker with most attributed sentences (ties: the first); a paragraph with no attribution of
its own continues the previous speaker (pronoun-free continuation), unless it is plainly narrative.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .gazetteer import load_gazetteer
from .known_people import NOT_THE_HOLDER_BEFORE, TITLE_LANGUAGES, lookup
from .names import TITLE_WORDS, find_person_mentions, fold
from .offices import find_office_titles
from .participants import name_tokens, same_person
from .romanise import is_cyrillic, is_han, russian_oblique_name, russian_short_passive, russian_verb_lemma
from .sentences import split_sentences
from .types import Kind, ParsedParticipant

SENTENCE_CHARS = 3_000  # a longer "sentence" is analysed on its first characters only
PARAGRAPH_SENTENCES = 60  # and a paragraph on its first sentences

_STATEMENT_BASES = (
    "say", "note", "stress", "add", "appreciate", "hope", "urge", "express", "welcome", "point", "underscore",
    "emphasize", "emphasise", "reiterate", "raise", "highlight", "convey", "thank", "congratulate", "recall", "ask",
    "call", "hail", "explain", "affirm", "reaffirm", "agree", "discuss", "extend", "praise", "invite", "propose",
    "suggest", "voice", "describe", "believe", "opine", "underline", "vow", "pledge", "assure", "acknowledge",
    "laud", "value", "warn", "categorize", "categorise", "update", "look", "state", "remark", "observe", "mention",
    "insist", "reject", "oppose", "support", "condemn", "commend", "applaud", "share", "exchange", "review",
    "address", "offer", "request", "demand", "encourage", "expect", "wish", "want", "deliberate", "commit",
    "confirm", "declare", "announce", "argue", "claim", "respond", "reply", "comment", "brief", "inform", "outline",
    "present", "recognize", "recognise", "cite", "refer", "accept", "decline", "promise", "endorse", "favor",
    "favour", "deem", "consider", "regard", "view", "reach", "conclude", "touch", "continue", "push", "issue",
    "adopt", "elaborate", "speak", "tell", "make", "give", "see", "think", "feel", "seek", "hold", "go", "stand",
    "lay", "express", "reflect", "welcome", "spell", "detail", "describe", "recommend", "stress", "regret",
    "deplore", "caution", "criticize", "criticise", "underscore", "assess", "evaluate", "agree", "reaffirm",
    "recommit"
)  # fmt: skip
# English past participles in -en ("has been", "was given"); "a dozen" is not one.
_PARTICIPLES_IN_EN = {"been", "given", "taken", "spoken", "written", "chosen", "shown", "broken", "driven"}
_IRREGULAR_STATEMENT = {
    "wrote",
    "writes",
    "said",
    "told",
    "spoke",
    "made",
    "gave",
    "saw",
    "thought",
    "felt",
    "sought",
    "held",
    "went",
    "laid",
    "stood",
    "says",
    "tells",
    "speaks",
    "makes",
    "gives",
    "sees",
    "thinks",
    "feels",
    "seeks",
    "holds",
    "goes",
    "stands",
    "lays",
    "spelt",
}
_EVENT_WORDS = {
    "met", "meet", "meets", "arrived", "arrives", "visited", "visits", "paying", "pays", "paid", "hosted", "hosts",
    "witnessed", "witness", "attended", "attends", "chose", "chooses", "received", "receives", "traveled",
    "travelled", "travels", "left", "departed", "landed", "toured", "tours", "inspected", "accompanied",
    "co-chaired", "co-chairs", "participated", "scheduled", "assisted", "inaugurated", "greeted", "bid", "flew",
    "returned", "concluded", "wrapped", "embarked", "stopped", "joined",
    # French and Russian verbs of meeting and travel
    "rencontré", "rencontre", "reçu", "reçoit", "effectue", "effectué", "arrivé", "arrivée", "visité", "entretenu",
    "встретился", "встретилась", "встретились", "прибыл", "прибыла", "провел", "провёл", "провели", "принял",
    "приняла", "посетил", "посетила", "проводит", "встречается", "покинул", "покинула",
    # Spanish and Portuguese
    "reunió", "reunieron", "recibió", "llegó", "visitó", "viajó", "conversó", "conversaron", "sostuvo",
    "sostuvieron", "mantuvieron", "encontró", "participó", "asistió", "realizó", "realizará", "realizarán",
    "recebeu", "reuniu", "visitou", "telefonou", "conversou", "chegou", "viajará", "visitará", "llegará",
    "reunirá", "asistirá", "participará", "partirá",
}  # fmt: skip
_AUXILIARIES = {
    "am",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "should",
    "may",
    "must",
    "did",
    "does",
    "do",
    "shall",
    "a",
    "est",
    "ont",
    "sont",
    "s'est",
    "avait",
    "été",
    "sera",
}
_STANCE_ADJECTIVES = {
    "pleased",
    "glad",
    "happy",
    "ready",
    "willing",
    "confident",
    "satisfied",
    "grateful",
    "keen",
    "eager",
    "optimistic",
    "concerned",
    "sure",
    "convinced",
    "determined",
    "committed",
    "noncommittal",
    "supportive",
    "firm",
    "clear",
    "open",
    "prepared",
    "hopeful",
    "aware",
    "proud",
    "sorry",
    "delighted",
    "honored",
    "honoured",
    "disappointed",
    "critical",
    "positive",
    "candid",
}
_ADVERBS = {
    "also",
    "again",
    "further",
    "then",
    "later",
    "once",
    "already",
    "still",
    "both",
    "all",
    "today",
    "tonight",
    "yesterday",
    "here",
    "there",
    "earlier",
    "first",
    "repeatedly",
    "separately",
    "jointly",
    "respectively",
    "on",
    "in",
    "at",
    "during",
    "via",
    "through",
    "this",
    "morning",
    "afternoon",
    "evening",
    "a",
    "the",
    "social",
    "site",
    "media",
    "meeting",
    "talks",
    "sunday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "not",
    "never",
    "n't",
    "however",
    "mardi",
    "lundi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "aussi",
    "également",
    "ensuite",
    "так",
    "также",
    "тоже",
    "затем",
    "se",
    "le",
    "les",
    "también",
    "además",
    "hoy",
    "ayer",
    "este",
    "esta",
    "ya",
    "no",
    "luego",
    "igualmente",
    "asimismo",
    "nuevamente",
    "sábado",
    "domingo",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "também",
    "ainda",
    "já",
    "não",
    "ne",
    "n'a",
    "l'a",
    "lui",
    "leur",
    "ему",
    "им",
    "ей",
    "вновь",
    "снова",
    "ранее",
    "уже",
    "не",
    "в",
    "среду",
    "понедельник",
    "вторник",
    "четверг",
    "пятницу",
    "субботу",
    "воскресенье",
}
_STOP_VERB_SEARCH = {
    "and",
    "but",
    "to",
    "that",
    "who",
    "which",
    "whom",
    "whose",
    "with",
    "for",
    "of",
    "from",
    "et",
    "que",
    "qui",
    "à",
    "de",
    "и",
    "что",
    "y",
    "quien",
    "quienes",
    "con",
    "para",
    "del",
    "e",
    "com",
    "с",
    "со",
    "который",
    "которая",
}
_PARTICIPLES = re.compile(
    r"^(?:urging|vowing|noting|saying|stressing|calling|expressing|adding|emphasi[sz]ing|hoping|pledging|describing"
    r"|reiterating|underlining|highlighting|welcoming|voicing|praising|assuring|pointing out|affirming|stating"
    r"|soulignant|ajoutant|notant|estimant|appelant|indiquant|отметив|подчеркнув|заявив)\b"
)
_REPORTING = {
    "said",
    "says",
    "told",
    "tells",
    "reported",
    "reports",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "added",
    "adds",
    "underlined",
    "emphasized",
    "emphasised",
    "believes",
    "believed",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "quoted",
    "according",
    "stated",
    "states",
    "insisted",
    "announced",
    "declared",
}
_INVERTED = re.compile(
    r"\b(?:said|says|added|noted|stressed|asked|continued|told|stated|declared|a déclaré|a dit"
    r"|a indiqué|a souligné|a ajouté|заявил|заявила|сказал|сказала|отметил|отметила|подчеркнул"
    r"|подчеркнула|dijo|afirmó|señaló|agregó|añadió|indicó|declaró|subrayó|destacó|aseguró|explicó|expresó"
    r"|precisó|sostuvo|insistió|advirtió|disse|afirmou|declarou|destacou|ressaltou|disse ainda"
    r"|explained|insisted|warned|recalled|remarked|observed|wrote|a estimé|a affirmé|a rappelé|a insisté"
    r"|a assuré|a poursuivi|a précisé|a expliqué|a lancé|a noté|добавил|добавила|пояснил|пояснила|сообщил"
    r"|сообщила|уточнил|уточнила|заметил|заметила|указал|указала|lanzó|manifestó|comentó|recalcó|reiteró"
    r"|apuntó|estimó|consideró|enfatizó|puntualizó|explicou|acrescentou"
    # words posted rather than spoken: '"...", a écrit X sur le réseau social X'
    r"|a écrit|a tweeté|escribió|tuiteó|написал|написала|escreveu)"
    r"(?:\s+(?:antes|luego|después|también|además|ensuite|aussi|encore|также|затем|later|also|then|again))?"
    r"(?:\s+(?:por su parte|a su vez|pour sa part|de son côté|со своей стороны|por sua vez),?)?\s+"
)
# "According to X", "selon X", "por su parte X" put X's words in the sentence: X speaks.
_ACCORDING = re.compile(
    r"(?:\b(?:[Aa]ccording to|[Ss]elon|[Ss]egún|[Ss]egundo|[Пп]о словам|[Пп]о мнению)|(?<![\w])[Дд]ля)\s+"
)
_JOINT = re.compile(
    r"\b(?:[Bb]oth (?:the )?(?:sides|leaders|parties|countries|ministers|presidents|delegations|men)"
    r"|[Tt]he (?:two|three|four) (?:sides|leaders|parties|presidents|ministers|heads of state|foreign ministers"
    r"|delegations|men|officials|statesmen|countries' leaders|heads of government)"
    r"|[Tt]he two|[Tt]he (?:sides|leaders|parties|ministers|delegations|interlocutors|counterparts)|They|they"
    r"|(?:[Tt]he )?[Hh]osts? and (?:the )?guests?"
    r"|[Bb]oth(?= (?:also |further |again )?[a-z]+(?:ed|ssed)\b)"
    r"|(?:[Tt]he|[Oo]ur|[Tt]heir) (?:talks|conversation|discussions?|exchanges?|call)"
    r"(?= (?:also )?(?:covered|focus+ed|cent(?:r|er)ed|touched|addressed|reaffirmed|dealt|concentrated|ranged)\b)"
    r"|[Ll]es deux (?:parties|dirigeants|chefs d'[EÉ]tat|présidents|ministres|côtés|hommes)|[Ll]es (?:deux )?parties"
    r"|[Ll]es (?:interlocuteurs|dirigeants|présidents|ministres|chefs d'[EÉ]tat|chefs de la diplomatie)"
    r"|[Ll]es deux (?:pays|chefs de la diplomatie|gouvernements)"
    r"|[Ii]ls|[Оо]бе стороны|[Сс]тороны|[Лл]идеры|[Оо]ни|[Пп]резиденты|[Гг]лавы (?:государств|МИД)|[Мм]инистры"
    r"|[Сс]обеседники|[Оо]бе страны|[Гг]лавы (?:внешнеполитических ведомств|дипломатических ведомств|правительств)"
    r"|(?:[Aa]mbas|[Ll]as dos) partes|[Aa]mbos(?: (?:líderes|mandatarios|presidentes|cancilleres|ministros"
    r"|funcionarios|jefes de Estado|gobiernos))?"
    r"|[Ll]os (?:dos |tres )?(?:líderes|mandatarios|presidentes|cancilleres|ministros|jefes de Estado|gobiernos"
    r"|jefes de (?:la )?diplomacia|interlocutores|países)|[Aa]mbos países"
    r"|[Ee]llos|[Aa]mbos os|[Oo]s dois(?: (?:presidentes|líderes|chanceleres))?|[Aa]s (?:duas )?partes)(?![\w])"
)
_PRONOUN = re.compile(
    r"(?<![\w])(?:He|he|She|she|Il|Elle|Он|он|Она|она|Él|Ella|Ele|Ela)(?![\w])"
    r"(?! s'agit| y a| est (?:prévu|question|temps|à noter|à souligner|à rappeler)| a (?:\w+ )?été| convient| faut"
    r"| importe| reste)"
)
_TITLE_HEADS = (
    r"vice[- ]president|vice[- ]premier|vice prime minister|prime minister|first president|president"
    r"|foreign minister|minister|secretary[- ]general|secretary|leader|premier|head of state"
    r"|head of government|chairman|chairwoman|chair|ambassador|advisor|adviser|councilor|councillor"
    r"|chancellor|king|queen|emir|pm|fm|président|ministre|chef de l'[EÉ]tat|dirigeant|президент"
    r"|министр|председатель|посол|глава государства|лидер|presidente|presidenta|primer ministro|ministro"
    r"|ministra|canciller|secretario de estado|secretario|consejero de estado|consejero|jefe de la diplomacia"
    r"|mandatario|líder|chanceler|primeiro-ministro|премьер-министр|канцлер|глава МИД|министр иностранных дел"
)
_TITLE_REF = re.compile(
    rf"(?<![\w])(?:(?:the|le|la|el|o|a)\s+)?((?:(?!(?:and|or|with|to|of|the|a|an|by|for|et|le|la|les|de|el|y|con)\b)[\w’'\-.]+\s+){{0,3}}?)"
    rf"({_TITLE_HEADS})\b"
    r"((?:\s+(?:of|de|du)\s+(?:the\s+|la\s+|l')?(?-i:[A-Z][\w’'\-.]+)(?:\s(?-i:[A-Z][\w’'\-.]+)){0,4})?)",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"(?:^|[,;:—–]['\"”’]?\s+|['\"”’]\s+|\b(?:wherein|whereupon|while|as)\s+)")


@dataclass
class _Ref:
    start: int
    end: int
    speaker: str | None  # participant full name
    joint: bool = False
    pronoun: bool = False
    title: bool = False  # a title without a name ("the Minister of Foreign Affairs of Armenia")


@dataclass
class _Event:
    position: int
    kind: str  # "statement", "narrative", "blocking" (quoted non-participant)
    speaker: str | None
    joint: bool = False
    passive: bool = False  # a subjectless passive ("issues were discussed"): joint, but nobody to continue


class Attributor:
    def __init__(
        self,
        participants: list[ParsedParticipant],
        *,
        language: str = "",
        day: date | None = None,
        author: str | None = None,
    ):
        self.participants = participants
        self.author = author  # the participant a release speaks for: its "I" (and "we", the sides together)
        self.gazetteer = load_gazetteer()
        self.name_patterns = self._name_patterns()
        self.language = language
        # Each participant's offices on the day, from the office-holders table: "the Prime Minister" is whoever
        # among them held that office then.
        self.offices: dict[str, set[tuple[str, str]]] = {}
        for participant in participants if day and language in TITLE_LANGUAGES else []:
            person = lookup(participant, day)
            if person is not None:
                self.offices[participant.name] = {(t.office, t.country) for t in person.terms_on(day)}

    def _office_refs(self, sentence: str, name_starts: set[int]) -> list[_Ref]:
        """Offices named without a name ("the Secretary", "the Prime Minister", "министр"), resolved to the one
        participant who held that office on the day."""
        if not self.offices:
            return []
        # A participant the table does not know might hold the office too: only a title that names its country
        # can then be resolved.
        everyone_known = len(self.offices) == len(self.participants)
        refs = []
        for match in find_office_titles(sentence, self.language):
            following = sentence[match.end : match.end + 40]
            if match.end + 1 in name_starts or re.match(r"^\s(?:Dr\.? |Mr\.? |H\.E\. )?[A-Z][a-z]", following):
                continue  # a name follows: that name is the reference
            if not everyone_known and match.country is None:
                continue
            if NOT_THE_HOLDER_BEFORE.search(sentence[max(0, match.start - 12) : match.start]):
                continue  # "the First President", "the former Prime Minister": not the office's holder that day
            holders = [
                name
                for name, offices in self.offices.items()
                if any(office == match.office and (match.country in (None, country)) for office, country in offices)
            ]
            if len(holders) == 1:
                start = match.start
                article = _ARTICLE_BEFORE.search(sentence[max(0, start - 4) : start])
                if article:
                    start -= len(article.group())
                refs.append(_Ref(start, match.end, holders[0], title=True))
        return refs

    # -- references ---------------------------------------------------------------------------------------------
    def _name_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        patterns = []
        counts = Counter(t for p in self.participants for t in {t for n in _names_of(p) for t in name_tokens(n)})
        # A word two people's names share is still the one's own when it is that one's family name only
        # ("Mr Rudd" is Kevin Rudd, not Rudd Lubbers).
        lasts = Counter(t for p in self.participants for t in {name_tokens(n)[-1] for n in _names_of(p) if n.split()})
        for participant in self.participants:
            own_last = {name_tokens(n)[-1] for n in _names_of(participant) if n.split()}
            forms = set()
            for written in _names_of(participant):
                forms.add(written)
                for token in written.replace("-", " - ").split():
                    folded = fold(token)
                    unique = counts[folded] == 1 or (folded in own_last and lasts[folded] == 1)
                    if len(token) > 1 and token[0].isupper() and unique and not token.endswith("."):
                        forms.add(token)
                if "-" in written:
                    forms |= {part for part in written.split() if "-" in part}
            for form in sorted(forms, key=len, reverse=True):
                if is_han(form):  # Chinese has no spaces between words: no word boundaries either
                    pattern = re.compile(re.escape(form))
                else:
                    pattern = re.compile(rf"(?<![\w\-]){_inflected(form)}(?![\w\-])(?:['’]s)?")
                patterns.append((pattern, participant.name))
        return patterns

    def _refs(self, sentence: str, last_speaker: str | None) -> list[_Ref]:
        refs: list[_Ref] = []
        for pattern, name in self.name_patterns:
            for match in pattern.finditer(sentence):
                if match.group().endswith(("'s", "’s")):
                    continue  # "Hu's views": a possessive is not a subject
                refs.append(_Ref(match.start(), match.end(), name))
        name_starts = {r.start for r in refs}
        # Offices are looked up where no participant is named (reading every title of a long text costs time).
        office_refs = [] if refs else self._office_refs(sentence, name_starts)
        refs += office_refs
        for match in _TITLE_REF.finditer(sentence):
            if any(r.start <= match.start() < r.end or match.start() <= r.start < match.end() for r in office_refs):
                continue  # the office-holders table has named this one
            if sentence.startswith(("'s", "’s"), match.end()):
                continue  # "the Russian leader's residence": a possessive is not a subject
            following = sentence[match.end() : match.end() + 40]
            if match.end() + 1 not in name_starts and re.match(r"^\s(?:Dr\.? |Mr\.? |H\.E\. )?[A-Z][a-z]", following):
                continue  # the title belongs to someone else named right after it: "State Councilor Yang Jiechi"
            appositive = _APPOSITIVE_NAME.match(following)
            if appositive and match.end() + appositive.end() - 1 not in name_starts:
                continue  # and so it does when that someone follows between commas: "le ministre, Jean Dupont,"
            start, modifiers = match.start(), match.group(1) or ""
            named_before = [r.end for r in refs if match.start(1) < r.end <= match.end(1) and not r.pronoun]
            if named_before:  # "... Алексеем Бородавкиным Глава государства отметил": the name is no modifier
                start = max(named_before)
                modifiers = sentence[start : match.end(1)]
            complement = match.group(3) or ""
            if _COMPLEMENT_START.match(sentence, match.end()):  # "ministre des Affaires étrangères d'Arménie"
                complement += sentence[match.end() : self._past_countries(sentence, match.end())]
            adjective = _WORD_AFTER.match(sentence, match.end())
            if adjective and adjective.group(1).islower() and self.gazetteer.is_country_word(adjective.group(1)):
                complement += " " + adjective.group(1)  # "la ministre allemande": the country after the head
            speaker = self._resolve_title(match, last_speaker, modifiers, complement)
            if speaker:
                refs.append(_Ref(start + len(modifiers) - len(modifiers.lstrip()), match.end(), speaker, title=True))
        for match in _JOINT.finditer(sentence):
            refs.append(_Ref(match.start(), match.end(), None, joint=True))
        for match in _TITLE_PAIR.finditer(sentence):
            refs.append(_Ref(match.start(), match.end(), None, joint=True))
        for match in _PRONOUN.finditer(sentence):
            refs.append(_Ref(match.start(), match.end(), last_speaker, pronoun=True))
        if self.author:
            refs += [_Ref(m.start(), m.end(), self.author) for m in _FIRST_PERSON_SINGULAR.finditer(sentence)]
            refs += [_Ref(m.start(), m.end(), None, joint=True) for m in _FIRST_PERSON_PLURAL.finditer(sentence)]
        # A title right before a participant's name is part of that reference: "President Biden", "Director Wang".
        named = {r.start: r for r in refs if r.speaker and not r.pronoun}
        merged = []
        for ref in refs:
            follower = named.get(ref.end + 1)
            if follower is not None and not ref.joint and not ref.pronoun and follower is not ref:
                merged.append(_Ref(ref.start, follower.end, follower.speaker))
            else:
                merged.append(ref)
        refs = merged
        # An honorific is part of the reference: "Mr Rudd", "M. Xi", "Sr. Kerry", "г-н Лавров".
        for ref in refs:
            if ref.speaker and not ref.pronoun:
                honorific = _HONORIFIC_BEFORE.search(sentence, max(0, ref.start - 8), ref.start)
                if honorific:
                    ref.start = honorific.start()
        # Longest reference wins where they overlap ("President Biden" over "Biden").
        refs.sort(key=lambda r: (r.start, -(r.end - r.start)))
        kept: list[_Ref] = []
        for ref in refs:
            if kept and ref.start < kept[-1].end:
                if ref.end > kept[-1].end and kept[-1].speaker is None and not kept[-1].joint:
                    kept[-1] = ref
                continue
            kept.append(ref)
        return kept

    def _resolve_title(
        self, match: re.Match[str], last_speaker: str | None, modifiers: str, of_part: str
    ) -> str | None:
        """'the Chinese Minister', 'The Head of State', 'the First President of Kazakhstan' -> a participant (the
        modifiers are the words before the title's head, of_part its complement after it)."""
        head = fold(match.group(2)).replace("-", " ")
        if any(
            w.lower() not in TITLE_WORDS
            and not self.gazetteer.is_country_word(w.strip(".,"))
            and w.lower() not in {"the", "le", "la", "foreign", "vice", "first", "deputy", "prc"}
            for w in modifiers.split()
        ):
            return None  # "the Chinese side", "the development president"... not a reference to a person
        country = None
        for found in self.gazetteer.find(modifiers + " " + of_part):
            country = found.country
            break
        candidates = self.participants
        if country:
            candidates = [p for p in candidates if p.country == country]
            if len(candidates) == 1:
                return candidates[0].name
        head = _HEAD_SYNONYMS.get(head, head)
        head_words = head.split()
        wanted = fold(" ".join(w for w in modifiers.split() if w.lower() in {"vice", "first", "deputy", "foreign"}))
        titled = [p for p in candidates if _title_has(fold(p.title), head_words)]
        if wanted:
            narrowed = [p for p in titled if wanted in fold(p.title)]
            titled = narrowed or titled
        elif head == "president":
            # "The President" is not the Vice President when a President is present.
            plain = [p for p in titled if "vice" not in fold(p.title)]
            titled = plain or titled
        if not titled and head in {"leader", "dirigeant", "лидер"}:
            titled = candidates
        if len(titled) == 1:
            return titled[0].name
        for participant in titled:
            if participant.name == last_speaker:
                return participant.name
        return titled[0].name if titled else None

    # -- events -------------------------------------------------------------------------------------------------
    def _verb_after(self, sentence: str, position: int) -> str | None:
        """'statement', 'narrative' or None for the verb that follows a subject ending at position."""
        rest = sentence[position : position + 250]
        rest = re.sub(r"^,\s*(?:Jr|Sr)\.?", "", rest)
        appositive = re.match(r"^,\s+(?:also |the |a |an ){0,2}([\w’'\-]+)[^,;.]{0,150},\s+", rest)
        if appositive and (
            appositive.group(1).lower() in TITLE_WORDS
            or appositive.group(1).lower() in {"member", "who", "director", "head"}
        ):
            rest = rest[appositive.end() :]
        aside = _ASIDE.match(rest)
        if aside:
            rest = rest[aside.end() :]  # "Wang Yi, in turn, commended ...", "Prabowo, 72, said ..."
        words = re.findall(r"[\w’'\-]+|[,;:.!?()\"“”]", rest)[:12]
        for index, word in enumerate(words):
            lower = word.lower().replace("’", "'")
            if not word[0].isalnum():
                return None
            if lower in _STOP_VERB_SEARCH:
                return None
            kind = self._classify_verb(lower, [w.lower() for w in words[index + 1 : index + 7]])
            if kind:
                return kind
            if lower in _ADVERBS or lower.endswith("ly") or word[0].isdigit():
                continue
            if index >= 5:
                return None
        return None

    @staticmethod
    def _classify_verb(word: str, following: list[str]) -> str | None:
        nxt = following[0] if following else ""
        if word in _AUXILIARIES:
            for candidate in following[:3]:
                if candidate in _EVENT_WORDS or candidate in {"visiting", "scheduled", "expected", "due"}:
                    return "narrative"
                if candidate in {"had", "held"} and _meeting_object(following[following.index(candidate) + 1 :]):
                    return "narrative"
                if (
                    candidate in _STANCE_ADJECTIVES
                    or candidate.endswith(("ed", "é", "ée"))
                    or candidate in _PARTICIPLES_IN_EN
                    or candidate in _IRREGULAR_STATEMENT
                    or candidate in {"willing", "ready", "like", "love"}  # "would like to thank"
                ):
                    return "statement"
            if word in {"a", "est", "ont", "sont"}:
                return None  # French auxiliaries double as other words; need a participle
            return "narrative"
        if word in _EVENT_WORDS:
            return "narrative"
        if word in {"held", "holds", "had", "has"} and _meeting_object(following):
            return "narrative"
        if (
            word in {"called", "calls"}
            and nxt == "on"
            and len(following) > 1
            and following[1][:1].isalpha()
            and (following[1] in TITLE_WORDS or following[1] in {"prime", "president", "premier"})
        ):
            return "narrative"
        if (
            word in {"began", "begins", "opened", "opens", "started", "starts", "concluded", "closed", "ended"}
            and nxt == "by"
            and len(following) > 1
            and following[1].endswith("ing")
        ):
            return "statement"  # "The Prime Minister began by congratulating ...": what the subject said first
        if word in {"take", "took", "takes", "taking"} and nxt == "part":
            return "narrative"
        if word in {"spoke", "speaks", "spoken", "talked", "talks"} and (
            nxt in {"to", "with"} or following[:2] in (["by", "telephone"], ["by", "phone"], ["on", "the"])
        ):
            return "narrative"  # a call, not what was said: "spoke to President X at 9am", "spoke by telephone"
        if word in _IRREGULAR_STATEMENT or word in _STATEMENT_FORMS:
            return "statement"
        if len(word) > 4 and word.endswith("ed") and word.isalpha():
            return "statement"
        if word.endswith(("л", "ла", "ли", "лся", "лась", "лись")) and len(word) > 4 and not word.isascii():
            lemma = russian_verb_lemma(word)
            if lemma in _RUSSIAN_MEETING_VERBS:
                return "narrative"
            return None if lemma is None or lemma in _RUSSIAN_NOT_SAYING else "statement"
        if len(word) > 4 and word.isalpha() and word.endswith(_ROMANCE_PAST):
            return "statement"  # Spanish and Portuguese preterites: "señaló", "agradeció", "acordaron", "afirmou"
        return None

    def sentence_events(self, sentence: str, last_speaker: str | None) -> tuple[list[_Event], str | None]:
        sentence = sentence[:SENTENCE_CHARS]
        events, speaker = self._events(sentence, last_speaker, _quoted_spans(sentence))
        if not events and sentence.lstrip()[:1] in "«“":
            # A quotation that opens the sentence and names no speaker quotes a release: read it as told.
            return self._events(sentence, last_speaker, [])
        return events, speaker

    def _events(
        self, sentence: str, last_speaker: str | None, quoted: list[tuple[int, int]]
    ) -> tuple[list[_Event], str | None]:
        events: list[_Event] = []
        refs = [r for r in self._refs(sentence, last_speaker) if not any(a <= r.start < b for a, b in quoted)]
        subject_speaker: str | None = None
        subject_joint = False
        for ref in refs:
            if ref.pronoun and ref.speaker is None:
                continue
            # "A and B discussed": two participants as one subject.
            pair = re.match(r"^,?\s+(?:and|et|и|y|e|und)\s+", sentence[ref.end : ref.end + 9])
            entourage = None if ref.joint else _ENTOURAGE.match(sentence, ref.end)
            if pair and not ref.joint and not entourage:
                partner = self._partner(sentence, refs, ref.end + pair.end())
                if partner and partner.speaker and partner.speaker != ref.speaker:
                    kind = self._verb_after(sentence, partner.end)
                    if kind:
                        events.append(_Event(ref.start, kind, None, joint=True))
                    continue
            if any(0 <= other.start - ref.end <= 2 and not other.pronoun for other in refs if other is not ref):
                continue  # another reference follows at once: it, not this one, is the verb's subject
            written = sentence[ref.start : ref.end].split()
            if not ref.title and not ref.joint and written and russian_oblique_name(written[-1]):
                continue  # "переговоры ... с коллегой Джо Байденом носили ...": an object, not the subject
            end = entourage.end() if entourage else ref.end  # "Rubio and his team reiterated": Rubio speaks
            if ref.title and _COMPLEMENT_START.match(sentence, end):
                end = self._past_countries(sentence, end)  # "le ministre des Affaires étrangères d'Arménie a dit"
            if ref.joint:
                # "Президенты России и Украины ... договорились": the sides' countries before the verb
                complement = _JOINT_COMPLEMENT.match(sentence, end)
                end = complement.end() if complement else self._past_countries(sentence, end)
            kind = self._verb_after(sentence, end)
            if kind is None:
                continue
            events.append(_Event(ref.start, kind, ref.speaker, joint=ref.joint))
            if subject_speaker is None and not subject_joint and ref.start < 200:
                subject_speaker, subject_joint = ref.speaker, ref.joint
        for match in _ACCORDING.finditer(sentence):
            ref = next((r for r in refs if r.start == match.end() and r.speaker and not r.pronoun), None)
            if ref:
                events.append(_Event(match.start(), "statement", ref.speaker))
        for match in _QUOTED_AS.finditer(sentence):
            ref = next((r for r in refs if r.start == match.end() and r.speaker and not r.pronoun), None)
            if ref and _AS_SAYING.match(sentence, ref.end):
                events.append(_Event(match.start(), "statement", ref.speaker))
        for match in _INVERTED.finditer(sentence):
            # "said X", or "said the Secretary of State, X,": the name after a title in apposition
            ref = next(
                (
                    r
                    for r in refs
                    if r.start == match.end() or _TITLE_BEFORE_NAME.fullmatch(sentence, match.end(), r.start)
                ),
                None,
            )
            if ref and (ref.speaker or ref.joint):
                events.append(_Event(match.start(), "statement", ref.speaker, joint=ref.joint))
        for match in _CLAUSE_START.finditer(sentence):
            clause = sentence[match.end() : match.end() + 200]
            if clause[:1] in "\"“‘'«" or any(a <= match.end() < b for a, b in quoted):
                continue  # words inside a quotation say nothing about who is speaking
            if match.end() > 0 and _PARTICIPLES.match(clause) and (subject_speaker or subject_joint):
                events.append(_Event(match.end(), "statement", subject_speaker, joint=subject_joint))
            elif not any(r.start == match.end() for r in refs):
                blocking = self._outside_subject(clause)
                if blocking:
                    events.append(_Event(match.end(), blocking, None))
        # A subjectless passive reports what the sides said: "Подчеркнута важность ...", "были обсуждены ..."
        if not events and not refs and self._joint_passive(sentence):
            events.append(_Event(0, "statement", None, joint=True, passive=True))
        events.sort(key=lambda e: e.position)
        # "Mr Rudd said Mr Lubbers advised that ...": the words reported are the second speaker's.
        for first, second in zip(events, events[1:], strict=False):
            if (
                first.kind == second.kind == "statement"
                and first.speaker
                and second.speaker not in (None, first.speaker)
                and not second.joint
                and _REPORTS_ANOTHER.fullmatch(sentence, first.position, second.position)
            ):
                events.remove(first)
                break
        speaker = last_speaker
        for event in events:
            if event.speaker and not event.joint:
                speaker = event.speaker
        return events, speaker

    def _past_countries(self, sentence: str, position: int) -> int:
        """The end of the countries that follow a joint subject: "Los jefes de la diplomacia china y estadunidense",
        "Les ministres des Affaires étrangères d'Arménie et de France"."""
        end = position
        limit = min(len(sentence), position + 120)
        while (match := _WORD_AFTER.match(sentence, end, limit)) is not None:
            word = match.group(1).strip("'’")
            if word.lower() in _LINKING_WORDS or word.lower() in TITLE_WORDS or self.gazetteer.is_country_word(word):
                end = match.end()
            else:
                break
        return end

    def _joint_passive(self, sentence: str) -> bool:
        """A subjectless passive of discussing or stating reports what the sides said together: "Regional issues
        were also discussed", "Подчеркнута важность ...", "la volonté ... a été soulignée", "se acordó ..."."""
        if self.language == "ru":
            if _RUSSIAN_DISCUSSED.search(sentence):
                return True
            return any(russian_short_passive(w) for w in re.findall(r"[А-Яа-яЁё]+", sentence)[:4])
        pattern = _JOINT_PASSIVE.get(self.language or "en")
        return bool(pattern and pattern.search(sentence))

    @staticmethod
    def _partner(sentence: str, refs: list[_Ref], position: int) -> _Ref | None:
        """The second of "A and B": a reference after only title words ("and Director Wang")."""
        for ref in refs:
            if position <= ref.start <= position + 60:
                gap = sentence[position : ref.start].split()
                if all(w.lower() in TITLE_WORDS or w[:1].isupper() or w.lower() in {"the", "his", "her"} for w in gap):
                    return ref
                return None
        return None

    def _outside_subject(self, clause: str) -> str | None:
        """A clause whose subject is not a participant: a quoted outsider blocks, a named outsider is narrative."""
        words = clause.split()[:6]
        for index, word in enumerate(words[1:], start=1):
            if word.lower().strip(",.") in _REPORTING:
                subject = [w.strip(",.’'") for w in words[:index] if w.lower() not in {"has", "have", "had"}]
                if any(pattern.search(" ".join(subject)) for pattern, _ in self.name_patterns):
                    break  # "During the meeting Aidos Serikov noted ...": a participant's words
                if word.lower() == "quoted" and _AS_SAYING.search(clause[:200]):
                    break  # "the agency quoted Serikov as saying": the participant's words
                content = [
                    w
                    for w in subject
                    if w.lower() not in {"the", "a", "an", "side", "government"}
                    and not self.gazetteer.is_country_word(w)
                ]
                pronoun = any(
                    w.lower() in {"he", "she", "they", "il", "elle", "ils", "we", "i", "it", "this"} for w in subject
                )
                if content and not pronoun and not any(w in _STOP_VERB_SEARCH for w in subject):
                    return "blocking"
                break
        mentions = find_person_mentions(clause[:200])
        if not mentions or not _ARTICLE_ONLY.fullmatch(clause[: mentions[0].title_start]):
            return None  # the clause does not open on the person ("la presidenta Dilma Rousseff decidió")
        if any(same_person(p.name, mentions[0].name) for p in self.participants):
            return None
        last = mentions[0]
        for mention in mentions[1:]:
            between = clause[last.end : mention.title_start]
            if re.fullmatch(r"\s*(?:,|and|et|и)\s*(?:the\s+)?", between):
                last = mention
            else:
                break
        return "narrative" if self._verb_after(clause, last.end) is not None else None

    # -- Chinese ------------------------------------------------------------------------------------------------
    def han_sentence_label(self, sentence: str, last_speaker: str | None) -> tuple[str | None, str | None]:
        """Label of a Chinese sentence (as ``_sentence_label``) and the speaker it leaves: the first participant,
        pronoun or "双方" followed in its clause by a verb of speaking ("王毅表示", "他说") speaks; one followed
        by a verb of meeting is narrative, unless the clause goes on "...时说" ("X会见Y时说": X speaks)."""
        sentence = sentence[:SENTENCE_CHARS]
        quoted = _quoted_spans(sentence)
        refs: list[_Ref] = []
        for pattern, name in self.name_patterns:
            refs += [_Ref(m.start(), m.end(), name) for m in pattern.finditer(sentence)]
        refs += [_Ref(m.start(), m.end(), None, joint=True) for m in _HAN_JOINT.finditer(sentence)]
        refs += [_Ref(m.start(), m.end(), last_speaker, pronoun=True) for m in _HAN_PRONOUN.finditer(sentence)]
        refs = sorted(
            (r for r in refs if not any(a <= r.start < b for a, b in quoted)), key=lambda r: (r.start, -r.end)
        )
        narrative = False
        for ref in refs:
            if ref.pronoun and ref.speaker is None:
                continue
            before = _HAN_CLAUSE_END.split(sentence[max(0, ref.start - 30) : ref.start])[-1]
            if _HAN_MEETING.search(before) or before.endswith(("同", "与", "與", "和")):
                continue  # the one met, not the one who speaks: "会见法基", "同法基通电话"
            clause = _HAN_CLAUSE_END.split(sentence[ref.end : ref.end + 60])[0]
            speaking, meeting = _HAN_SPEAKING.search(clause), _HAN_MEETING.search(clause)
            if meeting and (not speaking or meeting.start() < speaking.start()):
                if _HAN_WHEN_SAYING.search(sentence[ref.end : ref.end + 120]) and not ref.joint:
                    return ref.speaker, ref.speaker
                narrative = True
                continue
            if speaking and speaking.start() <= _HAN_VERB_REACH:
                if ref.joint:
                    return "\0joint", last_speaker
                return ref.speaker, ref.speaker
        return ("" if narrative else None), last_speaker

    def _transcript_speaker(self, text: str) -> str | None:
        """The participant a transcript's turn opens on, named last before its colon: "President of Russia Vladimir
        Putin: ...", "Macky Sall (retranslated): ..."."""
        label = _TRANSCRIPT_LABEL.match(text)
        if not label:
            return None
        named = label.group(1).rstrip()
        for pattern, name in self.name_patterns:
            if any(m.end() == len(named) for m in pattern.finditer(named)):
                return name
        return None

    # -- paragraphs ---------------------------------------------------------------------------------------------
    def _opens_with_other_country(self, text: str, previous: tuple[Kind, str | None]) -> bool:
        """A paragraph whose subject is a country other than the previous speaker's tells of that country, not
        what the speaker went on to say ("North Korea has deployed ..." after the Chinese side spoke); "China
        hopes ..." still continues a Chinese speaker."""
        if previous[0] is not Kind.STATEMENT:
            return False
        country = next((p.country for p in self.participants if p.name == previous[1]), None)
        opening = re.sub(r"^(?:the|la|el|le|les|los|las|o|a)\s+", "", text[:80].lstrip(), flags=re.IGNORECASE)
        found = self.gazetteer.find(opening)
        return bool(country and found and found[0].start == 0 and found[0].country != country)

    def attribute(
        self, paragraphs: list[str], skip_prefix: dict[int, int] | None = None
    ) -> list[tuple[Kind, str | None]]:
        results: list[tuple[Kind, str | None]] = []
        last_speaker: str | None = None
        previous: tuple[Kind, str | None] = (Kind.NARRATIVE, None)
        for index, paragraph in enumerate(paragraphs):
            text = paragraph[(skip_prefix or {}).get(index, 0) :]
            labels: list[str | None] = []  # speaker name, "\0joint", or None for narrative/blocking
            explicit_narrative = False
            speaker = self._transcript_speaker(text)
            if speaker:  # "President of Russia Vladimir Putin: Mr President, ...": a transcript's turn
                results.append((Kind.STATEMENT, speaker))
                previous, last_speaker = results[-1], speaker
                continue
            han = is_han(text[:200])
            sentences = _han_sentences(text) if han else split_sentences(text[: SENTENCE_CHARS * 4])
            for sentence in sentences[:PARAGRAPH_SENTENCES]:
                if han:
                    label, last_speaker = self.han_sentence_label(sentence, last_speaker)
                elif _ARABIC.search(sentence[:40]):
                    label = _arabic_label(sentence)
                else:
                    events, last_speaker = self.sentence_events(sentence, last_speaker)
                    label = _sentence_label(events)
                if label == "":
                    explicit_narrative = True
                elif label is not None:
                    labels.append(label)
            if labels:
                counts = Counter(labels)
                best = max(counts.values())
                winner = next(label for label in labels if counts[label] == best)
                result = (Kind.JOINT, None) if winner in ("\0joint", _PASSIVE) else (Kind.STATEMENT, winner)
                if result[0] is Kind.STATEMENT:
                    last_speaker = winner if counts[winner] >= 1 else last_speaker
            elif (
                explicit_narrative
                or index == 0
                or self._opens_with_other_country(text, previous)
                or (previous[0] is Kind.STATEMENT and not _carries_words(text))
            ):
                result = (
                    Kind.NARRATIVE,
                    None,
                )  # plainly narrative, another country's news, or background that neither quotes nor reports
            else:
                result = previous  # continues the previous speaker (quotes, "China hopes ...")
            results.append(result)
            previous = result
            if result[0] is Kind.STATEMENT:
                last_speaker = result[1]
        return results


# Two titles joined as one subject: "le Premier ministre arménien et le président égyptien", "the President and
# his counterpart".
_TITLE_WORD_PATTERN = rf"(?:{_TITLE_HEADS}|homologue|counterpart|homólogo|homóloga|коллега)"
_TITLE_PAIR = re.compile(
    rf"(?<![\w])(?:[Tt]he|[Ll]e|[Ll]a|[Ee]l|[Ll]')\s*(?:[\w\-]+\s+){{0,2}}?{_TITLE_WORD_PATTERN}(?:\s+[\w\-]+){{0,2}}?"
    rf"\s+(?:and|et|y|e)\s+(?:the|le|la|el|l'|his|her|son|sa|su)\s*(?:[\w\-]+\s+){{0,2}}?{_TITLE_WORD_PATTERN}"
    r"(?:\s+[a-zà-ÿ\-]+(?=\s+(?:ont|have|han|had|avaient)\b))?(?![\w])",
    re.IGNORECASE,
)
# Arabic, read for the sides only (its names are rarely among a readout's participants' spellings): "the two sides"
# anywhere in a sentence (the verb comes first: "أثنى الجانبان"), a passive of reviewing or discussing ("تم استعراض"),
# or the talks as subject of what they covered ("المباحثات ... تناولت").
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_ARABIC_JOINT = re.compile(
    r"الجانبان|الجانبين|الطرفان|الطرفين|الزعيمان|الزعيمين|الرئيسان|الرئيسين|البلدان|البلدين(?= على)"
    r"|(?<![\w])تم (?:استعراض|بحث|مناقشة|التأكيد|الاتفاق|تناول|التطرق)"
    r"|(?:المباحثات|المحادثات|المشاورات|المناقشات)[^.،]{0,80}(?:تناولت|تطرقت|ركزت|بحثت|شملت)"
)


def _arabic_label(sentence: str) -> str | None:
    return "\0joint" if _ARABIC_JOINT.search(sentence) else None


# A release's own voice: "I" (followed by a verb, not "World War I") and "we" (its author and the other side).
_FIRST_PERSON_SINGULAR = re.compile(r"(?<![\w'’])I(?= [a-z])")
_FIRST_PERSON_PLURAL = re.compile(r"(?<![\w'’])[Ww]e(?= [a-z])")
# A short aside between a subject and its verb.
_ASIDE = re.compile(
    r"^,\s+(?:in (?:his|her|their) turn|in turn|for (?:his|her|their) part|on (?:his|her|their) part|however"
    r"|meanwhile|too|though|\d{1,3}|now [^,;.]{1,40}|pour sa part|de son côté|à son tour|por su parte|a su vez"
    r"|в свою очередь|со своей стороны|por sua vez),\s+"
)
_QUOTE_MARKS = re.compile('["“”«»「」]')


def _carries_words(text: str) -> bool:
    """Whether a paragraph that names nobody can still carry the previous speaker's words: it quotes, or it has a
    verb of saying ("China hopes ...", "The host pledged ..."). Background without either is narrative."""
    if _QUOTE_MARKS.search(text):
        return True
    words = re.findall(r"[\w’'\-]+", text[:SENTENCE_CHARS].lower())
    return any(w in _STATEMENT_FORMS or w in _IRREGULAR_STATEMENT or w in _REPORTING for w in words)


_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+")
_AS_SAYING = re.compile(r"\s+as (?:saying|telling|stating|noting|stressing|calling)\b")
_PASSIVE = "\0passive"  # the label of a sentence whose only attribution is a joint passive
_STATEMENT_FORMS: set[str] = set()
for _base in _STATEMENT_BASES:
    _stem = _base[:-1] if _base.endswith("e") else _base
    _STATEMENT_FORMS |= {_base + "s", _base + "es", _stem + "ed", _base + "d", _base.rstrip("y") + "ied"}
    if _base.endswith("y"):
        _STATEMENT_FORMS.add(_base[:-1] + "ies")
_STATEMENT_FORMS |= {
    "pointed",
    "looked",
    "went",
    "opined",
    "a indiqué",
    "indiqué",
    "déclaré",
    "souligné",
    "salué",
    "transmis",
    "affirmé",
    "estimé",
    "exprimé",
    "noté",
    "ajouté",
    "appelé",
    "remercié",
    "félicité",
    "assuré",
    "rappelé",
    "proposé",
    "invité",
    "évoqué",
    "discuté",
    "échangé",
    "convenu",
    "réaffirmé",
    "dit",
    "plaidé",
    "insisté",
    "examiné",
    "dio",
    "dieron",
    "pidió",
    "propuso",
    "ofreció",
    "prometió",
    "advirtió",
    "insistió",
    "coincidieron",
    "convinieron",
    "discutieron",
    "abordaron",
    "analizaron",
    "comprometieron",
    "acordaron",
    "plantearon",
    "disse",
    "falaram",
    "querem",
    "quer",
    "concordaram",
    "discutiram",
}


# Russian past tenses are read by their infinitive (pymorphy3): verbs of meeting make narrative, verbs of being or
# holding a post say nothing about who speaks; any other past tense after a participant is taken as a statement.
_RUSSIAN_MEETING_VERBS = {
    "встретиться", "встречаться", "провести", "проводить", "прибыть", "прибывать", "посетить", "посещать",
    "принять", "принимать", "покинуть", "созвониться", "созваниваться", "разговаривать", "переговорить",
    "беседовать", "побеседовать", "вылететь", "прилететь", "приехать", "участвовать",
}  # fmt: skip
_RUSSIAN_NOT_SAYING = {
    "быть", "являться", "занимать", "занять", "работать", "стать", "становиться", "служить", "возглавлять",
    "возглавить", "родиться", "жить", "оставаться", "остаться", "находиться", "избрать", "назначить",
}  # fmt: skip
_ROMANCE_PAST = ("ó", "aron", "ieron", "ou", "aram", "eram")

# Titles used as descriptions of an office: "the Head of State" is the President (or King, Emir ...).
_HEAD_SYNONYMS = {
    "head of state": "president",
    "chef de l'etat": "president",
    "глава государства": "президент",
    "head of government": "prime minister",
    "fm": "foreign minister",
    "pm": "prime minister",
}


_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|H\.E|M|Mme|Sr|Sra|Mr\.|г-н|г-жа)\.?\s+$")
_JOINT_COMPLEMENT = re.compile(
    r"\s+(?:(?:of|de|du|des|del|da|do|d')\s*)?[А-ЯЁA-Z][\w\-]+(?:,\s+[А-ЯЁA-Z][\w\-]+)*\s+(?:и|and|y|et|e)\s+[А-ЯЁA-Z][\w\-]+"
)
# Passives of the verbs of discussing and stating, by language (Russian's short passives are read by pymorphy3).
_JOINT_PASSIVE = {
    "en": re.compile(
        r"\b(?:was|were|has been|have been|had been)\s+(?:also\s+|further\s+|thoroughly\s+|jointly\s+)?"
        r"(?:discussed|exchanged|noted|stressed|emphasi[sz]ed|underlined|underscored|highlighted|reaffirmed|agreed"
        r"|reviewed|addressed|expressed|raised|touched upon|considered|examined|attached|paid|confirmed)\b"
    ),
    "fr": re.compile(
        r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?été\s+(?:\w+\s+)?(?:discut|évoqu|abord|soulign|not|échang|examin"
        r"|réaffirm|exprim|convenu|salu|passé|fait)\w*"
    ),
    "es": re.compile(
        r"\b(?:fue|fueron|ha sido|han sido)\s+(?:\w+\s+)?(?:discutid|abordad|analizad|acordad|destacad|subrayad"
        r"|revisad|examinad|tratad)\w*|\bse\s+(?:acordó|discutió|discutieron|abordó|abordaron|analizó|analizaron"
        r"|trató|trataron|destacó|subrayó|examinaron|revisaron)\b"
    ),
    "pt": re.compile(r"\b(?:foi|foram)\s+(?:\w+\s+)?(?:discutid|abordad|analisad|acordad|tratad|destacad)\w*"),
}
_WORD_AFTER = re.compile(r"\s*(?:[dl]['’])?([\w\-]+['’]?)")
_REPORTS_ANOTHER = re.compile(r"[^,;:\"“”]{1,60}?\s(?:said|says|told \w+|noted|stated|added|reported)(?:\s+that)?\s+")
_TRANSCRIPT_LABEL = re.compile(r"([^:.!?;\"“”«»\n]{2,120}?)\s*(?:\([^)]{1,30}\))?:\s")
_ENTOURAGE = re.compile(
    r"\s+(?:and|et|y|и)\s+(?:his|her|son|sa|ses|su|sus|его|её)\s+(?:team|delegation|colleagues|aides|officials|équipe"
    r"|délégation|equipo|delegación|команда|делегация)\b"
)
_TITLE_BEFORE_NAME = re.compile(r"(?:the|el|la|le|o|a)\s+[^,;.\"“”«»]{2,70},\s+", re.IGNORECASE)
_ARTICLE_ONLY = re.compile(r"(?:(?:el|la|le|o|a)\s+)?", re.IGNORECASE)  # "the Howard Government" is no person
_APPOSITIVE_NAME = re.compile(r"^(?:\s[a-zà-ÿ]+)?,\s(?:Dr\.? |Mr\.? |H\.E\. )?[A-Z][a-z]+ [A-Z][a-z]")
_COMPLEMENT_START = re.compile(r"\s+(?:of|de|des|du|del|d['’])(?![\w'’])")
_LINKING_WORDS = {
    "de", "la", "des", "du", "del", "of", "the", "y", "et", "and", "e", "и", "affaires", "étrangères", "diplomatie",
    "diplomacia", "exteriores", "relaciones", "foreign", "affairs", "иностранных", "дел", "république", "republic",
    "república", "республики", "fédération", "federation", "federación", "федерации", "l'europe", "europe",
    "asuntos", "relations", "extérieures", "externes", "exterior", "exteriors",
}  # fmt: skip
# Russian reflexive passives and "the subject of discussion was": what the sides discussed.
_RUSSIAN_DISCUSSED = re.compile(
    r"(?i:\b(?:обсуждал(?:ись|ся|ась)|рассматривал(?:ись|ся|ась)|затрагивал(?:ись|ся|ась)"
    r"|предметом (?:обсуждения|переговоров|беседы) (?:стал|стали|стала|была|были|был))\b)"
)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|le|Le|la|La|el|El|o|O)\s+$")
_HAN_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?」”]*")
_HAN_JOINT = re.compile(
    r"双方|雙方|两国领导人|兩國領導人|两国元首|兩國元首|两人|兩人|二人|两位|兩位|两国外长|兩國外長|两国(?=同意|一致)"
    r"|兩國(?=同意|一致)"
)
_HAN_PRONOUN = re.compile(r"(?<!其)[他她](?![们們人])")
_HAN_CLAUSE_END = re.compile(r"[，。；：！？,;:「“]")
_HAN_SPEAKING = re.compile(
    r"表示|说|說|指出|强调|強調|称|稱|认为|認為|希望|介绍|介紹|欢迎|歡迎|感谢|感謝|祝贺|祝賀|提出|愿|願|同意"
    r"|赞赏|讚賞|重申|回顾|回顧|主张|主張|期待|高度评价|高度評價|谈到|談到|表达|表達|呼吁|呼籲|建议|建議|承诺"
    r"|承諾|相信|支持|反对|反對|赞扬|讚揚|感谢|致力|同意|一致认为|一致認為|商定|确认|確認|肯定|注意到|坚持|堅持"
)
_HAN_MEETING = re.compile(r"会见|會見|会晤|會晤|通电话|通電話|举行|舉行|抵达|抵達|出席|访问|訪問|接见|接見|会谈|會談")
_HAN_WHEN_SAYING = re.compile(r"[时時](?:说|說|表示|指出|强调|強調)")
_HAN_VERB_REACH = 12  # characters between a name and its verb: time and place ("周一在北京") fit, a clause does not


def _han_sentences(text: str) -> list[str]:
    """Chinese sentences end with 。！？ (a closing quotation mark stays with its sentence)."""
    return [m.group() for m in _HAN_SENTENCE.finditer(text[: SENTENCE_CHARS * 4]) if m.group().strip()]


def _names_of(participant: ParsedParticipant) -> list[str]:
    return [participant.name, *participant.aliases]


_RUSSIAN_STEM = re.compile(r"^(.{3,}?)[аяйьео]$")


def _inflected(form: str) -> str:
    """A pattern for a name as written, and for a Cyrillic one in any case: "Лавров", "Лаврова", "Лавровым";
    "Макей", "Макея", "Макеем"."""
    if not is_cyrillic(form):
        return re.escape(form)
    words = []
    for word in form.split():
        stem = _RUSSIAN_STEM.match(word)
        words.append(re.escape(stem.group(1) if stem else word) + r"[а-яё]{0,3}")
    return r"\s+".join(words)


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; a sentence that closes a quote opened earlier is quoted up to the close."""
    spans = []
    opened = None
    for index, ch in enumerate(sentence):
        if ch in "“«「『":
            opened = index
        elif ch in "”»」』":
            spans.append((0 if opened is None else opened, index))
            opened = None
        elif ch == '"':
            if opened is None:
                opened = index
            else:
                spans.append((opened, index))
                opened = None
    if opened is not None and sentence[opened] in "“«「『":
        spans.append((opened, len(sentence)))
    return spans


def _title_has(title: str, head_words: list[str]) -> bool:
    words = title.replace("-", " ").split()
    if "head" in words and "state" in words and head_words == ["president"]:
        return True
    return all(w in words for w in head_words)


def _meeting_object(following: list[str]) -> bool:
    """'held talks', 'had several meetings', 'held a summit': the meeting itself, not what was said."""
    window = following[:6]  # "held an extensive and productive meeting"
    meeting = {"talks", "meeting", "meetings", "summit", "talk", "visit", "call", "conversation", "videoconference"}
    return any(w in meeting for w in window)


def _sentence_label(events: list[_Event]) -> str | None:
    """Speaker name, "\\0joint", "" for explicit narrative, or None when the sentence says nothing about speakers."""
    narrative = False
    for event in events:
        if event.kind == "blocking":
            return ""  # someone else is quoted; what follows is their report
        if event.kind == "statement":
            if event.passive:
                return _PASSIVE
            if event.joint:
                return "\0joint"
            if event.speaker:
                return event.speaker
        elif event.kind == "narrative":
            narrative = True
    return "" if narrative else None


def attribute_paragraphs(
    paragraphs: list[str],
    participants: list[ParsedParticipant],
    skip_prefix: dict[int, int] | None = None,
    *,
    language: str = "",
    day: date | None = None,
    author: str | None = None,
) -> list[tuple[Kind, str | None]]:
    return Attributor(participants, language=language, day=day, author=author).attribute(paragraphs, skip_prefix)
