"""Reading a business card out of pasted text: real-looking signatures, then invariants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.card_text import (
    OTHER_PHONE,
    WEBSITE,
    CardProposal,
    looks_like_card_text,
    normalise_card_text,
    recognise_card_text,
)
from desktop.domain.categories import COURTESY_TITLES


def notes(proposal: CardProposal) -> list[tuple[str, str]]:
    return [(line.field, line.value) for line in proposal.notes_lines]


# Each case: the pasted text, every card field it should fill, and the notes lines.
CASES: dict[str, tuple[str, dict[str, str], list[tuple[str, str]]]] = {
    "us-outlook": (
        "Dana Davis\r\n"
        "Engineering Manager | Platform Engineering\r\n"
        "Acme Corporation\r\n"
        "100 Main Street, Suite 400 | Springfield, IL 62704\r\n"
        "Office: +1 (217) 555-0134 | Mobile: +1 (217) 555-0199\r\n"
        "dana.davis@acme-corp.com | www.acme-corp.com\r\n",
        {
            "given_name": "Dana",
            "family_name": "Davis",
            "job_title": "Engineering Manager",
            "department": "Platform Engineering",
            "company": "Acme Corporation",
            "email": "dana.davis@acme-corp.com",
            "phone": "+1 (217) 555-0134",
            "street": "100 Main Street, Suite 400",
            "city": "Springfield",
            "region": "IL",
            "postal_code": "62704",
        },
        [(WEBSITE, "www.acme-corp.com"), (OTHER_PHONE, "Mobile: +1 (217) 555-0199")],
    ),
    "us-gmail": (
        "Thanks so much for your time today!\n\n"
        "--\n"
        "Priya Raman\n"
        "Senior Technical Recruiter\n"
        "Globex\n"
        "m: 415.555.0182\n"
        "priya@globex.com\n",
        {
            "given_name": "Priya",
            "family_name": "Raman",
            "job_title": "Senior Technical Recruiter",
            "company": "Globex",
            "email": "priya@globex.com",
            "phone": "415.555.0182",
        },
        [],
    ),
    "uk-two-phones": (
        "Best regards,\n\n"
        "James O'Brien\n"
        "Head of Talent\n"
        "Initech Ltd\n"
        "1 Canada Square\n"
        "London E14 5AB\n"
        "United Kingdom\n"
        "T: +44 20 7946 0958\n"
        "M: +44 7700 900123\n"
        "www.initech.co.uk\n",
        {
            "given_name": "James",
            "family_name": "O'Brien",
            "job_title": "Head of Talent",
            "company": "Initech Ltd",
            "phone": "+44 20 7946 0958",
            "street": "1 Canada Square",
            "city": "London",
            "postal_code": "E14 5AB",
            "country": "United Kingdom",
        },
        [(WEBSITE, "www.initech.co.uk"), (OTHER_PHONE, "M: +44 7700 900123")],
    ),
    "uk-postcode-alone": (
        "Mr. Oliver Bennett-Smith\n"
        "Recruitment Partner, Northwind Traders plc\n"
        "Floor 3\n"
        "10 Downing Street\n"
        "London\n"
        "SW1A 2AA\n"
        "Direct line: 020 7946 0321\n"
        "Switchboard: 020 7946 0000\n"
        "oliver.bennett-smith@northwind.co.uk\n",
        {
            "courtesy_title": "Mr.",
            "given_name": "Oliver",
            "family_name": "Bennett-Smith",
            "job_title": "Recruitment Partner",
            "company": "Northwind Traders plc",
            "email": "oliver.bennett-smith@northwind.co.uk",
            "phone": "020 7946 0321",
            "street": "Floor 3, 10 Downing Street",
            "city": "London",
            "postal_code": "SW1A 2AA",
        },
        [(OTHER_PHONE, "Switchboard: 020 7946 0000")],
    ),
    "german": (
        "Mit freundlichen Grüßen\n\n"
        "Dr. Anna-Lena van der Berg\n"
        "Leiterin Personalentwicklung\n"
        "Beispiel GmbH\n"
        "Friedrichstraße 123\n"
        "D-10117 Berlin\n"
        "Deutschland\n"
        "Tel.: +49 30 1234567-89\n"
        "Fax: +49 30 1234567-99\n"
        "E-Mail: a.vanderberg@beispiel.de\n"
        "\n"
        "Beispiel GmbH, Sitz der Gesellschaft: Berlin, Amtsgericht Charlottenburg HRB 12345\n"
        "Geschäftsführer: Max Mustermann\n",
        {
            "courtesy_title": "Dr.",
            "given_name": "Anna-Lena",
            "family_name": "van der Berg",
            "job_title": "Leiterin Personalentwicklung",
            "company": "Beispiel GmbH",
            "email": "a.vanderberg@beispiel.de",
            "phone": "+49 30 1234567-89",
            "street": "Friedrichstraße 123",
            "city": "Berlin",
            "postal_code": "10117",
            "country": "Deutschland",
        },
        [],
    ),
    "french": (
        "Cordialement,\n\n"
        "Mme Claire Dubois\n"
        "Directrice des Ressources Humaines\n"
        "Exemple S.A.\n"
        "55, rue du Faubourg Saint-Honoré\n"
        "75008 Paris\n"
        "France\n"
        "Tél. : +33 1 23 45 67 89\n"
        "Portable : +33 6 12 34 56 78\n"
        "claire.dubois@exemple.fr\n",
        {
            "given_name": "Claire",
            "family_name": "Dubois",
            "job_title": "Directrice des Ressources Humaines",
            "company": "Exemple S.A.",
            "email": "claire.dubois@exemple.fr",
            "phone": "+33 1 23 45 67 89",
            "street": "55, rue du Faubourg Saint-Honoré",
            "city": "Paris",
            "postal_code": "75008",
            "country": "France",
        },
        [(OTHER_PHONE, "Portable : +33 6 12 34 56 78")],
    ),
    "canadian": (
        "Marc-André Tremblay, CPA\n"
        "VP Finance\n"
        "Northwind Traders Inc.\n"
        "1250 René-Lévesque Blvd W, Suite 2200\n"
        "Montréal, QC H3B 4W8\n"
        "Canada\n"
        "Direct: 514-555-0147\n"
        "marc-andre.tremblay@northwind.example\n",
        {
            "given_name": "Marc-André",
            "family_name": "Tremblay",
            "job_title": "VP Finance",
            "company": "Northwind Traders Inc.",
            "email": "marc-andre.tremblay@northwind.example",
            "phone": "514-555-0147",
            "street": "1250 René-Lévesque Blvd W, Suite 2200",
            "city": "Montréal",
            "region": "QC",
            "postal_code": "H3B 4W8",
            "country": "Canada",
        },
        [],
    ),
    "indian": (
        "Thanks & Regards,\n"
        "Rahul Sharma\n"
        "Talent Acquisition Specialist\n"
        "Infosys Limited\n"
        "Electronics City, Hosur Road\n"
        "Bengaluru, Karnataka 560100\n"
        "India\n"
        "Mob: +91 98450 12345\n"
        "Email: rahul.sharma@infosys.example\n",
        {
            "given_name": "Rahul",
            "family_name": "Sharma",
            "job_title": "Talent Acquisition Specialist",
            "company": "Infosys Limited",
            "email": "rahul.sharma@infosys.example",
            "phone": "+91 98450 12345",
            "street": "Electronics City, Hosur Road",
            "city": "Bengaluru",
            "region": "Karnataka",
            "postal_code": "560100",
            "country": "India",
        },
        [],
    ),
    "chinese-name": (
        "王小明\n"
        "Wang Xiaoming\n"
        "高级产品经理 | Senior Product Manager\n"
        "Tencent Holdings Ltd.\n"
        "Tel: +86 755 8601 3388\n"
        "Email: xiaoming.wang@tencent.example\n",
        {
            "given_name": "王小明",
            "job_title": "高级产品经理",
            "company": "Tencent Holdings Ltd.",
            "email": "xiaoming.wang@tencent.example",
            "phone": "+86 755 8601 3388",
        },
        [],
    ),
    "no-labels": (
        "Sam Lee\n"
        "Director of Engineering, Contoso Ltd.\n"
        "(206) 555-0100\n"
        "sam.lee@contoso.example\n"
        "https://contoso.example/careers\n",
        {
            "given_name": "Sam",
            "family_name": "Lee",
            "job_title": "Director of Engineering",
            "company": "Contoso Ltd.",
            "email": "sam.lee@contoso.example",
            "phone": "(206) 555-0100",
        },
        [(WEBSITE, "https://contoso.example/careers")],
    ),
    "legal-disclaimer": (
        "Kind regards,\n"
        "Alex Kim (they/them)\n"
        "People Operations Lead\n"
        "Fabrikam, Inc. | 500 Oracle Parkway, Redwood City, CA 94065\n"
        "P: 650.555.0110 x204\n"
        "alex.kim@fabrikam.example\n"
        "\n"
        "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the\n"
        "sole use of the intended recipient(s) and may contain confidential and privileged\n"
        "information. If you are not the intended recipient, please contact the sender at\n"
        "legal@fabrikam.example or +1 650 555 0199 and destroy all copies.\n",
        {
            "given_name": "Alex",
            "family_name": "Kim",
            "job_title": "People Operations Lead",
            "company": "Fabrikam, Inc.",
            "email": "alex.kim@fabrikam.example",
            "phone": "650.555.0110 x204",
            "street": "500 Oracle Parkway",
            "city": "Redwood City",
            "region": "CA",
            "postal_code": "94065",
        },
        [],
    ),
    "sent-from-iphone": (
        "Great meeting you at the fair! Let's talk next week.\n"
        "\n"
        "Jordan Alvarez\n"
        "Hiring Manager, Data Platform\n"
        "Cell 312-555-0177\n"
        "\n"
        "Sent from my iPhone\n",
        {
            "given_name": "Jordan",
            "family_name": "Alvarez",
            "job_title": "Hiring Manager",
            "department": "Data Platform",
            "phone": "312-555-0177",
        },
        [],
    ),
    "linkedin-header": (
        "Dana Davis\n"
        "She/Her\n"
        " · 2nd\n"
        "Engineering Manager at Acme Corp | Building reliable platforms\n"
        "Seattle, Washington, United States · Contact info\n"
        "500+ connections\n"
        "Message\n"
        "More\n",
        {
            "given_name": "Dana",
            "family_name": "Davis",
            "job_title": "Engineering Manager",
            "company": "Acme Corp",
            "city": "Seattle",
            "region": "Washington",
            "country": "United States",
        },
        [],
    ),
    "business-card-caps": (
        "INITECH\n"
        "MS. RENEE\u00a0O'CONNOR\n"
        "Chief Technology Officer\n"
        "\u200b4 Privet Drive\tSuite 12\n"
        "Austin, Texas 78701-1234\n"
        "renee@initech.example • 512 555 0123\n",
        {
            "courtesy_title": "Ms.",
            "given_name": "RENEE",
            "family_name": "O'CONNOR",
            "job_title": "Chief Technology Officer",
            "company": "INITECH",
            "email": "renee@initech.example",
            "phone": "512 555 0123",
            "street": "4 Privet Drive Suite 12",
            "city": "Austin",
            "region": "Texas",
            "postal_code": "78701-1234",
        },
        [],
    ),
    "email-reply-with-headers": (
        "From: Lee Wong <lee.wong@umbrella.example>\n"
        "Sent: Tuesday, November 24, 2026 3:02 PM\n"
        "To: Alex Candidate <alex.candidate@gmail.com>\n"
        "Subject: RE: Interview follow-up\n"
        "\n"
        "Hi Alex,\n"
        "Thanks for coming in yesterday.\n"
        "\n"
        "Lee Wong | Talent Partner | Umbrella Health\n"
        "+1 617 555 0150\n"
        "linkedin.com/in/leewong\n"
        "Follow us: Twitter | LinkedIn\n",
        {
            "given_name": "Lee",
            "family_name": "Wong",
            "job_title": "Talent Partner",
            "company": "Umbrella Health",
            "email": "lee.wong@umbrella.example",
            "phone": "+1 617 555 0150",
        },
        [(WEBSITE, "linkedin.com/in/leewong")],
    ),
    "dutch-particle-and-credentials": (
        "Pieter van den Heuvel, PhD\n"
        "Principal Scientist\n"
        "Contoso B.V.\n"
        "Herengracht 182\n"
        "1016 BR Amsterdam\n"
        "The Netherlands\n"
        "+31 20 555 0142 (mobile)\n",
        {
            "given_name": "Pieter",
            "family_name": "van den Heuvel",
            "job_title": "Principal Scientist",
            "company": "Contoso B.V.",
            "phone": "+31 20 555 0142",
            "street": "Herengracht 182",
            "city": "Amsterdam",
            "postal_code": "1016 BR",
            "country": "The Netherlands",
        },
        [],
    ),
    "name-with-title-on-one-line": (
        "Maria Garcia López - Recruiter\nmaria@tailspin.example\nTailspin Toys\n",
        {
            "given_name": "Maria Garcia",
            "family_name": "López",
            "job_title": "Recruiter",
            "company": "Tailspin Toys",
            "email": "maria@tailspin.example",
        },
        [],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_recognises_each_field_of_real_signatures(case: str) -> None:
    text, expected, expected_notes = CASES[case]
    proposal = recognise_card_text(text)
    assert proposal.as_dict() == expected
    assert notes(proposal) == expected_notes


def test_line_numbers_point_at_the_line_a_value_came_from() -> None:
    proposal = recognise_card_text(CASES["uk-two-phones"][0])
    for proposed in (*proposal.fields, *proposal.notes_lines):
        assert proposed.value.split(", ")[0] in proposal.lines[proposed.line - 1]
    assert proposal.get("phone") is not None
    assert proposal.lines[proposal.get("phone").line - 1] == "T: +44 20 7946 0958"  # type: ignore[union-attr]


def test_company_falls_back_to_the_email_domain() -> None:
    proposal = recognise_card_text("Sam Lee\nsam@contoso-pharma.co.uk\n")
    assert proposal.value("company") == "contoso-pharma"
    # A free mail address says nothing about the employer.
    assert recognise_card_text("Sam Lee\nsam.lee@gmail.com\n").value("company") == ""


def test_nothing_recognised_in_plain_prose_or_empty_text() -> None:
    for text in ("", "   \n\t\n", "Thanks again for the chat, talk soon!", "Best regards,\nSam"):
        assert recognise_card_text(text).is_empty, text


def test_noise_alone_is_not_read_as_a_card() -> None:
    proposal = recognise_card_text(
        "Sent from my iPhone\n--\n(she/her)\nFollow us on LinkedIn | Twitter\n"
        "This email and any attachments are confidential and intended solely for the "
        "addressee.\n"
    )
    assert proposal.is_empty


def test_a_disclaimer_paragraph_gives_neither_email_nor_phone() -> None:
    text = CASES["legal-disclaimer"][0]
    proposal = recognise_card_text(text)
    assert "legal@" not in proposal.value("email")
    assert all("0199" not in line.value for line in proposal.notes_lines)


def test_normalising_keeps_text_but_not_invisible_characters() -> None:
    assert normalise_card_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalise_card_text("Dana\u00a0\u00a0Davis\t \u200b") == "Dana Davis"
    assert normalise_card_text("Zoe\u0308") == "Zoë"


def test_looks_like_card_text_only_for_several_lines_with_details() -> None:
    assert looks_like_card_text(CASES["us-gmail"][0])
    assert not looks_like_card_text("Dana")
    assert not looks_like_card_text("Dana Davis")
    assert not looks_like_card_text("Hello there\nhow are you?")


# -- properties -------------------------------------------------------------------------------
FRAGMENTS = [
    "Dana Davis", "Dr. Zoë Ñúñez", "Tel: +1 (555) 010-2000", "M: 07700 900123",
    "dana@acme.example", "Acme Inc.", "Springfield, IL 62704", "London SW1A 2AA",
    "D-10117 Berlin", "H3B 4W8", "France", "|", "•", "·", "\r\n", "\n", "\t", "\u00a0",
    "\u200b", "(she/her)", "Best regards,", "www.acme.example", "Suite 400", "Dr.",
    "van der", "王小明", "Head of Talent", ",", " at ", "--", "Sent from my iPhone",
    "CONFIDENTIAL", "12345", "x12", "@", "(", ")", "-", "  ",
]  # fmt: skip
card_like_text = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=40
).map("".join)


@given(st.one_of(st.text(), card_like_text))
def test_never_raises_and_every_value_comes_from_the_text(text: str) -> None:
    proposal = recognise_card_text(text)
    normalised = normalise_card_text(text)
    assert proposal.text == normalised
    for proposed in (*proposal.fields, *proposal.notes_lines):
        assert proposed.value and proposed.value == proposed.value.strip()
        assert 1 <= proposed.line <= len(proposal.lines)
        source = proposal.lines[proposed.line - 1]
        if proposed.field == "courtesy_title":
            # The card's spelling of the title found: "DR" proposes "Dr.".
            assert proposed.value in COURTESY_TITLES
            assert proposed.value.rstrip(".").lower() in source.lower()
        elif proposed.field == "street":
            # A street on two lines is joined with ", "; each part is in the text.
            assert proposed.value.split(", ")[0] in source
            assert all(part in normalised for part in proposed.value.split(", "))
        else:
            assert proposed.value in source


GIVEN_NAMES = ["Dana", "Lee", "Priya", "José", "Zoë", "Anna-Lena", "Seán", "Mary Ann"]
FAMILY_NAMES = ["Davis", "Wong", "O'Brien", "McDonald", "Nguyen", "Smith-Jones", "Ñúñez"]
CITIES = [
    ("Springfield", "IL"), ("Des Moines", "IA"), ("St. Louis", "MO"),
    ("Winston-Salem", "NC"), ("Coeur d'Alene", "ID"), ("Salt Lake City", "UT"),
    ("New York", "NY"), ("Kansas City", "Missouri"), ("Austin", "Texas"),
]  # fmt: skip
STREET_NAMES = ["Main", "Oak", "Maple", "Martin Luther King Jr.", "Elm", "Lakeshore"]
STREET_KINDS = ["Street", "St.", "Avenue", "Ave", "Blvd", "Road", "Drive", "Lane", "Parkway"]
PHONE_LABELS = ["", "Tel: ", "Phone: ", "Office: ", "P: ", "Direct: ", "Mobile: ", "T "]
digits = st.integers(min_value=0, max_value=9).map(str)


@st.composite
def us_phone(draw: st.DrawFn) -> str:
    area = str(draw(st.integers(200, 989)))
    exchange = str(draw(st.integers(200, 999)))
    line = "".join(draw(st.lists(digits, min_size=4, max_size=4)))
    form = draw(
        st.sampled_from(
            ["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "+1 {a} {b} {c}", "+1 ({a}) {b}-{c}"]
        )
    )
    return form.format(a=area, b=exchange, c=line)


@st.composite
def us_signature(draw: st.DrawFn) -> tuple[str, dict[str, str]]:
    """A US signature block and the fields it holds."""
    given_name = draw(st.sampled_from(GIVEN_NAMES))
    family_name = draw(st.sampled_from(FAMILY_NAMES))
    city, region = draw(st.sampled_from(CITIES))
    number = draw(st.integers(1, 99999))
    street = f"{number} {draw(st.sampled_from(STREET_NAMES))} {draw(st.sampled_from(STREET_KINDS))}"
    if draw(st.booleans()):
        street += f", Suite {draw(st.integers(1, 2000))}"
    postal = "".join(draw(st.lists(digits, min_size=5, max_size=5)))
    if draw(st.booleans()):
        postal += "-" + "".join(draw(st.lists(digits, min_size=4, max_size=4)))
    phone = draw(us_phone())
    local = draw(st.from_regex(r"[a-z]{1,8}(\.[a-z]{1,8})?", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z]{2,10}\.(com|org|example)", fullmatch=True))
    email = f"{local}@{domain}"
    contact = [
        draw(st.sampled_from(PHONE_LABELS)) + phone,
        draw(st.sampled_from(["", "E: ", "Email: "])) + email,
    ]
    contact = draw(st.permutations(contact))
    lines = [f"{given_name} {family_name}"]
    if draw(st.booleans()):
        lines.append("Senior Recruiter")
    lines += [street, f"{city}, {region} {postal}"]
    lines += [" | ".join(contact)] if draw(st.booleans()) else contact
    fields = {
        "given_name": given_name,
        "family_name": family_name,
        "street": street,
        "city": city,
        "region": region,
        "postal_code": postal,
        "email": email,
        "phone": phone,
    }
    return "\n".join(lines), fields


@given(us_signature())
def test_a_us_signature_block_round_trips(block: tuple[str, dict[str, str]]) -> None:
    text, fields = block
    proposal = recognise_card_text(text)
    assert {name: proposal.value(name) for name in fields} == fields


NOISE_LINES = [
    "Hi Dana,", "Hello,", "Best regards,", "Kind regards, Sam", "Sent from my iPhone", "--",
    "Thanks!", "(she/her)", "Get Outlook for Android", "Follow us on LinkedIn | Twitter", "",
    "This email and any attachments are confidential and intended solely for the addressee.",
    "CONFIDENTIALITY NOTICE: If you received this in error, call 555-010-9999 and delete it.",
    "Please consider the environment before printing this email.",
]  # fmt: skip


@given(
    us_signature(),
    st.lists(st.tuples(st.integers(0, 20), st.sampled_from(NOISE_LINES)), max_size=6),
)
def test_noise_lines_do_not_change_the_email_or_phone(
    block: tuple[str, dict[str, str]], noise: list[tuple[int, str]]
) -> None:
    text, fields = block
    lines = text.split("\n")
    for position, line in noise:
        lines.insert(position % (len(lines) + 1), line)
    proposal = recognise_card_text("\n".join(lines))
    assert proposal.value("email") == fields["email"]
    assert proposal.value("phone") == fields["phone"]
