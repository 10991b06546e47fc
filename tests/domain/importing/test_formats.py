"""Each format the importer knows, from a file like the ones those programs write."""

from __future__ import annotations

import csv
import io
from datetime import date

import peewee
import pytest

from desktop.domain.categories import Category
from desktop.domain.contact_formats import CSV_HEADERS
from desktop.domain.importing import (
    FULL_NAME,
    NOTES,
    SourceKind,
    guess_mapping,
    mapping_for,
    plan_import,
    read_import_file,
)
from tests.domain.importing.conftest import WriteFile, planned
from tests.domain.importing.test_reading import LINKEDIN_PREAMBLE


def headings(text: str) -> list[str]:
    return text.split(",")


def csv_text(header: list[str], *rows: dict[str, str], delimiter: str = ",") -> str:
    """A CSV with every cell quoted, as Outlook and Google write them."""
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return stream.getvalue()


# -- LinkedIn -------------------------------------------------------------------------------
LINKEDIN = (
    LINKEDIN_PREAMBLE
    + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    + "Dana,Davis,https://www.linkedin.com/in/danadavis,dana@acme.example,Acme Corp,"
    + '"Head of Talent, EMEA",12 Mar 2023\r\n'
    + "Zoë,Ölund,https://www.linkedin.com/in/zoe-olund,,Nordic AB,CTO,2023-01-05\r\n"
)


