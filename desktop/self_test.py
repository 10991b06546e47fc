"""``followup-desk --self-test``: prove an installed (or frozen) app works, end to end.

On a temporary data folder it does what a user's first evening does: saves a business card,
logs an interview, searches for the person, drafts the thank-you letter and renders it and
its envelope to PDF, and exports the contact as a vCard that imports back. It exits 0, or 1
with the step that failed and why. It needs no display (Qt's offscreen platform), so an
installer pipeline can run it on a build machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop import __version__


def run_self_test() -> int:
    """Run every step; print one line per step; return the exit code."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["followup-desk", "-platform", "offscreen"])
    with tempfile.TemporaryDirectory(prefix="followup-desk-self-test-") as folder:
        name = "opening a database"
        steps: _Steps | None = None
        try:
            steps = _Steps(Path(folder))
            for name, step in steps.all():
                detail = step()
                print(f"ok   {name}: {detail}", flush=True)
        except Exception as exc:  # the point is to report any failure, whatever it is
            print(f"FAIL {name}: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            traceback.print_exc()
            return 1
        finally:
            if steps is not None:
                steps.close()
    del app
    print(f"Follow-Up Desk {__version__}: self-test passed.")
    return 0


class _Steps:
    def __init__(self, folder: Path) -> None:
        from desktop.domain.services import open_services

        self.folder = folder
        self.now = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)
        self.services = open_services(folder / "data", lambda: self.now)
        self.contact_id = 0

    def close(self) -> None:
        self.services.close()

    def all(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("database", self.database),
            ("business card", self.card),
            ("interview", self.interview),
            ("search", self.search),
            ("letter and envelope", self.letter),
            ("vCard export and import", self.vcard),
            ("card photo", self.photo),
            ("follow-up guide", self.guide),
        ]

    def database(self) -> str:
        from desktop.domain.migrations import SCHEMA_VERSION, schema_version

        version = schema_version(self.services.db)
        if version != SCHEMA_VERSION:
            raise AssertionError(f"schema {version}, expected {SCHEMA_VERSION}")
        return f"created at schema v{version}"

    def card(self) -> str:
        from desktop.domain.contacts import ContactCard

        record = self.services.contacts.add_contact(
            ContactCard(
                courtesy_title="Ms.",
                given_name="Zoë",
                family_name="Ölund",
                job_title="Director of Engineering",
                company="Acme Robotics",
                email="zoe.olund@example.com",
                street="500 Market Street",
                city="Springfield",
                region="IL",
                postal_code="62701",
            )
        )
        self.contact_id = record.id
        return f"saved {record.formal_name}"

    def interview(self) -> str:
        from desktop.domain.followups import EventDraft

        logged = self.services.follow_ups.log_event(
            EventDraft(
                kind="interview",
                occurred_at=self.now - timedelta(hours=2),
                contact_ids=(self.contact_id,),
                discussed="the fleet migration",
            )
        )
        owed = self.services.follow_ups.agenda(self.now).owed_count
        if owed != 1:
            raise AssertionError(f"{owed} follow-ups due, expected 1")
        return f"event {logged.event_id}, 1 follow-up due"

    def search(self) -> str:
        from desktop.domain.contact_search import ContactFilter

        found = self.services.directory.matching_ids(ContactFilter(text="zoe fleet"))
        if found != [self.contact_id]:
            raise AssertionError(f"search found {found}")
        return "“zoe fleet” finds her"

    def letter(self) -> str:
        from desktop.domain.english_dates import english_long_date
        from desktop.domain.profile import Envelope
        from desktop.printing.dates import qt_long_date
        from desktop.printing.envelope_document import envelope_spec
        from desktop.printing.letter_pdf import envelope_pdf_bytes, letter_pdf_bytes
        from desktop.printing.page import LETTER

        draft = self.services.drafter.draft(
            self.contact_id, day=self.now.date(), write_date=qt_long_date("en_US")
        )
        letter = draft.letter()
        # Qt's locale tables are in the bundle: the date is written out, not left as numbers.
        if letter.date_line != english_long_date(self.now.date()):
            raise AssertionError(f"the letter is dated {letter.date_line!r}")
        if "Ölund" not in "\n".join(letter.inside_address):
            raise AssertionError("the inside address lost the name")
        pdf = letter_pdf_bytes(letter, LETTER)
        envelope = envelope_pdf_bytes(
            draft.sender, letter.inside_address, envelope_spec(Envelope.AUTOMATIC, LETTER)
        )
        for name, data in (("letter", pdf), ("envelope", envelope)):
            if not data.startswith(b"%PDF") or len(data) < 1000:
                raise AssertionError(f"the {name} PDF is not a PDF ({len(data)} bytes)")
            (self.folder / f"{name}.pdf").write_bytes(data)
        return f"letter {len(pdf):,} bytes, envelope {len(envelope):,} bytes"

    def photo(self) -> str:
        """A JPEG photo of the card, made and read back through Qt's image plugins (a
        bundle without the JPEG plugin could not show the photos people attach)."""
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice
        from PySide6.QtGui import QColor, QImage

        from desktop.domain.card_photos import PhotoUpload

        image = QImage(64, 40, QImage.Format.Format_RGB32)
        image.fill(QColor("teal"))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # PySide6 takes the format as str at run time; its stubs say bytes, which it refuses.
        if not image.save(buffer, "JPG"):  # type: ignore[call-overload]
            raise AssertionError("JPEG cannot be written: the image plugin is missing")
        record = self.services.contacts.get_contact(self.contact_id)
        self.services.contacts.update_contact(
            self.contact_id, record.card, photo=PhotoUpload(bytes(data.data()), "image/jpeg")
        )
        stored = self.services.card_photos.get(self.contact_id)
        if stored is None or QImage.fromData(stored.data).size() != image.size():
            raise AssertionError("the stored photo does not read back")
        return f"{stored.size} bytes stored and read back"

    def guide(self) -> str:
        from importlib import resources

        text = resources.files("desktop.resources").joinpath("guide/follow-up-guide.md")
        guide = text.read_text(encoding="utf-8")
        if "24 to 36 hours" not in guide:
            raise AssertionError("the guide is missing or incomplete")
        return f"{len(guide.split())} words"

    def vcard(self) -> str:
        from desktop.domain.exporting import ExportFormat
        from desktop.domain.importing import mapping_for, plan_import, read_import_file

        path = self.folder / "contacts.vcf"
        count = self.services.transfer.export([self.contact_id], path, ExportFormat.VCARD)
        source = read_import_file(path)
        plan = plan_import(self.services.db, source, mapping_for(source))
        if count != 1 or len(plan.duplicates) != 1 or plan.rejected:
            raise AssertionError(f"exported {count}; read back {plan}")
        return "1 card written, read back as the same person"
