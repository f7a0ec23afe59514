"""Person mentions: a title ("Chinese State Councilor and Foreign Minister") followed by a name ("Wang Yi"),
or a name followed by an appositive title ("Zhao Leji, the chairman of ..."). Word-list driven and linear.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .dates import MONTHS, WEEKDAYS
from .gazetteer import load_gazetteer
from .offices import find_person, find_persons_by_family_name
from .romanise import is_cyrillic, russian_name_nominative, russian_name_word, russian_person_noun

# Words that make up office titles (lower case). Some also occur in organisation names, which is fine: a title
# may name its organisation ("Director of the Office of the Foreign Affairs Commission").
TITLE_WORDS = {
    "president", "vice-president", "vice", "premier", "vice-premier", "prime", "minister", "ministers", "councilor",
    "councillor", "secretary", "secretary-general", "under-secretary", "deputy", "chairman", "chairwoman",
    "chairperson", "chair", "ambassador", "director", "head", "advisor", "adviser", "leader", "counterpart",
    "king", "queen", "emir", "prince", "sheikh", "chancellor", "speaker", "senator", "governor", "mayor", "envoy",
    "representative", "commissioner", "chief", "pm", "fm", "elbasy", "excellency", "foreign", "state", "national",
    "security", "affairs", "external", "first", "special", "member", "officer", "general", "spokesperson",
    "spokesman", "spokeswoman", "sultan", "crown", "defense", "defence", "interior", "finance", "trade",
    "marshal", "field", "admiral", "colonel", "lieutenant", "brigadier", "commander", "federal", "attorney",
    "high", "senior", "counsel",  # "High Commissioner", "Senior Minister of State", "Legal Counsel"
    # French
    "président", "présidente", "ministre", "chef", "ambassadeur", "ambassadrice", "secrétaire", "général",
    "conseiller", "homologue", "dirigeant", "vice-président", "d'état", "étrangères", "affaires",
    "extérieures", "chinois", "chinoise", "affaire",
    # Russian
    "президент", "премьер-министр", "министр", "председатель", "посол", "глава", "генеральный", "секретарь",
    "лидер", "канцлер", "президента", "министра", "председателя", "посла", "главы", "президентом", "министром",
    "председателем", "послом", "канцлером", "канцлера", "главой", "коллегой", "коллега", "премьер-министром",
    "премьер-министра", "генсек", "генсеком", "заместитель", "заместителем", "заместителя", "замминистра",
    "госсекретарь", "госсекретарем", "госсекретарём", "госсекретаря", "спикер", "лидером", "лидера", "королём",
    "король", "эмир", "принц", "президенту", "министру", "послу", "главе", "помощник", "помощника",
    "помощником", "советник", "советника", "советником",
    # the rest of a minister's title, between "министр(ом)" and the country: "министром иностранных дел Венгрии"
    "иностранных", "дел", "внешнеполитического", "ведомства", "обороны", "финансов", "экономики",
    # Spanish and Portuguese
    "presidente", "presidenta", "ministro", "ministra", "canciller", "secretario", "secretaria", "jefe", "jefa",
    "consejero", "consejera", "embajador", "embajadora", "vicepresidente", "vicepresidenta", "mandatario",
    "mandataria", "primer", "primeira", "primeiro", "titular", "homólogo", "homóloga", "directora",
    "rey", "reina", "príncipe", "gobernador", "portavoz", "chanceler", "embaixador", "diretor",
    "subsecretario", "subsecretaria", "vicecanciller", "viceministro", "viceministra", "sous-secrétaire",
    "vice-ministre",
    "exteriores", "relaciones", "estado", "asuntos", "negocios", "estrangeiros", "relações", "cancilleres",
    "colega", "colegas", "presidentes", "jefes", "ministros", "líder", "líderes", "collègue", "homologues",
    "dirigeants", "présidents", "ministres",
}  # fmt: skip
# Title words that, on their own, can stand right before a name ("President Biden", "Director Wang").
TITLE_HEADS = TITLE_WORDS - {
    "high",
    "senior",
    "counsel",
    "foreign",
    "state",
    "national",
    "security",
    "affairs",
    "external",
    "first",
    "special",
    "general",
    "crown",
    "federal",
    "defense",
    "defence",
    "interior",
    "finance",
    "trade",
    "étrangères",
    "d'état",
    "генеральный",
    "иностранных",
    "дел",
    "внешнеполитического",
    "ведомства",
    "обороны",
    "финансов",
    "экономики",
    "exteriores",
    "relaciones",
    "estado",
    "asuntos",
    "negocios",
    "estrangeiros",
    "relações",
    "primer",
    "primeiro",
    "primeira",
}
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "h.e",
    "excellency",
    "m",
    "mm",
    "mme",
    "sir",
    "dame",
    "his",
    "her",
    "г-н",
    "г-жа",
    "monsieur",
    "madame",
    "sr",
    "sra",
    "don",
    "doña",
    "господин",
    "госпожа",
    "honorable",  # "the Honorable Antony Blinken", as some ministries style a foreign minister
    "honourable",
    "hon",
    # Ranks written before a name ("Gen. (ret.) L.B. Moerdani", "Professor Dr Adrianus Mooy")
    "gen",
    "prof",
    "professor",
    "col",
    "lt",
    "maj",
    "capt",
    "adm",
    "brig",
}
# Capitalised words that are never part of a person's name.
ORG_WORDS = {
    "house", "hall", "palace", "office", "street", "square", "building", "council", "committee", "commission",
    "ministry", "forum", "summit", "party", "congress", "assembly", "parliament", "government", "republic", "union",
    "nations", "organization", "organisation", "agency", "service", "department", "bureau", "center", "centre",
    "residence", "people", "kremlin", "embassy", "initiative", "belt", "road", "corridor", "charter", "agreement",
    "declaration", "conference", "strait", "sea", "news", "website", "press", "times", "daily", "post", "online",
    "court", "bank", "fund", "group", "association", "alliance", "treaty", "university", "institute",
    "administration", "cabinet", "senate", "federation", "kingdom", "states", "communist", "central", "standing",
    "political", "joint", "economic", "development", "cooperation", "army", "navy", "force", "forces",
    "military", "police", "province", "region", "city", "district", "island", "islands", "great", "world", "global",
    "international", "asia", "africa", "europe", "america", "pacific", "indo-pacific", "middle", "east", "west",
    "north", "south", "cold", "war", "day", "year", "anniversary", "program", "programme", "plan", "project",
    "ccp", "cpc", "web", "editor", "photo", "source", "video", "readout", "readouts", "meeting", "talks",
    "welcome", "official", "update", "updated", "http", "https", "www", "policy", "affairs", "majesty", "highness",
    "royal",
    "chiefs", "refugees", "governments", "staff", "home", "law", "commerce", "justice", "health", "education",
    "industry", "energy", "culture", "agriculture", "labour", "labor", "transport", "environment", "tourism",
    # Verbs of title-case headlines ("Modi, Biden Discuss Key Issues")
    "discuss", "discusses", "meet", "meets", "hold", "holds", "agree", "agrees", "vow", "vows", "sign", "signs",
    "say", "says", "urge", "urges", "pledge", "pledges", "hail", "hails", "seek", "seeks", "mull", "mulls",
    "gobierno", "ministerio", "cancillería", "casa", "blanca", "palacio", "consejo", "comisión", "unión",
    "naciones", "unidas", "partido", "congreso", "nacional", "república", "estados", "unidos", "governo",
    "ministério", "palácio", "união", "conselho", "république", "gouvernement", "ministère", "conseil",
    "assemblée", "parlement", "palais", "élysée", "unies", "européenne", "européen",
    # a ministry's domain after its title: "secretario de Cultura", "ministre de la Défense"
    "cultura", "economía", "hacienda", "defensa", "educación", "salud", "justicia", "comercio", "energía",
    "turismo", "trabajo", "agricultura", "économie", "défense", "santé", "intérieur", "armées", "finanzas",
    "saúde", "defesa", "fazenda", "educação",
    # institutions inside a title: "ministre ... de la Communauté nationale", "de la Federación de Rusia"
    "communauté", "coopération", "fédération", "federación", "comunidad", "cooperación", "federação",
}  # fmt: skip
# A ministry's portfolio, which a title names right before the holder's name ("Minister for Immigration and Ethnic
# Affairs, Mr Ian Macphee", "Minister of Health and Medical Services Dr ..."): never a person's name.
PORTFOLIO_WORDS = {
    "immigration", "multicultural", "indigenous", "ethnic", "citizenship", "opposition", "human", "rights",
    "legal", "constitutional", "services", "reforms", "prisons", "courts", "medical", "community", "communities",
    "social", "welfare", "housing", "planning", "resources", "mines", "mining", "petroleum", "fisheries",
    "forestry", "veterans", "employment", "science", "technology", "innovation", "communications",
    "telecommunications", "information", "broadcasting", "sport", "sports", "youth", "women", "family",
    "infrastructure", "railways", "aviation", "shipping", "treasury", "revenue", "customs", "taxation",
    "investment", "population", "territories", "works", "public", "common", "presidency",
}  # fmt: skip
ORG_WORDS |= PORTFOLIO_WORDS
STOP_WORDS = {
    "the", "a", "an", "in", "on", "at", "during", "for", "with", "and", "but", "as", "after", "before", "while",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "both", "meanwhile", "besides", "however", "also", "today", "tomorrow", "yesterday", "upon",
    "following", "according", "noting", "when", "where", "there", "here", "if", "so", "to", "from", "by", "of",
    "le", "la", "les", "un", "une", "des", "du", "de", "il", "elle", "ils", "lors", "en", "au", "aux", "selon",
    "и", "в", "на", "с", "по", "он", "она", "они", "во", "время", "также",
    "el", "los", "las", "del", "y", "con", "por", "para", "según", "tras", "durante", "ante", "sobre", "este",
    "esta", "ambos", "ambas", "también", "hoy", "ayer", "o", "os", "do", "da", "dos", "das", "no", "na",
    "em", "com", "pelo", "pela", "segundo", "nos", "ele", "ela",
    # adverbs that open a sentence before its subject: "Después Serikov se reunió ..."
    "después", "luego", "además", "ensuite", "puis", "depois", "затем", "потом", "se",
}  # fmt: skip
_NAME_PARTICLES = {
    "bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "di", "du", "dos", "das", "la", "le", "y", "del",
}  # fmt: skip
_CALENDAR = set(MONTHS) | set(WEEKDAYS)
# "в" joins a Russian title to its posting: "посол Китая в Казахстане".
_CONNECTORS = {
    "of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "l'", "d'", "del", "y", "e", "do", "da", "в",
}  # fmt: skip
_RUSSIAN_PLACE_PREPOSITIONS = {"в", "во"}
# "President of the Republic of Tatarstan Rustam Minnikhanov": the word before "of" that makes what follows a place.
_POLITIES = {"Republic", "Kingdom", "Emirate", "Principality", "Sultanate", "Federation", "Region", "Province"}
_ARTICLES = {"the", "le", "la", "les", "el", "los", "las", "o", "a"}
_OF_WORDS = {"of", "de", "du", "des", "del", "do", "da"}
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]|\.(?=[^\W\d_]\.?))*\.?|\d[\w.]*|[,;:()“”\"«»—–/]")
_MAX_NAME_TOKENS = 5
_MAX_TITLE_TOKENS = 16


@dataclass(frozen=True)
class Token:
    text: str  # as written
    word: str  # without a possessive or a sentence-final full stop
    start: int
    end: int
    possessive: bool
    final_stop: bool  # the token ended with a full stop that is not part of an abbreviation


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        word = raw
        final_stop = False
        if word.endswith(".") and not _is_abbreviation(word):
            word, final_stop = word[:-1], True
        possessive = word.endswith(("'s", "’s")) and len(word) > 2
        if possessive:
            word = word[:-2]
        elif word.endswith(("s'", "s’")) and len(word) > 3 and word[0].isupper():
            possessive = True
            word = word[:-1]
        tokens.append(Token(raw, word, match.start(), match.end(), possessive, final_stop))
    return tokens


def _is_abbreviation(word: str) -> bool:
    core = word.rstrip(".")
    return len(core) == 1 or "." in core or core.lower() in _ABBREVIATED_WORDS


_ABBREVIATED_WORDS = {"mr", "mrs", "ms", "dr", "jr", "sr", "st", "mm", "mme", "gen", "prof", "col", "lt", "maj", "ret"}
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


def fold(text: str) -> str:
    """Lower case without accents, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().replace("’", "'")


