"""The two questions before an export: which contacts, and to what file in what format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.domain.exporting import ExportFormat
from desktop.ui.transfer_vocabulary import export_format_text
from desktop.ui.translations import TranslationContext

ExportChoice = TranslationContext("ExportChoice")


def ask_which(
    parent: QWidget,
    shown: int,
    total: int,
    shown_ids: list[int],
    all_ids: Callable[[], list[int]],
) -> list[int] | None:
    """The search or filters hide some contacts: export those shown, or everyone?"""
    locale = QLocale()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(ExportChoice.tr("Export contacts"))
    # The counts are passed for the plural forms; {shown} and {total} are locale numbers.
    box.setText(
        ExportChoice.tr("The list shows {shown} of your {total} contacts.", "", total).format(
            shown=locale.toString(shown), total=locale.toString(total)
        )
    )
    box.setInformativeText(ExportChoice.tr("Export only the contacts shown, or all of them?"))
    shown_button = box.addButton(
        ExportChoice.tr("Only the {shown} shown", "", shown).format(shown=locale.toString(shown)),
        QMessageBox.ButtonRole.AcceptRole,
    )
    all_button = box.addButton(
        ExportChoice.tr("All {total}", "", total).format(total=locale.toString(total)),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(shown_button)
    box.exec()
    if box.clickedButton() is shown_button:
        return shown_ids
    if box.clickedButton() is all_button:
        return all_ids()
    return None


def ask_target(parent: QWidget, start_dir: object) -> tuple[Path, ExportFormat] | None:
    """A file name and its format; the suffix is added when the user leaves it out."""
    filters = {f"{export_format_text(fmt)} (*{fmt.suffix})": fmt for fmt in ExportFormat}
    start = Path(str(start_dir or Path.home())) / f"contacts{ExportFormat.CSV.suffix}"
    name, chosen = QFileDialog.getSaveFileName(
        parent, ExportChoice.tr("Export contacts"), str(start), ";;".join(filters)
    )
    if not name:
        return None
    path = Path(name)
    fmt = ExportFormat.for_path(path) or filters.get(chosen, ExportFormat.CSV)
    if ExportFormat.for_path(path) is None:
        path = path.with_name(path.name + fmt.suffix)
    return path, fmt
