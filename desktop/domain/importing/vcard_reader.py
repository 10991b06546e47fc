"""Reading vCard 2.1, 3.0 and 4.0 files, one or many cards each.

``vobject`` parses the properties, but it reads every card as vCard 3.0: it would cut a
2.1 value at its first comma, and it stumbles on 2.1 quoted-printable soft line breaks and
on base64 photos without indentation. So each card is first rewritten here as clean 3.0:
lines unfolded, quoted-printable decoded (with its charset, else UTF-8, else
Windows-1252), 2.1 values escaped the 3.0 way, photos and other binaries dropped, and
parameters reduced to their types. A card vobject still cannot read becomes a row with a
``problem``; the other cards of the file are unaffected.
"""

from __future__ import annotations

import codecs
import io
import quopri
import re
from collections.abc import Iterator
from typing import Any

from desktop.domain.categories import Category
from desktop.domain.contact_formats import VCARD_CATEGORY, VCARD_MET_AT, VCARD_MET_ON
from desktop.domain.importing.columns import squashed
from desktop.domain.importing.source import ImportSource, SourceKind, SourceRow

VCARD_COLUMNS: tuple[str, ...] = (
    "Name Prefix",
    "Given Name",
    "Middle Name",
    "Family Name",
    "Name Suffix",
    "Full Name",
    "Nickname",
    "Organization",
    "Department",
    "Title",
    "Role",
    "Email",
    "Other Emails",
    "Phone",
    "Other Phones",
    "Street",
    "City",
    "Region",
    "Postal Code",
    "Country",
    "Other Addresses",
    "Birthday",
    "Website",
    "Category",
    "Categories",
    "Met At",
    "Met On",
    "Note",
)

_BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY", "AGENT"})
_STRUCTURED = frozenset({"N", "ADR", "ORG"})  # ";" separates components
_LISTS = frozenset({"CATEGORIES", "NICKNAME"})  # "," separates values
_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_UNESCAPED_COMMA = re.compile(r"(?<!\\),")


def looks_like_vcard(text: str) -> bool:
    first = text.lstrip("\ufeff \t\r\n")[:11]
    return first.upper() == "BEGIN:VCARD"


def read_vcards(text: str, name: str, encoding: str) -> ImportSource:
    import vobject  # ~50 ms: loaded when a vCard file is read, not with the CSV importer

    rows: list[SourceRow] = []
    for line, card_lines, problem in _cards(text):
        if problem:
            rows.append(SourceRow(line, {}, problem=problem))
            continue
        try:
            card = vobject.readOne(_clean_card(card_lines))
            values = _values(card)
        except Exception as exc:  # one card's failure rejects it alone
            reason = re.sub(r"^At line \d+: ", "", str(exc)) or type(exc).__name__
            rows.append(SourceRow(line, {}, problem=f"this vCard cannot be read ({reason})"))
            continue
        rows.append(SourceRow(line, values))
    return ImportSource(
        path_name=name,
        kind=SourceKind.VCARD,
        columns=VCARD_COLUMNS,
        rows=tuple(rows),
        encoding=encoding,
        delimiter=None,
    )


# -- splitting the file into cards -----------------------------------------------------------
def _cards(text: str) -> Iterator[tuple[int, list[str], str]]:
    """(line of BEGIN:VCARD, the card's lines, problem) for each card; nested cards (2.1
    AGENT) stay out of their parent's lines."""
    current: list[str] | None = None
    begin = depth = 0
    # Physical lines end at \r\n, \n or \r only; a U+2028 in a note is not a line break.
    for number, physical in enumerate(io.StringIO(text, newline=""), start=1):
        raw = physical.rstrip("\r\n")
        tag = raw.strip().upper()
        if current is None:
            if tag == "BEGIN:VCARD":
                current, begin, depth = [], number, 1
            continue
        if tag == "BEGIN:VCARD":
            depth += 1
        elif tag == "END:VCARD":
            depth -= 1
            if depth == 0:
                yield begin, current, ""
                current = None
        elif depth == 1:
            current.append(raw)
    if current is not None:
        yield begin, [], "this vCard has no END:VCARD line (the file may be cut short)"


# -- rewriting a card as clean vCard 3.0 ------------------------------------------------------
def _split(line: str) -> tuple[str, list[str], str] | None:
    """(NAME, [PARAM, ...], value) of a content line, or None if it is not one."""
    quoted = False
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            head, value = line[:index], line[index + 1 :]
            name, *params = head.split(";")
            name = name.strip().rsplit(".", 1)[-1].upper()  # drop an "item1." group
            if not _NAME.match(name):
                return None
            return name, [p.strip().upper() for p in params if p.strip()], value
    return None


