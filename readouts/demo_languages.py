"""The demo generator's readouts in French, Spanish, Russian and Chinese: phrase pools in each language.

readouts/demo.py composes every readout in English first (who met, when, where, who spoke in which paragraph);
about a third of them are then written again in another language from the pools below, keeping that plan: the
same people speak in the same paragraphs. Countries are named as Babel's locale data names them; people as the
table below writes them in Cyrillic or Chinese characters, else transliterated (Russian) or by their office
(Chinese). The sentences are the generator's own; only the facts come from readouts/demo_data.py.
"""

# ruff: noqa: E501 (the phrase pools keep each sentence on one line)
from __future__ import annotations

import datetime
import random
import re
from bisect import bisect
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from babel import Locale
from babel.dates import format_date
from babel.languages import get_official_languages

# A publisher writes its country's language where the demo writes it (the White House English, Xinhua Chinese,
# Kazinform Russian); one whose country's language the demo does not write (Japan's, Germany's, the EU's) writes
# English or, as an agency's foreign-language service would, one of these at these shares. About a third of all the
# readouts end up not in English.
OTHER_LANGUAGE_SHARES = (("fr", 0.05), ("es", 0.05), ("ru", 0.03), ("zh", 0.03))

# What an office is called, by the kind of office (see office_kind()).
PRESIDENT, VICE_PRESIDENT, HEAD_OF_GOVERNMENT, FOREIGN_MINISTER, OFFICIAL = (
    "president", "vice president", "head of government", "foreign minister", "official",
)  # fmt: skip


def office_kind(title: str) -> str:
    """The kind of an English title: "State Councilor and Foreign Minister" is a foreign minister."""
    if "Vice President" in title:
        return VICE_PRESIDENT
    if any(word in title for word in ("Foreign", "Secretary of State", "External Affairs", "International Rel")):
        return FOREIGN_MINISTER
    if any(word in title for word in ("Prime Minister", "Premier", "Chancellor")):
        return HEAD_OF_GOVERNMENT
    if any(word in title for word in ("President", "King", "Emir", "Sultan")):
        return PRESIDENT
    return OFFICIAL


# People's names as Russian and Chinese texts write them, for those the demo meets most; others are transliterated
# into Cyrillic, or named by their office in Chinese. Stored with the demo's people as aliases.
NAMES = {
    "Xi Jinping": ("Си Цзиньпин", "习近平"),
    "Hu Jintao": ("Ху Цзиньтао", "胡锦涛"),
    "Jiang Zemin": ("Цзян Цзэминь", "江泽民"),
    "Wen Jiabao": ("Вэнь Цзябао", "温家宝"),
    "Li Keqiang": ("Ли Кэцян", "李克强"),
    "Li Qiang": ("Ли Цян", "李强"),
    "Wang Yi": ("Ван И", "王毅"),
    "Yang Jiechi": ("Ян Цзечи", "杨洁篪"),
    "Li Zhaoxing": ("Ли Чжаосин", "李肇星"),
    "Tang Jiaxuan": ("Тан Цзясюань", "唐家璇"),
    "Kassym-Jomart Tokayev": ("Касым-Жомарт Токаев", "托卡耶夫"),
    "Nursultan Nazarbayev": ("Нурсултан Назарбаев", "纳扎尔巴耶夫"),
    "Vladimir Putin": ("Владимир Путин", "普京"),
    "Dmitry Medvedev": ("Дмитрий Медведев", "梅德韦杰夫"),
    "Sergey Lavrov": ("Сергей Лавров", "拉夫罗夫"),
    "Mikhail Mishustin": ("Михаил Мишустин", "米舒斯京"),
    "Joe Biden": ("Джо Байден", "拜登"),
    "Donald Trump": ("Дональд Трамп", "特朗普"),
    "Barack Obama": ("Барак Обама", "奥巴马"),
    "Antony Blinken": ("Энтони Блинкен", "布林肯"),
    "John Kerry": ("Джон Керри", "克里"),
    "Emmanuel Macron": ("Эмманюэль Макрон", "马克龙"),
    "Angela Merkel": ("Ангела Меркель", "默克尔"),
    "Olaf Scholz": ("Олаф Шольц", "朔尔茨"),
    "Narendra Modi": ("Нарендра Моди", "莫迪"),
    "Shinzo Abe": ("Синдзо Абэ", "安倍晋三"),
}

