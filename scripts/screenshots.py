"""Render the README's screenshots from the real main window with a few sample contacts.

    python scripts/screenshots.py            # writes docs/screenshots/*.png

Runs offscreen (no display needed) on a throw-away data directory, with a fixed date and a
US English locale so the pictures are the same on every machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from desktop.app import create_main_window, open_context
from desktop.domain.clock import fixed_clock
from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.opportunities import OpportunityDraft
from desktop.domain.profile import Profile
from desktop.domain.services import Services
from desktop.printing.letter_document import build_letter_document, paint_page
from desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
WHEN = datetime(2026, 11, 25, 19, 0, tzinfo=UTC)

SAMPLES = [
    ContactCard(
        courtesy_title="Ms.",
        given_name="Dana",
        family_name="Davis",
        job_title="Director of Engineering",
        company="Acme Robotics",
        department="Platform",
        email="dana.davis@acme.example",
        phone="+1 (555) 010-2233",
        street="500 Market Street, Suite 12",
        city="Springfield",
        region="IL",
        postal_code="62701",
        category="hiring-process",
        met_at="the Spring Tech Job Fair",
        notes="Panel interview. Asked about the warehouse-robot fleet migration.",
    ),
    ContactCard(
        courtesy_title="Mr.",
        given_name="Sam",
        family_name="Okafor",
        job_title="Recruiter",
        company="Globex",
        email="sam.okafor@globex.example",
        phone="(555) 010-7788",
        city="Chicago",
        region="IL",
        category="hiring-process",
        met_at="phone screen",
    ),
    ContactCard(
        courtesy_title="Dr.",
        given_name="Zoë",
        family_name="Ñúñez",
        job_title="Head of Research",
        company="Initech",
        city="Austin",
        region="TX",
        category="informational-interview",
        met_at="coffee at the PyTexas meetup",
    ),
    ContactCard(
        given_name="Priya",
        family_name="Raman",
        job_title="Senior Developer",
        company="Hooli",
        category="past-coworker",
        met_at="worked together 2019–2023",
    ),
    ContactCard(
        given_name="Marco",
        family_name="Bianchi",
        category="neighbor",
        notes="Knows the hiring manager at Globex.",
    ),
]


def shoot(window: QWidget, name: str) -> None:
    path = OUT / name
    window.grab().save(str(path))
    print(f"wrote {path}")


def shoot_letter(window: MainWindow, name: str) -> None:
    """Page 1 of the letter now in the composer, painted exactly as the printer gets it."""
    letter = window.letter_desk.letter()
    assert letter is not None
    page = window.letter_desk.page()
    document = build_letter_document(letter, page)
    scale = 1.0
    size = page.size_px() * scale
    image = QImage(size.toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    paint_page(document, painter, 0)
    painter.end()
    path = OUT / name
    image.save(str(path))
    print(f"wrote {path}")


LINKEDIN_SAMPLE = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Sam,Okafor,https://www.linkedin.com/in/sam-okafor,,Globex,Recruiter,01 Feb 2024
Léa,Fournier,https://www.linkedin.com/in/lea-f,lea@example.fr,Hooli,Product Manager,12 Mar 2023
Kenji,Watanabe,https://www.linkedin.com/in/kenji-w,,Initech,Staff Engineer,05 Jan 2022
Olga,Nowak,https://www.linkedin.com/in/olga-nowak,olga@nowak,Umbrella,Head of Talent,30 Sep 2021
Amara,Obi,https://www.linkedin.com/in/amara-obi,,Stark Industries,Engineering Lead,17 Jun 2025
"""


def shoot_import(services: Services, folder: Path, name: str) -> None:
    """The import preview of a small LinkedIn export: new, duplicates and rejected."""
    from desktop.ui.import_dialog import ImportDialog

    path = folder / "Connections.csv"
    path.write_text(LINKEDIN_SAMPLE, encoding="utf-8")
    dialog = ImportDialog(services.transfer, services.transfer.read(path))
    dialog.resize(820, 460)
    dialog.show()
    QApplication.processEvents()
    shoot(dialog, name)
    dialog.close()


def main() -> int:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        context = open_context(Path(tmp), fixed_clock(WHEN))
        services = context.services
        services.profile.save(
            Profile(
                name="Alex Candidate",
                street="9 Elm Street",
                city="Chicago",
                region="IL",
                postal_code="60601",
                phone="(312) 555-0100",
                email="alex.candidate@example.com",
            )
        )
        people = {c.family_name: c.id for c in map(services.contacts.add_contact, SAMPLES)}
        acme = services.opportunities.save(
            OpportunityDraft(
                company="Acme Robotics",
                position="Engineering Manager",
                status="interviewing",
                contact_ids=(people["Davis"],),
            )
        ).record
        services.follow_ups.log_event(
            EventDraft(
                kind="interview",
                occurred_at=WHEN - timedelta(hours=20),
                contact_ids=(people["Davis"], people["Okafor"]),
                discussed="the warehouse-robot fleet migration and the on-call rotation",
                opportunity_id=acme.id,
            )
        )
        services.follow_ups.log_event(
            EventDraft(
                kind="informational",
                occurred_at=WHEN - timedelta(days=2),
                contact_ids=(people["Ñúñez"],),
            )
        )
        services.follow_ups.log_event(
            EventDraft(
                kind="help", occurred_at=WHEN + timedelta(days=1), contact_ids=(people["Raman"],)
            )
        )
        window = create_main_window(context)
        window.resize(1360, 860)
        window.main_splitter.setSizes([560, 800])
        window.right_splitter.setSizes([470, 390])
        window.show()
        window.reload_contacts()
        window.select_contact(people["Davis"])
        window.statusBar().showMessage("Saved Ms. Dana Davis")
        app.processEvents()
        window.left_tabs.setCurrentWidget(window.contacts_pane)
        app.processEvents()
        shoot(window, "main-window.png")
        window.show_today()
        window.today_view.table.selectRow(1)  # Ms. Davis, after the interview
        app.processEvents()
        shoot(window, "today.png")
        shoot_letter(window, "letter.png")
        shoot_import(services, Path(tmp), "import.png")
        window.close()
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
