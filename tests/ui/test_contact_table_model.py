from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.contact_search import ContactListing, SortColumn
from desktop.domain.contacts import ContactRecord
from desktop.domain.errors import ContactNotFound
from desktop.ui.contact_table_model import (
    COL_CATEGORY,
    COL_COMPANY,
    COL_LAST_CONTACT,
    COL_MET_ON,
    COL_NAME,
    ContactIdRole,
    ContactTableModel,
)

WHEN = datetime(2026, 11, 25, tzinfo=UTC)
CHICAGO = ZoneInfo("America/Chicago")


def record(contact_id: int, given: str, family: str, **extra: Any) -> ContactRecord:
    return ContactRecord(
        id=contact_id,
        given_name=given,
        family_name=family,
        created_at=WHEN,
        updated_at=WHEN,
        **extra,
    )


class FakeDirectory:
    """The directory's ``listings``: records by id, and a log of what was asked for."""

    def __init__(self, records: Sequence[ContactRecord], last: datetime | None = None) -> None:
        self.records = {r.id: r for r in records}
        self.last = last
        self.asked: list[list[int]] = []

    def listings(self, ids: Sequence[int]) -> Mapping[int, ContactListing]:
        self.asked.append(list(ids))
        return {i: ContactListing(self.records[i], self.last) for i in ids if i in self.records}


ROWS = [
    record(1, "Dana", "Davis", company="Acme", category="hiring-process", met_on=date(2023, 3, 12)),
    record(2, "Zoë", "Ñúñez", company="<b>Bold</b> & Co", category="friend"),
    record(3, "小明", "王", company="{{ x }}", category="family"),
]


def make_model(
    rows: Sequence[ContactRecord] = ROWS, last: datetime | None = None
) -> tuple[ContactTableModel, FakeDirectory]:
    directory = FakeDirectory(rows, last)
    model = ContactTableModel(directory.listings, lambda: CHICAGO)
    model.set_ids([r.id for r in rows])
    return model, directory


def names(model: ContactTableModel) -> list[str]:
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model, _ = make_model()
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model, _ = make_model([])
    qtmodeltester.check(model, force_py=True)


def test_cells_show_the_text_exactly_as_typed() -> None:
    model, _ = make_model()
    assert model.index(1, COL_NAME).data() == "Zoë Ñúñez"
    assert model.index(1, COL_COMPANY).data() == "<b>Bold</b> & Co"
    assert model.index(2, COL_COMPANY).data() == "{{ x }}"
    assert model.index(2, COL_NAME).data() == "小明 王"


def test_category_and_dates_are_written_for_people() -> None:
    # 03:00 UTC on the 25th is still the 24th in Chicago.
    model, _ = make_model(last=datetime(2026, 11, 25, 3, tzinfo=UTC))
    assert model.index(0, COL_CATEGORY).data() == "Hiring process"
    assert model.headerData(COL_CATEGORY, Qt.Orientation.Horizontal) == "Category"
    assert model.index(0, COL_MET_ON).data() == "3/12/2023"
    assert model.index(1, COL_MET_ON).data() == ""
    assert model.index(0, COL_LAST_CONTACT).data() == "11/24/2026"


def test_rows_are_found_by_contact_id() -> None:
    model, _ = make_model()
    assert model.row_of(3) == 2
    assert model.row_of(99) is None
    assert model.index(2, COL_NAME).data(ContactIdRole) == 3
    assert model.record_at(0).family_name == "Davis"


def test_only_the_rows_looked_at_are_read() -> None:
    people = [record(i, "Person", f"{i:05d}") for i in range(1, 20_001)]
    model, directory = make_model(people)
    assert model.rowCount() == 20_000
    assert directory.asked == [], "nothing is read until a row is shown"

    assert model.index(10_000, COL_NAME).data() == "Person 10001"
    assert model.index(10_001, COL_NAME).data() == "Person 10002"
    assert len(directory.asked) == 1, "neighbouring rows come from the same page"
    assert 0 < len(directory.asked[0]) <= 300


def test_a_new_contact_is_one_inserted_row(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model, directory = make_model()
    qtmodeltester.check(model, force_py=True)  # keeps watching every later change
    directory.records[4] = record(4, "Ben", "Brown")
    kept = QPersistentModelIndex(model.index(1, COL_NAME))

    with qtbot.waitSignal(model.rowsInserted, timeout=1000) as inserted:
        model.set_ids([4, 1, 2, 3])

    assert inserted.args[1:] == [0, 0]
    assert names(model) == ["Ben Brown", "Dana Davis", "Zoë Ñúñez", "小明 王"]
    assert kept.row() == 2, "the selection follows its contact"


def test_a_deleted_contact_is_one_removed_row(qtmodeltester: ModelTester, qtbot: QtBot) -> None:
    model, _ = make_model()
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.rowsRemoved, timeout=1000) as removed:
        model.set_ids([1, 3])
    assert removed.args[1:] == [1, 1]
    assert names(model) == ["Dana Davis", "小明 王"]


def test_a_new_order_is_a_layout_change_that_keeps_the_selection(
    qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    model, _ = make_model()
    qtmodeltester.check(model, force_py=True)
    kept = QPersistentModelIndex(model.index(0, COL_COMPANY))
    with qtbot.waitSignal(model.layoutChanged, timeout=1000):
        model.set_ids([3, 2, 1])
    assert names(model) == ["小明 王", "Zoë Ñúñez", "Dana Davis"]
    assert (kept.row(), kept.column()) == (2, COL_COMPANY)


def test_a_new_search_resets_the_model_once(qtbot: QtBot) -> None:
    model, _ = make_model()
    with qtbot.waitSignals(
        [model.modelAboutToBeReset, model.modelReset], order="strict", timeout=1000
    ):
        model.set_ids([2])
    assert names(model) == ["Zoë Ñúñez"]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_clicking_a_header_asks_for_that_order(qtbot: QtBot) -> None:
    model, _ = make_model()
    with qtbot.waitSignal(model.sort_requested, timeout=1000) as asked:
        model.sort(COL_COMPANY, Qt.SortOrder.DescendingOrder)
    assert asked.args == [SortColumn.COMPANY, True]


def test_forgetting_a_contact_reads_it_again(qtbot: QtBot) -> None:
    model, directory = make_model()
    assert model.index(0, COL_COMPANY).data() == "Acme"
    directory.records[1] = record(1, "Dana", "Davis", company="Globex")
    assert model.index(0, COL_COMPANY).data() == "Acme", "cached until told"

    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.forget([1])
    assert model.index(0, COL_COMPANY).data() == "Globex"


def test_a_contact_deleted_elsewhere_shows_empty_until_the_refresh() -> None:
    model, directory = make_model()
    del directory.records[2]
    assert model.index(1, COL_NAME).data() is None
    with pytest.raises(ContactNotFound):
        model.record_at(1)
