"""The domain's fixed vocabularies as the UI shows them, through Qt's translation system.

The domain keeps its English labels (it never imports Qt, and the CLI and the letters use
them); these tables repeat each label as a literal that pyside6-lupdate can extract, in the
context "Vocabulary", and the functions translate it at use. A test checks that each table
names every member and says what the domain's ``label`` says.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.backups import BackupKind
from desktop.domain.categories import Category
from desktop.domain.contact_search import FollowUpFilter
from desktop.domain.exporting import ExportFormat
from desktop.domain.importing import DuplicateChoice, SourceKind
from desktop.domain.letter_history import LetterOutput
from desktop.domain.vocabulary import Channel, EventKind, OpportunityStatus, Situation
from desktop.ui.translations import QT_TRANSLATE_NOOP

CONTEXT = "Vocabulary"

SITUATION_LABELS: dict[Situation, str] = {
    Situation.AFTER_RESUME: QT_TRANSLATE_NOOP("Vocabulary", "After a resume"),
    Situation.AFTER_INTERVIEW: QT_TRANSLATE_NOOP("Vocabulary", "After an interview"),
    Situation.AFTER_REJECTION: QT_TRANSLATE_NOOP("Vocabulary", "After not being selected"),
    Situation.THANK_HELPER: QT_TRANSLATE_NOOP("Vocabulary", "Thank a helper"),
    Situation.AFTER_INFORMATIONAL: QT_TRANSLATE_NOOP(
        "Vocabulary", "After an informational interview"
    ),
    Situation.KEEP_WARM: QT_TRANSLATE_NOOP("Vocabulary", "Keep in touch"),
}

SITUATION_PURPOSES: dict[Situation, str] = {
    Situation.AFTER_RESUME: QT_TRANSLATE_NOOP(
        "Vocabulary", "Offer something new that helps them; never just ask for a status."
    ),
    Situation.AFTER_INTERVIEW: QT_TRANSLATE_NOOP(
        "Vocabulary", "Thank them; recall what you discussed and what you would bring."
    ),
    Situation.AFTER_REJECTION: QT_TRANSLATE_NOOP(
        "Vocabulary", "Thank them, stay interested in future roles, ask how to improve."
    ),
    Situation.THANK_HELPER: QT_TRANSLATE_NOOP(
        "Vocabulary", "Thank them for their help so they are glad to help again."
    ),
    Situation.AFTER_INFORMATIONAL: QT_TRANSLATE_NOOP(
        "Vocabulary", "Thank them for their time and the advice they shared."
    ),
    Situation.KEEP_WARM: QT_TRANSLATE_NOOP(
        "Vocabulary", "Say you are still interested in future positions; ask for referrals."
    ),
}

EVENT_KIND_LABELS: dict[EventKind, str] = {
    EventKind.RESUME: QT_TRANSLATE_NOOP("Vocabulary", "Resume / CV submitted"),
    EventKind.INTERVIEW: QT_TRANSLATE_NOOP("Vocabulary", "Interview"),
    EventKind.INFORMATIONAL: QT_TRANSLATE_NOOP("Vocabulary", "Informational interview"),
    EventKind.JOB_FAIR: QT_TRANSLATE_NOOP("Vocabulary", "Job fair / job club"),
    EventKind.ASSOCIATION: QT_TRANSLATE_NOOP("Vocabulary", "Association meeting"),
    EventKind.HELP: QT_TRANSLATE_NOOP("Vocabulary", "Help received (lead, introduction, advice)"),
    EventKind.REJECTION: QT_TRANSLATE_NOOP("Vocabulary", "Not selected"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

CHANNEL_LABELS: dict[Channel, str] = {
    Channel.TYPED_LETTER: QT_TRANSLATE_NOOP("Vocabulary", "Typed letter, mailed"),
    Channel.HANDWRITTEN_NOTE: QT_TRANSLATE_NOOP("Vocabulary", "Handwritten note"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Vocabulary", "Email"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Vocabulary", "Phone call"),
}

# A channel named inside a sentence ("Sent by email, …"): lower case in English, which a
# translation may not want (German nouns), so it is its own text rather than label.lower().
CHANNEL_PHRASES: dict[Channel, str] = {
    Channel.TYPED_LETTER: QT_TRANSLATE_NOOP("Vocabulary", "typed letter, mailed"),
    Channel.HANDWRITTEN_NOTE: QT_TRANSLATE_NOOP("Vocabulary", "handwritten note"),
    Channel.EMAIL: QT_TRANSLATE_NOOP("Vocabulary", "email"),
    Channel.PHONE: QT_TRANSLATE_NOOP("Vocabulary", "phone call"),
}

OPPORTUNITY_STATUS_LABELS: dict[OpportunityStatus, str] = {
    OpportunityStatus.INTERESTED: QT_TRANSLATE_NOOP("Vocabulary", "Interested"),
    OpportunityStatus.APPLIED: QT_TRANSLATE_NOOP("Vocabulary", "Applied"),
    OpportunityStatus.INTERVIEWING: QT_TRANSLATE_NOOP("Vocabulary", "Interviewing"),
    OpportunityStatus.OFFER: QT_TRANSLATE_NOOP("Vocabulary", "Offer"),
    OpportunityStatus.NOT_SELECTED: QT_TRANSLATE_NOOP("Vocabulary", "Not selected"),
    OpportunityStatus.HIRED: QT_TRANSLATE_NOOP("Vocabulary", "Hired"),
    OpportunityStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "Withdrawn"),
}

CATEGORY_LABELS: dict[Category, str] = {
    Category.FAMILY: QT_TRANSLATE_NOOP("Vocabulary", "Family"),
    Category.FRIEND: QT_TRANSLATE_NOOP("Vocabulary", "Friend"),
    Category.NEIGHBOR: QT_TRANSLATE_NOOP("Vocabulary", "Neighbor"),
    Category.PAST_COWORKER: QT_TRANSLATE_NOOP("Vocabulary", "Past co-worker"),
    Category.PAST_EMPLOYER: QT_TRANSLATE_NOOP("Vocabulary", "Past employer"),
    Category.PAST_VENDOR: QT_TRANSLATE_NOOP("Vocabulary", "Past vendor or supplier"),
    Category.PAST_CLIENT: QT_TRANSLATE_NOOP("Vocabulary", "Past client"),
    Category.PERSONAL_NETWORK: QT_TRANSLATE_NOOP("Vocabulary", "Personal network"),
    Category.PROFESSIONAL_NETWORK: QT_TRANSLATE_NOOP("Vocabulary", "Professional network"),
    Category.JOB_FAIR: QT_TRANSLATE_NOOP("Vocabulary", "Job fair / job club"),
    Category.ASSOCIATION: QT_TRANSLATE_NOOP("Vocabulary", "Association member"),
    Category.HIRING_PROCESS: QT_TRANSLATE_NOOP("Vocabulary", "Hiring process"),
    Category.INFORMATIONAL_INTERVIEW: QT_TRANSLATE_NOOP("Vocabulary", "Informational interview"),
    Category.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "Other"),
}

# The stored title stays English (it is printed in the letter's salutation); the list
# shows it translated. "" is "no title".
COURTESY_TITLE_LABELS: dict[str, str] = {
    "": QT_TRANSLATE_NOOP("Vocabulary", "(none)"),
    "Mr.": QT_TRANSLATE_NOOP("Vocabulary", "Mr."),
    "Ms.": QT_TRANSLATE_NOOP("Vocabulary", "Ms."),
    "Mx.": QT_TRANSLATE_NOOP("Vocabulary", "Mx."),
    "Dr.": QT_TRANSLATE_NOOP("Vocabulary", "Dr."),
}

LETTER_OUTPUT_LABELS: dict[LetterOutput, str] = {
    LetterOutput.PRINTED: QT_TRANSLATE_NOOP("Vocabulary", "Printed"),
    LetterOutput.PDF: QT_TRANSLATE_NOOP("Vocabulary", "Saved as PDF"),
    LetterOutput.EMAIL: QT_TRANSLATE_NOOP("Vocabulary", "Emailed"),
    LetterOutput.COPIED: QT_TRANSLATE_NOOP("Vocabulary", "Copied"),
}

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

FOLLOW_UP_FILTER_LABELS: dict[FollowUpFilter, str] = {
    FollowUpFilter.ANY: QT_TRANSLATE_NOOP("Vocabulary", "Any follow-up state"),
    FollowUpFilter.OVERDUE: QT_TRANSLATE_NOOP("Vocabulary", "Overdue"),
    FollowUpFilter.DUE: QT_TRANSLATE_NOOP("Vocabulary", "Due now"),
    FollowUpFilter.UPCOMING: QT_TRANSLATE_NOOP("Vocabulary", "Coming up"),
    FollowUpFilter.NONE: QT_TRANSLATE_NOOP("Vocabulary", "Nothing pending"),
}

BACKUP_KIND_LABELS: dict[BackupKind, str] = {
    BackupKind.DAILY: QT_TRANSLATE_NOOP("Vocabulary", "Daily"),
    BackupKind.BEFORE_MIGRATION: QT_TRANSLATE_NOOP("Vocabulary", "Before an upgrade"),
    BackupKind.BEFORE_IMPORT: QT_TRANSLATE_NOOP("Vocabulary", "Before an import"),
    BackupKind.BEFORE_RESTORE: QT_TRANSLATE_NOOP("Vocabulary", "Before a restore"),
    BackupKind.MANUAL: QT_TRANSLATE_NOOP("Vocabulary", "Made by you"),
}


def _text(label: str) -> str:
    return QCoreApplication.translate(CONTEXT, label)


def situation_text(situation: Situation) -> str:
    return _text(SITUATION_LABELS[situation])


def situation_purpose_text(situation: Situation) -> str:
    """One line of advice on what the follow-up should do (``Situation.purpose``)."""
    return _text(SITUATION_PURPOSES[situation])


def event_kind_text(kind: EventKind) -> str:
    return _text(EVENT_KIND_LABELS[kind])


def channel_text(channel: Channel) -> str:
    return _text(CHANNEL_LABELS[channel])


def channel_phrase(channel: Channel) -> str:
    """The channel inside a sentence: "email" in "Sent by email, …"."""
    return _text(CHANNEL_PHRASES[channel])


def opportunity_status_text(status: OpportunityStatus | str) -> str:
    """A status this version does not know is shown as stored."""
    try:
        return _text(OPPORTUNITY_STATUS_LABELS[OpportunityStatus(status)])
    except ValueError:
        return str(status)


def category_text(category: Category | str) -> str:
    """A category this version does not know is shown as stored."""
    try:
        return _text(CATEGORY_LABELS[Category(category)])
    except ValueError:
        return str(category)


def courtesy_title_text(title: str) -> str:
    """How the title list shows ``title`` ("" is "(none)"); an unknown title as stored."""
    label = COURTESY_TITLE_LABELS.get(title)
    return _text(label) if label is not None else title


def letter_output_text(output: LetterOutput) -> str:
    return _text(LETTER_OUTPUT_LABELS[output])


def source_kind_text(kind: SourceKind) -> str:
    return _text(SOURCE_KIND_LABELS[kind])


def duplicate_choice_text(choice: DuplicateChoice) -> str:
    return _text(DUPLICATE_CHOICE_LABELS[choice])


def export_format_text(fmt: ExportFormat) -> str:
    return _text(EXPORT_FORMAT_LABELS[fmt])


def follow_up_filter_text(state: FollowUpFilter) -> str:
    return _text(FOLLOW_UP_FILTER_LABELS[state])


def backup_kind_text(kind: BackupKind) -> str:
    return _text(BACKUP_KIND_LABELS[kind])
