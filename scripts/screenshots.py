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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale
from PySide6.QtGui import QColor, QFont, QImage, QPainter
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
from desktop.ui.theme import apply_theme

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


def card_photo_png() -> bytes:
    """A photo of a business card, drawn here so the script needs no image files."""
    image = QImage(700, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#d8d2c4"))  # the table the card lies on
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#fbfaf6"))
    painter.setPen(QColor("#b9b2a3"))
    painter.drawRoundedRect(60, 45, 580, 310, 10, 10)
    painter.setPen(QColor("#1f3a5f"))
    font = QFont("Noto Serif", 26, QFont.Weight.Bold)
    painter.setFont(font)
    painter.drawText(100, 130, "Dana Davis")
    painter.setFont(QFont("Noto Sans", 15))
    painter.drawText(100, 165, "Director of Engineering · Platform")
    painter.setPen(QColor("#333333"))
    painter.setFont(QFont("Noto Sans", 13))
    for row, line in enumerate(
        (
            "Acme Robotics",
            "500 Market Street, Suite 12",
            "Springfield, IL 62701",
            "+1 (555) 010-2233 · dana.davis@acme.example",
        )
    ):
        painter.drawText(100, 230 + row * 28, line)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def shoot_first_run(app: QApplication, folder: Path) -> None:
    """A new user's first look: the empty list saying how to begin, and the guide."""
    context = open_context(folder / "first-run", fixed_clock(WHEN))
    window = create_main_window(context)
    window.resize(1360, 860)
    window.show()
    app.processEvents()
    shoot(window, "first-run.png")
    from desktop.ui.guide_window import GuideSection, open_guide

    guide = open_guide(window)
    guide.resize(980, 700)
    app.processEvents()
    guide.show_section(GuideSection.AFTER_INTERVIEW)
    app.processEvents()
    shoot(guide, "guide.png")
    guide.close()
    window.close()
    context.close()


def shoot_card_entry(app: QApplication, window: MainWindow) -> None:
    """The next card of an interview day: event box ticked, the card's photo beside the
    form, and the look-alike warning while typing a name already saved."""
    window.new_action.trigger()
    form = window.card_form
    form.fields["company"].setText("Acme Robotics")
    form.fields["street"].setText("500 Market Street, Suite 12")
    form.fields["city"].setText("Springfield")
    form.fields["region"].setText("IL")
    form.fields["postal_code"].setText("62701")
    window.card_event_box.setChecked(True)
    window.card_event_box.discussed.setText("the fleet migration and the on-call rotation")
    form.fields["given_name"].setText("Dana")
    form.fields["family_name"].setText("Davis")
    form.fields["job_title"].setText("Director of Engineering")
    window.card_photo.set_photo(card_photo_png(), "image/png")
    window._look_for_similar()
    window._on_card_edited()  # the letter follows the card, as it does while typing
    window.statusBar().showMessage(
        "Saved Mr. Sam Okafor, with a follow-up due by Nov 26, 2026, 7:00 PM. "
        "Next card: type the name."
    )
    window.right_splitter.setSizes([700, 160])
    app.processEvents()
    shoot(window, "card-entry.png")
    from desktop.domain.card_text import recognise_card_text
    from desktop.ui.paste_card_dialog import PasteCardDialog

    form.load(None)  # a blank card: everything read is ticked, ready to fill in
    dialog = PasteCardDialog(recognise_card_text(PASTED_SIGNATURE), form.card(), window)
    dialog.show()
    app.processEvents()
    shoot(dialog, "paste-signature.png")
    dialog.close()
    form.load(None)
    window.card_photo.clear()
    window.right_splitter.setSizes([470, 390])


PASTED_SIGNATURE = """Thanks again for coming in today!

Priya Raman
Senior Developer | Hooli
1600 Amphitheatre Way, Floor 3
Mountain View, CA 94043
M: (650) 555-0142
priya.raman@hooli.example
www.hooli.example

Sent from my iPhone
"""


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
        apply_theme(app, "light")
        app.processEvents()
        shoot(window, "main-window.png")
        apply_theme(app, "dark")
        app.processEvents()
        shoot(window, "main-window-dark.png")
        apply_theme(app, "light")
        app.processEvents()
        window.show_today()
        window.today_view.table.selectRow(1)  # Ms. Davis, after the interview
        app.processEvents()
        shoot(window, "today.png")
        shoot_letter(window, "letter.png")
        shoot_import(services, Path(tmp), "import.png")
        window.left_tabs.setCurrentWidget(window.contacts_pane)
        shoot_card_entry(app, window)
        window.close()
        context.close()
        shoot_first_run(app, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
