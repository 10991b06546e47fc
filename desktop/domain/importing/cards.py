"""One record of a file, through its mapping, to a card that can be saved, or to the
reason it cannot. Nothing a column holds is dropped unless the mapping says to ignore it:
what has no place on the card goes to its notes as "Column: value"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain.categories import Category
from desktop.domain.contacts import ContactCard, validate_card
from desktop.domain.importing.cell_values import (
    address_group,
    courtesy_title,
    parse_date,
    resolve_category,
    split_full_name,
)
from desktop.domain.importing.mapping import FULL_NAME, NOTES
from desktop.domain.importing.source import SourceKind, SourceRow


@dataclass(frozen=True)
class Candidate:
    """A card ready to save, from the record that starts on ``line``.

    ``provided`` names the fields the file itself gave (not defaults): updating an
    existing contact overwrites only those.
    """

    line: int
    card: ContactCard
    provided: frozenset[str] = field(default=frozenset(), compare=False)


@dataclass(frozen=True)
class Rejection:
    """A record that cannot become a contact; ``reason`` starts with "line N: "."""

    line: int
    reason: str


_ADDRESS_FIELDS = ("street", "city", "region", "postal_code", "country")
_ONE_LINE_FIELDS = frozenset(
    {"given_name", "family_name", "job_title", "company", "department", "met_at"}
)
_SEVERAL = re.compile(r"\s*:::\s*")  # Google puts several values in one cell like this
_EMAIL_SEPARATORS = re.compile(r"\s*(?::::|[;,\s])\s*")
_NO_DATE = re.compile(r"0+[/.-]0+[/.-]0+")  # Outlook's empty birthday, "0/0/00"
_EXACT_FORMATS = frozenset({SourceKind.FOLLOWUP_DESK, SourceKind.VCARD})
# Fields the known formats fill when the file does not.
_FORMAT_DEFAULTS: dict[SourceKind, dict[str, str]] = {
    SourceKind.LINKEDIN: {"met_at": "LinkedIn", "category": Category.PROFESSIONAL_NETWORK.value},
}


def _one_line(text: str) -> str:
    if text.isprintable():  # no line breaks of any kind (nor tabs): nearly every cell
        return text.strip()
    return ", ".join(part.strip() for part in text.splitlines() if part.strip())


class _Draft:
    """A card being filled in, column by column."""

    def __init__(self, exact: bool) -> None:
        # Our own formats hold one value per field as typed: nothing to split or join.
        self.exact = exact
        self.fields: dict[str, Any] = {}
        self.provided: set[str] = set()
        self.met_on: date | None = None
        self.body: list[str] = []  # the notes the file had
        self.appended: list[str] = []  # "Column: value" for what has no place
        self.full_names: list[tuple[str, str]] = []
        self.categories: list[tuple[str, str]] = []
        self.addresses: dict[str, dict[str, tuple[str, str]]] = {}
        self.email_column = ""

    def note(self, column: str, value: str) -> None:
        self.appended.append(f"{column}: {value}")

    def set(self, name: str, column: str, value: str) -> None:
        """Fill ``name`` if it is still empty, else keep the value in the notes."""
        if self.fields.get(name):
            self.note(column, value)
        else:
            self.fields[name] = value
            self.provided.add(name)

    def take(self, column: str, target: str, raw: str) -> None:
        value = raw.strip()
        one_line = value if self.exact else _one_line(value)
        if target.startswith(NOTES):
            if not _NO_DATE.fullmatch(value):
                self.note(target.removeprefix(NOTES) or column, value)
        elif target == "notes":
            self.body.append(raw)
        elif target == FULL_NAME:
            self.full_names.append((column, one_line))
        elif target == "category":
            self.categories.append((column, one_line))
        elif target == "email" and self.exact:
            self.email_column = column
            self.set(target, column, value)
        elif target == "email":
            self._take_emails(column, value)
        elif target == "phone":
            first, *others = [one_line] if self.exact else _SEVERAL.split(one_line)
            self.set("phone", column, first)
            if others:
                self.note(column, ", ".join(others))
        elif target in _ADDRESS_FIELDS:
            group = self.addresses.setdefault(address_group(column), {})
            if target in group:
                self.note(column, value)
            else:
                group[target] = (column, one_line)
        elif target == "courtesy_title":
            title = courtesy_title(value)
            if title and not self.fields.get(target):
                self.set(target, column, title)
            else:
                self.note(column, value)
        elif target == "met_on":
            day = parse_date(value)
            if day and self.met_on is None:
                self.met_on = day
                self.provided.add(target)
            else:
                self.note(column, value)
        elif target in _ONE_LINE_FIELDS:
            self.set(target, column, one_line)

    def _take_emails(self, column: str, value: str) -> None:
        if value.startswith("/o="):  # an Exchange-internal address, not an email
            self.note(column, value)
            return
        addresses = [a.removeprefix("mailto:") for a in _EMAIL_SEPARATORS.split(value) if a]
        if not addresses:
            return
        if not self.fields.get("email"):
            self.email_column = column
            self.set("email", column, addresses.pop(0))
        if addresses:
            self.note(column, ", ".join(addresses))

    def settle_address(self) -> None:
        """The first address with anything in it fills the card; others go to the notes."""
        chosen = False
        for group in self.addresses.values():
            if not chosen and any(value for _column, value in group.values()):
                for name, (_column, value) in group.items():
                    self.set(name, _column, value)
                chosen = True
            else:
                for column, value in group.values():
                    if value:
                        self.note(column, value)

    def settle_name(self) -> None:
        if self.fields.get("given_name") or self.fields.get("family_name"):
            return
        for column, full_name in self.full_names:
            title, given, family = split_full_name(full_name)
            if not (given or family):
                continue
            if given:
                self.set("given_name", column, given)
            if family:
                self.set("family_name", column, family)
            if title:
                known = courtesy_title(title)
                if known and not self.fields.get("courtesy_title"):
                    self.set("courtesy_title", column, known)
                else:
                    self.note(column, full_name)
            return

    def settle_category(self, kind: SourceKind, default: Category | None) -> str:
        found: Category | None = None
        for column, text in self.categories:
            category, leftover = resolve_category(text)
            if category and found is None:
                found = category
            elif category:
                leftover = text
            if leftover:
                self.note(column, leftover)
        if found:
            self.provided.add("category")
            return found.value
        if default is not None:
            return default.value
        fixed = _FORMAT_DEFAULTS.get(kind, {}).get("category")
        if fixed:
            self.provided.add("category")
            return fixed
        return Category.OTHER.value


def build_card(
    row: SourceRow,
    mapping: Mapping[str, str | None],
    kind: SourceKind,
    default_category: Category | None = None,
) -> Candidate | Rejection:
    """The card a record makes through ``mapping``, or why it cannot make one."""
    line = row.line
    if row.problem:
        return Rejection(line, f"line {line}: {row.problem}")
    draft = _Draft(exact=kind in _EXACT_FORMATS)
    for column, raw in row.values.items():
        target = mapping.get(column)
        # Notes of nothing but blanks are still someone's notes (and must survive a round trip).
        if target is not None and (raw.strip() or (target == "notes" and raw)):
            draft.take(column, target, raw)
    draft.settle_address()
    draft.settle_name()
    if not (draft.fields.get("given_name") or draft.fields.get("family_name")):
        return Rejection(line, f"line {line}: no given or family name")
    category = draft.settle_category(kind, default_category)
    for name, value in _FORMAT_DEFAULTS.get(kind, {}).items():
        if name != "category" and not draft.fields.get(name):
            draft.set(name, "", value)
    if row.extra:
        draft.note("Extra cells past the last column", " | ".join(row.extra))
    notes = "\n".join(part for part in (*draft.body, *draft.appended) if part)
    if notes:
        draft.provided.add("notes")
    # What ContactCard.normalised() does, without building the card twice (30,000 rows).
    fields: dict[str, Any] = {name: value.strip() for name, value in draft.fields.items()}
    card = ContactCard(**fields, category=category, met_on=draft.met_on, notes=notes)
    errors = validate_card(card)
    if "email" in errors:
        where = f" (column “{draft.email_column}”)" if draft.email_column else ""
        return Rejection(line, f"line {line}: the email{where} {errors['email']}")
    if errors:
        return Rejection(line, f"line {line}: " + " ".join(errors.values()))
    return Candidate(line, card, frozenset(draft.provided))
