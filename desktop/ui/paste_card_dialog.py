"""PasteCardDialog: confirm the card fields read from pasted text before they fill the card.

One row per value read: a tick box (ticked when the card's field is empty, unticked when the
value would replace something else the user typed, which the row then shows), the field,
and the value in an editable field; the pasted text beside them for reference, with the
line a value came from highlighted. ``card_paste_filter.CardPasteFilter`` lets a form notice a whole
signature pasted into one of its fields and open the dialog instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QFont,
    QPalette,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.card_text import (
    CARD_TEXT_FIELDS,
    OTHER_PHONE,
    CardProposal,
)
from desktop.domain.categories import COURTESY_TITLES
from desktop.domain.contacts import ContactCard
from desktop.ui.dialog_parts import InfoBox, heading_label, ok_cancel_buttons, plain_label
from desktop.ui.vocabulary_text import courtesy_title_text

# The key ``values()`` uses for the notes: the card's notes with the accepted lines added.
NOTES = "notes"


@dataclass
class ProposalRow:
    """The widgets of one proposed value."""

    field: str  # a card field, or NOTES
    check: QCheckBox
    editor: QLineEdit | QComboBox
    line: int  # 1-based line of the pasted text
    position: int  # row of the grid
    note: QLabel | None = None  # "Replaces: …" / "Already on the card"

    def text(self) -> str:
        if isinstance(self.editor, QComboBox):
            return str(self.editor.currentData() or "")
        return self.editor.text().strip()


class PasteCardDialog(QDialog):
    """Shows what ``proposal`` read and returns the values the user accepts."""

    def __init__(
        self, proposal: CardProposal, current: ContactCard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paste_card")
        self.setWindowTitle(self.tr("Fill in from pasted text"))
        self.setAccessibleName(self.tr("Fill in from pasted text"))
        self._current = current
        self.rows: dict[str, ProposalRow] = {}
        self.note_rows: list[ProposalRow] = []

        self.heading = heading_label(self.tr("Check what was read"), name=self.tr("Heading"))
        self.explanation = plain_label(
            self.tr(
                "Ticked values go into the card. Correct a value here, or untick it to leave "
                "the card as it is."
            ),
            name=self.tr("How this works"),
        )
        self.nothing_box = InfoBox("fa6s.circle-info", name=self.tr("Nothing recognised"))
        self.nothing_label = self.nothing_box.add_label(self.tr("Nothing recognised"))
        self.nothing_label.setText(
            self.tr(
                "No name, title, company, email, phone or address was found in the pasted "
                "text. Copy the whole signature or card text and try again, or type the card "
                "in."
            )
        )

        self.source = QPlainTextEdit()
        self.source.setObjectName("pasted_text")
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.source.setPlainText(proposal.text)
        self.source.setAccessibleName(self.tr("Pasted text"))
        source_caption = QLabel(self.tr("&Pasted text"))
        source_caption.setBuddy(self.source)

        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnMinimumWidth(1, 240)  # the values stay readable beside a long note
        self._grid.setVerticalSpacing(4)
        self._build_rows(proposal, self._grid)

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self.tr("&Fill in the card")
        )
        self.ok_button.setDefault(True)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        rows_column = QVBoxLayout()
        rows_column.addLayout(self._grid)
        rows_column.addStretch(1)
        source_column = QVBoxLayout()
        source_column.addWidget(source_caption)
        source_column.addWidget(self.source, 1)
        body = QHBoxLayout()
        body.addLayout(rows_column, 3)
        body.addLayout(source_column, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.nothing_box)
        layout.addLayout(body, 1)
        layout.addWidget(self.button_box)

        empty = proposal.is_empty
        self.nothing_box.setVisible(empty)
        self.explanation.setVisible(not empty)
        self.ok_button.setVisible(not empty)
        if empty:
            self.heading.setText(self.tr("Nothing to fill in"))
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
            self.cancel_button.setDefault(True)

        self._chain_tab_order()
        if empty:
            body.setStretch(0, 0)  # no rows: the pasted text takes the width
            self.resize(600, 340)
        else:
            self.resize(860, 480)
        first = self.all_rows()[0].check if self.all_rows() else self.cancel_button
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- building -------------------------------------------------------------------------
    def field_labels(self) -> dict[str, str]:
        """What each field is called on the card form."""
        return {
            "courtesy_title": self.tr("Courtesy title"),
            "given_name": self.tr("Given name"),
            "family_name": self.tr("Family name"),
            "job_title": self.tr("Job title"),
            "department": self.tr("Department"),
            "company": self.tr("Company"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "street": self.tr("Street"),
            "city": self.tr("City"),
            "region": self.tr("State / region"),
            "postal_code": self.tr("Postal code"),
            "country": self.tr("Country"),
        }

    def _build_rows(self, proposal: CardProposal, grid: QGridLayout) -> None:
        labels = self.field_labels()
        lines = proposal.lines
        for proposed in proposal.fields:
            if proposed.field not in CARD_TEXT_FIELDS:
                continue
            existing = str(getattr(self._current, proposed.field, "") or "").strip()
            row = self._add_row(
                grid, proposed.field, labels[proposed.field], proposed.value, proposed.line
            )
            if proposed.field == "courtesy_title":
                same = existing == row.text()
            else:
                same = existing == proposed.value
            if not existing:
                row.check.setChecked(True)
            elif same:
                self._show_note(row, self.tr("Already on the card"))
            else:
                self._show_note(row, self.tr("Replaces: {old}").format(old=existing))
            self._describe(row, lines)
            self.rows[proposed.field] = row
        for proposed in proposal.notes_lines:
            kind = (
                self.tr("Notes: other phone")
                if proposed.field == OTHER_PHONE
                else self.tr("Notes: web site")
            )
            row = self._add_row(grid, NOTES, kind, proposed.value, proposed.line)
            already = proposed.value in self._current.notes
            row.check.setChecked(not already)
            if already:
                self._show_note(row, self.tr("Already in the notes"))
            self._describe(row, lines)
            self.note_rows.append(row)

    def _add_row(
        self, grid: QGridLayout, field: str, label: str, value: str, line: int
    ) -> ProposalRow:
        position = grid.rowCount()
        check = QCheckBox(label)
        check.setAccessibleName(self.tr("Use {field}").format(field=label))
        editor: QLineEdit | QComboBox
        if field == "courtesy_title":
            combo = QComboBox()
            for title in COURTESY_TITLES:
                combo.addItem(courtesy_title_text(title), title)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.activated.connect(lambda _=0, box=check: box.setChecked(True))
            editor = combo
        else:
            edit = QLineEdit(value)
            edit.setCursorPosition(0)
            edit.textEdited.connect(lambda _="", box=check: box.setChecked(True))
            editor = edit
        editor.setObjectName(field)
        editor.setAccessibleName(label)
        grid.addWidget(check, position, 0)
        grid.addWidget(editor, position, 1)
        row = ProposalRow(field, check, editor, line, position)
        for widget in (check, editor):
            widget.installEventFilter(self)
        return row

    def _show_note(self, row: ProposalRow, text: str) -> None:
        note = plain_label(text, wrap=False, name=self.tr("Note"))
        font = QFont(note.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        note.setFont(font)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A long old value is cut short here; the tool tip and screen readers get it whole.
        note.setToolTip(text)
        note.setText(note.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 180))
        self._grid.addWidget(note, row.position, 2)
        row.note = note

    def _describe(self, row: ProposalRow, lines: tuple[str, ...]) -> None:
        source = lines[row.line - 1] if 0 < row.line <= len(lines) else ""
        description = self.tr("Read from line {number}: {text}").format(
            number=row.line, text=source
        )
        if row.note is not None:
            description = self.tr("{note}. {description}").format(
                note=row.note.toolTip(), description=description
            )
        row.editor.setAccessibleDescription(description)
        row.editor.setToolTip(description)
        row.check.setAccessibleDescription(description)

    def _chain_tab_order(self) -> None:
        order: list[QWidget] = []
        for row in self.all_rows():
            order += [row.check, row.editor]
        order += [self.source, self.ok_button, self.cancel_button]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # -- showing where a value came from ---------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter: a row taking focus shows its source line."""
        if event.type() == QEvent.Type.FocusIn:
            for row in self.all_rows():
                if watched is row.check or watched is row.editor:
                    self.show_source_line(row.line)
                    break
        return super().eventFilter(watched, event)

    def show_source_line(self, line: int) -> None:
        """Highlight line ``line`` (1-based) of the pasted text and scroll it into view."""
        block = self.source.document().findBlockByNumber(line - 1)
        if not block.isValid():
            return
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
        selection.format.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(block)
        selection.cursor = cursor
        self.source.setExtraSelections([selection])
        self.source.setTextCursor(cursor)
        self.source.ensureCursorVisible()

    def highlighted_line(self) -> int | None:
        """The 1-based line highlighted now, or None."""
        selections = self.source.extraSelections()
        return selections[0].cursor.blockNumber() + 1 if selections else None

    # -- the answer --------------------------------------------------------------------------
    def all_rows(self) -> list[ProposalRow]:
        return [*self.rows.values(), *self.note_rows]

    def values(self) -> dict[str, str]:
        """The ticked values by card field; NOTES holds the card's notes with the ticked
        notes lines added, one per line."""
        result = {
            field: row.text()
            for field, row in self.rows.items()
            if row.check.isChecked() and (row.text() or field == "courtesy_title")
        }
        if "courtesy_title" in result and not result["courtesy_title"]:
            del result["courtesy_title"]  # "(none)" chosen: leave the card's title alone
        added = [row.text() for row in self.note_rows if row.check.isChecked() and row.text()]
        if added:
            notes = self._current.notes.rstrip()
            result[NOTES] = "\n".join([notes, *added] if notes else added)
        return result

    @classmethod
    def ask(
        cls, proposal: CardProposal, current: ContactCard, parent: QWidget | None = None
    ) -> dict[str, str] | None:
        """The accepted values by card field (see ``values``), or None when cancelled or
        when nothing was recognised."""
        dialog = cls(proposal, current, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.values() if accepted and not proposal.is_empty else None
        finally:
            dialog.deleteLater()
