"""Schema migrations keyed by SQLite's ``user_version``.

Each migration is plain SQL for one version step, run in its own transaction together with
the ``user_version`` bump, so a failed upgrade leaves the previous version intact. Add a new
step by appending to ``MIGRATIONS``; never edit a step that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import peewee

from desktop.domain.errors import DatabaseError

Migration = Callable[[peewee.SqliteDatabase], None]


def _v1_contacts(db: peewee.SqliteDatabase) -> None:
    db.execute_sql(
        """
        CREATE TABLE contact (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            courtesy_title TEXT NOT NULL DEFAULT '',
            given_name    TEXT NOT NULL DEFAULT '',
            family_name   TEXT NOT NULL DEFAULT '',
            job_title     TEXT NOT NULL DEFAULT '',
            company       TEXT NOT NULL DEFAULT '',
            department    TEXT NOT NULL DEFAULT '',
            email         TEXT NOT NULL DEFAULT '',
            phone         TEXT NOT NULL DEFAULT '',
            street        TEXT NOT NULL DEFAULT '',
            city          TEXT NOT NULL DEFAULT '',
            region        TEXT NOT NULL DEFAULT '',
            postal_code   TEXT NOT NULL DEFAULT '',
            country       TEXT NOT NULL DEFAULT '',
            category      TEXT NOT NULL,
            met_at        TEXT NOT NULL DEFAULT '',
            notes         TEXT NOT NULL DEFAULT '',
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            CHECK (given_name <> '' OR family_name <> '')
        )
        """
    )
    db.execute_sql("CREATE INDEX contact_family_given ON contact (family_name, given_name)")


def _v2_follow_ups(db: peewee.SqliteDatabase) -> None:
    statements = [
        # With foreign keys on, an added REFERENCES column must default to NULL (it does).
        """ALTER TABLE contact ADD COLUMN introduced_by_id INTEGER
               REFERENCES contact (id) ON DELETE SET NULL""",
        """CREATE TABLE opportunity (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            company     TEXT NOT NULL DEFAULT '',
            position    TEXT NOT NULL DEFAULT '',
            status      TEXT NOT NULL,
            notes       TEXT NOT NULL DEFAULT '',
            created_at  TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            CHECK (company <> '' OR position <> '')
        )""",
        """CREATE TABLE opportunity_contact (
            opportunity_id INTEGER NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
            contact_id     INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            PRIMARY KEY (opportunity_id, contact_id)
        )""",
        "CREATE INDEX opportunity_contact_contact ON opportunity_contact (contact_id)",
        """CREATE TABLE event (
            id             INTEGER PRIMARY KEY AUTOINCREMENT,
            kind           TEXT NOT NULL,
            occurred_at    TEXT NOT NULL,
            discussed      TEXT NOT NULL DEFAULT '',
            opportunity_id INTEGER REFERENCES opportunity (id) ON DELETE SET NULL,
            created_at     TEXT NOT NULL
        )""",
        """CREATE TABLE event_contact (
            event_id   INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, contact_id)
        )""",
        "CREATE INDEX event_contact_contact ON event_contact (contact_id)",
        """CREATE TABLE follow_up (
            id                  INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id          INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            event_id            INTEGER REFERENCES event (id) ON DELETE SET NULL,
            previous_id         INTEGER REFERENCES follow_up (id) ON DELETE SET NULL,
            situation           TEXT NOT NULL,
            opens_at            TEXT NOT NULL,
            target_at           TEXT NOT NULL,
            closes_at           TEXT NOT NULL,
            recommended_channel TEXT NOT NULL,
            status              TEXT NOT NULL DEFAULT 'pending',
            sent_at             TEXT,
            sent_channel        TEXT,
            summary             TEXT NOT NULL DEFAULT '',
            override_note       TEXT NOT NULL DEFAULT '',
            created_at          TEXT NOT NULL,
            CHECK (status IN ('pending', 'sent', 'dismissed')),
            CHECK (status <> 'sent' OR (sent_at IS NOT NULL AND sent_channel IS NOT NULL))
        )""",
        "CREATE INDEX follow_up_status_closes ON follow_up (status, closes_at)",
        "CREATE INDEX follow_up_contact ON follow_up (contact_id, status)",
        "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ]
    for statement in statements:
        db.execute_sql(statement)


def _v3_letters(db: peewee.SqliteDatabase) -> None:
    statements = [
        # User templates. A row with overrides_builtin = 1 is the user's edit of the built-in
        # template for its situation (deleting it resets the built-in).
        """CREATE TABLE letter_template (
            id                INTEGER PRIMARY KEY AUTOINCREMENT,
            situation         TEXT NOT NULL,
            name              TEXT NOT NULL,
            body              TEXT NOT NULL,
            overrides_builtin INTEGER NOT NULL DEFAULT 0,
            created_at        TEXT NOT NULL,
            updated_at        TEXT NOT NULL,
            CHECK (name <> '')
        )""",
        """CREATE UNIQUE INDEX letter_template_override
               ON letter_template (situation) WHERE overrides_builtin = 1""",
        "CREATE UNIQUE INDEX letter_template_name ON letter_template (situation, name)",
        # Every letter that left the app, exactly as it left.
        """CREATE TABLE letter (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id    INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
            follow_up_id  INTEGER REFERENCES follow_up (id) ON DELETE SET NULL,
            situation     TEXT NOT NULL,
            template_name TEXT NOT NULL,
            final_text    TEXT NOT NULL,
            channel       TEXT NOT NULL,
            output        TEXT NOT NULL,
            created_at    TEXT NOT NULL,
            CHECK (output IN ('printed', 'pdf', 'email', 'copied'))
        )""",
        "CREATE INDEX letter_contact ON letter (contact_id, created_at)",
    ]
    for statement in statements:
        db.execute_sql(statement)


def _v4_search(db: peewee.SqliteDatabase) -> None:
    def queue(contact_id: str) -> str:
        # Not INSERT OR IGNORE: the statement that fires a trigger (a foreign-key cascade,
        # say) imposes its own conflict handling on it, so a duplicate must never be tried.
        return (
            f"INSERT INTO contact_search_queue SELECT {contact_id} WHERE NOT EXISTS"
            f" (SELECT 1 FROM contact_search_queue WHERE contact_id = {contact_id});"
        )

    statements = [
        # The day a contact was met (ISO date), e.g. LinkedIn's "Connected On".
        "ALTER TABLE contact ADD COLUMN met_on TEXT",
        # One row per contact: folded sort keys and when they were last contacted. Kept up
        # to date by desktop.domain.contact_search from the rows the triggers below queue.
        # No foreign key: a deleted contact's row stays until the index is refreshed, which
        # then removes it and its text together (a cascade would orphan the text).
        """CREATE TABLE contact_search (
            contact_id      INTEGER PRIMARY KEY,
            category        TEXT NOT NULL,
            name_key        TEXT NOT NULL,
            given_key       TEXT NOT NULL,
            job_title_key   TEXT NOT NULL,
            company_key     TEXT NOT NULL,
            category_key    TEXT NOT NULL,
            email_key       TEXT NOT NULL,
            phone_key       TEXT NOT NULL,
            met_at_key      TEXT NOT NULL,
            met_on          TEXT,
            last_contact_at TEXT
        )""",
        "CREATE INDEX contact_search_name ON contact_search (name_key, contact_id)",
        # One- and two-letter searches match the start of a given name, family name (the
        # start of name_key) or company (trigrams need three letters): ranges on indexes.
        "CREATE INDEX contact_search_given ON contact_search (given_key)",
        "CREATE INDEX contact_search_company ON contact_search (company_key, name_key, contact_id)",
        # The folded text of a card and its events: trigrams find any part of a word of
        # three letters or more.
        "CREATE VIRTUAL TABLE contact_text USING fts5 (text, tokenize = 'trigram')",
        # Contacts whose search rows must be rebuilt. Triggers queue them in the same
        # transaction as the change, so no write path can leave the index stale.
        "CREATE TABLE contact_search_queue (contact_id INTEGER PRIMARY KEY)",
        f"""CREATE TRIGGER contact_search_on_insert AFTER INSERT ON contact BEGIN
            {queue("new.id")} END""",
        f"""CREATE TRIGGER contact_search_on_update AFTER UPDATE ON contact BEGIN
            {queue("new.id")} END""",
        f"""CREATE TRIGGER contact_search_on_delete AFTER DELETE ON contact BEGIN
            {queue("old.id")} END""",
        f"""CREATE TRIGGER contact_search_on_link AFTER INSERT ON event_contact BEGIN
            {queue("new.contact_id")} END""",
        f"""CREATE TRIGGER contact_search_on_unlink AFTER DELETE ON event_contact BEGIN
            {queue("old.contact_id")} END""",
        """CREATE TRIGGER contact_search_on_event AFTER UPDATE ON event BEGIN
            INSERT INTO contact_search_queue
                SELECT contact_id FROM event_contact WHERE event_id = new.id
                AND contact_id NOT IN (SELECT contact_id FROM contact_search_queue); END""",
        f"""CREATE TRIGGER contact_search_on_follow_up AFTER INSERT ON follow_up BEGIN
            {queue("new.contact_id")} END""",
        f"""CREATE TRIGGER contact_search_on_follow_up_change AFTER UPDATE ON follow_up BEGIN
            {queue("new.contact_id")} END""",
        # Every existing contact is indexed the first time the database is opened.
        "INSERT INTO contact_search_queue SELECT id FROM contact",
    ]
    for statement in statements:
        db.execute_sql(statement)


def _v5_card_photos(db: peewee.SqliteDatabase) -> None:
    # The photo of a contact's business card, one per contact. A table of its own keeps the
    # contact rows small (listing and searching never read a photo); being in the database,
    # it is in every backup and restore, and goes (and comes back) with its contact. How
    # large a photo may be is the domain's rule (card_photos.MAX_PHOTO_BYTES), not the
    # schema's, so it can change without a migration.
    db.execute_sql(
        """CREATE TABLE card_photo (
            contact_id INTEGER PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,
            media_type TEXT NOT NULL,
            data       BLOB NOT NULL,
            width      INTEGER,
            height     INTEGER,
            added_at   TEXT NOT NULL,
            CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
            CHECK (typeof(data) = 'blob' AND length(data) > 0),
            CHECK (width IS NULL OR width > 0),
            CHECK (height IS NULL OR height > 0)
        )"""
    )


# MIGRATIONS[i] upgrades a database from user_version i to i + 1.
MIGRATIONS: Sequence[Migration] = (
    _v1_contacts,
    _v2_follow_ups,
    _v3_letters,
    _v4_search,
    _v5_card_photos,
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: peewee.SqliteDatabase) -> int:
    return int(db.pragma("user_version"))


def migrate(db: peewee.SqliteDatabase, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring ``db`` up to the newest version; return how many steps ran.

    A database written by a newer release is refused rather than guessed at.
    """
    current = schema_version(db)
    target = len(migrations)
    if current > target:
        raise DatabaseError(
            f"This database was written by a newer version of Follow-Up Desk "
            f"(schema {current}; this version understands up to {target}). "
            "Install the newer version to open it."
        )
    for version in range(current, target):
        with db.atomic():
            migrations[version](db)
            # PRAGMA takes no bound parameters; the value is an int we computed.
            db.execute_sql(f"PRAGMA user_version = {version + 1:d}")
    return target - current
