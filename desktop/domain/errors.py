"""Errors the domain raises for the user to read. Their messages are complete sentences."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


class FollowUpDeskError(Exception):
    """Base class: an expected failure with a message fit to show a user."""


class DatabaseError(FollowUpDeskError):
    """The database cannot be opened, created or upgraded."""


class DamagedDatabaseError(DatabaseError):
    """The database file is damaged: empty, not SQLite, or failing SQLite's integrity check.

    The file is left exactly as it was found. ``reason`` says what is wrong, in a sentence
    for people; the application offers to restore a backup or to start afresh (see
    ``desktop.domain.database.set_aside_damaged``).
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"Follow-Up Desk cannot open the database {path} because it is damaged. {reason}"
        )


class BackupError(FollowUpDeskError):
    """A backup cannot be written, or a copy cannot be restored (the message says why)."""


class DataDirectoryError(FollowUpDeskError):
    """The data directory cannot be created or written."""


class ContactNotFound(FollowUpDeskError):
    def __init__(self, contact_id: int) -> None:
        super().__init__(f"No contact with id {contact_id} exists (it may have been deleted).")
        self.contact_id = contact_id


class ValidationError(FollowUpDeskError):
    """Input that cannot be saved. ``errors`` maps each offending field to what is wrong."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(" ".join(self.errors.values()))
