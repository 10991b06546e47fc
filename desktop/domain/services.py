"""The domain services for one data directory, built once and closed together.

The window and the command line both start here, so they read the same database through the
same rules; nothing in this module needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import peewee

from desktop.domain.clock import Clock, system_clock
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import ContactService
from desktop.domain.database import open_database
from desktop.domain.errors import BackupError
from desktop.domain.followups import FollowUpService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService

if TYPE_CHECKING:
    from desktop.domain.backups import BackupService
    from desktop.domain.card_entry import CardEntry
    from desktop.domain.card_photos import CardPhotoService
    from desktop.domain.compose import LetterDrafter
    from desktop.domain.contact_transfer import ContactTransfer
    from desktop.domain.letter_history import LetterService
    from desktop.domain.profile import ProfileService
    from desktop.domain.template_store import TemplateService


@dataclass(frozen=True)
class Services:
    data_dir: Path
    db: peewee.SqliteDatabase
    clock: Clock
    contacts: ContactService
    directory: ContactDirectory
    preferences: PreferencesService
    follow_ups: FollowUpService
    opportunities: OpportunityService
    # Why today's automatic backup could not be written (a full disk, say), for the window
    # to show; None when it was written or was not due.
    backup_warning: str | None = None

    # The services the window's lists do not need are built on first use: the window
    # shows the contacts before the card, the letters and the backups are loaded.
    # (cached_property writes to the instance dict directly, which a frozen dataclass
    # allows.)
    @cached_property
    def backups(self) -> BackupService:
        from desktop.domain.backups import BackupService

        return BackupService(self.db, self.data_dir, self.clock)

    @cached_property
    def card_photos(self) -> CardPhotoService:
        from desktop.domain.card_photos import CardPhotoService

        return CardPhotoService(self.db, self.clock)

    @cached_property
    def transfer(self) -> ContactTransfer:
        from desktop.domain.contact_transfer import ContactTransfer

        return ContactTransfer(self.db, self.clock, self.directory, self.backups)

    @cached_property
    def profile(self) -> ProfileService:
        from desktop.domain.profile import ProfileService

        return ProfileService(self.db)

    @cached_property
    def templates(self) -> TemplateService:
        from desktop.domain.template_store import TemplateService

        return TemplateService(self.db, self.clock)

    @cached_property
    def letters(self) -> LetterService:
        from desktop.domain.letter_history import LetterService

        return LetterService(self.db, self.clock, self.follow_ups)

    @cached_property
    def card_entry(self) -> CardEntry:
        """New cards saved with the event they come from (the card form's Save and next)."""
        from desktop.domain.card_entry import CardEntry

        return CardEntry(self.db, self.contacts, self.follow_ups)

    @cached_property
    def drafter(self) -> LetterDrafter:
        from desktop.domain.compose import LetterDrafter

        return LetterDrafter(self.contacts, self.follow_ups, self.templates, self.profile)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_services(
    data_dir: Path, clock: Clock = system_clock, *, daily_backup: bool = True
) -> Services:
    """Open (creating or upgrading) the database in ``data_dir``, and write today's backup if
    it is due (``daily_backup``: the window does it itself, after it has appeared). Raises
    FollowUpDeskError (DamagedDatabaseError: see desktop.domain.database)."""
    db = open_database(data_dir, clock)
    backup_warning: str | None = None
    if daily_backup:
        from desktop.domain.backups import BackupService

        try:
            BackupService(db, data_dir, clock).daily_if_due(clock())
        except BackupError as exc:
            # A full disk must not keep anyone from their contacts; the window says so.
            backup_warning = str(exc)
        except BaseException:
            db.close()
            raise
    preferences = PreferencesService(db)
    follow_ups = FollowUpService(db, clock, preferences)
    contacts = ContactService(db, clock)
    directory = ContactDirectory(db, clock)
    return Services(
        data_dir=data_dir,
        db=db,
        clock=clock,
        contacts=contacts,
        directory=directory,
        preferences=preferences,
        follow_ups=follow_ups,
        opportunities=OpportunityService(db, clock),
        backup_warning=backup_warning,
    )
