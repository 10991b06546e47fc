"""The words card_text reads signatures with: labels, titles, company forms, places, noise.

Kept apart from the recogniser so its rules stay readable. All sets hold lower-case words
without a trailing full stop, which is how card_text looks them up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# How a phone number is labelled, by what it is: the direct line beats the switchboard,
# which beats a mobile; a fax is never proposed.
DIRECT, OFFICE, MOBILE, HOME, FAX = "direct", "office", "mobile", "home", "fax"
PHONE_RANK = {DIRECT: 0, OFFICE: 1, MOBILE: 2, HOME: 3}

PHONE_LABELS: dict[str, str] = {
    **dict.fromkeys(("fax", "f", "telefax", "télécopie", "telecopie", "传真"), FAX),
    **dict.fromkeys(
        (
            "m", "mob", "mobile", "mobil", "cell", "c", "cellular", "handy", "portable",
            "port", "gsm", "móvil", "movil", "celular", "cellulare", "whatsapp", "iphone",
            "mobiel", "手机",
        ),
        MOBILE,
    ),
    **dict.fromkeys(("d", "dir", "direct", "dd", "ddi", "durchwahl"), DIRECT),
    **dict.fromkeys(
        (
            "t", "tel", "tél", "tele", "telephone", "téléphone", "telefon", "telefono",
            "teléfono", "phone", "p", "ph", "o", "off", "office", "w", "work", "main", "b",
            "business", "switchboard", "fon", "电话",
        ),
        OFFICE,
    ),
    **dict.fromkeys(("h", "home"), HOME),
}  # fmt: skip
# "Direct line", "Office phone": the word before these says what kind of number it is.
PHONE_LABEL_TAILS = frozenset({"line", "phone", "tel", "number", "no", "nr", "nummer"})
OTHER_LABELS = frozenset(
    {"e", "email", "e-mail", "mail", "courriel", "web", "website", "www", "url", "site"}
    | {"internet", "homepage", "linkedin", "from", "von", "de"}
)

# Web sites that are someone's social presence, not their company's site.
SOCIAL_HOSTS = (
    "twitter.com", "x.com", "facebook.com", "fb.com", "instagram.com", "youtube.com",
    "youtu.be", "tiktok.com", "pinterest.com", "threads.net", "bsky.app", "calendly.com",
    "bit.ly", "t.co", "aka.ms", "zoom.us", "teams.microsoft.com", "github.com",
    "medium.com", "linkedin.com", "xing.com",
)  # fmt: skip
# A person's own profile page is worth keeping in the notes, unlike a company's feed.
PROFILE_PATHS = (("linkedin.com", "/in/"), ("xing.com", "/profile/"))
SOCIAL_WORDS = frozenset(
    {"linkedin", "twitter", "x", "facebook", "instagram", "youtube", "tiktok", "xing"}
    | {"github", "follow", "us", "on", "connect", "with", "me", "find", "and", "&"}
)

FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn",
        "icloud", "me", "mac", "aol", "proton", "protonmail", "pm", "gmx", "web", "mail",
        "yandex", "zoho", "qq", "163", "126", "rediffmail", "fastmail", "hey", "t-online",
        "orange", "free", "laposte", "wanadoo", "btinternet", "comcast", "verizon", "att",
    }
)  # fmt: skip
# Second-level labels under a country code: "acme.co.uk" belongs to "acme".
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv"})

# Strong: a line with one of these is a job title. Weak: only when nothing stronger is near.
TITLE_WORDS = frozenset(
    {
        "manager", "director", "engineer", "recruiter", "vp", "svp", "evp", "avp",
        "president", "head", "lead", "partner", "officer", "founder", "co-founder",
        "cofounder", "ceo", "cto", "cfo", "coo", "cmo", "cio", "ciso", "cpo", "chro",
        "chief", "consultant", "specialist", "analyst", "coordinator", "associate",
        "assistant", "administrator", "architect", "developer", "designer", "scientist",
        "researcher", "professor", "lecturer", "advisor", "adviser", "sourcer",
        "generalist", "representative", "executive", "owner", "principal", "supervisor",
        "intern", "strategist", "producer", "editor", "counsel", "attorney", "accountant",
        "secretary", "chair", "chairman", "chairwoman", "chairperson", "trustee",
        "programmer", "technician", "agent", "broker", "planner", "buyer", "controller",
        "auditor", "treasurer", "economist", "librarian", "teacher", "recruiting",
        "geschäftsführer", "geschäftsführerin", "leiter", "leiterin", "referent",
        "referentin", "berater", "beraterin", "ingenieur", "ingenieurin", "entwickler",
        "entwicklerin", "vorstand", "inhaber", "inhaberin", "directeur", "directrice",
        "responsable", "chargé", "chargée", "ingénieur", "ingénieure", "chef", "cheffe",
        "gérant", "gérante", "président", "présidente", "consultante", "développeur",
        "développeuse", "associé", "associée", "assistante", "recruteur", "recruteuse",
        "sr", "senior", "junior", "jr",
    }
)  # fmt: skip
WEAK_TITLE_WORDS = frozenset({"talent", "hr", "people", "acquisition", "recruitment"})
# German compounds: "Personalleiterin", "Projektmanager".
TITLE_SUFFIXES = (
    "leiter", "leiterin", "referent", "referentin", "manager", "managerin", "berater",
    "beraterin", "führer", "führerin", "ingenieur", "ingenieurin", "entwickler",
)  # fmt: skip
CJK_TITLE_WORDS = (
    "经理", "總經理", "总监", "總監", "工程师", "工程師", "主管", "总裁", "總裁", "董事",
    "专员", "專員", "顾问", "顧問", "主任", "部长", "部長", "社長", "課長", "设计师",
    "招聘", "人事",
)  # fmt: skip

DEPARTMENT_WORDS = frozenset(
    {
        "engineering", "sales", "marketing", "finance", "accounting", "operations",
        "human", "resources", "hr", "people", "talent", "acquisition", "recruiting",
        "recruitment", "research", "development", "r&d", "it", "legal", "product",
        "design", "platform", "infrastructure", "customer", "success", "support",
        "communications", "procurement", "purchasing", "logistics", "strategy",
        "security", "data", "analytics", "quality", "manufacturing", "administration",
        "department", "dept", "division", "abteilung", "team", "ressources", "humaines",
        "personalabteilung", "personal",
    }
)  # fmt: skip

# Company forms ("Ltd", "GmbH") and words organisations are named with ("University").
_LEGAL_FORMS = (
    r"Inc\.?|Incorporated|L\.?L\.?C\.?|LLP|L\.?P\.|Ltd\.?|Limited|g?GmbH|AG|SE|S\.A\.?S?\.?"
    r"|SA|SAS|SARL|S\.à\s?r\.l\.|plc|PLC|Corp\.?|Corporation|Co\.|&\s?Co\b|Company|Pty\.?"
    r"|Pvt\.?|B\.V\.?|BV|N\.V\.?|NV|S\.p\.A\.?|SpA|S\.r\.l\.?|Srl|Oy|AB|A/S|ASA|KG|KGaA"
    r"|e\.V\.|K\.K\.|Group|Holdings?|Partners|Associates|Technologies|Labs|Consulting"
    r"|Solutions|Systems|Ventures|Capital|Bank|University|Universität|Université|Institute"
    r"|Institut|College|Hospital|Foundation|Agency|Studios?"
)
COMPANY_FORM = re.compile(
    rf"(?:^|(?<=[\s,(]))(?:{_LEGAL_FORMS})(?=$|[\s,.)])|株式会社|有限公司|公司|集团"
)

STREET_WORDS = frozenset(
    {
        "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane",
        "ln", "drive", "dr", "court", "ct", "place", "pl", "square", "sq", "way",
        "parkway", "pkwy", "highway", "hwy", "circle", "cir", "terrace", "plaza", "row",
        "crescent", "close", "mews", "gardens", "walk", "loop", "trail", "alley",
        "broadway", "wharf", "quay", "embankment", "suite", "ste", "floor", "fl", "unit",
        "building", "bldg", "level", "rue", "allée", "chemin", "quai", "impasse", "cours",
        "bd", "calle", "via", "viale", "piazza", "corso", "avenida", "rua", "carrer",
        "paseo", "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "laan",
        "straat", "gracht", "plein", "kade", "box", "postfach",
    }
)  # fmt: skip
# German, Dutch and Nordic streets end in the street word: "Friedrichstraße 123".
STREET_SUFFIXES = (
    "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "damm", "ring", "ufer",
    "laan", "straat", "gracht", "plein", "kade", "vej", "gatan", "gata", "gade", "veien",
)  # fmt: skip

COURTESY_TITLE_WORDS: dict[str, str] = {
    "mr": "Mr.", "ms": "Ms.", "mx": "Mx.", "dr": "Dr.", "mrs": "", "miss": "", "prof": "",
    "professor": "", "mme": "", "mlle": "", "herr": "", "frau": "", "sir": "", "dame": "",
    "dr.-ing": "Dr.",
}  # fmt: skip
# Letters after a name: not part of the family name.
CREDENTIALS = frozenset(
    {
        "phd", "ph.d", "md", "m.d", "mba", "cpa", "cfa", "pe", "p.e", "esq", "jd", "j.d",
        "msc", "m.sc", "bsc", "b.sc", "ma", "m.a", "ba", "b.a", "rn", "pmp", "shrm-cp",
        "shrm-scp", "phr", "sphr", "cipd", "frsa", "facs", "dds", "dvm", "llm", "ll.m",
        "cissp", "jr", "sr", "ii", "iii", "iv", "mphil", "dphil", "fca", "aca", "acca",
    }
)  # fmt: skip
PARTICLES = frozenset(
    {
        "van", "der", "den", "de", "la", "le", "du", "des", "di", "da", "del", "della",
        "von", "zu", "bin", "binti", "al", "ibn", "dos", "das", "ten", "ter", "y", "e",
        "st.", "af", "av",
    }
)  # fmt: skip
# Capitalised words that make a line something other than a person's name.
NOT_NAME_WORDS = frozenset(
    {
        "the", "best", "regards", "kind", "warm", "thanks", "thank", "sincerely",
        "cheers", "sent", "from", "to", "subject", "date", "cc", "re", "fw", "fwd",
        "dear", "hello", "hi", "hey", "confidential", "notice", "disclaimer", "privacy",
        "click", "here", "unsubscribe", "contact", "info", "message", "connect", "more",
        "mobile", "phone", "email", "office", "fax", "website", "web", "area", "region",
        "greater", "bay", "county", "city", "team", "services", "global", "international",
        "center", "centre", "health", "media", "ventures", "school", "department", "dept",
        "follow", "open", "work", "hiring", "inc", "ltd", "llc", "corp", "university",
        "mit", "freundlichen", "grüßen", "cordialement", "all", "of", "for", "and",
        "our", "your", "my", "new", "please", "see", "call", "visit", "book", "meeting",
        "north", "south", "east", "west", "headquarters", "hq", "main", "tel", "www",
    }
)  # fmt: skip

US_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida",
    "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
    "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "Virgin Islands",
}  # fmt: skip
CA_PROVINCES: dict[str, str] = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
    "NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Québec",
    "SK": "Saskatchewan", "YT": "Yukon",
}  # fmt: skip
# Georgia and Jersey are left out: as a line on a card they are more likely US and UK places.
COUNTRIES = frozenset(
    {
        "usa", "u.s.a", "us", "u.s", "united states", "united states of america", "uk",
        "u.k", "united kingdom", "great britain", "england", "scotland", "wales",
        "northern ireland", "ireland", "germany", "deutschland", "france", "canada",
        "india", "china", "中国", "prc", "japan", "日本", "australia", "new zealand",
        "netherlands", "the netherlands", "nederland", "belgium", "belgique", "belgië",
        "switzerland", "schweiz", "suisse", "svizzera", "austria", "österreich", "spain",
        "españa", "italy", "italia", "portugal", "sweden", "sverige", "norway", "norge",
        "denmark", "danmark", "finland", "suomi", "poland", "polska", "czech republic",
        "czechia", "brazil", "brasil", "mexico", "méxico", "argentina", "chile",
        "singapore", "hong kong", "taiwan", "south korea", "korea", "israel", "uae",
        "united arab emirates", "south africa", "nigeria", "kenya", "egypt", "turkey",
        "türkiye", "luxembourg", "greece", "hungary", "romania", "philippines",
        "indonesia", "malaysia", "thailand", "vietnam", "pakistan", "bangladesh",
    }
)  # fmt: skip
INDIAN_STATES = frozenset(
    {
        "karnataka", "maharashtra", "tamil nadu", "telangana", "delhi", "new delhi",
        "haryana", "uttar pradesh", "west bengal", "gujarat", "kerala", "rajasthan",
        "andhra pradesh", "punjab", "madhya pradesh", "odisha", "bihar", "goa", "assam",
    }
)  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of ``words``, longest first so "New York" beats "New"."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(item) for item in items)
