"""People in Chinese text (simplified or traditional): an office title followed by a name ("外长王毅",
"非盟委员会主席法基"), or a name opening a headline or sentence before a verb of meeting ("杨洁篪会见...").

Chinese writes no spaces, so a name ends where a word that cannot be part of it begins: a preposition, a verb of
meeting or speaking, a time word, punctuation. Names are two to four characters for Chinese people; transliterated
foreign names run longer, up to six.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import load_gazetteer
from .organisations import organisation_ending

# Office titles, longest first so that "国务委员兼外交部长" wins over "外交部长" and "部长".
_TITLES = sorted(
    {
        "国家主席", "國家主席", "国家副主席", "國家副主席", "总书记", "總書記", "国务院总理", "國務院總理", "总理",
        "總理", "副总理", "副總理", "国务委员兼外交部长", "國務委員兼外交部長", "国务委员兼外长", "國務委員兼外長",
        "国务委员", "國務委員", "外交部长", "外交部長", "外长", "外長", "外交大臣", "外相", "外交国务秘书",
        "国务卿", "國務卿", "总统", "總統", "副总统", "副總統", "首相", "总干事", "總幹事", "秘书长", "秘書長",
        "委员会主席", "委員會主席", "主席", "办公室主任", "辦公室主任", "主任", "大使", "部长", "部長", "议长",
        "議長", "国王", "國王", "王储", "王儲", "埃米尔", "总督", "總督", "特使", "特别代表", "特別代表", "顾问",
        "顧問", "政治局委员", "政治局委員", "政治局常委", "委员长", "委員長", "联邦总理", "聯邦總理", "高级代表",
        "高級代表", "助理", "司长", "司長", "主席团主席", "领导人", "領導人", "董事长", "董事長", "总裁", "總裁",
    },
    key=len,
    reverse=True,
)  # fmt: skip
_TITLE_PATTERN = "|".join(map(re.escape, _TITLES))
# Words that cannot be part of a name: where a name written right after its title ends.
_STOPS = (
    "与", "與", "和", "同", "在", "于", "於", "时", "時", "表示", "说", "說", "会见", "會見", "会晤", "會晤",
    "通电话", "通電話", "举行", "舉行", "周", "週", "星期", "应", "應", "就", "向", "对", "對", "并", "並", "指出",
    "强调", "強調", "称", "稱", "一行", "等", "的", "今天", "昨天", "今日", "日前", "近日", "将", "將", "也", "还",
    "還", "分别", "分別", "进行", "進行", "抵达", "抵達", "率", "共同", "是", "已", "再", "曾", "均", "都", "致",
    "访", "訪", "出席", "主持", "会谈", "會談", "通话", "通話", "谈", "談", "及", "以及", "兼",
    # words that follow a bare title ("总统先生", "外长会期间", "总统达成的共识"): no name comes between
    "先生", "女士", "阁下", "閣下", "期间", "期間", "会议", "會議", "会上", "會上", "达成", "達成", "邀请", "邀請",
)  # fmt: skip
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,8}")
_TITLE = re.compile(_TITLE_PATTERN)
_NAME_RUN = re.compile(r"[·・]?([\u3400-\u9fff·・]{2,10})")
_CLAUSE_END = re.compile(r"[，。；：！？,;:]")
_MEETING = re.compile(r"会见|會見|会晤|會晤|晤|通电话|通電話|举行会谈|舉行會談|会谈|會談|接见|接見|同|与|與")
_HEAD = re.compile(
    r"(?:^|[，。：；！？、\s“”「」《》（）()])([\u3400-\u9fff]{2,3})(?=会见|會見|会晤|會晤|通电话|通電話|同|与|與)"
)
# Family names: a name that begins with one of these and has two or three characters is most likely Chinese.
CHINESE_SURNAMES = set(
    "王李张張刘劉陈陳杨楊赵趙黄黃周吴吳徐孙孫胡朱高林何郭马馬罗羅梁宋郑鄭谢謝韩韓唐冯馮于董萧蕭程曹袁邓鄧许許"
    "傅沈曾彭吕呂苏蘇卢盧蒋蔣蔡贾賈丁魏薛叶葉阎閻余潘杜戴夏钟鍾汪田任姜范方石姚谭譚廖邹鄒熊金陆陸郝孔白崔康"
    "毛邱秦江史顾顧侯邵孟龙龍万萬段雷钱錢汤湯尹黎易常武乔喬贺賀赖賴龚龔文习習栗温溫俞韦韋蔺藺"
)
_COUNTRY_OF_TITLE = re.compile(r"中国|中國|中方|中共|国务委员|國務委員|国家主席|國家主席|国务院|國務院")


@dataclass(frozen=True)
class HanMention:
    name: str
    title: str
    start: int
    end: int
    chinese_office: bool  # the title is one of China's own ("国务委员", "中国外长")
    organisation: str | None = None  # the organisation named right before the title ("世界衛生組織總幹事")
    country: str | None = None  # the country named right before the title ("南非外长", "来访的新西兰外长")


def _cut_name(run: str) -> str:
    """The name at the start of run: up to the first word that cannot be part of a name."""
    run = run.strip("·・")
    if run.startswith(_STOPS):
        return ""
    end = len(run)
    for stop in _STOPS:
        index = run.find(stop, 2 if len(stop) == 1 else 1)
        if 0 < index < end:
            end = index
    name = run[:end]
    dotted = "·" in name[:7] or "・" in name[:7]
    if name[:1] in CHINESE_SURNAMES and len(name) > 3 and not dotted:
        name = name[:3]  # Chinese people have two or three characters; what follows is another word
    # A transliterated name of several parts ("温斯顿·彼得斯") runs longer: up to six characters a part.
    return name[:13] if dotted else name[:6]


def find_han_mentions(text: str) -> list[HanMention]:
    """Titled people, and the people a headline or sentence opens with before a verb of meeting."""
    mentions: list[HanMention] = []
    taken: set[int] = set()
    previous_end = 0
    for match in _TITLE.finditer(text):
        run = _NAME_RUN.match(text, match.end())
        if not run:
            continue
        name = _cut_name(run.group(1))
        if len(name.strip("·・")) < 2 or any(name.startswith(t) for t in _TITLES):
            continue
        start = run.start(1)
        clause = text[max(0, previous_end, match.start() - 40) : match.start()]
        previous_end = start + len(name)
        clause = _CLAUSE_END.split(clause)[-1]
        chinese = bool(_COUNTRY_OF_TITLE.search(clause + match.group()))
        organisation = None if chinese else organisation_ending(clause)
        country = None if chinese or organisation else _country_ending(clause)
        mentions.append(HanMention(name, match.group(), start, start + len(name), chinese, organisation, country))
        taken.add(start)
    for match in _HEAD.finditer(text):
        name = match.group(1)
        if match.start(1) not in taken and name[0] in CHINESE_SURNAMES:
            mentions.append(HanMention(name, "", match.start(1), match.end(1), False))
    mentions.sort(key=lambda m: m.start)
    return mentions


def _country_ending(clause: str) -> str | None:
    """The country whose name ends the clause, right before a title."""
    found = [m for m in load_gazetteer().find(clause) if m.end == len(clause)]
    return found[-1].country if found else None


def looks_chinese(name: str) -> bool:
    return 2 <= len(name) <= 3 and name[0] in CHINESE_SURNAMES


def mentions_meeting(text: str) -> bool:
    return bool(_MEETING.search(text))
