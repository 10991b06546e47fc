"""The contacts table's search index: what a search finds, how fresh it is, filters, order.

Every test goes through ``ContactDirectory`` on a real (migrated) database, the way the
contacts table and ``followup-desk export --search`` use it; times come from fixed clocks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import peewee
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.categories import COURTESY_TITLES, Category
from desktop.domain.clock import Clock, fixed_clock
from desktop.domain.contact_search import (
    ContactDirectory,
    ContactFilter,
    ContactOrder,
    FollowUpFilter,
    SortColumn,
    search_terms,
)
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.database import make_database
from desktop.domain.followups import EventDraft, FollowUpService
from desktop.domain.migrations import migrate
from desktop.domain.models import database_proxy
from desktop.domain.opportunities import OpportunityDraft, OpportunityService
from desktop.domain.preferences import PreferencesService
from desktop.domain.rules.window import CLOSES_AFTER
from desktop.domain.text_folding import fold
from desktop.domain.vocabulary import Channel, EventKind
from tests.conftest import NOW


@contextlib.contextmanager
def _fresh_database() -> Iterator[peewee.SqliteDatabase]:
    """A new in-memory database, migrated and bound like ``open_database`` does."""
    db = make_database(":memory:")
    db.connect()
    try:
        migrate(db)
        database_proxy.initialize(db)
        yield db
    finally:
        db.close()


@pytest.fixture
def db() -> Iterator[peewee.SqliteDatabase]:
    """This module's database is in memory: the same schema and triggers, no disk syncs."""
    with _fresh_database() as database:
        yield database


@pytest.fixture
def directory(db: peewee.SqliteDatabase, clock: Clock) -> ContactDirectory:
    return ContactDirectory(db, clock)


def search(directory: ContactDirectory, text: str = "", **conditions: Any) -> list[int]:
    """The ids a search shows, in the table's default order (by name)."""
    return directory.matching_ids(ContactFilter(text=text, **conditions))


def log(
    follow_ups: FollowUpService,
    kind: EventKind,
    at: datetime,
    *people: ContactRecord,
    discussed: str = "",
    opportunity_id: int | None = None,
) -> int:
    logged = follow_ups.log_event(
        EventDraft(
            kind=kind.value,
            occurred_at=at,
            contact_ids=tuple(p.id for p in people),
            discussed=discussed,
            opportunity_id=opportunity_id,
        )
    )
    return logged.event_id


# --- search semantics --------------------------------------------------------------------

ZOE = ContactCard(
    given_name="Zoë",
    family_name="Ölund",
    job_title="Talent Partner",
    company="Nordlicht GmbH",
    email="zoe.olund@example.org",
    street="Hauptstraße 5",
    city="München",
    country="Germany",
    category=Category.PAST_COWORKER.value,
    met_at="the Öresund meetup",
    notes='Said "call me" after the launch.',
)
DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Robotics",
    department="Platform",
    email="dana.davis@example.com",
    phone="+1 (555) 010-2233",
    city="Springfield",
    category=Category.HIRING_PROCESS.value,
    met_at="the Spring Career Fair",
    notes="Do not call before 9.",
)
ADAM = ContactCard(
    given_name="Adam",
    family_name="Kowalski",
    job_title="Recruiter",
    company="Globex",
    email="adam.k@example.net",
    city="Kraków",
    category=Category.FRIEND.value,
)


@pytest.fixture
def people(contacts: ContactService) -> dict[str, int]:
    return {
        "zoe": contacts.add_contact(ZOE).id,
        "dana": contacts.add_contact(DANA).id,
        "adam": contacts.add_contact(ADAM).id,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Accents and case are ignored both ways; ß is "ss".
        ("zoe", ["zoe"]),
        ("ZOË", ["zoe"]),
        ("OLUND", ["zoe"]),
        ("Ölund", ["zoe"]),
        ("strasse", ["zoe"]),
        ("Straße", ["zoe"]),
        ("munchen", ["zoe"]),
        ("krakow", ["adam"]),
        # From three characters on, any part of a word.
        ("avi", ["dana"]),
        ("owalsk", ["adam"]),
        ("lund", ["zoe"]),
        # One or two characters: the start of a word only.
        ("da", ["dana"]),  # Dana, Davis, dana.davis; not "Adam"
        ("Da", ["dana"]),
        ("ad", ["adam"]),  # Adam, adam.k; not "Dana" or "Nordlicht"
        ("av", []),  # inside "Davis" only
        ("z", ["zoe"]),
        ("k", ["adam"]),  # Kowalski, Kraków, adam.k
        ("öl", ["zoe"]),  # Ölund: folded to "ol", a word start
        # Every term must match, in any field and any order.
        ("dana acme", ["dana"]),
        ("acme dana", ["dana"]),
        ("dana globex", []),
        ("  dana   \t davis\n", ["dana"]),
        # Terms without a letter or digit are no condition at all.
        ("", ["dana", "adam", "zoe"]),
        ("- * ( ) ^ :", ["dana", "adam", "zoe"]),
    ],
)
def test_a_search_finds(
    directory: ContactDirectory, people: dict[str, int], query: str, expected: list[str]
) -> None:
    assert search(directory, query) == [people[name] for name in expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Card fields.
        ("Ms.", "dana"),  # courtesy title
        ("talent partner", "zoe"),  # job title
        ("nordlicht", "zoe"),  # company
        ("platform", "dana"),  # department
        ("zoe.olund@example.org", "zoe"),  # email, whole
        ("example.net", "adam"),  # email, part
        ("+1 (555) 010-2233", "dana"),  # phone as typed
        ("5550102233", "dana"),  # phone digits, without the punctuation
        ("0102233", "dana"),
        ("springfield", "dana"),  # city
        ("germany", "zoe"),  # country
        ("hauptstrasse 5", "zoe"),  # street (the "5" is a one-character word)
        ("oresund", "zoe"),  # where we met
        ("career fair", "dana"),
        ("before 9", "dana"),  # notes
        # The category, by its label.
        ("co-worker", "zoe"),
        ("past co-worker", "zoe"),
        ("hiring process", "dana"),
        ("friend", "adam"),
    ],
)
def test_every_searchable_field_is_searched(
    directory: ContactDirectory, people: dict[str, int], query: str, expected: str
) -> None:
    assert search(directory, query) == [people[expected]]


