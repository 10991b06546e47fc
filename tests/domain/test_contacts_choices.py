"""ContactService.choices: the people a picker offers, read lightly, as list_contacts has them."""

from __future__ import annotations

from collections.abc import Callable

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.categories import DEFAULT_CATEGORY
from desktop.domain.contacts import (
    ContactCard,
    ContactChoice,
    ContactRecord,
    ContactService,
    join_name,
)
from desktop.domain.models import Contact
from tests.conftest import NOW


def as_choice(record: ContactRecord) -> ContactChoice:
    return ContactChoice(record.id, record.full_name, record.job_title, record.company)


def store(rows: list[tuple[str, str, str, str]]) -> None:
    """Rows stored directly: either name may be blank (not both: the schema refuses it)."""
    Contact.insert_many(
        [
            {
                "given_name": given,
                "family_name": family,
                "job_title": job_title,
                "company": company,
                "category": DEFAULT_CATEGORY.value,
                "created_at": NOW,
                "updated_at": NOW,
            }
            for given, family, job_title, company in rows
        ]
    ).execute()


def test_a_new_database_offers_nobody(contacts: ContactService) -> None:
    assert contacts.choices() == []


def test_choices_name_people_as_their_cards_do_in_list_order(contacts: ContactService) -> None:
    dana = contacts.add_contact(
        ContactCard(given_name="Dana", family_name="Davis", job_title="CTO", company="Acme")
    )
    cher = contacts.add_contact(ContactCard(given_name="Cher", company="Globex"))
    adams = contacts.add_contact(ContactCard(family_name="adams", job_title="Recruiter"))
    olund = contacts.add_contact(ContactCard(given_name="Ida", family_name="Ölund"))
    oberg = contacts.add_contact(ContactCard(given_name="Ola", family_name="öberg"))

    assert contacts.choices() == [
        ContactChoice(cher.id, "Cher", "", "Globex"),  # no family name: sorts first
        ContactChoice(adams.id, "adams", "Recruiter", ""),
        ContactChoice(dana.id, "Dana Davis", "CTO", "Acme"),
        ContactChoice(oberg.id, "Ola öberg", "", ""),
        ContactChoice(olund.id, "Ida Ölund", "", ""),
    ]
    assert contacts.choices() == [as_choice(r) for r in contacts.list_contacts()]


def test_choices_are_read_in_one_query(
    contacts: ContactService, db: peewee.SqliteDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    store([("Dana", "Davis", "", "Acme"), ("Lee", "Wong", "Recruiter", "")])
    statements: list[str] = []
    execute_sql: Callable[..., object] = db.execute_sql

    def spy(sql: str, *args: object, **kwargs: object) -> object:
        statements.append(sql)
        return execute_sql(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", spy)
    assert [choice.full_name for choice in contacts.choices()] == ["Dana Davis", "Lee Wong"]
    assert len(statements) == 1, statements


# Few letters in both cases, accented and not, so names tie, differ only in case, or are blank.
names = st.text(st.sampled_from("aAbBöÖßẞ ΣσςİI"), max_size=4)
rows = st.lists(
    st.tuples(names, names, names, names).filter(lambda row: bool(row[0] or row[1])), max_size=12
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=rows)
def test_choices_match_list_contacts_for_any_names(
    contacts: ContactService, rows: list[tuple[str, str, str, str]]
) -> None:
    Contact.delete().execute()  # the database is shared by the examples of one test
    store(rows)
    assert contacts.choices() == [as_choice(r) for r in contacts.list_contacts()]


@given(given_name=st.text(max_size=6), family_name=st.text(max_size=6))
def test_a_full_name_is_the_names_that_are_there_with_one_space_between(
    given_name: str, family_name: str
) -> None:
    full = join_name(given_name, family_name)
    assert full == " ".join(part for part in (given_name, family_name) if part)
    assert ContactCard(given_name=given_name, family_name=family_name).full_name == full
