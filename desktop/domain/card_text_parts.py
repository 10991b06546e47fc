"""What one piece of a line is: an address line, a street, a person's name, a job title.

Each function looks at one piece of text and answers from its words alone; card_text
decides from where pieces stand (the street above the postal line, the title below the
name). Every value returned is a slice of the text it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.domain import card_text_words as w
from desktop.domain.card_text_lines import PRONOUN_TAIL, word_list
from desktop.domain.categories import COURTESY_TITLES


# -- address parsing -----------------------------------------------------------------------
@dataclass(frozen=True)
class Postal:
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    street: str = ""  # what came before the city on the same line


_PLACE = r"[^\W\d_][^,\d()|]*?"
_US_REGION = rf"(?:{'|'.join(w.US_STATES)})\.?|(?i:{w.alternation(w.US_STATES.values())})"
_CA_REGION = (
    rf"(?:{'|'.join(w.CA_PROVINCES)})|(?i:{w.alternation([*w.CA_PROVINCES.values(), 'Quebec'])})"
)
_ZIP = r"[0-9]{5}(?:-[0-9]{4})?"
_CA_POSTAL = r"[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]"
_UK_POSTAL = r"(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})"
_EU_POSTAL = r"(?:[0-9]{5}|[0-9]{4}(?: ?[A-Z]{2}(?![^\W\d_]))?|[0-9]{2}-[0-9]{3}|[0-9]{3} [0-9]{2})"
_PIN = r"[1-9][0-9]{2} ?[0-9]{3}"
_POSTAL_PATTERNS = (
    re.compile(rf"^(?:(?P<city>{_PLACE})\s+)?(?P<region>{_US_REGION})\s+(?P<postal>{_ZIP})$"),
    re.compile(
        rf"^(?:(?P<city>{_PLACE})\s+)?\(?(?P<region>{_CA_REGION})\)?\s+(?P<postal>{_CA_POSTAL})$"
    ),
    re.compile(rf"^(?:(?P<city>{_PLACE})\s+)?(?P<postal>{_UK_POSTAL})$"),
    re.compile(rf"^(?:(?P<city>{_PLACE})\s*(?:[-–]\s*)?)?(?P<postal>{_PIN})$"),
    re.compile(rf"^(?:[A-Z]{{1,3}} ?- ?)?(?P<postal>{_EU_POSTAL})\s+(?P<city>{_PLACE})$"),
)
_TRAILING_COUNTRY = re.compile(
    rf"(?i)(?:^|,\s*|\s+)(?P<country>(?:{w.alternation(w.COUNTRIES)})\.?)$"
)
_PARTS = re.compile(r"[^,]+")


def is_country(text: str) -> bool:
    return text.lower().rstrip(".") in w.COUNTRIES


def is_place(text: str) -> bool:
    """A town or region: capitalised words, no digits, not a street or a company."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 4
        and text[0].isalpha()
        and text[0].isupper()
        and not any(c.isdigit() for c in text)
        # "St. Louis", "Ste. Foy": a leading "St." is a saint, not a street.
        and not any(word in w.STREET_WORDS for word in word_list(text)[1:])
        and word_list(text)[0] not in w.STREET_WORDS - {"st", "ste"}
        and not w.COMPANY_FORM.search(text)
        and title_strength(text) == 0
        and all(c.isalpha() or c in " .'’-" for c in text)
    )


def parse_postal(text: str) -> Postal | None:
    """City, region, postal code and country of one line, if it is such a line."""
    country = ""
    body = text
    after_comma = False
    match = _TRAILING_COUNTRY.search(text)
    if match is not None and not match.group("country")[0].islower():
        country = match.group("country")
        body = text[: match.start()].rstrip(" ,")
        after_comma = match.group().startswith(",")
    parts = [(m.start(), m.group().strip()) for m in _PARTS.finditer(body) if m.group().strip()]
    if not parts:
        return None
    start, last = parts[-1]
    # A city in its own comma part: "Springfield, IL 62704", "Bengaluru, Karnataka 560100".
    before_start, before = parts[-2] if len(parts) >= 2 else (start, "")
    for pattern in _POSTAL_PATTERNS:
        found = pattern.match(last)
        if found is None:
            continue
        groups = found.groupdict()
        city = (groups.get("city") or "").strip()
        region = (groups.get("region") or "").strip()
        if city and not is_place(city):
            continue
        if pattern is _POSTAL_PATTERNS[3] and city and before and is_place(before):
            city, region = before, city  # "Bengaluru, Karnataka 560100"
            start = before_start
        elif not city and before and is_place(before):
            city = before
            start = before_start
        if not city and pattern is _POSTAL_PATTERNS[4]:
            continue
        street = body[:start].rstrip(" ,")
        if street and not (could_be_street(street) or is_secondary(street)):
            return None
        return Postal(city, region, found.group("postal"), country, street)
    # "Seattle, Washington, United States", "Paris, France": a place with its country.
    if after_comma and 1 <= len(parts) <= 2 and all(is_place(part) for _, part in parts):
        return Postal(parts[0][1], parts[1][1] if len(parts) == 2 else "", "", country)
    return None