# Latin letters (and pairs) to Cyrillic, for the names the table above leaves out: "Massimov" -> "Массимов".
CYRILLIC_PAIRS = {"sh": "ш", "ch": "ч", "zh": "ж", "kh": "х", "ts": "ц", "yu": "ю", "ya": "я", "ye": "е", "yo": "ё"}
LETTER_PAIRS = (
    "a:а b:б c:к d:д e:е f:ф g:г h:х i:и j:дж k:к l:л m:м n:н o:о p:п q:к r:р s:с t:т u:у v:в w:в x:кс y:й z:з "
    "é:е è:е ë:е ö:ё ü:ю ç:ч ğ:г ı:ы ş:ш á:а í:и ó:о ú:у ã:а ñ:нь"
)
CYRILLIC_LETTERS = dict(pair.split(":") for pair in LETTER_PAIRS.split(" "))


def cyrillic(name: str) -> str:
    out, index, lower = [], 0, name.lower()
    while index < len(name):
        pair = lower[index : index + 2]
        if pair in CYRILLIC_PAIRS:
            letter, index = CYRILLIC_PAIRS[pair], index + 2
        else:
            letter, index = CYRILLIC_LETTERS.get(lower[index], name[index]), index + 1
        start = index - len(pair) if pair in CYRILLIC_PAIRS else index - 1
        out.append(letter[:1].upper() + letter[1:] if name[start].isupper() else letter)
    return "".join(out)


# The article French writes before each of the demo's countries ("" for none: Cuba, Israël, Singapour); a country
# not listed takes the usual one (see french_article()).
FRENCH_ARTICLES = {
    "AE": "les", "AR": "l'", "AU": "l'", "AZ": "l'", "BR": "le", "BY": "la", "CA": "le", "CN": "la", "CU": "",
    "DE": "l'", "EG": "l'", "ES": "l'", "ET": "l'", "EU": "l'", "FR": "la", "GB": "le", "GR": "la", "HU": "la",
    "ID": "l'", "IL": "", "IN": "l'", "IR": "l'", "IT": "l'", "JP": "le", "KE": "le", "KG": "le", "KR": "la",
    "KZ": "le", "MN": "la", "MX": "le", "MY": "la", "NG": "le", "PH": "les", "PK": "le", "PL": "la", "RS": "la",
    "RU": "la", "SA": "l'", "SG": "", "TH": "la", "TJ": "le", "TM": "le", "TR": "la", "UA": "l'", "UN": "les",
    "US": "les", "UZ": "l'", "VN": "le", "ZA": "l'",
}  # fmt: skip
# Spanish names most countries without an article; these take one.
SPANISH_ARTICLES = {"AE": "los", "EU": "la", "GB": "el", "UN": "las"}
# French and Spanish join a preposition to the article after it ("de le Japon" is "du Japon", "a el" is "al"),
# and French elides "de" before a vowel ("d'Israël"): applied to every sentence written.
CONTRACTIONS = {
    "fr": ((r"\bde le ", "du "), (r"\bde les ", "des "), (r"\bà le ", "au "), (r"\bà les ", "aux "),
           (r"\bde (?=[AEIOUÉÈÊaeiouéèêh])", "d'")),
    "es": ((r"\ba el ", "al "), (r"\bde el ", "del ")),
}  # fmt: skip


def french_article(code: str, name: str) -> str:
    """The article before a country's French name: the table's, else l' before a vowel, la for a name in -e
    (la Chine; le Mexique is in the table), le otherwise."""
    if code in FRENCH_ARTICLES:
        return FRENCH_ARTICLES[code]
    if name[:1].lower() in "aeiouéèêh":
        return "l'"
    return "la" if name.endswith("e") else "le"


