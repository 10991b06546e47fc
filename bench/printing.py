"""Child: printing letters, from one keystroke in the editor to a hundred letters in a PDF.

    python -m bench.printing DATA_DIR [--keystrokes N] [--letters N] [--repeats N]

*Preview re-render per keystroke*: a letter is drafted for a contact (``LetterDrafter``,
untimed), then a sentence is typed into its body one character at a time. Ours, per
keystroke: ``LetterDraft.letter(body)`` + ``build_letter_document`` + ``pageCount()`` (which
forces the layout), what the letter editor's preview does on every edit. Floor: a bare
``QTextDocument`` with the same page size, ``setPlainText`` of the same letter's plain text,
``pageCount()``. Ours and floor alternate.

*Letters to one PDF*: letters drafted for the first N contacts (untimed). Ours:
``letters_pdf_bytes`` (a laid-out document per letter, painted into one ``QPdfWriter`` at
1200 dpi, text mapping fixed). Floor: one ``QPdfWriter`` with the same page and resolution,
one page per letter, each a bare ``QTextDocument`` with ``setPlainText`` of the letter's plain
text painted with ``drawContents``. Ours and floor alternate.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QRectF
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

from bench.common import NOW, ensure_offscreen, fixed_now
from bench.protocol import emit
from bench.qt_helpers import application
from desktop.domain.letters import Letter
from desktop.domain.profile import Profile
from desktop.domain.services import open_services
from desktop.domain.vocabulary import Situation
from desktop.printing.dates import qt_long_date
from desktop.printing.letter_document import build_letter_document
from desktop.printing.letter_pdf import letters_pdf_bytes
from desktop.printing.page import LAYOUT_DPI, PageSpec, default_page_spec
from desktop.printing.pdf import PDF_DPI
from desktop.printing.render import full_sheet_layout

TYPED = (
    "I also wanted to share the short write-up on fleet migrations that I mentioned, "
    "in case it helps your team plan the next quarter."
)
PROFILE = Profile(
    name="Alex Candidate",
    street="9 Elm Street",
    city="Chicago",
    region="IL",
    postal_code="60601",
    phone="(312) 555-0100",
    email="alex@example.com",
)


def floor_pdf(letters: list[Letter], page: PageSpec) -> bytes:
    """The least work that writes one page of each letter's text into one PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(full_sheet_layout(page))
    painter = QPainter(writer)
    scale = PDF_DPI / LAYOUT_DPI
    painter.scale(scale, scale)
    size = page.size_px()
    for index, letter in enumerate(letters):
        if index:
            writer.newPage()
        document = QTextDocument()
        document.setPageSize(size)
        document.setPlainText(letter.plain_text())
        document.drawContents(painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    buffer.close()
    return bytes(data.data())


def run(data_dir: Path, keystrokes: int, letter_count: int, repeats: int) -> dict[str, object]:
    application()
    page = default_page_spec()
    locale = QLocale().name()
    write_date = qt_long_date(locale)
    day = NOW.date()
    with open_services(data_dir, fixed_now) as services:
        services.profile.save(PROFILE)
        contacts = services.contacts.list_contacts()[:letter_count]
        if len(contacts) < letter_count:
            raise SystemExit(f"the data directory holds only {len(contacts)} contacts")
        situations = list(Situation)
        start = time.perf_counter()
        drafts = [
            services.drafter.draft(
                contact.id,
                day=day,
                write_date=write_date,
                situation=situations[i % len(situations)],
            )
            for i, contact in enumerate(contacts)
        ]
        drafting = time.perf_counter() - start

    # 1. One keystroke in the letter editor.
    draft = drafts[0]
    ours: list[float] = []
    floor: list[float] = []
    pages = set()
    for index in range(keystrokes):
        body = f"{draft.body}\n\n{TYPED[: index % len(TYPED) + 1]}"
        start = time.perf_counter()
        letter = draft.letter(body)
        document = build_letter_document(letter, page)
        pages.add(document.pageCount())
        ours.append(time.perf_counter() - start)

        text = letter.plain_text()
        start = time.perf_counter()
        plain = QTextDocument()
        plain.setPageSize(page.size_px())
        plain.setPlainText(text)
        plain.pageCount()
        floor.append(time.perf_counter() - start)

    # 2. Every letter into one PDF.
    letters = [d.letter() for d in drafts]
    pdf: list[float] = []
    pdf_floor: list[float] = []
    sizes: dict[str, int] = {}
    for _ in range(repeats):
        start = time.perf_counter()
        data = letters_pdf_bytes(letters, page)
        pdf.append(time.perf_counter() - start)
        start = time.perf_counter()
        plain_data = floor_pdf(letters, page)
        pdf_floor.append(time.perf_counter() - start)
        assert data is not None
        sizes = {"ours": len(data), "floor": len(plain_data)}
        pdf_pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    return {
        "keystrokes": keystrokes,
        "letters": letter_count,
        "page": page.name,
        "locale": locale,
        "page_counts": sorted(pages),
        "pdf_bytes": sizes,
        "pdf_pages": pdf_pages,
        "drafting_seconds": drafting,
        "times": {"keystroke": ours, "keystroke_floor": floor, "pdf": pdf, "pdf_floor": pdf_floor},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--keystrokes", type=int, default=200)
    parser.add_argument("--letters", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    ensure_offscreen()
    emit(run(args.data_dir, args.keystrokes, args.letters, args.repeats))


if __name__ == "__main__":
    main()
