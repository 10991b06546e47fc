"""The follow-up vocabulary: what happened (events), what it calls for (situations),
how to answer (channels) and where an opportunity stands (statuses)."""

from __future__ import annotations

from enum import StrEnum


class Situation(StrEnum):
    """Why a follow-up is owed; each has its own letter and purpose."""

    AFTER_RESUME = "after-resume"
    AFTER_INTERVIEW = "after-interview"
    AFTER_REJECTION = "after-rejection"
    THANK_HELPER = "thank-helper"
    AFTER_INFORMATIONAL = "after-informational"
    KEEP_WARM = "keep-warm"

    @property
    def label(self) -> str:
        return _SITUATION_LABELS[self]

    @property
    def email_subject(self) -> str:
        """A subject line for the email version of this follow-up."""
        return _SITUATION_SUBJECTS[self]

    @property
    def purpose(self) -> str:
        """One line of advice on what this follow-up should do."""
        return _SITUATION_PURPOSES[self]


_SITUATION_LABELS = {
    Situation.AFTER_RESUME: "After a resume",
    Situation.AFTER_INTERVIEW: "After an interview",
    Situation.AFTER_REJECTION: "After not being selected",
    Situation.THANK_HELPER: "Thank a helper",
    Situation.AFTER_INFORMATIONAL: "After an informational interview",
    Situation.KEEP_WARM: "Keep in touch",
}

_SITUATION_SUBJECTS = {
    Situation.AFTER_RESUME: "Something that may be useful to you",
    Situation.AFTER_INTERVIEW: "Thank you for the interview",
    Situation.AFTER_REJECTION: "Thank you, and staying in touch",
    Situation.THANK_HELPER: "Thank you for your help",
    Situation.AFTER_INFORMATIONAL: "Thank you for your time and advice",
    Situation.KEEP_WARM: "Staying in touch",
}

_SITUATION_PURPOSES = {
    Situation.AFTER_RESUME: "Offer something new that helps them; never just ask for a status.",
    Situation.AFTER_INTERVIEW: "Thank them; recall what you discussed and what you would bring.",
    Situation.AFTER_REJECTION: "Thank them, stay interested in future roles, ask how to improve.",
    Situation.THANK_HELPER: "Thank them for their help so they are glad to help again.",
    Situation.AFTER_INFORMATIONAL: "Thank them for their time and the advice they shared.",
    Situation.KEEP_WARM: "Say you are still interested in future positions; ask for referrals.",
}


class EventKind(StrEnum):
    """Something that happened with one or more contacts."""

    RESUME = "resume"
    INTERVIEW = "interview"
    INFORMATIONAL = "informational"
    JOB_FAIR = "job-fair"
    ASSOCIATION = "association"
    HELP = "help"
    REJECTION = "rejection"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _EVENT_LABELS[self]

    @property
    def situation(self) -> Situation:
        """The follow-up this event calls for."""
        return _EVENT_SITUATIONS[self]


_EVENT_LABELS = {
    EventKind.RESUME: "Resume / CV submitted",
    EventKind.INTERVIEW: "Interview",
    EventKind.INFORMATIONAL: "Informational interview",
    EventKind.JOB_FAIR: "Job fair / job club",
    EventKind.ASSOCIATION: "Association meeting",
    EventKind.HELP: "Help received (lead, introduction, advice)",
    EventKind.REJECTION: "Not selected",
    EventKind.OTHER: "Other",
}

_EVENT_SITUATIONS = {
    EventKind.RESUME: Situation.AFTER_RESUME,
    EventKind.INTERVIEW: Situation.AFTER_INTERVIEW,
    EventKind.INFORMATIONAL: Situation.AFTER_INFORMATIONAL,
    EventKind.JOB_FAIR: Situation.THANK_HELPER,
    EventKind.ASSOCIATION: Situation.THANK_HELPER,
    EventKind.HELP: Situation.THANK_HELPER,
    EventKind.REJECTION: Situation.AFTER_REJECTION,
    EventKind.OTHER: Situation.THANK_HELPER,
}


class Channel(StrEnum):
    """How a follow-up is (or should be) delivered."""

    TYPED_LETTER = "typed-letter"
    HANDWRITTEN_NOTE = "handwritten-note"
    EMAIL = "email"
    PHONE = "phone"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]

    @property
    def is_direct_mail(self) -> bool:
        return self in (Channel.TYPED_LETTER, Channel.HANDWRITTEN_NOTE)


_CHANNEL_LABELS = {
    Channel.TYPED_LETTER: "Typed letter, mailed",
    Channel.HANDWRITTEN_NOTE: "Handwritten note",
    Channel.EMAIL: "Email",
    Channel.PHONE: "Phone call",
}


class OpportunityStatus(StrEnum):
    """Where an application stands, in pipeline order."""

    INTERESTED = "interested"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    NOT_SELECTED = "not-selected"
    HIRED = "hired"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


class FollowUpStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DISMISSED = "dismissed"
