"""Saving new cards with the event they come from: one event for a whole panel."""

from __future__ import annotations

from datetime import timedelta

import peewee
import pytest

from desktop.domain.card_entry import CardEntry, SharedEvent
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.errors import ValidationError
from desktop.domain.followups import FollowUpService
from desktop.domain.models import Contact, Event
from desktop.domain.opportunities import OpportunityDraft, OpportunityService
from desktop.domain.rules.window import CLOSES_AFTER
from desktop.domain.vocabulary import EventKind


@pytest.fixture
def entry(
    db: peewee.SqliteDatabase, contacts: ContactService, follow_ups: FollowUpService
) -> CardEntry:
    return CardEntry(db, contacts, follow_ups)


def card(given: str, family: str = "Davis", email: str = "") -> ContactCard:
    return ContactCard(given_name=given, family_name=family, company="Acme", email=email)


def test_the_cards_of_a_panel_share_one_event_with_a_follow_up_each(
    entry: CardEntry, follow_ups: FollowUpService, clock: Clock
) -> None:
    panel = SharedEvent(EventKind.INTERVIEW.value, clock() - timedelta(hours=3), "robots")
    first = entry.save_new(card("Dana"), panel)
    second = entry.save_new(card("Sam"), panel, previous_event_id=first.event_id)
    third = entry.save_new(card("Lee"), panel, previous_event_id=second.event_id)

    assert not first.joined and second.joined and third.joined
    assert first.event_id == second.event_id == third.event_id
    assert Event.select().count() == 1
    for saved in (first, second, third):
        [follow_up] = follow_ups.for_contact(saved.contact.id)
        assert follow_up.event_id == first.event_id
        assert follow_up.discussed == "robots"
        assert follow_up.closes_at == panel.occurred_at + CLOSES_AFTER


def test_a_changed_event_starts_a_new_one(entry: CardEntry, clock: Clock) -> None:
    interview = SharedEvent(EventKind.INTERVIEW.value, clock())
    first = entry.save_new(card("Dana"), interview)
    fair = SharedEvent(EventKind.JOB_FAIR.value, clock())
    second = entry.save_new(card("Sam"), fair, previous_event_id=first.event_id)
    assert not second.joined
    assert second.event_id != first.event_id


def test_a_deleted_event_is_not_joined(
    entry: CardEntry, follow_ups: FollowUpService, clock: Clock
) -> None:
    interview = SharedEvent(EventKind.INTERVIEW.value, clock())
    first = entry.save_new(card("Dana"), interview)
    assert first.event_id is not None
    follow_ups.delete_event(first.event_id)
    second = entry.save_new(card("Sam"), interview, previous_event_id=first.event_id)
    assert not second.joined and second.event_id is not None
    assert Event.select().count() == 1


def test_a_card_without_the_event_box_gets_no_follow_up(
    entry: CardEntry, follow_ups: FollowUpService
) -> None:
    saved = entry.save_new(card("Dana"))
    assert saved.event_id is None
    assert follow_ups.for_contact(saved.contact.id) == []


def test_a_refused_card_writes_nothing(entry: CardEntry, clock: Clock) -> None:
    interview = SharedEvent(EventKind.INTERVIEW.value, clock())
    with pytest.raises(ValidationError) as refused:
        entry.save_new(card("Dana", email="not an email"), interview)
    assert "email" in refused.value.errors
    assert Contact.select().count() == 0
    assert Event.select().count() == 0


def test_the_event_opportunity_links_every_card_of_the_panel(
    entry: CardEntry, opportunities: OpportunityService, clock: Clock
) -> None:
    role = opportunities.save(OpportunityDraft(company="Acme", position="Engineer")).record
    panel = SharedEvent(EventKind.INTERVIEW.value, clock(), opportunity_id=role.id)
    first = entry.save_new(card("Dana"), panel)
    second = entry.save_new(card("Sam"), panel, previous_event_id=first.event_id)
    assert set(opportunities.get(role.id).contact_ids) == {first.contact.id, second.contact.id}


def test_adding_someone_twice_to_an_event_changes_nothing(
    entry: CardEntry, follow_ups: FollowUpService, clock: Clock
) -> None:
    first = entry.save_new(card("Dana"), SharedEvent(EventKind.INTERVIEW.value, clock()))
    assert first.event_id is not None
    again = follow_ups.add_to_event(first.event_id, [first.contact.id])
    assert again.follow_ups == ()
    assert len(follow_ups.for_contact(first.contact.id)) == 1


def test_an_introduction_that_led_to_the_interview_is_credited(
    entry: CardEntry, contacts: ContactService, clock: Clock
) -> None:
    friend = contacts.add_contact(ContactCard(given_name="Priya", family_name="Raman"))
    introduced = ContactCard(given_name="Dana", family_name="Davis", introduced_by_id=friend.id)
    saved = entry.save_new(introduced, SharedEvent(EventKind.INTERVIEW.value, clock()))
    [thanks] = saved.thank_introducers
    assert thanks.introducer_id == friend.id
    assert thanks.introduced_ids == (saved.contact.id,)
