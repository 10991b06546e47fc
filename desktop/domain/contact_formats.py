"""The file formats Follow-Up Desk writes contacts in, shared by its exporter and importer.

Export then import must give back the same contacts field for field, so both sides read
the column names, vCard properties and the formula-injection escape from here.
"""

from __future__ import annotations

# Our CSV: one column per card field, in the order of the card, with these headers.
CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Courtesy Title", "courtesy_title"),
    ("Given Name", "given_name"),
    ("Family Name", "family_name"),
    ("Job Title", "job_title"),
    ("Company", "company"),
    ("Department", "department"),
    ("Email", "email"),
    ("Phone", "phone"),
    ("Street", "street"),
    ("City", "city"),
    ("Region", "region"),
    ("Postal Code", "postal_code"),
    ("Country", "country"),
    ("Category", "category"),
    ("Met At", "met_at"),
    ("Met On", "met_on"),
    ("Notes", "notes"),
)
CSV_HEADERS: tuple[str, ...] = tuple(header for header, _field in CSV_COLUMNS)

# vCard 3.0 properties for what the standard has no place for (RFC 2426 allows X- names).
VCARD_CATEGORY = "X-FOLLOWUP-DESK-CATEGORY"  # the category's stored value, e.g. "past-client"
VCARD_MET_AT = "X-FOLLOWUP-DESK-MET-AT"
VCARD_MET_ON = "X-FOLLOWUP-DESK-MET-ON"  # ISO date, YYYY-MM-DD
# Standard places: courtesy title -> N's prefix; company;department -> ORG; job title ->
# TITLE; street, city, region, postal code, country -> ADR;TYPE=WORK; notes -> NOTE;
# category label -> CATEGORIES (for other programs).

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"


def neutralise_cell(value: str) -> str:
    """Prefix a cell a spreadsheet would run as a formula with an apostrophe.

    A value that already starts with an apostrophe gets one more, so that
    ``restore_cell`` can undo the escape exactly.
    """
    if value.startswith((*FORMULA_TRIGGERS, _ESCAPE)):
        return _ESCAPE + value
    return value


def restore_cell(value: str) -> str:
    """Undo ``neutralise_cell`` (only for files in our own CSV format)."""
    if value.startswith(_ESCAPE) and value[1:].startswith((*FORMULA_TRIGGERS, _ESCAPE)):
        return value[1:]
    return value
