"""What deleting contacts takes with it, kept so that it can be put back exactly.

Deleting a contact cascades in the schema (``migrations.py``): their card photo, event
links, follow-ups, letters and opportunity memberships go with them, and rows that pointed at
them are set to NULL (the people they introduced, follow-ups that came after theirs,
letters that answered their follow-ups). Events that were theirs alone are deleted by
``ContactService``; events shared with someone else stay.

``take`` reads every one of those rows before the delete, as SQLite stores them (so text
timestamps come back byte for byte, whatever wrote them), together with the references
the delete clears. ``put_back`` inserts the rows again with their own ids and restores
the cleared references. Both run inside the caller's transaction.

Things deleted in the meantime are not brought back with them: a link to an event,
opportunity, introducer or follow-up that no longer exists is left out (or NULL), which
is what the schema would have done had the contact been there when it went.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import peewee

from desktop.domain.errors import FollowUpDeskError

if TYPE_CHECKING:
    from desktop.domain.contacts import ContactRecord

SqlValue = int | float | str | bytes | None

# Ids per statement: SQLite's default limit is 32,766 bound parameters (999 before 3.32).
_BATCH = 500

# Tables whose rows a delete removes, in the order they are put back (parents first).
_REMOVED_TABLES = (
    "contact",
    "card_photo",
    "event",
    "event_contact",
    "follow_up",
    "letter",
    "opportunity_contact",
)
# Tables with an ``id`` that must still be free when rows are put back.
_TABLES_WITH_IDS = ("contact", "event", "follow_up", "letter")


class ContactsNotRestored(FollowUpDeskError):
    """Deleted contacts cannot be put back; nothing was changed."""


@dataclass(frozen=True)
class TableRows:
    """Rows of one table, as stored: column names, then one tuple of values per row."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[SqlValue, ...], ...]

    def column(self, name: str) -> list[SqlValue]:
        at = self.columns.index(name)
        return [row[at] for row in self.rows]

    def ids(self) -> list[int]:
        return [int(value) for value in self.column("id") if isinstance(value, int)]


@dataclass(frozen=True)
class ClearedLinks:
    """``table.column`` of rows that survived the delete, which it set to NULL:
    ``(row id, value it held)`` pairs."""

    table: str
    column: str
    pairs: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class RemovedRows:
    """Every row a delete of contacts removed, and every reference it cleared."""

    tables: tuple[TableRows, ...]
    cleared: tuple[ClearedLinks, ...]

    def table(self, name: str) -> TableRows:
        return next(rows for rows in self.tables if rows.table == name)

    def cleared_links(self, table: str, column: str) -> tuple[tuple[int, int], ...]:
        return next((c.pairs for c in self.cleared if (c.table, c.column) == (table, column)), ())


@dataclass(frozen=True)
class DeletedContacts:
    """What ``ContactService.delete_contacts`` removed: enough to put it all back.

    ``records`` are the contacts as they were, in the order their ids were given.
    """

    records: tuple[ContactRecord, ...]
    rows: RemovedRows

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(record.id for record in self.records)

    @property
    def count(self) -> int:
        return len(self.records)

    @property
    def follow_up_count(self) -> int:
        return len(self.rows.table("follow_up").rows)

    def describe(self) -> str:
        """ "Ms. Dana Davis" for one contact, "12 contacts" for more."""
        if len(self.records) == 1:
            return self.records[0].formal_name
        return f"{len(self.records)} contacts"


def _batches(values: Sequence[int]) -> Iterator[list[int]]:
    for start in range(0, len(values), _BATCH):
        yield list(values[start : start + _BATCH])


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def _select_in(
    db: peewee.SqliteDatabase, table: str, column: str, values: Iterable[int]
) -> TableRows:
    """Every row of ``table`` whose ``column`` is one of ``values`` (table and column are
    this module's constants, never user input)."""
    wanted = sorted(set(values))
    columns: tuple[str, ...] = ()
    rows: list[tuple[SqlValue, ...]] = []
    for batch in _batches(wanted):
        cursor = db.execute_sql(f"SELECT * FROM {table} WHERE {column} IN ({_marks(batch)})", batch)
        columns = tuple(d[0] for d in cursor.description)
        rows.extend(tuple(row) for row in cursor)
    if not columns:
        cursor = db.execute_sql(f"SELECT * FROM {table} LIMIT 0")
        columns = tuple(d[0] for d in cursor.description)
    return TableRows(table, columns, tuple(rows))