def test_logged_events_are_searched_by_what_was_discussed_and_their_kind(
    directory: ContactDirectory, people: dict[str, int], follow_ups: FollowUpService
) -> None:
    dana = directory.listings([people["dana"]])[people["dana"]].record
    zoe = directory.listings([people["zoe"]])[people["zoe"]].record
    log(follow_ups, EventKind.INTERVIEW, NOW, dana, discussed="the warehouse-robot migration")
    log(follow_ups, EventKind.RESUME, NOW, zoe, discussed="")

    assert search(directory, "warehouse robot") == [dana.id]
    assert search(directory, "robot-migration") == []  # a term is matched as typed
    assert search(directory, "interview") == [dana.id]  # EventKind.INTERVIEW's label
    assert search(directory, "cv submitted") == [zoe.id]  # "Resume / CV submitted"
    assert search(directory, "resume") == [zoe.id]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Quotes are characters to find, not phrase marks.
        ('"call', ["zoe"]),
        ('"call me"', ["zoe"]),
        ('"', ["dana", "adam", "zoe"]),
        ('dana"', []),
        ('"dana" "davis"', []),  # the quotes are part of each term, and no card has them
        # * is not a wildcard, - not a negation, : not a column filter.
        ("da*", []),
        ("dav*", []),
        ("-dana", []),
        ("text:dana", []),
        ("^dana", []),
        # OR, AND, NOT and NEAR are words to find, so every one of them must match.
        ("dana OR zoe", []),
        ("dana AND davis", []),
        ("NOT dana", ["dana"]),  # "Do not call before 9."
        ("not", ["dana"]),
        ("NEAR(dana davis)", []),
        ("NEAR", []),
        # Parentheses, as in a phone number.
        ("(555)", ["dana"]),
        ("(dana)", []),
        ("dana)", []),
        ("{dana}", []),
        ("'", ["dana", "adam", "zoe"]),
        ("d'", []),  # short and alone: no name or company starts with "d'"
        ("dana d'", []),  # beside a longer term: no word starts with "d'"
        ("davis d", ["dana"]),  # … but one starts with "d"
    ],
)
def test_query_syntax_characters_are_literal_and_never_raise(
    directory: ContactDirectory, people: dict[str, int], query: str, expected: list[str]
) -> None:
    assert search(directory, query) == [people[name] for name in expected]