def with_article(language: str, code: str, name: str) -> str:
    """The country's name as a sentence writes it: "la Chine", "l'Inde", "les Philippines", "el Reino Unido"."""
    if language == "fr":
        article = french_article(code, name)
    elif language == "es":
        article = SPANISH_ARTICLES.get(code, "")
    else:
        return name
    return f"{article}{name}" if article.endswith("'") or not article else f"{article} {name}"


def contract(language: str, text: str) -> str:
    for pattern, replacement in CONTRACTIONS.get(language, ()):
        text = re.sub(pattern, replacement, text)
    return text


@dataclass(frozen=True, slots=True)
class Phrasebook:
    language: str
    offices: dict[str, str]
    topics: tuple[str, ...]  # most common first
    leads: tuple[str, ...]
    statements: tuple[str, ...]
    joints: tuple[str, ...]
    narratives: tuple[str, ...]
    closings: tuple[str, ...]
    headlines: tuple[str, ...]
    date_format: str
    separator: str  # between sentences of one paragraph
    conjunction: str  # between the last two of several names


FRENCH = Phrasebook(
    language="fr",
    offices={
        PRESIDENT: "le président",
        VICE_PRESIDENT: "le vice-président",
        HEAD_OF_GOVERNMENT: "le Premier ministre",
        FOREIGN_MINISTER: "le ministre des Affaires étrangères",
        OFFICIAL: "le haut responsable",
    },
    # With their articles, which the sentences below expect ("dans le domaine de {t1}": "du commerce").
    topics=(
        "le commerce",
        "l'investissement",
        "l'énergie",
        "la sécurité régionale",
        "la coopération économique",
        "les infrastructures",
        "l'agriculture",
        "le changement climatique",
        "les transports",
        "l'éducation",
        "la culture",
        "le tourisme",
        "la santé",
        "l'économie numérique",
        "la finance",
        "la recherche scientifique",
        "la lutte contre le terrorisme",
        "les échanges humains",
        "le multilatéralisme",
        "le développement durable",
        "les énergies renouvelables",
        "l'innovation",
        "la sécurité alimentaire",
        "les douanes",
        "la cybersécurité",
        "les migrations",
        "les ressources en eau",
        "l'aviation civile",
        "l'espace",
        "les droits de l'homme",
    ),
    leads=(
        "Le {date}, {A} s'est entretenu à {city} avec {B}.",
        "{A} a reçu {B} à {city} le {date}.",
        "{A} et {B} se sont rencontrés le {date} à {city} pour faire le point sur les relations bilatérales.",
    ),
    statements=(
        "{S} a salué le développement constant des relations entre {sc} et {oc}, en particulier dans le domaine de {t1}.",
        "{S} a souligné que {sc} attachait une grande importance à la coopération dans les domaines de {t1} et de {t2}.",
        "Selon {S}, les deux pays disposent d'un potentiel considérable pour approfondir leurs échanges dans le secteur de {t1}.",
        "{S} a proposé de renforcer le dialogue sur {t1} et d'élargir les projets communs consacrés à {t2}.",
        "{S} a remercié {O} pour l'accueil chaleureux et a rappelé les résultats obtenus dans le domaine de {t1}.",
        "{S} a exprimé l'intérêt de {sc} pour une coopération plus étroite avec {oc} sur {t1}.",
    ),
    joints=(
        "Les deux parties ont échangé leurs points de vue sur {t1}, {t2} et {t3}.",
        "Les parties sont convenues de poursuivre la coopération dans les domaines de {t1} et de {t2}.",
        "Les deux parties ont également évoqué les questions internationales et régionales d'intérêt commun.",
        "Elles ont réaffirmé leur volonté de renforcer le partenariat stratégique, notamment dans le domaine de {t1}.",
    ),
    narratives=(
        "À l'issue de l'entretien, plusieurs accords de coopération portant sur {t1} ont été signés.",
        "La rencontre s'est déroulée dans une atmosphère amicale et constructive.",
        "Une feuille de route pour la coopération dans le domaine de {t1} a été présentée.",
    ),
    closings=(
        "Les parties sont convenues de maintenir des contacts réguliers à tous les niveaux.",
        "{S} a invité {O} à effectuer une visite officielle à une date qui reste à fixer.",
    ),
    headlines=("{A} s'entretient avec {B}", "Rencontre entre {A} et {B}", "{A} reçoit {B} à {city}"),
    date_format="d MMMM y",
    separator=" ",
    conjunction=" et ",
)

