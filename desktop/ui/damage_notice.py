"""What the window says when the check it runs after appearing finds the database damaged.

Start-up reads only the database's first page and schema, so that the window appears at
once; the whole file is checked on a thread afterwards (desktop.app.AppSession). Damage found
then is told here, with the same explanation as a damaged database at start
(``backup_dialogs.ask_what_to_do_with_damaged``) and the newest good backup offered.
"""

from __future__ import annotations

from datetime import tzinfo
from enum import Enum

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME
from desktop.domain.backups import BackupInfo
from desktop.domain.errors import DamagedDatabaseError
from desktop.ui.local_time import format_local


class DamageAction(Enum):
    RESTORE = "restore"  # the newest good backup replaces the database (no restart)
    LATER = "later"  # the window stays on the damaged database; the user was told


def _tr(text: str) -> str:
    return QCoreApplication.translate("DamageNotice", text)


def damage_status_message() -> str:
    """What the status bar keeps saying after the user chose to carry on."""
    return _tr(
        "The database is damaged and today's backup was not made. File ▸ Restore From "
        "Backup… goes back to a good copy."
    )


def tell_about_damage(
    parent: QWidget | None,
    error: DamagedDatabaseError,
    newest: BackupInfo | None,
    zone: tzinfo,
) -> DamageAction:
    """Say that the database is damaged, why, and offer the newest good backup."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("{app}: the database is damaged").format(app=APP_NAME))
    box.setAccessibleName(_tr("The database is damaged"))
    box.setText(_tr("A check of your database found that it is damaged."))
    details = [
        error.reason,
        "",
        _tr(
            "Some contacts, events or letters may no longer read or save correctly. Today's "
            "backup was not made, so the backups you have stay as they were."
        ),
    ]
    restore = None
    if newest is not None:
        when = format_local(newest.created_at, zone)
        count = newest.contact_count
        if count is None:
            text = _tr("\nThe newest good backup is from {when}.")
        elif count == 1:
            text = _tr("\nThe newest good backup is from {when}, with {count} contact.")
        else:
            text = _tr("\nThe newest good backup is from {when}, with {count} contacts.")
        details.append(
            text.format(when=when, count=QLocale().toString(count or 0))
            + " "
            + _tr(
                "Restoring it replaces the database with that copy; the damaged file is kept "
                "aside, as it is, in the data folder ({folder}), for a rescue later."
            ).format(folder=error.path.parent)
        )
        restore = box.addButton(_tr("Restore the Newest Backup"), QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName(_tr("Restore the newest good backup"))
        later = box.addButton(_tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
        later.setAccessibleName(_tr("Keep working on the damaged database for now"))
    else:
        details.append(
            _tr(
                "\nThere is no backup in the data folder to restore. Keep the data folder "
                "({folder}) as it is, for a rescue."
            ).format(folder=error.path.parent)
        )
        later = box.addButton(QMessageBox.StandardButton.Ok)
        later.setAccessibleName(_tr("Close this message"))
    box.setInformativeText("\n".join(details))
    box.setDefaultButton(restore or later)
    box.setEscapeButton(later)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        return DamageAction.RESTORE
    return DamageAction.LATER
