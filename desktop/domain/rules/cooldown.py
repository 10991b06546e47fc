"""Don't stalk: a hiring authority followed up too often drops the candidate."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_COOLDOWN_DAYS = 7


@dataclass(frozen=True)
class SentFollowUp:
    sent_at: datetime
    channel_label: str


@dataclass(frozen=True)
class CooldownWarning:
    last_sent_at: datetime
    last_channel_label: str
    sent_count: int
    cooldown_days: int
    next_allowed_at: datetime

    @property
    def message(self) -> str:
        times = "once" if self.sent_count == 1 else f"{self.sent_count} times"
        return (
            f"You have followed up {times} already, the last time by "
            f"{self.last_channel_label.lower()}, less than {self.cooldown_days} days ago. "
            "Following up again so soon can look like pressure."
        )


def cooldown_warning(
    history: Sequence[SentFollowUp], now: datetime, cooldown_days: int
) -> CooldownWarning | None:
    """A warning when the last follow-up was sent less than ``cooldown_days`` before ``now``.

    Exactly ``cooldown_days`` later the user may follow up again without a warning.
    """
    if not history or cooldown_days <= 0:
        return None
    last = max(history, key=lambda sent: sent.sent_at)
    next_allowed = last.sent_at + timedelta(days=cooldown_days)
    if now >= next_allowed:
        return None
    return CooldownWarning(
        last_sent_at=last.sent_at,
        last_channel_label=last.channel_label,
        sent_count=len(history),
        cooldown_days=cooldown_days,
        next_allowed_at=next_allowed,
    )
