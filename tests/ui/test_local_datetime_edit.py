from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from desktop.ui.local_datetime_edit import LocalDateTimeEdit, four_digit_year, locale_date
from tests.ui.dialog_helpers import set_wall_clock

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 14, 30, 15, tzinfo=UTC)


def make_edit(qtbot: QtBot, value: datetime = NOW) -> LocalDateTimeEdit:
    edit = LocalDateTimeEdit(value, CHICAGO)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def test_the_moment_shows_as_the_local_clock_and_comes_back_aware(qtbot: QtBot) -> None:
    edit = make_edit(qtbot)
    shown = edit.dateTime()
    assert (shown.time().hour(), shown.time().minute()) == (8, 30)
    assert edit.value() == NOW
    assert edit.value().tzinfo is CHICAGO


def test_stepping_the_hour_moves_the_local_clock(qtbot: QtBot) -> None:
    edit = make_edit(qtbot)
    edit.setCurrentSection(LocalDateTimeEdit.Section.HourSection)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.value() == datetime(2026, 11, 25, 9, 30, 15, tzinfo=CHICAGO)


def test_an_ambiguous_hour_means_the_first_one(qtbot: QtBot) -> None:
    # Chicago falls back at 02:00 on 1 November 2026: 01:30 happens twice; take daylight time.
    edit = make_edit(qtbot)
    set_wall_clock(edit, datetime(2026, 11, 1, 1, 30))
    # (Python never calls an ambiguous local time equal to a time in another zone: compare UTC.)
    assert edit.value().astimezone(UTC) == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)


def test_a_naive_value_is_refused(qtbot: QtBot) -> None:
    edit = make_edit(qtbot)
    with pytest.raises(ValueError, match="aware"):
        edit.set_value(datetime(2026, 11, 25, 8, 30))


def test_years_are_written_in_full() -> None:
    assert four_digit_year("M/d/yy h:mm AP") == "M/d/yyyy h:mm AP"
    assert four_digit_year("dd.MM.yyyy") == "dd.MM.yyyy"


def test_dates_are_local_and_in_the_locale_format() -> None:
    late_evening = datetime(2026, 11, 26, 3, 0, tzinfo=UTC)  # still the 25th in Chicago
    assert locale_date(late_evening, CHICAGO, QLocale("en_US")) == "11/25/2026"
    assert locale_date(late_evening, CHICAGO, QLocale("de_DE")) == "25.11.2026"
