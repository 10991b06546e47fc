"""Realistic, varied, deterministic sample data: cards, events and a LinkedIn export.

Everything here is seeded, so every run builds the same databases and files. No Qt.

The people come from many places (names with accents, in Chinese, Japanese and Korean
script or romanised), work at a few thousand companies (a few large employers, a long tail
of small ones) under a few hundred job titles, and have notes from none to a long
paragraph. The first ``n`` cards of a larger set are the cards of the smaller one.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from desktop.domain.categories import COURTESY_TITLES, Category
from desktop.domain.contacts import ContactCard
from desktop.domain.vocabulary import EventKind

# A fixed moment so that every run stores and renders the same dates.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
SEED = 20261125


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _names(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


@dataclass(frozen=True)
class _Culture:
    weight: float
    given: tuple[str, ...]
    family: tuple[str, ...]
    family_first: bool = False  # shown as "family given" when written in its own script
    ascii_local: bool = True  # can the email's local part be made from the name?


# Given and family names, by where people come from. Weights are the share of contacts.
_CULTURES: tuple[_Culture, ...] = (
    _Culture(
        30,
        _words(
            "James Mary Olivia Liam Emma Noah Ava William Sophia Benjamin Charlotte Lucas "
            "Amelia Henry Harper Jack Ella Owen Grace Zoë Chloë Sean Siobhán Niamh Aoife "
            "Dana Michael Jennifer David Sarah Daniel Laura Matthew Emily Andrew Rachel "
            "Christopher Jessica Ryan Megan Tyler Brittany Kevin Nicole Brian Ashley Jason "
            "Heather Eric Amanda Scott Melissa Mark Rebecca Paul Katherine Joshua Hannah"
        ),
        _names(
            "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, "
            "Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson, "
            "Walker, Young, Allen, King, Wright, Scott, Hill, Green, Adams, Baker, Nelson, "
            "Carter, Mitchell, Roberts, Turner, Phillips, Campbell, Parker, Evans, Edwards, "
            "Collins, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Cooper, Reed, Bailey, "
            "Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, Bennett, Gray, "
            "Hughes, Price, Sanders, Ross, Powell, Sullivan, Russell, Perry, Butler, Barnes, "
            "Fisher, Henderson, Coleman, Simmons, Patterson, Jordan, Reynolds, Hamilton, "
            "Graham, O'Brien, O'Connor, McCarthy, MacDonald, Fitzgerald, van der Berg, "
            "St. John, Smith-Jones, Ó Briain"
        ),
    ),
    _Culture(
        12,
        _words(
            "José María Lucía Sofía Mateo Santiago Valentina Camila Diego Alejandro Ximena "
            "Ana Carlos Javier Inés Raúl Andrés Guadalupe Martín Paula Adrián Verónica"
        ),
        _names(
            "García, Martínez, Rodríguez, López, Hernández, González, Pérez, Sánchez, Ramírez, "
            "Torres, Flores, Rivera, Gómez, Díaz, Cruz, Morales, Reyes, Gutiérrez, Ortiz, "
            "Jiménez, Ruiz, Álvarez, Castillo, Vásquez, Núñez, Peña, de la Cruz, García Márquez"
        ),
    ),
    _Culture(
        4,
        _words("João Thiago Gabriela Luíza Conceição Rafael Beatriz Gonçalo Inês Tomás"),
        _names(
            "Silva, Santos, Oliveira, Souza, Costa, Pereira, Almeida, Gonçalves, Magalhães, "
            "Araújo, Carvalho, Ribeiro"
        ),
    ),
    _Culture(
        6,
        _words(
            "Jürgen Lukas Anna Lea Maximilian Jörg Günther Käthe Felix Hannah Jonas Sophie "
            "Matthias Katrin Björn Uwe Sabine Dörte"
        ),
        _names(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schäfer, Koch, "
            "Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Krüger, "
            "Hofmann, Groß, Weiß, von Bülow"
        ),
    ),
    _Culture(
        5,
        _words(
            "François Amélie Chloé Hélène Benoît Élodie Léa Jérôme Margaux Théo Noël Gaëlle "
            "Cécile Loïc Anaïs Stéphane"
        ),
        _names(
            "Dubois, Lefèvre, Moreau, Laurent, Girard, Bonnet, Rousseau, Fontaine, Chevalier, "
            "Faure, Mercier, Lefebvre, Bélanger, Côté, Gagnon, Lévesque, Béranger"
        ),
    ),
    _Culture(
        3,
        _words("Søren Björn Åsa Ingrid Lars Sigrid Henrik Freja Øystein Märta Astrid Nils"),
        _names(
            "Andersson, Johansson, Karlsson, Nilsson, Larsen, Hansen, Jensen, Nielsen, "
            "Lindqvist, Håkansson, Sørensen, Bergström, Ødegaard, Åberg"
        ),
    ),
    _Culture(
        4,
        _words(
            "Dmitri Olga Katarzyna Piotr Marek Zuzana Tomáš Jiří Agnieszka Łukasz Ivana "
            "Małgorzata Aleksandr Natalia"
        ),
        _names(
            "Kowalski, Nowak, Wiśniewska, Wójcik, Ivanova, Petrov, Novák, Dvořák, Horváth, "
            "Kovačević, Szabó, Nagy, Kowalczyk, Lewandowski, Smirnov"
        ),
    ),
    _Culture(
        2,
        _words("Elif Mehmet Ayşe Emre Zeynep Çağlar Yiğit Gülşen Burak"),
        _names("Yılmaz, Kaya, Demir, Şahin, Çelik, Öztürk, Aydın, Arslan"),
    ),
    _Culture(
        4,
        _words("Mohammed Fatima Omar Layla Youssef Nour Hassan Amira Karim Rania Tariq"),
        _names(
            "Haddad, Khalil, Nasser, Al-Sayed, El-Amin, Mansour, Saleh, Abdullah, Farouk, "
            "Hamdan, Qureshi"
        ),
    ),
    _Culture(
        8,
        _words(
            "Priya Arjun Ananya Rohan Sanjay Divya Vikram Lakshmi Aditya Neha Ravi Kavya "
            "Rahul Deepika Sai"
        ),
        _names(
            "Patel, Sharma, Singh, Kumar, Gupta, Iyer, Reddy, Nair, Menon, Chatterjee, "
            "Banerjee, Krishnamurthy, Venkataraman, Desai, Rao"
        ),
    ),
    _Culture(
        3,
        _words("Chioma Kwame Ama Oluwaseun Ngozi Kofi Adaeze Emeka Abena Tunde Yaw"),
        _names(
            "Okafor, Mensah, Adeyemi, Okonkwo, Boateng, Owusu, Eze, Nwosu, Asante, Adebayo, Osei"
        ),
    ),
    _Culture(
        6,
        _names("Wei, Mei, Jing, Li Na, Hao, Xin, Yan, Jun, Xiaoming, Yu, Lei, Ming"),
        _names("Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Lin"),
    ),
    _Culture(
        2,
        _words("伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 艳"),
        _words("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙"),
        family_first=True,
        ascii_local=False,
    ),
    _Culture(
        3,
        _words("Hiroshi Yuki Haruto Sakura Kenji Aiko Takumi Yui Ren Yūto Kōji"),
        _words("Satō Suzuki Takahashi Tanaka Watanabe Itō Nakamura Kobayashi Yamamoto Ōno"),
    ),
    _Culture(
        1,
        _words("翔 陽菜 大翔 結衣 蓮 美咲 健太 さくら"),
        _words("佐藤 鈴木 高橋 田中 渡辺 伊藤 山本 中村"),
        family_first=True,
        ascii_local=False,
    ),
    _Culture(
        2,
        _names("Min-jun, Seo-yeon, Ji-hoon, Ha-eun, Do-yun, Ji-woo, Soo-ah"),
        _words("Kim Lee Park Choi Jung Kang Cho Yoon"),
    ),
    _Culture(
        1,
        _words("민준 서연 지훈 하은 도윤 지우"),
        _words("김 이 박 최 정 강"),
        family_first=True,
        ascii_local=False,
    ),
    _Culture(
        2,
        _words("Minh Lan Anh Thảo Dũng Hương Quang Linh"),
        _words("Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng"),
    ),
)

# -- companies: a few thousand, a few of them big employers -----------------------------------
_COMPANY_ROOTS = _words(
    "Northwind Contoso Fabrikam Tailspin Litware Proseware Lucerne Alpine Coho Woodgrove "
    "Humongous Wingtip Trey Adatum Relecloud Bluefin Cedar Harbor Summit Quantum Meridian "
    "Aurora Beacon Cobalt Crescent Evergreen Falcon Granite Horizon Ironwood Juniper Keystone "
    "Lakeside Maple Nimbus Orchid Pioneer Redwood Sapphire Sterling Tidewater Unity Vantage "
    "Willow Zenith Atlas Bright Clearwater Driftwood Ember Fjord Golden Highland Indigo "
    "Jade Kestrel Lumen Mosaic Nova Oakridge Pinnacle Quarry Riverstone Silverline Tandem "
    "Upland Vertex Westbrook Yellowstone Acorn Birch Canyon Delta Elm Fern Glacier Heron "
    "Ivory Jasper Kite Lotus Marble Nebula Opal Prism Quill Raven Sequoia Thistle Umber "
    "Velvet Wren Apex Bolt Copper Dune Echo Flint Grove Hollow Isle Jet Kelp Lark Mesa "
    "Noble Onyx Pebble"
)
_COMPANY_SECTORS = _words(
    "Analytics Logistics Health Labs Systems Bank Insurance Foods Energy Robotics Software "
    "Media Consulting Partners Capital Pharma Motors Airlines Studios Networks Biotech "
    "Retail Telecom Semiconductors Publishing Ventures Hospitality Manufacturing Solutions "
    "Security Learning Mobility Games Cloud Materials Outfitters Brewing Design Realty"
)
_LEGAL = ("", "", "", "Inc.", "LLC", "Ltd.", "GmbH", "S.A.", "AG", "Group", "Co.", "plc", "B.V.")
_SPECIAL_COMPANIES = (
    "Café Müller GmbH",
    "Société Lumière S.A.",
    "Nordlys Energi AS",
    "Bäckerei Schröder",
    "Crédit Fontaine",
    "Škoda Partners s.r.o.",
    "株式会社さくら",
    "北京星光科技有限公司",
    "삼성 파트너스",
    "Ørsted & Sønner",
    "O'Neill & Sons",
    "AT&T-style Telecom",
    "Smith, Jones & Partners",
    "Acme (Europe) Ltd.",
    "İstanbul Yazılım A.Ş.",
    "São Paulo Logística Ltda.",
    "Universidad de Málaga",
    "City of Springfield",
    "Self-employed",
    "Freelance",
)
_TLDS = (".com", ".com", ".com", ".io", ".co.uk", ".de", ".fr", ".ca", ".net", ".org")


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def companies(count: int = 3000, seed: int = SEED) -> tuple[str, ...]:
    """``count`` distinct company names, the special ones first (the biggest employers)."""
    rng = random.Random(seed + 1)
    names: dict[str, None] = dict.fromkeys(_SPECIAL_COMPANIES[:6])
    while len(names) < count - (len(_SPECIAL_COMPANIES) - 6):
        root = rng.choice(_COMPANY_ROOTS)
        if rng.random() < 0.3:
            root = f"{root} {rng.choice(_COMPANY_ROOTS)}"
        sector = rng.choice(_COMPANY_SECTORS) if rng.random() < 0.85 else ""
        legal = rng.choice(_LEGAL)
        names[" ".join(part for part in (root, sector, legal) if part)] = None
    names.update(dict.fromkeys(_SPECIAL_COMPANIES[6:]))
    return tuple(names)


# -- job titles: a few hundred ---------------------------------------------------------------
_LEVELS = ("", "", "Senior", "Junior", "Lead", "Principal", "Staff", "Associate")
_FIELDS_ROLES = (
    ("Software", ("Engineer", "Developer", "Architect")),
    ("Data", ("Scientist", "Engineer", "Analyst")),
    ("Product", ("Manager", "Designer", "Owner")),
    ("Marketing", ("Manager", "Specialist", "Coordinator")),
    ("Sales", ("Representative", "Manager", "Engineer")),
    ("Financial", ("Analyst", "Controller", "Planner")),
    ("HR", ("Generalist", "Business Partner", "Coordinator")),
    ("UX", ("Designer", "Researcher", "Writer")),
    ("Security", ("Engineer", "Analyst", "Architect")),
    ("Mechanical", ("Engineer", "Designer", "Technician")),
    ("Customer Success", ("Manager", "Specialist", "Lead")),
    ("Operations", ("Manager", "Analyst", "Coordinator")),
    ("Research", ("Scientist", "Associate", "Fellow")),
    ("Supply Chain", ("Manager", "Analyst", "Planner")),
    ("Quality Assurance", ("Engineer", "Analyst", "Lead")),
)
_AREAS = _names(
    "Engineering, Product, Marketing, Sales, Finance, People, Talent Acquisition, Operations, "
    "Design, Data Science, Customer Experience, Research, Platform, Infrastructure, Legal, "
    "Partnerships, Communications, Strategy"
)
_OTHER_TITLES = _names(
    "Recruiter, Technical Recruiter, Talent Acquisition Partner, Hiring Manager, CEO, CTO, "
    "CFO, COO, Founder, Co-founder, Consultant, Professor, Teacher, Nurse, Physician, "
    "Attorney, Paralegal, Accountant, Office Manager, Executive Assistant, Account Executive, "
    "Business Development Representative, Scrum Master, Agile Coach, Copywriter, Journalist, "
    "Photographer, Pharmacist, Electrician, Project Manager, Program Manager, Student, "
    "Graduate Student, Intern, Career Coach, Real Estate Agent, Chef, Librarian, "
    "Ingénieur logiciel, Geschäftsführer, Directeur commercial, Ingeniera de datos, "
    "ソフトウェアエンジニア, 产品经理"
)


def job_titles() -> tuple[str, ...]:
    titles: dict[str, None] = {}
    for field_name, roles in _FIELDS_ROLES:
        for role in roles:
            for level in _LEVELS:
                titles[" ".join(p for p in (level, field_name, role) if p)] = None
    for area in _AREAS:
        for form in ("Director of {}", "VP {}", "Head of {}", "{} Manager", "{} Intern"):
            titles[form.format(area)] = None
    titles.update(dict.fromkeys(_OTHER_TITLES))
    return tuple(titles)


# -- the rest of a card ------------------------------------------------------------------------
_DEPARTMENTS = _names(
    "Platform Engineering, People, Product, Sales, Research, Finance, Legal, Marketing, "
    "Customer Success, IT, Operations, R&D, Talent Acquisition"
)
_CITIES = (
    ("Springfield", "IL", "62701", ""),
    ("Portland", "OR", "97201", ""),
    ("Austin", "TX", "73301", ""),
    ("Boston", "MA", "02108", ""),
    ("Seattle", "WA", "98101", ""),
    ("New York", "NY", "10001", ""),
    ("San José", "CA", "95113", ""),
    ("Toronto", "ON", "M5H 2N2", "Canada"),
    ("Montréal", "QC", "H2Y 1C6", "Canada"),
    ("London", "", "EC1A 1BB", "United Kingdom"),
    ("München", "Bayern", "80331", "Germany"),
    ("Paris", "", "75002", "France"),
    ("São Paulo", "SP", "01310-100", "Brazil"),
    ("Ciudad de México", "CDMX", "06000", "Mexico"),
    ("Bengaluru", "Karnataka", "560001", "India"),
    ("東京都", "", "100-0005", "Japan"),
    ("上海", "", "200000", "China"),
    ("Seoul", "", "04524", "South Korea"),
    ("Lagos", "", "100001", "Nigeria"),
    ("Stockholm", "", "111 22", "Sweden"),
)
_STREETS = _names(
    "Main St, Oak Ave, Market Street, Elm Road, Harbor Blvd, Pine Lane, Rue de Rivoli, "
    "Hauptstraße, Avenida Paulista, King Street West, Calle Mayor, Baker Street"
)
_MET_AT = _names(
    "the spring job fair, PyCon US, an informational interview, the alumni mixer, "
    "the Tuesday job club, a panel interview, Grace Hopper Celebration, LinkedIn, "
    "a referral from a friend, the product meetup, a conference in Berlin, Women in Tech "
    "breakfast, the career centre, Hackathon Zürich, church, my daughter's school, "
    "the neighbourhood association, a webinar, the coffee chat, volunteering at the food bank"
)
_PERSONAL_DOMAINS = (
    "gmail.com",
    "gmail.com",
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "icloud.com",
    "proton.me",
    "hotmail.com",
    "web.de",
    "qq.com",
    "naver.com",
)
_NOTE_SENTENCES = (
    "Follow up about the platform team opening.",
    "Mentioned a referral bonus.",
    "Prefers email to phone.",
    "Hiring freeze until Q3.",
    "Ask about the data role.",
    "Sent my portfolio on Monday.",
    "Coffee next month?",
    "Knows the hiring manager at {company}.",
    "Met through {friend}.",
    "Wants a short summary first, then a call.",
    "Moving to {city} in the spring.",
    "Has two kids; loves trail running.",
    "Très sympathique ; parle français et allemand.",
    "Recommended the book “The Manager's Path”.",
    "Interviewed with them in 2023 — got to the final round.",
    "Call after 4 pm their time.",
    "Introduced me to the VP of Engineering.",
    "Ex-colleague from {company}; worked on the billing migration together.",
    "Looking for a senior engineer with Rust experience.",
    "Said the team is growing by 20 % next year.",
)


def _weighted_index(rng: random.Random, cumulative: Sequence[float]) -> int:
    """An index drawn with the weights whose running totals are ``cumulative``."""
    return rng.choices(range(len(cumulative)), cum_weights=cumulative)[0]


def _zipf_cumulative(count: int, exponent: float) -> list[float]:
    return list(accumulate(1 / (rank**exponent) for rank in range(1, count + 1)))


def _note(rng: random.Random, company: str, city: str) -> str:
    shape = rng.random()
    if shape < 0.5:
        return ""
    if shape < 0.75:
        count = 1
    elif shape < 0.95:
        count = rng.randint(2, 5)
    else:
        count = rng.randint(12, 40)  # a long paragraph, across lines
    friend = rng.choice(_CULTURES[0].given)
    sentences = [
        rng.choice(_NOTE_SENTENCES).format(company=company or "Contoso", friend=friend, city=city)
        for _ in range(count)
    ]
    if count > 8:
        return "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, count, 4))
    return " ".join(sentences)


def _phone(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.25:
        return ""
    if shape < 0.6:
        return f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    if shape < 0.75:
        return f"+1 {rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
    if shape < 0.85:
        return f"+44 20 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    if shape < 0.93:
        return f"+49 30 {rng.randint(1000000, 9999999)}"
    return f"+81 3-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    company: str
    job_title: str
    email: str


class _People:
    """Draws people: a culture, a name from it, an employer and a title."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.cultures_cumulative = list(accumulate(c.weight for c in _CULTURES))
        self.companies = companies()
        self.companies_cumulative = _zipf_cumulative(len(self.companies), 0.55)
        self.titles = job_titles()
        self.titles_cumulative = _zipf_cumulative(len(self.titles), 0.5)
        # Titles in a shuffled order, so the common ones are not all "Software ...".
        random.Random(seed + 2).shuffle(titles := list(self.titles))
        self.titles = tuple(titles)

    def person(self, index: int) -> Person:
        rng = self.rng
        culture = _CULTURES[_weighted_index(rng, self.cultures_cumulative)]
        given = rng.choice(culture.given) if rng.random() > 0.02 else ""
        family = rng.choice(culture.family) if rng.random() > 0.03 or not given else ""
        company = (
            self.companies[_weighted_index(rng, self.companies_cumulative)]
            if rng.random() > 0.08
            else ""
        )
        job_title = (
            self.titles[_weighted_index(rng, self.titles_cumulative)] if rng.random() > 0.1 else ""
        )
        email = ""
        if rng.random() > 0.15:
            g, f = _slug(given), _slug(family)
            if not culture.ascii_local or not (g or f):
                local = f"user{index}"
            else:
                local = (
                    rng.choice(
                        (
                            f"{g}.{f}",
                            f"{g[:1]}{f}",
                            f"{g}{f[:1]}",
                            f"{g}.{f}{rng.randint(1, 99)}",
                            f"{f}.{g}",
                            f"{g}_{f}",
                        )
                    ).strip("._")
                    or f"user{index}"
                )
            if company and rng.random() < 0.55 and (slug := _slug(company.split(" ")[0])):
                domain = slug + rng.choice(_TLDS)
            else:
                domain = rng.choice(_PERSONAL_DOMAINS)
            email = f"{local}@{domain}"
        return Person(given, family, company, job_title, email)