SPANISH = Phrasebook(
    language="es",
    offices={
        PRESIDENT: "el presidente",
        VICE_PRESIDENT: "el vicepresidente",
        HEAD_OF_GOVERNMENT: "el primer ministro",
        FOREIGN_MINISTER: "el ministro de Asuntos Exteriores",
        OFFICIAL: "el alto funcionario",
    },
    topics=(
        "comercio",
        "inversiones",
        "energía",
        "seguridad regional",
        "cooperación económica",
        "infraestructura",
        "agricultura",
        "cambio climático",
        "transporte",
        "educación",
        "cultura",
        "turismo",
        "salud",
        "economía digital",
        "finanzas",
        "ciencia y tecnología",
        "lucha contra el terrorismo",
        "intercambios entre pueblos",
        "multilateralismo",
        "desarrollo sostenible",
        "energías renovables",
        "innovación",
        "seguridad alimentaria",
        "aduanas",
        "ciberseguridad",
        "migración",
        "recursos hídricos",
        "aviación civil",
        "exploración espacial",
        "derechos humanos",
    ),
    leads=(
        "El {date}, {A} se reunió en {city} con {B}.",
        "{A} recibió a {B} en {city} el {date}.",
        "{A} y {B} mantuvieron el {date} en {city} una reunión para repasar las relaciones bilaterales.",
    ),
    statements=(
        "{S} destacó el desarrollo constante de las relaciones entre {sc} y {oc}, en particular en materia de {t1}.",
        "{S} subrayó que {sc} concede gran importancia a la cooperación en {t1} y {t2}.",
        "Según {S}, ambos países tienen un gran potencial para ampliar sus intercambios en el ámbito de {t1}.",
        "{S} propuso reforzar el diálogo sobre {t1} y ampliar los proyectos conjuntos de {t2}.",
        "{S} agradeció a {O} la cálida acogida y recordó los resultados alcanzados en {t1}.",
        "{S} expresó el interés de {sc} en una cooperación más estrecha con {oc} en {t1}.",
    ),
    joints=(
        "Las dos partes intercambiaron opiniones sobre {t1}, {t2} y {t3}.",
        "Las partes acordaron seguir cooperando en los ámbitos de {t1} y {t2}.",
        "Ambas partes abordaron también cuestiones internacionales y regionales de interés común.",
        "Reafirmaron su voluntad de fortalecer la asociación estratégica, sobre todo en materia de {t1}.",
    ),
    narratives=(
        "Al término de la reunión se firmaron varios acuerdos de cooperación sobre {t1}.",
        "El encuentro transcurrió en un ambiente amistoso y constructivo.",
        "Se presentó una hoja de ruta para la cooperación en {t1}.",
    ),
    closings=(
        "Las partes acordaron mantener contactos periódicos a todos los niveles.",
        "{S} invitó a {O} a realizar una visita oficial en una fecha por determinar.",
    ),
    headlines=("{A} se reúne con {B}", "Reunión entre {A} y {B}", "{A} recibe a {B} en {city}"),
    date_format="d 'de' MMMM 'de' y",
    separator=" ",
    conjunction=" y ",
)

