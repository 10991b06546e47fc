"""Envelopes: which size, landscape, the return address top left and the delivery address
where the post office looks for it, checked on rendered pixels and on the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QTextDocument

from desktop.domain.contacts import ContactCard
from desktop.domain.letters import Sender, inside_address
from desktop.domain.profile import Envelope
from desktop.printing.envelope_document import (
    BARCODE_CLEAR_INCHES,
    EnvelopeSpec,
    build_envelope_document,
    envelope_spec,
)
from desktop.printing.letter_document import paint_page
from desktop.printing.letter_pdf import envelope_pdf_bytes
from desktop.printing.page import A4, LANDSCAPE, LAYOUT_DPI, LETTER, PageSpec
from tests.printing.test_letter_pdf import needs_poppler, pdf_info, pdf_text

SENDER = Sender(
    name="Alex Candidate",
    street="9 Elm Street",
    city="Chicago",
    region="IL",
    postal_code="60601",
    phone="(312) 555-0100",
    email="alex@example.com",
)
CARD = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Robotics",
    street="100 Main Street",
    city="Springfield",
    region="IL",
    postal_code="62701",
)
RECIPIENT = inside_address(CARD)
NUMBER_10 = envelope_spec(Envelope.COMM10, LETTER)
DL = envelope_spec(Envelope.DL, A4)


# -- which envelope ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "paper", "size_id"),
    [
        (Envelope.AUTOMATIC, LETTER, QPageSize.PageSizeId.Comm10E),
        (Envelope.AUTOMATIC, A4, QPageSize.PageSizeId.DLE),
        ("", LETTER, QPageSize.PageSizeId.Comm10E),
        (Envelope.DL, LETTER, QPageSize.PageSizeId.DLE),
        ("comm10", A4, QPageSize.PageSizeId.Comm10E),
    ],
)
def test_the_envelope_follows_the_profile_then_the_paper(
    kind: Envelope | str, paper: PageSpec, size_id: QPageSize.PageSizeId
) -> None:
    spec = envelope_spec(kind, paper)

    assert spec.size_id == size_id
    assert spec.orientation == LANDSCAPE
    assert spec.kind in (Envelope.COMM10, Envelope.DL)


def test_envelopes_lie_landscape_in_layout_pixels() -> None:
    # #10 is 4 1/8 x 9 1/2 inches, DL 110 x 220 mm; printed with the long edge across.
    assert (NUMBER_10.size_px().width(), NUMBER_10.size_px().height()) == (912, 396)
    assert (DL.size_px().width(), DL.size_px().height()) == (832, 416)
    assert NUMBER_10.name == "#10 envelope" and DL.name == "DL envelope"
    assert NUMBER_10.margin_px() == pytest.approx(0.4 * LAYOUT_DPI)


def test_an_unknown_envelope_size_is_refused() -> None:
    with pytest.raises(ValueError, match="not an envelope size"):
        envelope_spec("c5", A4)


# -- what is on it ----------------------------------------------------------------------------
def test_the_return_address_is_name_and_postal_address_without_phone_or_email() -> None:
    text = build_envelope_document(SENDER, RECIPIENT, NUMBER_10).toPlainText()

    lines = text.replace("\u2028", "\n").splitlines()
    assert lines[:3] == ["Alex Candidate", "9 Elm Street", "Chicago, IL 60601"]
    assert lines[3:] == list(RECIPIENT)
    assert "555-0100" not in text and "alex@example.com" not in text


def test_markup_in_names_prints_as_typed() -> None:
    typed = "<b>Acme</b> & {{ x }} &amp; <script>"
    document = build_envelope_document(None, ("Ms. Dana Davis", typed), NUMBER_10)

    assert typed in document.toPlainText()


def test_without_a_sender_only_the_delivery_address_is_printed() -> None:
    image = render(build_envelope_document(None, RECIPIENT, NUMBER_10), NUMBER_10)

    (only,) = blocks_of_ink(inked(image))
    assert only.left > image.width() / 3 and only.top > image.height() / 3


# -- where it is ------------------------------------------------------------------------------
class Box:
    def __init__(self, points: list[tuple[int, int]]) -> None:
        self.left = min(x for x, _ in points)
        self.right = max(x for x, _ in points)
        self.top = min(y for _, y in points)
        self.bottom = max(y for _, y in points)

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


def render(document: QTextDocument, spec: EnvelopeSpec) -> QImage:
    image = QImage(spec.size_px().toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(document, painter, 0)
    painter.end()
    return image


def inked(image: QImage) -> list[tuple[int, int]]:
    return [
        (x, y)
        for y in range(image.height())
        for x in range(image.width())
        if QColor(image.pixel(x, y)).lightness() < 160
    ]


def blocks_of_ink(points: list[tuple[int, int]], gap: int = 20) -> list[Box]:
    """The ink grouped into blocks separated by at least ``gap`` blank rows."""
    rows = sorted({y for _, y in points})
    groups: list[list[int]] = []
    for y in rows:
        if groups and y - groups[-1][-1] < gap:
            groups[-1].append(y)
        else:
            groups.append([y])
    return [Box([(x, y) for x, y in points if group[0] <= y <= group[-1]]) for group in groups]


def line_lefts(points: list[tuple[int, int]], box: Box) -> list[int]:
    """The left edge of each line of text inside ``box`` (lines split at blank rows)."""
    points = [(x, y) for x, y in points if box.top <= y <= box.bottom]
    rows = sorted({y for _, y in points})
    lines: list[list[int]] = []
    for y in rows:
        if lines and y - lines[-1][-1] <= 1:
            lines[-1].append(y)
        else:
            lines.append([y])
    return [min(x for x, y in points if line[0] <= y <= line[-1]) for line in lines]


@pytest.mark.parametrize("spec", [NUMBER_10, DL], ids=["#10", "DL"])
def test_return_address_top_left_delivery_address_right_of_and_below_centre(
    spec: EnvelopeSpec,
) -> None:
    image = render(build_envelope_document(SENDER, RECIPIENT, spec), spec)
    width, height = image.width(), image.height()
    margin = spec.margin_px()

    points = inked(image)
    sender, delivery = blocks_of_ink(points)

    # Return address: in the corner, inside the 0.4 inch margins.
    assert margin - 2 <= sender.left <= margin + 4
    assert margin - 2 <= sender.top <= margin + 8
    assert sender.right < width / 3 and sender.bottom < height / 2
    # Delivery address: about the middle, a little right of and below it.
    x, y = delivery.centre
    assert width / 2 < x < width * 0.65
    assert height / 2 < y < height * 0.7
    assert delivery.top > sender.bottom + 0.25 * LAYOUT_DPI
    assert delivery.bottom < height - BARCODE_CLEAR_INCHES * LAYOUT_DPI
    # Its lines start at one left edge.
    lefts = line_lefts(points, delivery)
    assert len(lefts) == len(RECIPIENT)
    assert max(lefts) - min(lefts) <= 3


def test_an_arabic_name_stays_in_line_with_the_rest_of_the_address() -> None:
    recipient = ("دانا", "Acme Robotics", "100 Main Street", "Springfield, IL 62701")
    image = render(build_envelope_document(SENDER, recipient, NUMBER_10), NUMBER_10)

    points = inked(image)
    _, delivery = blocks_of_ink(points)

    lefts = line_lefts(points, delivery)
    assert len(lefts) == 4
    assert max(lefts) - min(lefts) <= 3


def test_a_very_long_line_wraps_inside_the_envelope_on_one_page() -> None:
    long_company = "Consolidated International Messenger and Logistics Holdings " * 3
    document = build_envelope_document(SENDER, ("Ms. Dana Davis", long_company), NUMBER_10)
    image = render(document, NUMBER_10)

    assert document.pageCount() == 1
    _, delivery = blocks_of_ink(inked(image))
    margin = NUMBER_10.margin_px()
    assert delivery.left >= margin - 2
    assert delivery.right <= image.width() - margin + 2


# -- the PDF ----------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize(
    ("spec", "size"), [(NUMBER_10, "684 x 297 pts"), (DL, "624 x 312 pts")], ids=["#10", "DL"]
)
def test_the_envelope_pdf_is_one_landscape_envelope(
    tmp_path: Path, spec: EnvelopeSpec, size: str
) -> None:
    path = tmp_path / "envelope.pdf"
    path.write_bytes(envelope_pdf_bytes(SENDER, RECIPIENT, spec))

    info = pdf_info(path)
    assert info["Page size"] == size  # width x height: the long edge across
    assert info["Pages"] == "1"
    assert info["Title"] == "Envelope for Ms. Dana Davis"
    lines = [line.strip() for line in pdf_text(path).splitlines() if line.strip()]
    assert lines == ["Alex Candidate", "9 Elm Street", "Chicago, IL 60601", *RECIPIENT]


@needs_poppler
def test_unicode_names_on_the_envelope_read_back_exactly(tmp_path: Path) -> None:
    sender = Sender(name="Zoë Ñúñez", street="ul. Piotrkowska 1", city="Łódź")
    recipient = ("王小明", "دانا", "Łukasz Wiśniewski", "Springfield, IL 62701")
    path = tmp_path / "envelope.pdf"

    path.write_bytes(envelope_pdf_bytes(sender, recipient, DL))

    text = pdf_text(path)
    for expected in ("Zoë Ñúñez", "ul. Piotrkowska 1", "Łódź", *recipient):
        assert expected in text, expected