# Words a hyphenated title joins to its title words: "Commander-in-Chief", "President-elect".
_TITLE_AFFIXES = {"in", "of", "elect", "designate"}
# Honorifics that, capitalised, are also given names: Spanish "don Felipe", English "Don Ken Stephen".
_GIVEN_NAME_HONORIFICS = {"don"}
# Nouns that make the capitalised words before them an institution's name ("the African Union", "Harvard
# University"), not a person's.
INSTITUTION_WORDS = {
    "union", "commission", "council", "committee", "house", "party", "university", "institute", "bank", "fund",
    "ministry", "parliament", "assembly", "congress", "government", "organization", "organisation", "agency",
    "forum", "foundation", "association", "alliance", "federation", "league", "court", "senate", "palace", "hall",
    "center", "centre", "academy", "college", "school", "airport", "department", "bureau", "secretariat",
    "forces", "force", "army", "navy",
}  # fmt: skip


def is_title_word(word: str, heads: bool = False) -> bool:
    """A word of an office's title (one that can stand right before a name, if ``heads``), hyphenated ones too:
    "Vice-President", "Commander-in-Chief", "President-elect"."""
    lower = word.lower()
    words = TITLE_HEADS if heads else TITLE_WORDS
    if lower in words:
        return True
    parts = [part for part in lower.split("-") if part]
    return len(parts) > 1 and parts[0] in words and all(p in TITLE_WORDS or p in _TITLE_AFFIXES for p in parts)


