"""The "you may already have this person" warning of the card form, from the search index."""

from __future__ import annotations

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.errors import ValidationError
from desktop.domain.similar_contacts import Likeness

DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    company="Acme Robotics",
    email="dana.davis@acme.example",
)


@pytest.fixture
def directory(db: peewee.SqliteDatabase, clock: Clock) -> ContactDirectory:
    return ContactDirectory(db, clock)


def test_the_same_email_is_found_whatever_its_case_and_spacing(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    dana = contacts.add_contact(DANA)
    typed = ContactCard(given_name="D.", email="  Dana.Davis@ACME.example ")
    [found] = directory.similar_to(typed)
    assert (found.contact_id, found.formal_name, found.likeness) == (
        dana.id,
        "Ms. Dana Davis",
        Likeness.EMAIL,
    )


def test_the_same_name_and_company_is_found_with_accents_and_case_folded(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    zoe = contacts.add_contact(
        ContactCard(given_name="Zoë", family_name="Ñúñez", company="Initech")
    )
    typed = ContactCard(given_name="zoe ", family_name="NUNEZ", company="initech")
    assert [(c.contact_id, c.likeness) for c in directory.similar_to(typed)] == [
        (zoe.id, Likeness.NAME_AND_COMPANY)
    ]


def test_the_same_name_at_another_company_is_someone_else(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    contacts.add_contact(DANA)
    typed = ContactCard(given_name="Dana", family_name="Davis", company="Globex")
    assert directory.similar_to(typed) == []


def test_a_given_name_alone_warns_about_nobody(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    contacts.add_contact(ContactCard(given_name="Dana"))
    assert directory.similar_to(ContactCard(given_name="Dana")) == []


def test_the_card_being_edited_is_not_its_own_duplicate(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    dana = contacts.add_contact(DANA)
    assert directory.similar_to(DANA, exclude_id=dana.id) == []
    assert [c.contact_id for c in directory.similar_to(DANA)] == [dana.id]


def test_an_email_match_comes_before_a_name_match(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    by_name = contacts.add_contact(ContactCard(given_name="Dana", family_name="Davis"))
    by_email = contacts.add_contact(ContactCard(given_name="Dee", email="dd@example.com"))
    typed = ContactCard(given_name="Dana", family_name="Davis", email="dd@example.com")
    assert [c.contact_id for c in directory.similar_to(typed)] == [by_email.id, by_name.id]


def test_a_contact_edited_a_moment_ago_is_matched_by_its_new_values(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    dana = contacts.add_contact(DANA)
    directory.similar_to(DANA)  # the index is fresh
    contacts.update_contact(dana.id, ContactCard(given_name="Dana", email="new@acme.example"))
    assert directory.similar_to(DANA) == []
    assert [c.contact_id for c in directory.similar_to(ContactCard(email="new@acme.example"))] == [
        dana.id
    ]


names = st.text(
    alphabet=st.characters(codec="utf-8", categories=["L", "Zs", "Pd"]), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(given_name=names, family_name=names, company=st.one_of(st.just(""), names))
def test_any_saved_card_is_found_again_when_typed_in_again(
    directory: ContactDirectory,
    contacts: ContactService,
    given_name: str,
    family_name: str,
    company: str,
) -> None:
    card = ContactCard(given_name=given_name, family_name=family_name, company=company)
    try:
        saved = contacts.add_contact(card)
    except ValidationError:  # a name the card rules refuse is not this test's business
        return
    assert saved.id in [c.contact_id for c in directory.similar_to(card)]
    # Typed again with different case and doubled spaces, it is still the same person.
    retyped = ContactCard(
        given_name=f" {given_name.upper()} ",
        family_name=family_name.replace(" ", "  ").lower(),
        company=company.swapcase(),
    )
    assert saved.id in [c.contact_id for c in directory.similar_to(retyped)]
