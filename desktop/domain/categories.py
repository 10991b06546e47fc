"""The fixed vocabularies of a contact card: relationship categories and courtesy titles."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """How a contact is connected to the job search; a contact has exactly one."""

    FAMILY = "family"
    FRIEND = "friend"
    NEIGHBOR = "neighbor"
    PAST_COWORKER = "past-coworker"
    PAST_EMPLOYER = "past-employer"
    PAST_VENDOR = "past-vendor"
    PAST_CLIENT = "past-client"
    PERSONAL_NETWORK = "personal-network"
    PROFESSIONAL_NETWORK = "professional-network"
    JOB_FAIR = "job-fair"
    ASSOCIATION = "association"
    HIRING_PROCESS = "hiring-process"
    INFORMATIONAL_INTERVIEW = "informational-interview"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS: dict[Category, str] = {
    Category.FAMILY: "Family",
    Category.FRIEND: "Friend",
    Category.NEIGHBOR: "Neighbor",
    Category.PAST_COWORKER: "Past co-worker",
    Category.PAST_EMPLOYER: "Past employer",
    Category.PAST_VENDOR: "Past vendor or supplier",
    Category.PAST_CLIENT: "Past client",
    Category.PERSONAL_NETWORK: "Personal network",
    Category.PROFESSIONAL_NETWORK: "Professional network",
    Category.JOB_FAIR: "Job fair / job club",
    Category.ASSOCIATION: "Association member",
    Category.HIRING_PROCESS: "Hiring process",
    Category.INFORMATIONAL_INTERVIEW: "Informational interview",
    Category.OTHER: "Other",
}

# Most cards are typed in the evening after an interview, so that is the form's default.
DEFAULT_CATEGORY = Category.HIRING_PROCESS

# "" means no courtesy title; the letter then greets the person by full name.
COURTESY_TITLES: tuple[str, ...] = ("", "Mr.", "Ms.", "Mx.", "Dr.")
