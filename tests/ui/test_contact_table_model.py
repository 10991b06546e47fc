from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.contacts import ContactRecord, contact_sort_key
from desktop.ui.contact_table_model import (
    COL_CATEGORY,
    COL_COMPANY,
    COL_NAME,
    ContactIdRole,
    ContactTableModel,
)

WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def record(contact_id: int, given: str, family: str, **extra: str) -> ContactRecord:
    return ContactRecord(
        id=contact_id,
        given_name=given,
        family_name=family,
        created_at=WHEN,
        updated_at=WHEN,
        **extra,
    )


ROWS = [
    record(1, "Dana", "Davis", company="Acme", category="hiring-process"),
    record(2, "Zoë", "Ñúñez", company="<b>Bold</b> & Co", category="friend"),
    record(3, "小明", "王", company="{{ x }}", category="family"),
]


def test_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = ContactTableModel()
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ContactTableModel(), force_py=True)


def test_cells_show_the_text_exactly_as_typed() -> None:
    model = ContactTableModel()
    model.set_rows(ROWS)
    assert model.index(1, COL_NAME).data() == "Zoë Ñúñez"
    assert model.index(1, COL_COMPANY).data() == "<b>Bold</b> & Co"
    assert model.index(2, COL_COMPANY).data() == "{{ x }}"
    assert model.index(2, COL_NAME).data() == "小明 王"


def test_category_column_shows_the_human_label() -> None:
    model = ContactTableModel()
    model.set_rows(ROWS)
    assert model.index(0, COL_CATEGORY).data() == "Hiring process"
    assert model.headerData(COL_CATEGORY, Qt.Orientation.Horizontal) == "Category"


def test_rows_are_found_by_contact_id() -> None:
    model = ContactTableModel()
    model.set_rows(ROWS)
    assert model.row_of(3) == 2
    assert model.row_of(99) is None
    assert model.index(2, COL_NAME).data(ContactIdRole) == 3
    assert model.record_at(0).family_name == "Davis"


def test_set_rows_resets_the_model_once(qtbot: QtBot) -> None:
    model = ContactTableModel()
    model.set_rows(ROWS)
    with qtbot.waitSignals(
        [model.modelAboutToBeReset, model.modelReset], order="strict", timeout=1000
    ):
        model.set_rows(ROWS[:1])
    assert model.rowCount() == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_upsert_places_a_new_contact_in_name_order_and_keeps_the_tester_happy(
    qtmodeltester: ModelTester, qtbot: QtBot
) -> None:
    model = ContactTableModel()
    model.set_rows(sorted(ROWS, key=contact_sort_key))
    qtmodeltester.check(model, force_py=True)  # keeps watching every later change

    with qtbot.waitSignal(model.rowsInserted, timeout=1000):
        row = model.upsert(record(4, "Ben", "Brown"))

    assert row == 0
    assert [model.index(r, COL_NAME).data() for r in range(model.rowCount())] == [
        "Ben Brown",
        "Dana Davis",
        "Zoë Ñúñez",
        "小明 王",
    ]


def test_upsert_moves_a_renamed_contact_and_remove_drops_it(qtmodeltester: ModelTester) -> None:
    model = ContactTableModel()
    rows = sorted([record(1, "Ada", "Adams"), record(2, "Ben", "Brown")], key=contact_sort_key)
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)

    assert model.upsert(record(1, "Ada", "Zimmer")) == 1
    assert [model.record_at(r).id for r in range(2)] == [2, 1]
    assert model.rowCount() == 2, "an update replaces, never duplicates"

    assert model.remove(2)
    assert not model.remove(2)
    assert [model.record_at(r).family_name for r in range(model.rowCount())] == ["Zimmer"]