def sample_cards(count: int, seed: int = SEED) -> Iterator[ContactCard]:
    """``count`` valid, deterministic, varied business cards."""
    people = _People(seed)
    rng = people.rng
    categories = list(Category)
    category_weights = list(accumulate(3 if i % 3 else 1 for i in range(len(categories))))
    for index in range(count):
        person = people.person(index)
        city, region, postal, country = rng.choice(_CITIES)
        has_address = rng.random() < 0.35
        met_on = None
        if rng.random() < 0.6:
            met_on = (NOW - timedelta(days=rng.randint(0, 8 * 365))).date()
        yield ContactCard(
            courtesy_title=rng.choice(COURTESY_TITLES),
            given_name=person.given,
            family_name=person.family,
            job_title=person.job_title,
            company=person.company,
            department=rng.choice(_DEPARTMENTS) if rng.random() < 0.3 else "",
            email=person.email,
            phone=_phone(rng),
            street=f"{rng.randint(1, 9999)} {rng.choice(_STREETS)}" if has_address else "",
            city=city if has_address or rng.random() < 0.3 else "",
            region=region if has_address else "",
            postal_code=postal if has_address else "",
            country=country if has_address else "",
            category=categories[_weighted_index(rng, category_weights)].value,
            met_at=rng.choice(_MET_AT) if rng.random() < 0.45 else "",
            met_on=met_on,
            notes=_note(rng, person.company, city),
            # A few were introduced by someone met earlier (ids count from 1 in a new file).
            introduced_by_id=rng.randint(1, index) if index and rng.random() < 0.03 else None,
        )


