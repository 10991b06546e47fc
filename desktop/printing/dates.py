"""Dates in the user's language, from Qt's own locale tables (QLocale carries CLDR's data,
so the app needs no second copy of it).

A letter is dated the way the locale writes a long date, without the weekday: "November 25,
2026", "25. November 2026", "25 novembre 2026", "2026年11月25日". Qt's long format is CLDR's
"full" one, which starts or ends with the weekday ("Wednesday, November 25, 2026"), so the
weekday and the separator that goes with it are taken out of the pattern.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime

from desktop.domain.letters import DateWriter

FALLBACK_LOCALE = "en_US"  # for the C locale and names Qt does not know, as before
DUE_BY_DATE_PATTERN = "ddd d MMM"  # "Thu 26 Nov" in English, "Do. 26 Nov." in German
DUE_BY_TIME_PATTERN = "HH:mm"

# A Qt date pattern in pieces: a quoted literal ('de', with '' for a quote), a field (a run
# of one of d, M, y) or a single literal character.
_TOKEN = re.compile(r"'(?:[^']|'')*'?|d+|M+|y+|.", re.DOTALL)
# What may separate the weekday from the rest: spaces (also narrow and no-break ones),
# commas (Latin, Arabic, CJK) and a spaced dash ("2026 November 25 - Wednesday"). A period
# is not one: in "2026. november 25., szerda" it belongs to the day.
_SEPARATORS = " \u00a0\u202f\u180e,\u060c\uff0c\u3001-"


def _is_field(token: str) -> bool:
    return token[0] in "dMy"


def _is_weekday(token: str) -> bool:
    return token.startswith("ddd")  # "ddd" short, "dddd" long name; "d" and "dd" are days


def _strip_end(tokens: list[str]) -> None:
    """Drop the separators at the end of ``tokens``, stopping at anything else."""
    while tokens and not _is_field(tokens[-1]) and not tokens[-1].startswith("'"):
        kept = tokens[-1].rstrip(_SEPARATORS)
        if kept:
            tokens[-1] = kept
            return
        tokens.pop()


def without_weekday(pattern: str) -> str:
    """``pattern`` with its weekday field and the separator that goes with it taken out.

    Where the weekday leads, everything up to the first date field goes with it (", ", and
    Danish "'den' "); where it trails, so does everything after it (Mongolian "'гараг'",
    "day") and the separators before it; in the middle, the separators after it.
    """
    tokens = _TOKEN.findall(pattern)
    weekday = next((i for i, token in enumerate(tokens) if _is_weekday(token)), None)
    if weekday is None:
        return pattern
    before, after = tokens[:weekday], tokens[weekday + 1 :]
    next_field = next((i for i, token in enumerate(after) if _is_field(token)), None)
    if not any(_is_field(token) for token in before):
        kept = after[next_field:] if next_field is not None else []
    elif next_field is None:
        kept = before
        _strip_end(kept)
    else:
        rest = after[next_field:]
        separators = [token for token in after[:next_field] if token.strip(_SEPARATORS)]
        kept = before + separators + rest
    return "".join(kept).strip()


def qt_locale(locale: QLocale | str | None = None) -> QLocale:
    """``locale`` (a QLocale, a name such as "de_DE" or "de-DE", or None for the default);
    US English for the C locale and for names Qt does not know."""
    if locale is None:
        locale = QLocale()
    elif isinstance(locale, str):
        locale = QLocale(locale.strip())
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(FALLBACK_LOCALE)
    return locale


def long_date_pattern(locale: QLocale) -> str:
    """The locale's long date pattern without the weekday: "MMMM d, yyyy" in US English."""
    return without_weekday(locale.dateFormat(QLocale.FormatType.LongFormat))


def qt_long_date(locale: QLocale | str | None = None) -> DateWriter:
    """A date writer for letters in ``locale`` (see ``qt_locale``): "November 25, 2026"."""
    resolved = qt_locale(locale)
    pattern = long_date_pattern(resolved)

    def write(day: date) -> str:
        return resolved.toString(QDate(day.year, day.month, day.day), pattern)

    return write


def short_moment(local: datetime, locale: QLocale | str | None = None) -> str:
    """ "Thu 26 Nov, 02:30": ``local``'s own wall clock, names in ``locale``'s language.

    Date and time are written apart, so no time zone (Qt's or the system's) shifts a wall
    clock that the system's zone happens to skip.
    """
    resolved = qt_locale(locale)
    day = resolved.toString(QDate(local.year, local.month, local.day), DUE_BY_DATE_PATTERN)
    time = resolved.toString(QTime(local.hour, local.minute), DUE_BY_TIME_PATTERN)
    return f"{day}, {time}"
