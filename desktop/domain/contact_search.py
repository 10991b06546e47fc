"""Finding contacts fast: the search index, filters and sort orders of the contacts table.

The index lives in SQLite (schema version 4): ``contact_search`` holds folded sort keys and
the last time each person was contacted; an FTS5 table holds the folded text of each card
and its events. Triggers queue every contact whose card, events or follow-ups change, in the
same transaction as the change; ``ContactDirectory.refresh_index`` rebuilds the queued rows
before any search, so no write path can leave the index stale.

A search term of three characters or more matches any part of any field (trigrams). A
shorter one, which trigrams cannot serve, matches the start of any word of the card when the
search also has a longer term ("hauptstrasse 5"), and otherwise (the first letters typed)
the start of a given name, family name or company, from their indexes. Every term must
match.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, cast

import peewee

from desktop.domain.categories import Category
from desktop.domain.clock import Clock
from desktop.domain.contacts import CARD_FIELDS, ContactCard, ContactRecord
from desktop.domain.models import Contact
from desktop.domain.similar_contacts import SimilarContact, similar_contacts
from desktop.domain.text_folding import fold
from desktop.domain.vocabulary import EventKind

# Rows rebuilt per statement: SQLite's default limit is 32,766 bound parameters.
_BATCH = 500
_SHORTEST_TRIGRAM_TERM = 3


class FollowUpFilter(StrEnum):
    ANY = "any"
    OVERDUE = "overdue"  # a pending follow-up whose window has closed
    DUE = "due"  # a pending follow-up whose window is open now
    UPCOMING = "upcoming"  # a pending follow-up whose window has not opened yet
    NONE = "none"  # nothing pending

    @property
    def label(self) -> str:
        return _FOLLOW_UP_FILTER_LABELS[self]


_FOLLOW_UP_FILTER_LABELS = {
    FollowUpFilter.ANY: "Any follow-up state",
    FollowUpFilter.OVERDUE: "Overdue",
    FollowUpFilter.DUE: "Due now",
    FollowUpFilter.UPCOMING: "Coming up",
    FollowUpFilter.NONE: "Nothing pending",
}


class SortColumn(StrEnum):
    NAME = "name"
    JOB_TITLE = "job_title"
    COMPANY = "company"
    CATEGORY = "category"
    EMAIL = "email"
    PHONE = "phone"
    MET_AT = "met_at"
    MET_ON = "met_on"
    LAST_CONTACT = "last_contact"


# ORDER BY for each column; ties fall back to the name, then the id, so the order is total.
_ORDER_SQL = {
    SortColumn.NAME: "s.name_key {dir}, s.contact_id {dir}",
    SortColumn.JOB_TITLE: "s.job_title_key {dir}, s.name_key, s.contact_id",
    SortColumn.COMPANY: "s.company_key {dir}, s.name_key, s.contact_id",
    SortColumn.CATEGORY: "s.category_key {dir}, s.name_key, s.contact_id",
    SortColumn.EMAIL: "s.email_key {dir}, s.name_key, s.contact_id",
    SortColumn.PHONE: "s.phone_key {dir}, s.name_key, s.contact_id",
    SortColumn.MET_AT: "s.met_at_key {dir}, s.name_key, s.contact_id",
    # Unknown dates go last whichever way the column is sorted.
    SortColumn.MET_ON: "s.met_on IS NULL, s.met_on {dir}, s.name_key, s.contact_id",
    SortColumn.LAST_CONTACT: (
        "s.last_contact_at IS NULL, s.last_contact_at {dir}, s.name_key, s.contact_id"
    ),
}


@dataclass(frozen=True, kw_only=True)
class ContactFilter:
    """What the contacts table shows: every condition given must hold."""

    text: str = ""
    category: str | None = None
    opportunity_id: int | None = None
    follow_up: FollowUpFilter = FollowUpFilter.ANY
    # Nobody contacted (an event, or a follow-up sent) within this many days; never counts.
    not_contacted_days: int | None = None

    @property
    def is_everything(self) -> bool:
        return self == ContactFilter(text=self.text) and not search_terms(self.text)


@dataclass(frozen=True)
class ContactOrder:
    column: SortColumn = SortColumn.NAME
    descending: bool = False


@dataclass(frozen=True)
class ContactListing:
    """One row of the contacts table."""

    record: ContactRecord
    last_contact_at: datetime | None


def search_terms(text: str) -> list[str]:
    """The folded terms of a search, each of which must match."""
    terms = _searchable(text).split()
    return [term for term in terms if any(ch.isalnum() for ch in term)]


def _searchable(text: str) -> str:
    """Folded, with NUL as a space: FTS5 reads a query only up to a NUL ("unterminated
    string") and its trigram tokenizer indexes a text only up to one."""
    return fold(text).replace("\x00", " ")


def _quoted(term: str) -> str:
    """An FTS5 string: every character literal, nothing read as query syntax."""
    return '"' + term.replace('"', '""') + '"'


# Above every character: "da" + this bounds the folded keys that start with "da".
_LAST_CHAR = "\U0010ffff"


def _match_clauses(terms: Sequence[str]) -> tuple[list[str], list[Any]]:
    long = [t for t in terms if len(t) >= _SHORTEST_TRIGRAM_TERM]
    short = [t for t in terms if len(t) < _SHORTEST_TRIGRAM_TERM]
    clauses: list[str] = []
    params: list[Any] = []
    if long:
        # Beside a longer term ("hauptstrasse 5", "dana d"), a short one matches the start
        # of any word of the few cards the trigrams found.
        words = " ".join(["AND instr(' ' || replace(text, char(10), ' '), ?) > 0"] * len(short))
        clauses.append(
            f"s.contact_id IN (SELECT rowid FROM contact_text WHERE contact_text MATCH ? {words})"
        )
        params.append(" AND ".join(_quoted(t) for t in long))
        params.extend(" " + t for t in short)
        return clauses, params
    # Only short terms (the first letters typed): the start of a given name, family name
    # or company, by range on their indexes.
    for term in short:
        starts = " UNION ".join(
            f"SELECT contact_id FROM contact_search WHERE {key} >= ? AND {key} < ?"
            # name_key is the family name, then \x1f (never in a term), then the given name.
            for key in ("given_key", "name_key", "company_key")
        )
        clauses.append(f"s.contact_id IN ({starts})")
        params.extend([term, term + _LAST_CHAR] * 3)
    return clauses, params


def _utc_text(moment: datetime) -> str:
    # The same text UtcDateTimeField stores, so comparisons in SQL are plain text order.
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class ContactDirectory:
    """Answers "which contacts, in what order" from the index, and keeps the index fresh."""

    def __init__(self, db: peewee.SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    # -- reading --------------------------------------------------------------------------
    def total(self) -> int:
        """How many contacts there are (raw SQL: peewee's count() costs 4× as much)."""
        return int(self._db.execute_sql("SELECT count(*) FROM contact").fetchone()[0])

    def matching_ids(
        self,
        contact_filter: ContactFilter = ContactFilter(),
        order: ContactOrder = ContactOrder(),
        now: datetime | None = None,
    ) -> list[int]:
        """The ids of the contacts ``contact_filter`` lets through, in ``order``."""
        self.refresh_index()
        clauses, params = _match_clauses(search_terms(contact_filter.text))
        if contact_filter.category is not None:
            clauses.append("s.category = ?")
            params.append(contact_filter.category)
        if contact_filter.opportunity_id is not None:
            clauses.append(
                "s.contact_id IN (SELECT contact_id FROM opportunity_contact"
                " WHERE opportunity_id = ?)"
            )
            params.append(contact_filter.opportunity_id)
        when = _utc_text(now or self._clock())
        state = contact_filter.follow_up
        pending = "SELECT contact_id FROM follow_up WHERE status = 'pending'"
        if state is FollowUpFilter.OVERDUE:
            clauses.append(f"s.contact_id IN ({pending} AND closes_at <= ?)")
            params.append(when)
        elif state is FollowUpFilter.DUE:
            clauses.append(f"s.contact_id IN ({pending} AND opens_at <= ? AND closes_at > ?)")
            params.extend([when, when])
        elif state is FollowUpFilter.UPCOMING:
            clauses.append(f"s.contact_id IN ({pending} AND opens_at > ?)")
            params.append(when)
        elif state is FollowUpFilter.NONE:
            clauses.append(f"s.contact_id NOT IN ({pending})")
        if contact_filter.not_contacted_days is not None:
            cutoff = (now or self._clock()) - timedelta(days=contact_filter.not_contacted_days)
            clauses.append("(s.last_contact_at IS NULL OR s.last_contact_at < ?)")
            params.append(_utc_text(cutoff))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        direction = "DESC" if order.descending else "ASC"
        order_by = _ORDER_SQL[order.column].format(dir=direction)
        sql = f"SELECT s.contact_id FROM contact_search s {where} ORDER BY {order_by}"
        return [row[0] for row in self._db.execute_sql(sql, params)]

    def listings(self, contact_ids: Iterable[int]) -> dict[int, ContactListing]:
        """The table rows of ``contact_ids`` (those that still exist), by id."""
        self.refresh_index()  # last_contact_at comes from the index
        ids = list(contact_ids)
        found: dict[int, ContactListing] = {}
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            last_contact = dict(
                self._db.execute_sql(
                    "SELECT contact_id, last_contact_at FROM contact_search"
                    f" WHERE contact_id IN ({marks})",
                    chunk,
                )
            )
            rows = cast(
                Iterable[dict[str, Any]], Contact.select().where(Contact.id.in_(chunk)).dicts()
            )
            for row in rows:
                record = ContactRecord(**row)
                last = last_contact.get(record.id)
                found[record.id] = ContactListing(
                    record, datetime.fromisoformat(last).astimezone(UTC) if last else None
                )
        return found

    def similar_to(self, card: ContactCard, exclude_id: int | None = None) -> list[SimilarContact]:
        """Saved contacts ``card`` may duplicate (same email, or same name and company)."""
        self.refresh_index()
        return similar_contacts(self._db, card, exclude_id)

    # -- keeping the index fresh ----------------------------------------------------------
    def refresh_index(self) -> int:
        """Rebuild the search rows of every queued contact; return how many were queued."""
        queued = [
            row[0] for row in self._db.execute_sql("SELECT contact_id FROM contact_search_queue")
        ]
        if not queued:
            return 0
        with self._db.atomic():
            for start in range(0, len(queued), _BATCH):
                self._reindex(queued[start : start + _BATCH])
        return len(queued)

    def rebuild_index(self) -> int:
        """Queue every contact and rebuild the whole index (after a restore, say)."""
        with self._db.atomic():
            self._db.execute_sql("DELETE FROM contact_search")
            self._db.execute_sql("DELETE FROM contact_text")
            self._db.execute_sql(
                "INSERT OR IGNORE INTO contact_search_queue SELECT id FROM contact"
            )
            return self.refresh_index()

    def _reindex(self, ids: list[int]) -> None:
        marks = ",".join("?" * len(ids))
        execute: Callable[..., Any] = self._db.execute_sql
        # The three index tables hold the same contacts; only those indexed before need
        # deleting (none, for a fresh import), and FTS5 deletes are not free.
        indexed = [
            row[0]
            for row in execute(
                f"SELECT contact_id FROM contact_search WHERE contact_id IN ({marks})", ids
            )
        ]
        if indexed:
            old = ",".join("?" * len(indexed))
            execute(f"DELETE FROM contact_text WHERE rowid IN ({old})", indexed)
            execute(f"DELETE FROM contact_search WHERE contact_id IN ({old})", indexed)

        columns = ", ".join(("id", *CARD_FIELDS))
        cards = execute(f"SELECT {columns} FROM contact WHERE id IN ({marks})", ids)
        names = ("id", *CARD_FIELDS)
        contacts = [dict(zip(names, row, strict=True)) for row in cards]
        if contacts:
            events, last_contact = self._activity([c["id"] for c in contacts])
            search_rows = []
            texts = []
            for card in contacts:
                text, row = _index_entry(
                    card, events.get(card["id"], []), last_contact.get(card["id"])
                )
                texts.append((card["id"], text))
                search_rows.append(row)
            execute_many = self._db.cursor().executemany
            execute_many("INSERT INTO contact_text (rowid, text) VALUES (?, ?)", texts)
            execute_many(
                "INSERT INTO contact_search (contact_id, category, name_key, given_key,"
                " job_title_key, company_key, category_key, email_key,"
                " phone_key, met_at_key, met_on, last_contact_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                search_rows,
            )
        execute(f"DELETE FROM contact_search_queue WHERE contact_id IN ({marks})", ids)

    def _activity(self, ids: list[int]) -> tuple[dict[int, list[tuple[str, str]]], dict[int, str]]:
        """Each contact's events (kind, what was discussed) and the last time they were
        contacted: their latest event or follow-up sent, as stored text."""
        marks = ",".join("?" * len(ids))
        events: dict[int, list[tuple[str, str]]] = {}
        last: dict[int, str] = {}
        rows = self._db.execute_sql(
            "SELECT ec.contact_id, e.kind, e.discussed, e.occurred_at FROM event_contact ec"
            f" JOIN event e ON e.id = ec.event_id WHERE ec.contact_id IN ({marks})",
            ids,
        )
        for contact_id, kind, discussed, occurred_at in rows:
            events.setdefault(contact_id, []).append((kind, discussed))
            last[contact_id] = max(last.get(contact_id, ""), occurred_at)
        sent = self._db.execute_sql(
            "SELECT contact_id, max(sent_at) FROM follow_up WHERE status = 'sent'"
            f" AND contact_id IN ({marks}) GROUP BY contact_id",
            ids,
        )
        for contact_id, sent_at in sent:
            last[contact_id] = max(last.get(contact_id, ""), sent_at)
        return events, last


@functools.cache
def _category_label(value: str) -> str:
    """A category's label, folded (the stored value for one this version does not know)."""
    try:
        return fold(Category(value).label)
    except ValueError:
        return _searchable(value)


@functools.cache
def _event_label(kind: str) -> str:
    try:
        return fold(EventKind(kind).label)
    except ValueError:
        return _searchable(kind)


_TEXT_FIELDS = (
    "courtesy_title",
    "given_name",
    "family_name",
    "job_title",
    "company",
    "department",
    "email",
    "phone",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "met_at",
    "notes",
)


def _index_entry(
    card: dict[str, Any], events: list[tuple[str, str]], last_contact_at: str | None
) -> tuple[str, tuple[Any, ...]]:
    """What the index holds for one contact: the text a search can find (folded, one field
    per line) and the row of sort keys. Each field is folded once, for both."""
    folded = {name: _searchable(str(card[name])) for name in _TEXT_FIELDS if card[name]}
    parts = list(folded.values())
    category = _category_label(card["category"])
    parts.append(category)
    digits = "".join(ch for ch in str(card["phone"]) if ch.isdigit())
    if digits:
        parts.append(digits)  # "5551234" finds "(555) 123-4…"
    for kind, discussed in events:
        parts.append(_event_label(kind))
        if discussed:
            parts.append(_searchable(discussed))
    given = " ".join(folded.get("given_name", "").split())
    family = " ".join(folded.get("family_name", "").split())
    row = (
        card["id"],
        card["category"],
        f"{family}\x1f{given}",
        given,
        folded.get("job_title", ""),
        folded.get("company", ""),
        category,
        folded.get("email", ""),
        digits,
        folded.get("met_at", ""),
        card["met_on"],
        last_contact_at,
    )
    return "\n".join(parts), row