def _is_qp(params: list[str]) -> bool:
    return "QUOTED-PRINTABLE" in params or "ENCODING=QUOTED-PRINTABLE" in params


def _is_base64(params: list[str]) -> bool:
    return bool({"BASE64", "ENCODING=BASE64", "ENCODING=B"} & set(params))


def _unfold(lines: list[str]) -> list[str]:
    """Logical lines: folded lines joined, quoted-printable soft breaks removed, and 2.1
    base64 data (which need not be indented) kept with its property."""
    logical: list[str] = []
    soft_break = binary = False
    for line in lines:
        if soft_break and logical:
            logical[-1] = logical[-1][:-1] + line
        elif line[:1] in (" ", "\t") and logical:
            logical[-1] += line[1:]
        elif not line.strip():
            binary = False
            continue
        elif binary and ":" not in line and logical:
            logical[-1] += line
        else:
            logical.append(line)
        parts = _split(logical[-1])
        params = parts[1] if parts else []
        soft_break = _is_qp(params) and logical[-1].endswith("=")
        binary = _is_base64(params)
    return logical


def _decode_qp(value: str, params: list[str]) -> str:
    data = quopri.decodestring(value.encode("utf-8"))
    charsets = [p.split("=", 1)[1] for p in params if p.startswith("CHARSET=")]
    for charset in [*charsets, "utf-8", "cp1252"]:
        try:
            codecs.lookup(charset)
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


_RAW_SPECIALS = re.compile(r"\\;|\r\n|[\\,;\r\n]")


def _escape_raw(value: str, name: str) -> str:
    """A vCard 2.1 value (no escapes but "\\;") escaped as vCard 3.0 wants it."""

    def escaped(match: re.Match[str]) -> str:
        special = match.group()
        if special == "\\;":
            return special
        if special in ("\r\n", "\r", "\n"):
            return "\\n"
        if (special == "," and name in _LISTS) or (special == ";" and name in _STRUCTURED):
            return special  # a separator
        return "\\" + special

    return _RAW_SPECIALS.sub(escaped, value)


def _types(params: list[str]) -> list[str]:
    """The TYPE values of a property, whether written TYPE=a,b (3.0/4.0) or bare (2.1)."""
    types: list[str] = []
    for param in params:
        key, _, value = param.partition("=")
        if not value:
            types.append(key)
        elif key == "TYPE":
            types.extend(t.strip('" ') for t in value.split(","))
        elif key == "PREF":
            types.append("PREF")
    return [t for t in types if _NAME.match(t)]


def _clean_card(lines: list[str]) -> str:
    properties = [parts for line in _unfold(lines) if (parts := _split(line))]
    version = next((v.strip() for n, _p, v in properties if n == "VERSION"), "3.0")
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    for name, params, value in properties:
        if name in _BINARY_PROPERTIES or name in {"VERSION", "BEGIN", "END"}:
            continue
        if _is_base64(params):
            continue
        if _is_qp(params):
            value = _escape_raw(_decode_qp(value, params), name)
        elif version.startswith("2"):
            value = _escape_raw(value, name)
        elif name not in _STRUCTURED and name not in _LISTS:
            value = _UNESCAPED_COMMA.sub(r"\\,", value)  # a common slip in 3.0 writers
        if (len(value) - len(value.rstrip("\\"))) % 2:
            value += "\\"  # a lone backslash at the end escapes nothing; vobject reads "\eof"
        types = _types(params)
        type_param = f";TYPE={','.join(types)}" if types else ""
        out.append(f"{name}{type_param}:{value}")
    out.append("END:VCARD")
    return "\r\n".join(out) + "\r\n"


# -- reading the parsed card ------------------------------------------------------------------
def _text(value: Any, separator: str = ", ") -> str:
    if isinstance(value, list):
        return separator.join(t for item in value if (t := _text(item, separator)))
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return str(value).strip() if value is not None else ""


def _all(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name.lower(), []))


def _param_types(line: Any) -> set[str]:
    return {t.upper() for value in line.params.get("TYPE", []) for t in value.split(",")}


