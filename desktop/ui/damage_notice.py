"""What the window says when the check it runs after appearing finds the database damaged.

Start-up reads only the database's first page and schema, so that the window appears at
once; the whole file is checked on a thread afterwards (desktop.app.AppSession). Damage found
then is told here, with the same explanation as a damaged database at start
(``backup_dialogs.ask_what_to_do_with_damaged``) and the newest good backup offered.
"""

from __future__ import annotations

from datetime import tzinfo
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME
from desktop.domain.backups import BackupInfo
from desktop.domain.errors import DamagedDatabaseError
from desktop.ui.local_time import format_local
from desktop.ui.translations import TranslationContext


class DamageAction(Enum):
    RESTORE = "restore"  # the newest good backup replaces the database (no restart)
    LATER = "later"  # the window stays on the damaged database; the user was told


# Module-level text, in the context lupdate reads from the name before ``.tr``.
DamageNotice = TranslationContext("DamageNotice")


def damage_status_message() -> str:
    """What the status bar keeps saying after the user chose to carry on."""
    return DamageNotice.tr(
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
    box.setWindowTitle(DamageNotice.tr("{app}: the database is damaged").format(app=APP_NAME))
    box.setAccessibleName(DamageNotice.tr("The database is damaged"))
    box.setText(DamageNotice.tr("A check of your database found that it is damaged."))
    details = [
        error.reason,
        "",
        DamageNotice.tr(
            "Some contacts, events or letters may no longer read or save correctly. Today's "
            "backup was not made, so the backups you have stay as they were."
        ),
    ]
    restore = None
    if newest is not None:
        when = format_local(newest.created_at, zone)
        count = newest.contact_count
        # English picks its own singular; each message still takes every plural form.
        if count is None:
            text = DamageNotice.tr("\nThe newest good backup is from {when}.")
        elif count == 1:
            text = DamageNotice.tr(
                "\nThe newest good backup is from {when}, with %n contact.", "", count
            )
        else:
            text = DamageNotice.tr(
                "\nThe newest good backup is from {when}, with %n contacts.", "", count
            )
        details.append(
            text.format(when=when)
            + " "
            + DamageNotice.tr(
                "Restoring it replaces the database with that copy; the damaged file is kept "
                "aside, as it is, in the data folder ({folder}), for a rescue later."
            ).format(folder=error.path.parent)
        )
        restore = box.addButton(
            DamageNotice.tr("Restore the Newest Backup"), QMessageBox.ButtonRole.AcceptRole
        )
        restore.setAccessibleName(DamageNotice.tr("Restore the newest good backup"))
        later = box.addButton(DamageNotice.tr("Not Now"), QMessageBox.ButtonRole.RejectRole)
        later.setAccessibleName(DamageNotice.tr("Keep working on the damaged database for now"))
    else:
        details.append(
            DamageNotice.tr(
                "\nThere is no backup in the data folder to restore. Keep the data folder "
                "({folder}) as it is, for a rescue."
            ).format(folder=error.path.parent)
        )
        later = box.addButton(QMessageBox.StandardButton.Ok)
        later.setAccessibleName(DamageNotice.tr("Close this message"))
    box.setInformativeText("\n".join(details))
    box.setDefaultButton(restore or later)
    box.setEscapeButton(later)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        return DamageAction.RESTORE
    return DamageAction.LATER
