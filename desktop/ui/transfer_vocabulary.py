"""The import and export vocabularies as the UI shows them, translated in "Vocabulary".

Kept apart from ``vocabulary_text`` because the enums live in ``desktop.domain.importing``
and ``exporting``, which load vobject (~50 ms): only the import and export dialogs, which
are themselves loaded on first use, import this module, so the app's start does not pay.
"""

from __future__ import annotations

from desktop.domain.exporting import ExportFormat
from desktop.domain.importing import DuplicateChoice, SourceKind
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import translate_label

SOURCE_KIND_LABELS: dict[SourceKind, str] = {
    SourceKind.LINKEDIN: QT_TRANSLATE_NOOP("Vocabulary", "LinkedIn connections"),
    SourceKind.GOOGLE: QT_TRANSLATE_NOOP("Vocabulary", "Google Contacts CSV"),
    SourceKind.OUTLOOK: QT_TRANSLATE_NOOP("Vocabulary", "Outlook contacts CSV"),
    SourceKind.FOLLOWUP_DESK: QT_TRANSLATE_NOOP("Vocabulary", "Follow-Up Desk CSV"),
    SourceKind.GENERIC_CSV: QT_TRANSLATE_NOOP("Vocabulary", "CSV file"),
    SourceKind.VCARD: QT_TRANSLATE_NOOP("Vocabulary", "vCard file"),
}

DUPLICATE_CHOICE_LABELS: dict[DuplicateChoice, str] = {
    DuplicateChoice.SKIP: QT_TRANSLATE_NOOP("Vocabulary", "Skip"),
    DuplicateChoice.UPDATE: QT_TRANSLATE_NOOP("Vocabulary", "Update the existing contact"),
    DuplicateChoice.KEEP_BOTH: QT_TRANSLATE_NOOP("Vocabulary", "Keep both"),
}

EXPORT_FORMAT_LABELS: dict[ExportFormat, str] = {
    ExportFormat.CSV: QT_TRANSLATE_NOOP("Vocabulary", "CSV (spreadsheet)"),
    ExportFormat.VCARD: QT_TRANSLATE_NOOP("Vocabulary", "vCard (address book)"),
}


def source_kind_text(kind: SourceKind) -> str:
    return translate_label(SOURCE_KIND_LABELS[kind])


def duplicate_choice_text(choice: DuplicateChoice) -> str:
    return translate_label(DUPLICATE_CHOICE_LABELS[choice])


def export_format_text(fmt: ExportFormat) -> str:
    return translate_label(EXPORT_FORMAT_LABELS[fmt])
