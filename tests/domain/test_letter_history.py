"""LetterService: every letter kept exactly as it left, and the follow-up it answered."""

from __future__ import annotations

from datetime import datetime, timedelta

import peewee
import pytest

from desktop.domain.categories import Category
from desktop.domain.contacts import ContactService
from desktop.domain.errors import ValidationError
from desktop.domain.followups import EventDraft, FollowUpService, NeedsConfirmation
from desktop.domain.letter_history import LetterOutput, LetterRecord, LetterService
from desktop.domain.models import FollowUp, Letter
from desktop.domain.vocabulary import Channel, EventKind, FollowUpStatus, Situation
from tests.conftest import NOW
from tests.domain.conftest import AddPerson

DAY = timedelta(days=1)
TEXT = (
    "Alex Candidate\n\nNovember 25, 2026\n\nMs. Dana Davis\n\nDear Ms. Davis:\n\n"
    "Thank you — {{ 7*7 }} & <b>Zoë</b>.  \n\nSincerely,\n\n\nAlex Candidate\n"
)


class StepClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def interview(follow_ups: FollowUpService, contact_id: int, at: datetime = NOW - DAY) -> int:
    logged = follow_ups.log_event(
        EventDraft(kind=EventKind.INTERVIEW.value, occurred_at=at, contact_ids=(contact_id,))
    )
    return logged.follow_ups[0].id


def record(letters: LetterService, contact_id: int, **kwargs: object) -> LetterRecord:
    arguments: dict[str, object] = {
        "contact_id": contact_id,
        "situation": Situation.AFTER_INTERVIEW,
        "template_name": "Standard: after an interview",
        "final_text": TEXT,
        "channel": Channel.TYPED_LETTER,
        "output": LetterOutput.PRINTED,
    }
    arguments.update(kwargs)
    return letters.record(**arguments).letter  # type: ignore[arg-type]


def test_a_letter_is_kept_exactly_as_it_left(letters: LetterService, add_person: AddPerson) -> None:
    dana = add_person("Dana", "Davis")

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.THANK_HELPER,
        template_name="My thank-you (edited)",
        final_text=TEXT,
        channel=Channel.EMAIL,
        output=LetterOutput.EMAIL,
    )

    assert recorded.marked_sent is None
    letter = recorded.letter
    assert letter.contact_id == dana.id
    assert letter.follow_up_id is None
    assert letter.situation is Situation.THANK_HELPER
    assert letter.template_name == "My thank-you (edited)"
    assert letter.final_text == TEXT
    assert letter.channel is Channel.EMAIL
    assert letter.output is LetterOutput.EMAIL
    assert letter.created_at == NOW
    assert letters.for_contact(dana.id) == [letter]
    (row,) = Letter.select()
    assert row.final_text == TEXT


@pytest.mark.parametrize("output", list(LetterOutput))
@pytest.mark.parametrize("channel", list(Channel))
def test_every_output_and_channel_is_stored(
    letters: LetterService, add_person: AddPerson, output: LetterOutput, channel: Channel
) -> None:
    dana = add_person("Dana")
    letter = record(letters, dana.id, output=output, channel=channel)
    assert letters.for_contact(dana.id) == [letter]
    assert (letter.output, letter.channel) == (output, channel)


def test_output_labels() -> None:
    assert {o: o.label for o in LetterOutput} == {
        LetterOutput.PRINTED: "Printed",
        LetterOutput.PDF: "Saved as PDF",
        LetterOutput.EMAIL: "Emailed",
        LetterOutput.COPIED: "Copied",
    }


