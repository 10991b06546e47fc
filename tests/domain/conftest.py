"""Fixtures for the follow-up domain: services on the test database, and people to add."""

from __future__ import annotations

from collections.abc import Callable

import peewee
import pytest

from desktop.domain.categories import Category
from desktop.domain.clock import Clock
from desktop.domain.compose import LetterDrafter
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.followups import FollowUpService
from desktop.domain.letter_history import LetterService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService
from desktop.domain.profile import ProfileService
from desktop.domain.template_store import TemplateService

AddPerson = Callable[..., ContactRecord]


@pytest.fixture
def preferences(db: peewee.SqliteDatabase) -> PreferencesService:
    return PreferencesService(db)


@pytest.fixture
def follow_ups(
    db: peewee.SqliteDatabase, clock: Clock, preferences: PreferencesService
) -> FollowUpService:
    return FollowUpService(db, clock, preferences)


@pytest.fixture
def opportunities(db: peewee.SqliteDatabase, clock: Clock) -> OpportunityService:
    return OpportunityService(db, clock)


@pytest.fixture
def add_person(contacts: ContactService) -> AddPerson:
    """Add a contact: ``add_person("Dana", "Davis", category=..., postal=True, email=True)``."""

    def add(
        given_name: str,
        family_name: str = "",
        *,
        category: Category = Category.HIRING_PROCESS,
        postal: bool = True,
        email: bool = True,
        courtesy_title: str = "",
        introduced_by_id: int | None = None,
    ) -> ContactRecord:
        address = (
            {"street": "100 Main Street", "city": "Springfield", "postal_code": "62701"}
            if postal
            else {}
        )
        return contacts.add_contact(
            ContactCard(
                courtesy_title=courtesy_title,
                given_name=given_name,
                family_name=family_name,
                category=category.value,
                email=f"{given_name.lower()}@example.com" if email else "",
                introduced_by_id=introduced_by_id,
                **address,
            )
        )

    return add


# --- letters -----------------------------------------------------------------------------


@pytest.fixture
def templates(db: peewee.SqliteDatabase, clock: Clock) -> TemplateService:
    return TemplateService(db, clock)


@pytest.fixture
def profile(db: peewee.SqliteDatabase) -> ProfileService:
    return ProfileService(db)


@pytest.fixture
def letters(db: peewee.SqliteDatabase, clock: Clock, follow_ups: FollowUpService) -> LetterService:
    return LetterService(db, clock, follow_ups)


@pytest.fixture
def drafter(
    contacts: ContactService,
    follow_ups: FollowUpService,
    templates: TemplateService,
    profile: ProfileService,
) -> LetterDrafter:
    return LetterDrafter(contacts, follow_ups, templates, profile)