def is_honorific(token: Token) -> bool:
    lower = token.word.lower().rstrip(".")
    return lower in HONORIFICS and not (lower in _GIVEN_NAME_HONORIFICS and token.word[:1].isupper())


def _names_institution(tokens: list[Token], j: int) -> bool:
    """Token j, right after a run of capitalised words, makes them an institution's name: "African Union"."""
    token = tokens[j] if j < len(tokens) else None
    return (
        token is not None
        and token.word.lower() in INSTITUTION_WORDS
        and token.word[:1].isupper()
        and token.start - tokens[j - 1].end <= 1
        and not tokens[j - 1].possessive
    )


def is_name_token(token: Token) -> bool:
    word = token.word
    if not word or not word[0].isupper() or not word[0].isalpha():
        return False
    lower = word.lower()
    if is_title_word(lower) or lower in ORG_WORDS or lower in STOP_WORDS or lower in _CALENDAR:
        return False
    if is_honorific(token) or lower.rstrip(".") in NAME_SUFFIXES:
        return False
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters) and "-" not in word:
        return False  # acronyms: PRC, CPEC, NATO; also datelines in capitals
    if "-" in word and all(
        part.lower() in TITLE_WORDS or load_gazetteer().is_country_word(part) for part in word.split("-") if part
    ):
        return False  # "Kazakhstan-Elbasy", "Vice-President": a title, not a name
    if is_cyrillic(word) and russian_name_word(word.split("-")[-1]) is False and not _office_holder_name(word):
        return False  # a place, a common noun or an adjective the Russian dictionary knows (and no office-holder's)
    return not load_gazetteer().is_country_word(word)


