"""Follow-ups: events open them, the agenda lists them, sending closes them.

Every write is one transaction. Rules (window, channel, cool-down, status-only, keep-warm,
referrals) are pure functions in ``desktop.domain.rules``; this service applies them to
stored rows with the injected clock.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from desktop.domain.categories import Category
from desktop.domain.clock import Clock
from desktop.domain.errors import FollowUpDeskError, ValidationError
from desktop.domain.models import (
    Contact,
    Event,
    EventContact,
    FollowUp,
    Opportunity,
    OpportunityContact,
)
from desktop.domain.preferences import PreferencesService
from desktop.domain.rules.channel_advice import ChannelAdvice, recommend_channel
from desktop.domain.rules.cooldown import CooldownWarning, SentFollowUp, cooldown_warning
from desktop.domain.rules.referrals import (
    EVENTS_THAT_CREDIT_THE_INTRODUCER,
    Introduced,
    ThankIntroducer,
    introducers_to_thank,
)
from desktop.domain.rules.status_check import looks_like_status_request
from desktop.domain.rules.window import DueState, FollowUpWindow, follow_up_window
from desktop.domain.vocabulary import Channel, EventKind, FollowUpStatus, Situation

DEFAULT_UPCOMING_DAYS = 14

log = logging.getLogger(__name__)


class FollowUpNotFound(FollowUpDeskError):
    def __init__(self, follow_up_id: int) -> None:
        super().__init__(f"No follow-up with id {follow_up_id} exists (it may have been deleted).")


@dataclass(frozen=True)
class SendWarnings:
    """What the user should confirm before a follow-up is recorded as sent."""

    cooldown: CooldownWarning | None = None
    status_only: bool = False

    def __bool__(self) -> bool:
        return self.cooldown is not None or self.status_only


class NeedsConfirmation(FollowUpDeskError):
    """Sending now would break a rule; the user may confirm deliberately."""

    def __init__(self, warnings: SendWarnings) -> None:
        self.warnings = warnings
        super().__init__("This follow-up needs your confirmation before it is recorded as sent.")


@dataclass(frozen=True, kw_only=True)
class EventDraft:
    kind: str
    occurred_at: datetime
    contact_ids: tuple[int, ...]
    discussed: str = ""
    opportunity_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class FollowUpRecord:
    id: int
    contact_id: int
    contact_name: str
    contact_category: str
    event_id: int | None
    event_kind: str | None
    discussed: str
    previous_id: int | None
    situation: Situation
    opens_at: datetime
    target_at: datetime
    closes_at: datetime
    advice: ChannelAdvice
    status: FollowUpStatus
    sent_at: datetime | None
    sent_channel: Channel | None
    summary: str
    override_note: str
    created_at: datetime
    # The handwritten card that follows an email sent for the same situation ("email now,
    # card later"): part of the same follow-up, so no new cool-down or keep-warm of its own.
    is_card_step: bool = False

    @property
    def window(self) -> FollowUpWindow:
        return FollowUpWindow(self.opens_at, self.target_at, self.closes_at)

    def state(self, now: datetime) -> DueState | None:
        """Where a pending follow-up stands at ``now``; None once sent or dismissed."""
        if self.status is not FollowUpStatus.PENDING:
            return None
        return self.window.state(now)


@dataclass(frozen=True)
class LoggedEvent:
    event_id: int
    follow_ups: tuple[FollowUpRecord, ...]
    # Introductions that just led to an interview: the UI proposes a thank-you to each.
    thank_introducers: tuple[ThankIntroducer, ...]


@dataclass(frozen=True)
class Agenda:
    now: datetime
    overdue: tuple[FollowUpRecord, ...]
    due: tuple[FollowUpRecord, ...]
    upcoming: tuple[FollowUpRecord, ...]

    @property
    def owed_count(self) -> int:
        """Follow-ups to write now: overdue plus due (the badge number)."""
        return len(self.overdue) + len(self.due)

    def all(self) -> tuple[FollowUpRecord, ...]:
        return self.overdue + self.due + self.upcoming


@dataclass(frozen=True)
class MarkedSent:
    follow_up: FollowUpRecord
    keep_warm: FollowUpRecord | None = None
    card_later: FollowUpRecord | None = None


@dataclass(frozen=True)
class ContactHistory:
    sent_count: int
    pending_count: int
    last_sent: FollowUpRecord | None


def has_postal_address(contact: Contact) -> bool:
    return bool(contact.street.strip() and (contact.city.strip() or contact.postal_code.strip()))


def _formal_name(contact: Contact) -> str:
    name = " ".join(part for part in (contact.given_name, contact.family_name) if part)
    return " ".join(part for part in (contact.courtesy_title, name) if part)


class FollowUpService:
    def __init__(
        self, db: peewee.SqliteDatabase, clock: Clock, preferences: PreferencesService
    ) -> None:
        self._db = db
        self._clock = clock
        self._preferences = preferences

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    # -- reading --------------------------------------------------------------------------
    def get(self, follow_up_id: int) -> FollowUpRecord:
        records = self._records(FollowUp.select().where(FollowUp.id == follow_up_id))
        if not records:
            raise FollowUpNotFound(follow_up_id)
        return records[0]

    def for_contact(self, contact_id: int) -> list[FollowUpRecord]:
        """A contact's follow-ups, newest first."""
        query = (
            FollowUp.select()
            .where(FollowUp.contact_id == contact_id)
            .order_by(FollowUp.opens_at.desc(), FollowUp.id.desc())
        )
        return self._records(query)

    def count_for_contact(self, contact_id: int) -> int:
        return int(FollowUp.select().where(FollowUp.contact_id == contact_id).count())

    def history(self, contact_id: int) -> ContactHistory:
        records = self.for_contact(contact_id)
        sent = [r for r in records if r.status is FollowUpStatus.SENT and r.sent_at]
        pending = [r for r in records if r.status is FollowUpStatus.PENDING]
        last = max(sent, key=lambda r: r.sent_at or r.created_at, default=None)
        return ContactHistory(sent_count=len(sent), pending_count=len(pending), last_sent=last)

    def pending(self) -> list[FollowUpRecord]:
        query = (
            FollowUp.select()
            .where(FollowUp.status == FollowUpStatus.PENDING.value)
            .order_by(FollowUp.closes_at, FollowUp.id)
        )
        return self._records(query)

    def agenda(
        self, now: datetime | None = None, upcoming_days: int = DEFAULT_UPCOMING_DAYS
    ) -> Agenda:
        """Pending follow-ups at ``now``: overdue, due, and those opening within the horizon."""
        now = now or self._clock()
        horizon = now + timedelta(days=upcoming_days)
        overdue: list[FollowUpRecord] = []
        due: list[FollowUpRecord] = []
        upcoming: list[FollowUpRecord] = []
        for record in self.pending():
            state = record.state(now)
            if state is DueState.OVERDUE:
                overdue.append(record)
            elif state is DueState.DUE:
                due.append(record)
            elif record.opens_at <= horizon:
                upcoming.append(record)
        upcoming.sort(key=lambda r: (r.opens_at, r.id))
        return Agenda(now, tuple(overdue), tuple(due), tuple(upcoming))

    # -- writing --------------------------------------------------------------------------
    def log_event(self, draft: EventDraft) -> LoggedEvent:
        """Record an event with one or more people: one follow-up per person, one transaction."""
        kind = self._validated_event(draft)
        contact_ids = tuple(dict.fromkeys(draft.contact_ids))
        with self._db.atomic():
            event = Event.create(
                kind=kind.value,
                occurred_at=draft.occurred_at,
                discussed=draft.discussed,
                opportunity_id=draft.opportunity_id,
                created_at=self._now(),
            )
            logged = self._join(event, kind, contact_ids)
        log.info(
            "Event %d (%s) logged with %d follow-ups", event.id, kind.value, len(logged.follow_ups)
        )
        return logged

    def add_to_event(self, event_id: int, contact_ids: Sequence[int]) -> LoggedEvent:
        """Add people to an event already logged (the next card of an interview panel):
        each gets the follow-up the event calls for, with the event's window, as if they
        had been logged with it. People already in the event are left as they are."""
        with self._db.atomic():
            event = Event.get_or_none(Event.id == event_id)
            if event is None:
                raise ValidationError({"event_id": "That event no longer exists."})
            kind = self._validated_event(
                EventDraft(
                    kind=event.kind,
                    occurred_at=event.occurred_at,
                    contact_ids=tuple(contact_ids),
                    opportunity_id=event.opportunity_id,
                )
            )
            present = {
                row.contact_id
                for row in EventContact.select().where(EventContact.event_id == event_id)
            }
            new_ids = tuple(cid for cid in dict.fromkeys(contact_ids) if cid not in present)
            logged = self._join(event, kind, new_ids)
        log.info("Event %d: %d people added", event_id, len(logged.follow_ups))
        return logged

    def _join(self, event: Event, kind: EventKind, contact_ids: Sequence[int]) -> LoggedEvent:
        """Put ``contact_ids`` in ``event``, each with the follow-up it calls for (inside the
        caller's transaction); and say which introducers the event now credits."""
        contacts = self._contacts(contact_ids)
        ids = []
        for contact_id in contact_ids:
            EventContact.create(event_id=event.id, contact_id=contact_id)
            ids.append(
                self._create(
                    contacts[contact_id],
                    kind.situation,
                    follow_up_window(event.occurred_at),
                    event_id=event.id,
                )
            )
        if event.opportunity_id is not None:
            self._link_to_opportunity(event.opportunity_id, contact_ids)
        follow_ups = tuple(self.get(follow_up_id) for follow_up_id in ids)
        thanks: tuple[ThankIntroducer, ...] = ()
        if kind in EVENTS_THAT_CREDIT_THE_INTRODUCER:
            thanks = tuple(
                introducers_to_thank(
                    Introduced(c.id, c.introduced_by_id) for c in contacts.values()
                )
            )
        return LoggedEvent(event.id, follow_ups, thanks)

    def thank_introducer(
        self, thanks: ThankIntroducer, at: datetime | None = None
    ) -> FollowUpRecord:
        """A thank-helper follow-up to someone whose introduction led somewhere."""
        at = at or self._now()
        with self._db.atomic():
            introducer = self._contacts([thanks.introducer_id])[thanks.introducer_id]
            names = ", ".join(
                _formal_name(c) for c in self._contacts(thanks.introduced_ids).values()
            )
            follow_up_id = self._create(
                introducer,
                Situation.THANK_HELPER,
                follow_up_window(at),
                summary=f"Their introduction to {names} led to an interview or offer.",
            )
        return self.get(follow_up_id)

    def check_send(self, follow_up_id: int, sent_at: datetime, summary: str = "") -> SendWarnings:
        """What sending this follow-up at ``sent_at`` would break, if anything."""
        record = self.get(follow_up_id)
        cooldown = None
        if not record.is_card_step and self._cooldown_applies(
            record.contact_id, record.contact_category
        ):
            history = [
                SentFollowUp(r.sent_at, r.sent_channel.label)
                for r in self.for_contact(record.contact_id)
                if r.status is FollowUpStatus.SENT
                and r.sent_at
                and r.sent_channel
                and r.sent_at <= sent_at
            ]
            days = self._preferences.load().cooldown_days
            cooldown = cooldown_warning(history, sent_at, days)
        status_only = record.situation is Situation.AFTER_RESUME and looks_like_status_request(
            summary
        )
        return SendWarnings(cooldown=cooldown, status_only=status_only)

    def mark_sent(
        self,
        follow_up_id: int,
        *,
        channel: Channel,
        sent_at: datetime,
        summary: str = "",
        card_later: bool = False,
        confirmed: bool = False,
    ) -> MarkedSent:
        """Record that the follow-up went out.

        Raises NeedsConfirmation when a rule would be broken, unless ``confirmed``; a
        confirmed override is written into the follow-up's ``override_note``.
        """
        if sent_at.tzinfo is None:
            raise ValueError("sent_at must be an aware datetime")
        if card_later and channel is not Channel.EMAIL:
            raise ValidationError({"card_later": "“Card later” follows an email only."})
        sent_at = sent_at.replace(microsecond=0)
        with self._db.atomic():
            record = self.get(follow_up_id)
            if record.status is not FollowUpStatus.PENDING:
                raise ValidationError(
                    {"status": f"This follow-up was already {record.status.value}."}
                )
            warnings = self.check_send(follow_up_id, sent_at, summary)
            if warnings and not confirmed:
                raise NeedsConfirmation(warnings)
            FollowUp.update(
                status=FollowUpStatus.SENT.value,
                sent_at=sent_at,
                sent_channel=channel.value,
                summary=summary or record.summary,  # keep the note it was created with
                override_note=self._override_note(warnings) if warnings else "",
            ).where(FollowUp.id == follow_up_id).execute()
            contact = self._contacts([record.contact_id])[record.contact_id]
            keep_warm_id = card_id = None
            if record.situation is Situation.AFTER_REJECTION and not record.is_card_step:
                days = self._preferences.load().keep_warm_days
                keep_warm_id = self._create(
                    contact,
                    Situation.KEEP_WARM,
                    follow_up_window(sent_at + timedelta(days=days)),
                    event_id=record.event_id,
                    previous_id=record.id,
                )
            if card_later:
                card_id = self._create(
                    contact,
                    record.situation,
                    follow_up_window(sent_at),
                    event_id=record.event_id,
                    previous_id=record.id,
                    channel=Channel.HANDWRITTEN_NOTE,
                    summary="The card that follows the email.",
                )
            return MarkedSent(
                self.get(follow_up_id),
                self.get(keep_warm_id) if keep_warm_id else None,
                self.get(card_id) if card_id else None,
            )

    def dismiss(self, follow_up_id: int) -> FollowUpRecord:
        """Drop a follow-up the user decided not to send (kept in history as dismissed)."""
        with self._db.atomic():
            record = self.get(follow_up_id)
            if record.status is not FollowUpStatus.PENDING:
                raise ValidationError({"status": f"This follow-up was already {record.status}."})
            FollowUp.update(status=FollowUpStatus.DISMISSED.value).where(
                FollowUp.id == follow_up_id
            ).execute()
        return self.get(follow_up_id)

    def delete_event(self, event_id: int) -> tuple[int, int]:
        """Delete an event; its pending follow-ups go, sent ones stay as history.

        Returns (pending follow-ups removed, sent or dismissed follow-ups kept).
        """
        with self._db.atomic():
            pending = (
                FollowUp.delete()
                .where(
                    (FollowUp.event_id == event_id)
                    & (FollowUp.status == FollowUpStatus.PENDING.value)
                )
                .execute()
            )
            kept = FollowUp.select().where(FollowUp.event_id == event_id).count()
            Event.delete().where(Event.id == event_id).execute()  # kept rows: event_id NULL
        return int(pending), int(kept)

    # -- helpers --------------------------------------------------------------------------
    def _validated_event(self, draft: EventDraft) -> EventKind:
        errors: dict[str, str] = {}
        kind: EventKind | None = None
        try:
            kind = EventKind(draft.kind)
        except ValueError:
            errors["kind"] = f"“{draft.kind}” is not a kind of event."
        if draft.occurred_at.tzinfo is None:
            errors["occurred_at"] = "The event's time must include a time zone."
        if not draft.contact_ids:
            errors["contact_ids"] = "Choose at least one person who was there."
        if (
            draft.opportunity_id is not None
            and not Opportunity.select().where(Opportunity.id == draft.opportunity_id).exists()
        ):
            errors["opportunity_id"] = "The chosen opportunity no longer exists."
        if errors or kind is None:
            raise ValidationError(errors)
        return kind

    @staticmethod
    def _contacts(contact_ids: Iterable[int]) -> dict[int, Contact]:
        ids = list(contact_ids)
        rows = {row.id: row for row in Contact.select().where(Contact.id.in_(ids))}
        if missing := [cid for cid in ids if cid not in rows]:
            raise ValidationError({"contact_ids": f"Unknown contacts: {missing}."})
        return rows

    @staticmethod
    def _link_to_opportunity(opportunity_id: int, contact_ids: Sequence[int]) -> None:
        for contact_id in contact_ids:
            OpportunityContact.insert(
                opportunity_id=opportunity_id, contact_id=contact_id
            ).on_conflict_ignore().execute()

    def _create(
        self,
        contact: Contact,
        situation: Situation,
        window: FollowUpWindow,
        *,
        event_id: int | None = None,
        previous_id: int | None = None,
        channel: Channel | None = None,
        summary: str = "",
    ) -> int:
        advice = self._advice(contact, situation, self._preferences.load().default_channel)
        row = FollowUp.create(
            contact_id=contact.id,
            event_id=event_id,
            previous_id=previous_id,
            situation=situation.value,
            opens_at=window.opens_at,
            target_at=window.target_at,
            closes_at=window.closes_at,
            recommended_channel=(channel or advice.channel).value,
            summary=summary,
            created_at=self._now(),
        )
        return int(row.id)

    @staticmethod
    def _advice(contact: Contact, situation: Situation, preferred: Channel) -> ChannelAdvice:
        return recommend_channel(
            situation=situation,
            category=contact.category,
            has_postal_address=has_postal_address(contact),
            has_email=bool(contact.email),
            preferred=preferred,
        )

    @staticmethod
    def _cooldown_applies(contact_id: int, category: str) -> bool:
        """Hiring authorities: anyone in the hiring-process category or on an opportunity."""
        if category == Category.HIRING_PROCESS.value:
            return True
        return bool(
            OpportunityContact.select().where(OpportunityContact.contact_id == contact_id).exists()
        )

    @staticmethod
    def _override_note(warnings: SendWarnings) -> str:
        notes = []
        if warnings.cooldown is not None:
            last = warnings.cooldown.last_sent_at.date().isoformat()
            notes.append(
                f"Sent within the {warnings.cooldown.cooldown_days}-day cool-down "
                f"(previous follow-up {last}); confirmed by the user."
            )
        if warnings.status_only:
            notes.append("Sent although it read as a status request; confirmed by the user.")
        return " ".join(notes)

    def _records(self, query: Iterable[FollowUp]) -> list[FollowUpRecord]:
        rows = list(query)
        contacts = {
            c.id: c for c in Contact.select().where(Contact.id.in_({r.contact_id for r in rows}))
        }
        previous_ids = {r.previous_id for r in rows if r.previous_id is not None}
        previous_situations = (
            {
                p.id: p.situation
                for p in FollowUp.select(FollowUp.id, FollowUp.situation).where(
                    FollowUp.id.in_(previous_ids)
                )
            }
            if previous_ids
            else {}
        )
        event_ids = {r.event_id for r in rows if r.event_id is not None}
        events = (
            {e.id: e for e in Event.select().where(Event.id.in_(event_ids))} if event_ids else {}
        )
        preferred = self._preferences.load().default_channel if rows else Channel.TYPED_LETTER
        records = []
        for row in rows:
            contact = contacts[row.contact_id]
            event = events.get(row.event_id) if row.event_id is not None else None
            situation = Situation(row.situation)
            is_card_step = (
                row.previous_id is not None
                and previous_situations.get(row.previous_id) == row.situation
            )
            # A card step keeps the channel it was created for; anything else follows the
            # card as it is now (an address added later turns email advice into a letter).
            advice = (
                ChannelAdvice(Channel(row.recommended_channel), "The card that follows your email.")
                if is_card_step
                else self._advice(contact, situation, preferred)
            )
            records.append(
                FollowUpRecord(
                    id=row.id,
                    contact_id=row.contact_id,
                    contact_name=_formal_name(contact),
                    contact_category=contact.category,
                    event_id=row.event_id,
                    event_kind=event.kind if event else None,
                    discussed=event.discussed if event else "",
                    previous_id=row.previous_id,
                    situation=situation,
                    opens_at=row.opens_at,
                    target_at=row.target_at,
                    closes_at=row.closes_at,
                    advice=advice,
                    status=FollowUpStatus(row.status),
                    sent_at=row.sent_at,
                    sent_channel=Channel(row.sent_channel) if row.sent_channel else None,
                    summary=row.summary,
                    override_note=row.override_note,
                    created_at=row.created_at,
                    is_card_step=is_card_step,
                )
            )
        return records
