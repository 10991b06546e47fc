"""LocalDateTimeEdit: a date and time as the user's clock shows it, handed back aware.

The edit shows wall-clock time in a given time zone (``tz``) in the locale's short format
with a four-digit year, and returns an aware datetime in ``tz``. It never consults the
computer's own time zone, so the same moment shows the same way on every machine the tests
run on.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def four_digit_year(pattern: str) -> str:
    """A QLocale date pattern with the year written in full ("M/d/yy" -> "M/d/yyyy")."""
    return _TWO_DIGIT_YEAR.sub("yyyy", pattern)


def locale_date(moment: datetime, tz: tzinfo, locale: QLocale | None = None) -> str:
    """The calendar date of ``moment`` in ``tz``, written the way the locale writes dates."""
    local = moment.astimezone(tz)
    locale = locale or QLocale()
    pattern = four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(local.year, local.month, local.day), pattern)


class LocalDateTimeEdit(QDateTimeEdit):
    """Edits a moment as wall-clock time in ``tz``, with a calendar popup."""

    def __init__(self, value: datetime, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        # The wall-clock fields are held as UTC so Qt never shifts them by the computer's
        # own zone (for instance across its daylight-saving change); ``tz`` is applied here.
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat(
            four_digit_year(self.locale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        )
        self.set_value(value)

    @property
    def tz(self) -> tzinfo:
        return self._tz

    def set_value(self, value: datetime) -> None:
        """Show ``value`` (aware) as the clock in ``tz`` reads it."""
        if value.tzinfo is None:
            raise ValueError(f"an aware datetime is required, got {value!r}")
        local = value.astimezone(self._tz)
        self.setDateTime(
            QDateTime(
                QDate(local.year, local.month, local.day),
                QTime(local.hour, local.minute, local.second),
                QTimeZone.utc(),
            )
        )

    def value(self) -> datetime:
        """The shown wall-clock time as an aware datetime in ``tz``.

        A time the clock skips (the hour lost when daylight saving starts) comes back as the
        real moment it names, e.g. 02:30 becomes 03:30 daylight time.
        """
        shown = self.dateTime()
        date, time = shown.date(), shown.time()
        wall = datetime(
            date.year(),
            date.month(),
            date.day(),
            time.hour(),
            time.minute(),
            time.second(),
            tzinfo=self._tz,
        )
        return wall.astimezone(UTC).astimezone(self._tz)
