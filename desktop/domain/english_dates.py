"""Dates in fixed English, written by plain code: no locale data, no process locale.

For text that is English whatever the user's locale (the command line's report lines) and
for the domain's own default date writer. ``strftime`` is no substitute: its "%a" and "%b"
follow the process locale, which Qt sets to the user's.
"""

from __future__ import annotations

from datetime import date, datetime

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def english_long_date(day: date) -> str:
    """ "November 25, 2026": the date line of a US letter."""
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def english_short_moment(moment: datetime, *, with_year: bool = False) -> str:
    """ "Thu 26 Nov, 02:30" (or "Thu 26 Nov 2026, 02:30"): ``moment``'s own wall clock."""
    weekday = WEEKDAY_NAMES[moment.weekday()][:3]
    month = MONTH_NAMES[moment.month - 1][:3]
    year = f" {moment.year}" if with_year else ""
    return f"{weekday} {moment.day} {month}{year}, {moment.hour:02d}:{moment.minute:02d}"
