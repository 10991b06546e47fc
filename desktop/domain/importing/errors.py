"""What can go wrong with an import as a whole, as sentences a user can act on."""

from __future__ import annotations

from desktop.domain.errors import FollowUpDeskError


class ImportFileError(FollowUpDeskError):
    """A file that cannot be imported at all. The message names the file and says why."""


class ImportCancelled(FollowUpDeskError):
    """The user stopped an import; the database is exactly as it was before."""

    def __init__(self) -> None:
        super().__init__("The import was cancelled; no contacts were added or changed.")