def _pairs_in(
    db: peewee.SqliteDatabase, table: str, column: str, values: Iterable[int]
) -> list[tuple[int, int]]:
    """``(id, column)`` of the rows of ``table`` whose ``column`` is one of ``values``."""
    pairs: list[tuple[int, int]] = []
    for batch in _batches(sorted(set(values))):
        cursor = db.execute_sql(
            f"SELECT id, {column} FROM {table} WHERE {column} IN ({_marks(batch)})", batch
        )
        pairs.extend((int(row_id), int(value)) for row_id, value in cursor)
    return pairs


def _existing(db: peewee.SqliteDatabase, table: str, ids: Iterable[int]) -> list[int]:
    found: list[int] = []
    for batch in _batches(sorted(set(ids))):
        cursor = db.execute_sql(f"SELECT id FROM {table} WHERE id IN ({_marks(batch)})", batch)
        found.extend(int(row[0]) for row in cursor)
    return found


def solo_events(db: peewee.SqliteDatabase, links: TableRows, contact_ids: set[int]) -> set[int]:
    """The events in ``links`` attended only by ``contact_ids``: they go with them."""
    linked = {int(v) for v in links.column("event_id") if isinstance(v, int)}
    shared: set[int] = set()
    for batch in _batches(sorted(linked)):
        cursor = db.execute_sql(
            f"SELECT event_id, contact_id FROM event_contact WHERE event_id IN ({_marks(batch)})",
            batch,
        )
        shared.update(
            int(event_id) for event_id, contact_id in cursor if contact_id not in contact_ids
        )
    return linked - shared


def take(db: peewee.SqliteDatabase, contact_ids: Sequence[int]) -> RemovedRows:
    """Read what deleting ``contact_ids`` (which must exist) will remove and clear."""
    ids = set(contact_ids)
    contacts = _select_in(db, "contact", "id", ids)
    # The image bytes come back as the BLOB they were, so an undo restores them exactly.
    photos = _select_in(db, "card_photo", "contact_id", ids)
    links = _select_in(db, "event_contact", "contact_id", ids)
    events = _select_in(db, "event", "id", solo_events(db, links, ids))
    follow_ups = _select_in(db, "follow_up", "contact_id", ids)
    letters = _select_in(db, "letter", "contact_id", ids)
    memberships = _select_in(db, "opportunity_contact", "contact_id", ids)

    event_ids = set(events.ids())
    follow_up_ids = set(follow_ups.ids())
    letter_ids = set(letters.ids())
    cleared = (
        ClearedLinks(
            "contact",
            "introduced_by_id",
            tuple(p for p in _pairs_in(db, "contact", "introduced_by_id", ids) if p[0] not in ids),
        ),
        ClearedLinks(
            "follow_up",
            "event_id",
            tuple(
                p
                for p in _pairs_in(db, "follow_up", "event_id", event_ids)
                if p[0] not in follow_up_ids
            ),
        ),
        ClearedLinks(
            "follow_up",
            "previous_id",
            tuple(
                p
                for p in _pairs_in(db, "follow_up", "previous_id", follow_up_ids)
                if p[0] not in follow_up_ids
            ),
        ),
        ClearedLinks(
            "letter",
            "follow_up_id",
            tuple(
                p
                for p in _pairs_in(db, "letter", "follow_up_id", follow_up_ids)
                if p[0] not in letter_ids
            ),
        ),
    )
    tables = (contacts, photos, events, links, follow_ups, letters, memberships)
    assert tuple(t.table for t in tables) == _REMOVED_TABLES
    return RemovedRows(tables, cleared)


