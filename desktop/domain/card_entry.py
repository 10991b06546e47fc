"""Saving a new business card, and with it the event where the user met the person.

The evening after an interview day the user types ten cards from the same panel. Each card
is saved with the event they share: the first card logs the event, each next card joins it,
so the panel is one event with one follow-up per person, as if logged together. The card,
its photo, its place in the event and its follow-up are written in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee

from desktop.domain.card_photos import KEEP_PHOTO, PhotoChange
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.followups import EventDraft, FollowUpRecord, FollowUpService
from desktop.domain.models import Event
from desktop.domain.rules.referrals import ThankIntroducer


@dataclass(frozen=True)
class SharedEvent:
    """The event a batch of cards comes from, as the card form shows it."""

    kind: str
    occurred_at: datetime
    discussed: str = ""
    opportunity_id: int | None = None


@dataclass(frozen=True)
class CardSaved:
    contact: ContactRecord
    event_id: int | None  # the event the card joined or started (None: no event)
    follow_ups: tuple[FollowUpRecord, ...]
    joined: bool  # True: added to the previous card's event; False: started it
    # An introduction that just led to this interview: the UI offers to thank the introducer.
    thank_introducers: tuple[ThankIntroducer, ...] = ()


class CardEntry:
    def __init__(
        self, db: peewee.SqliteDatabase, contacts: ContactService, follow_ups: FollowUpService
    ) -> None:
        self._db = db
        self._contacts = contacts
        self._follow_ups = follow_ups

    def save_new(
        self,
        card: ContactCard,
        event: SharedEvent | None = None,
        *,
        previous_event_id: int | None = None,
        photo: PhotoChange = KEEP_PHOTO,
    ) -> CardSaved:
        """Add ``card`` (and its photo); with ``event``, log it or join the previous card's.

        ``previous_event_id`` is the event the last card of the batch was saved with. The new
        card joins it only if it is still there and still the same event (the user may have
        deleted it meanwhile, or changed what happened for this card): otherwise the card
        starts a new event. A validation error anywhere writes nothing.
        """
        with self._db.atomic():
            contact = self._contacts.add_contact(card, photo=photo)
            if event is None:
                return CardSaved(contact, None, (), joined=False)
            if previous_event_id is not None and self._is_same_event(previous_event_id, event):
                logged = self._follow_ups.add_to_event(previous_event_id, (contact.id,))
                return CardSaved(
                    contact,
                    logged.event_id,
                    logged.follow_ups,
                    joined=True,
                    thank_introducers=logged.thank_introducers,
                )
            logged = self._follow_ups.log_event(
                EventDraft(
                    kind=event.kind,
                    occurred_at=event.occurred_at,
                    contact_ids=(contact.id,),
                    discussed=event.discussed,
                    opportunity_id=event.opportunity_id,
                )
            )
            return CardSaved(
                contact,
                logged.event_id,
                logged.follow_ups,
                joined=False,
                thank_introducers=logged.thank_introducers,
            )

    @staticmethod
    def _is_same_event(event_id: int, event: SharedEvent) -> bool:
        row = Event.get_or_none(Event.id == event_id)
        if row is None:
            return False
        return (
            row.kind == event.kind
            # Stored to the second.
            and row.occurred_at == event.occurred_at.replace(microsecond=0)
            and row.discussed == event.discussed
            and row.opportunity_id == event.opportunity_id
        )
