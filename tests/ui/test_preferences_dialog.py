"""The Preferences dialog: every setting, in sections, and what the window does with them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.appearance import Theme
from desktop.domain.backups import KEEP_LIMITS, Retention
from desktop.domain.preferences import Preferences
from desktop.domain.profile import Envelope, Paper, Profile
from desktop.domain.vocabulary import Channel
from desktop.ui.main_window import MainWindow
from desktop.ui.preferences_dialog import (
    PreferenceChoices,
    PreferencesDialog,
    automatic_paper_text,
    example_date_text,
)
from desktop.ui.theme import apply_theme
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_button,
    show_dialog,
    unnamed_focusable_widgets,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


@pytest.fixture(autouse=True)
def _system_theme_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")


def make_dialog(
    qtbot: QtBot,
    current: Preferences,
    retention: Retention | None = None,
    *,
    paper: str | None = Paper.AUTOMATIC.value,
    envelope: str | None = Envelope.AUTOMATIC.value,
) -> PreferencesDialog:
    dialog = PreferencesDialog(current, None, retention, paper=paper, envelope=envelope)
    show_dialog(qtbot, dialog)
    return dialog


def set_by_typing(qtbot: QtBot, box: QSpinBox, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    box.interpretText()


def choose(box: QComboBox, value: str) -> None:
    index = box.findData(value)
    assert index >= 0, f"{value!r} is not offered"
    box.setCurrentIndex(index)


def offered(box: QComboBox) -> list[tuple[str, str]]:
    return [(box.itemText(i), box.itemData(i)) for i in range(box.count())]


# --- follow-ups ----------------------------------------------------------------------------


def test_the_current_values_are_shown_in_days_with_what_they_mean(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(cooldown_days=10, keep_warm_days=120))
    assert dialog.cooldown.text() == "10 days"
    assert dialog.keep_warm.text() == "120 days"
    assert dialog.cooldown_help.text() == (
        "Warn before writing to a hiring authority again this soon."
    )
    assert dialog.cooldown.accessibleDescription() == dialog.cooldown_help.text()
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


def test_the_usual_channel_offers_mail_first_then_a_note_then_email(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences())
    assert offered(dialog.channel) == [
        ("Typed letter, mailed", "typed-letter"),
        ("Handwritten note", "handwritten-note"),
        ("Email", "email"),
    ]
    assert dialog.channel.currentText() == "Typed letter, mailed"
    dialog.channel.setFocus()
    qtbot.keyClick(dialog.channel, Qt.Key.Key_Down)
    assert dialog.preferences().default_channel is Channel.HANDWRITTEN_NOTE


# --- letters -------------------------------------------------------------------------------


def test_automatic_paper_says_what_it_prints_on_here(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences())
    assert dialog.paper.currentText() == "Automatic (from your region: Letter)"
    assert dialog.envelope.currentText() == "Automatic (#10, to match Letter paper)"
    assert dialog.choices().paper == Paper.AUTOMATIC.value

    choose(dialog.paper, Paper.A4.value)
    assert dialog.envelope.currentText() == "Automatic (DL, to match A4 paper)"
    assert dialog.choices().envelope == Envelope.AUTOMATIC.value


def test_automatic_paper_is_a4_outside_the_us() -> None:
    # The UI fixtures set a US locale for every test; it is restored after this one.
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert automatic_paper_text() == "Automatic (from your region: A4)"


def test_the_stored_sizes_are_shown_and_an_unknown_one_is_kept(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(), paper=Paper.A4.value, envelope="c5")
    assert dialog.paper.currentText() == "A4"
    assert dialog.envelope.currentText() == "c5"
    assert (dialog.choices().paper, dialog.choices().envelope) == ("a4", "c5")


def test_dates_are_said_to_follow_the_region_with_an_example(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences())
    assert dialog.dates.text().startswith(
        "Dates: written the way your system's region writes them, e.g. "
    )
    assert dialog.dates.text().endswith("e.g. November 25, 2026")  # as letters print it
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert example_date_text(german).endswith("e.g. 25. November 2026")


def test_without_a_profile_the_paper_is_not_asked(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(), paper=None, envelope=None)
    assert not dialog.paper.isVisibleTo(dialog)
    assert dialog.dates.isVisibleTo(dialog)
    assert (dialog.choices().paper, dialog.choices().envelope) == (None, None)


# --- the dialog as a whole -----------------------------------------------------------------


def test_the_settings_are_grouped_in_sections(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(), Retention())
    titles = [group.title() for group in dialog.findChildren(QGroupBox)]
    assert titles == ["Follow-ups", "Letters", "Appearance", "Backups"]
    assert dialog.channel.parent() is dialog.follow_ups_section
    assert dialog.paper.parent() is dialog.letters_section
    assert dialog.theme.parent() is dialog.appearance_section


def test_every_control_is_named_and_explained(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Preferences(), Retention())
    assert unnamed_focusable_widgets(dialog) == []
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QAbstractSpinBox | QComboBox) and w.isVisibleTo(dialog)
    ]
    assert len(controls) == 8
    for control in controls:
        assert control.accessibleDescription(), control.accessibleName()


def test_restore_defaults(qtbot: QtBot) -> None:
    dialog = make_dialog(
        qtbot,
        Preferences(30, 365, Channel.EMAIL, Theme.DARK),
        Retention(keep_daily=40, keep_before=2),
        paper=Paper.A4.value,
        envelope=Envelope.COMM10.value,
    )
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == PreferenceChoices(Preferences(), "", "", Retention())


_ROUND_TRIP = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@_ROUND_TRIP
@given(
    cooldown=st.integers(0, 90),
    keep_warm=st.integers(7, 730),
    channel=st.sampled_from([Channel.TYPED_LETTER, Channel.HANDWRITTEN_NOTE, Channel.EMAIL]),
    theme=st.sampled_from(list(Theme)),
    paper=st.sampled_from(list(Paper)),
    envelope=st.sampled_from(list(Envelope)),
    keep=st.tuples(st.integers(*KEEP_LIMITS), st.integers(*KEEP_LIMITS)),
)
def test_whatever_goes_in_comes_back_untouched(
    qtbot: QtBot,
    cooldown: int,
    keep_warm: int,
    channel: Channel,
    theme: Theme,
    paper: Paper,
    envelope: Envelope,
    keep: tuple[int, int],
) -> None:
    current = Preferences(cooldown, keep_warm, channel, theme)
    retention = Retention(*keep)
    dialog = PreferencesDialog(current, None, retention, paper=paper.value, envelope=envelope.value)
    try:
        assert dialog.choices() == PreferenceChoices(
            current, paper.value, envelope.value, retention
        )
    finally:
        dialog.deleteLater()


def test_ask_returns_everything_as_set(qtbot: QtBot) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        set_by_typing(qtbot, dialog.cooldown, "14")
        choose(dialog.channel, Channel.EMAIL.value)
        choose(dialog.theme, Theme.DARK.value)
        choose(dialog.paper, Paper.A4.value)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    chosen = PreferencesDialog.ask(Preferences(cooldown_days=7, keep_warm_days=60))
    assert errors == []
    assert chosen == PreferenceChoices(
        Preferences(14, 60, Channel.EMAIL, Theme.DARK), "a4", "", None
    )


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: PreferencesDialog) -> None:
        set_by_typing(qtbot, dialog.cooldown, "14")
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    assert PreferencesDialog.ask(Preferences()) is None
    assert errors == []


# --- how many backups to keep --------------------------------------------------------------


def test_backups_to_keep_are_shown_when_there_is_a_database(qtbot: QtBot) -> None:
    plain = make_dialog(qtbot, Preferences())
    assert plain.keep_daily is None and plain.retention() is None
    assert plain.backups_section is None

    dialog = make_dialog(qtbot, Preferences(), Retention(keep_daily=14, keep_before=3))
    assert dialog.keep_daily is not None and dialog.keep_before is not None
    assert (dialog.keep_daily.value(), dialog.keep_before.value()) == (14, 3)
    assert (dialog.keep_daily.minimum(), dialog.keep_daily.maximum()) == KEEP_LIMITS
    qtbot.mouseClick(dialog.defaults_button, Qt.MouseButton.LeftButton)
    assert dialog.retention() == Retention()


# --- in the window -------------------------------------------------------------------------


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


def test_the_window_saves_everything_and_turns_dark_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    services = window._services
    services.profile.save(Profile(name="Alex Candidate", closing="With thanks,"))

    def answer(dialog: PreferencesDialog) -> None:
        choose(dialog.channel, Channel.HANDWRITTEN_NOTE.value)
        choose(dialog.theme, Theme.DARK.value)
        choose(dialog.paper, Paper.A4.value)
        choose(dialog.envelope, Envelope.COMM10.value)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, PreferencesDialog, answer)
    window.preferences_action.trigger()

    assert errors == []
    saved = services.preferences.load()
    assert (saved.default_channel, saved.theme) == (Channel.HANDWRITTEN_NOTE, Theme.DARK)
    profile = services.profile.load()
    assert (profile.paper, profile.envelope) == ("a4", "comm10")
    assert (profile.name, profile.closing) == ("Alex Candidate", "With thanks,")
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 80)
