"""Pending follow-ups as iCalendar: parsed back with icalendar, and checked as RFC 5545 text."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import peewee
import pytest
from icalendar import Calendar

from desktop.domain.calendar_export import PRODID, follow_up_uid, follow_ups_to_ics
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.followups import EventDraft, FollowUpRecord, FollowUpService
from desktop.domain.preferences import PreferencesService
from desktop.domain.vocabulary import Channel, Situation
from tests.conftest import NOW

HOUR = timedelta(hours=1)
MARKUP_NAME = "<b>Ñúñez</b> & {{ x }}; 王小明, Jr."
DISCUSSED = "Roadmap; budget, and hiring\nin Q1 — “soon”, they said: 100% remote?"


@pytest.fixture
def follow_ups(db: peewee.SqliteDatabase, clock: Clock) -> FollowUpService:
    return FollowUpService(db, clock, PreferencesService(db))


@pytest.fixture
def records(contacts: ContactService, follow_ups: FollowUpService) -> list[FollowUpRecord]:
    """Dana after an interview (typed letter), Zoë after help (email), and a dismissed one."""
    dana = contacts.add_contact(
        ContactCard(
            courtesy_title="Ms.",
            given_name="Dana",
            family_name="Davis",
            street="100 Main Street",
            city="Springfield",
        )
    )
    zoe = contacts.add_contact(
        ContactCard(given_name="Zoë", family_name=MARKUP_NAME, email="zoe@example.com")
    )
    follow_ups.log_event(
        EventDraft(
            kind="interview",
            occurred_at=NOW - 40 * HOUR,
            contact_ids=(dana.id,),
            discussed=DISCUSSED,
        )
    )
    follow_ups.log_event(EventDraft(kind="help", occurred_at=NOW - 2 * HOUR, contact_ids=(zoe.id,)))
    dropped = follow_ups.log_event(
        EventDraft(kind="resume", occurred_at=NOW - HOUR, contact_ids=(dana.id,))
    )
    follow_ups.dismiss(dropped.follow_ups[0].id)
    return sorted(
        (r for c in (dana, zoe) for r in follow_ups.for_contact(c.id)), key=lambda r: r.id
    )


def events(ics: bytes) -> list[Calendar]:
    return list(Calendar.from_ical(ics).walk("VEVENT"))


def test_the_calendar_says_who_made_it_and_how_to_read_it(records: list[FollowUpRecord]) -> None:
    calendar = Calendar.from_ical(follow_ups_to_ics(records, now=NOW))

    assert str(calendar["PRODID"]) == PRODID == "-//Follow-Up Desk//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"


def test_one_event_per_pending_follow_up_only(records: list[FollowUpRecord]) -> None:
    pending = [r for r in records if r.state(NOW) is not None]
    assert len(records) == 3 and len(pending) == 2  # the dismissed one is handed in too

    found = events(follow_ups_to_ics(records, now=NOW))

    assert sorted(str(e["UID"]) for e in found) == sorted(follow_up_uid(r.id) for r in pending)


def test_each_event_spans_target_to_close_in_utc(records: list[FollowUpRecord]) -> None:
    by_uid = {str(e["UID"]): e for e in events(follow_ups_to_ics(records, now=NOW))}

    dana = records[0]
    event = by_uid[f"follow-up-{dana.id}@followup-desk"]
    assert event["DTSTART"].dt == dana.target_at == NOW - 16 * HOUR
    assert event["DTEND"].dt == dana.closes_at == NOW - 4 * HOUR
    assert event["DTSTAMP"].dt == NOW
    assert event["DTSTART"].dt.utcoffset() == timedelta(0)


def test_times_are_written_as_utc_so_no_time_zone_definition_is_needed(
    records: list[FollowUpRecord],
) -> None:
    text = follow_ups_to_ics(records, now=NOW).decode("utf-8")

    assert "DTSTART:20261124T223000Z" in text
    assert "DTEND:20261125T103000Z" in text
    assert "DTSTAMP:20261125T143000Z" in text
    assert "VTIMEZONE" not in text


def test_summary_and_description_round_trip_markup_punctuation_and_unicode(
    records: list[FollowUpRecord],
) -> None:
    by_uid = {str(e["UID"]): e for e in events(follow_ups_to_ics(records, now=NOW))}
    dana, zoe = records[0], records[1]
    assert zoe.situation is Situation.THANK_HELPER

    assert str(by_uid[follow_up_uid(dana.id)]["SUMMARY"]) == (
        "Follow up with Ms. Dana Davis (after an interview)"
    )
    assert str(by_uid[follow_up_uid(zoe.id)]["SUMMARY"]) == (
        f"Follow up with Zoë {MARKUP_NAME} (thank a helper)"
    )
    description = str(by_uid[follow_up_uid(dana.id)]["DESCRIPTION"])
    assert f"Discussed: {DISCUSSED}" in description
    assert Channel.TYPED_LETTER.label in description
    assert dana.advice.reason in description
    assert Situation.AFTER_INTERVIEW.purpose in description
    assert Channel.EMAIL.label in str(by_uid[follow_up_uid(zoe.id)]["DESCRIPTION"])


def test_each_event_reminds_at_the_target_time(records: list[FollowUpRecord]) -> None:
    for event in events(follow_ups_to_ics(records, now=NOW)):
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        alarm = alarms[0]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(0)  # relative to DTSTART, the target
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_the_text_follows_rfc_5545_lines(records: list[FollowUpRecord]) -> None:
    ics = follow_ups_to_ics(records, now=NOW)

    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), max(lines, key=len)
    # Folding never cuts a character in half: every physical line is valid UTF-8 alone.
    for line in lines:
        line.decode("utf-8")
    assert b"\n" not in ics.replace(b"\r\n", b"")
    # Commas and semicolons in text are escaped, not taken as separators.
    assert b"Roadmap\\; budget\\, and hiring\\nin Q1" in ics.replace(b"\r\n ", b"")


def test_uids_are_stable_across_exports(records: list[FollowUpRecord]) -> None:
    first = {str(e["UID"]) for e in events(follow_ups_to_ics(records, now=NOW))}
    later = {str(e["UID"]) for e in events(follow_ups_to_ics(records, now=NOW + 5 * HOUR))}

    assert first == later


def test_a_long_unicode_name_folds_and_round_trips(
    contacts: ContactService, follow_ups: FollowUpService
) -> None:
    name = "Ñúñez-" + "王小明" * 20 + " <i>&amp;</i>"
    person = contacts.add_contact(ContactCard(given_name=name, email="long@example.com"))
    logged = follow_ups.log_event(
        EventDraft(kind="informational", occurred_at=NOW, contact_ids=(person.id,))
    )

    ics = follow_ups_to_ics(logged.follow_ups, now=NOW)

    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))
    (event,) = events(ics)
    assert str(event["SUMMARY"]) == f"Follow up with {name} (after an informational interview)"


def test_no_pending_follow_ups_give_a_calendar_without_events() -> None:
    calendar = Calendar.from_ical(follow_ups_to_ics([], now=NOW))

    assert list(calendar.walk("VEVENT")) == []
    assert str(calendar["PRODID"]) == PRODID


def test_now_must_be_aware(records: list[FollowUpRecord]) -> None:
    with pytest.raises(ValueError, match="aware"):
        follow_ups_to_ics(records, now=NOW.replace(tzinfo=None))


def test_times_in_another_zone_are_written_in_utc(records: list[FollowUpRecord]) -> None:
    tokyo_now = NOW.astimezone(ZoneInfo("Asia/Tokyo"))

    text = follow_ups_to_ics(records, now=tokyo_now).decode("utf-8")

    assert "DTSTAMP:20261125T143000Z" in text
