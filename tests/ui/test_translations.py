"""Every user-visible string can be translated: a check of the source for literals handed
straight to Qt, the vocabulary tables against the domain, and a pseudo-translation that runs
the real lupdate/lrelease tools and shows the widgets bracketed."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.backups import BackupKind
from desktop.domain.categories import COURTESY_TITLES, Category
from desktop.domain.contact_search import FollowUpFilter
from desktop.domain.contacts import ContactRecord
from desktop.domain.exporting import ExportFormat
from desktop.domain.followups import Agenda
from desktop.domain.importing import DuplicateChoice, SourceKind
from desktop.domain.letter_history import LetterOutput
from desktop.domain.vocabulary import Channel, EventKind, OpportunityStatus, Situation
from desktop.ui import transfer_vocabulary, vocabulary_text
from desktop.ui.translations import install_translators, translations_dir

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop" / "ui"

# Modules allowed to hand Qt untranslated text while they are being converted: none now.
# A module that needs a pass here says why in a comment beside its name.
NOT_YET_TRANSLATED: frozenset[str] = frozenset()

# -- the source check ---------------------------------------------------------------------

# Methods whose every string argument is text a person sees.
_TEXT_METHODS = frozenset(
    {
        "setText",
        "setWindowTitle",
        "setToolTip",
        "setStatusTip",
        "setPlaceholderText",
        "setAccessibleName",
        "setAccessibleDescription",
        "setWhatsThis",
        "showMessage",
        "addTab",
        "setTabText",
        "setTabToolTip",
        "addMenu",
        "addAction",
        "addButton",
        "setLabelText",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "setInformativeText",
        "setDetailedText",
        "setSpecialValueText",
        "setTitle",
        "setCancelButtonText",
        "setItemText",
    }
)
# Methods whose first argument is text and whose later ones are data ("value", an icon name).
_FIRST_ARGUMENT_METHODS = frozenset({"addItem", "insertItem"})
# Widgets and actions whose constructor takes the text.
_TEXT_CONSTRUCTORS = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QMenu",
        "QProgressDialog",
        "QCommandLinkButton",
    }
)
# The project's own helpers that put text on screen: (text positions, text keywords).
_HELPER_TEXT_ARGUMENTS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "plain_label": ((0,), ("name",)),
    "heading_label": ((0,), ("name",)),
    "buddy_label": ((0,), ()),
    "error_label": ((0,), ("name",)),
    "ok_cancel_buttons": ((0,), ("ok_text",)),
    "add_label": ((0,), ("name",)),
    "InfoBox": ((), ("name",)),
    "row_table": ((), ("name",)),
    "ContactChecklist": ((), ("name",)),
    # MainWindow._action(text, icon, shortcuts, tip): the icon's name is not text.
    "_action": ((0, 3), ("tip",)),
}
# QMessageBox.warning(parent, title, text, ...) and the file dialogs' caption and filter.
_STATIC_TEXT_ARGUMENTS = {
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "about": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getExistingDirectory": (1,),
}


def _shows_words(node: ast.expr) -> bool:
    """A literal (or an f-string's literal parts) with letters in it; lists of them too."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(char.isalpha() for char in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_shows_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.List | ast.Tuple):
        return any(_shows_words(item) for item in node.elts)
    return False


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _text_arguments(call: ast.Call) -> list[ast.expr]:
    name = _name(call.func)
    keywords = [keyword.value for keyword in call.keywords if keyword.arg in ("text", "title")]
    if name in _TEXT_METHODS and isinstance(call.func, ast.Attribute):
        return [*call.args, *keywords]
    if name in _FIRST_ARGUMENT_METHODS and isinstance(call.func, ast.Attribute):
        return [*call.args[:1], *keywords]
    if name in _TEXT_CONSTRUCTORS:
        return [*call.args, *keywords]
    if name in _HELPER_TEXT_ARGUMENTS:
        positions, names = _HELPER_TEXT_ARGUMENTS[name]
        return [
            *(call.args[i] for i in positions if i < len(call.args)),
            *(keyword.value for keyword in call.keywords if keyword.arg in names),
        ]
    if name in _STATIC_TEXT_ARGUMENTS and isinstance(call.func, ast.Attribute):
        owner = call.func.value
        if isinstance(owner, ast.Name) and owner.id in ("QMessageBox", "QFileDialog"):
            positions = _STATIC_TEXT_ARGUMENTS[name]
            return [call.args[i] for i in positions if i < len(call.args)]
    return []


def untranslated_texts(source: str, filename: str) -> list[str]:
    """``file:line: call`` for each literal handed straight to a Qt call that shows text."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call):
            for argument in _text_arguments(node):
                if _shows_words(argument):
                    found.append(f"{filename}:{argument.lineno}: {_name(node.func)}(…)")
    return found


def _checked_files() -> list[Path]:
    files = [*sorted(UI.glob("*.py")), ROOT / "desktop" / "app.py"]
    return [p for p in files if p.relative_to(ROOT).as_posix() not in NOT_YET_TRANSLATED]


def test_the_check_finds_literals_handed_to_qt_and_passes_translated_ones() -> None:
    bad = """\
label.setText("Hello")
box = QLabel(f"Hi {name}")
QMessageBox.warning(self, "Oops", "It broke")
combo.addItem("Ignore this column", None)
table.setHorizontalHeaderLabels(["Column", self.tr("Examples")])
button = QPushButton(icon, "Delete…")
table = row_table(model, name="Follow-ups", object_name="follow_up_table")
"""
    good = """\
label.setText(self.tr("Hello"))
label.setText("")
label.setText("—")
label.setText(f"{count} %")
box = QLabel(QCoreApplication.translate("Context", "Hi {name}").format(name=name))
combo.addItem(self.tr("Ignore this column"), "value")
widget.setObjectName("mapping_table")
QMessageBox.warning(self, self.tr("Oops"), str(exc))
box = InfoBox("fa6s.circle-info", name=self.tr("What this creates"))
"""
    assert untranslated_texts(bad, "bad.py") == [
        "bad.py:1: setText(…)",
        "bad.py:2: QLabel(…)",
        "bad.py:3: warning(…)",
        "bad.py:3: warning(…)",
        "bad.py:4: addItem(…)",
        "bad.py:5: setHorizontalHeaderLabels(…)",
        "bad.py:6: QPushButton(…)",
        "bad.py:7: row_table(…)",
    ]
    assert untranslated_texts(good, "good.py") == []


def test_every_translated_module_hands_qt_translated_text_only() -> None:
    found = [
        finding
        for path in _checked_files()
        for finding in untranslated_texts(
            path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()
        )
    ]
    assert found == [], "wrap these in self.tr() or QCoreApplication.translate():\n" + "\n".join(
        found
    )


def test_icon_names_are_never_handed_to_translators() -> None:
    """An icon name in a .ts file would be "translated" into an icon that does not exist."""
    pattern = re.compile(r"""(\btr|translate)\([^)]*["']fa6[srb]?\.""")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in [*sorted(UI.glob("*.py")), ROOT / "desktop" / "app.py"]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_translation_contexts_are_bound_to_their_own_name() -> None:
    """lupdate files ``Name.tr(...)`` under the context "Name": the variable must say it."""
    wrong = []
    for path in sorted(UI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and _name(node.value.func) == "TranslationContext"
            ):
                target = node.targets[0]
                context = node.value.args[0]
                assert isinstance(context, ast.Constant)
                if not (isinstance(target, ast.Name) and target.id == context.value):
                    wrong.append(f"{path.name}:{node.lineno}")
    assert wrong == []


# -- the vocabulary -------------------------------------------------------------------------

VOCABULARIES: list[tuple[type[Enum], Mapping[Any, str], str]] = [
    (Situation, vocabulary_text.SITUATION_LABELS, "label"),
    (Situation, vocabulary_text.SITUATION_PURPOSES, "purpose"),
    (EventKind, vocabulary_text.EVENT_KIND_LABELS, "label"),
    (Channel, vocabulary_text.CHANNEL_LABELS, "label"),
    (OpportunityStatus, vocabulary_text.OPPORTUNITY_STATUS_LABELS, "label"),
    (Category, vocabulary_text.CATEGORY_LABELS, "label"),
    (LetterOutput, vocabulary_text.LETTER_OUTPUT_LABELS, "label"),
    (SourceKind, transfer_vocabulary.SOURCE_KIND_LABELS, "label"),
    (DuplicateChoice, transfer_vocabulary.DUPLICATE_CHOICE_LABELS, "label"),
    (ExportFormat, transfer_vocabulary.EXPORT_FORMAT_LABELS, "label"),
    (FollowUpFilter, vocabulary_text.FOLLOW_UP_FILTER_LABELS, "label"),
    (BackupKind, vocabulary_text.BACKUP_KIND_LABELS, "label"),
]


@pytest.mark.parametrize(
    ("enum", "table", "attribute"),
    VOCABULARIES,
    ids=[f"{enum.__name__}.{attribute}" for enum, _table, attribute in VOCABULARIES],
)
def test_vocabulary_tables_name_every_member_as_the_domain_does(
    enum: type[Enum], table: Mapping[Any, str], attribute: str
) -> None:
    assert set(table) == set(enum)
    assert {m: table[m] for m in enum} == {m: getattr(m, attribute) for m in enum}


PHRASES: list[tuple[type[Enum], Mapping[Any, str], Callable[[Any], str]]] = [
    (Channel, vocabulary_text.CHANNEL_PHRASES, vocabulary_text.channel_phrase),
    (Situation, vocabulary_text.SITUATION_PHRASES, vocabulary_text.situation_phrase),
    (EventKind, vocabulary_text.EVENT_KIND_PHRASES, vocabulary_text.event_kind_phrase),
    (
        OpportunityStatus,
        vocabulary_text.OPPORTUNITY_STATUS_PHRASES,
        vocabulary_text.opportunity_status_phrase,
    ),
]


@pytest.mark.parametrize(
    ("enum", "table", "phrase_of"), PHRASES, ids=[enum.__name__ for enum, _t, _f in PHRASES]
)
def test_phrases_are_the_labels_in_a_sentence(
    enum: type[Enum], table: Mapping[Any, str], phrase_of: Callable[[Any], str]
) -> None:
    assert set(table) == set(enum)
    for member, phrase in table.items():
        assert phrase == member.label.lower()
        assert phrase_of(member) == phrase


def test_import_and_export_labels_are_not_loaded_at_start() -> None:
    """vocabulary_text is imported by the main window; the import/export enums load vobject."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, desktop.ui.vocabulary_text, desktop.ui.contacts_pane; "
            "print(' '.join(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ).stdout.split()
    assert "desktop.domain.importing" not in loaded
    assert "desktop.domain.exporting" not in loaded
    assert "vobject" not in loaded
    assert transfer_vocabulary.export_format_text(ExportFormat.CSV) == "CSV (spreadsheet)"


def test_every_courtesy_title_is_offered_and_unknown_values_show_as_stored() -> None:
    assert set(vocabulary_text.COURTESY_TITLE_LABELS) == set(COURTESY_TITLES)
    assert vocabulary_text.courtesy_title_text("") == "(none)"
    assert vocabulary_text.courtesy_title_text("Dr.") == "Dr."
    assert vocabulary_text.courtesy_title_text("Prof.") == "Prof."
    assert vocabulary_text.category_text("a-category-from-a-newer-version") == (
        "a-category-from-a-newer-version"
    )
    assert vocabulary_text.opportunity_status_text("on-hold") == "on-hold"


# -- loading translations -------------------------------------------------------------------


def test_no_translation_for_english_leaves_the_app_in_english(qapp: QApplication) -> None:
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    installed = install_translators(qapp, english)
    try:
        # Qt's own English may load; no app translation exists for the source language.
        assert not any(Path(t.filePath()).parent == translations_dir() for t in installed)
        assert vocabulary_text.category_text(Category.FRIEND) == "Friend"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_translations_folder_is_a_real_folder() -> None:
    folder = translations_dir()
    assert folder.is_dir()
    assert folder == ROOT / "desktop" / "resources" / "translations"


# -- pseudo-translation through the real tools ----------------------------------------------


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bracket(ts_file: Path) -> None:
    """Translate every message as "[" + source + "]", placeholders and %n left intact."""
    tree = ET.parse(ts_file)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = f"[{source}]"
        else:
            translation.text = f"[{source}]"
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


@pytest.fixture
def pseudo_translated(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """A bracketing translation of a few converted modules, installed for the test."""
    script = _script()
    lupdate, lrelease = script.find_tool("pyside6-lupdate"), script.find_tool("pyside6-lrelease")
    if lupdate is None or lrelease is None:
        pytest.skip("pyside6-lupdate/pyside6-lrelease are not installed")
    ts_file = tmp_path / "followup-desk_de.ts"
    modules = (
        "today_view",
        "follow_up_table_model",
        "row_table_model",
        "dialogs",
        "backup_dialogs",
        "agenda_output",
        "transfer_vocabulary",
    )
    sources = [UI / f"{module}.py" for module in modules] + [UI / "vocabulary_text.py"]
    script.lupdate(lupdate, sources, ts_file, "de")
    _bracket(ts_file)
    qm_file = script.lrelease(lrelease, ts_file)
    translator = QTranslator()
    assert translator.load(str(qm_file))
    assert qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def _person(n: int, given: str, family: str) -> ContactRecord:
    return ContactRecord(
        id=n, created_at=WHEN, updated_at=WHEN, given_name=given, family_name=family
    )


@pytest.mark.usefixtures("pseudo_translated")
def test_widgets_show_the_translation_of_every_text(qtbot: QtBot) -> None:
    from desktop.ui.today_view import TodayView, agenda_summary

    view = TodayView()
    qtbot.addWidget(view)
    assert view.write_button.text() == "[Write letter]"
    assert view.dismiss_button.toolTip() == (
        "[Decide not to send this follow-up (kept in history)]"
    )
    assert view.accessibleName() == "[Today]"
    # Headers are filed under the model's own class and found from the base class's code.
    header = view.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "[When]"
    assert agenda_summary(Agenda(now=WHEN, overdue=(), due=(), upcoming=())) == (
        "[Nothing to follow up on. Log an event after each contact to plan the next step.]"
    )
    assert vocabulary_text.category_text(Category.PAST_CLIENT) == "[Past client]"


@pytest.mark.usefixtures("pseudo_translated")
def test_plural_and_placeholder_texts_keep_their_numbers_and_names(qtbot: QtBot) -> None:
    from desktop.ui.dialogs import ConfirmDeleteContact, ConfirmDeleteContacts

    people = [_person(1, "Ada", "Lovelace"), _person(2, "Grace", "Hopper")]
    many = ConfirmDeleteContacts(people, 2, follow_up_count=3)
    qtbot.addWidget(many)
    assert many.text() == "[Delete 2 contacts?]"
    assert many.delete_button.text() == "[Delete 2]"
    assert "[3 follow-ups (sent and pending)]" in many.informativeText()
    assert many.informativeText().startswith("[[Ada Lovelace and Grace Hopper]")
    # A subclass finds the texts of the class that wrote them.
    one = ConfirmDeleteContact(people[0])
    qtbot.addWidget(one)
    assert one.windowTitle() == "[Delete contact]"
    assert one.text() == "[Delete Ada Lovelace?]"


def test_without_a_translator_the_same_texts_are_english(qtbot: QtBot) -> None:
    from desktop.ui.today_view import TodayView

    view = TodayView()
    qtbot.addWidget(view)
    assert view.write_button.text() == "Write letter"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "When"
    assert QCoreApplication.translate("Vocabulary", "Friend") == "Friend"


def test_the_update_script_lists_the_ui_and_app_modules() -> None:
    sources = {p.relative_to(ROOT).as_posix() for p in _script().translatable_sources()}
    assert "desktop/app.py" in sources
    assert "desktop/ui/vocabulary_text.py" in sources
    assert not any(source.startswith("desktop/domain/") for source in sources)


def test_the_update_script_refuses_what_is_not_a_language_code() -> None:
    with pytest.raises(SystemExit):
        _script().main(["../../etc"])


@pytest.mark.usefixtures("pseudo_translated")
def test_module_texts_headers_and_plurals_of_functions_are_found(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.ui.backup_dialogs import BackupTableModel, backup_progress_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = backup_progress_dialog(parent, tmp_path / "copy.sqlite3")
    assert dialog.windowTitle() == "[Backing up]"
    assert dialog.labelText() == "[Copying your database to copy.sqlite3…]"
    model = BackupTableModel(UTC)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "[Made]"
    # A TranslationContext's plural is a plural in the .ts file: %n is filled in.
    exported = QCoreApplication.translate(
        "AgendaOutput", "Exported %n follow-ups to {name}: import it into your calendar.", "", 2
    )
    assert exported == "[Exported 2 follow-ups to {name}: import it into your calendar.]"
    assert vocabulary_text.event_kind_phrase(EventKind.INTERVIEW) == "[interview]"
    assert transfer_vocabulary.export_format_text(ExportFormat.VCARD) == "[vCard (address book)]"