def _cyrillic_letter(token: Token) -> bool:
    letter = token.word.rstrip(".")
    return len(letter) == 1 and letter.isupper() and is_cyrillic(letter)


def _nominative(words: list[str]) -> str:
    """The name as a nominative: the office-holders table's own Russian form when it knows the name in this case
    ("Касым-Жомартом Токаевым"), else as the dictionary declines it back."""
    if is_cyrillic(words[0]):
        known = find_person(" ".join(words))
        if known is not None and known.cyrillic:
            full = next((n for n in known.cyrillic_names if len(n.split()) == len(words)), None)
            if full:
                return full
    return " ".join(russian_name_nominative(words))


@lru_cache(maxsize=50_000)
def _office_holder_name(word: str) -> bool:
    """A family name of the office-holders table ("Ван" is Wang Yi's in Russian, and also a common noun)."""
    return bool(find_persons_by_family_name(word))


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text.endswith(".")


_MAX_BARE_INITIALS = 3


def _bare_initial(tokens: list[Token], j: int) -> bool:
    """A Latin capital standing alone inside a name, an initial written without its full stop ("Mr P G I
    Henderson"): at most two more such initials and then another name word follow it."""
    for k in range(j, min(j + _MAX_BARE_INITIALS, len(tokens) - 1)):
        text = tokens[k].text
        if not (len(text) == 1 and "A" <= text <= "Z") or tokens[k + 1].start - tokens[k].end > 1:
            return False
        if is_name_token(tokens[k + 1]):
            return True
    return False