_STREET_NUMBER_FIRST = re.compile(
    r"^(?:no\.?\s*)?[0-9]+[A-Za-z]?(?:\s?[-–/]\s?[0-9]+[A-Za-z]?)?,?\s+\S"
)
_HOUSE_NUMBER = re.compile(r"^[0-9]+[A-Za-z]?(?:[-/][0-9]+[A-Za-z]?)?,?$")
_SECONDARY = re.compile(
    r"(?i)^(?:(?:suite|ste\.?|floor|fl\.?|level|unit|building|bldg\.?|room|rm\.?|apt\.?|"
    r"apartment|#)\s*[0-9A-Z][\w\-]*|[0-9]+(?:st|nd|rd|th)\s+floor|"
    r"(?:p\.?\s?o\.?\s?box|post office box|postfach|b\.?p\.?|c/o)\b.*)$"
)


def is_street(text: str) -> bool:
    """A street line: "100 Main Street", "55, rue du Faubourg", "Friedrichstraße 123"."""
    if len(text.split()) > 10 or "@" in text:
        return False
    tokens = word_list(text)
    if _STREET_NUMBER_FIRST.match(text) and any(word in w.STREET_WORDS for word in tokens):
        return True
    last = text.split()[-1]
    if _HOUSE_NUMBER.match(last) and len(text.split()) >= 2:
        return any(word in w.STREET_WORDS or word.endswith(w.STREET_SUFFIXES) for word in tokens)
    return bool(_SECONDARY.match(text)) and text.lower().startswith(("p", "post", "b"))


def is_secondary(text: str) -> bool:
    return bool(_SECONDARY.match(text))


def could_be_street(text: str) -> bool:
    """Just above a postal line, a line with a number or a street word is its street."""
    return (
        len(text.split()) <= 8
        and "@" not in text
        and not w.COMPANY_FORM.search(text)
        and title_strength(text) == 0
        and (
            any(c.isdigit() for c in text)
            or any(word in w.STREET_WORDS for word in word_list(text))
            or is_street(text)
        )
    )


# -- names -----------------------------------------------------------------------------------
# A name word: "O'Brien", "Anna-Lena", an initial "J.", a nickname "(Bob)" or "“Bob”".
_NAME_WORD = re.compile(r"^[(\"“]?[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*\.?[)\"”]?$")
_NICKNAME_MARKS = '()"“”'
_STREET_SURNAMES = frozenset({"lane", "court", "way", "row", "close", "walk", "place", "hill"})
_NAME_REJECT = (
    w.NOT_NAME_WORDS
    | w.TITLE_WORDS
    | w.WEAK_TITLE_WORDS
    | w.DEPARTMENT_WORDS
    | (w.STREET_WORDS - _STREET_SURNAMES)
)
_NAME_SPLIT = re.compile(r",\s+|\s+[-–—]\s+")


def _strip_name_tail(text: str) -> str:
    """Drop pronouns and letters after a name: "Dana Davis, PhD (she/her)"."""
    while True:
        before = text
        text = PRONOUN_TAIL.sub("", text).rstrip(" ,")
        head, comma, tail = text.rpartition(",")
        if (
            comma
            and tail.strip()
            and all(
                token.lower().rstrip(".") in w.CREDENTIALS
                for token in re.split(r"[\s,]+", tail.strip())
            )
        ):
            text = head.rstrip(" ,")
        tokens = text.split(" ")
        if len(tokens) > 2 and tokens[-1].lower().rstrip(".") in w.CREDENTIALS:
            text = " ".join(tokens[:-1]).rstrip(" ,")
        if text == before:
            return text


def parse_name(text: str) -> tuple[str, str, str, str] | None:
    """(courtesy title, given name, family name, title after the name) or None."""
    found = _parse_plain_name(_strip_name_tail(text))
    if found is not None:
        return (*found, "")
    split = _NAME_SPLIT.search(text)
    if split is not None:
        rest = text[split.end() :].strip()
        found = _parse_plain_name(_strip_name_tail(text[: split.start()]))
        if found is not None and rest and title_strength(rest) > 0:
            return (*found, rest)
    return None


