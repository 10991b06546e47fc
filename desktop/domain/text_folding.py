"""Folding text for matching: "Zoë ÖLUND" and "zoe olund" are the same to a search.

Search, sorting and duplicate detection all compare folded text, so a name typed without
accents on one keyboard finds the card typed with them on another.
"""

from __future__ import annotations

import unicodedata

# Letters that carry their mark inside them (Unicode does not decompose them), and the
# apostrophes keyboards type: a name typed plainly should still find them.
_PLAIN_LETTERS: dict[str, str] = {
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


class _FoldTable(dict[int, "int | str | None"]):
    """``str.translate`` table: combining marks dropped, the letters above made plain, the
    rest kept. Filled in as characters are met, so translating runs in C, not in a loop."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        value: int | str | None = code
        if unicodedata.combining(char):
            value = None
        elif char in _PLAIN_LETTERS:
            value = _PLAIN_LETTERS[char]
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-folded, without accents or other combining marks, in NFC.

    NFKD first so "ﬁ", "™" and styled or full-width letters become their plain forms before
    case is folded; ``casefold`` (not ``lower``) so "Straße" matches "strasse". The search
    index stores folded text: a change here needs a migration that re-queues every contact.
    """
    if text.isascii():  # most text: the same answer, without three normalisations
        return text.lower().replace("`", "'")
    compatible = unicodedata.normalize("NFKD", text)
    decomposed = unicodedata.normalize("NFKD", compatible.casefold())
    return unicodedata.normalize("NFC", decomposed.translate(_FOLD_TABLE))


def name_key(given_name: str, family_name: str, company: str = "") -> str:
    """What makes two cards "the same person": folded, spaces collapsed, order kept."""
    parts = (given_name, family_name, company)
    return "\x1f".join(" ".join(fold(part).split()) for part in parts)
