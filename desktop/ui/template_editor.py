"""TemplateManagerDialog: the letter templates per situation, edited with a live preview.

Left, the situation and its templates (the built-in first); right, the body, the fields it
may use and the letter it makes from a sample contact. Duplicate, rename, reset and delete
act at once through the ``TemplateService``; an edited body is kept until Save, and a body
that does not render cannot be saved: the error names its line and the line is marked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontDatabase, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import FollowUpDeskError, ValidationError
from desktop.domain.letters import Letter, Sender, compose_letter
from desktop.domain.template_store import TemplateRecord, TemplateService
from desktop.domain.templates import (
    SAMPLE_CONTEXT,
    TEMPLATE_FIELDS,
    TEMPLATE_FILTERS,
    TemplateProblem,
    TemplateRenderError,
    render_body,
)
from desktop.domain.vocabulary import Situation
from desktop.printing.dates import qt_long_date
from desktop.printing.page import default_page_spec
from desktop.ui.dialog_parts import InfoBox, error_label, plain_label, show_error
from desktop.ui.icons import themed_icon
from desktop.ui.letter_preview import LetterPreview
from desktop.ui.template_names import template_label, template_name
from desktop.ui.translations import QT_TRANSLATE_NOOP, TranslationContext
from desktop.ui.vocabulary_text import situation_purpose_text, situation_text

RENDER_DELAY_MS = 150  # typing pauses this long before the preview follows
# The sample letter is dated the day SAMPLE_CONTEXT.today writes out, so the two agree.
SAMPLE_DATE = date(2026, 11, 25)
SAMPLE_SENDER = Sender(name=SAMPLE_CONTEXT.sender_name)
ERROR_LINE_COLOUR = QColor(255, 0, 0, 60)  # translucent: reads on light and dark bases
# Shown translated (TemplateManagerDialog.tr); in English these are the texts themselves.
STALE_PREVIEW_NOTE = QT_TRANSLATE_NOOP(
    "TemplateManagerDialog", "The preview shows the last version without errors."
)
FILTER_HINT = QT_TRANSLATE_NOOP(
    "TemplateManagerDialog",
    "A filter goes inside {{ }}, after a field: double-click a field first, then the filter.",
)
TemplateText = TranslationContext("TemplateText")
KeyRole = Qt.ItemDataRole.UserRole
InsertRole = Qt.ItemDataRole.UserRole + 1


def sample_letter(body_text: str) -> Letter:
    """The letter a rendered body makes for the sample contact."""
    return compose_letter(
        SAMPLE_CONTEXT.contact,
        body_text,
        on=SAMPLE_DATE,
        write_date=qt_long_date(),
        sender=SAMPLE_SENDER,
    )


def copy_name(record: TemplateRecord, taken: set[str]) -> str:
    """A free name for a copy: "After an interview (my copy)", "… (my copy 2)"."""
    base = situation_text(record.situation) if record.is_builtin else record.name
    candidate = TemplateText.tr("{name} (my copy)").format(name=base)
    number = 2
    while candidate.casefold() in taken:
        candidate = TemplateText.tr("{name} (my copy {number})").format(name=base, number=number)
        number += 1
    return candidate


def filter_insertion(before: str, name: str) -> tuple[int, str] | None:
    """Where and what to insert so filter ``name`` applies to the field before the cursor.

    ``before`` is the line's text up to the cursor. Returns (characters to step back from
    the cursor, text to insert), or None when no expression precedes the cursor.
    """
    opened, closed = before.rfind("{{"), before.rfind("}}")
    if opened > closed:  # inside "{{ field": add to it
        return 0, f"| {name}" if before.endswith(" ") else f" | {name}"
    if closed >= 0 and not before[closed + 2 :].strip():  # just after "{{ field }}"
        back = len(before) - closed
        inside = before[:closed]
        return back, f"| {name} " if inside.endswith(" ") else f" | {name} "
    return None


# -- message boxes -----------------------------------------------------------------------
class UnsavedChangesBox(QMessageBox):
    """Save, Discard or Cancel edits before leaving a template (Save only if it renders)."""

    def __init__(
        self, name: str, problem: TemplateProblem | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unsaved_template")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("Save your changes to “{name}”?").format(name=name))
        self.save_button: QPushButton | None = None
        if problem is None:
            self.setInformativeText(self.tr("If you don't save, your changes are lost."))
            self.save_button = self.addButton(QMessageBox.StandardButton.Save)
            self.save_button.setAccessibleName(self.tr("Save"))
        else:
            self.setInformativeText(
                self.tr(
                    "They cannot be saved while the template has an error:\n\n{problem}\n\n"
                    "Discard them, or cancel and fix the error."
                ).format(problem=problem)
            )
        self.discard_button = self.addButton(QMessageBox.StandardButton.Discard)
        self.discard_button.setAccessibleName(self.tr("Discard"))
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.setDefaultButton(self.save_button or self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    @classmethod
    def ask(cls, name: str, problem: TemplateProblem | None, parent: QWidget | None = None) -> str:
        """ "save", "discard" or "cancel"."""
        box = cls(name, problem, parent)
        try:
            box.exec()
            clicked = box.clickedButton()
            if clicked is not None and clicked is box.save_button:
                return "save"
            if clicked is box.discard_button:
                return "discard"
            return "cancel"
        finally:
            box.deleteLater()


class ConfirmTemplateAction(QMessageBox):
    """Asks before deleting or resetting a template, naming it."""

    def __init__(
        self, title: str, text: str, details: str, action: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_template_action")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setInformativeText(details)
        self.confirm_button = self.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        self.confirm_button.setAccessibleName(action)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    @classmethod
    def ask(
        cls, title: str, text: str, details: str, action: str, parent: QWidget | None = None
    ) -> bool:
        box = cls(title, text, details, action, parent)
        try:
            box.exec()
            return box.clickedButton() is box.confirm_button
        finally:
            box.deleteLater()


# -- the field list ----------------------------------------------------------------------
class FieldList(QTreeWidget):
    """The fields and filters a template may use; activating one asks to insert it."""

    insert_requested = Signal(str, bool)  # name, is_filter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Fields and filters"))
        self.setAccessibleDescription(
            self.tr("Double-click or press Enter to insert at the cursor")
        )
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Field"), self.tr("What it gives")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        for title, entries, is_filter in (
            (self.tr("Fields"), TEMPLATE_FIELDS, False),
            (self.tr("Filters"), TEMPLATE_FILTERS, True),
        ):
            group = QTreeWidgetItem(self, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for name, help_text in entries:
                item = QTreeWidgetItem(group, [name, help_text])
                item.setData(0, InsertRole, (name, is_filter))
                item.setToolTip(0, help_text)
                item.setToolTip(1, help_text)
            group.setExpanded(True)
        self.resizeColumnToContents(0)
        self.setColumnWidth(0, self.columnWidth(0) + 12)
        self.itemActivated.connect(self._on_activated)

    def item_for(self, name: str) -> QTreeWidgetItem:
        found = self.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if not found:
            raise KeyError(name)
        return found[0]

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, InsertRole)
        if data:
            name, is_filter = data
            self.insert_requested.emit(name, is_filter)


# -- the dialog --------------------------------------------------------------------------
class TemplateManagerDialog(QDialog):
    """Manage and edit the letter templates. ``templates_changed`` fires after every change
    stored (save, duplicate, rename, reset, delete); ``preview_updated`` after each render."""

    templates_changed = Signal()
    preview_updated = Signal()

    def __init__(
        self,
        templates: TemplateService,
        *,
        situation: Situation | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("template_manager")
        self.setWindowTitle(self.tr("Letter templates"))
        self.setAccessibleName(self.tr("Letter templates"))
        self._templates = templates
        self._records: dict[str, TemplateRecord] = {}
        self._record: TemplateRecord | None = None
        self._saved_body = ""
        self._problem: TemplateProblem | None = None
        self._changed = False
        self._switching = False  # a list or combo change made by the dialog itself

        self._build_widgets()
        self._build_layout()
        self._connect()

        start = situation or next(iter(Situation))
        self._switching = True
        self.situation.setCurrentIndex(self.situation.findData(start.value))
        self._switching = False
        self._show_situation(start)
        self.resize(1240, 740)
        self.templates_list.setFocus()

    # -- construction ---------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.situation = QComboBox()
        self.situation.setAccessibleName(self.tr("Situation"))
        for situation in Situation:
            self.situation.addItem(situation_text(situation), situation.value)
        self.purpose = plain_label(name=self.tr("What this letter should do"))

        self.templates_list = QListWidget()
        self.templates_list.setAccessibleName(self.tr("Templates"))
        self.templates_list.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.duplicate_button = self._button(
            self.tr("Duplicate…"), "fa6s.copy", self.tr("Duplicate template")
        )
        self.rename_button = self._button(
            self.tr("Rename…"), "fa6s.pen", self.tr("Rename template")
        )
        self.reset_button = self._button(
            self.tr("Reset to standard"), "fa6s.rotate-left", self.tr("Reset template to standard")
        )
        self.delete_button = self._button(
            self.tr("Delete"), "fa6s.trash-can", self.tr("Delete template")
        )

        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Template body"))
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor_caption = QLabel(
            self.tr("Letter &body (paragraphs; a blank line starts a new one)")
        )
        self.editor_caption.setBuddy(self.editor)

        self.error = error_label(self.tr("Template error"))
        self.save_button = self._button(
            self.tr("Save"), "fa6s.floppy-disk", self.tr("Save template")
        )
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(self.tr("Save this template (Ctrl+S)"))
        self.revert_button = self._button(
            self.tr("Revert"), "fa6s.arrow-rotate-left", self.tr("Revert changes")
        )
        self.revert_button.setToolTip(self.tr("Go back to the saved text"))

        self.fields = FieldList()
        self.fields_caption = QLabel(self.tr("&Fields: double-click to insert at the cursor"))
        self.fields_caption.setBuddy(self.fields)
        self.field_help = plain_label(name=self.tr("About the field"))

        self.preview = LetterPreview(default_page_spec())
        self.preview.empty_hint.setText(
            self.tr("The template has an error, so there is no letter to preview yet.")
        )
        self.preview_caption = plain_label(
            self.tr("Sample letter to {name} of {company}").format(
                name=SAMPLE_CONTEXT.contact.formal_name, company=SAMPLE_CONTEXT.contact.company
            ),
            name=self.tr("Preview caption"),
        )
        self.stale_note = InfoBox("fa6s.triangle-exclamation", name=self.tr("Preview note"))
        self.stale_note.add_label(self.tr("Preview note")).setText(self.tr(STALE_PREVIEW_NOTE))
        self.stale_note.setVisible(False)

        self.render_timer = QTimer(self)
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(RENDER_DELAY_MS)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        # Enter activates a field or a template; it must not also close the dialog.
        self.close_button.setAutoDefault(False)

    @staticmethod
    def _button(text: str, icon: str, name: str) -> QPushButton:
        button = QPushButton(themed_icon(icon), text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)  # Enter in the list or editor does not press it
        return button

    def _build_layout(self) -> None:
        situation_caption = QLabel(self.tr("&Situation"))
        situation_caption.setBuddy(self.situation)
        list_caption = QLabel(self.tr("&Templates"))
        list_caption.setBuddy(self.templates_list)
        actions = QGridLayout()
        actions.addWidget(self.duplicate_button, 0, 0)
        actions.addWidget(self.rename_button, 0, 1)
        actions.addWidget(self.reset_button, 1, 0)
        actions.addWidget(self.delete_button, 1, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(situation_caption)
        left_layout.addWidget(self.situation)
        left_layout.addWidget(self.purpose)
        left_layout.addSpacing(6)
        left_layout.addWidget(list_caption)
        left_layout.addWidget(self.templates_list, 1)
        left_layout.addLayout(actions)

        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(6, 0, 6, 0)
        middle_layout.addWidget(self.editor_caption)
        middle_layout.addWidget(self.editor, 3)
        middle_layout.addWidget(self.error)
        middle_layout.addLayout(save_row)
        middle_layout.addSpacing(6)
        middle_layout.addWidget(self.fields_caption)
        middle_layout.addWidget(self.fields, 2)
        middle_layout.addWidget(self.field_help)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.stale_note)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.preview_caption)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for pane, stretch in ((left, 0), (middle, 1), (right, 1)):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.indexOf(pane), stretch)
        self.splitter.setSizes([220, 470, 550])

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.button_box)

    def _connect(self) -> None:
        self.situation.currentIndexChanged.connect(self._on_situation_changed)
        self.templates_list.currentItemChanged.connect(self._on_template_changed)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.rename_button.clicked.connect(self.rename)
        self.reset_button.clicked.connect(self.reset_to_standard)
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.editor.textChanged.connect(self._on_text_changed)
        self.render_timer.timeout.connect(self.render_now)
        self.fields.insert_requested.connect(self.insert)
        self.fields.currentItemChanged.connect(self._on_field_current)
        self.button_box.rejected.connect(self.reject)

    # -- what is shown --------------------------------------------------------------------
    @property
    def changed(self) -> bool:
        """Whether anything was stored while the dialog was open."""
        return self._changed

    def current_situation(self) -> Situation:
        return Situation(str(self.situation.currentData()))

    def current_key(self) -> str | None:
        return self._record.key if self._record is not None else None

    def current_record(self) -> TemplateRecord | None:
        return self._record

    def template_keys(self) -> list[str]:
        """The keys of the listed templates, in list order."""
        return [
            str(self.templates_list.item(row).data(KeyRole))
            for row in range(self.templates_list.count())
        ]

    def template_labels(self) -> list[str]:
        return [self.templates_list.item(row).text() for row in range(self.templates_list.count())]

    def problem(self) -> TemplateProblem | None:
        """Why the body in the editor does not render (as of the last render), or None."""
        return self._problem

    def is_dirty(self) -> bool:
        return self._record is not None and self.editor.toPlainText() != self._saved_body

    # -- switching ------------------------------------------------------------------------
    def select_situation(self, situation: Situation) -> bool:
        """Show ``situation``'s templates; False if the user kept the current one."""
        self.situation.setCurrentIndex(self.situation.findData(situation.value))
        return self.current_situation() is situation

    def select_template(self, key: str) -> bool:
        """Edit template ``key`` (of the shown situation); False if the user cancelled."""
        keys = self.template_keys()
        if key not in keys:
            return False
        self.templates_list.setCurrentRow(keys.index(key))
        return self.current_key() == key

    def _on_situation_changed(self) -> None:
        if self._switching:
            return
        if not self._settle_unsaved():
            previous = self._record.situation if self._record else next(iter(Situation))
            self._switching = True
            self.situation.setCurrentIndex(self.situation.findData(previous.value))
            self._switching = False
            return
        self._show_situation(self.current_situation())

    def _on_template_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if self._switching or current is None:
            return
        key = str(current.data(KeyRole))
        if self._record is not None and key == self._record.key:
            return
        if not self._settle_unsaved():
            self._restore_row()
            # A mouse click selects the clicked row after this slot returns: undo that too.
            QTimer.singleShot(0, self, self._restore_row)
            return
        if (record := self._records.get(key)) is not None:
            self._make_current(key)
            self._load(record)

    def _restore_row(self) -> None:
        if (key := self.current_key()) is not None:
            self._make_current(key)

    def _make_current(self, key: str) -> None:
        """Make ``key``'s row current without treating it as the user's choice."""
        keys = self.template_keys()
        if key in keys:
            self._switching = True
            try:
                self.templates_list.setCurrentRow(
                    keys.index(key), QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._switching = False

    def _settle_unsaved(self) -> bool:
        """Before leaving the template: True once its edits are saved or discarded."""
        if not self.is_dirty() or self._record is None:
            return True
        self.render_now()
        answer = UnsavedChangesBox.ask(template_name(self._record), self._problem, self)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.revert()
            return True
        return False

    def _show_situation(self, situation: Situation, select: str | None = None) -> None:
        self.purpose.setText(situation_purpose_text(situation))
        self._reload_list(situation, select)
        key = self.current_key_in_list()
        if key is not None:
            self._load(self._records[key])

    def current_key_in_list(self) -> str | None:
        item = self.templates_list.currentItem()
        return str(item.data(KeyRole)) if item is not None else None

    def _reload_list(self, situation: Situation, select: str | None = None) -> None:
        """List ``situation``'s templates again and make ``select`` (or the first) current."""
        records = self._templates.list_templates(situation)
        self._records = {record.key: record for record in records}
        self._switching = True
        try:
            self.templates_list.clear()
            for record in records:
                item = QListWidgetItem(template_label(record))
                item.setData(KeyRole, record.key)
                item.setToolTip(_record_tip(record))
                self.templates_list.addItem(item)
            keys = [record.key for record in records]
            row = keys.index(select) if select in keys else 0
            if records:
                self.templates_list.setCurrentRow(row)
        finally:
            self._switching = False

    def _load(self, record: TemplateRecord) -> None:
        self._record = record
        self._saved_body = record.body
        self._switching = True
        try:
            self.editor.setPlainText(record.body)
        finally:
            self._switching = False
        self.render_now()

    # -- editing --------------------------------------------------------------------------
    def insert(self, name: str, is_filter: bool = False) -> None:
        """Insert ``{{ name }}`` at the cursor, or apply filter ``name`` to the field there."""
        cursor = self.editor.textCursor()
        if not is_filter:
            cursor.insertText(f"{{{{ {name} }}}}")
        else:
            before = cursor.block().text()[: cursor.positionInBlock()]
            placement = filter_insertion(before, name)
            if placement is None:
                self.field_help.setText(self.tr(FILTER_HINT))
                return
            back, text = placement
            cursor.movePosition(
                QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.MoveAnchor, back
            )
            cursor.insertText(text)
            cursor.movePosition(
                QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, back
            )
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_field_current(self, item: QTreeWidgetItem | None) -> None:
        data = item.data(0, InsertRole) if item is not None else None
        if item is None or not data:
            self.field_help.setText("")
            return
        name, is_filter = data
        example = f"{{{{ … | {name} }}}}" if is_filter else f"{{{{ {name} }}}}"
        self.field_help.setText(f"{example}: {item.text(1)}")

    def _on_text_changed(self) -> None:
        if self._switching:
            return
        self.render_timer.start()
        self._update_buttons()

    def render_now(self) -> None:
        """Render the editor's body against the sample contact now (typing debounces this)."""
        self.render_timer.stop()
        try:
            text = render_body(self.editor.toPlainText(), SAMPLE_CONTEXT)
        except TemplateRenderError as exc:
            self._problem = exc.problem
        else:
            self._problem = None
            self.preview.set_letter(sample_letter(text))
        self._show_problem()
        self._update_buttons()
        self.preview_updated.emit()

    def _show_problem(self) -> None:
        problem = self._problem
        show_error(self.error, self.editor, str(problem) if problem else "")
        self.stale_note.setVisible(problem is not None and self.preview.has_letter())
        selections: list[QTextEdit.ExtraSelection] = []
        if problem is not None and problem.line:
            block = self.editor.document().findBlockByNumber(problem.line - 1)
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(ERROR_LINE_COLOUR)
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selection.cursor.clearSelection()
                selections.append(selection)
        self.editor.setExtraSelections(selections)

    def error_line(self) -> int | None:
        """The editor line (1-based) marked as the error, or None."""
        selections = self.editor.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None

    def _update_buttons(self) -> None:
        record = self._record
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and self._problem is None)
        self.revert_button.setEnabled(dirty)
        self.duplicate_button.setEnabled(record is not None)
        self.rename_button.setEnabled(record is not None and not record.is_builtin)
        self.delete_button.setEnabled(record is not None and not record.is_builtin)
        self.reset_button.setEnabled(
            record is not None and record.is_builtin and record.is_modified
        )

    # -- operations -----------------------------------------------------------------------
    def save(self) -> bool:
        """Store the editor's body; False (and the error shown) if it does not render."""
        if self._record is None:
            return False
        self.render_now()
        if self._problem is not None:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        body = self.editor.toPlainText()
        try:
            record = self._templates.save_body(self._record.key, body)
        except FollowUpDeskError as exc:
            self._report(exc, self.tr("The template was not saved"))
            return False
        self._record = record
        self._saved_body = record.body
        self._refresh_labels()
        self._update_buttons()
        self._stored()
        return True

    def revert(self) -> None:
        """Back to the stored body."""
        if self._record is not None:
            self._load(self._record)

    def duplicate(self) -> None:
        record = self._record
        if record is None or not self._settle_unsaved():
            return
        copy = self._ask_name_until_accepted(
            self.tr("Duplicate template"),
            self.tr("Name of the copy of “{name}”:").format(name=template_name(record)),
            copy_name(record, {r.name.casefold() for r in self._records.values()}),
            lambda name: self._templates.duplicate(record.key, name),
            self.tr("The template was not duplicated"),
        )
        if copy is not None:
            self._stored()
            self._show_situation(copy.situation, select=copy.key)

    def rename(self) -> None:
        record = self._record
        if record is None or record.is_builtin:
            return
        renamed = self._ask_name_until_accepted(
            self.tr("Rename template"),
            self.tr("New name for “{name}”:").format(name=record.name),
            record.name,
            lambda name: self._templates.rename(record.key, name),
            self.tr("The template was not renamed"),
        )
        if renamed is not None and renamed.name != record.name:
            self._record = renamed
            self._refresh_labels()
            self._stored()

    def reset_to_standard(self) -> None:
        record = self._record
        if record is None or not record.is_builtin or not record.is_modified:
            return
        if not ConfirmTemplateAction.ask(
            self.tr("Reset template"),
            self.tr("Reset “{name}” to the standard text?").format(name=template_name(record)),
            self.tr("Your edits to this template will be lost (your own copies are kept)."),
            self.tr("Reset"),
            self,
        ):
            return
        try:
            standard = self._templates.reset_builtin(record.situation)
        except FollowUpDeskError as exc:
            self._report(exc, self.tr("The template was not reset"))
            return
        self._stored()
        self._show_situation(standard.situation, select=standard.key)

    def delete(self) -> None:
        record = self._record
        if record is None or record.is_builtin:
            return
        details = self.tr("Letters you have already written with it are kept.")
        if self.is_dirty():
            details += self.tr(" Your unsaved changes to it are lost too.")
        if not ConfirmTemplateAction.ask(
            self.tr("Delete template"),
            self.tr("Delete the template “{name}”?").format(name=record.name),
            details,
            self.tr("Delete"),
            self,
        ):
            return
        try:
            self._templates.delete(record.key)
        except FollowUpDeskError as exc:
            self._report(exc, self.tr("The template was not deleted"))
            return
        self._record = None
        self._stored()
        self._show_situation(record.situation)

    # -- helpers --------------------------------------------------------------------------
    def _ask_name(self, title: str, label: str, text: str) -> str | None:
        dialog = QInputDialog(self)
        dialog.setObjectName("template_name")
        dialog.setWindowTitle(title)
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.resize(420, dialog.sizeHint().height())
        if (edit := dialog.findChild(QLineEdit)) is not None:
            edit.setAccessibleName(self.tr("Template name"))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.textValue()
        finally:
            dialog.deleteLater()

    def _ask_name_until_accepted(
        self,
        title: str,
        label: str,
        name: str,
        act: Callable[[str], TemplateRecord],
        failure: str,
    ) -> TemplateRecord | None:
        """Ask a name and ``act`` on it; a name refused (taken, empty) is explained and asked
        again. None when cancelled or when ``act`` fails otherwise."""
        while (answer := self._ask_name(title, label, name)) is not None:
            try:
                return act(answer)
            except ValidationError as exc:
                self._report(exc, self.tr("Choose another name"))
                name = answer
            except FollowUpDeskError as exc:
                self._report(exc, failure)
                return None
        return None

    def _report(self, exc: FollowUpDeskError, title: str) -> None:
        # Not QMessageBox.warning: its text may be read as HTML, and names are user text.
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(str(exc))
        try:
            box.exec()
        finally:
            box.deleteLater()

    def _refresh_labels(self) -> None:
        """Relabel (or, if the order changed, relist) the shown templates; the editor and
        the current row stay as they are."""
        if self._record is None:
            return
        records = self._templates.list_templates(self._record.situation)
        if [record.key for record in records] != self.template_keys():
            self._reload_list(self._record.situation, select=self._record.key)
        else:
            self._records = {record.key: record for record in records}
            for row, record in enumerate(records):
                item = self.templates_list.item(row)
                item.setText(template_label(record))
                item.setToolTip(_record_tip(record))
        self._record = self._records.get(self._record.key, self._record)
        self._update_buttons()

    def _stored(self) -> None:
        self._changed = True
        self.templates_changed.emit()

    def reject(self) -> None:
        """Override of QDialog.reject: unsaved edits are saved or discarded first."""
        if not self._settle_unsaved():
            return
        super().reject()

    @classmethod
    def manage(
        cls,
        templates: TemplateService,
        *,
        situation: Situation | None = None,
        parent: QWidget | None = None,
    ) -> bool:
        """Show the dialog modally; True if any template was changed."""
        dialog = cls(templates, situation=situation, parent=parent)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()


def _record_tip(record: TemplateRecord) -> str:
    if record.is_builtin and record.is_modified:
        return TemplateText.tr(
            "The standard letter, edited by you. Reset to standard brings back the original."
        )
    if record.is_builtin:
        return TemplateText.tr("The standard letter that comes with Follow-Up Desk.")
    return TemplateText.tr("Your own template.")
