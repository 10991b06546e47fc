"""Reading single cells: dates, full names, courtesy titles, categories, address groups."""

from __future__ import annotations

import functools
import re
from datetime import date

from desktop.domain.categories import Category
from desktop.domain.importing.columns import spaced, squashed

# English month names, matched by their first three letters. Not strptime("%b"): that
# follows the process locale, and Qt sets it to the user's (German "Mär" for March).
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_YMD_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DMY_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([A-Za-z]+)\.?,?[ -](\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})")
_SLASHES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return _MONTHS.get(name[:3].lower()) if len(name) >= 3 else None


@functools.lru_cache(maxsize=8192)  # an export repeats its dates (thousands of rows a day)
def parse_date(text: str) -> date | None:
    """A day written as LinkedIn ("12 Mar 2023"), ISO, "Mar 12, 2023" or "12.03.2023".

    "03/12/2023" is read only when the order cannot be mistaken (one part above 12 or
    both equal); else None, and the text is kept in the notes instead.
    """
    text = text.strip()
    if match := _ISO.fullmatch(text) or _YMD_SLASH.fullmatch(text):
        year, month, day = (int(g) for g in match.groups()[:3])
        return _day(year, month, day)
    if match := _DMY_DOTS.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return _day(year, month, day)
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        month_number = _month(match.group(2))
        if month_number:
            return _day(int(match.group(3)), month_number, int(match.group(1)))
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month_number = _month(match.group(1))
        if month_number:
            return _day(int(match.group(3)), month_number, int(match.group(2)))
    if match := _SLASHES.fullmatch(text):
        first, second, year = (int(g) for g in match.groups())
        if first > 12 >= second or first == second:
            return _day(year, second, first)
        if second > 12 >= first:
            return _day(year, first, second)
    return None


_COURTESY = {"mr": "Mr.", "ms": "Ms.", "mx": "Mx.", "dr": "Dr.", "doctor": "Dr."}
# Titles people put before a name that the card has no place for ("Mrs." is not offered).
_OTHER_TITLES = {"mrs", "miss", "prof", "professor", "sir", "dame", "rev", "herr", "frau"}
_PARTICLES = {
    "van",
    "von",
    "de",
    "der",
    "den",
    "da",
    "di",
    "del",
    "della",
    "du",
    "la",
    "le",
    "ten",
    "ter",
    "bin",
    "al",
    "el",
    "st",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "esq", "cpa", "pe"}


def courtesy_title(text: str) -> str | None:
    """The card's courtesy title for "mr", "Dr", "MS." and so on; None if it has none."""
    return _COURTESY.get(squashed(text))


def split_full_name(text: str) -> tuple[str, str, str]:
    """(title as written, given name, family name) from one "full name" cell.

    "Davis, Dana" is family-first; "Dr. Dana Davis" has a title; "Anna van der Berg" keeps
    the particles with the family name; "Dana Davis, Jr." keeps the suffix with it too.
    """
    words = text.split()
    title = ""
    if len(words) > 1 and squashed(words[0]) in _COURTESY.keys() | _OTHER_TITLES:
        title, words = words[0], words[1:]
    rest = " ".join(words)
    if rest.count(",") == 1:
        before, after = (part.strip() for part in rest.split(","))
        if after and squashed(after) not in _SUFFIXES:
            return title, after, before
        given, family = _split_words(before.split())
        return title, given, f"{family}, {after}" if family and after else family or after
    return (title, *_split_words(words))


def _split_words(words: list[str]) -> tuple[str, str]:
    if len(words) <= 1:
        return (words[0] if words else ""), ""
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLES:
            return " ".join(words[:index]), " ".join(words[index:])
    return " ".join(words[:-1]), words[-1]


_CATEGORY_SYNONYMS: dict[str, Category] = {
    "colleague": Category.PAST_COWORKER,
    "coworker": Category.PAST_COWORKER,
    "client": Category.PAST_CLIENT,
    "customer": Category.PAST_CLIENT,
    "vendor": Category.PAST_VENDOR,
    "supplier": Category.PAST_VENDOR,
    "neighbour": Category.NEIGHBOR,
    "relative": Category.FAMILY,
    "recruiter": Category.HIRING_PROCESS,
    "linkedin": Category.PROFESSIONAL_NETWORK,
}
_CATEGORY_KEYS: dict[str, Category] = {
    **{squashed(category.value): category for category in Category},
    **{squashed(category.label): category for category in Category},
    **_CATEGORY_SYNONYMS,
}
# Google's own labels on every contact; they say nothing about the relationship.
_SYSTEM_LABELS = {"mycontacts", "starred", "othercontacts"}
_LABEL_SEPARATORS = re.compile(r"\s*(?::::|[,;])\s*")


def _one_category(text: str) -> Category | None:
    key = squashed(text)
    return _CATEGORY_KEYS.get(key) or (_CATEGORY_KEYS.get(key[:-1]) if key.endswith("s") else None)


def resolve_category(text: str) -> tuple[Category | None, str]:
    """The category a cell names, loosely ("Past Clients", "past-client", "Friends"), and
    the labels left over (Google's "* myContacts" dropped), to keep in the notes."""
    whole = _one_category(text)
    if whole:
        return whole, ""
    labels = [
        label.lstrip("* ").strip()
        for label in _LABEL_SEPARATORS.split(text)
        if label.strip("* ") and squashed(label) not in _SYSTEM_LABELS
    ]
    found = next((c for label in labels if (c := _one_category(label))), None)
    leftover = [label for label in labels if _one_category(label) is not found or not found]
    return found, ", ".join(leftover)


_ADDRESS_WORDS = re.compile(
    r"\b(street|city|town|state|region|province|county|postal code|post code|postcode|"
    r"zip code|zip|country region|country)\b"
)


def address_group(column: str) -> str:
    """What tells one address's columns from another's: "Home Street" and "Home City" share
    "home"; "Address 1 - City" gives "address 1"; a plain "City" gives ""."""
    return " ".join(_ADDRESS_WORDS.sub(" ", spaced(column)).split())
