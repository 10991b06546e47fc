"""Dates in the user's language from Qt's locale tables: the letter's date line and the
agenda's "due by" column."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QLocale

from desktop.printing.dates import (
    long_date_pattern,
    qt_long_date,
    short_moment,
    without_weekday,
)

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_US", "November 25, 2026"),
        ("en_GB", "25 November 2026"),
        ("de_DE", "25. November 2026"),
        ("de-AT", "25. November 2026"),
        ("fr_FR", "25 novembre 2026"),
        ("es_ES", "25 de noviembre de 2026"),
        ("ja_JP", "2026年11月25日"),
        ("pl_PL", "25 listopada 2026"),  # the genitive month, as a date says it
        ("da_DK", "25. november 2026"),  # "onsdag den 25. november": "den" goes too
        ("hu_HU", "2026. november 25."),  # the weekday trails; the day keeps its period
    ],
)
def test_a_letter_is_dated_in_the_locale_without_the_weekday(locale: str, expected: str) -> None:
    assert qt_long_date(locale)(WEDNESDAY) == expected


@pytest.mark.parametrize("locale", ["C", "POSIX", "", "xx_YY", "not a locale"])
def test_the_c_locale_and_unknown_names_date_letters_in_us_english(locale: str) -> None:
    assert qt_long_date(locale)(WEDNESDAY) == "November 25, 2026"


def test_a_qlocale_can_be_given_directly() -> None:
    assert qt_long_date(QLocale(QLocale.Language.German))(WEDNESDAY) == "25. November 2026"


@pytest.fixture
def french_default() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(previous)


@pytest.mark.usefixtures("french_default")
def test_without_a_locale_the_default_one_dates_the_letter() -> None:
    assert qt_long_date()(WEDNESDAY) == "25 novembre 2026"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("dddd, MMMM d, yyyy", "MMMM d, yyyy"),  # en_US: leading, with its comma
        ("dddd, d. MMMM yyyy", "d. MMMM yyyy"),  # de_DE
        ("dddd 'den' d. MMMM yyyy", "d. MMMM yyyy"),  # da_DK: the joining word goes too
        ("dddd, d 'de' MMMM 'de' yyyy", "d 'de' MMMM 'de' yyyy"),  # es_ES: quotes stay
        ("yyyy年M月d日dddd", "yyyy年M月d日"),  # ja_JP: trailing, "日" belongs to the day
        ("yyyy년 MMMM d일 dddd", "yyyy년 MMMM d일"),  # ko_KR
        ("yyyy. MMMM d., dddd", "yyyy. MMMM d."),  # hu_HU
        ("yyyy 'm'. MMMM d 'd'., dddd", "yyyy 'm'. MMMM d 'd'."),  # lt_LT
        ("yyyy\u202f'оны' MMMM'ын' d, dddd 'гараг'", "yyyy\u202f'оны' MMMM'ын' d"),  # mn_MN
        ("yyyy MMMM d - dddd", "yyyy MMMM d"),  # shn_MM: a spaced dash
        ("yyyy، d- MMMM، dddd", "yyyy، d- MMMM"),  # kk_CN: an Arabic comma
        ("d MMMM, dddd, yyyy 'й'.", "d MMMM, yyyy 'й'."),  # ba_RU: in the middle
        ("ddd, d, MMMM, yyyy", "d, MMMM, yyyy"),  # ak_GH: the short weekday
        ("dd MMMM yyyy", "dd MMMM yyyy"),  # ms_BN: no weekday, nothing to take out
        ("d MMMM yyyy", "d MMMM yyyy"),
    ],
)
def test_the_weekday_and_its_separator_come_out_of_the_pattern(pattern: str, expected: str) -> None:
    assert without_weekday(pattern) == expected


def _all_locales() -> list[QLocale]:
    return QLocale.matchingLocales(
        QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
    )


def test_every_locale_keeps_day_month_and_year_and_loses_the_weekday() -> None:
    for locale in _all_locales():
        pattern = long_date_pattern(locale)
        unquoted = "".join(pattern.split("'")[::2])  # the fields, not the quoted words
        assert "ddd" not in unquoted, (locale.name(), pattern)
        assert "d" in unquoted and "M" in unquoted and "yy" in unquoted, (locale.name(), pattern)
        assert pattern == pattern.strip(), (locale.name(), pattern)


# Locales with Latin digits, so the year can be looked for as written.
LATIN_DIGIT_LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "ja_JP", "sv_SE")


@given(day=st.dates(min_value=date(1900, 1, 1)), name=st.sampled_from(LATIN_DIGIT_LOCALES))
def test_a_date_is_the_full_date_with_the_weekday_cut_out(day: date, name: str) -> None:
    locale = QLocale(name)
    written = qt_long_date(name)(day)
    qdate = QDate(day.year, day.month, day.day)

    assert written in locale.toString(qdate, QLocale.FormatType.LongFormat)
    assert locale.dayName(qdate.dayOfWeek(), QLocale.FormatType.LongFormat) not in written
    assert str(day.year) in written


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en_US", "Thu 26 Nov, 02:30"),
        ("de_DE", "Do. 26 Nov., 02:30"),
        ("fr_FR", "jeu. 26 nov., 02:30"),
        ("C", "Thu 26 Nov, 02:30"),
    ],
)
def test_a_due_time_is_written_with_the_locale_names(locale: str, expected: str) -> None:
    assert short_moment(datetime(2026, 11, 26, 2, 30), locale) == expected


def test_a_wall_clock_the_system_zone_skips_is_written_as_it_is() -> None:
    # 02:30 on the night US clocks spring forward exists in other zones; it is not shifted.
    assert short_moment(datetime(2026, 3, 8, 2, 30), "en_US") == "Sun 8 Mar, 02:30"