@dataclass(frozen=True)
class PersonMention:
    name: str
    title: str
    country: str | None
    start: int  # offset of the name
    end: int
    title_start: int  # offset where the title begins (== start when there is none)
    possessive: bool
    has_title: bool


def _name_run(tokens: list[Token], i: int, blocked: set[int]) -> int:
    """End index (exclusive) of the name starting at token i, or i when no name starts there."""
    if i in blocked:
        return i
    if i > 0 and tokens[i - 1].word.lower() in _RUSSIAN_PLACE_PREPOSITIONS and is_cyrillic(tokens[i].word):
        return i  # "с послом России в Астане": after "в" comes a place, never a person
    if _place_of_an_office(tokens, i):
        return i  # "the Prince of Wales", "the Governor of Victoria": the place of the office, not its holder
    # Initials written together open a name: "L.B. Moerdani".
    initials = _INITIALS.fullmatch(tokens[i].text) and i + 1 < len(tokens) and is_name_token(tokens[i + 1])
    if not (
        is_name_token(tokens[i])
        or initials
        or _first_name_that_is_a_word(tokens, i)
        or _family_name_in_capitals(tokens, i)
    ):
        return i
    j = i + 1 if initials else i
    while j < len(tokens) and j - i < _MAX_NAME_TOKENS:
        token = tokens[j]
        if j > i and tokens[j].start - tokens[j - 1].end > 1:
            break  # a line break or double space inside a "name" is suspicious; stop
        if j in blocked:
            break
        particle = token.word.lower() in _NAME_PARTICLES and _name_follows_particles(tokens, j + 1)
        # A one-letter Cyrillic given name is a word ("Ван И"), though "и" is also "and".
        one_letter = j > i and _cyrillic_letter(token)
        if (
            is_name_token(token)
            or (j == i and (_first_name_that_is_a_word(tokens, j) or _family_name_in_capitals(tokens, j)))
            or one_letter
            or (j > i and (_is_initial(token) or particle or _bare_initial(tokens, j)))
        ):
            j += 1
        else:
            break
        if token.possessive or (token.final_stop and not _is_initial(token)):
            break
    # Drop trailing initials ("Joseph R." without a surname is not what we want).
    while j > i + 1 and _is_initial(tokens[j - 1]) and not _cyrillic_letter(tokens[j - 1]):
        j -= 1
    return j


def _with_calendar_surname(tokens: list[Token], i: int, j: int) -> int:
    """A surname that is also a month or a day ("Theresa May"), taken when the office-holders table knows the name
    it ends."""
    if (
        j < len(tokens)
        and tokens[j].word.lower().rstrip(".") in _CALENDAR
        and tokens[j].word[:1].isupper()
        and tokens[j].start - tokens[j - 1].end == 1
        and find_person(" ".join(t.word for t in tokens[i : j + 1]).rstrip(".")) is not None
    ):
        return j + 1
    return j


def _place_of_an_office(tokens: list[Token], i: int) -> bool:
    """Token i follows "Title of" or "Republic of": the place the office is of ("President of the Republic of
    Tatarstan", "the Prince of Wales"), not a person."""
    return (
        i > 1 and tokens[i - 1].word == "of" and (is_title_word(tokens[i - 2].word) or tokens[i - 2].word in _POLITIES)
    )


def _first_name_that_is_a_word(tokens: list[Token], i: int) -> bool:
    """A capitalised Russian word inside a sentence that the dictionary knows as a noun for a person, right before
    a name word: a foreign first name ("с министром Турции Хаканом Фиданом")."""
    token = tokens[i]
    return (
        0 < i < len(tokens) - 1
        and token.word[:1].isupper()
        and not tokens[i - 1].final_stop
        and tokens[i - 1].word not in {":", "«", '"', "“"}
        and tokens[i + 1].start - token.end == 1
        and russian_person_noun(token.word)
        and is_name_token(tokens[i + 1])
    )