def created_at(index: int) -> datetime:
    """Spread the stored contacts over the years before ``NOW``."""
    return NOW - timedelta(minutes=7 * index)


@dataclass(frozen=True)
class SampleEvent:
    kind: str
    occurred_at: datetime
    discussed: str
    contact_ids: tuple[int, ...]


_DISCUSSED = (
    "",
    "",
    "Talked about the backend role and the team's on-call rotation.",
    "Walked through my resume; suggested leading with the migration project.",
    "Second-round interview: system design (a rate limiter).",
    "Asked about relocation support and the start date.",
    "Introduced me to their head of data.",
    "Met at the booth; they are hiring interns and new graduates.",
    "Coffee chat: the company is reorganising after the merger.",
    "Rejected after the final round — feedback: more leadership examples.",
)


def sample_events(contact_count: int, seed: int = SEED) -> Iterator[SampleEvent]:
    """Events with about one contact in twelve, a few of them with several people."""
    rng = random.Random(seed + 3)
    kinds = [kind.value for kind in EventKind]
    for _ in range(contact_count // 12):
        people = 1 if rng.random() < 0.85 else rng.randint(2, 4)
        ids = tuple(sorted({rng.randint(1, contact_count) for _ in range(people)}))
        yield SampleEvent(
            kind=rng.choice(kinds),
            occurred_at=NOW - timedelta(days=rng.randint(1, 3 * 365), hours=rng.randint(0, 23)),
            discussed=rng.choice(_DISCUSSED),
            contact_ids=ids,
        )


# -- a LinkedIn "Connections.csv" --------------------------------------------------------------
LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
_MONTHS = _words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")  # not the C locale's
LINKEDIN_COLUMNS = (
    "First Name",
    "Last Name",
    "URL",
    "Email Address",
    "Company",
    "Position",
    "Connected On",
)


def linkedin_rows(count: int, seed: int = SEED + 10) -> Iterator[tuple[str, ...]]:
    """Rows of a LinkedIn export: most emails hidden, "05 Nov 2024" dates, newest first."""
    people = _People(seed)
    rng = people.rng
    day = NOW.date()
    for index in range(count):
        person = people.person(index)
        handle = "-".join(p for p in (_slug(person.given), _slug(person.family)) if p)
        handle = f"{handle or 'member'}-{rng.randrange(16**8):08x}"
        email = person.email if rng.random() < 0.12 else ""
        connected: date = day - timedelta(days=index * 3650 // max(count, 1))
        yield (
            person.given,
            person.family,
            f"https://www.linkedin.com/in/{handle}",
            email,
            person.company,
            person.job_title,
            f"{connected.day:02d} {_MONTHS[connected.month - 1]} {connected.year}",
        )