def _parse_plain_name(text: str) -> tuple[str, str, str] | None:
    tokens = text.split(" ")
    title = ""
    while len(tokens) > 1 and tokens[0].lower().rstrip(".") in w.COURTESY_TITLE_WORDS:
        mapped = w.COURTESY_TITLE_WORDS[tokens[0].lower().rstrip(".")]
        if mapped in COURTESY_TITLES:
            title = title or mapped
        tokens = tokens[1:]
    core = " ".join(tokens)
    if not core or any(c.isdigit() for c in core):
        return None
    if _is_uncased_name(core):
        return title, core, ""
    if not 2 <= len(tokens) <= 4 or is_country(core) or w.COMPANY_FORM.search(core):
        return None
    for position, token in enumerate(tokens):
        bare = token.strip(_NICKNAME_MARKS)
        if not _NAME_WORD.match(token) or bare.lower().rstrip(".") in _NAME_REJECT:
            return None
        particle = bare.lower() in w.PARTICLES and 0 < position < len(tokens) - 1
        if not (bare[0].isupper() or particle):
            return None
    if tokens[-1][0] in _NICKNAME_MARKS or tokens[-1].endswith("."):
        return None  # "Dana (DD)", "Dana J.": no family name to propose
    split = next(
        (i for i in range(1, len(tokens) - 1) if tokens[i].lower() in w.PARTICLES),
        len(tokens) - 1,
    )
    return title, " ".join(tokens[:split]), " ".join(tokens[split:])


def _is_uncased_name(text: str) -> bool:
    """A name in a script without capitals ("王小明", "김민수"): proposed whole."""
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and all(not (c.isupper() or c.islower()) for c in letters)
        and all(c.isalpha() or c in " ·" for c in text)
        and len(text) <= 20
        and len(text.split()) <= 3
        and not any(word in text for word in w.CJK_TITLE_WORDS)
        and not w.COMPANY_FORM.search(text)
        and not any(c in text for c in "市区路号街省县")  # an address: "朝阳区建国路88号"
    )


# -- job titles ------------------------------------------------------------------------------
WEAK, STRONG = 1, 2
_AT = re.compile(r"\s(?:at|@|bei|chez)\s", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r",\s+|\s+[-–]\s+")


def title_strength(text: str) -> int:
    tokens = word_list(text)
    if any(
        token in w.TITLE_WORDS or (len(token) > 8 and token.endswith(w.TITLE_SUFFIXES))
        for token in tokens
    ) or any(word in text for word in w.CJK_TITLE_WORDS):
        return STRONG
    if any(token in w.WEAK_TITLE_WORDS for token in tokens):
        return WEAK
    return 0


def has_department_words(text: str) -> bool:
    tokens = word_list(text)
    return bool(tokens) and len(tokens) <= 6 and any(t in w.DEPARTMENT_WORDS for t in tokens)


def split_title(text: str) -> tuple[str, str, str, bool]:
    """(title, company, department, company is certain) from one title line."""
    for match in _AT.finditer(text):
        left, right = text[: match.start()].strip(), text[match.end() :].strip(" ,;:")
        if title_strength(left) and right and len(right.split()) <= 8:
            return left.rstrip(" ,"), right, "", True
    split = _TITLE_SPLIT.search(text)
    if split is not None:
        left, right = text[: split.start()].strip(), text[split.end() :].strip(" ,;:")
        if title_strength(left) and right:
            if w.COMPANY_FORM.search(right):
                return left, right, "", True
            if title_strength(right) == STRONG:
                return text, "", "", False
            if has_department_words(right):
                return left, "", right, False
            if is_plain_name(right):
                return left, right, "", False
    return text.rstrip(" ,"), "", "", False


def is_plain_name(text: str) -> bool:
    """A short capitalised line with no other meaning: perhaps the company ("Globex")."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 5
        and (
            text[0].isupper()
            or (not text[0].isalpha() and text[0] != "(" and not text[0].isdigit())
        )
        and not any(c.isdigit() for c in text)
        and "@" not in text
        and title_strength(text) == 0
        and not is_country(text)
        and not has_department_words(text)
    )


def matches_domain(text: str, label: str) -> bool:
    """The company line whose words spell the email's domain ("Globex" for globex.com)."""

    def squash(value: str) -> str:
        return "".join(c for c in value.lower() if c.isalnum())

    tokens = text.split()
    return (
        1 <= len(tokens) <= 5
        and "@" not in text
        and bool(squash(label))
        and (squash(text) == squash(label) or squash(tokens[0]) == squash(label))
    )