def _family_name_in_capitals(tokens: list[Token], i: int) -> bool:
    """A family name written first and in capitals, as some foreign ministries write names ("Ms. KAMIKAWA Yoko"):
    after an honorific, right before a given name in ordinary case."""
    token = tokens[i]
    return (
        0 < i < len(tokens) - 1
        and is_honorific(tokens[i - 1])
        and token.word.isalpha()
        and token.word.isupper()
        and len(token.word) >= 2
        and tokens[i + 1].start - token.end == 1
        and not tokens[i + 1].word.isupper()
        and is_name_token(tokens[i + 1])
    )


def _in_usual_order(words: list[str]) -> list[str]:
    """A name whose family name is written first in capitals, in the order the office-holders table has it when
    it knows the person ("KAMIKAWA Yoko" -> "Yoko Kamikawa"), else in ordinary case as written."""
    if len(words) < 2 or not (words[0].isalpha() and words[0].isupper()):
        return words
    written = [words[0].title(), *words[1:]]
    reversed_order = [*words[1:], words[0].title()]
    if find_person(" ".join(written)) is None and find_person(" ".join(reversed_order)) is not None:
        return reversed_order
    return written


def _name_follows_particles(tokens: list[Token], j: int) -> bool:
    """Whether a name word comes after the particles from token j on ("von der Leyen")."""
    while j < len(tokens) and tokens[j].word.lower() in _NAME_PARTICLES:
        j += 1
    return j < len(tokens) and is_name_token(tokens[j])


def _walk_back_title(
    tokens: list[Token], i: int, country_starts: dict[int, int] | None = None, in_country: set[int] = frozenset()
) -> int:
    """Index of the first token of the title phrase that ends right before token i (i when there is none).
    ``country_starts`` maps the last token of a country name of several words to its first ("South Sudan",
    "United Nations"): the whole name is part of the title, as a one-word name is. ``in_country``: the tokens the
    gazetteer found in the whole text, where another language's name ("Island") counts only."""
    gazetteer = load_gazetteer()
    k = i
    start = i
    while k > 0 and i - k < _MAX_TITLE_TOKENS:
        token = tokens[k - 1]
        lower = token.word.lower()
        if country_starts and k - 1 in country_starts:
            k = start = country_starts[k - 1]
            continue
        if token.word == ")":
            opening = next((o for o in range(k - 2, max(-1, k - 6), -1) if tokens[o].word == "("), None)
            if opening is not None:
                k = opening  # an aside inside the title: "Gen. (ret.)"
                continue
        if token.final_stop and not _is_abbreviation(token.text):
            break
        if is_title_word(lower) or is_honorific(token) or _country_word(gazetteer, token.word, k - 1 in in_country):
            k -= 1
            start = k
        elif lower in _ARTICLES and (k < 2 or tokens[k - 2].word.lower() not in _OF_WORDS | {"for"}):
            # "the" opens a new noun phrase unless it follows "of" or "for": "and the President of the Council",
            # "the Federal Minister for the Interior"
            break
        elif is_name_token(token) and not _names_institution(tokens, k) and not _place_of_an_office(tokens, k - 1):
            break  # another person's name: "President Hu Jintao and President Vladimir Putin"
        elif (
            k >= 2
            and token.word.isalpha()
            and token.word.islower()
            and tokens[k - 2].word.lower() in TITLE_WORDS
            and lower not in STOP_WORDS
            and not _english_verb(lower)
        ) or _noun_of_a_title(tokens, k):
            k -= 1  # an adjective after its title: "le président français", "su colega brasileño"
        elif lower in _CONNECTORS or (token.word[:1].isupper() and token.word[:1].isalpha()):
            k -= 1  # "of the", org names inside a title; only kept when a title word precedes them
        else:
            break
    return start


_ENGLISH_VERBS = {"met", "meets", "meet", "held", "holds", "said", "says", "told", "spoke", "speaks", "thanked"}


def _english_verb(word: str) -> bool:
    """ "The Prime Minister met UN Secretary-General X": the verb after a title is no adjective of it."""
    return word in _ENGLISH_VERBS or (word.isascii() and word.endswith("ed") and len(word) > 4)


def _country_word(gazetteer, word: str, found_in_text: bool) -> bool:
    return found_in_text or (gazetteer.is_country_word(word) and (word.lower(),) not in gazetteer.capitalised_only)


