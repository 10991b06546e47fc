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
from desktop.domain.contacts import ContactService
from desktop.domain.database import open_database
from desktop.domain.followups import FollowUpService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService


@dataclass(frozen=True)
class Services:
    data_dir: Path
    db: peewee.SqliteDatabase
    clock: Clock
    contacts: ContactService
    preferences: PreferencesService
    follow_ups: FollowUpService
    opportunities: OpportunityService

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
    return Services(
        data_dir=data_dir,
        db=db,
        clock=clock,
        contacts=ContactService(db, clock),
        preferences=preferences,
        follow_ups=FollowUpService(db, clock, preferences),
        opportunities=OpportunityService(db, clock),
    )
