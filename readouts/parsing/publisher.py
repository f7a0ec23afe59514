"""Publisher: who issued or carried the readout, from front matter, source URLs, datelines and credit lines."""

from __future__ import annotations

import re

from readouts.parsing.gazetteer import load_gazetteer

# Known publishers: (pattern found in the text or URL, display name, home country). Order matters: the first match
# wins, so specific outlets come before the agencies they cite.
PUBLISHERS: list[tuple[str, str, str | None]] = [
    (r"whitehouse\.|\bthe white house\b", "The White House", "United States"),
    (r"state\.gov|\bdepartment of state\b|office of the spokesperson", "U.S. Department of State", "United States"),
    (r"gov\.uk|downing street spokes|prime minister's office", "UK Prime Minister's Office", "United Kingdom"),
    (
        r"un\.org|welcome to the united nations|office of the secretary-general|readout of the secretary-general",
        "United Nations",
        "United Nations",
    ),
    (r"kremlin\.ru|\bkremlin press\b", "Kremlin", "Russia"),
    (r"vestnik ?kavkaza|vestnikkavkaza", "Vestnik Kavkaza", "Russia"),
    (r"astana ?times|astanatimes", "The Astana Times", "Kazakhstan"),
    (r"kazakhstan today", "Kazakhstan Today", "Kazakhstan"),
    (r"\bkazinform\b", "Kazinform", "Kazakhstan"),
    (r"\bakorda\b|\bakorda\.kz", "Akorda", "Kazakhstan"),
    (r"press service of elbasy", "Press service of Elbasy", "Kazakhstan"),
    (r"china daily", "China Daily", "China"),
    (r"people'?s daily|peopledaily|french\.people\.com", "People's Daily", "China"),
    (r"\bxinhua(?:net)?\b|新华", "Xinhua", "China"),
    (r"\bcgtn\b", "CGTN", "China"),
    (r"\bglobal times\b", "Global Times", "China"),
    (r"\(app\)|associated press of pakistan|app\.com\.pk", "Associated Press of Pakistan", "Pakistan"),
    (r"\brss\b|rastriya samachar", "Rastriya Samachar Samiti", "Nepal"),
    (r"\(ap\)|the associated press|\bap photo\b", "The Associated Press", None),
    (r"\breuters\b", "Reuters", None),
    (r"\(afp\)|agence france-presse", "AFP", None),
    (r"\btass\b", "TASS", "Russia"),
    (r"\bria novosti\b", "RIA Novosti", "Russia"),
    (r"\binterfax\b", "Interfax", "Russia"),
    (r"\b(?:pti|press trust of india)\b", "Press Trust of India", "India"),
    (r"\bmea\.gov\.in|ministry of external affairs", "Ministry of External Affairs of India", "India"),
    (r"\bvna\b|vietnam news agency", "Vietnam News Agency", "Vietnam"),
    (r"\byonhap\b", "Yonhap", "South Korea"),
    (r"\bkyodo\b", "Kyodo", "Japan"),
    (r"\banadolu\b", "Anadolu Agency", "Turkey"),
    (r"\bbernama\b", "Bernama", "Malaysia"),
]
_COMPILED = [(re.compile(pattern, re.IGNORECASE), name, country) for pattern, name, country in PUBLISHERS]
_NAME_TO_COUNTRY = {name: country for _, name, country in PUBLISHERS}


def detect_publisher(sources: list[str]) -> str | None:
    """The first known publisher found in the sources, tried in order (front matter, dateline agency, header...)."""
    for source in sources:
        if not source:
            continue
        head = source[:5000]
        for pattern, name, _ in _COMPILED:
            if pattern.search(head):
                return name
    for source in sources[:2]:
        # An explicit publisher field that is not a known outlet is still the best answer.
        if source and len(source) < 80 and not source.startswith("http"):
            return source.strip()
    return None


def home_country(publisher: str | None) -> str | None:
    return _NAME_TO_COUNTRY.get(publisher or "")


def publisher_home(publisher: str | None) -> str | None:
    """The publisher's home country (a short English name): a known outlet's, else the first country its name
    names ("Ministry of Foreign Affairs of Kazakhstan", "Kazakh Foreign Ministry"). None for an agency of no side
    (Reuters) and for a name that names no country ("Prime Minister's Office")."""
    if not publisher:
        return None
    for pattern, _name, country in _COMPILED:
        if pattern.search(publisher):
            return country
    mentions = load_gazetteer().find(publisher)
    return mentions[0].country if mentions else None


# A host name of a government's own site: "pmtranscripts.pmc.gov.au", "www.president.gov.ua", "mfa.go.jp",
# "whitehouse.gov" (the United States'); the label before the country code says it is a government's.
_HOST = re.compile(r"(?<![\w.@-])((?:[a-z0-9-]+\.)+[a-z]{2,6})(?![\w-])", re.IGNORECASE)
_GOVERNMENT_LABELS = {"gov", "gouv", "gob", "go", "govt", "gv"}
_DOMAIN_CODES = {"uk": "GB"}  # country-code domains that are not the ISO code


def government_country(sources: list[str]) -> str | None:
    """The country whose government's site the text came from or names in its header (a government's release
    speaks for it), as a short English name; None when no such address is given."""
    codes = load_gazetteer().codes
    for source in sources:
        for host in _HOST.findall((source or "")[:5000]):
            labels = host.lower().split(".")
            if labels[-1] == "gov":
                return codes.get("US")
            if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _GOVERNMENT_LABELS:
                country = codes.get(_DOMAIN_CODES.get(labels[-1], labels[-1].upper()))
                if country:
                    return country
    return None