RUSSIAN = Phrasebook(
    language="ru",
    offices={
        # In lower case, as Russian writes them inside a sentence (capitalize() takes care of a sentence's start).
        PRESIDENT: "президент",
        VICE_PRESIDENT: "вице-президент",
        HEAD_OF_GOVERNMENT: "премьер-министр",
        FOREIGN_MINISTER: "министр иностранных дел",
        OFFICIAL: "высокопоставленный представитель",
    },
    # In the genitive: "в области торговли", "вопросы энергетики".
    topics=(
        "торговли",
        "инвестиций",
        "энергетики",
        "региональной безопасности",
        "экономического развития",
        "инфраструктуры",
        "сельского хозяйства",
        "изменения климата",
        "транспорта",
        "образования",
        "культуры",
        "туризма",
        "здравоохранения",
        "цифровой экономики",
        "финансов",
        "науки и техники",
        "борьбы с терроризмом",
        "гуманитарных связей",
        "многосторонней дипломатии",
        "устойчивого развития",
        "возобновляемой энергетики",
        "инноваций",
        "продовольственной безопасности",
        "таможенного дела",
        "кибербезопасности",
        "миграции",
        "водных ресурсов",
        "гражданской авиации",
        "освоения космоса",
        "прав человека",
    ),
    leads=(
        "{date} в городе {city} состоялась встреча: {A} провёл переговоры с собеседником, {B}.",
        "{date} {A} принял в городе {city} гостя, {B}.",
        "{date} в городе {city} состоялись переговоры, в которых приняли участие {A} и {B}.",
    ),
    statements=(
        "{S} отметил поступательное развитие сотрудничества, особенно в области {t1}.",
        "{S} подчеркнул, что {sc} придаёт большое значение сотрудничеству в сфере {t1} и {t2}.",
        "{S} считает, что стороны обладают значительным потенциалом для расширения сотрудничества в области {t1}.",
        "{S} предложил укрепить диалог по вопросам {t1} и расширить совместные проекты в сфере {t2}.",
        "{S} поблагодарил собеседника за тёплый приём и напомнил о достигнутых результатах в области {t1}.",
        "{S} заявил о заинтересованности в более тесном сотрудничестве по вопросам {t1}.",
    ),
    joints=(
        "Стороны обменялись мнениями по вопросам {t1}, {t2} и {t3}.",
        "Стороны договорились продолжить сотрудничество в области {t1} и {t2}.",
        "Стороны также обсудили актуальные международные и региональные вопросы, представляющие взаимный интерес.",
        "Стороны подтвердили стремление укреплять стратегическое партнёрство, в том числе в сфере {t1}.",
    ),
    narratives=(
        "По итогам встречи подписан ряд соглашений о сотрудничестве в области {t1}.",
        "Встреча прошла в дружественной и конструктивной атмосфере.",
        "Была представлена дорожная карта сотрудничества в сфере {t1}.",
    ),
    closings=(
        "Стороны договорились поддерживать регулярные контакты на всех уровнях.",
        "{S} пригласил собеседника посетить страну с официальным визитом в удобное время.",
    ),
    headlines=(
        "Переговоры: {A} и {B}",
        "Встреча в городе {city}: {A} и {B}",
        "{A} провёл встречу с собеседником, {B}",
    ),
    date_format="d MMMM y 'года'",
    separator=" ",
    conjunction=" и ",
)

