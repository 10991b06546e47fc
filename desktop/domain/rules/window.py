"""When a follow-up is due: a window that opens at the contact, aims at +24 h, closes at +36 h.

Durations are elapsed time, so a daylight-saving change inside the window moves the local
clock time of the target, not the number of hours the user has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

TARGET_AFTER = timedelta(hours=24)
CLOSES_AFTER = timedelta(hours=36)


class DueState(StrEnum):
    UPCOMING = "upcoming"  # the window has not opened (an event or reminder in the future)
    DUE = "due"  # the window is open
    OVERDUE = "overdue"  # the window has closed and nothing was sent


@dataclass(frozen=True)
class FollowUpWindow:
    opens_at: datetime
    target_at: datetime
    closes_at: datetime

    def state(self, now: datetime) -> DueState:
        """Half-open: due from ``opens_at`` up to, not including, ``closes_at``."""
        _require_aware(now)
        if now < self.opens_at:
            return DueState.UPCOMING
        if now < self.closes_at:
            return DueState.DUE
        return DueState.OVERDUE

    def time_left(self, now: datetime) -> timedelta:
        """Until the window closes; negative once overdue."""
        return self.closes_at - now


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"an aware datetime is required, got {moment!r}")


def follow_up_window(contact_at: datetime) -> FollowUpWindow:
    """The follow-up window for a contact made at ``contact_at``, in UTC.

    Python adds a timedelta to a zoned datetime in wall-clock time, so across a DST change
    "+36 h" in New York would be 35 or 37 real hours; adding in UTC keeps it at 36.
    """
    _require_aware(contact_at)
    opens = contact_at.astimezone(UTC)
    return FollowUpWindow(opens, opens + TARGET_AFTER, opens + CLOSES_AFTER)


def _span(delta: timedelta) -> str:
    minutes = int(abs(delta).total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} days"


def describe_time_left(window: FollowUpWindow, now: datetime) -> str:
    """Plain words for a list: "12 h left", "overdue by 3 h", "opens in 5 days"."""
    state = window.state(now)
    if state is DueState.UPCOMING:
        return f"opens in {_span(window.opens_at - now)}"
    if state is DueState.DUE:
        return f"{_span(window.closes_at - now)} left"
    return f"overdue by {_span(now - window.closes_at)}"
