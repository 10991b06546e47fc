"""Which saved contacts a card being typed may be a second copy of.

The same test the import uses (``importing.plan``): the same email address, or the same
given name, family name and company once case, accents and spacing are folded away. It
reads the search index, so it answers in a few milliseconds at 100,000 contacts while the
user types.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import peewee

from desktop.domain.contacts import ContactCard
from desktop.domain.text_folding import fold

# More than this many look-alikes is noise in a warning: the card says "and N more".
MAX_SHOWN = 3


class Likeness(StrEnum):
    EMAIL = "email"
    NAME_AND_COMPANY = "name-and-company"


@dataclass(frozen=True)
class SimilarContact:
    contact_id: int
    formal_name: str
    company: str
    likeness: Likeness


def _folded(text: str) -> str:
    return " ".join(fold(text).replace("\x00", " ").split())


def similar_contacts(
    db: peewee.SqliteDatabase,
    card: ContactCard,
    exclude_id: int | None = None,
    limit: int = MAX_SHOWN + 1,
) -> list[SimilarContact]:
    """Contacts other than ``exclude_id`` that look like ``card``: email matches first.

    The caller refreshes the search index first (``ContactDirectory.similar_to`` does).
    A card with neither an email nor both names asks nothing: "Dana" alone matches too
    many people to be a useful warning.
    """
    email = _folded(card.email)
    given, family = _folded(card.given_name), _folded(card.family_name)
    clauses: list[str] = []
    params: list[object] = []
    if email:
        clauses.append("s.email_key = ?")
        params.append(email)
    if given and family:
        clauses.append("(s.name_key = ? AND s.company_key = ?)")
        params.extend([f"{family}\x1f{given}", _folded(card.company)])
    if not clauses:
        return []
    excluded = -1 if exclude_id is None else exclude_id
    rows = db.execute_sql(
        "SELECT c.id, c.courtesy_title, c.given_name, c.family_name, c.company, s.email_key"
        " FROM contact_search s JOIN contact c ON c.id = s.contact_id"
        f" WHERE ({' OR '.join(clauses)}) AND s.contact_id != ?"
        " ORDER BY s.email_key != ?, s.name_key, s.contact_id LIMIT ?",
        [*params, excluded, email, limit],
    )
    found = []
    for contact_id, title, given_name, family_name, company, email_key in rows:
        likeness = Likeness.EMAIL if email and email_key == email else Likeness.NAME_AND_COMPANY
        name = " ".join(part for part in (title, given_name, family_name) if part)
        found.append(SimilarContact(contact_id, name, company, likeness))
    return found