def _noun_of_a_title(tokens: list[Token], k: int) -> bool:
    """Token k-1 is a lower-case noun joined to a title word by "of (the)": "el jefe de la diplomacia", "the head
    of delegation"."""
    token = tokens[k - 1]
    if not (token.word.isalpha() and token.word.islower()) or token.word.lower() in STOP_WORDS - _CONNECTORS:
        return False
    j = k - 2
    while j >= 0 and k - 2 - j < 2 and tokens[j].word.lower() in _CONNECTORS:
        j -= 1
    return k - 2 > j >= 0 and tokens[j].word.lower() in TITLE_WORDS and tokens[j + 1].word.lower() in _OF_WORDS


def _clean_title(text: str) -> tuple[str, str | None]:
    """Title text without honorifics, the country and dangling connectors; and the country it names."""
    gazetteer = load_gazetteer()
    mentions = gazetteer.find(text)
    country = mentions[0].country if mentions else None
    for mention in reversed(mentions):
        text = text[: mention.start] + " " + text[mention.end :]
    words = [w for w in text.replace(",", " ").split() if w.lower().rstrip(".") not in HONORIFICS]
    while words and words[-1].lower() in _CONNECTORS | {"visiting", "his", "her"}:
        words.pop()
    while words and words[0].lower() in _CONNECTORS | {"visiting", "his", "her", "a"}:
        words.pop(0)
    title = " ".join(words)
    title = re.sub(r"\s+(?:of|de|du)(?:\s+the)?$", "", title)
    title = re.sub(r"^['’]s\s+", "", title)  # a country's possessive left behind: "Belgium's Deputy Prime Minister"
    return title, country


# Ranks and the words of an aside that stand between a title and a name ("Field Marshal", "Gen. (ret.)").
RANK_WORDS = {
    "field", "marshal", "general", "gen", "admiral", "adm", "colonel", "col", "lieutenant", "lt", "brigadier",
    "brig", "major", "maj", "captain", "capt", "commander", "ret", "(", ")",
}  # fmt: skip
_NEXT_NAME = re.compile(r"^,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|H\.E)\.?\s+)*[A-Z][\w'’\-]+\s+[A-Z]")


def _only_honorifics(tokens: list[Token]) -> bool:
    """Honorifics and ranks, no office: "Mr.", "Field Marshal", "Professor Dr", "Gen. (ret.)", or nothing."""
    return all(is_honorific(t) or t.word.lower().rstrip(".") in RANK_WORDS for t in tokens)


_APPOSITIVE = re.compile(r"^,\s+(?:the |a |an |le |la )?([^,.;()]{3,160})")


_ITEM_CHARS = 100
# What a list's item begins after: a comma, a semicolon, "and" (else the start of the text looked at).
_ITEM_BOUNDARY = re.compile(r"[,;]|\s(?:and|et|y|e|и)\s")
_ITEM_WORDS = re.compile(r"[^\W\d_][\w'’.\-]*")


def _country_opening_item(before: str) -> str | None:
    """The country that opens the list item ending where a name begins, when every later word of the item is
    capitalised or a connector ("Uruguay Legal Counsel to the Secretary of the Presidency Dr"), else None."""
    item = before[max((m.end() for m in _ITEM_BOUNDARY.finditer(before)), default=0) :]
    found = load_gazetteer().find(item)
    if not found or item[: found[0].start].strip():
        return None
    rest = _ITEM_WORDS.findall(item[found[0].end :])
    if not rest or any(w[:1].islower() and w.lower() not in _CONNECTORS | {"to"} for w in rest):
        return None
    return found[0].country


