"""People with everything a delete touches, and the whole database as rows to compare.

Dana and Sam are the ones deleted; Lee and Ivy stay. Between them: an event shared with
Lee (kept), one that was Dana's alone and one that only Dana and Sam attended (both go),
follow-ups pending, sent, dismissed and one that came after another, letters, the photo
of Dana's card (every byte value, so a restore that altered one would show), an
opportunity, introductions both ways, and a survivor's letter and follow-up that pointed
at Dana's follow-up.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import timedelta

import peewee

from desktop.domain.card_photos import PhotoUpload
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.followups import EventDraft, FollowUpService
from desktop.domain.letter_history import LetterOutput, LetterService
from desktop.domain.models import FollowUp
from desktop.domain.opportunities import OpportunityDraft, OpportunityService
from desktop.domain.vocabulary import Channel, EventKind, Situation
from tests.conftest import NOW

# A PNG's signature, then every byte value: the domain checks only the signature.
DANA_PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4

# Every table a contact's delete may touch (the search index rebuilds itself).
TABLES = (
    "contact",
    "card_photo",
    "event",
    "event_contact",
    "follow_up",
    "letter",
    "opportunity",
    "opportunity_contact",
)


@dataclass(frozen=True)
class World:
    dana: int
    sam: int
    lee: int
    ivy: int
    shared_event: int  # Dana and Lee: stays when Dana goes
    dana_event: int  # Dana's alone: goes with her
    pair_event: int  # Dana and Sam only: goes when both go
    opportunity: int


def dump(db: peewee.SqliteDatabase) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table a delete touches, as stored, in a fixed order."""
    return {
        table: sorted(db.execute_sql(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in TABLES
    }


def build_world(
    contacts: ContactService,
    follow_ups: FollowUpService,
    opportunities: OpportunityService,
    letters: LetterService,
) -> World:
    dana = contacts.add_contact(
        ContactCard(
            courtesy_title="Ms.",
            given_name="Dana",
            family_name="Davis",
            job_title="Director of Engineering",
            company="Acme Robotics",
            email="dana@acme.example",
            street="1 Main Street",
            city="Springfield",
            postal_code="62701",
            notes="Knows everyone on the platform team.",
        ),
        photo=PhotoUpload(DANA_PHOTO, "image/png", width=1600, height=900),
    )
    sam = contacts.add_contact(
        ContactCard(given_name="Sam", family_name="Okafor", email="sam@globex.example")
    )
    lee = contacts.add_contact(ContactCard(given_name="Lee", family_name="Park"))
    ivy = contacts.add_contact(
        ContactCard(given_name="Ivy", family_name="Chen", introduced_by_id=dana.id)
    )
    # Dana was introduced by Sam, who was added after her: put back, her row comes first.
    contacts.update_contact(dana.id, dataclasses.replace(dana.card, introduced_by_id=sam.id))

    acme = opportunities.save(
        OpportunityDraft(company="Acme Robotics", position="Staff Engineer", contact_ids=(lee.id,))
    ).record

    def log(
        kind: EventKind, *people: int, hours_ago: int, opportunity_id: int | None = None
    ) -> int:
        draft = EventDraft(
            kind=kind.value,
            occurred_at=NOW - timedelta(hours=hours_ago),
            contact_ids=people,
            discussed=f"{kind.value} with {len(people)}",
            opportunity_id=opportunity_id,
        )
        return follow_ups.log_event(draft).event_id

    shared = log(EventKind.INTERVIEW, dana.id, lee.id, hours_ago=30, opportunity_id=acme.id)
    alone = log(EventKind.INFORMATIONAL, dana.id, hours_ago=20)
    pair = log(EventKind.JOB_FAIR, dana.id, sam.id, hours_ago=10)

    mine = {f.event_id: f for f in follow_ups.for_contact(dana.id)}
    # Sent by email with a card to follow: a follow-up whose previous_id is Dana's own.
    follow_ups.mark_sent(
        mine[shared].id,
        channel=Channel.EMAIL,
        sent_at=NOW - timedelta(hours=2),
        summary="Thanked her for the interview.",
        card_later=True,
        confirmed=True,
    )
    sams = follow_ups.for_contact(sam.id)
    follow_ups.dismiss(sams[0].id)

    letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_INFORMATIONAL,
        template_name="Informational thanks",
        final_text="Dear Ms. Davis: thank you for your time.",
        channel=Channel.TYPED_LETTER,
        output=LetterOutput.PDF,
        follow_up_id=mine[alone].id,
    )
    letters.record(
        contact_id=sam.id,
        situation=Situation.THANK_HELPER,
        template_name="Thanks",
        final_text="Dear Sam: thanks.",
        channel=Channel.EMAIL,
        output=LetterOutput.COPIED,
    )
    # A survivor's letter and follow-up that pointed at one of Dana's follow-ups: the
    # delete sets those references to NULL, and putting Dana back must set them again.
    lees = follow_ups.for_contact(lee.id)
    letters.record(
        contact_id=lee.id,
        situation=Situation.AFTER_INTERVIEW,
        template_name="Interview thanks",
        final_text="Dear Lee: thank you (Dana's follow-up).",
        channel=Channel.EMAIL,
        output=LetterOutput.EMAIL,
        follow_up_id=mine[alone].id,
    )
    FollowUp.update(previous_id=mine[pair].id).where(FollowUp.id == lees[0].id).execute()
    opportunities.save(
        OpportunityDraft(
            company="Acme Robotics", position="Staff Engineer", contact_ids=(lee.id, dana.id)
        ),
        acme.id,
    )
    return World(
        dana=dana.id,
        sam=sam.id,
        lee=lee.id,
        ivy=ivy.id,
        shared_event=shared,
        dana_event=alone,
        pair_event=pair,
        opportunity=acme.id,
    )
