from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.domain.backups import KEEP_LIMITS, Retention
from desktop.domain.preferences import Preferences
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences_dialog import COOLDOWN_HELP, KEEP_WARM_HELP, PreferencesDialog
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_button,
    show_dialog,
    unnamed_focusable_widgets,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def make_dialog(qtbot: QtBot, current: Preferences) -> PreferencesDialog:
    dialog = PreferencesDialog(current)
    show_dialog(qtbot, dialog)
    return dialog


def set_by_typing(qtbot: QtBot, box: QSpinBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    box.interpretText()


def test_the_current_values_are_shown_in_days_with_what_they_mean(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(cooldown_days=10, keep_warm_days=120))
    assert dialog.cooldown.text() == "10 days"
    assert dialog.keep_warm.text() == "120 days"
    assert dialog.cooldown_help.text() == COOLDOWN_HELP
    assert dialog.keep_warm_help.text() == KEEP_WARM_HELP
    assert dialog.preferences() == Preferences(cooldown_days=10, keep_warm_days=120)


def test_the_ranges_match_what_the_rules_accept(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences())
    assert (dialog.cooldown.minimum(), dialog.cooldown.maximum()) == (0, 90)
    assert (dialog.keep_warm.minimum(), dialog.keep_warm.maximum()) == (7, 730)


def test_stepping_and_typing_change_the_values(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(cooldown_days=7, keep_warm_days=90))
    dialog.cooldown.setFocus()
    qtbot.keyClick(dialog.cooldown, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.cooldown, Qt.Key.Key_Up)
    set_by_typing(qtbot, dialog.keep_warm, "180")
    assert dialog.preferences() == Preferences(cooldown_days=9, keep_warm_days=180)


def test_no_cool_down_reads_as_off_and_one_day_is_singular(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(cooldown_days=1))
    assert dialog.cooldown.text() == "1 day"
    dialog.cooldown.setFocus()
    qtbot.keyClick(dialog.cooldown, Qt.Key.Key_Down)
    assert dialog.cooldown.text() == "Off: never warn"
    assert dialog.preferences().cooldown_days == 0


def test_restore_defaults(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(cooldown_days=30, keep_warm_days=365))
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.preferences() == Preferences()


def test_ask_returns_the_new_preferences(qtbot: QtBot) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        set_by_typing(qtbot, dialog.cooldown, "14")
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    chosen = PreferencesDialog.ask(Preferences(cooldown_days=7, keep_warm_days=60))
    assert errors == []
    assert chosen == Preferences(cooldown_days=14, keep_warm_days=60)


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        set_by_typing(qtbot, dialog.cooldown, "14")
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    assert PreferencesDialog.ask(Preferences()) is None
    assert errors == []


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    assert unnamed_focusable_widgets(make_dialog(qtbot, Preferences())) == []


# --- how many backups to keep --------------------------------------------------------------


def test_backups_to_keep_are_shown_when_there_is_a_database(qtbot: QtBot) -> None:
    plain = make_dialog(qtbot, Preferences())
    assert plain.keep_daily is None and plain.retention() is None

    dialog = PreferencesDialog(Preferences(), retention=Retention(keep_daily=14, keep_before=3))
    show_dialog(qtbot, dialog)
    assert dialog.keep_daily is not None and dialog.keep_before is not None
    assert (dialog.keep_daily.value(), dialog.keep_before.value()) == (14, 3)
    assert (dialog.keep_daily.minimum(), dialog.keep_daily.maximum()) == KEEP_LIMITS
    assert unnamed_focusable_widgets(dialog) == []
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.retention() == Retention()


def test_the_window_saves_how_many_backups_to_keep(qtbot: QtBot, window: MainWindow) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        assert dialog.keep_daily is not None
        set_by_typing(qtbot, dialog.keep_daily, "30")
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    window.preferences_action.trigger()

    assert errors == []
    assert window._services.backups.retention() == Retention(keep_daily=30, keep_before=5)
    assert window.statusBar().currentMessage() == "Preferences saved."