CHINESE = Phrasebook(
    language="zh",
    offices={
        PRESIDENT: "总统",
        VICE_PRESIDENT: "副总统",
        HEAD_OF_GOVERNMENT: "总理",
        FOREIGN_MINISTER: "外交部长",
        OFFICIAL: "高级官员",
    },
    topics=(
        "经贸",
        "投资",
        "能源",
        "地区安全",
        "互联互通",
        "基础设施",
        "农业",
        "气候变化",
        "交通运输",
        "教育",
        "文化",
        "旅游",
        "卫生",
        "数字经济",
        "金融",
        "科技创新",
        "反恐",
        "人文交流",
        "多边主义",
        "可持续发展",
        "新能源",
        "创新",
        "粮食安全",
        "海关",
        "网络安全",
        "移民",
        "水资源",
        "民航",
        "航天",
        "人权",
    ),
    leads=(
        "{date}，{A}在{city}会见{B}。",
        "{date}，{A}同{B}在{city}举行会谈。",
        "{date}，{A}在{city}与{B}举行会晤，双方就双边关系深入交换意见。",
    ),
    statements=(
        "{S}表示，{sc}高度重视同{oc}的关系，愿同{oc}加强{t1}领域合作。",
        "{S}指出，双方在{t1}和{t2}等领域合作潜力巨大。",
        "{S}强调，{sc}愿同各方一道，推动{t1}合作取得更多成果。",
        "{S}建议双方加强{t1}领域对话，扩大{t2}方面的务实合作。",
        "{S}感谢{O}的热情接待，积极评价双方在{t1}领域取得的成果。",
        "{S}说，{sc}愿与{oc}深化{t1}合作，共同应对挑战。",
    ),
    joints=(
        "双方就{t1}、{t2}和{t3}等问题交换了意见。",
        "双方同意继续深化{t1}和{t2}领域合作。",
        "双方还就共同关心的国际和地区问题交换了看法。",
        "双方重申愿加强战略伙伴关系，特别是在{t1}领域的合作。",
    ),
    narratives=(
        "会谈后，双方签署了多项{t1}领域合作文件。",
        "会见在友好、建设性的气氛中进行。",
        "双方介绍了{t1}合作路线图。",
    ),
    closings=("双方同意保持各层级密切交往。", "{S}邀请{O}在双方方便的时候进行正式访问。"),
    headlines=("{A}会见{B}", "{A}同{B}举行会谈", "{A}在{city}会见{B}"),
    date_format="y年M月d日",
    separator="",
    conjunction="和",
)

PHRASEBOOKS = {book.language: book for book in (FRENCH, SPANISH, RUSSIAN, CHINESE)}


def language_of(code: str) -> str | None:
    """The language a country's own publishers write, when the demo writes it: the first of its official
    languages (CLDR, through Babel), English or one of the phrasebooks' ("ru" for Kazakhstan, "es" for Mexico);
    None for a country whose first language the demo does not write (Germany), or no country (the EU)."""
    official = get_official_languages(code, de_facto=True)
    if official and (official[0] == "en" or official[0] in PHRASEBOOKS):
        return official[0]
    return None


def pick_language(rng: random.Random, publisher_country: str) -> str:
    """The language a publisher of that country writes an account in."""
    own = language_of(publisher_country)
    if own:
        return own
    draw = rng.random()
    for language, share in OTHER_LANGUAGE_SHARES:
        if draw < share:
            return language
        draw -= share
    return "en"


@cache
def topic_weights(count: int) -> tuple[float, ...]:
    return tuple(accumulate(1 / rank for rank in range(1, count + 1)))


def pick_topics(rng: random.Random, book: Phrasebook, count: int) -> list[str]:
    weights, topics = topic_weights(len(book.topics)), []
    while len(topics) < count:
        topic = book.topics[bisect(weights, rng.random() * weights[-1])]
        if topic not in topics:
            topics.append(topic)
    return topics


@cache
def country_name(language: str, code: str, english: str) -> str:
    return Locale.parse(language).territories.get(code) or english


def person_name(language: str, name: str, short: str = "") -> str:
    """How a text in ``language`` names the person (by ``short``, the English texts' short name, in running text
    in French and Spanish: "Wang" for Wang Yi)."""
    if language == "ru":
        return NAMES[name][0] if name in NAMES else cyrillic(name)
    if language == "zh":
        return NAMES[name][1] if name in NAMES else ""
    return short or name


def names_in_scripts(name: str) -> tuple[str, ...]:
    """The spellings of the name that the demo's Russian and Chinese texts use, for the person's aliases."""
    return (NAMES[name] if name in NAMES else (cyrillic(name),)) if name else ()


