"""Folding text for matching: "Zoë ÖLUND" and "zoe olund" are the same to a search.

Search, sorting and duplicate detection all compare folded text, so a name typed without
accents on one keyboard finds the card typed with them on another.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Case-folded, without accents or other combining marks, in NFC.

    ``casefold`` (not ``lower``) so "Straße" matches "strasse"; NFKD first so "ﬁ" and
    full-width letters match their plain forms.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def name_key(given_name: str, family_name: str, company: str = "") -> str:
    """What makes two cards "the same person": folded, spaces collapsed, order kept."""
    parts = (given_name, family_name, company)
    return "\x1f".join(" ".join(fold(part).split()) for part in parts)
