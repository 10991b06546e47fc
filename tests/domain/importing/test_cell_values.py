"""Single cells: the dates, names and categories people type into spreadsheets."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.categories import Category
from desktop.domain.importing.cell_values import (
    address_group,
    courtesy_title,
    parse_date,
    resolve_category,
    split_full_name,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2023", date(2023, 3, 12)),
        ("1 September 2021", date(2021, 9, 1)),
        ("2023-03-12", date(2023, 3, 12)),
        ("2023-03-12T09:30:00Z", date(2023, 3, 12)),
        ("Mar 12, 2023", date(2023, 3, 12)),
        ("12.03.2023", date(2023, 3, 12)),
        ("2023/03/12", date(2023, 3, 12)),
        ("25/12/2023", date(2023, 12, 25)),
        ("12/25/2023", date(2023, 12, 25)),
        ("03/12/2023", None),  # March 12 or 3 December: not guessed
        ("31 Feb 2023", None),
        ("12 Foo 2023", None),
        ("soon", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dana Davis", ("", "Dana", "Davis")),
        ("Davis, Dana", ("", "Dana", "Davis")),
        ("Dr. Dana Davis", ("Dr.", "Dana", "Davis")),
        ("Mrs Dana Davis", ("Mrs", "Dana", "Davis")),
        ("Mary Ann Smith", ("", "Mary Ann", "Smith")),
        ("Anna van der Berg", ("", "Anna", "van der Berg")),
        ("Dana Davis, Jr.", ("", "Dana", "Davis, Jr.")),
        ("Cher", ("", "Cher", "")),
        ("Dr.", ("", "Dr.", "")),
    ],
)
def test_split_full_name(text: str, expected: tuple[str, str, str]) -> None:
    assert split_full_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("mr", "Mr."), ("MS.", "Ms."), ("Dr", "Dr."), ("Mx.", "Mx."), ("Mrs.", None), ("", None)],
)
def test_courtesy_title(text: str, expected: str | None) -> None:
    assert courtesy_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("past-client", (Category.PAST_CLIENT, "")),
        ("Past Clients", (Category.PAST_CLIENT, "")),
        ("Past co-worker", (Category.PAST_COWORKER, "")),
        ("colleague", (Category.PAST_COWORKER, "")),
        ("FRIENDS", (Category.FRIEND, "")),
        ("Job fair / job club", (Category.JOB_FAIR, "")),
        ("* myContacts ::: Family ::: Golf", (Category.FAMILY, "Golf")),
        ("* myContacts ::: * starred", (None, "")),
        ("Golf buddies", (None, "Golf buddies")),
    ],
)
def test_resolve_category(text: str, expected: tuple[Category | None, str]) -> None:
    assert resolve_category(text) == expected


@pytest.mark.parametrize(
    ("column", "group"),
    [
        ("Business Street", "business"),
        ("Business Country/Region", "business"),
        ("Home Postal Code", "home"),
        ("Address 1 - City", "address 1"),
        ("Zip", ""),
        ("City", ""),
    ],
)
def test_address_group(column: str, group: str) -> None:
    assert address_group(column) == group
