"""The domain's fixed vocabularies as the UI shows them, through Qt's translation system.

The domain keeps its English labels (it never imports Qt, and the CLI and the letters use
them); these tables repeat each label as a literal that pyside6-lupdate can extract, in the
context "Vocabulary", and the functions translate it at use. A test checks that each table
names every member and says what the domain's ``label`` says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.domain.categories import Category
from desktop.domain.contact_search import FollowUpFilter
from desktop.domain.vocabulary import Channel, EventKind, OpportunityStatus, Situation
from desktop.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.domain.backups import BackupKind
    from desktop.domain.letter_history import LetterOutput

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

# The same inside a sentence ("Logged interview: …"), for the same reason.
SITUATION_PHRASES: dict[Situation, str] = {
    Situation.AFTER_RESUME: QT_TRANSLATE_NOOP("Vocabulary", "after a resume"),
    Situation.AFTER_INTERVIEW: QT_TRANSLATE_NOOP("Vocabulary", "after an interview"),
    Situation.AFTER_REJECTION: QT_TRANSLATE_NOOP("Vocabulary", "after not being selected"),
    Situation.THANK_HELPER: QT_TRANSLATE_NOOP("Vocabulary", "thank a helper"),
    Situation.AFTER_INFORMATIONAL: QT_TRANSLATE_NOOP(
        "Vocabulary", "after an informational interview"
    ),
    Situation.KEEP_WARM: QT_TRANSLATE_NOOP("Vocabulary", "keep in touch"),
}

EVENT_KIND_PHRASES: dict[EventKind, str] = {
    EventKind.RESUME: QT_TRANSLATE_NOOP("Vocabulary", "resume / cv submitted"),
    EventKind.INTERVIEW: QT_TRANSLATE_NOOP("Vocabulary", "interview"),
    EventKind.INFORMATIONAL: QT_TRANSLATE_NOOP("Vocabulary", "informational interview"),
    EventKind.JOB_FAIR: QT_TRANSLATE_NOOP("Vocabulary", "job fair / job club"),
    EventKind.ASSOCIATION: QT_TRANSLATE_NOOP("Vocabulary", "association meeting"),
    EventKind.HELP: QT_TRANSLATE_NOOP("Vocabulary", "help received (lead, introduction, advice)"),
    EventKind.REJECTION: QT_TRANSLATE_NOOP("Vocabulary", "not selected"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("Vocabulary", "other"),
}

OPPORTUNITY_STATUS_PHRASES: dict[OpportunityStatus, str] = {
    OpportunityStatus.INTERESTED: QT_TRANSLATE_NOOP("Vocabulary", "interested"),
    OpportunityStatus.APPLIED: QT_TRANSLATE_NOOP("Vocabulary", "applied"),
    OpportunityStatus.INTERVIEWING: QT_TRANSLATE_NOOP("Vocabulary", "interviewing"),
    OpportunityStatus.OFFER: QT_TRANSLATE_NOOP("Vocabulary", "offer"),
    OpportunityStatus.NOT_SELECTED: QT_TRANSLATE_NOOP("Vocabulary", "not selected"),
    OpportunityStatus.HIRED: QT_TRANSLATE_NOOP("Vocabulary", "hired"),
    OpportunityStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Vocabulary", "withdrawn"),
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

# Keyed by the enum's values (a StrEnum member finds its value's entry): this module loads
# with the contacts list, at start-up, before the letters' and backups' modules are needed.
LETTER_OUTPUT_LABELS: dict[str, str] = {
    "printed": QT_TRANSLATE_NOOP("Vocabulary", "Printed"),
    "pdf": QT_TRANSLATE_NOOP("Vocabulary", "Saved as PDF"),
    "email": QT_TRANSLATE_NOOP("Vocabulary", "Emailed"),
    "copied": QT_TRANSLATE_NOOP("Vocabulary", "Copied"),
}


FOLLOW_UP_FILTER_LABELS: dict[FollowUpFilter, str] = {
    FollowUpFilter.ANY: QT_TRANSLATE_NOOP("Vocabulary", "Any follow-up state"),
    FollowUpFilter.OVERDUE: QT_TRANSLATE_NOOP("Vocabulary", "Overdue"),
    FollowUpFilter.DUE: QT_TRANSLATE_NOOP("Vocabulary", "Due now"),
    FollowUpFilter.UPCOMING: QT_TRANSLATE_NOOP("Vocabulary", "Coming up"),
    FollowUpFilter.NONE: QT_TRANSLATE_NOOP("Vocabulary", "Nothing pending"),
}

# Keyed by the values of BackupKind, as LETTER_OUTPUT_LABELS is (see there).
BACKUP_KIND_LABELS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("Vocabulary", "Daily"),
    "before-migration": QT_TRANSLATE_NOOP("Vocabulary", "Before an upgrade"),
    "before-import": QT_TRANSLATE_NOOP("Vocabulary", "Before an import"),
    "before-restore": QT_TRANSLATE_NOOP("Vocabulary", "Before a restore"),
    "manual": QT_TRANSLATE_NOOP("Vocabulary", "Made by you"),
}


def translate_label(label: str) -> str:
    """``label`` (one of the tables' texts) translated in the "Vocabulary" context."""
    return QCoreApplication.translate(CONTEXT, label)


def situation_text(situation: Situation) -> str:
    return translate_label(SITUATION_LABELS[situation])


def situation_purpose_text(situation: Situation) -> str:
    """One line of advice on what the follow-up should do (``Situation.purpose``)."""
    return translate_label(SITUATION_PURPOSES[situation])


def event_kind_text(kind: EventKind) -> str:
    return translate_label(EVENT_KIND_LABELS[kind])


def channel_text(channel: Channel) -> str:
    return translate_label(CHANNEL_LABELS[channel])


def channel_phrase(channel: Channel) -> str:
    """The channel inside a sentence: "email" in "Sent by email, …"."""
    return translate_label(CHANNEL_PHRASES[channel])


def situation_phrase(situation: Situation) -> str:
    """The situation inside a sentence: "after an interview"."""
    return translate_label(SITUATION_PHRASES[situation])


def event_kind_phrase(kind: EventKind) -> str:
    """The event kind inside a sentence: "Logged interview: …"."""
    return translate_label(EVENT_KIND_PHRASES[kind])


def opportunity_status_phrase(status: OpportunityStatus | str) -> str:
    """The status inside a sentence; one this version does not know is shown as stored."""
    try:
        return translate_label(OPPORTUNITY_STATUS_PHRASES[OpportunityStatus(status)])
    except ValueError:
        return str(status)


def opportunity_status_text(status: OpportunityStatus | str) -> str:
    """A status this version does not know is shown as stored."""
    try:
        return translate_label(OPPORTUNITY_STATUS_LABELS[OpportunityStatus(status)])
    except ValueError:
        return str(status)


def category_text(category: Category | str) -> str:
    """A category this version does not know is shown as stored."""
    try:
        return translate_label(CATEGORY_LABELS[Category(category)])
    except ValueError:
        return str(category)


def courtesy_title_text(title: str) -> str:
    """How the title list shows ``title`` ("" is "(none)"); an unknown title as stored."""
    label = COURTESY_TITLE_LABELS.get(title)
    return translate_label(label) if label is not None else title


def letter_output_text(output: LetterOutput) -> str:
    return translate_label(LETTER_OUTPUT_LABELS[output])


def follow_up_filter_text(state: FollowUpFilter) -> str:
    return translate_label(FOLLOW_UP_FILTER_LABELS[state])


def backup_kind_text(kind: BackupKind) -> str:
    return translate_label(BACKUP_KIND_LABELS[kind])
