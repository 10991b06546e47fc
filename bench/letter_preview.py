"""Child: the letter preview, rebuilt on every keystroke.

    python -m bench.letter_preview DATA_DIR [--keystrokes N]

A card is "typed" one character at a time (company, then job title, department, where you
met). Ours, per keystroke: ``thank_you_letter`` + ``build_letter_document`` + ``pageCount()``
(which forces the layout), exactly what the window does on every edit. Floor: a bare
``QTextDocument`` with the same page size, ``setPlainText`` of the same letter's plain text,
``pageCount()``. Ours and floor alternate.

Also the whole keystroke in a shown MainWindow (one character typed with ``QTest.keyClicks``
into the Company field, then the event loop until the preview has repainted), against the
same key typed into a bare ``QLineEdit`` in a window of the same size.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow

from bench.common import NOW, ensure_offscreen, fixed_now
from bench.protocol import emit
from bench.qt_helpers import application, show_and_settle
from desktop.app import create_main_window, open_context
from desktop.domain.contacts import ContactCard
from desktop.domain.letters import thank_you_letter
from desktop.printing.dates import qt_long_date
from desktop.printing.letter_document import build_letter_document
from desktop.printing.page import default_page_spec

BASE = ContactCard(courtesy_title="Ms.", given_name="Dana", family_name="Davis")
TYPED = (
    ("company", "Northwind Traders International"),
    ("job_title", "Director of Platform Engineering"),
    ("department", "Developer Experience"),
    ("met_at", "the spring job fair in Springfield"),
    ("street", "1200 Harbor Boulevard, Suite 400"),
    ("city", "Springfield"),
)


def keystrokes(count: int) -> Iterator[ContactCard]:
    """The card after each of ``count`` keystrokes; starts over when the text runs out."""
    produced = 0
    while True:
        card = BASE
        for field, text in TYPED:
            for length in range(1, len(text) + 1):
                yield dataclasses.replace(card, **{field: text[:length]})
                produced += 1
                if produced == count:
                    return
            card = dataclasses.replace(card, **{field: text})


def run(data_dir: Path, count: int) -> dict[str, object]:
    app = application()
    page = default_page_spec()
    locale = QLocale().name()
    write_date = qt_long_date(locale)
    today = NOW.date()

    ours: list[float] = []
    letter_only: list[float] = []
    floor: list[float] = []
    pages = set()
    for card in keystrokes(count):
        start = time.perf_counter()
        letter = thank_you_letter(card.normalised(), on=today, write_date=write_date)
        worded = time.perf_counter()
        document = build_letter_document(letter, page)
        pages.add(document.pageCount())
        done = time.perf_counter()
        ours.append(done - start)
        letter_only.append(worded - start)

        text = letter.plain_text()
        start = time.perf_counter()
        plain = QTextDocument()
        plain.setPageSize(page.size_px())
        plain.setPlainText(text)
        plain.pageCount()
        floor.append(time.perf_counter() - start)

    # The whole keystroke, in the real window and in a bare one of the same size.
    context = open_context(data_dir, clock=fixed_now)
    window = create_main_window(context)
    show_and_settle(window)
    window.card_form.load(BASE)
    window.card_form.card_edited.emit()  # as after typing the name: the preview shows
    app.processEvents()
    company = window.card_form.fields["company"]

    bare = QMainWindow()
    bare_edit = QLineEdit()
    bare.setCentralWidget(bare_edit)
    bare.resize(window.size())
    show_and_settle(bare)

    typed = "".join(text for _, text in TYPED)
    in_window: list[float] = []
    in_bare: list[float] = []
    for index in range(count):
        char = typed[index % len(typed)]
        if index % len(TYPED[0][1]) == 0:  # start the field over, as a user retyping it
            company.clear()
            bare_edit.clear()
            app.processEvents()
        start = time.perf_counter()
        QTest.keyClicks(company, char)
        app.processEvents()
        in_window.append(time.perf_counter() - start)
        start = time.perf_counter()
        QTest.keyClicks(bare_edit, char)
        app.processEvents()
        in_bare.append(time.perf_counter() - start)
    if window.letter_preview.page_count() < 1 or not company.text():
        raise SystemExit("typing did not reach the form or the preview")
    bare.close()
    context.close()
    return {
        "keystrokes": count,
        "page_counts": sorted(pages),
        "page": page.name,
        "locale": locale,
        "times": {
            "ours": ours,
            "letter_only": letter_only,
            "floor": floor,
            "window": in_window,
            "window_floor": in_bare,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--keystrokes", type=int, default=200)
    args = parser.parse_args()
    ensure_offscreen()
    emit(run(args.data_dir, args.keystrokes))


if __name__ == "__main__":
    main()
