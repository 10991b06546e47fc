"""Opportunities: a company and position, a status pipeline, and the people involved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import peewee

from desktop.domain.clock import Clock
from desktop.domain.errors import FollowUpDeskError, ValidationError
from desktop.domain.models import Contact, Opportunity, OpportunityContact
from desktop.domain.rules.referrals import (
    STATUSES_THAT_CREDIT_THE_INTRODUCER,
    Introduced,
    ThankIntroducer,
    introducers_to_thank,
)
from desktop.domain.vocabulary import OpportunityStatus


class OpportunityNotFound(FollowUpDeskError):
    def __init__(self, opportunity_id: int) -> None:
        super().__init__(f"No opportunity with id {opportunity_id} exists.")


@dataclass(frozen=True, kw_only=True)
class OpportunityDraft:
    company: str = ""
    position: str = ""
    status: str = OpportunityStatus.INTERESTED.value
    notes: str = ""
    contact_ids: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True)
class OpportunityRecord(OpportunityDraft):
    id: int
    created_at: datetime
    updated_at: datetime

    @property
    def title(self) -> str:
        """ "Engineering Manager at Acme", or whichever part is known."""
        if self.position and self.company:
            return f"{self.position} at {self.company}"
        return self.position or self.company

    @property
    def status_label(self) -> str:
        try:
            return OpportunityStatus(self.status).label
        except ValueError:
            return self.status


@dataclass(frozen=True)
class SavedOpportunity:
    record: OpportunityRecord
    # Introductions that just led to an offer: the UI proposes a thank-you to each.
    thank_introducers: tuple[ThankIntroducer, ...] = ()


def validate_opportunity(draft: OpportunityDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.company.strip() and not draft.position.strip():
        errors["company"] = "Enter a company or a position."
    try:
        OpportunityStatus(draft.status)
    except ValueError:
        errors["status"] = f"“{draft.status}” is not an opportunity status."
    return errors


class OpportunityService:
    def __init__(self, db: peewee.SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def list_opportunities(self) -> list[OpportunityRecord]:
        people: dict[int, list[int]] = {}
        for link in OpportunityContact.select().order_by(OpportunityContact.contact_id):
            people.setdefault(link.opportunity_id, []).append(link.contact_id)
        rows = Opportunity.select()
        records = [self._record(row, people.get(row.id, [])) for row in rows]
        records.sort(key=lambda r: (r.company.casefold(), r.position.casefold(), r.id))
        return records

    def get(self, opportunity_id: int) -> OpportunityRecord:
        row = Opportunity.get_or_none(Opportunity.id == opportunity_id)
        if row is None:
            raise OpportunityNotFound(opportunity_id)
        links = OpportunityContact.select().where(
            OpportunityContact.opportunity_id == opportunity_id
        )
        return self._record(row, sorted(link.contact_id for link in links))

    def for_contact(self, contact_id: int) -> list[OpportunityRecord]:
        ids = [
            link.opportunity_id
            for link in OpportunityContact.select().where(
                OpportunityContact.contact_id == contact_id
            )
        ]
        return [self.get(opportunity_id) for opportunity_id in ids]

    def save(self, draft: OpportunityDraft, opportunity_id: int | None = None) -> SavedOpportunity:
        """Create (``opportunity_id`` None) or update an opportunity and its people."""
        draft = OpportunityDraft(
            company=draft.company.strip(),
            position=draft.position.strip(),
            status=draft.status,
            notes=draft.notes,
            contact_ids=tuple(dict.fromkeys(draft.contact_ids)),
        )
        if errors := validate_opportunity(draft):
            raise ValidationError(errors)
        now = self._clock().replace(microsecond=0)
        with self._db.atomic():
            known = {
                row.id
                for row in Contact.select(Contact.id).where(Contact.id.in_(draft.contact_ids))
            }
            if missing := [cid for cid in draft.contact_ids if cid not in known]:
                raise ValidationError({"contact_ids": f"Unknown contacts: {missing}."})
            fields = {
                "company": draft.company,
                "position": draft.position,
                "status": draft.status,
                "notes": draft.notes,
            }
            previous_status = None
            if opportunity_id is None:
                row = Opportunity.create(created_at=now, updated_at=now, **fields)
                opportunity_id = row.id
            else:
                previous_status = self.get(opportunity_id).status
                Opportunity.update(updated_at=now, **fields).where(
                    Opportunity.id == opportunity_id
                ).execute()
                OpportunityContact.delete().where(
                    OpportunityContact.opportunity_id == opportunity_id
                ).execute()
            for contact_id in draft.contact_ids:
                OpportunityContact.create(opportunity_id=opportunity_id, contact_id=contact_id)
            record = self.get(opportunity_id)
        thanks: tuple[ThankIntroducer, ...] = ()
        status = OpportunityStatus(draft.status)
        if status in STATUSES_THAT_CREDIT_THE_INTRODUCER and previous_status != draft.status:
            thanks = tuple(introducers_to_thank(self._introduced(record.contact_ids)))
        return SavedOpportunity(record, thanks)

    def delete(self, opportunity_id: int) -> OpportunityRecord:
        with self._db.atomic():
            record = self.get(opportunity_id)
            Opportunity.delete().where(Opportunity.id == opportunity_id).execute()
        return record

    @staticmethod
    def _introduced(contact_ids: Iterable[int]) -> list[Introduced]:
        rows = Contact.select(Contact.id, Contact.introduced_by_id).where(
            Contact.id.in_(list(contact_ids))
        )
        return [Introduced(row.id, row.introduced_by_id) for row in rows]

    @staticmethod
    def _record(row: Opportunity, contact_ids: list[int]) -> OpportunityRecord:
        return OpportunityRecord(
            id=row.id,
            company=row.company,
            position=row.position,
            status=row.status,
            notes=row.notes,
            contact_ids=tuple(contact_ids),
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
