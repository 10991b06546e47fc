"""ContactService: saving, reading, listing and validating business cards."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta, timezone

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.categories import COURTESY_TITLES, DEFAULT_CATEGORY, Category
from desktop.domain.clock import fixed_clock
from desktop.domain.contacts import (
    CARD_FIELDS,
    PLAIN_EMAIL,
    ContactCard,
    ContactService,
    email_problem,
    validate_card,
)
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.models import Contact
from tests.conftest import NOW

LATER = datetime(2026, 12, 2, 9, 15, tzinfo=UTC)

DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Corp",
    department="Platform",
    email="dana.davis@example.com",
    phone="+1 (555) 010-2233",
    street="100 Main Street\nSuite 200",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
    category=Category.HIRING_PROCESS.value,
    met_at="the Spring Career Fair",
    notes="Asked about the on-call rotation.",
)

# Function-scoped fixtures are fine here: every example adds its own row and reads it back.
db_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# --- add / get / update / delete / list / count ------------------------------------------


def test_a_new_database_has_no_contacts(contacts: ContactService) -> None:
    assert contacts.count() == 0
    assert contacts.list_contacts() == []


def test_an_added_contact_reads_back_exactly(contacts: ContactService) -> None:
    added = contacts.add_contact(DANA)

    assert isinstance(added.id, int)
    assert added.card == DANA
    assert contacts.get_contact(added.id) == added
    assert contacts.count() == 1


def test_each_contact_gets_its_own_id(contacts: ContactService) -> None:
    first = contacts.add_contact(DANA)
    second = contacts.add_contact(DANA)
    assert first.id != second.id
    assert contacts.count() == 2


def test_update_changes_the_stored_card(contacts: ContactService) -> None:
    added = contacts.add_contact(DANA)
    changed = dataclasses.replace(DANA, job_title="VP Engineering", company="Globex")

    updated = contacts.update_contact(added.id, changed)

    assert updated.id == added.id
    assert updated.card == changed
    assert contacts.get_contact(added.id).card == changed
    assert contacts.count() == 1


def test_update_leaves_other_contacts_alone(contacts: ContactService) -> None:
    dana = contacts.add_contact(DANA)
    lee = contacts.add_contact(ContactCard(given_name="Lee", family_name="Park"))

    contacts.update_contact(dana.id, dataclasses.replace(DANA, given_name="Danielle"))

    assert contacts.get_contact(lee.id) == lee


def test_delete_removes_the_contact_and_returns_it(contacts: ContactService) -> None:
    dana = contacts.add_contact(DANA)
    lee = contacts.add_contact(ContactCard(given_name="Lee", family_name="Park"))

    deleted = contacts.delete_contact(dana.id)

    assert deleted == dana
    assert contacts.count() == 1
    assert contacts.list_contacts() == [lee]
    with pytest.raises(ContactNotFound):
        contacts.get_contact(dana.id)


@pytest.mark.parametrize("operation", ["get", "update", "delete"])
def test_a_missing_id_raises_contact_not_found(contacts: ContactService, operation: str) -> None:
    kept = contacts.add_contact(DANA)
    missing = kept.id + 1000

    with pytest.raises(ContactNotFound) as excinfo:
        if operation == "get":
            contacts.get_contact(missing)
        elif operation == "update":
            contacts.update_contact(missing, ContactCard(given_name="Ghost"))
        else:
            contacts.delete_contact(missing)

    assert excinfo.value.contact_id == missing
    assert str(missing) in str(excinfo.value)
    assert contacts.list_contacts() == [kept]


def test_list_is_ordered_by_family_then_given_name_ignoring_case(
    contacts: ContactService,
) -> None:
    for given_name, family_name in [
        ("Carl", "davis"),
        ("Bea", "Adams"),
        ("Dan", "Carter"),
        ("amy", "adams"),
        ("Zed", "carter"),
    ]:
        contacts.add_contact(ContactCard(given_name=given_name, family_name=family_name))

    names = [(c.given_name, c.family_name) for c in contacts.list_contacts()]

    assert names == [
        ("amy", "adams"),
        ("Bea", "Adams"),
        ("Dan", "Carter"),
        ("Zed", "carter"),
        ("Carl", "davis"),
    ]


def test_list_ignores_case_of_accented_family_names(contacts: ContactService) -> None:
    for family in ["Ölund", "öberg", "Émile", "ebert"]:
        contacts.add_contact(ContactCard(given_name="A", family_name=family))

    families = [c.family_name for c in contacts.list_contacts()]

    assert families.index("öberg") < families.index("Ölund")


def test_writes_run_inside_a_transaction(
    contacts: ContactService, db: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: list[tuple[str, bool]] = []
    execute_sql = db.execute_sql

    def spy(sql: str, *args: object, **kwargs: object) -> object:
        verb = sql.lstrip().split(None, 1)[0].upper()
        if verb in {"INSERT", "UPDATE", "DELETE"}:
            writes.append((verb, db.in_transaction()))
        return execute_sql(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", spy)

    added = contacts.add_contact(DANA)
    contacts.update_contact(added.id, dataclasses.replace(DANA, company="Globex"))
    contacts.delete_contact(added.id)

    assert [verb for verb, _ in writes] == ["INSERT", "UPDATE", "DELETE"]
    assert all(in_transaction for _, in_transaction in writes), writes


# --- timestamps --------------------------------------------------------------------------


def test_timestamps_come_from_the_injected_clock(db: peewee.SqliteDatabase) -> None:
    added = ContactService(db, fixed_clock(NOW)).add_contact(DANA)
    assert added.created_at == NOW
    assert added.updated_at == NOW

    updated = ContactService(db, fixed_clock(LATER)).update_contact(
        added.id, dataclasses.replace(DANA, phone="555-0100")
    )

    assert updated.created_at == NOW
    assert updated.updated_at == LATER
    reread = ContactService(db, fixed_clock(NOW)).get_contact(added.id)
    assert (reread.created_at, reread.updated_at) == (NOW, LATER)


def test_timestamps_keep_the_instant_of_a_non_utc_clock(db: peewee.SqliteDatabase) -> None:
    berlin = datetime(2026, 11, 25, 15, 30, tzinfo=timezone(timedelta(hours=1)))
    added = ContactService(db, fixed_clock(berlin)).add_contact(DANA)

    reread = ContactService(db, fixed_clock(LATER)).get_contact(added.id)

    assert reread.created_at == NOW  # the same instant, 14:30 UTC
    assert reread.created_at.utcoffset() == timedelta(0)


# --- validation --------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_a_card_without_a_name_is_refused(contacts: ContactService, blank: str) -> None:
    card = dataclasses.replace(DANA, given_name=blank, family_name=blank)

    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(card)

    assert set(excinfo.value.errors) == {"given_name"}
    assert str(excinfo.value)  # a message the status bar can show
    assert contacts.count() == 0


@pytest.mark.parametrize(
    "card",
    [
        ContactCard(given_name="Dana"),
        ContactCard(family_name="Davis"),
        ContactCard(courtesy_title="Dr.", family_name="Davis"),
    ],
    ids=["given-only", "family-only", "title-and-family"],
)
def test_one_name_is_enough(contacts: ContactService, card: ContactCard) -> None:
    added = contacts.add_contact(card)
    assert contacts.get_contact(added.id).card == card


@pytest.mark.parametrize("email", ["dana@", "no-at-sign", "a b@example.com", "@example.com"])
def test_a_malformed_email_is_refused_and_quoted(contacts: ContactService, email: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(dataclasses.replace(DANA, email=email))

    assert set(excinfo.value.errors) == {"email"}
    message = excinfo.value.errors["email"]
    assert re.search(rf"[\"'\u201c\u2018]{re.escape(email)}[\"'\u201d\u2019]", message), message
    assert contacts.count() == 0


@pytest.mark.parametrize(
    "email",
    [
        "dana@example.com",
        "dana.davis+jobs@mail.example.co.uk",
        "zoë@example.com",
        "dana@bücher.example",
        "O'Brien@example.com",
    ],
)
def test_a_valid_email_is_kept_as_typed(contacts: ContactService, email: str) -> None:
    added = contacts.add_contact(dataclasses.replace(DANA, email=email))
    assert contacts.get_contact(added.id).email == email


def test_an_empty_email_is_allowed(contacts: ContactService) -> None:
    added = contacts.add_contact(dataclasses.replace(DANA, email=""))
    assert contacts.get_contact(added.id).email == ""


@pytest.mark.parametrize("category", ["recruiter", "Friend", "", "hiring process"])
def test_an_unknown_category_is_refused(contacts: ContactService, category: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(dataclasses.replace(DANA, category=category))
    assert set(excinfo.value.errors) == {"category"}
    assert contacts.count() == 0


@pytest.mark.parametrize("category", list(Category))
def test_every_category_can_be_saved(contacts: ContactService, category: Category) -> None:
    added = contacts.add_contact(dataclasses.replace(DANA, category=category.value))
    reread = contacts.get_contact(added.id)
    assert reread.category == category.value
    assert reread.category_label == category.label


def test_the_default_category_is_hiring_process(contacts: ContactService) -> None:
    added = contacts.add_contact(ContactCard(given_name="Dana"))
    assert contacts.get_contact(added.id).category == DEFAULT_CATEGORY.value == "hiring-process"


@pytest.mark.parametrize("title", ["Sir", "Mrs", "ms.", "Prof."])
def test_an_unknown_courtesy_title_is_refused(contacts: ContactService, title: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(dataclasses.replace(DANA, courtesy_title=title))
    assert set(excinfo.value.errors) == {"courtesy_title"}
    assert contacts.count() == 0


@pytest.mark.parametrize("title", COURTESY_TITLES)
def test_every_courtesy_title_can_be_saved(contacts: ContactService, title: str) -> None:
    added = contacts.add_contact(dataclasses.replace(DANA, courtesy_title=title))
    assert contacts.get_contact(added.id).courtesy_title == title


def test_all_problems_are_reported_at_once(contacts: ContactService) -> None:
    card = ContactCard(courtesy_title="Sir", email="dana@", category="recruiter")
    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(card)
    assert set(excinfo.value.errors) == {"given_name", "courtesy_title", "email", "category"}


def test_a_refused_update_leaves_the_stored_card_unchanged(contacts: ContactService) -> None:
    added = contacts.add_contact(DANA)
    before = contacts.count()

    with pytest.raises(ValidationError):
        contacts.update_contact(added.id, dataclasses.replace(DANA, email="dana@"))

    assert contacts.count() == before
    assert contacts.get_contact(added.id) == added


def test_a_refused_add_leaves_the_database_unchanged(contacts: ContactService) -> None:
    contacts.add_contact(DANA)
    before = contacts.list_contacts()

    with pytest.raises(ValidationError):
        contacts.add_contact(dataclasses.replace(DANA, given_name="", family_name=""))

    assert contacts.count() == len(before) == 1
    assert contacts.list_contacts() == before


# --- values kept as typed ----------------------------------------------------------------


def test_a_phone_number_keeps_its_punctuation(contacts: ContactService) -> None:
    phone = "+1 (555) 010-2233 ext. 4"
    added = contacts.add_contact(dataclasses.replace(DANA, phone=phone))
    assert contacts.get_contact(added.id).phone == phone


@pytest.mark.parametrize(
    "text",
    [
        "Zoë",
        "Ñúñez",
        "王小明",
        "O'Brien",
        "Smith-Jones",
        "<b>x</b>",
        "&amp;",
        "{{ x }}",
        "Robert'); DROP TABLE contact; --",
    ],
)
def test_names_and_addresses_are_kept_exactly(contacts: ContactService, text: str) -> None:
    card = dataclasses.replace(
        DANA, given_name=text, family_name=text, company=text, street=text, city=text
    )
    added = contacts.add_contact(card)
    reread = contacts.get_contact(added.id)
    assert reread.card == card
    assert contacts.list_contacts()[0].given_name == text


def test_one_line_fields_are_trimmed(contacts: ContactService) -> None:
    padded = ContactCard(
        **{
            name: f"  {getattr(DANA, name)}\t"
            for name in CARD_FIELDS
            if name not in {"notes", "street"} and isinstance(getattr(DANA, name), str)
        },
        street=" 100 Main Street ",
        notes=DANA.notes,
    )

    added = contacts.add_contact(padded)

    reread = contacts.get_contact(added.id)
    assert reread.card == dataclasses.replace(DANA, street="100 Main Street")
    assert added == reread


def test_notes_are_kept_exactly(contacts: ContactService) -> None:
    notes = "  Met at the booth.\n\n  - follow up in March  \n\tthen call\n\n"
    added = contacts.add_contact(dataclasses.replace(DANA, notes=notes))
    assert contacts.get_contact(added.id).notes == notes


def test_the_stored_row_holds_the_trimmed_values(contacts: ContactService) -> None:
    added = contacts.add_contact(dataclasses.replace(DANA, given_name="  Dana  "))
    row = Contact.get_by_id(added.id)
    assert row.given_name == "Dana"


# --- properties --------------------------------------------------------------------------

# What a user can type into a one-line field, already trimmed: anything but surrogates.
one_line_text = (
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@db_settings
@given(given_name=one_line_text, family_name=one_line_text, company=one_line_text)
def test_any_name_reads_back_identically(
    contacts: ContactService, given_name: str, family_name: str, company: str
) -> None:
    card = ContactCard(given_name=given_name, family_name=family_name, company=company)

    added = contacts.add_contact(card)

    reread = contacts.get_contact(added.id)
    assert reread.given_name == given_name
    assert reread.family_name == family_name
    assert reread.company == company


optional_text = st.one_of(st.just(""), one_line_text)
cards = st.builds(
    ContactCard,
    courtesy_title=st.sampled_from(COURTESY_TITLES),
    given_name=one_line_text,
    family_name=optional_text,
    job_title=optional_text,
    company=optional_text,
    department=optional_text,
    phone=optional_text,
    street=optional_text,
    city=optional_text,
    region=optional_text,
    postal_code=optional_text,
    country=optional_text,
    category=st.sampled_from([c.value for c in Category]),
    met_at=optional_text,
    notes=st.text(st.characters(exclude_categories=("Cs",)), max_size=80),
)


@db_settings
@given(card=cards)
def test_any_valid_card_survives_save_and_reload(
    contacts: ContactService, card: ContactCard
) -> None:
    added = contacts.add_contact(card)
    assert contacts.get_contact(added.id).card == card


@given(blank=st.text(st.sampled_from(" \t\n\r\u00a0\u2003\u3000"), max_size=6))
def test_names_of_only_white_space_never_validate(blank: str) -> None:
    card = ContactCard(given_name=blank, family_name=blank).normalised()
    assert "given_name" in validate_card(card)


# --- the fast path for plain email addresses -------------------------------------------------


_ATOM = st.text(alphabet="abcXYZ019_+-", min_size=1, max_size=12)
_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_TLD = st.sampled_from(["com", "org", "io", "example", "museum", "test", "local", "arpa", "Co"])
_PLAIN_LOOKING = st.builds(
    lambda local, labels, tld: ".".join(local) + "@" + ".".join([*labels, tld]),
    st.lists(_ATOM, min_size=1, max_size=3),
    st.lists(_LABEL, min_size=1, max_size=3),
    _TLD,
)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_LOOKING)
def test_every_address_the_fast_path_accepts_email_validator_accepts(address: str) -> None:
    import email_validator

    if email_problem(address) is None:
        email_validator.validate_email(address, check_deliverability=False)
    plain = PLAIN_EMAIL.fullmatch(address) and "--" not in address.partition("@")[2]
    if plain and address.rsplit(".", 1)[-1] in ("com", "io"):
        assert email_problem(address) is None, "a plain address is accepted"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab.-_+@1é"), max_size=20))
def test_the_fast_path_never_lets_through_what_email_validator_refuses(address: str) -> None:
    import email_validator

    try:
        email_validator.validate_email(address, check_deliverability=False)
    except email_validator.EmailNotValidError:
        assert email_problem(address) is not None


@pytest.mark.parametrize(
    "address",
    ["dana@acme.test", "a..b@x.com", "a@-x.com", "router@home.arpa", "x@local", "a@ab--c.com"],
)
def test_addresses_that_look_plain_but_are_not_are_still_refused(address: str) -> None:
    assert email_problem(address) is not None
