"""LetterComposer: pick the situation and template, edit the body, see the page as it prints.

It shows and asks; the window drafts, prints, saves and records (one place wires signals).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.letters import Letter
from desktop.domain.template_store import TemplateRecord
from desktop.domain.vocabulary import Situation
from desktop.ui.icons import themed_icon
from desktop.ui.letter_preview import LetterPreview
from desktop.ui.template_names import template_label
from desktop.ui.vocabulary_text import situation_text


class LetterComposer(QWidget):
    situation_chosen = Signal(str)  # Situation value
    template_chosen = Signal(str)  # template key
    body_edited = Signal()
    manage_templates_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Letter"))
        self._loading = False
        self._rendered_body = ""

        self.situation = QComboBox()
        self.situation.setAccessibleName(self.tr("Situation"))
        for situation in Situation:
            self.situation.addItem(situation_text(situation), situation.value)
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Template"))
        # Long template names must not force a wide window: they elide instead.
        for combo in (self.situation, self.template):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        self.manage_button = QToolButton()
        self.manage_button.setIcon(themed_icon("fa6s.pen-to-square"))
        self.manage_button.setToolTip(self.tr("Edit templates…"))
        self.manage_button.setAccessibleName(self.tr("Edit templates"))

        self.print_action = QAction(themed_icon("fa6s.print"), self.tr("Print…"), self)
        self.print_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip(self.tr("Print the letter shown"))
        self.print_preview_action = QAction(
            themed_icon("fa6s.eye"), self.tr("Print Preview…"), self
        )
        self.pdf_action = QAction(themed_icon("fa6s.file-pdf"), self.tr("Save as PDF…"), self)
        self.envelope_print_action = QAction(
            themed_icon("fa6s.envelope"), self.tr("Print Envelope…"), self
        )
        self.envelope_pdf_action = QAction(
            themed_icon("fa6s.envelope-open"), self.tr("Save Envelope as PDF…"), self
        )
        self.copy_action = QAction(themed_icon("fa6s.copy"), self.tr("Copy Letter Text"), self)
        self.email_action = QAction(themed_icon("fa6s.at"), self.tr("Email…"), self)
        self.email_action.setToolTip(
            self.tr("Open your mail program with this letter (email now, card later)")
        )

        self.print_button = self._tool_button(self.print_action, self.tr("Print letter"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        print_menu = QMenu(self)
        print_menu.addActions(
            [
                self.print_preview_action,
                self.pdf_action,
                self.envelope_print_action,
                self.envelope_pdf_action,
            ]
        )
        self.print_button.setMenu(print_menu)
        self.pdf_button = self._tool_button(self.pdf_action, self.tr("Save letter as PDF"))
        self.envelope_button = self._tool_button(
            self.envelope_print_action, self.tr("Print envelope")
        )
        self.email_button = self._tool_button(self.email_action, self.tr("Email letter"))
        self.copy_button = self._tool_button(self.copy_action, self.tr("Copy letter text"))

        self.answers = QLabel()
        self.answers.setTextFormat(Qt.TextFormat.PlainText)
        self.answers.setWordWrap(True)
        self.answers.setAccessibleName(self.tr("Follow-up this letter answers"))
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.problem.setStyleSheet("color: #d9412b")

        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Letter body"))
        self.body.setPlaceholderText(
            self.tr("The letter's paragraphs; a blank line starts a new one.")
        )
        self.body.setTabChangesFocus(True)
        self.preview = LetterPreview()
        self.preview.setObjectName("letter_preview")

        top = QHBoxLayout()
        top.addWidget(self.situation, 1)
        top.addWidget(self.template, 1)
        top.addWidget(self.manage_button)
        outputs = QHBoxLayout()
        outputs.addWidget(self.answers, 1)
        for button in (
            self.print_button,
            self.pdf_button,
            self.envelope_button,
            self.email_button,
            self.copy_button,
        ):
            outputs.addWidget(button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("composer_splitter")
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 420])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(outputs)
        layout.addWidget(self.problem)
        layout.addWidget(self.splitter, 1)

        self.situation.activated.connect(
            lambda _i: self._emit_unless_loading(
                self.situation_chosen, str(self.situation.currentData())
            )
        )
        self.template.activated.connect(
            lambda _i: self._emit_unless_loading(
                self.template_chosen, str(self.template.currentData())
            )
        )
        self.body.textChanged.connect(self._on_body_changed)
        self.manage_button.clicked.connect(self.manage_templates_requested)
        self.set_enabled_outputs(False)

    def _tool_button(self, action: QAction, name: str) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAccessibleName(name)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setAutoRaise(True)
        return button

    def _emit_unless_loading(self, signal: SignalInstance, value: str) -> None:
        if not self._loading:
            signal.emit(value)

    def _on_body_changed(self) -> None:
        if not self._loading:
            self.body_edited.emit()

    # -- public API -----------------------------------------------------------------------
    def show_draft(
        self,
        situation: Situation,
        templates: Sequence[TemplateRecord],
        template_key: str,
        body: str,
        answers: str,
        *,
        keep_edits: bool = False,
    ) -> None:
        """Show a fresh draft. With ``keep_edits`` the user's changed body is left alone."""
        self._loading = True
        try:
            self.situation.setCurrentIndex(self.situation.findData(situation.value))
            self.template.clear()
            for record in templates:
                self.template.addItem(template_label(record), record.key)
            self.template.setCurrentIndex(max(0, self.template.findData(template_key)))
            if not (keep_edits and self.is_body_edited()):
                self.body.setPlainText(body)
            self._rendered_body = body
            self.answers.setText(answers)
            self.show_problem("")
        finally:
            self._loading = False
        self.set_enabled_outputs(True)

    def clear(self, hint: str = "") -> None:
        self._loading = True
        try:
            self.body.clear()
            self._rendered_body = ""
            self.answers.setText(hint)
        finally:
            self._loading = False
        self.preview.set_letter(None)
        self.set_enabled_outputs(False)

    def body_text(self) -> str:
        return self.body.toPlainText()

    def is_body_edited(self) -> bool:
        return self.body.toPlainText() != self._rendered_body

    def current_situation(self) -> Situation:
        return Situation(str(self.situation.currentData()))

    def current_template_key(self) -> str | None:
        data = self.template.currentData()
        return str(data) if data else None

    def show_letter(self, letter: Letter | None) -> None:
        self.preview.set_letter(letter)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_enabled_outputs(self, enabled: bool) -> None:
        for action in (
            self.print_action,
            self.print_preview_action,
            self.pdf_action,
            self.envelope_print_action,
            self.envelope_pdf_action,
            self.copy_action,
            self.email_action,
        ):
            action.setEnabled(enabled)
