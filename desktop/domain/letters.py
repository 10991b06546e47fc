"""Letters as structured text: what goes on the page, before any layout.

A ``Letter`` holds the parts of a US block-format business letter. Layout (fonts, margins,
pages) belongs to ``desktop.printing``; this module only decides the words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from desktop.domain.contacts import ContactCard
from desktop.domain.english_dates import english_long_date
from desktop.domain.templates import (
    LetterContext,
    bundled_template,
    end_sentence,
    render_body,
)

__all__ = [
    "DateWriter",
    "Letter",
    "Sender",
    "compose_letter",
    "end_sentence",
    "english_long_date",
    "thank_you_letter",
]

# Writes a day the way the letter is dated ("November 25, 2026", "25. November 2026"). The
# caller picks the language: the domain holds no locale data (the GUI and the command line
# pass ``desktop.printing.dates.qt_long_date``, built on Qt's own CLDR tables), and
# ``english_long_date`` is the plain-code US default for tests and scripts.
DateWriter: TypeAlias = Callable[[date], str]
NEUTRAL_SALUTATION = "Dear Hiring Manager:"
DEFAULT_CLOSING = "Sincerely,"


@dataclass(frozen=True, kw_only=True)
class Sender:
    """The person writing: printed above the date and typed under the signature."""

    name: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    phone: str = ""
    email: str = ""
    closing: str = DEFAULT_CLOSING


@dataclass(frozen=True, kw_only=True)
class Letter:
    sender_block: tuple[str, ...]
    date_line: str
    inside_address: tuple[str, ...]
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature_name: str

    def plain_text(self) -> str:
        """The letter as plain text, blocks separated by blank lines (for copy and email)."""
        blocks: list[str] = []
        if self.sender_block:
            blocks.append("\n".join(self.sender_block))
        blocks.append(self.date_line)
        if self.inside_address:
            blocks.append("\n".join(self.inside_address))
        blocks.append(self.salutation)
        blocks.extend(self.paragraphs)
        closing = self.closing
        if self.signature_name:
            closing += "\n\n\n" + self.signature_name
        blocks.append(closing)
        return "\n\n".join(blocks) + "\n"


def locality_line(city: str, region: str, postal_code: str) -> str:
    """ "City, ST 12345", leaving out whatever is missing without stray punctuation."""
    tail = " ".join(part for part in (region, postal_code) if part)
    return ", ".join(part for part in (city, tail) if part)


def address_lines(
    street: str, city: str, region: str, postal_code: str, country: str
) -> tuple[str, ...]:
    lines = [line.strip() for line in street.splitlines()]
    lines.append(locality_line(city, region, postal_code))
    lines.append(country)
    return tuple(line for line in lines if line)


def inside_address(card: ContactCard) -> tuple[str, ...]:
    """Name, title, department, company and postal address, as on the envelope."""
    lines = [card.formal_name, card.job_title, card.department, card.company]
    lines = [line for line in lines if line]
    return (
        *lines,
        *address_lines(card.street, card.city, card.region, card.postal_code, card.country),
    )


def salutation(card: ContactCard) -> str:
    """ "Dear Ms. Davis:" with a title, "Dear Dana Davis:" without, neutral with no name."""
    if card.courtesy_title and card.family_name:
        return f"Dear {card.courtesy_title} {card.family_name}:"
    if card.full_name:
        return f"Dear {card.full_name}:"
    return NEUTRAL_SALUTATION


def sender_block(sender: Sender | None) -> tuple[str, ...]:
    if sender is None:
        return ()
    lines = (
        *address_lines(
            sender.street, sender.city, sender.region, sender.postal_code, sender.country
        ),
        sender.phone,
        sender.email,
    )
    return tuple(line for line in lines if line)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; single line breaks inside one are joined by a space."""
    paragraphs = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for chunk in _PARAGRAPH_BREAK.split(text):
        lines = [line.strip() for line in chunk.splitlines()]
        paragraph = " ".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return tuple(paragraphs)


def email_text(letter: Letter) -> str:
    """The letter as an email body: no postal blocks, which an email does not carry."""
    blocks = [letter.salutation, *letter.paragraphs]
    closing = letter.closing
    if letter.signature_name:
        closing += "\n" + letter.signature_name
    blocks.append(closing)
    return "\n\n".join(blocks) + "\n"


def compose_letter(
    card: ContactCard,
    body: str,
    *,
    on: date,
    write_date: DateWriter,
    sender: Sender | None = None,
) -> Letter:
    """A block-format letter to the person on ``card`` with ``body`` as its paragraphs,
    dated ``on`` as ``write_date`` writes it."""
    return Letter(
        sender_block=sender_block(sender),
        date_line=write_date(on),
        inside_address=inside_address(card),
        salutation=salutation(card),
        paragraphs=split_paragraphs(body),
        closing=sender.closing if sender and sender.closing else DEFAULT_CLOSING,
        signature_name=sender.name if sender else "",
    )


def thank_you_letter(
    card: ContactCard, *, on: date, write_date: DateWriter, sender: Sender | None = None
) -> Letter:
    """A general thank-you letter to the person on ``card``, dated ``on``."""
    body = render_body(bundled_template("thank-you.j2"), LetterContext(contact=card))
    return compose_letter(card, body, on=on, write_date=write_date, sender=sender)
