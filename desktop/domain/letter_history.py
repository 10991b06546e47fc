"""Letters that left the app, kept exactly as sent, and the follow-ups they answered."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import peewee

from desktop.domain.clock import Clock
from desktop.domain.followups import FollowUpService, MarkedSent
from desktop.domain.models import Letter
from desktop.domain.vocabulary import Channel, Situation


class LetterOutput(StrEnum):
    PRINTED = "printed"
    PDF = "pdf"
    EMAIL = "email"
    COPIED = "copied"

    @property
    def label(self) -> str:
        return {
            LetterOutput.PRINTED: "Printed",
            LetterOutput.PDF: "Saved as PDF",
            LetterOutput.EMAIL: "Emailed",
            LetterOutput.COPIED: "Copied",
        }[self]


@dataclass(frozen=True, kw_only=True)
class LetterRecord:
    id: int
    contact_id: int
    follow_up_id: int | None
    situation: Situation
    template_name: str
    final_text: str
    channel: Channel
    output: LetterOutput
    created_at: datetime


@dataclass(frozen=True)
class RecordedLetter:
    letter: LetterRecord
    marked_sent: MarkedSent | None = None


log = logging.getLogger(__name__)


class LetterService:
    def __init__(
        self, db: peewee.SqliteDatabase, clock: Clock, follow_ups: FollowUpService
    ) -> None:
        self._db = db
        self._clock = clock
        self._follow_ups = follow_ups

    def record(
        self,
        *,
        contact_id: int,
        situation: Situation,
        template_name: str,
        final_text: str,
        channel: Channel,
        output: LetterOutput,
        follow_up_id: int | None = None,
        mark_sent: bool = False,
        card_later: bool = False,
        confirmed: bool = False,
    ) -> RecordedLetter:
        """Keep the letter; with ``mark_sent``, mark its follow-up sent in the same transaction.

        Marking sent can raise NeedsConfirmation (cool-down): then nothing is written.
        """
        now = self._clock().replace(microsecond=0)
        with self._db.atomic():
            marked = None
            if mark_sent and follow_up_id is not None:
                marked = self._follow_ups.mark_sent(
                    follow_up_id,
                    channel=channel,
                    sent_at=now,
                    summary=final_text,
                    card_later=card_later,
                    confirmed=confirmed,
                )
            row = Letter.create(
                contact_id=contact_id,
                follow_up_id=follow_up_id,
                situation=situation.value,
                template_name=template_name,
                final_text=final_text,
                channel=channel.value,
                output=output.value,
                created_at=now,
            )
        # Ids and kinds only: the log never holds letter text (see desktop/logs.py).
        log.info(
            "Letter %d recorded (%s, %s) for contact %d",
            row.id,
            situation.value,
            output.value,
            contact_id,
        )
        return RecordedLetter(self._record(row), marked)

    def for_contact(self, contact_id: int) -> list[LetterRecord]:
        rows = (
            Letter.select()
            .where(Letter.contact_id == contact_id)
            .order_by(Letter.created_at.desc(), Letter.id.desc())
        )
        return [self._record(row) for row in rows]

    @staticmethod
    def _record(row: Letter) -> LetterRecord:
        return LetterRecord(
            id=row.id,
            contact_id=row.contact_id,
            follow_up_id=row.follow_up_id,
            situation=Situation(row.situation),
            template_name=row.template_name,
            final_text=row.final_text,
            channel=Channel(row.channel),
            output=LetterOutput(row.output),
            created_at=row.created_at,
        )