def test_linkedin_connections(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    plan = planned(db, write_file("Connections.csv", LINKEDIN))

    dana, zoe = (c.card for c in plan.new)
    assert (dana.given_name, dana.family_name, dana.email) == ("Dana", "Davis", "dana@acme.example")
    assert (dana.company, dana.job_title) == ("Acme Corp", "Head of Talent, EMEA")
    assert dana.met_on == date(2023, 3, 12)
    assert (dana.met_at, dana.category) == ("LinkedIn", Category.PROFESSIONAL_NETWORK.value)
    assert dana.notes == "LinkedIn: https://www.linkedin.com/in/danadavis"
    assert zoe.met_on == date(2023, 1, 5)
    assert plan.rejected == ()


def test_linkedin_columns_are_found_by_name_not_position(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    text = (
        "Connected On,Position,Company,Email Address,URL,Last Name,First Name\n"
        "01 Feb 2024,Recruiter,Globex,,https://www.linkedin.com/in/eve,Evans,Eve\n"
    )
    plan = planned(db, write_file("Connections.csv", text))

    (card,) = [c.card for c in plan.new]
    assert (card.given_name, card.family_name, card.company, card.job_title) == (
        "Eve",
        "Evans",
        "Globex",
        "Recruiter",
    )
    assert card.met_on == date(2024, 2, 1)


def test_a_chosen_category_wins_over_linkedins(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    plan = planned(db, write_file("Connections.csv", LINKEDIN), Category.PAST_COWORKER.value)

    assert {c.card.category for c in plan.new} == {Category.PAST_COWORKER.value}


# -- Google -----------------------------------------------------------------------------------
GOOGLE_HEADER = headings(
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic "
    "Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization "
    "Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - "
    "Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - "
    "Label,Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - "
    "Street,Address 1 - City,Address 1 - PO Box,Address 1 - Region,Address 1 - Postal "
    "Code,Address 1 - Country,Address 1 - Extended Address,Website 1 - Label,Website 1 - "
    "Value"
)


def test_google_contacts(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    text = csv_text(
        GOOGLE_HEADER,
        {
            "First Name": "Dana",
            "Middle Name": "J.",
            "Last Name": "Davis",
            "Name Prefix": "Dr.",
            "Organization Name": "Acme Corp",
            "Organization Title": "Head of Talent",
            "Organization Department": "People",
            "Birthday": "1980-05-12",
            "Notes": "Met at the spring fair.\nFollow up in May.",
            "Photo": "https://lh3.googleusercontent.com/a/xyz",
            "Labels": "* myContacts ::: Past Clients",
            "E-mail 1 - Label": "* Work",
            "E-mail 1 - Value": "dana@acme.example ::: dana.davis@mail.example",
            "E-mail 2 - Label": "Home",
            "E-mail 2 - Value": "dana@home.example",
            "Phone 1 - Label": "Mobile",
            "Phone 1 - Value": "+1 555 0100",
            "Address 1 - Label": "Work",
            "Address 1 - Formatted": "100 Main St\nSpringfield, IL 62701\nUS",
            "Address 1 - Street": "100 Main St",
            "Address 1 - City": "Springfield",
            "Address 1 - Region": "IL",
            "Address 1 - Postal Code": "62701",
            "Address 1 - Country": "US",
            "Website 1 - Value": "https://dana.example",
        },
        {"First Name": "Eve", "Labels": "* myContacts ::: Golf club"},
    )
    path = write_file("contacts.csv", text, encoding="utf-8-sig")
    assert read_import_file(path).kind is SourceKind.GOOGLE

    dana, eve = (c.card for c in planned(db, path).new)

    assert (dana.courtesy_title, dana.given_name, dana.family_name) == ("Dr.", "Dana", "Davis")
    assert (dana.company, dana.job_title, dana.department) == (
        "Acme Corp",
        "Head of Talent",
        "People",
    )
    assert (dana.email, dana.phone) == ("dana@acme.example", "+1 555 0100")
    assert (dana.street, dana.city, dana.region, dana.postal_code, dana.country) == (
        "100 Main St",
        "Springfield",
        "IL",
        "62701",
        "US",
    )
    assert dana.category == Category.PAST_CLIENT.value
    assert dana.notes == (
        "Met at the spring fair.\nFollow up in May.\n"
        "Middle Name: J.\n"
        "Birthday: 1980-05-12\n"
        "E-mail 1 - Value: dana.davis@mail.example\n"
        "E-mail 2 - Value: dana@home.example\n"
        "Website 1 - Value: https://dana.example"
    )
    # A label that is no category: the contact gets "Other" and the notes say what it was.
    assert (eve.category, eve.notes) == (Category.OTHER.value, "Labels: Golf club")


GOOGLE_OLD_HEADER = headings(
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,Additional Name "
    "Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,Short Name,Maiden "
    "Name,Birthday,Gender,Location,Billing Information,Directory Server,Mileage,Occupation,"
    "Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,Group Membership,E-mail 1 - "
    "Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Address 1 - Type,Address 1 - "
    "Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,Address 1 - "
    "Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended "
    "Address,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi "
    "Name,Organization 1 - Title,Organization 1 - Department,Organization 1 - "
    "Symbol,Organization 1 - Location,Organization 1 - Job Description"
)


def test_the_older_google_format(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    text = csv_text(
        GOOGLE_OLD_HEADER,
        {
            "Name": "Dana Davis",
            "Given Name": "Dana",
            "Family Name": "Davis",
            "Group Membership": "* My Contacts ::: Friends",
            "E-mail 1 - Type": "* Work",
            "E-mail 1 - Value": "dana@acme.example",
            "Organization 1 - Name": "Acme Corp",
            "Organization 1 - Title": "CTO",
            "Address 1 - City": "Lyon",
        },
        {"Name": "Eve van der Berg", "Phone 1 - Value": "+31 20 555 0100"},
    )
    path = write_file("google.csv", text)
    assert read_import_file(path).kind is SourceKind.GOOGLE

    dana, eve = (c.card for c in planned(db, path).new)

    assert (dana.given_name, dana.family_name, dana.company, dana.job_title) == (
        "Dana",
        "Davis",
        "Acme Corp",
        "CTO",
    )
    assert (dana.email, dana.city, dana.category) == ("dana@acme.example", "Lyon", "friend")
    assert (eve.given_name, eve.family_name, eve.phone) == (
        "Eve",
        "van der Berg",
        "+31 20 555 0100",
    )


# -- Outlook ----------------------------------------------------------------------------------
OUTLOOK_HEADER = headings(
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business "
    "Street,Business Street 2,Business Street 3,Business City,Business State,Business "
    "Postal Code,Business Country/Region,Home Street,Home Street 2,Home Street 3,Home "
    "City,Home State,Home Postal Code,Home Country/Region,Other Street,Other Street 2,Other"
    " Street 3,Other City,Other State,Other Postal Code,Other Country/Region,Assistant's "
    "Phone,Business Fax,Business Phone,Business Phone 2,Callback,Car Phone,Company Main "
    "Phone,Home Fax,Home Phone,Home Phone 2,ISDN,Mobile Phone,Other Fax,Other "
    "Phone,Pager,Primary Phone,Radio Phone,TTY/TDD "
    "Phone,Telex,Account,Anniversary,Assistant's Name,Billing Information,Birthday,Business"
    " Address PO Box,Categories,Children,Directory Server,E-mail Address,E-mail Type,E-mail"
    " Display Name,E-mail 2 Address,E-mail 2 Type,E-mail 2 Display Name,E-mail 3 "
    "Address,E-mail 3 Type,E-mail 3 Display Name,Gender,Government ID Number,Hobby,Home "
    "Address PO Box,Initials,Internet Free Busy,Keywords,Language,Location,Manager's "
    "Name,Mileage,Notes,Office Location,Organizational ID Number,Other Address PO "
    "Box,Priority,Private,Profession,Referred By,Sensitivity,Spouse,User 1,User 2,User "
    "3,User 4,Web Page"
)
# What Outlook writes for everyone, filled in or not.
OUTLOOK_DEFAULTS = {
    "Anniversary": "0/0/00",
    "Birthday": "0/0/00",
    "Gender": "Unspecified",
    "Priority": "Normal",
    "Private": "False",
    "Sensitivity": "Normal",
}


def test_outlook_contacts(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    text = csv_text(
        OUTLOOK_HEADER,
        {
            **OUTLOOK_DEFAULTS,
            "Title": "Mr.",
            "First Name": "Ahmed",
            "Last Name": "Khan",
            "Company": "Initech",
            "Department": "Finance",
            "Job Title": "Controller",
            "Business Street": "1 Corporate Way",
            "Business City": "Austin",
            "Business State": "TX",
            "Business Postal Code": "73301",
            "Business Country/Region": "United States",
            "Home City": "Round Rock",
            "Business Phone": "(512) 555-0100",
            "Mobile Phone": "(512) 555-0101",
            "Categories": "Past employer",
            "E-mail Address": "ahmed.khan@initech.example",
            "E-mail Display Name": "Ahmed Khan (ahmed.khan@initech.example)",
            "E-mail 2 Address": "ahmed@home.example",
            "Initials": "A.K.",
            "Notes": "Signed my reference letter.",
        },
        {
            **OUTLOOK_DEFAULTS,
            "First Name": "Priya",
            "Home Street": "9 Elm Road",
            "Home City": "Leeds",
            "Home Postal Code": "LS1 4AP",
            "Home Phone": "0113 496 0000",
            "Birthday": "5/14/1985",
        },
    )
    path = write_file("outlook.csv", text, encoding="cp1252")
    assert read_import_file(path).kind is SourceKind.OUTLOOK

    ahmed, priya = (c.card for c in planned(db, path).new)

    assert (ahmed.courtesy_title, ahmed.given_name, ahmed.family_name) == ("Mr.", "Ahmed", "Khan")
    assert (ahmed.company, ahmed.department, ahmed.job_title) == (
        "Initech",
        "Finance",
        "Controller",
    )
    assert (ahmed.street, ahmed.city, ahmed.region, ahmed.postal_code, ahmed.country) == (
        "1 Corporate Way",
        "Austin",
        "TX",
        "73301",
        "United States",
    )
    assert (ahmed.email, ahmed.phone) == ("ahmed.khan@initech.example", "(512) 555-0100")
    assert ahmed.category == Category.PAST_EMPLOYER.value
    # Nothing is lost, and none of Outlook's filler ("Normal", "0/0/00") is kept.
    assert ahmed.notes == (
        "Signed my reference letter.\n"
        "Mobile Phone: (512) 555-0101\n"
        "E-mail 2 Address: ahmed@home.example\n"
        "Home City: Round Rock"
    )
    # With no business address, the home address is the one on the card.
    assert (priya.street, priya.city, priya.postal_code, priya.phone) == (
        "9 Elm Road",
        "Leeds",
        "LS1 4AP",
        "0113 496 0000",
    )
    assert priya.notes == "Birthday: 5/14/1985"


# -- any other CSV ---------------------------------------------------------------------------
def test_a_spreadsheet_of_unknown_origin_is_mapped_by_its_headings(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    text = (
        "Full Name;Organisation;E-mail;Position;Zip;Town;Relationship;Mobile;Met on;Remarks;"
        "Golf\r\n"
        "Dr. Chloé Martin;Société Générale;chloe@sg.example;Analyste;75009;Paris;"
        "Past coworkers;+33 1 55 55 01 00;14.02.2024;Très sympa;Yes\r\n"
        "Davis, Dana;Acme;;;;;Golf buddies;;;;\r\n"
    )
    path = write_file("export.csv", text, encoding="cp1252")
    source = read_import_file(path)
    assert source.kind is SourceKind.GENERIC_CSV

    plan = plan_import(db, source, mapping_for(source), default_category=None)

    chloe, dana = (c.card for c in plan.new)
    assert (chloe.courtesy_title, chloe.given_name, chloe.family_name) == ("Dr.", "Chloé", "Martin")
    assert (chloe.company, chloe.job_title, chloe.email) == (
        "Société Générale",
        "Analyste",
        "chloe@sg.example",
    )
    assert (chloe.postal_code, chloe.city, chloe.phone) == ("75009", "Paris", "+33 1 55 55 01 00")
    assert (chloe.category, chloe.met_on) == (Category.PAST_COWORKER.value, date(2024, 2, 14))
    assert chloe.notes == "Très sympa\nGolf: Yes"
    assert (dana.given_name, dana.family_name) == ("Dana", "Davis")
    assert (dana.category, dana.notes) == (Category.OTHER.value, "Relationship: Golf buddies")


def test_an_unknown_category_falls_back_to_the_chosen_one(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    path = write_file("c.csv", "Name,Category\nDana Davis,Golf buddies\nEve Evans,family\n")

    plan = planned(db, path, default_category=Category.ASSOCIATION.value)

    assert [(c.card.category, c.card.notes) for c in plan.new] == [
        (Category.ASSOCIATION.value, "Category: Golf buddies"),
        (Category.FAMILY.value, ""),
    ]


@pytest.mark.parametrize(
    ("heading", "target"),
    [
        ("E-mail", "email"),
        ("Email Address", "email"),
        ("mail", "email"),
        ("Email 2", "email"),
        ("Organisation", "company"),
        ("Employer", "company"),
        ("Title", "job_title"),
        ("Position", "job_title"),
        ("Name", FULL_NAME),
        ("Full Name", FULL_NAME),
        ("Surname", "family_name"),
        ("Last name", "family_name"),
        ("First Name", "given_name"),
        ("Zip", "postal_code"),
        ("Postcode", "postal_code"),
        ("State/Province", "region"),
        ("Relationship", "category"),
        ("Salutation", "courtesy_title"),
        ("Comments", "notes"),
        ("Favourite colour", NOTES),
    ],
)
def test_guessed_mapping(heading: str, target: str) -> None:
    assert guess_mapping([heading]) == {heading: target}


# -- our own CSV -----------------------------------------------------------------------------
def test_our_own_csv_undoes_the_formula_escape(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    row = {
        "Courtesy Title": "Ms.",
        "Given Name": "'=Dana",
        "Family Name": "Davis",
        "Company": "'@Acme",
        "Email": "dana@acme.example",
        "Phone": "'+1 555 0100",
        "Category": "past-client",
        "Met At": "'-the fair",
        "Met On": "2026-03-14",
        "Notes": "''quoted'\nsecond line",
    }
    path = write_file("followup.csv", csv_text(list(CSV_HEADERS), row), encoding="utf-8-sig")
    assert read_import_file(path).kind is SourceKind.FOLLOWUP_DESK

    (card,) = [c.card for c in planned(db, path).new]

    assert (card.courtesy_title, card.given_name, card.company) == ("Ms.", "=Dana", "@Acme")
    assert (card.phone, card.met_at, card.notes) == (
        "+1 555 0100",
        "-the fair",
        "'quoted'\nsecond line",
    )
    assert (card.category, card.met_on) == ("past-client", date(2026, 3, 14))


# -- vCard ------------------------------------------------------------------------------------
VCARD_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;Dr.;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Dr. J=C3=BCrgen M=C3=BCller\r\n"
    "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:B=C3=A4ckerei M=C3=BCller, Inc.;Vertrieb\r\n"
    "TITLE:Head of Sales, EMEA\r\n"
    "TEL;WORK;VOICE:+49 221 555 0100\r\n"
    "TEL;CELL:+49 170 555 0101\r\n"
    "EMAIL;PREF;INTERNET:juergen@baeckerei.example\r\n"
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    ";;Hauptstra=C3=9Fe 1;K=C3=B6ln;NRW;50667;=\r\n"
    "Deutschland\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9 au lait, met at the Messe.=0D=0A=\r\n"
    "Second line; with a soft break.\r\n"
    "X-FOLLOWUP-DESK-MET-AT:Messe K\r\n"
    " oeln\r\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof\r\n"
    "Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAAB\r\n"
    "\r\n"
    "END:VCARD\r\n"
)


def test_vcard_21_with_quoted_printable_folding_and_a_photo(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    path = write_file("juergen.vcf", VCARD_21)

    plan = planned(db, path)

    assert plan.rejected == ()
    (card,) = [c.card for c in plan.new]
    assert (card.courtesy_title, card.given_name, card.family_name) == ("Dr.", "Jürgen", "Müller")
    assert (card.company, card.department) == ("Bäckerei Müller, Inc.", "Vertrieb")
    assert (card.job_title, card.email) == ("Head of Sales, EMEA", "juergen@baeckerei.example")
    assert (card.street, card.city, card.region, card.postal_code, card.country) == (
        "Hauptstraße 1",
        "Köln",
        "NRW",
        "50667",
        "Deutschland",
    )
    assert card.phone == "+49 221 555 0100"
    assert card.met_at == "Messe Koeln"
    assert card.notes == (
        "Café au lait, met at the Messe.\nSecond line; with a soft break.\n"
        "Other Phones: +49 170 555 0101 (cell)"
    )


VCARD_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//macOS 14.0//EN\r\n"
    "N:Davis;Dana;;Ms.;\r\n"
    "FN:Dana Davis\r\n"
    "ORG:Acme\\, Inc.;People\r\n"
    "TITLE:Head of Talent\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:dana@acme.example\r\n"
    "item2.EMAIL;type=INTERNET;type=HOME:dana@home.example\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+1 555 0100\r\n"
    "item3.ADR;type=WORK;type=pref:;;100 Main St;Springfield;IL;62701;USA\r\n"
    "NOTE:Met at the spring fair\\, hall 3.\\nAsked me to call in May.\r\n"
    "CATEGORIES:Past client,VIP\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQEASABIAAD\r\n"
    " /2wBDAAgGBgcGBQgH\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Evans;Eve;;;\r\n"
    "EMAIL;TYPE=INTERNET:eve@\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "FN:Frank Fischer\r\n"
    "TITLE:Vice President of Very Long Titles That Get Folded Past Seventy-Five Cha\r\n"
    " racters\r\n"
    "END:VCARD\r\n"
)


def test_vcard_30_with_several_cards(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    plan = planned(db, write_file("contacts.vcf", VCARD_30))

    dana, frank = (c.card for c in plan.new)
    assert (dana.courtesy_title, dana.given_name, dana.family_name) == ("Ms.", "Dana", "Davis")
    assert (dana.company, dana.department, dana.job_title) == (
        "Acme, Inc.",
        "People",
        "Head of Talent",
    )
    assert (dana.email, dana.phone, dana.city) == (
        "dana@acme.example",
        "+1 555 0100",
        "Springfield",
    )
    assert dana.category == Category.PAST_CLIENT.value
    assert dana.notes == (
        "Met at the spring fair, hall 3.\nAsked me to call in May.\n"
        "Other Emails: dana@home.example\n"
        "Categories: VIP"
    )
    assert (frank.given_name, frank.family_name) == ("Frank", "Fischer")
    assert frank.job_title.endswith("Past Seventy-Five Characters")
    (eve,) = plan.rejected
    assert eve.line == 17
    assert eve.reason.startswith("line 17: the email (column “Email”) “eve@” is not a valid")


VCARD_40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "KIND:individual\n"
    "FN:Dr. Grace Hopper\n"
    "N:Hopper;Grace;Brewster Murray;Dr.;\n"
    "ORG:US Navy;Computing\n"
    "EMAIL;TYPE=work;PREF=1:grace@navy.example\n"
    'TEL;VALUE=uri;TYPE="voice,work":tel:+1-555-555-0100\n'
    'ADR;TYPE=work;LABEL="1 Navy Way\\nArlington":;;1 Navy Way;Arlington;VA;22202;USA\n'
    "NOTE:Inventor of the compiler.\n"
    "X-FOLLOWUP-DESK-CATEGORY:informational-interview\n"
    "X-FOLLOWUP-DESK-MET-ON:2024-02-29\n"
    "END:VCARD\n"
)


def test_vcard_40(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    (card,) = [c.card for c in planned(db, write_file("grace.vcf", VCARD_40)).new]

    assert (card.courtesy_title, card.given_name, card.family_name) == ("Dr.", "Grace", "Hopper")
    assert (card.company, card.department) == ("US Navy", "Computing")
    assert (card.email, card.phone) == ("grace@navy.example", "+1-555-555-0100")
    assert (card.street, card.city, card.region, card.postal_code) == (
        "1 Navy Way",
        "Arlington",
        "VA",
        "22202",
    )
    assert (card.category, card.met_on) == ("informational-interview", date(2024, 2, 29))
    assert card.notes == "Inventor of the compiler.\nMiddle Name: Brewster Murray"


def test_a_broken_vcard_is_rejected_and_the_others_import(
    db: peewee.SqliteDatabase, write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = VCARD_40 + "BEGIN:VCARD\nVERSION:3.0\nN:Cut;Short;;;\nEMAIL:cut@example.com\n"
    plan = planned(db, write_file("cut.vcf", text))

    assert [c.card.given_name for c in plan.new] == ["Grace"]
    assert [(r.line, r.reason) for r in plan.rejected] == [
        (14, "line 14: this vCard has no END:VCARD line (the file may be cut short)")
    ]


def test_a_card_vobject_cannot_read_is_rejected_with_its_line(
    db: peewee.SqliteDatabase, write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    import vobject

    read_one = vobject.readOne

    def fussy(text: str) -> object:
        if "Evans" in text:
            raise vobject.base.ParseError("Failed to parse line: N:Evans", 3)
        return read_one(text)

    monkeypatch.setattr(vobject, "readOne", fussy)

    plan = planned(db, write_file("contacts.vcf", VCARD_30))

    assert [c.card.given_name for c in plan.new] == ["Dana", "Frank"]
    assert [r.reason for r in plan.rejected] == [
        "line 17: this vCard cannot be read (Failed to parse line: N:Evans)"
    ]
