"""Pending follow-ups as an iCalendar file (RFC 5545) for Outlook, Apple and Google Calendar.

Each follow-up is an event spanning its target (+24 h) to its close (+36 h), in UTC so no
time-zone definitions are needed, with a reminder at the target. UIDs are stable, so importing
a newer export updates the same events instead of adding copies (where the calendar supports
it). Escaping of commas, semicolons, new lines and folding of long lines is icalendar's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from desktop.domain.followups import FollowUpRecord
from desktop.domain.vocabulary import FollowUpStatus

PRODID = "-//Follow-Up Desk//EN"
UID_DOMAIN = "followup-desk"


def follow_up_uid(follow_up_id: int) -> str:
    return f"follow-up-{follow_up_id}@{UID_DOMAIN}"


def event_summary(record: FollowUpRecord) -> str:
    """ "Follow up with Ms. Dana Davis (after an interview)"."""
    label = record.situation.label
    situation = label[:1].lower() + label[1:]
    who = f" with {record.contact_name}" if record.contact_name else ""
    return f"Follow up{who} ({situation})"


def event_description(record: FollowUpRecord) -> str:
    lines = [
        f"Recommended: {record.advice.channel.label}. {record.advice.reason}",
        f"Purpose: {record.situation.purpose}",
    ]
    if record.summary:
        lines.append(f"Note: {record.summary}")
    if record.discussed:
        lines.append(f"Discussed: {record.discussed}")
    return "\n".join(lines)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _event(record: FollowUpRecord, now: datetime) -> Event:
    event = Event()
    event.add("uid", follow_up_uid(record.id))
    event.add("dtstamp", _utc(now))
    event.add("dtstart", _utc(record.target_at))
    event.add("dtend", _utc(record.closes_at))
    event.add("summary", event_summary(record))
    event.add("description", event_description(record))
    # A reminder to write, not a meeting: the twelve hours do not block the user's calendar.
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(0))  # related to the start, i.e. at the target time
    alarm.add("description", event_summary(record))
    event.add_component(alarm)
    return event


def follow_ups_to_ics(records: Sequence[FollowUpRecord], *, now: datetime) -> bytes:
    """An iCalendar file with one event per pending record; others are left out."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for record in records:
        if record.status is FollowUpStatus.PENDING:
            calendar.add_component(_event(record, now))
    return bytes(calendar.to_ical())  # typed as Any by icalendar
