"""The user's time zone and how times are shown: stored in UTC, shown in local time."""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone


def local_zone() -> tzinfo:
    """The system time zone with its daylight-saving rules (Qt reports an IANA id on every OS)."""
    zone_id = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError):
        # No tz database (Windows without the tzdata package): the current fixed offset.
        fallback = datetime.now().astimezone().tzinfo
        assert fallback is not None
        return fallback


def format_local(moment: datetime, zone: tzinfo, locale: QLocale | None = None) -> str:
    """A short, locale-formatted local date and time, e.g. "Thu 11/26/26 2:30 AM"."""
    locale = locale or QLocale()
    local = moment.astimezone(zone)
    qt_moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return locale.toString(qt_moment, QLocale.FormatType.ShortFormat)
