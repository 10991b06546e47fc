"""Drafting a letter: the right template for the situation, filled in from the card, the
event and the opportunity. The GUI and the command line draft through this one path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.categories import Category
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.followups import FollowUpRecord, FollowUpService
from desktop.domain.letters import DateWriter, Letter, Sender, compose_letter
from desktop.domain.models import Event, Opportunity
from desktop.domain.profile import ProfileService
from desktop.domain.template_store import TemplateRecord, TemplateService
from desktop.domain.templates import LetterContext, render_body
from desktop.domain.vocabulary import EventKind, FollowUpStatus, Situation


@dataclass(frozen=True)
class LetterDraft:
    contact: ContactRecord | None  # None for a card not saved yet
    situation: Situation
    template: TemplateRecord
    body: str  # the rendered template: the user edits this freely
    follow_up: FollowUpRecord | None
    sender: Sender | None
    day: date
    write_date: DateWriter  # how the letter and the template's dates are written
    card: ContactCard | None = None  # the card as typed, when it differs from the stored one

    @property
    def addressee(self) -> ContactCard:
        if self.card is not None:
            return self.card
        assert self.contact is not None
        return self.contact.card

    def letter(self, body: str | None = None) -> Letter:
        """The letter with ``body`` (the user's edit) or the template's text."""
        return compose_letter(
            self.addressee,
            self.body if body is None else body,
            on=self.day,
            write_date=self.write_date,
            sender=self.sender,
        )


def default_situation(contact: ContactRecord, pending: list[FollowUpRecord]) -> Situation:
    """The situation of the contact's most urgent pending follow-up, else one by category."""
    if pending:
        return min(pending, key=lambda r: r.closes_at).situation
    if contact.category == Category.HIRING_PROCESS.value:
        return Situation.AFTER_INTERVIEW
    if contact.category == Category.INFORMATIONAL_INTERVIEW.value:
        return Situation.AFTER_INFORMATIONAL
    return Situation.THANK_HELPER


class LetterDrafter:
    def __init__(
        self,
        contacts: ContactService,
        follow_ups: FollowUpService,
        templates: TemplateService,
        profile: ProfileService,
    ) -> None:
        self._contacts = contacts
        self._follow_ups = follow_ups
        self._templates = templates
        self._profile = profile

    def pending_for(self, contact_id: int) -> list[FollowUpRecord]:
        return [
            r
            for r in self._follow_ups.for_contact(contact_id)
            if r.status is FollowUpStatus.PENDING
        ]

    def draft(
        self,
        contact_id: int,
        *,
        day: date,
        write_date: DateWriter,
        situation: Situation | None = None,
        template_key: str | None = None,
        follow_up_id: int | None = None,
        card: ContactCard | None = None,
    ) -> LetterDraft:
        """Raises ContactNotFound, FollowUpNotFound, TemplateNotFound or TemplateRenderError.

        ``card`` is the card as the user is typing it, used instead of the stored one.
        """
        contact = self._contacts.get_contact(contact_id)
        pending = self.pending_for(contact_id)
        follow_up = self._follow_ups.get(follow_up_id) if follow_up_id is not None else None
        if situation is None:
            situation = follow_up.situation if follow_up else default_situation(contact, pending)
        if follow_up is None:
            follow_up = next((r for r in pending if r.situation is situation), None)
        return self._draft(contact, card, situation, template_key, follow_up, day, write_date)

    def draft_card(
        self,
        card: ContactCard,
        *,
        day: date,
        write_date: DateWriter,
        situation: Situation,
        template_key: str | None = None,
    ) -> LetterDraft:
        """A draft for a card that is not saved yet (no events, no follow-ups)."""
        return self._draft(None, card, situation, template_key, None, day, write_date)

    def _draft(
        self,
        contact: ContactRecord | None,
        card: ContactCard | None,
        situation: Situation,
        template_key: str | None,
        follow_up: FollowUpRecord | None,
        day: date,
        write_date: DateWriter,
    ) -> LetterDraft:
        template = (
            self._templates.get(template_key)
            if template_key
            else self._templates.default_for(situation)
        )
        addressee = card if card is not None else contact.card if contact else ContactCard()
        profile = self._profile.load()
        context = self._context(addressee, follow_up, profile.sender(), day, write_date)
        return LetterDraft(
            contact=contact,
            situation=situation,
            template=template,
            body=render_body(template.body, context),
            follow_up=follow_up,
            sender=profile.sender() if profile.is_set_up else None,
            day=day,
            write_date=write_date,
            card=card,
        )

    @staticmethod
    def _context(
        card: ContactCard,
        follow_up: FollowUpRecord | None,
        sender: Sender,
        day: date,
        write_date: DateWriter,
    ) -> LetterContext:
        event_kind = event_date = discussed = position = company = ""
        if follow_up is not None and follow_up.event_id is not None:
            event = Event.get_or_none(Event.id == follow_up.event_id)
            if event is not None:
                known = {kind.value for kind in EventKind}
                event_kind = EventKind(event.kind).label if event.kind in known else ""
                event_date = write_date(event.occurred_at.date())
                discussed = event.discussed.strip()
                if event.opportunity_id is not None:
                    opportunity = Opportunity.get_or_none(Opportunity.id == event.opportunity_id)
                    if opportunity is not None:
                        position, company = opportunity.position, opportunity.company
        return LetterContext(
            contact=card,
            sender_name=sender.name,
            sender_email=sender.email,
            sender_phone=sender.phone,
            event_kind=event_kind,
            event_date=event_date,
            discussed=discussed,
            opportunity_position=position,
            opportunity_company=company,
            today=write_date(day),
        )