def delete(db: peewee.SqliteDatabase, removed: RemovedRows) -> None:
    """Delete the contacts of ``removed`` (the schema cascades the rest) and their own events."""
    for batch in _batches(removed.table("contact").ids()):
        db.execute_sql(f"DELETE FROM contact WHERE id IN ({_marks(batch)})", batch)
    for batch in _batches(removed.table("event").ids()):
        db.execute_sql(f"DELETE FROM event WHERE id IN ({_marks(batch)})", batch)


def put_back(db: peewee.SqliteDatabase, removed: RemovedRows, names: Sequence[str]) -> None:
    """Insert every removed row with its own id and restore the cleared references.

    Raises ContactsNotRestored, before writing anything, if an id is taken meanwhile (ids
    are never reused, so only a database replaced since can do that). ``names`` name the
    contacts in the message.
    """
    for table in _TABLES_WITH_IDS:
        taken = _existing(db, table, removed.table(table).ids())
        if taken:
            raise ContactsNotRestored(_taken_message(table, taken, names))
    # The rows refer to each other (an introducer among the deleted, a follow-up after
    # another): check the references once, at commit, rather than order every insert.
    db.execute_sql("PRAGMA defer_foreign_keys = ON")
    # The search index needs nothing here: the contact rows put back are queued by the
    # triggers, and the next refresh replaces whatever the index still held for those ids.
    for rows in removed.tables:
        if rows.rows:
            columns = ", ".join(rows.columns)
            db.cursor().executemany(
                f"INSERT INTO {rows.table} ({columns}) VALUES ({_marks(rows.columns)})",
                rows.rows,
            )
    _drop_links_to_rows_gone_since(db, removed)
    for cleared in removed.cleared:
        # Only where the reference is still empty: a new one set since is the user's.
        db.cursor().executemany(
            f"UPDATE {cleared.table} SET {cleared.column} = ? "
            f"WHERE id = ? AND {cleared.column} IS NULL",
            [(value, row_id) for row_id, value in cleared.pairs],
        )


# (table, column, the table it refers to) of references in the removed rows that may point
# at a row deleted since; NULL, or no row for a link table, is what the schema would leave.
_NULLABLE_REFERENCES = (
    ("contact", "introduced_by_id", "contact"),
    ("event", "opportunity_id", "opportunity"),
    ("follow_up", "event_id", "event"),
    ("follow_up", "previous_id", "follow_up"),
    ("letter", "follow_up_id", "follow_up"),
)
_LINKS = (
    ("event_contact", "event_id", "event"),
    ("opportunity_contact", "opportunity_id", "opportunity"),
)


def _drop_links_to_rows_gone_since(db: peewee.SqliteDatabase, removed: RemovedRows) -> None:
    for table, column, target in _NULLABLE_REFERENCES:
        for batch in _batches(removed.table(table).ids()):
            db.execute_sql(
                f"UPDATE {table} SET {column} = NULL WHERE id IN ({_marks(batch)})"
                f" AND {column} IS NOT NULL AND {column} NOT IN (SELECT id FROM {target})",
                batch,
            )
    contact_ids = removed.table("contact").ids()
    for table, column, target in _LINKS:
        for batch in _batches(contact_ids):
            db.execute_sql(
                f"DELETE FROM {table} WHERE contact_id IN ({_marks(batch)})"
                f" AND {column} NOT IN (SELECT id FROM {target})",
                batch,
            )


def _taken_message(table: str, taken: Sequence[int], names: Sequence[str]) -> str:
    what = {
        "contact": "contact",
        "event": "event",
        "follow_up": "follow-up",
        "letter": "letter",
    }[table]
    who = names[0] if len(names) == 1 else f"the {len(names)} deleted contacts"
    numbers = ", ".join(str(i) for i in taken[:5])
    number = f"{what} number {numbers} is" if len(taken) == 1 else f"{what} numbers {numbers} are"
    return (
        f"Cannot bring back {who}: the {number} in use again, so the "
        "database has changed since they were deleted (a backup restored, perhaps). "
        "Nothing was changed."
    )