def test_the_time_is_kept_to_the_second(
    db: peewee.SqliteDatabase, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    service = LetterService(db, StepClock(NOW + timedelta(microseconds=999)), follow_ups)

    letter = record(service, dana.id)

    assert letter.created_at == NOW
    assert service.for_contact(dana.id)[0].created_at == NOW


def test_letters_are_listed_newest_first_per_contact(
    db: peewee.SqliteDatabase, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")
    clock = StepClock(NOW)
    service = LetterService(db, clock, follow_ups)

    first = record(service, dana.id, final_text="first")
    clock.moment = NOW + DAY
    second = record(service, dana.id, final_text="second")
    same_time = record(service, dana.id, final_text="third, same second")
    other = record(service, lee.id, final_text="to Lee")
    clock.moment = NOW - DAY  # a clock set back: order follows the recorded time
    earliest = record(service, dana.id, final_text="earliest")

    assert service.for_contact(dana.id) == [same_time, second, first, earliest]
    assert service.for_contact(lee.id) == [other]
    assert service.for_contact(9999) == []


# --- marking the follow-up sent ----------------------------------------------------------


def test_mark_sent_marks_the_follow_up_sent_with_the_letter(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_INTERVIEW,
        template_name="Standard: after an interview",
        final_text=TEXT,
        channel=Channel.TYPED_LETTER,
        output=LetterOutput.PDF,
        follow_up_id=follow_up_id,
        mark_sent=True,
    )

    assert recorded.letter.follow_up_id == follow_up_id
    assert recorded.marked_sent is not None
    sent = follow_ups.get(follow_up_id)
    assert recorded.marked_sent.follow_up == sent
    assert sent.status is FollowUpStatus.SENT
    assert sent.sent_at == NOW
    assert sent.sent_channel is Channel.TYPED_LETTER
    assert sent.summary == TEXT
    assert sent.override_note == ""


def test_without_mark_sent_the_follow_up_stays_pending(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_INTERVIEW,
        template_name="x",
        final_text=TEXT,
        channel=Channel.EMAIL,
        output=LetterOutput.COPIED,
        follow_up_id=follow_up_id,
    )

    assert recorded.marked_sent is None
    assert recorded.letter.follow_up_id == follow_up_id
    assert follow_ups.get(follow_up_id).status is FollowUpStatus.PENDING


def test_mark_sent_without_a_follow_up_only_keeps_the_letter(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_INTERVIEW,
        template_name="x",
        final_text=TEXT,
        channel=Channel.EMAIL,
        output=LetterOutput.EMAIL,
        mark_sent=True,
    )

    assert recorded.marked_sent is None
    assert follow_ups.get(follow_up_id).status is FollowUpStatus.PENDING


def test_within_the_cooldown_nothing_is_written(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", category=Category.HIRING_PROCESS)
    earlier = interview(follow_ups, dana.id, NOW - 4 * DAY)
    follow_ups.mark_sent(earlier, channel=Channel.EMAIL, sent_at=NOW - 3 * DAY)
    follow_up_id = interview(follow_ups, dana.id)

    with pytest.raises(NeedsConfirmation) as excinfo:
        record(letters, dana.id, follow_up_id=follow_up_id, mark_sent=True)

    assert excinfo.value.warnings.cooldown is not None
    assert Letter.select().count() == 0
    assert letters.for_contact(dana.id) == []
    assert follow_ups.get(follow_up_id).status is FollowUpStatus.PENDING


def test_a_confirmed_cooldown_override_is_written_with_the_letter(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", category=Category.HIRING_PROCESS)
    earlier = interview(follow_ups, dana.id, NOW - 4 * DAY)
    follow_ups.mark_sent(earlier, channel=Channel.EMAIL, sent_at=NOW - 3 * DAY)
    follow_up_id = interview(follow_ups, dana.id)

    letter = record(letters, dana.id, follow_up_id=follow_up_id, mark_sent=True, confirmed=True)

    assert letters.for_contact(dana.id) == [letter]
    sent = follow_ups.get(follow_up_id)
    assert sent.status is FollowUpStatus.SENT
    assert "cool-down" in sent.override_note


def test_a_follow_up_already_sent_is_refused_and_no_letter_is_kept(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", category=Category.FRIEND)
    follow_up_id = interview(follow_ups, dana.id)
    record(letters, dana.id, follow_up_id=follow_up_id, mark_sent=True)

    with pytest.raises(ValidationError) as excinfo:
        record(letters, dana.id, follow_up_id=follow_up_id, mark_sent=True)

    assert set(excinfo.value.errors) == {"status"}
    assert len(letters.for_contact(dana.id)) == 1


def test_card_later_after_an_email_opens_the_card_step(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_INTERVIEW,
        template_name="x",
        final_text=TEXT,
        channel=Channel.EMAIL,
        output=LetterOutput.EMAIL,
        follow_up_id=follow_up_id,
        mark_sent=True,
        card_later=True,
    )

    assert recorded.marked_sent is not None
    card = recorded.marked_sent.card_later
    assert card is not None
    assert card.is_card_step
    assert card.status is FollowUpStatus.PENDING
    assert card.previous_id == follow_up_id


def test_card_later_after_a_typed_letter_is_refused_and_nothing_is_written(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    with pytest.raises(ValidationError) as excinfo:
        record(letters, dana.id, follow_up_id=follow_up_id, mark_sent=True, card_later=True)

    assert set(excinfo.value.errors) == {"card_later"}
    assert Letter.select().count() == 0
    assert follow_ups.get(follow_up_id).status is FollowUpStatus.PENDING


def test_a_letter_after_a_rejection_schedules_the_keep_warm(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    logged = follow_ups.log_event(
        EventDraft(kind=EventKind.REJECTION.value, occurred_at=NOW - DAY, contact_ids=(dana.id,))
    )

    recorded = letters.record(
        contact_id=dana.id,
        situation=Situation.AFTER_REJECTION,
        template_name="x",
        final_text=TEXT,
        channel=Channel.TYPED_LETTER,
        output=LetterOutput.PRINTED,
        follow_up_id=logged.follow_ups[0].id,
        mark_sent=True,
    )

    assert recorded.marked_sent is not None
    keep_warm = recorded.marked_sent.keep_warm
    assert keep_warm is not None
    assert keep_warm.situation is Situation.KEEP_WARM


def test_a_failed_letter_write_rolls_back_the_mark_sent(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)

    with pytest.raises(peewee.IntegrityError):
        # No such contact: the letter row breaks its foreign key after the follow-up is marked.
        record(letters, 9999, follow_up_id=follow_up_id, mark_sent=True)

    assert follow_ups.get(follow_up_id).status is FollowUpStatus.PENDING
    assert Letter.select().count() == 0


# --- what happens to letters when their people and follow-ups go ------------------------


def test_deleting_the_contact_deletes_their_letters(
    letters: LetterService, contacts: ContactService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")
    record(letters, dana.id)
    kept = record(letters, lee.id)

    contacts.delete_contact(dana.id)

    assert letters.for_contact(dana.id) == []
    assert [row.id for row in Letter.select()] == [kept.id]


def test_a_letter_outlives_its_deleted_follow_up(
    letters: LetterService, follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    follow_up_id = interview(follow_ups, dana.id)
    letter = record(letters, dana.id, follow_up_id=follow_up_id)
    event_id = follow_ups.get(follow_up_id).event_id
    assert event_id is not None

    follow_ups.delete_event(event_id)  # the pending follow-up goes

    assert FollowUp.select().count() == 0
    (kept,) = letters.for_contact(dana.id)
    assert kept.follow_up_id is None
    assert kept.final_text == letter.final_text