def _preferred_first(lines: list[Any], *preferred: str) -> list[Any]:
    """The lines with the first preferred type first, in file order otherwise."""
    for kind in preferred:
        chosen = [line for line in lines if kind in _param_types(line)]
        if chosen:
            first = chosen[0]
            return [first, *(line for line in lines if line is not first)]
    return lines


def _with_types(text: str, line: Any) -> str:
    types = sorted(_param_types(line) - {"PREF", "INTERNET", "VOICE"})
    return f"{text} ({', '.join(t.lower() for t in types)})" if types else text


def _address_parts(value: Any) -> dict[str, str]:
    street = ", ".join(
        part
        for part in (
            _text(getattr(value, "street", "")),
            _text(getattr(value, "extended", "")),
            _text(getattr(value, "box", "")),
        )
        if part
    )
    return {
        "Street": street,
        "City": _text(getattr(value, "city", "")),
        "Region": _text(getattr(value, "region", "")),
        "Postal Code": _text(getattr(value, "code", "")),
        "Country": _text(getattr(value, "country", "")),
    }


def _values(card: Any) -> dict[str, str]:
    values = dict.fromkeys(VCARD_COLUMNS, "")
    names = _all(card, "N")
    if names:
        name = names[0].value
        values["Name Prefix"] = _text(getattr(name, "prefix", ""), " ")
        values["Given Name"] = _text(getattr(name, "given", ""), " ")
        values["Middle Name"] = _text(getattr(name, "additional", ""), " ")
        values["Family Name"] = _text(getattr(name, "family", ""), " ")
        values["Name Suffix"] = _text(getattr(name, "suffix", ""), " ")
    values["Full Name"] = next((t for line in _all(card, "FN") if (t := _text(line.value))), "")
    values["Nickname"] = "; ".join(_text(line.value) for line in _all(card, "NICKNAME"))

    orgs = _all(card, "ORG")
    if orgs:
        units = orgs[0].value if isinstance(orgs[0].value, list) else [orgs[0].value]
        values["Organization"] = _text(units[0]) if units else ""
        values["Department"] = ", ".join(t for unit in units[1:] if (t := _text(unit)))
    values["Title"] = "; ".join(t for line in _all(card, "TITLE") if (t := _text(line.value)))
    values["Role"] = "; ".join(t for line in _all(card, "ROLE") if (t := _text(line.value)))

    emails = _preferred_first(_all(card, "EMAIL"), "PREF")
    addresses = [_text(line.value).removeprefix("mailto:") for line in emails]
    values["Email"] = addresses[0] if addresses else ""
    values["Other Emails"] = ", ".join(a for a in addresses[1:] if a)

    phones = _preferred_first(_all(card, "TEL"), "PREF", "WORK")
    numbers = [(_text(line.value).removeprefix("tel:"), line) for line in phones]
    values["Phone"] = numbers[0][0] if numbers else ""
    values["Other Phones"] = ", ".join(_with_types(n, line) for n, line in numbers[1:] if n)

    addresses_found = _preferred_first(_all(card, "ADR"), "WORK", "PREF")
    if addresses_found:
        values.update(_address_parts(addresses_found[0].value))
        others = [_address_parts(line.value) for line in addresses_found[1:]]
        values["Other Addresses"] = "; ".join(
            ", ".join(part for part in other.values() if part) for other in others
        )
    values["Birthday"] = next((_text(line.value) for line in _all(card, "BDAY")), "")
    values["Website"] = ", ".join(_text(line.value) for line in _all(card, "URL"))

    category = next((_text(line.value) for line in _all(card, VCARD_CATEGORY)), "")
    values["Category"] = category
    labels = [
        t for line in _all(card, "CATEGORIES") for t in _text(line.value, "\x1f").split("\x1f")
    ]
    # Our own export repeats the category's label in CATEGORIES for other programs.
    values["Categories"] = ", ".join(
        label for label in labels if label and not _same_category(label, category)
    )
    values["Met At"] = next((_text(line.value) for line in _all(card, VCARD_MET_AT)), "")
    values["Met On"] = next((_text(line.value) for line in _all(card, VCARD_MET_ON)), "")
    # Notes keep their white space, so our own export comes back exactly.
    values["Note"] = "\n".join(str(line.value) for line in _all(card, "NOTE"))
    return values


def _same_category(label: str, category: str) -> bool:
    if not category:
        return False
    try:
        known = Category(category)
    except ValueError:
        return False
    return squashed(label) in {squashed(known.label), squashed(known.value)}
