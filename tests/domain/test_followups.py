"""FollowUpService, OpportunityService and PreferencesService on a real database."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.categories import Category
from desktop.domain.clock import fixed_clock
from desktop.domain.contacts import ContactService
from desktop.domain.errors import ValidationError
from desktop.domain.followups import (
    DEFAULT_UPCOMING_DAYS,
    EventDraft,
    FollowUpNotFound,
    FollowUpService,
    LoggedEvent,
    NeedsConfirmation,
)
from desktop.domain.models import Event, EventContact, FollowUp, OpportunityContact, Setting
from desktop.domain.opportunities import (
    OpportunityDraft,
    OpportunityNotFound,
    OpportunityService,
)
from desktop.domain.preferences import (
    DEFAULT_CHANNELS,
    DEFAULT_KEEP_WARM_DAYS,
    Preferences,
    PreferencesService,
    Theme,
    validate_preferences,
)
from desktop.domain.rules.cooldown import DEFAULT_COOLDOWN_DAYS
from desktop.domain.rules.referrals import ThankIntroducer
from desktop.domain.rules.window import DueState
from desktop.domain.vocabulary import (
    Channel,
    EventKind,
    FollowUpStatus,
    OpportunityStatus,
    Situation,
)
from tests.conftest import NOW
from tests.domain.conftest import AddPerson

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

# Written out here rather than read from the vocabulary, so a changed mapping is noticed.
SITUATION_FOR = {
    EventKind.RESUME: Situation.AFTER_RESUME,
    EventKind.INTERVIEW: Situation.AFTER_INTERVIEW,
    EventKind.INFORMATIONAL: Situation.AFTER_INFORMATIONAL,
    EventKind.JOB_FAIR: Situation.THANK_HELPER,
    EventKind.ASSOCIATION: Situation.THANK_HELPER,
    EventKind.HELP: Situation.THANK_HELPER,
    EventKind.REJECTION: Situation.AFTER_REJECTION,
    EventKind.OTHER: Situation.THANK_HELPER,
}


def log(
    service: FollowUpService,
    kind: EventKind,
    at: datetime,
    *contact_ids: int,
    discussed: str = "",
    opportunity_id: int | None = None,
) -> LoggedEvent:
    return service.log_event(
        EventDraft(
            kind=kind.value,
            occurred_at=at,
            contact_ids=contact_ids,
            discussed=discussed,
            opportunity_id=opportunity_id,
        )
    )


def counts() -> tuple[int, int, int]:
    """(events, event-contact links, follow-ups) in the database."""
    return (Event.select().count(), EventContact.select().count(), FollowUp.select().count())


# --- logging events ----------------------------------------------------------------------


def test_an_event_with_two_people_opens_a_follow_up_for_each(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", "Davis", courtesy_title="Ms.")
    lee = add_person("Lee", "Park")
    at = NOW - 2 * HOUR

    logged = log(follow_ups, EventKind.INTERVIEW, at, dana.id, lee.id, discussed="On-call")

    assert [f.contact_id for f in logged.follow_ups] == [dana.id, lee.id]
    assert [f.contact_name for f in logged.follow_ups] == ["Ms. Dana Davis", "Lee Park"]
    for record in logged.follow_ups:
        assert record.event_id == logged.event_id
        assert record.event_kind == EventKind.INTERVIEW.value
        assert record.discussed == "On-call"
        assert record.situation is Situation.AFTER_INTERVIEW
        assert record.status is FollowUpStatus.PENDING
        assert (record.opens_at, record.target_at, record.closes_at) == (
            at,
            at + 24 * HOUR,
            at + 36 * HOUR,
        )
        assert record.state(NOW) is DueState.DUE
        assert record.previous_id is None
        assert record.sent_at is None and record.sent_channel is None
        assert record.created_at == NOW
        assert follow_ups.get(record.id) == record
    assert logged.thank_introducers == ()
    event = Event.get_by_id(logged.event_id)
    assert event.occurred_at == at
    assert event.kind == "interview"
    assert counts() == (1, 2, 2)


def test_every_event_kind_has_its_situation() -> None:
    assert set(SITUATION_FOR) == set(EventKind)


@pytest.mark.parametrize("kind", list(EventKind))
def test_each_kind_of_event_calls_for_its_situation(
    follow_ups: FollowUpService, add_person: AddPerson, kind: EventKind
) -> None:
    dana = add_person("Dana")
    lee = add_person("Lee")

    logged = log(follow_ups, kind, NOW - HOUR, dana.id, lee.id)

    assert [f.situation for f in logged.follow_ups] == [SITUATION_FOR[kind]] * 2


def test_the_window_comes_from_when_the_event_happened_in_any_zone(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    tokyo = datetime(2026, 11, 25, 20, 0, tzinfo=timezone(timedelta(hours=9)))

    (record,) = log(follow_ups, EventKind.RESUME, tokyo, dana.id).follow_ups

    assert record.opens_at == tokyo
    assert record.closes_at == datetime(2026, 11, 26, 23, 0, tzinfo=UTC)


def test_the_same_person_twice_gets_one_follow_up(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")

    logged = log(follow_ups, EventKind.INTERVIEW, NOW, dana.id, dana.id)

    assert len(logged.follow_ups) == 1
    assert counts() == (1, 1, 1)


def test_an_unknown_contact_writes_nothing(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")

    with pytest.raises(ValidationError) as excinfo:
        log(follow_ups, EventKind.INTERVIEW, NOW, dana.id, dana.id + 999)

    assert "contact_ids" in excinfo.value.errors
    assert str(dana.id + 999) in str(excinfo.value)
    assert counts() == (0, 0, 0)
    assert follow_ups.pending() == []


@pytest.mark.parametrize(
    ("draft_changes", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"occurred_at": datetime(2026, 11, 25, 9, 0)}, "occurred_at"),
        ({"contact_ids": ()}, "contact_ids"),
        ({"opportunity_id": 12345}, "opportunity_id"),
    ],
    ids=["unknown kind", "naive time", "nobody", "missing opportunity"],
)
def test_an_invalid_event_is_refused_and_nothing_written(
    follow_ups: FollowUpService, add_person: AddPerson, draft_changes: dict[str, object], field: str
) -> None:
    dana = add_person("Dana")
    draft = EventDraft(kind="interview", occurred_at=NOW, contact_ids=(dana.id,))

    with pytest.raises(ValidationError) as excinfo:
        follow_ups.log_event(dataclasses.replace(draft, **draft_changes))  # type: ignore[arg-type]

    assert field in excinfo.value.errors
    assert counts() == (0, 0, 0)


def test_an_event_in_the_future_is_upcoming(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")

    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW + 3 * DAY, dana.id).follow_ups

    assert record.state(NOW) is DueState.UPCOMING
    agenda = follow_ups.agenda()
    assert [r.id for r in agenda.upcoming] == [record.id]
    assert agenda.owed_count == 0


def test_an_event_logged_three_days_late_is_overdue_not_lost(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")

    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - 3 * DAY, dana.id).follow_ups

    assert record.state(NOW) is DueState.OVERDUE
    agenda = follow_ups.agenda()
    assert [r.id for r in agenda.overdue] == [record.id]
    assert agenda.owed_count == 1


# --- the agenda --------------------------------------------------------------------------


def test_the_agenda_groups_pending_follow_ups(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    people = [add_person(name) for name in ("Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus")]
    ids = iter(p.id for p in people)
    very_late = log(follow_ups, EventKind.RESUME, NOW - 10 * DAY, next(ids)).follow_ups[0]
    late = log(follow_ups, EventKind.RESUME, NOW - 40 * HOUR, next(ids)).follow_ups[0]
    due = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, next(ids)).follow_ups[0]
    soon = log(follow_ups, EventKind.INTERVIEW, NOW + 2 * DAY, next(ids)).follow_ups[0]
    sooner = log(follow_ups, EventKind.INTERVIEW, NOW + DAY, next(ids)).follow_ups[0]
    far = log(follow_ups, EventKind.INTERVIEW, NOW + 30 * DAY, next(ids)).follow_ups[0]
    done = log(follow_ups, EventKind.HELP, NOW - HOUR, next(ids)).follow_ups[0]
    follow_ups.mark_sent(done.id, channel=Channel.EMAIL, sent_at=NOW)

    agenda = follow_ups.agenda(NOW)

    assert agenda.now == NOW
    assert [r.id for r in agenda.overdue] == [very_late.id, late.id]
    assert [r.id for r in agenda.due] == [due.id]
    assert [r.id for r in agenda.upcoming] == [sooner.id, soon.id]
    assert agenda.owed_count == 3
    assert [r.id for r in agenda.all()] == [very_late.id, late.id, due.id, sooner.id, soon.id]
    assert far.id not in {r.id for r in agenda.all()}
    assert far.id in {r.id for r in follow_ups.pending()}


def test_the_upcoming_horizon_is_inclusive(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")
    horizon = NOW + timedelta(days=DEFAULT_UPCOMING_DAYS)
    at_horizon = log(follow_ups, EventKind.INTERVIEW, horizon, dana.id).follow_ups[0]
    beyond = log(follow_ups, EventKind.INTERVIEW, horizon + timedelta(seconds=1), lee.id)

    assert [r.id for r in follow_ups.agenda(NOW).upcoming] == [at_horizon.id]
    wider = follow_ups.agenda(NOW, upcoming_days=DEFAULT_UPCOMING_DAYS + 1)
    assert [r.id for r in wider.upcoming] == [at_horizon.id, beyond.follow_ups[0].id]
    assert follow_ups.agenda(NOW, upcoming_days=0).upcoming == ()


def test_the_agenda_moves_follow_ups_along_as_time_passes(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW, dana.id).follow_ups

    assert follow_ups.agenda(NOW - HOUR).upcoming == (record,)
    assert follow_ups.agenda(NOW).due == (record,)
    assert follow_ups.agenda(NOW + 36 * HOUR - timedelta(seconds=1)).due == (record,)
    assert follow_ups.agenda(NOW + 36 * HOUR).overdue == (record,)


def test_the_owed_count_is_overdue_plus_due(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    assert follow_ups.agenda().owed_count == 0
    dana, lee, kim = add_person("Dana"), add_person("Lee"), add_person("Kim")
    log(follow_ups, EventKind.INTERVIEW, NOW - 2 * DAY, dana.id)
    log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, lee.id, kim.id)
    log(follow_ups, EventKind.INTERVIEW, NOW + HOUR, dana.id)

    assert follow_ups.agenda().owed_count == 3


# --- marking sent ------------------------------------------------------------------------


def test_mark_sent_records_what_was_done_and_leaves_the_agenda(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).follow_ups
    sent_at = NOW.replace(microsecond=654321)

    result = follow_ups.mark_sent(
        record.id, channel=Channel.TYPED_LETTER, sent_at=sent_at, summary="Thanked; sent sample."
    )

    sent = result.follow_up
    assert sent.status is FollowUpStatus.SENT
    assert sent.sent_channel is Channel.TYPED_LETTER
    assert sent.sent_at == NOW  # stored to the second
    assert sent.summary == "Thanked; sent sample."
    assert sent.override_note == ""
    assert sent.state(NOW) is None
    assert result.keep_warm is None and result.card_later is None
    assert follow_ups.get(record.id) == sent
    assert follow_ups.agenda().all() == ()
    assert follow_ups.pending() == []


def test_mark_sent_needs_an_aware_time(follow_ups: FollowUpService, add_person: AddPerson) -> None:
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW, add_person("Dana").id).follow_ups

    with pytest.raises(ValueError, match="aware"):
        follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=datetime(2026, 11, 25))

    assert follow_ups.get(record.id).status is FollowUpStatus.PENDING


def test_mark_sent_twice_is_refused(follow_ups: FollowUpService, add_person: AddPerson) -> None:
    (record,) = log(follow_ups, EventKind.HELP, NOW, add_person("Dana").id).follow_ups
    first = follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW).follow_up

    with pytest.raises(ValidationError, match="already sent"):
        follow_ups.mark_sent(record.id, channel=Channel.PHONE, sent_at=NOW + DAY, confirmed=True)

    assert follow_ups.get(record.id) == first


def test_an_unknown_follow_up_is_reported(follow_ups: FollowUpService) -> None:
    with pytest.raises(FollowUpNotFound, match="4242"):
        follow_ups.get(4242)
    with pytest.raises(FollowUpNotFound):
        follow_ups.mark_sent(4242, channel=Channel.EMAIL, sent_at=NOW)
    with pytest.raises(FollowUpNotFound):
        follow_ups.dismiss(4242)


# --- cool-down ---------------------------------------------------------------------------


def _send_first(follow_ups: FollowUpService, contact_id: int, sent_at: datetime) -> int:
    (first,) = log(follow_ups, EventKind.INTERVIEW, sent_at - DAY, contact_id).follow_ups
    follow_ups.mark_sent(first.id, channel=Channel.EMAIL, sent_at=sent_at)
    (second,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, contact_id).follow_ups
    return second.id


def test_following_up_again_within_the_cooldown_needs_confirmation(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", category=Category.HIRING_PROCESS)
    previous = NOW - 3 * DAY
    second = _send_first(follow_ups, dana.id, previous)

    with pytest.raises(NeedsConfirmation) as excinfo:
        follow_ups.mark_sent(second, channel=Channel.TYPED_LETTER, sent_at=NOW)

    warnings = excinfo.value.warnings
    assert warnings.cooldown is not None
    assert warnings.cooldown.last_sent_at == previous
    assert warnings.cooldown.last_channel_label == "Email"
    assert warnings.cooldown.sent_count == 1
    assert warnings.cooldown.next_allowed_at == previous + 7 * DAY
    assert warnings.status_only is False
    assert follow_ups.get(second).status is FollowUpStatus.PENDING

    sent = follow_ups.mark_sent(
        second, channel=Channel.TYPED_LETTER, sent_at=NOW, confirmed=True
    ).follow_up

    assert sent.status is FollowUpStatus.SENT
    assert "7-day cool-down" in sent.override_note
    assert previous.date().isoformat() in sent.override_note
    assert "confirmed" in sent.override_note


def test_check_send_reports_without_writing(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    second = _send_first(follow_ups, dana.id, NOW - 3 * DAY)

    warnings = follow_ups.check_send(second, NOW)

    assert warnings
    assert warnings.cooldown is not None
    assert follow_ups.get(second).status is FollowUpStatus.PENDING
    # Measured at the moment of sending: a week after the previous one it is fine.
    assert not follow_ups.check_send(second, NOW + 4 * DAY)


def test_exactly_the_cooldown_later_needs_no_confirmation(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    second = _send_first(follow_ups, dana.id, NOW - 7 * DAY)

    sent = follow_ups.mark_sent(second, channel=Channel.TYPED_LETTER, sent_at=NOW).follow_up

    assert sent.status is FollowUpStatus.SENT
    assert sent.override_note == ""


@pytest.mark.parametrize(("cooldown_days", "warns"), [(0, False), (3, False), (14, True)])
def test_the_cooldown_follows_the_preference(
    follow_ups: FollowUpService,
    add_person: AddPerson,
    preferences: PreferencesService,
    cooldown_days: int,
    warns: bool,
) -> None:
    preferences.save(Preferences(cooldown_days=cooldown_days))
    dana = add_person("Dana")
    second = _send_first(follow_ups, dana.id, NOW - 10 * DAY)

    assert bool(follow_ups.check_send(second, NOW).cooldown) is warns


def test_the_cooldown_does_not_apply_to_a_friend_until_they_are_on_an_opportunity(
    follow_ups: FollowUpService, opportunities: OpportunityService, add_person: AddPerson
) -> None:
    pat = add_person("Pat", category=Category.FRIEND)
    second = _send_first(follow_ups, pat.id, NOW - DAY)

    assert not follow_ups.check_send(second, NOW)

    opportunities.save(OpportunityDraft(company="Acme", contact_ids=(pat.id,)))

    assert follow_ups.check_send(second, NOW).cooldown is not None
    with pytest.raises(NeedsConfirmation):
        follow_ups.mark_sent(second, channel=Channel.EMAIL, sent_at=NOW)


def test_an_event_for_an_opportunity_links_its_people(
    follow_ups: FollowUpService, opportunities: OpportunityService, add_person: AddPerson
) -> None:
    pat = add_person("Pat", category=Category.FRIEND)
    acme = opportunities.save(OpportunityDraft(company="Acme")).record
    (first,) = log(follow_ups, EventKind.HELP, NOW - 2 * DAY, pat.id).follow_ups
    follow_ups.mark_sent(first.id, channel=Channel.EMAIL, sent_at=NOW - DAY)

    (second,) = log(
        follow_ups, EventKind.INTERVIEW, NOW - HOUR, pat.id, opportunity_id=acme.id
    ).follow_ups

    assert opportunities.get(acme.id).contact_ids == (pat.id,)
    assert Event.get_by_id(second.event_id).opportunity_id == acme.id
    assert follow_ups.check_send(second.id, NOW).cooldown is not None


# --- status-only after a resume ----------------------------------------------------------


def test_a_status_only_follow_up_after_a_resume_needs_confirmation(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.RESUME, NOW - HOUR, dana.id).follow_ups
    summary = "Just checking in on the status of my application."

    with pytest.raises(NeedsConfirmation) as excinfo:
        follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW, summary=summary)

    assert excinfo.value.warnings.status_only is True
    assert excinfo.value.warnings.cooldown is None
    assert follow_ups.get(record.id).status is FollowUpStatus.PENDING

    sent = follow_ups.mark_sent(
        record.id, channel=Channel.EMAIL, sent_at=NOW, summary=summary, confirmed=True
    ).follow_up

    assert sent.summary == summary
    assert "status request" in sent.override_note
    assert "cool-down" not in sent.override_note


def test_a_follow_up_after_a_resume_that_offers_something_is_not_flagged(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    (record,) = log(follow_ups, EventKind.RESUME, NOW - HOUR, add_person("Dana").id).follow_ups

    sent = follow_ups.mark_sent(
        record.id,
        channel=Channel.TYPED_LETTER,
        sent_at=NOW,
        summary="Checking in, and attached a case study on reducing returns.",
    ).follow_up

    assert sent.override_note == ""


def test_the_status_check_is_only_for_follow_ups_after_a_resume(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, add_person("Dana").id).follow_ups

    assert not follow_ups.check_send(record.id, NOW, "Any update?")


def test_both_warnings_are_noted_when_both_are_confirmed(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (first,) = log(follow_ups, EventKind.INTERVIEW, NOW - 3 * DAY, dana.id).follow_ups
    follow_ups.mark_sent(first.id, channel=Channel.EMAIL, sent_at=NOW - 2 * DAY)
    (resume,) = log(follow_ups, EventKind.RESUME, NOW - HOUR, dana.id).follow_ups

    with pytest.raises(NeedsConfirmation) as excinfo:
        follow_ups.mark_sent(resume.id, channel=Channel.EMAIL, sent_at=NOW, summary="Any news?")
    assert excinfo.value.warnings.cooldown is not None
    assert excinfo.value.warnings.status_only

    sent = follow_ups.mark_sent(
        resume.id, channel=Channel.EMAIL, sent_at=NOW, summary="Any news?", confirmed=True
    ).follow_up
    assert "cool-down" in sent.override_note
    assert "status request" in sent.override_note


# --- keep warm ---------------------------------------------------------------------------


def test_sending_the_after_rejection_follow_up_schedules_keep_warm(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.REJECTION, NOW - HOUR, dana.id).follow_ups

    result = follow_ups.mark_sent(record.id, channel=Channel.TYPED_LETTER, sent_at=NOW)

    keep_warm = result.keep_warm
    assert keep_warm is not None
    assert keep_warm.situation is Situation.KEEP_WARM
    assert keep_warm.contact_id == dana.id
    assert keep_warm.previous_id == record.id
    assert keep_warm.event_id == record.event_id
    assert keep_warm.status is FollowUpStatus.PENDING
    opens = NOW + timedelta(days=DEFAULT_KEEP_WARM_DAYS)
    assert (keep_warm.opens_at, keep_warm.target_at, keep_warm.closes_at) == (
        opens,
        opens + 24 * HOUR,
        opens + 36 * HOUR,
    )
    assert follow_ups.agenda(NOW).all() == ()
    assert follow_ups.agenda(opens).due == (keep_warm,)


def test_keep_warm_honours_a_changed_preference(
    follow_ups: FollowUpService, add_person: AddPerson, preferences: PreferencesService
) -> None:
    preferences.save(Preferences(keep_warm_days=30))
    (record,) = log(follow_ups, EventKind.REJECTION, NOW - HOUR, add_person("Dana").id).follow_ups

    keep_warm = follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW).keep_warm

    assert keep_warm is not None
    assert keep_warm.opens_at == NOW + 30 * DAY


@pytest.mark.parametrize("kind", [k for k in EventKind if k is not EventKind.REJECTION])
def test_no_keep_warm_after_other_follow_ups(
    follow_ups: FollowUpService, add_person: AddPerson, kind: EventKind
) -> None:
    (record,) = log(follow_ups, kind, NOW - HOUR, add_person("Dana").id).follow_ups

    result = follow_ups.mark_sent(record.id, channel=Channel.TYPED_LETTER, sent_at=NOW)

    assert result.keep_warm is None
    assert follow_ups.count_for_contact(record.contact_id) == 1


def test_a_dismissed_after_rejection_schedules_nothing(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    (record,) = log(follow_ups, EventKind.REJECTION, NOW - HOUR, add_person("Dana").id).follow_ups

    follow_ups.dismiss(record.id)

    assert follow_ups.count_for_contact(record.contact_id) == 1
    assert follow_ups.pending() == []


# --- email now, card later ---------------------------------------------------------------


def test_card_later_creates_a_handwritten_note_follow_up(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", postal=True)
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).follow_ups
    sent_at = NOW + 10 * HOUR

    result = follow_ups.mark_sent(
        record.id, channel=Channel.EMAIL, sent_at=sent_at, card_later=True
    )

    card = result.card_later
    assert card is not None
    assert card.previous_id == record.id
    assert card.event_id == record.event_id
    assert card.contact_id == dana.id
    assert card.situation is Situation.AFTER_INTERVIEW
    assert card.status is FollowUpStatus.PENDING
    assert card.advice.channel is Channel.HANDWRITTEN_NOTE
    assert card.opens_at == sent_at
    assert card.closes_at == sent_at + 36 * HOUR
    assert result.follow_up.sent_channel is Channel.EMAIL
    assert result.keep_warm is None
    assert follow_ups.pending() == [card]


@pytest.mark.parametrize("channel", [Channel.TYPED_LETTER, Channel.HANDWRITTEN_NOTE, Channel.PHONE])
def test_card_later_follows_an_email_only(
    follow_ups: FollowUpService, add_person: AddPerson, channel: Channel
) -> None:
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, add_person("Dana").id).follow_ups

    with pytest.raises(ValidationError) as excinfo:
        follow_ups.mark_sent(record.id, channel=channel, sent_at=NOW, card_later=True)

    assert "card_later" in excinfo.value.errors
    assert follow_ups.get(record.id).status is FollowUpStatus.PENDING
    assert follow_ups.count_for_contact(record.contact_id) == 1


def test_email_now_card_later_after_a_rejection_keeps_warm_once(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.REJECTION, NOW - HOUR, dana.id).follow_ups
    result = follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW, card_later=True)
    assert result.keep_warm is not None and result.card_later is not None

    follow_ups.mark_sent(
        result.card_later.id,
        channel=Channel.HANDWRITTEN_NOTE,
        sent_at=NOW + DAY,
        confirmed=True,  # the cool-down would ask about the card; not what is tested here
    )

    keep_warms = [r for r in follow_ups.for_contact(dana.id) if r.situation is Situation.KEEP_WARM]
    assert len(keep_warms) == 1


# --- channel advice on stored follow-ups -------------------------------------------------


def test_the_advice_follows_the_contact_card(
    follow_ups: FollowUpService, contacts: ContactService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", postal=False, email=True)
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).follow_ups
    assert record.advice.channel is Channel.EMAIL

    contacts.update_contact(
        dana.id, dataclasses.replace(dana.card, street="1 Elm Street", city="Springfield")
    )

    assert follow_ups.get(record.id).advice.channel is Channel.TYPED_LETTER


def test_keep_warm_advice_follows_the_contact_card(
    follow_ups: FollowUpService, contacts: ContactService, add_person: AddPerson
) -> None:
    dana = add_person("Dana", postal=False, email=True)
    (record,) = log(follow_ups, EventKind.REJECTION, NOW - HOUR, dana.id).follow_ups
    keep_warm = follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW).keep_warm
    assert keep_warm is not None and keep_warm.advice.channel is Channel.EMAIL

    contacts.update_contact(
        dana.id, dataclasses.replace(dana.card, street="1 Elm Street", city="Springfield")
    )

    advice = follow_ups.get(keep_warm.id).advice
    assert advice.channel is Channel.TYPED_LETTER
    assert "card that follows" not in advice.reason


def test_a_friend_with_an_address_is_advised_a_handwritten_thank_you(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    pat = add_person("Pat", category=Category.FRIEND, postal=True)

    (record,) = log(follow_ups, EventKind.HELP, NOW - HOUR, pat.id).follow_ups

    assert record.advice.channel is Channel.HANDWRITTEN_NOTE
    assert FollowUp.get_by_id(record.id).recommended_channel == "handwritten-note"


# --- dismiss -----------------------------------------------------------------------------


def test_dismiss_drops_a_follow_up_but_keeps_it_in_history(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    (record,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).follow_ups

    dismissed = follow_ups.dismiss(record.id)

    assert dismissed.status is FollowUpStatus.DISMISSED
    assert dismissed.state(NOW) is None
    assert dismissed.sent_at is None
    assert follow_ups.agenda().all() == ()
    assert follow_ups.for_contact(dana.id) == [dismissed]
    history = follow_ups.history(dana.id)
    assert (history.sent_count, history.pending_count, history.last_sent) == (0, 0, None)
    with pytest.raises(ValidationError, match="already dismissed"):
        follow_ups.dismiss(record.id)
    with pytest.raises(ValidationError, match="already dismissed"):
        follow_ups.mark_sent(record.id, channel=Channel.EMAIL, sent_at=NOW)


# --- deleting ----------------------------------------------------------------------------


def test_deleting_an_event_keeps_sent_history_and_removes_pending(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana, lee, kim = add_person("Dana"), add_person("Lee"), add_person("Kim")
    logged = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, lee.id, kim.id)
    to_dana, to_lee, to_kim = logged.follow_ups
    follow_ups.mark_sent(to_dana.id, channel=Channel.EMAIL, sent_at=NOW, summary="Thanks")
    follow_ups.dismiss(to_kim.id)
    other = log(follow_ups, EventKind.RESUME, NOW - HOUR, lee.id).follow_ups[0]

    assert follow_ups.delete_event(logged.event_id) == (1, 2)

    kept = follow_ups.get(to_dana.id)
    assert kept.status is FollowUpStatus.SENT
    assert kept.event_id is None
    assert kept.event_kind is None
    assert kept.summary == "Thanks"
    assert follow_ups.get(to_kim.id).event_id is None
    with pytest.raises(FollowUpNotFound):
        follow_ups.get(to_lee.id)
    assert Event.get_or_none(Event.id == logged.event_id) is None
    assert not EventContact.select().where(EventContact.event_id == logged.event_id).exists()
    assert follow_ups.pending() == [other]


def test_deleting_a_contact_removes_their_follow_ups_and_solo_events_only(
    follow_ups: FollowUpService,
    contacts: ContactService,
    opportunities: OpportunityService,
    add_person: AddPerson,
) -> None:
    dana = add_person("Dana")
    lee = add_person("Lee")
    kim = add_person("Kim", introduced_by_id=dana.id)
    acme = opportunities.save(OpportunityDraft(company="Acme", contact_ids=(dana.id, lee.id)))
    shared = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, lee.id)
    solo = log(follow_ups, EventKind.RESUME, NOW - 2 * DAY, dana.id)
    follow_ups.mark_sent(solo.follow_ups[0].id, channel=Channel.EMAIL, sent_at=NOW - DAY)

    contacts.delete_contact(dana.id)

    assert follow_ups.count_for_contact(dana.id) == 0
    assert FollowUp.select().where(FollowUp.contact_id == dana.id).count() == 0
    assert Event.get_or_none(Event.id == solo.event_id) is None
    assert Event.get_or_none(Event.id == shared.event_id) is not None
    links = EventContact.select().where(EventContact.event_id == shared.event_id)
    assert [link.contact_id for link in links] == [lee.id]
    (lees,) = follow_ups.for_contact(lee.id)
    assert lees.event_id == shared.event_id
    assert lees.event_kind == "interview"
    assert contacts.get_contact(kim.id).introduced_by_id is None
    assert opportunities.get(acme.record.id).contact_ids == (lee.id,)


# --- history -----------------------------------------------------------------------------


def test_history_counts_and_the_last_sent(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana", category=Category.FRIEND), add_person("Lee")
    assert follow_ups.history(dana.id).sent_count == 0
    records = [
        log(follow_ups, EventKind.HELP, NOW - days * DAY, dana.id).follow_ups[0]
        for days in (30, 20, 10, 1)
    ]
    log(follow_ups, EventKind.HELP, NOW - DAY, lee.id)
    follow_ups.mark_sent(records[1].id, channel=Channel.PHONE, sent_at=NOW - 19 * DAY)
    follow_ups.mark_sent(records[0].id, channel=Channel.EMAIL, sent_at=NOW - 5 * DAY)
    follow_ups.dismiss(records[2].id)

    history = follow_ups.history(dana.id)

    assert history.sent_count == 2
    assert history.pending_count == 1
    assert history.last_sent is not None
    assert history.last_sent.id == records[0].id
    assert history.last_sent.sent_at == NOW - 5 * DAY
    assert follow_ups.count_for_contact(dana.id) == 4
    assert [r.id for r in follow_ups.for_contact(dana.id)] == [r.id for r in reversed(records)]


# --- referrals ---------------------------------------------------------------------------


def test_an_interview_with_someone_introduced_proposes_thanking_the_introducer(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy", "Ng", category=Category.FRIEND)
    dana = add_person("Dana", "Davis", courtesy_title="Ms.", introduced_by_id=ivy.id)
    lee = add_person("Lee", "Park", introduced_by_id=ivy.id)
    kim = add_person("Kim")

    logged = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, lee.id, kim.id)

    assert logged.thank_introducers == (ThankIntroducer(ivy.id, (dana.id, lee.id)),)
    # A proposal only: nothing owed to Ivy until the user accepts it.
    assert follow_ups.count_for_contact(ivy.id) == 0


def test_no_proposal_when_the_introducer_was_there_too(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)

    logged = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, ivy.id)

    assert logged.thank_introducers == ()


@pytest.mark.parametrize("kind", [k for k in EventKind if k is not EventKind.INTERVIEW])
def test_only_an_interview_proposes_thanks(
    follow_ups: FollowUpService, add_person: AddPerson, kind: EventKind
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)

    assert log(follow_ups, kind, NOW - HOUR, dana.id).thank_introducers == ()


def test_thank_introducer_creates_a_thank_helper_follow_up_naming_who_they_introduced(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy", "Ng", category=Category.FRIEND, postal=True)
    dana = add_person("Dana", "Davis", courtesy_title="Ms.", introduced_by_id=ivy.id)
    (proposal,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).thank_introducers

    record = follow_ups.thank_introducer(proposal)

    assert record.contact_id == ivy.id
    assert record.situation is Situation.THANK_HELPER
    assert "Ms. Dana Davis" in record.summary
    assert record.event_id is None
    assert record.opens_at == NOW
    assert record.closes_at == NOW + 36 * HOUR
    assert record.advice.channel is Channel.HANDWRITTEN_NOTE
    assert record.status is FollowUpStatus.PENDING
    assert record in follow_ups.agenda().due


def test_thank_introducer_at_a_given_time(
    follow_ups: FollowUpService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana, lee = add_person("Dana", "Davis"), add_person("Lee", "Park")
    at = NOW + 2 * DAY

    record = follow_ups.thank_introducer(ThankIntroducer(ivy.id, (dana.id, lee.id)), at=at)

    assert record.opens_at == at
    assert "Dana Davis" in record.summary and "Lee Park" in record.summary
    assert follow_ups.agenda().upcoming == (record,)


def test_thank_introducer_for_a_deleted_introducer_is_refused(
    follow_ups: FollowUpService, contacts: ContactService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)
    (proposal,) = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id).thank_introducers
    contacts.delete_contact(ivy.id)

    with pytest.raises(ValidationError):
        follow_ups.thank_introducer(proposal)

    assert follow_ups.count_for_contact(ivy.id) == 0


# --- opportunities -----------------------------------------------------------------------


def test_create_and_read_an_opportunity(
    opportunities: OpportunityService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")

    saved = opportunities.save(
        OpportunityDraft(
            company="  Acme Corp ",
            position=" Engineering Manager",
            status=OpportunityStatus.APPLIED.value,
            notes="Referred by Ivy.\n",
            contact_ids=(lee.id, dana.id, lee.id),
        )
    )

    record = saved.record
    assert saved.thank_introducers == ()
    assert record.company == "Acme Corp"
    assert record.position == "Engineering Manager"
    assert record.title == "Engineering Manager at Acme Corp"
    assert record.status_label == "Applied"
    assert record.notes == "Referred by Ivy.\n"
    assert record.contact_ids == (dana.id, lee.id)
    assert (record.created_at, record.updated_at) == (NOW, NOW)
    assert opportunities.get(record.id) == record
    assert opportunities.for_contact(dana.id) == [record]


def test_update_an_opportunity_and_its_people(
    db: peewee.SqliteDatabase, opportunities: OpportunityService, add_person: AddPerson
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")
    created = opportunities.save(OpportunityDraft(company="Acme", contact_ids=(dana.id,))).record
    later = OpportunityService(db, fixed_clock(NOW + DAY))

    updated = later.save(
        OpportunityDraft(
            position="Analyst",
            status=OpportunityStatus.INTERVIEWING.value,
            contact_ids=(lee.id,),
        ),
        created.id,
    ).record

    assert updated.id == created.id
    assert (updated.company, updated.position, updated.title) == ("", "Analyst", "Analyst")
    assert updated.status == "interviewing"
    assert updated.contact_ids == (lee.id,)
    assert (updated.created_at, updated.updated_at) == (NOW, NOW + DAY)
    assert opportunities.for_contact(dana.id) == []


def test_list_opportunities_by_company_then_position(
    opportunities: OpportunityService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    for company, position in [("globex", "B"), ("Acme", "Z"), ("acme", "A"), ("", "Solo")]:
        opportunities.save(
            OpportunityDraft(company=company, position=position, contact_ids=(dana.id,))
        )

    listed = opportunities.list_opportunities()

    assert [(r.company, r.position) for r in listed] == [
        ("", "Solo"),
        ("acme", "A"),
        ("Acme", "Z"),
        ("globex", "B"),
    ]
    assert all(r.contact_ids == (dana.id,) for r in listed)


def test_delete_an_opportunity(
    follow_ups: FollowUpService, opportunities: OpportunityService, add_person: AddPerson
) -> None:
    dana = add_person("Dana")
    acme = opportunities.save(OpportunityDraft(company="Acme", contact_ids=(dana.id,))).record
    logged = log(follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, opportunity_id=acme.id)

    assert opportunities.delete(acme.id) == acme

    assert opportunities.list_opportunities() == []
    assert OpportunityContact.select().count() == 0
    assert Event.get_by_id(logged.event_id).opportunity_id is None
    with pytest.raises(OpportunityNotFound):
        opportunities.get(acme.id)
    with pytest.raises(OpportunityNotFound):
        opportunities.delete(acme.id)
    with pytest.raises(OpportunityNotFound):
        opportunities.save(OpportunityDraft(company="Acme"), acme.id)
    assert opportunities.list_opportunities() == []


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (OpportunityDraft(), "company"),
        (OpportunityDraft(company="  ", position="\t"), "company"),
        (OpportunityDraft(company="Acme", status="maybe"), "status"),
        (OpportunityDraft(company="Acme", contact_ids=(9999,)), "contact_ids"),
    ],
    ids=["empty", "blank", "bad status", "unknown person"],
)
def test_an_invalid_opportunity_is_refused(
    opportunities: OpportunityService, draft: OpportunityDraft, field: str
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        opportunities.save(draft)

    assert field in excinfo.value.errors
    assert opportunities.list_opportunities() == []


def test_an_offer_proposes_thanking_introducers_once(
    opportunities: OpportunityService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)
    lee = add_person("Lee")
    draft = OpportunityDraft(company="Acme", status="interviewing", contact_ids=(dana.id, lee.id))
    acme = opportunities.save(draft).record
    offer = dataclasses.replace(draft, status=OpportunityStatus.OFFER.value)

    first = opportunities.save(offer, acme.id)
    again = opportunities.save(dataclasses.replace(offer, notes="Negotiating."), acme.id)

    assert first.thank_introducers == (ThankIntroducer(ivy.id, (dana.id,)),)
    assert again.thank_introducers == ()
    # Back to interviewing and on to an offer again is a new change.
    opportunities.save(draft, acme.id)
    assert opportunities.save(offer, acme.id).thank_introducers == (
        ThankIntroducer(ivy.id, (dana.id,)),
    )


def test_an_opportunity_created_as_an_offer_proposes_thanks(
    opportunities: OpportunityService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)

    saved = opportunities.save(
        OpportunityDraft(company="Acme", status="offer", contact_ids=(dana.id,))
    )

    assert saved.thank_introducers == (ThankIntroducer(ivy.id, (dana.id,)),)


@pytest.mark.parametrize(
    "status", [s for s in OpportunityStatus if s is not OpportunityStatus.OFFER]
)
def test_other_statuses_propose_nothing(
    opportunities: OpportunityService, add_person: AddPerson, status: OpportunityStatus
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)

    saved = opportunities.save(
        OpportunityDraft(company="Acme", status=status.value, contact_ids=(dana.id,))
    )

    assert saved.thank_introducers == ()


def test_no_offer_proposal_when_the_introducer_is_on_the_opportunity(
    opportunities: OpportunityService, add_person: AddPerson
) -> None:
    ivy = add_person("Ivy")
    dana = add_person("Dana", introduced_by_id=ivy.id)

    saved = opportunities.save(
        OpportunityDraft(company="Acme", status="offer", contact_ids=(dana.id, ivy.id))
    )

    assert saved.thank_introducers == ()


# --- preferences -------------------------------------------------------------------------


def test_preferences_default_when_nothing_is_stored(preferences: PreferencesService) -> None:
    assert preferences.load() == Preferences(
        cooldown_days=DEFAULT_COOLDOWN_DAYS, keep_warm_days=DEFAULT_KEEP_WARM_DAYS
    )
    assert Preferences() == Preferences(cooldown_days=7, keep_warm_days=90)


def test_preferences_are_saved_and_loaded(
    db: peewee.SqliteDatabase, preferences: PreferencesService
) -> None:
    saved = preferences.save(Preferences(cooldown_days=10, keep_warm_days=60))

    assert saved == Preferences(10, 60)
    assert PreferencesService(db).load() == Preferences(10, 60)
    preferences.save(Preferences(cooldown_days=0, keep_warm_days=730))
    assert preferences.load() == Preferences(0, 730)


@pytest.mark.parametrize(
    ("preferences_in", "field"),
    [
        (Preferences(cooldown_days=-1), "cooldown_days"),
        (Preferences(cooldown_days=91), "cooldown_days"),
        (Preferences(keep_warm_days=6), "keep_warm_days"),
        (Preferences(keep_warm_days=731), "keep_warm_days"),
    ],
)
def test_preferences_out_of_range_are_refused(
    preferences: PreferencesService, preferences_in: Preferences, field: str
) -> None:
    preferences.save(Preferences(cooldown_days=3, keep_warm_days=30))

    with pytest.raises(ValidationError) as excinfo:
        preferences.save(preferences_in)

    assert set(excinfo.value.errors) == {field}
    assert preferences.load() == Preferences(3, 30)


@pytest.mark.parametrize("garbage", ["", "abc", "7.5", "-3", "9999", "seven"])
def test_a_garbage_stored_value_falls_back_to_the_default(
    preferences: PreferencesService, garbage: str
) -> None:
    Setting.insert(key="cooldown_days", value=garbage).on_conflict_replace().execute()
    Setting.insert(key="keep_warm_days", value="45").on_conflict_replace().execute()

    assert preferences.load() == Preferences(cooldown_days=DEFAULT_COOLDOWN_DAYS, keep_warm_days=45)


@pytest.mark.parametrize("garbage", ["--5", "²"])
def test_a_garbage_value_that_looks_numeric_falls_back_to_the_default(
    preferences: PreferencesService, garbage: str
) -> None:
    Setting.insert(key="cooldown_days", value=garbage).on_conflict_replace().execute()

    assert preferences.load() == Preferences()


def test_the_default_channel_and_theme_are_direct_mail_and_the_system_look(
    preferences: PreferencesService,
) -> None:
    loaded = preferences.load()
    assert loaded.default_channel is Channel.TYPED_LETTER
    assert loaded.theme is Theme.SYSTEM


_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_SETTINGS
@given(
    cooldown=st.integers(0, 90),
    keep_warm=st.integers(7, 730),
    channel=st.sampled_from(DEFAULT_CHANNELS),
    theme=st.sampled_from(list(Theme)),
)
def test_any_valid_preferences_come_back_as_saved(
    db: peewee.SqliteDatabase, cooldown: int, keep_warm: int, channel: Channel, theme: Theme
) -> None:
    chosen = Preferences(cooldown, keep_warm, channel, theme)
    assert validate_preferences(chosen) == {}
    PreferencesService(db).save(chosen)
    loaded = PreferencesService(db).load()
    assert loaded == chosen
    assert type(loaded.default_channel) is Channel and type(loaded.theme) is Theme


@_SETTINGS
@given(
    cooldown=st.integers(-1000, 1000),
    keep_warm=st.integers(-1000, 1000),
    channel=st.sampled_from(list(Channel)) | st.text(max_size=10),
    theme=st.sampled_from(list(Theme)) | st.text(max_size=10),
)
def test_invalid_preferences_are_refused_field_by_field_and_nothing_is_stored(
    db: peewee.SqliteDatabase, cooldown: int, keep_warm: int, channel: str, theme: str
) -> None:
    service = PreferencesService(db)
    before = service.load()
    chosen = Preferences(cooldown, keep_warm, channel, theme)  # type: ignore[arg-type]
    expected = set()
    if not 0 <= cooldown <= 90:
        expected.add("cooldown_days")
    if not 7 <= keep_warm <= 730:
        expected.add("keep_warm_days")
    if channel not in {"typed-letter", "handwritten-note", "email"}:
        expected.add("default_channel")
    if theme not in {"system", "light", "dark"}:
        expected.add("theme")

    errors = validate_preferences(chosen)

    assert set(errors) == expected
    for message in errors.values():
        assert "must be" in message
    if expected:
        with pytest.raises(ValidationError):
            service.save(chosen)
        assert service.load() == before


def test_a_phone_call_cannot_be_the_usual_channel(preferences: PreferencesService) -> None:
    with pytest.raises(ValidationError) as excinfo:
        preferences.save(Preferences(default_channel=Channel.PHONE))
    message = excinfo.value.errors["default_channel"]
    assert "typed letter, mailed, handwritten note, email" in message


@pytest.mark.parametrize(("key", "garbage"), [("default_channel", "fax"), ("theme", "sepia")])
def test_an_unknown_stored_choice_falls_back_to_the_default(
    preferences: PreferencesService, key: str, garbage: str
) -> None:
    Setting.insert(key=key, value=garbage).on_conflict_replace().execute()
    assert preferences.load() == Preferences()


@pytest.mark.parametrize(
    ("usual", "expected"),
    [
        (Channel.TYPED_LETTER, Channel.TYPED_LETTER),
        (Channel.HANDWRITTEN_NOTE, Channel.HANDWRITTEN_NOTE),
        (Channel.EMAIL, Channel.EMAIL),
    ],
)
def test_the_usual_channel_is_what_new_and_listed_follow_ups_advise(
    follow_ups: FollowUpService,
    preferences: PreferencesService,
    add_person: AddPerson,
    usual: Channel,
    expected: Channel,
) -> None:
    preferences.save(Preferences(default_channel=usual))
    dana = add_person("Dana", postal=True, email=True)
    no_address = add_person("Ivy", postal=False, email=True)
    no_email = add_person("Sam", postal=True, email=False)

    records = log(
        follow_ups, EventKind.INTERVIEW, NOW - HOUR, dana.id, no_address.id, no_email.id
    ).follow_ups
    advice = {r.contact_id: r.advice.channel for r in records}
    (danas,) = [r for r in records if r.contact_id == dana.id]

    assert advice[dana.id] is expected
    assert FollowUp.get_by_id(danas.id).recommended_channel == expected.value
    assert advice[no_address.id] is Channel.EMAIL
    assert advice[no_email.id].is_direct_mail
    # Changing the preference changes the advice shown for what is still pending.
    preferences.save(Preferences(default_channel=Channel.TYPED_LETTER))
    assert follow_ups.get(danas.id).advice.channel is Channel.TYPED_LETTER


# --- transactions ------------------------------------------------------------------------


def test_every_write_runs_inside_a_transaction(
    db: peewee.SqliteDatabase,
    follow_ups: FollowUpService,
    add_person: AddPerson,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dana, lee = add_person("Dana"), add_person("Lee")
    writes: list[tuple[str, bool]] = []
    execute_sql = db.execute_sql

    def spy(sql: str, *args: object, **kwargs: object) -> object:
        verb = sql.lstrip().split(None, 1)[0].upper()
        if verb in {"INSERT", "UPDATE", "DELETE"}:
            writes.append((verb, db.in_transaction()))
        return execute_sql(sql, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", spy)

    logged = log(follow_ups, EventKind.REJECTION, NOW - HOUR, dana.id, lee.id)
    follow_ups.mark_sent(
        logged.follow_ups[0].id, channel=Channel.EMAIL, sent_at=NOW, card_later=True
    )
    follow_ups.dismiss(logged.follow_ups[1].id)
    follow_ups.thank_introducer(ThankIntroducer(lee.id, (dana.id,)))
    follow_ups.delete_event(logged.event_id)

    assert len(writes) >= 10
    assert all(in_transaction for _, in_transaction in writes), writes
