"""Letters and envelopes as PDF bytes: the same documents the preview paints and prints."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.letters import Letter, Sender
from desktop.printing.envelope_document import build_envelope_document
from desktop.printing.letter_document import build_letter_document
from desktop.printing.page import PageSpec
from desktop.printing.pdf import documents_pdf_bytes, pdf_bytes
from desktop.printing.render import Progress


def letter_title(letter: Letter) -> str:
    """ "Letter to Ms. Dana Davis": the PDF's title, and a name for the print job."""
    return f"Letter to {letter.inside_address[0]}" if letter.inside_address else "Letter"


def envelope_title(recipient_lines: tuple[str, ...]) -> str:
    return f"Envelope for {recipient_lines[0]}" if recipient_lines else "Envelope"


def letter_pdf_bytes(letter: Letter, page: PageSpec) -> bytes:
    """The PDF of one letter on ``page``, as the preview shows it."""
    return pdf_bytes(build_letter_document(letter, page), page, letter_title(letter))


def letters_pdf_bytes(
    letters: Sequence[Letter], page: PageSpec, *, progress: Progress | None = None
) -> bytes | None:
    """One PDF of every letter in turn, each starting on a new page.

    ``progress(done, total)`` is called after each letter; when it returns False the job
    stops and the result is None (nothing to write). Raises ValueError with no letters.
    """
    if not letters:
        raise ValueError("There are no letters to write.")
    title = letter_title(letters[0]) if len(letters) == 1 else f"{len(letters)} letters"
    documents = (build_letter_document(letter, page) for letter in letters)
    return documents_pdf_bytes(documents, page, title, total=len(letters), progress=progress)


def envelope_pdf_bytes(
    sender: Sender | None, recipient_lines: tuple[str, ...], spec: PageSpec
) -> bytes:
    """The PDF of the envelope (see ``envelope_document.envelope_spec`` for ``spec``)."""
    document = build_envelope_document(sender, recipient_lines, spec)
    return pdf_bytes(document, spec, envelope_title(recipient_lines))