def find_person_mentions(text: str) -> list[PersonMention]:
    """People named in text with whatever title and country stand next to them."""
    tokens = tokenize(text)
    gazetteer = load_gazetteer()
    country_spans = gazetteer.find(text)
    # Tokens inside a country name ("United States of America") are never part of a person's name.
    blocked: set[int] = set()
    demonyms: set[int] = set()
    first_of_span: dict[int, int] = {}  # span index -> its first token
    country_starts: dict[int, int] = {}  # last token of a name of several words -> its first token
    span_index = 0
    for index, token in enumerate(tokens):
        while span_index < len(country_spans) and country_spans[span_index].end <= token.start:
            span_index += 1
        if span_index < len(country_spans) and country_spans[span_index].start <= token.start:
            blocked.add(index)
            first = first_of_span.setdefault(span_index, index)
            if first < index:
                country_starts[index] = first
            if country_spans[span_index].is_demonym:
                demonyms.add(index)
    mentions = []
    previous_end = 0
    i = 0
    while i < len(tokens):
        j = _name_run(tokens, i, blocked)
        if j == i:
            i += 1
            continue
        j = _with_calendar_surname(tokens, i, j)
        if _names_institution(tokens, j) or (
            i >= 3 and i - 1 in demonyms and tokens[i - 2].word.lower() == "the" and tokens[i - 3].word == "of"
        ):
            i = j  # "the African Union", "of the European Comm'n": an institution, not a person
            continue
        # "PM Sheikh Hasina": a title word that begins an office-holder's usual name.
        if i > 0 and i - 1 not in blocked and tokens[i - 1].word[:1].isupper() and is_title_word(tokens[i - 1].word):
            known = find_person(" ".join(t.word for t in tokens[i - 1 : j]))
            if known is not None and fold(known.name).split()[0] == fold(tokens[i - 1].word):
                i -= 1
        k = _walk_back_title(tokens, i, country_starts, blocked)
        title_text = text[tokens[k].start : tokens[i].start] if k < i else ""
        # "First President of Kazakhstan, Nursultan Nazarbayev" / "Le président chinois, Xi Jinping," / "the
        # Foreign Minister, Mr. Thanet Khoman" / "the Prime Minister of Thailand, Field Marshal Thanom": the title
        # before the comma, when what stands right before the name is no title but an honorific or a rank.
        if k >= 2 and tokens[k - 1].word == "," and j - i >= 2 and _only_honorifics(tokens[k:i]):
            k2 = _walk_back_title(tokens, k - 1, country_starts, blocked)
            if k2 < k - 1:
                title_text = text[tokens[k2].start : tokens[k - 1].start]
                k = k2
        has_title_word = any(is_title_word(t.word, heads=True) or is_honorific(t) for t in tokens[k:i])
        appositive = _APPOSITIVE.match(text[tokens[j - 1].end : tokens[j - 1].end + 200])
        appositive_title = None
        if appositive:
            # Its first word after any country's ("the Iranian Foreign Minister") is a title's.
            words = appositive.group(1).split()
            while len(words) > 1 and gazetteer.is_country_word(words[0]):
                words.pop(0)
            first_word = words[0].lower() if words else ""
            # "the Minister, Mr A, the Austrian Minister for the Interior, Mr B": the title of the next name.
            next_name = _NEXT_NAME.match(text[tokens[j - 1].end + appositive.end() :][:80])
            if first_word in TITLE_WORDS and not next_name:
                appositive_title = re.split(
                    r"\s+(?:in|at|on|who|which|said|says|met|is|was|and the)\s+", appositive.group(1)
                )[0]
        name_tokens = tokens[i:j]
        words = [t.word.rstrip(".") if _cyrillic_letter(t) else t.word for t in name_tokens]
        name = _nominative(_in_usual_order(words))
        title, country = _clean_title(title_text) if has_title_word else ("", None)
        if appositive_title and not title:
            title, country = _clean_title(appositive_title)
        elif appositive_title and not country:
            _, country = _clean_title(appositive_title)
        if not country:
            # "President Xi Jinping of the People's Republic of China"
            following = text[tokens[j - 1].end : tokens[j - 1].end + 80]
            of_country = re.match(r"^\s+(?:of|from|de|du)\s+(?:the\s+|la\s+|l')?", following)
            if of_country:
                found = gazetteer.find(following[of_country.end() :])
                if found and found[0].start == 0:
                    country = found[0].country
        if not country:
            # "..., Uruguay Legal Counsel to the Secretary of the Presidency Dr Duarte García and ...": the item of
            # a list that opens with a country, though its title is not all title words.
            item_end = tokens[k].start if has_title_word else tokens[i].start
            country = _country_opening_item(text[max(previous_end, item_end - _ITEM_CHARS) : item_end])
        previous_end = tokens[j - 1].end
        mentions.append(
            PersonMention(
                name=name,
                title=title,
                country=country,
                start=tokens[i].start,
                end=tokens[j - 1].end,
                title_start=tokens[k].start if has_title_word else tokens[i].start,
                possessive=tokens[j - 1].possessive,
                has_title=bool(has_title_word or appositive_title),
            )
        )
        i = j
    return mentions
