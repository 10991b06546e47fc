"""The domain services for one data directory, built once and closed together.

The window and the command line both start here, so they read the same database through the
same rules; nothing in this module needs Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import peewee

from desktop.domain.clock import Clock, system_clock
from desktop.domain.compose import LetterDrafter
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contact_transfer import ContactTransfer
from desktop.domain.contacts import ContactService
from desktop.domain.database import open_database
from desktop.domain.followups import FollowUpService
from desktop.domain.letter_history import LetterService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService
from desktop.domain.profile import ProfileService
from desktop.domain.template_store import TemplateService


@dataclass(frozen=True)
class Services:
    data_dir: Path
    db: peewee.SqliteDatabase
    clock: Clock
    contacts: ContactService
    directory: ContactDirectory
    transfer: ContactTransfer
    preferences: PreferencesService
    follow_ups: FollowUpService
    opportunities: OpportunityService
    profile: ProfileService
    templates: TemplateService
    letters: LetterService
    drafter: LetterDrafter

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


def open_services(data_dir: Path, clock: Clock = system_clock) -> Services:
    """Open (creating or upgrading) the database in ``data_dir``. Raises FollowUpDeskError."""
    db = open_database(data_dir)
    preferences = PreferencesService(db)
    follow_ups = FollowUpService(db, clock, preferences)
    contacts = ContactService(db, clock)
    directory = ContactDirectory(db, clock)
    profile = ProfileService(db)
    templates = TemplateService(db, clock)
    return Services(
        data_dir=data_dir,
        db=db,
        clock=clock,
        contacts=contacts,
        directory=directory,
        transfer=ContactTransfer(db, clock, directory),
        preferences=preferences,
        follow_ups=follow_ups,
        opportunities=OpportunityService(db, clock),
        profile=profile,
        templates=templates,
        letters=LetterService(db, clock, follow_ups),
        drafter=LetterDrafter(contacts, follow_ups, templates, profile),
    )
