"""Which card field each column of a file fills.

A mapping takes each column heading to one of: a ContactCard field name; ``FULL_NAME``
(split into given and family name when the file has no separate ones); ``NOTES`` (append
"Heading: value" to the notes, so nothing is lost; ``NOTES + "Label"`` uses "Label"
instead of the heading); or ``IGNORE`` (None). Known formats have a fixed mapping; any
other CSV gets a guess from the headings that the user can correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from desktop.domain.contact_formats import CSV_COLUMNS
from desktop.domain.importing.columns import spaced, squashed
from desktop.domain.importing.source import ImportSource, SourceKind

IGNORE: Final = None
NOTES: Final = "notes+"
FULL_NAME: Final = "full_name"

# What a mapping step offers, in the order of the card (IGNORE is offered besides these).
MAPPABLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("courtesy_title", "Courtesy title"),
    ("given_name", "Given name"),
    ("family_name", "Family name"),
    (FULL_NAME, "Full name (split into given and family name)"),
    ("job_title", "Job title"),
    ("company", "Company"),
    ("department", "Department"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("street", "Street"),
    ("city", "City"),
    ("region", "Region or state"),
    ("postal_code", "Postal code"),
    ("country", "Country"),
    ("category", "Relationship category"),
    ("met_at", "Where you met"),
    ("met_on", "When you met"),
    ("notes", "Notes"),
    (NOTES, "Add to notes under the column’s name"),
)
MAPPING_TARGETS: frozenset[str] = frozenset(target for target, _label in MAPPABLE_FIELDS)

ColumnMapping = dict[str, str | None]


def is_valid_target(target: str | None) -> bool:
    return target is None or target in MAPPING_TARGETS or target.startswith(NOTES)


# -- guessing, for CSV files of unknown origin ------------------------------------------------
# Headings people use for each field, in English, French, German and Spanish.
_SYNONYMS: dict[str, str] = {
    "given_name": "first name|given name|forename|first|given|prenom|vorname|nombre|christian name",
    "family_name": "last name|family name|surname|last|family|nachname|apellido|apellidos|nom",
    FULL_NAME: "name|full name|contact name|display name|contact|person|nom complet",
    "courtesy_title": "courtesy title|salutation|prefix|name prefix|honorific|anrede",
    "job_title": "title|job title|position|role|occupation|function|designation|job",
    "company": (
        "company|company name|organisation|organization|organisation name|organization "
        "name|employer|org|firm|business|firma|entreprise|societe|unternehmen|empresa"
    ),
    "department": "department|dept|division|team|abteilung",
    "email": (
        "email|email address|e mail|e mail address|mail|mail address|email value|primary "
        "email|work email|business email|personal email|home email"
    ),
    "phone": (
        "phone|telephone|tel|phone number|telephone number|mobile|mobile phone|mobile "
        "number|cell|cell phone|work phone|business phone|home phone|primary phone|phone "
        "value|telefon"
    ),
    "street": (
        "street|address|street address|address line|address street|strasse|rue|calle|mailing street"
    ),
    "city": "city|town|locality|ort|stadt|ville|ciudad",
    "region": "region|state|province|county|state province|state region|bundesland",
    "postal_code": "zip|zip code|postal code|postcode|post code|plz|postal|code postal",
    "country": "country|country region|nation|land|pays|pais",
    "category": "category|relationship|group|categories|labels|tags|tag|relation|kategorie",
    "met_at": "met at|where met|where we met|how met|how we met|source|event|met through",
    "met_on": "met on|date met|when met|connected on|met date|first met|date",
    "notes": "notes|note|comments|comment|remarks|description|memo|bemerkung|notizen",
}
_BY_KEY: dict[str, str] = {
    squashed(synonym): target
    for target, synonyms in _SYNONYMS.items()
    for synonym in synonyms.split("|")
}
_TRAILING_NUMBER = re.compile(r"\d+$")


def _guess(column: str) -> str | None:
    key = squashed(column)
    if key in _BY_KEY:
        return _BY_KEY[key]
    unnumbered = _TRAILING_NUMBER.sub("", key)  # "Email 2", "Address1"
    return _BY_KEY.get(unnumbered, NOTES)


def guess_mapping(columns: Sequence[str]) -> dict[str, str | None]:
    """A guess from the headings alone; a column nothing matches goes to the notes."""
    return {column: _guess(column) for column in columns}


# -- fixed mappings of the known formats -----------------------------------------------------
_LINKEDIN: dict[str, str | None] = {
    "first name": "given_name",
    "last name": "family_name",
    "url": NOTES + "LinkedIn",
    "email address": "email",
    "company": "company",
    "position": "job_title",
    "connected on": "met_on",
}

_ADDRESS_PARTS = {
    "street": "street",
    "city": "city",
    "region": "region",
    "state": "region",
    "postal code": "postal_code",
    "country": "country",
    "country region": "country",
}


def _google(column: str) -> str | None:
    words = spaced(column)
    if re.search(r"\b(yomi|phonetic)\b", words) or re.search(r" (type|label)$", words):
        return IGNORE
    fixed = {
        "first name": "given_name",
        "given name": "given_name",
        "last name": "family_name",
        "family name": "family_name",
        "name": FULL_NAME,
        "name prefix": "courtesy_title",
        "organization name": "company",
        "organization title": "job_title",
        "organization department": "department",
        "notes": "notes",
        "labels": "category",
        "group membership": "category",
        "photo": IGNORE,
        "file as": IGNORE,
    }
    if words in fixed:
        return fixed[words]
    if re.fullmatch(r"e mail \d+ value", words):
        return "email"
    if re.fullmatch(r"phone \d+ value", words):
        return "phone"
    if match := re.fullmatch(r"address \d+ (.+)", words):
        part = match.group(1)
        return IGNORE if part == "formatted" else _ADDRESS_PARTS.get(part, NOTES)
    if match := re.fullmatch(r"organization \d+ (name|title|department)", words):
        return {"name": "company", "title": "job_title", "department": "department"}[match.group(1)]
    return NOTES


# Columns Outlook fills for everyone ("Normal", "False", "Unspecified"): noise in notes.
_OUTLOOK_NOISE = {
    "gender",
    "priority",
    "private",
    "sensitivity",
    "initials",
    "e mail type",
    "e mail display name",
    "e mail 2 type",
    "e mail 2 display name",
    "e mail 3 type",
    "e mail 3 display name",
}


def _outlook(column: str) -> str | None:
    words = spaced(column)
    fixed = {
        "title": "courtesy_title",
        "first name": "given_name",
        "last name": "family_name",
        "company": "company",
        "department": "department",
        "job title": "job_title",
        "notes": "notes",
        "categories": "category",
    }
    if words in fixed:
        return fixed[words]
    if words in _OUTLOOK_NOISE:
        return IGNORE
    if match := re.fullmatch(r"(business|home|other) (.+)", words):
        part = _ADDRESS_PARTS.get(match.group(2))
        if part:
            return part
    if re.fullmatch(r"e mail( \d)? address", words):
        return "email"
    if re.fullmatch(r"(business|home|mobile|primary|company main|car|other) phone( \d)?", words):
        return "phone"
    return NOTES


_FOLLOWUP_DESK: dict[str, str | None] = {header: field for header, field in CSV_COLUMNS}

_VCARD: dict[str, str | None] = {
    "Name Prefix": "courtesy_title",
    "Given Name": "given_name",
    "Family Name": "family_name",
    "Full Name": FULL_NAME,
    "Organization": "company",
    "Department": "department",
    "Title": "job_title",
    "Email": "email",
    "Phone": "phone",
    "Street": "street",
    "City": "city",
    "Region": "region",
    "Postal Code": "postal_code",
    "Country": "country",
    "Category": "category",
    "Categories": "category",
    "Met At": "met_at",
    "Met On": "met_on",
    "Note": "notes",
}


def _by_rule(rule: Callable[[str], str | None], columns: Sequence[str]) -> ColumnMapping:
    return {column: rule(column) for column in columns}


def mapping_for(source: ImportSource) -> dict[str, str | None]:
    """The mapping to use for ``source``: fixed for a known format, else a guess."""
    columns = source.columns
    match source.kind:
        case SourceKind.LINKEDIN:
            return {c: _LINKEDIN.get(spaced(c), NOTES) for c in columns}
        case SourceKind.GOOGLE:
            return _by_rule(_google, columns)
        case SourceKind.OUTLOOK:
            return _by_rule(_outlook, columns)
        case SourceKind.FOLLOWUP_DESK:
            return {c: _FOLLOWUP_DESK.get(c, NOTES) for c in columns}
        case SourceKind.VCARD:
            return {c: _VCARD.get(c, NOTES) for c in columns}
        case _:
            return guess_mapping(columns)
