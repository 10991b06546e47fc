"""Contact details in one piece of a line: email addresses, web sites and phone numbers.

Helpers for card_text's first pass. A phone number's label ("M:", "Direct", "Fax") says
which number the card should keep; the label is kept with the number in the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain import card_text_words as w

# -- contact details ---------------------------------------------------------------------
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)
_BARE_DOMAIN = re.compile(r"(?i)^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24}(?:/[^\s]*)?$")
PHONE = re.compile(
    r"(?<![0-9A-Za-z@_])(?:\+|\(\+?)?[0-9]"
    r"(?:[0-9 ./\-]|\([0-9]{1,5}\)|\))*[0-9]"
    r"(?:(?i:\s?,?\s?(?:ext\.?|extn\.?|extension|x|#)\s?)[0-9]{1,6})?"
)
_NOT_PHONE = re.compile(
    # ZIP+4, dates, IP addresses
    r"^(?:[0-9]{5}-[0-9]{4}|[0-9]{1,4}[./\-][0-9]{1,2}[./\-][0-9]{1,4}|[0-9]{1,3}(?:\.[0-9]{1,3}){3})$"
)
_BAD_PHONE_GAP = re.compile(r"[./\-]{2}|\(\)")
_LABEL_BEFORE = re.compile(r"(?:([^\W\d_]+)[^\w]+)?([^\W\d_]+)[\s:.()\-]*$")
_LABEL_AFTER = re.compile(r"(?i)^\s*[(\[]?\s*(mobile|cell|office|direct|work|fax|home)\b\s*[)\]]?")
GENERIC_MAILBOXES = frozenset(
    {
        "info", "contact", "hello", "hi", "careers", "jobs", "hr", "noreply", "no-reply",
        "donotreply", "support", "office", "admin", "sales", "team", "enquiries",
        "inquiries", "mail", "privacy", "postmaster", "webmaster", "press", "kontakt",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Found:
    """A contact detail: its value, what it is ("mobile", ...), its notes form, where."""

    value: str
    kind: str
    note: str
    line: int
    prose: bool
    order: int


def phone_kind(before: str, after: str) -> tuple[str, int | None]:
    """The label before (or after) a number: its kind and where the label starts."""
    match = _LABEL_BEFORE.search(before[-40:])
    if match is not None and len(before) - match.end(2) <= 4:
        offset = len(before) - len(before[-40:])
        label = match.group(2).lower()
        if label in w.PHONE_LABEL_TAILS and match.group(1):
            previous = match.group(1).lower()
            if previous in w.PHONE_LABELS:
                return w.PHONE_LABELS[previous], offset + match.start(1)
        if label in w.PHONE_LABELS:
            return w.PHONE_LABELS[label], offset + match.start(2)
        if label in w.PHONE_LABEL_TAILS:
            return w.OFFICE, offset + match.start(2)
    suffix = _LABEL_AFTER.match(after)
    if suffix is not None:
        return w.PHONE_LABELS[suffix.group(1).lower()], None
    return "", None


def valid_phone(value: str) -> bool:
    digits = sum(c in "0123456789" for c in value)
    main = re.split(r"(?i)\s?,?\s?(?:ext|x|#)", value, maxsplit=1)[0]
    main_digits = sum(c in "0123456789" for c in main)
    return (
        7 <= main_digits <= 15
        and digits <= 21
        and not _NOT_PHONE.match(value)
        and not _BAD_PHONE_GAP.search(main)
        and value.count("(") <= 2
    )


def trim_phone(value: str) -> str:
    """Drop a bracket the number does not close or open ("(555 123 4567", "4567)")."""
    if value.count(")") > value.count("("):
        value = value.rstrip(")").rstrip()
    if value.count("(") > value.count(")"):
        value = value.lstrip("(").lstrip()
    return value


def url_host(url: str) -> tuple[str, str]:
    """Host without "www." and path of a web address: ("acme.com", "/jobs")."""
    bare = re.sub(r"(?i)^https?://", "", url)
    host, _, path = bare.partition("/")
    host = host.lower().removeprefix("www.")
    return host, "/" + path


def is_social(url: str) -> bool:
    site_host, path = url_host(url)
    for site, profile in w.PROFILE_PATHS:
        if (site_host == site or site_host.endswith("." + site)) and path.startswith(profile):
            return False
    return any(site_host == site or site_host.endswith("." + site) for site in w.SOCIAL_HOSTS)


def strip_labels(text: str) -> str:
    """The words before a contact detail, without its label: "From: Dana Davis <"."""
    text = re.sub(r"(?i)^(?:from|von|de)\s*:\s*", "", text)
    while True:
        text = text.rstrip(" :.,;(<[-–—/\"'")
        tokens = text.rsplit(" ", 1)
        last = tokens[-1].lower().rstrip(".:")
        if text and (
            last in w.PHONE_LABELS or last in w.PHONE_LABEL_TAILS or last in w.OTHER_LABELS
        ):
            text = tokens[0] if len(tokens) == 2 else ""
            continue
        return text.strip()


# -- helpers -----------------------------------------------------------------------------------
def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` blanked, so later patterns skip them."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def strip_web_label(text: str) -> str | None:
    bare = re.sub(r"(?i)^(?:web(?:site)?|w|site|internet|homepage|url)\s*:\s*", "", text)
    return bare if _BARE_DOMAIN.match(bare) else None