def test_a_nul_character_neither_breaks_a_search_nor_hides_the_rest_of_a_card(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    # Pasted or imported text can hold a NUL; FTS5 stops reading at one.
    odd = contacts.add_contact(
        ContactCard(given_name="Nul", notes="before\x00after", company="Initech")
    )

    assert search(directory, "nul\x00") == [odd.id]
    assert search(directory, "after") == [odd.id]
    assert search(directory, "initech") == [odd.id]
    assert search(directory, "before\x00after") == [odd.id]  # two terms, both present


def test_search_terms_are_folded_and_need_a_letter_or_digit() -> None:
    assert search_terms("  Zoë   ÖLUND ") == ["zoe", "olund"]
    assert search_terms("Straße ﬁnance ＤＡＮＡ") == ["strasse", "finance", "dana"]
    assert search_terms('- * "" ( ) ^') == []
    assert search_terms('"dana" da*') == ['"dana"', "da*"]
    assert ContactFilter(text="  - ").is_everything
    assert not ContactFilter(text="d").is_everything
    assert not ContactFilter(category=Category.FRIEND.value).is_everything


# --- freshness after every write ---------------------------------------------------------


def test_an_added_contact_is_found_at_once(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    assert search(directory, "dana") == []
    dana = contacts.add_contact(DANA)

    assert search(directory, "dana") == [dana.id]
    assert directory.refresh_index() == 0


def test_an_updated_contact_is_found_by_the_new_text_only(
    directory: ContactDirectory, contacts: ContactService
) -> None:
    dana = contacts.add_contact(DANA)
    zoe = contacts.add_contact(ZOE)
    assert search(directory, "acme") == [dana.id]

    contacts.update_contact(dana.id, dataclasses.replace(DANA, company="Initech"))

    assert search(directory, "acme") == []
    assert search(directory, "initech") == [dana.id]
    assert directory.matching_ids(order=ContactOrder(SortColumn.COMPANY)) == [dana.id, zoe.id]


def test_a_deleted_contact_and_the_events_that_were_theirs_alone_are_gone(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    zoe = contacts.add_contact(ZOE)
    adam = contacts.add_contact(dataclasses.replace(ADAM, introduced_by_id=dana.id))
    log(follow_ups, EventKind.INTERVIEW, NOW, dana, discussed="forklift fleet")
    log(follow_ups, EventKind.HELP, NOW, dana, zoe, discussed="a shared lunch")
    assert search(directory, "forklift") == [dana.id]
    assert search(directory, "lunch") == [dana.id, zoe.id]

    contacts.delete_contact(dana.id)

    assert search(directory, "dana") == []
    assert search(directory, "forklift") == []
    assert search(directory, "lunch") == [zoe.id]  # the shared event is Zoë's history too
    assert search(directory) == [adam.id, zoe.id]
    assert directory.refresh_index() == 0
    assert directory.listings([dana.id]) == {}


def test_a_logged_event_is_found_and_becomes_the_last_contact(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    zoe = contacts.add_contact(ZOE)
    assert directory.listings([dana.id])[dana.id].last_contact_at is None
    assert search(directory) == [dana.id, zoe.id]  # indexed before the event

    at = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    log(follow_ups, EventKind.INTERVIEW, at, dana, zoe, discussed="the warehouse migration")

    assert directory.refresh_index() == 2
    assert search(directory, "warehouse") == [dana.id, zoe.id]
    listed = directory.listings([dana.id, zoe.id])
    assert listed[dana.id].last_contact_at == at
    assert listed[zoe.id].last_contact_at == at


def test_the_last_contact_is_the_latest_event_or_follow_up_sent(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    interview = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    sent = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)
    earlier = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    event_id = log(follow_ups, EventKind.INTERVIEW, interview, dana)
    (owed,) = follow_ups.for_contact(dana.id)
    assert directory.listings([dana.id])[dana.id].last_contact_at == interview

    follow_ups.mark_sent(owed.id, channel=Channel.EMAIL, sent_at=sent)
    # A row read again without a new search (the table after an edit) shows the new date.
    assert directory.listings([dana.id])[dana.id].last_contact_at == sent
    assert directory.refresh_index() == 0

    # An event logged late for an earlier day does not move it back.
    log(follow_ups, EventKind.OTHER, earlier, dana)
    directory.refresh_index()
    assert directory.listings([dana.id])[dana.id].last_contact_at == sent

    # Deleting the interview keeps the follow-up that was sent, so the date stays.
    assert follow_ups.delete_event(event_id) == (0, 1)
    assert directory.refresh_index() == 1
    assert directory.listings([dana.id])[dana.id].last_contact_at == sent


def test_a_deleted_event_is_no_longer_found_nor_counted_as_contact(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    first = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
    second = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    log(follow_ups, EventKind.INFORMATIONAL, first, dana, discussed="career advice")
    event_id = log(follow_ups, EventKind.INTERVIEW, second, dana, discussed="forklift fleet")
    assert search(directory, "forklift") == [dana.id]

    follow_ups.delete_event(event_id)

    assert search(directory, "forklift") == []
    assert search(directory, "interview") == [dana.id]  # "Informational interview" remains
    assert search(directory, "advice") == [dana.id]
    assert directory.listings([dana.id])[dana.id].last_contact_at == first


def test_dismissing_changes_the_follow_up_state_but_not_the_last_contact(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    at = NOW - timedelta(hours=2)
    log(follow_ups, EventKind.INTERVIEW, at, dana)
    (owed,) = follow_ups.for_contact(dana.id)
    assert search(directory, follow_up=FollowUpFilter.DUE) == [dana.id]

    follow_ups.dismiss(owed.id)

    assert search(directory, follow_up=FollowUpFilter.DUE) == []
    assert search(directory, follow_up=FollowUpFilter.NONE) == [dana.id]
    assert directory.listings([dana.id])[dana.id].last_contact_at == at


def test_opportunity_people_follow_the_opportunity(
    directory: ContactDirectory,
    contacts: ContactService,
    follow_ups: FollowUpService,
    opportunities: OpportunityService,
) -> None:
    dana = contacts.add_contact(DANA)
    zoe = contacts.add_contact(ZOE)
    adam = contacts.add_contact(ADAM)
    acme = opportunities.save(
        OpportunityDraft(company="Acme", position="Manager", contact_ids=(dana.id,))
    ).record
    log(follow_ups, EventKind.INTERVIEW, NOW, zoe, discussed="forklifts", opportunity_id=acme.id)
    directory.refresh_index()
    assert search(directory, opportunity_id=acme.id) == [dana.id, zoe.id]

    opportunities.save(
        OpportunityDraft(company="Acme", position="Manager", contact_ids=(zoe.id, adam.id)),
        acme.id,
    )
    assert search(directory, opportunity_id=acme.id) == [adam.id, zoe.id]

    opportunities.delete(acme.id)

    assert directory.refresh_index() == 1  # Zoë's event lost its opportunity
    assert search(directory, opportunity_id=acme.id) == []
    assert search(directory, "forklifts") == [zoe.id]


def test_rebuilding_the_index_changes_no_answer(
    directory: ContactDirectory,
    contacts: ContactService,
    follow_ups: FollowUpService,
    db: peewee.SqliteDatabase,
) -> None:
    people = [contacts.add_contact(card) for card in (ZOE, DANA, ADAM)]
    log(follow_ups, EventKind.INTERVIEW, NOW - timedelta(days=3), people[1], discussed="robots")
    log(follow_ups, EventKind.HELP, NOW - timedelta(days=30), people[0], people[2])
    questions = [
        (ContactFilter(text=text, follow_up=state), ContactOrder(column, descending))
        for text in ("", "da", "robot", "example", "zz")
        for state in (FollowUpFilter.ANY, FollowUpFilter.OVERDUE)
        for column in SortColumn
        for descending in (False, True)
    ]

    def answers() -> list[object]:
        ids = [p.id for p in people]
        return [directory.matching_ids(f, o) for f, o in questions] + [directory.listings(ids)]

    before = answers()
    snapshot = _index_rows(db)

    assert directory.rebuild_index() == 3
    assert directory.refresh_index() == 0
    assert answers() == before
    assert _index_rows(db) == snapshot


def _index_rows(db: peewee.SqliteDatabase) -> list[list[tuple[object, ...]]]:
    return [
        list(db.execute_sql(f"SELECT {columns} FROM {table} ORDER BY 1"))
        for table, columns in (
            ("contact_search", "*"),
            ("contact_text", "rowid, text"),
        )
    ]


# --- filters -----------------------------------------------------------------------------


@pytest.fixture
def mixed(
    contacts: ContactService, follow_ups: FollowUpService, opportunities: OpportunityService
) -> dict[str, int]:
    """Dana (hiring process, on Acme, interviewed yesterday: due), Zoë (past co-worker,
    helped a month ago, thanked), Adam (friend, never contacted)."""
    dana = contacts.add_contact(DANA)
    zoe = contacts.add_contact(ZOE)
    adam = contacts.add_contact(ADAM)
    acme = opportunities.save(OpportunityDraft(company="Acme", contact_ids=(dana.id,))).record
    log(follow_ups, EventKind.INTERVIEW, NOW - timedelta(hours=20), dana)
    log(follow_ups, EventKind.HELP, NOW - timedelta(days=30), zoe)
    (thanks,) = follow_ups.for_contact(zoe.id)
    follow_ups.mark_sent(thanks.id, channel=Channel.EMAIL, sent_at=NOW - timedelta(days=29))
    return {"dana": dana.id, "zoe": zoe.id, "adam": adam.id, "acme": acme.id}


def test_the_category_filter_shows_one_relationship(
    directory: ContactDirectory, mixed: dict[str, int]
) -> None:
    assert search(directory, category=Category.HIRING_PROCESS.value) == [mixed["dana"]]
    assert search(directory, category=Category.PAST_COWORKER.value) == [mixed["zoe"]]
    assert search(directory, category=Category.FAMILY.value) == []


def test_the_opportunity_filter_shows_its_people(
    directory: ContactDirectory, mixed: dict[str, int]
) -> None:
    assert search(directory, opportunity_id=mixed["acme"]) == [mixed["dana"]]
    assert search(directory, opportunity_id=999) == []


def test_follow_up_states_at_now(
    directory: ContactDirectory, mixed: dict[str, int], db: peewee.SqliteDatabase
) -> None:
    dana, zoe, adam = mixed["dana"], mixed["zoe"], mixed["adam"]
    assert search(directory, follow_up=FollowUpFilter.DUE) == [dana]
    assert search(directory, follow_up=FollowUpFilter.OVERDUE) == []
    assert search(directory, follow_up=FollowUpFilter.UPCOMING) == []
    assert search(directory, follow_up=FollowUpFilter.NONE) == [adam, zoe]  # Zoë's was sent
    assert search(directory, follow_up=FollowUpFilter.ANY) == [dana, adam, zoe]
    # "now" defaults to the directory's clock.
    later = ContactDirectory(db, fixed_clock(NOW + timedelta(days=2)))
    assert later.matching_ids(ContactFilter(follow_up=FollowUpFilter.OVERDUE)) == [dana]


OPENS = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "state"),
    [
        (OPENS - timedelta(days=3), FollowUpFilter.UPCOMING),
        (OPENS - timedelta(seconds=1), FollowUpFilter.UPCOMING),
        (OPENS - timedelta(microseconds=1), FollowUpFilter.UPCOMING),
        (OPENS, FollowUpFilter.DUE),  # the window opens at the event
        (OPENS + timedelta(hours=24), FollowUpFilter.DUE),
        (OPENS + CLOSES_AFTER - timedelta(seconds=1), FollowUpFilter.DUE),
        (OPENS + CLOSES_AFTER - timedelta(microseconds=1), FollowUpFilter.DUE),
        (OPENS + CLOSES_AFTER, FollowUpFilter.OVERDUE),  # and closes at +36 h exactly
        (OPENS + timedelta(days=40), FollowUpFilter.OVERDUE),
    ],
)
def test_follow_up_states_at_the_window_boundaries(
    directory: ContactDirectory,
    contacts: ContactService,
    follow_ups: FollowUpService,
    now: datetime,
    state: FollowUpFilter,
) -> None:
    dana = contacts.add_contact(DANA)
    adam = contacts.add_contact(ADAM)
    log(follow_ups, EventKind.INTERVIEW, OPENS, dana)
    (owed,) = follow_ups.for_contact(dana.id)
    assert owed.window.state(now).value == state.value  # the same answer as the rule

    for candidate in (FollowUpFilter.OVERDUE, FollowUpFilter.DUE, FollowUpFilter.UPCOMING):
        expected = [dana.id] if candidate is state else []
        assert directory.matching_ids(ContactFilter(follow_up=candidate), now=now) == expected
    assert directory.matching_ids(ContactFilter(follow_up=FollowUpFilter.NONE), now=now) == [
        adam.id
    ]
    # The same moment in another time zone is the same moment.
    elsewhere = now.astimezone(ZoneInfo("America/Chicago"))
    assert directory.matching_ids(ContactFilter(follow_up=state), now=elsewhere) == [dana.id]


def test_a_person_owed_two_follow_ups_is_in_both_states(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    dana = contacts.add_contact(DANA)
    log(follow_ups, EventKind.INTERVIEW, NOW - timedelta(days=5), dana)
    log(follow_ups, EventKind.INTERVIEW, NOW + timedelta(days=5), dana)

    assert search(directory, follow_up=FollowUpFilter.OVERDUE) == [dana.id]
    assert search(directory, follow_up=FollowUpFilter.UPCOMING) == [dana.id]
    assert search(directory, follow_up=FollowUpFilter.DUE) == []
    assert search(directory, follow_up=FollowUpFilter.NONE) == []


def test_not_contacted_for_days_counts_never_and_excludes_exactly_n_days(
    directory: ContactDirectory, contacts: ContactService, follow_ups: FollowUpService
) -> None:
    cards = {
        name: contacts.add_contact(ContactCard(given_name=name, category="friend"))
        for name in ("Exactly", "Longer", "Never", "Recent", "Thanked")
    }
    log(follow_ups, EventKind.OTHER, NOW - timedelta(days=7), cards["Exactly"])
    log(follow_ups, EventKind.OTHER, NOW - timedelta(days=7, seconds=1), cards["Longer"])
    log(follow_ups, EventKind.OTHER, NOW - timedelta(days=1), cards["Recent"])
    log(follow_ups, EventKind.HELP, NOW - timedelta(days=40), cards["Thanked"])
    (thanks,) = follow_ups.for_contact(cards["Thanked"].id)
    follow_ups.mark_sent(thanks.id, channel=Channel.EMAIL, sent_at=NOW - timedelta(days=2))

    def quiet(days: int, now: datetime | None = None) -> list[str]:
        ids = directory.matching_ids(ContactFilter(not_contacted_days=days), now=now)
        return [directory.listings([i])[i].record.given_name for i in ids]

    assert quiet(7) == ["Longer", "Never"]
    assert quiet(1) == ["Exactly", "Longer", "Never", "Thanked"]
    assert quiet(2) == ["Exactly", "Longer", "Never"]  # thanked exactly 2 days ago
    assert quiet(0) == ["Exactly", "Longer", "Never", "Recent", "Thanked"]
    assert quiet(365) == ["Never"]
    assert quiet(7, now=NOW + timedelta(seconds=1)) == ["Exactly", "Longer", "Never"]


def test_filters_combine_with_each_other_and_with_text(
    directory: ContactDirectory, mixed: dict[str, int]
) -> None:
    dana, zoe, adam = mixed["dana"], mixed["zoe"], mixed["adam"]
    assert search(directory, "example", not_contacted_days=10) == [adam, zoe]
    assert search(directory, "example", follow_up=FollowUpFilter.NONE) == [adam, zoe]
    assert search(directory, "zoe", follow_up=FollowUpFilter.NONE) == [zoe]
    assert search(directory, "zoe", follow_up=FollowUpFilter.DUE) == []
    assert search(directory, "d", category=Category.HIRING_PROCESS.value) == [dana]
    assert search(directory, "d", category=Category.FRIEND.value) == []
    assert search(
        directory,
        "acme",
        category=Category.HIRING_PROCESS.value,
        opportunity_id=mixed["acme"],
        follow_up=FollowUpFilter.DUE,
        not_contacted_days=0,
    ) == [dana]
    assert search(directory, "acme", not_contacted_days=1) == []


# --- sort orders -------------------------------------------------------------------------


@pytest.fixture
def sortable(
    contacts: ContactService, follow_ups: FollowUpService, db: peewee.SqliteDatabase
) -> dict[str, int]:
    """Seven people with ties, blanks and accents in every column."""

    def add(**fields: Any) -> ContactRecord:
        return contacts.add_contact(ContactCard(**fields))

    cher = add(given_name="Cher", category="other")
    dana = add(
        given_name="Dana",
        family_name="Davis",
        job_title="Director",
        company="Acme",
        category="hiring-process",
        email="dana@example.com",
        phone="+1 (555) 010-2233",
        met_at="Spring Fair",
        met_on=date(2026, 3, 14),
    )
    zoe = add(
        given_name="Zoë",
        family_name="Ölund",
        job_title="Recruiter",
        company="Émigré Labs",
        category="friend",
        email="zoe@example.org",
        phone="+46 8 123 45",
        met_at="Öresund Meetup",
        met_on=date(2025, 6, 1),
    )
    adam = add(
        given_name="Adam",
        family_name="Oakes",
        job_title="recruiter",
        company="ACME",
        category="past-coworker",
        email="adam@example.net",
    )
    ben = add(
        given_name="Ben",
        family_name="Olsen",
        company="zeta corp",
        category="family",
        email="Ben@Example.com",
        phone="020 7946 0018",
        met_at="spring fair",
        met_on=date(2026, 3, 14),
    )
    lee1 = add(
        given_name="Lee",
        family_name="Park",
        job_title="Engineer",
        company="Globex",
        category="professional-network",
        email="lee@example.com",
    )
    lee2 = add(
        given_name="Lee",
        family_name="Park",
        job_title="Engineer",
        company="Globex",
        category="professional-network",
        email="lee.park@example.com",
        met_on=date(2024, 1, 1),
    )
    log(follow_ups, EventKind.HELP, datetime(2026, 11, 20, 10, 0, tzinfo=UTC), dana, ben)
    log(follow_ups, EventKind.HELP, datetime(2026, 11, 10, 10, 0, tzinfo=UTC), zoe)
    (thanks,) = follow_ups.for_contact(zoe.id)
    follow_ups.mark_sent(
        thanks.id, channel=Channel.EMAIL, sent_at=datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    )
    log(follow_ups, EventKind.HELP, datetime(2026, 10, 1, 10, 0, tzinfo=UTC), lee2)
    return {
        "cher": cher.id,
        "dana": dana.id,
        "zoe": zoe.id,
        "adam": adam.id,
        "ben": ben.id,
        "lee1": lee1.id,
        "lee2": lee2.id,
    }


# Expected orders, written out. Ties fall back to the name (family, then given name,
# ascending whichever way the column goes) and then the id; blanks are the smallest text;
# unknown dates come last both ways. "Cher" has no family name, so she sorts first by name.
ORDERS: dict[SortColumn, tuple[str, str]] = {
    SortColumn.NAME: (
        "cher dana adam ben zoe lee1 lee2",  # Ölund between Olsen and Park
        "lee2 lee1 zoe ben adam dana cher",  # exactly reversed, ids too
    ),
    SortColumn.JOB_TITLE: (
        "cher ben dana lee1 lee2 adam zoe",  # "recruiter" and "Recruiter" tie
        "adam zoe lee1 lee2 dana cher ben",
    ),
    SortColumn.COMPANY: (
        "cher dana adam zoe lee1 lee2 ben",  # Émigré with E; "ACME" ties "Acme"
        "ben lee1 lee2 zoe dana adam cher",
    ),
    SortColumn.CATEGORY: (
        # By label: Family, Friend, Hiring process, Other, Past co-worker, Professional…
        "ben zoe dana cher adam lee1 lee2",
        "lee1 lee2 adam cher dana zoe ben",
    ),
    SortColumn.EMAIL: (
        "cher adam ben dana lee2 lee1 zoe",  # "lee.park@" before "lee@"
        "zoe lee1 lee2 dana ben adam cher",
    ),
    SortColumn.PHONE: (
        # By digits: 02079460018, 15550102233, 46812345.
        "cher adam lee1 lee2 ben dana zoe",
        "zoe dana ben cher adam lee1 lee2",
    ),
    SortColumn.MET_AT: (
        "cher adam lee1 lee2 zoe dana ben",  # Öresund with O; "spring fair" ties
        "dana ben zoe cher adam lee1 lee2",
    ),
    SortColumn.MET_ON: (
        "lee2 zoe dana ben cher adam lee1",
        "dana ben zoe lee2 cher adam lee1",
    ),
    SortColumn.LAST_CONTACT: (
        # Lee 2 on 1 October, Dana and Ben together on 20 November, Zoë thanked on the 22nd.
        "lee2 dana ben zoe cher adam lee1",
        "zoe dana ben lee2 cher adam lee1",
    ),
}
assert set(ORDERS) == set(SortColumn)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", list(SortColumn))
def test_every_column_sorts_both_ways(
    directory: ContactDirectory,
    sortable: dict[str, int],
    column: SortColumn,
    descending: bool,
) -> None:
    expected = ORDERS[column][descending].split()
    found = directory.matching_ids(order=ContactOrder(column, descending))
    by_id = {v: k for k, v in sortable.items()}
    assert [by_id[i] for i in found] == expected


def test_a_filtered_list_keeps_the_order(
    directory: ContactDirectory, sortable: dict[str, int]
) -> None:
    order = ContactOrder(SortColumn.LAST_CONTACT, descending=True)
    found = directory.matching_ids(ContactFilter(text="example"), order)
    by_id = {v: k for k, v in sortable.items()}
    assert [by_id[i] for i in found] == ["zoe", "dana", "ben", "lee2", "adam", "lee1"]


# --- listings ----------------------------------------------------------------------------


def test_listings_are_the_stored_records_with_their_last_contact(
    directory: ContactDirectory, contacts: ContactService, sortable: dict[str, int]
) -> None:
    ids = [*sortable.values(), 9999]
    listed = directory.listings(ids)

    assert set(listed) == set(sortable.values())  # the unknown id is skipped
    for contact_id, listing in listed.items():
        assert listing.record == contacts.get_contact(contact_id)
    last = {key: listed[i].last_contact_at for key, i in sortable.items()}
    assert last == {
        "cher": None,
        "dana": datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        "zoe": datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
        "adam": None,
        "ben": datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        "lee1": None,
        "lee2": datetime(2026, 10, 1, 10, 0, tzinfo=UTC),
    }
    assert listed[sortable["zoe"]].record.met_on == date(2025, 6, 1)
    assert directory.listings([]) == {}


def test_listings_read_more_ids_than_one_statement_may_bind(
    directory: ContactDirectory, contacts: ContactService, db: peewee.SqliteDatabase
) -> None:
    with db.atomic():
        added = [contacts.add_contact(ContactCard(given_name=f"P{n:04}")) for n in range(1203)]
    ids = [c.id for c in added]

    listed = directory.listings([*reversed(ids), -1, 0])

    assert sorted(listed) == ids
    assert listed[ids[777]].record == added[777]
    assert len(directory.matching_ids(ContactFilter(text="p0"))) == 1000
    assert directory.refresh_index() == 0


# --- any cards, any query: the index agrees with a plain Python search -------------------

# Characters Unicode already had in version 3.2 (Python keeps that database as
# unicodedata.ucd_3_2_0), in the same category today, and stable under fold(). Outside that
# set the two word-splitters legitimately disagree: SQLite's unicode61 tables are Unicode 6.1
# and treat any code point they do not know as a word character (🙂, ₽, ₿ and the bidi
# isolates U+2066–U+2069 join the word next to them), and a few marks changed category
# since. fold() case-folds before NFKD, so compatibility letters such as ℂ, ™, 𝐃 and ϲ fold
# to capitals or a final sigma that FTS5 then folds again: the index finds those regardless of
# case, a plain substring test would not (see the report on text_folding).
_UNICODE_3_2 = unicodedata.ucd_3_2_0


def _plain(ch: str) -> bool:
    category = unicodedata.category(ch)
    return (
        category not in ("Cc", "Cn", "Co", "Cs")
        and _UNICODE_3_2.category(ch) == category
        and fold(fold(ch)) == fold(ch)
    )


def _any_plain() -> st.SearchStrategy[str]:
    # Built on first use, not at import: it walks every code point.
    plain = [chr(cp) for cp in range(0x20, 0x30000) if not 0xD800 <= cp < 0xE000]
    return st.sampled_from([ch for ch in plain if _plain(ch)])


_COMMON = tuple(
    "aAbdeEilnoOrsz019 -'.,@+()\"*:^_/\n\t\x00\u00a0\u3000éÉëöÖøØßÅåçñİıŁł"
    "\u0301\u0308ﬁＤ²½李小龍東京ドイツ한국어Ελληνικάкириллица😀☕"
)
_CHARS = st.one_of(st.sampled_from(_COMMON), st.deferred(_any_plain))
_TEXT = st.text(_CHARS, max_size=10)
_NAMES = st.sampled_from(["Zoë", "Ölund", "Dana", "Davis", "Straße", "李", "O'Brien", "Ana-Lía"])


def _name() -> st.SearchStrategy[str]:
    return st.one_of(_NAMES, st.builds(lambda a, b: a + b, _NAMES, _TEXT), _TEXT)


_CARDS = st.builds(
    ContactCard,
    courtesy_title=st.sampled_from(COURTESY_TITLES),
    given_name=_name(),
    family_name=_name(),
    job_title=_TEXT,
    company=_name(),
    city=_TEXT,
    phone=st.text(st.sampled_from("0123456789 +-().²"), max_size=12),
    category=st.sampled_from([c.value for c in Category]),
    met_at=_TEXT,
    notes=st.one_of(_TEXT, st.lists(_name(), max_size=3).map(" ".join)),
).filter(lambda c: bool(c.given_name.strip() or c.family_name.strip()))
_EVENTS = st.lists(st.tuples(st.sampled_from(list(EventKind)), _TEXT), max_size=2)


def _oracle_text(card: ContactCard, events: Sequence[tuple[EventKind, str]]) -> str:
    fields = [
        card.courtesy_title,
        card.given_name,
        card.family_name,
        card.job_title,
        card.company,
        card.department,
        card.email,
        card.phone,
        card.street,
        card.city,
        card.region,
        card.postal_code,
        card.country,
        card.met_at,
        card.notes,
        card.category_label,
        "".join(ch for ch in card.phone if ch.isdigit()),
    ]
    for kind, discussed in events:
        fields += [kind.label, discussed]
    # NUL separates like a space (FTS5 stops at one).
    return "\n".join(fold(field).replace("\x00", " ") for field in fields)


def _oracle_matches(terms: Sequence[str], card: ContactCard, text: str) -> bool:
    """Every term of three characters or more is part of the text; a shorter one starts a
    word of the text beside a longer term, else starts the given name, family name or
    company."""
    long = [t for t in terms if len(t) >= 3]
    short = [t for t in terms if len(t) < 3]
    if long:
        spaced = " " + text.replace("\n", " ")
        return all(t in text for t in long) and all(" " + t in spaced for t in short)
    names = [
        " ".join(fold(card.given_name).replace("\x00", " ").split()),
        " ".join(fold(card.family_name).replace("\x00", " ").split()),
        fold(card.company),
    ]
    return all(any(name.startswith(t) for name in names) for t in short)


@st.composite
def _queries(draw: st.DrawFn, texts: Sequence[str]) -> str:
    """Random text, often around a piece of what was stored, so that some searches hit."""
    parts = draw(st.lists(_TEXT, max_size=3))
    for _ in range(draw(st.integers(0, 2))):
        text = draw(st.sampled_from(texts))
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 8)))
        parts.append(text[start:end])
    parts.append(draw(st.sampled_from(["", " ", '"', "*", "-", " OR ", "NEAR(", ")", "^", ":"])))
    return "".join(draw(st.permutations(parts)))


@settings(max_examples=100, deadline=None)
@given(
    people=st.lists(st.tuples(_CARDS, _EVENTS), min_size=1, max_size=4),
    data=st.data(),
)
def test_the_index_finds_what_a_plain_search_would(
    people: list[tuple[ContactCard, list[tuple[EventKind, str]]]], data: st.DataObject
) -> None:
    clock = fixed_clock(NOW)
    with _fresh_database() as db:
        contacts = ContactService(db, clock)
        follow_ups = FollowUpService(db, clock, PreferencesService(db))
        directory = ContactDirectory(db, clock)
        texts = {}
        cards = {}
        for card, events in people:
            record = contacts.add_contact(card)
            for kind, discussed in events:
                log(follow_ups, kind, NOW, record, discussed=discussed)
            texts[record.id] = _oracle_text(record, events)
            cards[record.id] = record.card

        query = data.draw(_queries(list(texts.values())), label="query")
        terms = search_terms(query)
        expected = sorted(i for i, text in texts.items() if _oracle_matches(terms, cards[i], text))

        assert sorted(directory.matching_ids(ContactFilter(text=query))) == expected


def test_deleting_a_contact_leaves_no_text_behind_in_the_index(
    directory: ContactDirectory, contacts: ContactService, db: peewee.SqliteDatabase
) -> None:
    dana = contacts.add_contact(DANA)
    directory.refresh_index()
    contacts.delete_contact(dana.id)

    directory.refresh_index()

    assert list(db.execute_sql("SELECT rowid FROM contact_text")) == []
    assert list(db.execute_sql("SELECT contact_id FROM contact_search")) == []