def described(book: Phrasebook, title: str, name: str, code: str, english_country: str) -> str:
    """The person with their office and country: "le ministre des Affaires étrangères de la Chine Wang Yi", "el
    presidente de Filipinas Ferdinand Marcos", "президент (Казахстан) Касым-Жомарт Токаев"."""
    office = book.offices[office_kind(title)]
    country = country_name(book.language, code, english_country)
    if book.language == "zh":
        if code == "CN" and office_kind(title) == PRESIDENT:
            office = "国家主席"
        return f"{country}{office}{person_name('zh', name)}"
    if book.language == "ru":
        return f"{office} ({country}) {person_name('ru', name)}"
    return contract(book.language, f"{office} de {with_article(book.language, code, country)} {name}")


@dataclass(frozen=True, slots=True)
class Written:
    title: str
    paragraphs: tuple[str, ...]
    dateline: str
    topics: tuple[str, ...]


def write_in(language: str, rng: random.Random, plan) -> Written:
    """The readout of ``plan`` (a readouts.demo.Plan: the day, the city, the publisher, the participants with
    their titles and countries, and each paragraph's kind and speaker) written in ``language``."""
    book = PHRASEBOOKS[language]
    topics = pick_topics(rng, book, rng.randint(5, 8))
    people = {participant.name: participant for participant in plan.participants}
    full = [described(book, p.title, p.name, p.code, p.country) for p in plan.participants]
    values = {
        "A": full[0],
        "B": book.conjunction.join(full[1:]) if len(full) < 3 else ", ".join(full[1:-1]) + book.conjunction + full[-1],
        "city": plan.city,
        "date": format_date(plan.day, book.date_format, locale=language),
    }
    decks = {kind: rng.sample(pool, len(pool)) for kind, pool in
             (("statement", book.statements), ("joint", book.joints), ("narrative", book.narratives))}  # fmt: skip

    def draw(kind: str) -> str:
        if not decks[kind]:
            decks[kind] = list(getattr(book, kind + "s"))
            rng.shuffle(decks[kind])
        return decks[kind].pop()

    paragraphs = [contract(language, capitalize(rng.choice(book.leads).format(**values)))]
    kinds = plan.kinds[1:]
    for position, (kind, speaker) in enumerate(kinds, start=1):
        shift = rng.randrange(len(topics))
        fill = {**values, **{f"t{n}": topics[(position + shift + n) % len(topics)] for n in (1, 2, 3)}}
        if speaker is not None:
            spoken = people[speaker]
            other = next(p for p in plan.participants if p.name != speaker)
            fill |= {
                "S": capitalize(speaking(book, spoken)),
                "O": speaking(book, other),
                "sc": with_article(language, spoken.code, country_name(language, spoken.code, spoken.country)),
                "oc": with_article(language, other.code, country_name(language, other.code, other.country)),
            }
        else:
            first, second = plan.participants[0], plan.participants[1]
            fill |= {"S": capitalize(speaking(book, first)), "O": speaking(book, second)}
        if position == len(kinds) and kind == "narrative":
            template = rng.choice(book.closings)
        else:
            template = draw(kind)
            if kind == "statement" and rng.random() < 0.4:
                second = draw(kind)
                if second != template:
                    template = template + book.separator + second
        paragraphs.append(contract(language, template.format(**fill)))
    title = contract(language, capitalize(rng.choice(book.headlines).format(**values)))
    dateline = f"{plan.city.upper()}, {values['date']} ({plan.publisher})"
    return Written(title, tuple(paragraphs), dateline, tuple(topics))


def speaking(book: Phrasebook, participant) -> str:
    """The person as the subject of a sentence after the lead: the name, or in Chinese (with no name written)
    the office and country."""
    name = person_name(book.language, participant.name, participant.short or participant.name.split()[-1])
    if name:
        return name
    return described(book, participant.title, participant.name, participant.code, participant.country)


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class PlannedPerson:
    name: str
    title: str
    code: str
    country: str  # in English, where Babel has no name for it
    short: str = ""  # the short name the English texts use ("Wang" for Wang Yi); else the last word of the name


@dataclass(frozen=True, slots=True)
class Plan:
    day: datetime.date
    city: str
    publisher: str
    participants: tuple[PlannedPerson, ...]
    kinds: tuple[tuple[str, str | None], ...]  # each paragraph's kind and speaker's name
