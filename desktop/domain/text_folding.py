"""Folding text for matching: "Zoë ÖLUND" and "zoe olund" are the same to a search.

Search, sorting and duplicate detection all compare folded text, so a name typed without
accents on one keyboard finds the card typed with them on another.
"""

from __future__ import annotations

import unicodedata


# Letters that carry their mark inside them (Unicode does not decompose them), and the
# apostrophes keyboards type: a name typed plainly should still find them.
_PLAIN_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
    }
)


def fold(text: str) -> str:
    """Case-folded, without accents or other combining marks, in NFC.

    NFKD first so "ﬁ", "™" and styled or full-width letters become their plain forms before
    case is folded; ``casefold`` (not ``lower``) so "Straße" matches "strasse". The search
    index stores folded text: a change here needs a migration that re-queues every contact.
    """
    compatible = unicodedata.normalize("NFKD", text)
    decomposed = unicodedata.normalize("NFKD", compatible.casefold()).translate(_PLAIN_LETTERS)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def name_key(given_name: str, family_name: str, company: str = "") -> str:
    """What makes two cards "the same person": folded, spaces collapsed, order kept."""
    parts = (given_name, family_name, company)
    return "\x1f".join(" ".join(fold(part).split()) for part in parts)
