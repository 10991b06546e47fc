"""Read a business card's fields out of pasted text: an email signature, a card's text.

``recognise_card_text`` proposes, the user confirms (desktop.ui.paste_card_dialog). Nothing
is made up: every value is a piece of ``normalise_card_text(text)``, so the user checks
what was read rather than what was guessed. Two documented exceptions: a courtesy title is
the card's own spelling of the title found ("DR" proposes "Dr."), and a street written on
two lines ("100 Main St" / "Suite 4") is joined with ", ".

It reads the text in passes, each claiming the pieces it recognises so later, vaguer rules
never see them: contact details (email, web, phones), the address, the name, the job title
and what sits beside it, and last the company.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.domain import card_text_words as w
from desktop.domain.categories import COURTESY_TITLES

# The card fields a proposal may fill, in the order the card form shows them.
CARD_TEXT_FIELDS: tuple[str, ...] = (
    "courtesy_title", "given_name", "family_name", "job_title", "department", "company",
    "email", "phone", "street", "city", "region", "postal_code", "country",
)  # fmt: skip
# What a notes line holds: the card has no field for a web site or a second phone.
WEBSITE, OTHER_PHONE = "website", "phone"

# Bounds on what is read: a signature is short; a pasted thread is not read to its end.
_MAX_LINES = 400
_MAX_LINE_CHARS = 1000


@dataclass(frozen=True)
class ProposedValue:
    """One value read from the text.

    ``field`` is a ContactCard field name (for a notes line: WEBSITE or OTHER_PHONE) and
    ``line`` the 1-based line of ``CardProposal.text`` it was read from.
    """

    field: str
    value: str
    line: int


@dataclass(frozen=True)
class CardProposal:
    """What was recognised: at most one value per card field, in card order, and lines
    worth adding to the notes (web sites, then phone numbers beyond the one proposed)."""

    text: str
    fields: tuple[ProposedValue, ...] = ()
    notes_lines: tuple[ProposedValue, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        """The normalised text's lines; ``ProposedValue.line`` counts them from 1."""
        return tuple(self.text.split("\n"))

    @property
    def is_empty(self) -> bool:
        return not self.fields and not self.notes_lines

    @property
    def website(self) -> str:
        """The first web address found, or ""."""
        return next((n.value for n in self.notes_lines if n.field == WEBSITE), "")

    def get(self, field: str) -> ProposedValue | None:
        return next((p for p in self.fields if p.field == field), None)

    def value(self, field: str) -> str:
        proposed = self.get(field)
        return proposed.value if proposed is not None else ""

    def as_dict(self) -> dict[str, str]:
        return {p.field: p.value for p in self.fields}


# -- normalising -------------------------------------------------------------------------
_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Zero-width characters, soft hyphens and direction marks: invisible, yet they break words.
_INVISIBLE = dict.fromkeys(
    [
        *map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e"),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ],
    None,
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
_BLANKS = re.compile(r"[^\S\n]+")  # any white space but a line break: tabs, NBSP, ...


def normalise_card_text(text: str) -> str:
    """The text as it is read: one kind of line break, no invisible characters, each run of
    spaces, tabs or no-break spaces one space, lines trimmed, Unicode composed (NFC)."""
    text = _LINE_BREAK.sub("\n", text).translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    text = "\n".join(_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    # Composing cannot add spaces or breaks, so the result stays trimmed and single-spaced.
    return unicodedata.normalize("NFC", text)


# -- noise -------------------------------------------------------------------------------
def _phrases(*items: str) -> str:
    return "|".join(items)


_CLOSING = re.compile(
    r"(?i)^(?:"
    + _phrases(
        r"(?:with )?(?:best|kind|kindest|warm|warmest|many) (?:regards|wishes|thanks)",
        r"best",
        r"regards",
        r"all the best",
        r"thanks(?: again| so much)?",
        r"thank you(?: again| so much)?",
        r"thx",
        r"cheers",
        r"(?:yours )?(?:sincerely|truly|faithfully)",
        r"respectfully",
        r"talk soon",
        r"thanks (?:&|and) (?:best )?regards",
        r"mit freundlichen gr(?:ü|ue)(?:ß|ss)en",
        r"(?:freundliche|viele|beste|liebe) gr(?:ü|ue)(?:ß|ss)e",
        r"lg|mfg|vg",
        r"(?:bien )?cordialement",
        r"bien à vous",
        r"(?:sincères |meilleures )?salutations",
        r"saludos|un saludo|atentamente",
        r"cordiali saluti|distinti saluti",
        r"met vriendelijke groet(?:en)?|groeten",
    )
    # A first name may follow after a comma: "Best, Dana" (but "Best Buy Co." is a company).
    + r")\s*(?:[,.!]+(?:\s*[^\W\d_][\w'’.\- ]{0,40})?)?$"
)
_GREETING = re.compile(
    r"(?i)^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|"
    r"liebe[rs]?|sehr geehrte[rs]?|guten tag|bonjour|salut|hola|buongiorno)\b.{0,60}$"
)
_SENT_FROM = re.compile(
    r"(?i)^(?:sent from|sent via|sent with|get outlook for|envoyé de|envoyé depuis|"
    r"von meinem|gesendet von|enviado desde|inviato da)\b"
)
# Mail headers name the recipient (the user) as often as the sender: only From: is read.
_HEADER = re.compile(
    r"(?i)^(?:to|cc|bcc|subject|sent|date|an|betreff|gesendet|datum|objet|à|envoyé|"
    r"reply-to|importance):\s"
)
_REPLY = re.compile(
    r"(?i)^(?:>.*|on\b.*\bwrote:|am\b.*\bschrieb.*:|le\b.*\ba écrit\s*:|"
    r"-*\s*(?:original message|forwarded message|ursprüngliche nachricht|"
    r"message d'origine)\s*-*|begin forwarded message:?)$"
)
_RULE = re.compile(r"^[\W_]+$")  # "--", "____", a line of emoji or stars
_DISCLAIMER = re.compile(
    r"(?i)^\W*(?:confidential|confidentiality|disclaimer|privileged|"
    r"this (?:e-?mail|message|communication|transmission)|the information (?:contained|in)|"
    r"if you (?:are not|have received)|please (?:consider the environment|think before|"
    r"do not print|note)|think before you print|save paper|diese (?:e-?mail|nachricht)|"
    r"dieser e-?mail|ce (?:message|courriel)|avis de confidentialité|notice:|important:|"
    r"caution:|warning:|external email|\[external\]|registered (?:office|in|number|address)|"
    r"company (?:registration|number|no)|vat (?:no|number|reg)|handelsregister|amtsgericht|"
    r"registergericht|sitz der gesellschaft|ust-?id|hrb\s|siret|rcs\s|capital social|"
    r"n° tva|geschäftsführer(?:in)?:|geschäftsführung:|vorstand:|aufsichtsrat)"
)
_PRONOUNS = re.compile(
    r"(?i)^[(\[]?\s*(?:pronouns?\s*:?\s*)?(?:she|he|they|ze|xe|zie)\s*/\s*[a-z]+"
    r"(?:\s*/\s*[a-z]+)?\s*[)\]]?$"
)
_PRONOUN_TAIL = re.compile(
    r"(?i)\s*[,(\[]?\s*(?:pronouns?\s*:?\s*)?(?:she|he|they|ze|xe|zie)\s*/\s*[a-z]+"
    r"(?:\s*/\s*[a-z]+)?\s*[)\]]?$"
)
# What LinkedIn shows around a profile's header when it is copied.
_PROFILE_CHROME = re.compile(
    r"(?i)^(?:1st|2nd|3rd\+?|(?:1st|2nd|3rd) degree connection|contact info|message|"
    r"connect|follow|following|more|open to|open to work|view profile|save to pdf|"
    r"send profile in a message|show all.*|[0-9][0-9,.]*\+?\s+(?:connections?|followers?)|"
    r".*\bmutual connections?|talks about .*|provides services|book an appointment|"
    r"visit my website|premium|verified|(?:#\w+\s*)+)$"
)
_SEPARATOR = re.compile(r"[|•▪◦●¦]|(?:^|(?<=\s))[·—](?=\s|$)")
_WORD = re.compile(r"[^\W\d_][\w&'’\-]*")


def _words(text: str) -> list[str]:
    """Lower-case words of ``text`` without trailing full stops ("Inc." -> "inc")."""
    return [word.lower().rstrip(".") for word in _WORD.findall(text)]


def _is_prose(text: str) -> bool:
    """A sentence rather than a card line: long, or mostly lower-case words."""
    tokens = text.split()
    if len(tokens) >= 14:
        return True
    lower = sum(1 for token in tokens if token[0].isalpha() and token[0].islower())
    return len(tokens) >= 6 and lower * 2 > len(tokens)


def _is_noise_line(line: str) -> bool:
    return any(
        rule.match(line)
        for rule in (_CLOSING, _GREETING, _SENT_FROM, _HEADER, _REPLY, _RULE, _PRONOUNS)
    )


def _is_noise_segment(text: str) -> bool:
    if _RULE.match(text) or _PRONOUNS.match(text) or _PROFILE_CHROME.match(text):
        return True
    tokens = _words(text)
    # "Follow us on LinkedIn & Twitter": the links themselves are read as web sites.
    return bool(tokens) and set(tokens) <= w.SOCIAL_WORDS and not _URL.search(text)


@dataclass
class _Segment:
    """A piece of one line between separators ("|", "•"), as the passes see it."""

    line: int
    text: str
    prose: bool
    used: bool = False


def _segments(text: str) -> list[_Segment]:
    segments: list[_Segment] = []
    in_disclaimer = False
    for number, full_line in enumerate(text.split("\n")[:_MAX_LINES], start=1):
        line = full_line[:_MAX_LINE_CHARS]
        if not line:
            in_disclaimer = False  # a disclaimer is one paragraph
            continue
        if _DISCLAIMER.match(line):
            in_disclaimer = True
            continue
        if in_disclaimer and (_is_prose(line) or _sentence_end(line)):
            continue
        in_disclaimer = False
        if _is_noise_line(line):
            continue
        for part in _SEPARATOR.split(line):
            part = part.strip()
            if part and not _is_noise_segment(part):
                segments.append(_Segment(number, part, _is_prose(part)))
    return segments


def _sentence_end(line: str) -> bool:
    """The short last line of a wrapped paragraph ("and delete it."), not a card line."""
    digits = sum(c in "0123456789" for c in line)
    return line.endswith(".") and len(line.split()) >= 3 and "@" not in line and digits < 7


# -- contact details ---------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)
_URL = re.compile(r"(?i)(?<![@\w.])(?:https?://|www\.)[^\s<>\"'|,;]+")
_BARE_DOMAIN = re.compile(r"(?i)^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,24}(?:/[^\s]*)?$")
_PHONE = re.compile(
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
_GENERIC_MAILBOXES = frozenset(
    {
        "info", "contact", "hello", "hi", "careers", "jobs", "hr", "noreply", "no-reply",
        "donotreply", "support", "office", "admin", "sales", "team", "enquiries",
        "inquiries", "mail", "privacy", "postmaster", "webmaster", "press", "kontakt",
    }
)  # fmt: skip


@dataclass(frozen=True)
class _Found:
    """A contact detail: its value, what it is ("mobile", ...), its notes form, where."""

    value: str
    kind: str
    note: str
    line: int
    prose: bool
    order: int


def _phone_kind(before: str, after: str) -> tuple[str, int | None]:
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


def _valid_phone(value: str) -> bool:
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


def _trim_phone(value: str) -> str:
    """Drop a bracket the number does not close or open ("(555 123 4567", "4567)")."""
    if value.count(")") > value.count("("):
        value = value.rstrip(")").rstrip()
    if value.count("(") > value.count(")"):
        value = value.lstrip("(").lstrip()
    return value


def _host(url: str) -> tuple[str, str]:
    bare = re.sub(r"(?i)^https?://", "", url)
    host, _, path = bare.partition("/")
    host = host.lower().removeprefix("www.")
    return host, "/" + path


def _is_social(url: str) -> bool:
    host, path = _host(url)
    for site, profile in w.PROFILE_PATHS:
        if (host == site or host.endswith("." + site)) and path.startswith(profile):
            return False
    return any(host == site or host.endswith("." + site) for site in w.SOCIAL_HOSTS)


def _strip_labels(text: str) -> str:
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


class _Reader:
    """The passes over one text; each fills ``fields`` and marks the segments it used."""

    def __init__(self, text: str) -> None:
        self.segments = _segments(text)
        self.fields: dict[str, ProposedValue] = {}
        self.emails: list[_Found] = []
        self.phones: list[_Found] = []
        self.websites: list[_Found] = []
        self.name_index: int | None = None
        # Where the name appears (a From: line, then the signature): a title is read near one.
        self.name_anchors: list[int] = []
        self.title_index: int | None = None
        self.title_line_rest: str = ""
        # A company read beside the title without certainty ("Recruiter | Globex").
        self.maybe_company: ProposedValue | None = None

    def propose(self, field: str, value: str, line: int) -> None:
        value = value.strip()
        if value and field not in self.fields:
            self.fields[field] = ProposedValue(field, value, line)

    # -- pass 1: email, web, phone -----------------------------------------------------------
    def read_contact_details(self) -> None:
        order = 0
        for segment in self.segments:
            text = segment.text
            spans: list[tuple[int, int]] = []
            for match in _EMAIL.finditer(text):
                order += 1
                self.emails.append(
                    _Found(match.group(), "", "", segment.line, segment.prose, order)
                )
                spans.append(match.span())
            masked = _mask(text, spans)
            for match in _URL.finditer(masked):
                url = match.group().rstrip(".,;:!?)]}>'\"")
                if "." in _host(url)[0] and not _is_social(url):
                    order += 1
                    self.websites.append(_Found(url, "", url, segment.line, segment.prose, order))
                spans.append((match.start(), match.end()))
            bare = _strip_web_label(masked.strip())
            if not spans and bare is not None and "@" not in bare and not _is_social(bare):
                order += 1
                self.websites.append(_Found(bare, "", bare, segment.line, False, order))
                spans.append((0, len(text)))
            masked = _mask(text, spans)
            previous_end = 0
            for match in _PHONE.finditer(masked):
                value = _trim_phone(match.group())
                start = match.start() + match.group().index(value)
                end = start + len(value)
                if not _valid_phone(value):
                    continue
                prefix_start = previous_end
                kind, label_start = _phone_kind(masked[prefix_start:start], masked[end:])
                previous_end = end
                spans.append((start, end))
                if kind == w.FAX:
                    continue
                note_start = start if label_start is None else prefix_start + label_start
                order += 1
                self.phones.append(
                    _Found(value, kind, text[note_start:end], segment.line, segment.prose, order)
                )
            if spans:
                rest = _strip_labels(text[: min(start for start, _ in spans)])
                if any(c.isalpha() for c in rest):
                    segment.text = rest
                else:
                    segment.used = True

    def choose_contact_details(self) -> list[ProposedValue]:
        notes: list[ProposedValue] = []
        emails = sorted(
            self.emails,
            key=lambda f: (f.prose, f.value.split("@")[0].lower() in _GENERIC_MAILBOXES, f.order),
        )
        if emails:
            self.propose("email", emails[0].value, emails[0].line)
        seen: set[str] = set()
        for site in sorted(self.websites, key=lambda f: (f.prose, f.order)):
            key = _host(site.value)[0] + _host(site.value)[1].rstrip("/")
            if key not in seen and len(seen) < 3:
                seen.add(key)
                notes.append(ProposedValue(WEBSITE, site.value, site.line))
        phones = sorted(self.phones, key=lambda f: (f.prose, w.PHONE_RANK.get(f.kind, 1), f.order))
        digits_seen: set[str] = set()
        for index, phone in enumerate(phones):
            digits = "".join(c for c in phone.value if c.isdigit())
            if digits in digits_seen:
                continue
            digits_seen.add(digits)
            if index == 0:
                self.propose("phone", phone.value, phone.line)
            elif len(digits_seen) <= 4:
                notes.append(ProposedValue(OTHER_PHONE, phone.note, phone.line))
        return notes

    # -- pass 2: the address -------------------------------------------------------------
    def read_address(self) -> None:
        postal_index: int | None = None
        located: tuple[int, _Postal] | None = None
        for index, segment in enumerate(self.segments):
            if segment.used or segment.prose:
                continue
            parsed = _parse_postal(segment.text)
            if parsed is None:
                continue
            if parsed.postal_code:
                postal_index = index
                located = (index, parsed)
                break
            if located is None and (parsed.city or parsed.country):
                located = (index, parsed)
        if located is not None:
            index, parsed = located
            segment = self.segments[index]
            segment.used = True
            street_end = index
            if not parsed.city and index > 0:
                above = self.segments[index - 1]
                # "London" above "SW1A 2AA".
                if not above.used and segment.line - above.line <= 1 and _is_place(above.text):
                    above.used = True
                    street_end = index - 1
                    self.propose("city", above.text, above.line)
            for field in ("city", "region", "postal_code", "country"):
                self.propose(field, getattr(parsed, field), segment.line)
            if postal_index is not None:
                self._read_street(street_end, segment.line, parsed.street)
        if "street" not in self.fields:
            self._read_lone_street()
        if "country" not in self.fields:
            for segment in self.segments:
                if not segment.used and _is_country(segment.text):
                    segment.used = True
                    self.propose("country", segment.text.rstrip("."), segment.line)
                    break

    def _read_street(self, below: int, line: int, same_line: str) -> None:
        """The street lines just above the postal line (or before the city on it)."""
        parts: list[_Segment] = []
        index = below - 1
        above_line = self.segments[below].line
        while index >= 0 and len(parts) < 2:
            segment = self.segments[index]
            if segment.used or segment.prose or above_line - segment.line > 1:
                break
            above_line = segment.line
            if _is_street(segment.text) or _is_secondary(segment.text):
                parts.insert(0, segment)
            elif not parts and not same_line and _could_be_street(segment.text):
                parts.insert(0, segment)  # "Unter den Linden 10", "Hosur Road"
            else:
                break
            index -= 1
        texts = [segment.text for segment in parts]
        if same_line:
            texts.append(same_line)
            texts = texts[-2:]
        if texts:
            for segment in parts:
                segment.used = True
            first_line = parts[0].line if parts else line
            self.propose("street", ", ".join(texts), first_line)

    def _read_lone_street(self) -> None:
        for index, segment in enumerate(self.segments):
            if segment.used or segment.prose or not _is_street(segment.text):
                continue
            texts = [segment.text]
            segment.used = True
            following = self.segments[index + 1] if index + 1 < len(self.segments) else None
            if (
                following is not None
                and not following.used
                and following.line - segment.line <= 1
                and _is_secondary(following.text)
            ):
                following.used = True
                texts.append(following.text)
            self.propose("street", ", ".join(texts), segment.line)
            return

    # -- pass 3: the name ----------------------------------------------------------------
    def read_name(self) -> None:
        for index, segment in enumerate(self.segments):
            if segment.used or segment.prose:
                continue
            parsed = _parse_name(segment.text)
            if parsed is None:
                continue
            title, given, family, rest = parsed
            segment.used = True
            self.name_index = index
            if title:
                self.propose("courtesy_title", title, segment.line)
            self.propose("given_name", given, segment.line)
            self.propose("family_name", family, segment.line)
            self.title_line_rest = rest
            self.name_anchors = [index]
            for later, other in enumerate(self.segments[index + 1 :], start=index + 1):
                again = None if other.used or other.prose else _parse_name(other.text)
                if again is not None and again[1:3] == (given, family):
                    other.used = True
                    self.name_anchors.append(later)
                    self.title_line_rest = self.title_line_rest or again[3]
            return

    # -- pass 4: job title, and the department or company beside it ----------------------
    def read_title(self) -> None:
        name_line = self.segments[self.name_index].line if self.name_index is not None else None
        if self.title_line_rest and name_line is not None:
            self._propose_title(self.title_line_rest, name_line)
            return
        for strength in (_STRONG, _WEAK):
            index = self._title_candidate(strength)
            if index is not None:
                segment = self.segments[index]
                segment.used = True
                self.title_index = index
                self._propose_title(segment.text, segment.line)
                self._read_beside_title(index)
                return

    def _title_candidate(self, strength: int) -> int | None:
        candidates = [
            index
            for index, segment in enumerate(self.segments)
            if not segment.used
            and not segment.prose
            and "@" not in segment.text
            and len(segment.text.split()) <= 10
            and _title_strength(segment.text) >= strength
        ]
        if not self.name_anchors:
            return candidates[0] if candidates else None
        for anchor in self.name_anchors:
            name_line = self.segments[anchor].line
            after = [i for i in candidates if i > anchor]
            if after and self.segments[after[0]].line - name_line <= 4:
                return after[0]
        for anchor in self.name_anchors:
            name_line = self.segments[anchor].line
            before = [i for i in candidates if i < anchor]
            if before and name_line - self.segments[before[-1]].line <= 2:
                return before[-1]
        return None

    def _propose_title(self, text: str, line: int) -> None:
        title, company, department, sure = _split_title(text)
        self.propose("job_title", title, line)
        if department:
            self.propose("department", department, line)
        if company:
            if sure:
                self.propose("company", company, line)
            else:
                self.maybe_company = ProposedValue("company", company, line)

    def _read_beside_title(self, index: int) -> None:
        """A department or company after the title on its line, or a department below it."""
        title = self.segments[index]
        for following in self.segments[index + 1 : index + 3]:
            if following.used or following.prose or following.line - title.line > 1:
                break
            text = following.text
            same_line = following.line == title.line
            if _title_strength(text) == _STRONG:
                following.used = same_line  # a second title ("产品经理 | Product Manager")
                if same_line:
                    continue
                break
            if w.COMPANY_FORM.search(text):
                break
            if _has_department_words(text) and "department" not in self.fields:
                following.used = True
                self.propose("department", text, following.line)
                continue
            if same_line and _is_plain_name(text):
                following.used = True
                self.maybe_company = ProposedValue("company", text, following.line)
            break

    # -- pass 5: the company -------------------------------------------------------------
    def read_company(self) -> None:
        if "company" in self.fields:
            return
        domain = self._email_domain()
        for segment in self.segments:
            if (
                not segment.used
                and not segment.prose
                and "@" not in segment.text
                and len(segment.text.split()) <= 8
                and w.COMPANY_FORM.search(segment.text)
            ):
                segment.used = True
                self.propose("company", segment.text.rstrip(","), segment.line)
                return
        if domain is not None:
            for segment in self.segments:
                if (
                    not segment.used
                    and not segment.prose
                    and _matches_domain(segment.text, domain[0])
                ):
                    segment.used = True
                    self.propose("company", segment.text, segment.line)
                    return
        if self.maybe_company is not None:
            self.propose("company", self.maybe_company.value, self.maybe_company.line)
            return
        anchor = self.title_index if self.title_index is not None else self.name_index
        if anchor is not None:
            # The line below the title (or name), past a department line: "Globex".
            for following in self.segments[anchor + 1 : anchor + 4]:
                if following.used:
                    continue
                if (
                    not following.prose
                    and following.line - self.segments[anchor].line <= 2
                    and _is_plain_name(following.text)
                ):
                    following.used = True
                    self.propose("company", following.text, following.line)
                    return
                break
        if domain is not None:
            self.propose("company", domain[0], domain[1])

    def _email_domain(self) -> tuple[str, int] | None:
        """The organisation's label in the email's domain ("acme" in dana@mail.acme.co.uk)."""
        email = self.fields.get("email")
        if email is None:
            return None
        labels = email.value.rsplit("@", 1)[1].split(".")
        if len(labels) < 2:
            return None
        label = labels[-2]
        if label.lower() in w.SECOND_LEVEL and len(labels) >= 3:
            label = labels[-3]
        if label.lower() in w.FREE_MAIL_DOMAINS:
            return None
        return label, email.line


# -- address parsing -----------------------------------------------------------------------
@dataclass(frozen=True)
class _Postal:
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


def _is_country(text: str) -> bool:
    return text.lower().rstrip(".") in w.COUNTRIES


def _is_place(text: str) -> bool:
    """A town or region: capitalised words, no digits, not a street or a company."""
    tokens = text.split()
    return (
        1 <= len(tokens) <= 4
        and text[0].isalpha()
        and text[0].isupper()
        and not any(c.isdigit() for c in text)
        and not any(word in w.STREET_WORDS for word in _words(text))
        and not w.COMPANY_FORM.search(text)
        and _title_strength(text) == 0
        and all(c.isalpha() or c in " .'’-" for c in text)
    )


def _parse_postal(text: str) -> _Postal | None:
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
        if city and not _is_place(city):
            continue
        if pattern is _POSTAL_PATTERNS[3] and city and before and _is_place(before):
            city, region = before, city  # "Bengaluru, Karnataka 560100"
            start = before_start
        elif not city and before and _is_place(before):
            city = before
            start = before_start
        if not city and pattern is _POSTAL_PATTERNS[4]:
            continue
        street = body[:start].rstrip(" ,")
        if street and not (_could_be_street(street) or _is_secondary(street)):
            return None
        return _Postal(city, region, found.group("postal"), country, street)
    # "Seattle, Washington, United States", "Paris, France": a place with its country.
    if after_comma and 1 <= len(parts) <= 2 and all(_is_place(part) for _, part in parts):
        return _Postal(parts[0][1], parts[1][1] if len(parts) == 2 else "", "", country)
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


def _is_street(text: str) -> bool:
    """A street line: "100 Main Street", "55, rue du Faubourg", "Friedrichstraße 123"."""
    if len(text.split()) > 10 or "@" in text:
        return False
    tokens = _words(text)
    if _STREET_NUMBER_FIRST.match(text) and any(word in w.STREET_WORDS for word in tokens):
        return True
    last = text.split()[-1]
    if _HOUSE_NUMBER.match(last) and len(text.split()) >= 2:
        return any(word in w.STREET_WORDS or word.endswith(w.STREET_SUFFIXES) for word in tokens)
    return bool(_SECONDARY.match(text)) and text.lower().startswith(("p", "post", "b"))


def _is_secondary(text: str) -> bool:
    return bool(_SECONDARY.match(text))


def _could_be_street(text: str) -> bool:
    """Just above a postal line, a line with a number or a street word is its street."""
    return (
        len(text.split()) <= 8
        and "@" not in text
        and not w.COMPANY_FORM.search(text)
        and _title_strength(text) == 0
        and (
            any(c.isdigit() for c in text)
            or any(word in w.STREET_WORDS for word in _words(text))
            or _is_street(text)
        )
    )


# -- names -----------------------------------------------------------------------------------
_NAME_WORD = re.compile(r"^\(?[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*\.?\)?$")
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
        text = _PRONOUN_TAIL.sub("", text).rstrip(" ,")
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


def _parse_name(text: str) -> tuple[str, str, str, str] | None:
    """(courtesy title, given name, family name, title after the name) or None."""
    found = _parse_plain_name(_strip_name_tail(text))
    if found is not None:
        return (*found, "")
    split = _NAME_SPLIT.search(text)
    if split is not None:
        rest = text[split.end() :].strip()
        found = _parse_plain_name(_strip_name_tail(text[: split.start()]))
        if found is not None and rest and _title_strength(rest) > 0:
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
    if not 2 <= len(tokens) <= 4 or _is_country(core) or w.COMPANY_FORM.search(core):
        return None
    for position, token in enumerate(tokens):
        bare = token.strip("()")
        if not _NAME_WORD.match(token) or bare.lower().rstrip(".") in _NAME_REJECT:
            return None
        particle = bare.lower() in w.PARTICLES and 0 < position < len(tokens) - 1
        if not (bare[0].isupper() or particle):
            return None
    if tokens[-1].startswith("(") or tokens[-1].endswith("."):
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
_WEAK, _STRONG = 1, 2
_AT = re.compile(r"\s(?:at|@|bei|chez)\s", re.IGNORECASE)
_TITLE_SPLIT = re.compile(r",\s+|\s+[-–]\s+")


def _title_strength(text: str) -> int:
    tokens = _words(text)
    if any(
        token in w.TITLE_WORDS or (len(token) > 8 and token.endswith(w.TITLE_SUFFIXES))
        for token in tokens
    ) or any(word in text for word in w.CJK_TITLE_WORDS):
        return _STRONG
    if any(token in w.WEAK_TITLE_WORDS for token in tokens):
        return _WEAK
    return 0


def _has_department_words(text: str) -> bool:
    tokens = _words(text)
    return bool(tokens) and len(tokens) <= 6 and any(t in w.DEPARTMENT_WORDS for t in tokens)


def _split_title(text: str) -> tuple[str, str, str, bool]:
    """(title, company, department, company is certain) from one title line."""
    for match in _AT.finditer(text):
        left, right = text[: match.start()].strip(), text[match.end() :].strip(" ,;:")
        if _title_strength(left) and right and len(right.split()) <= 8:
            return left.rstrip(" ,"), right, "", True
    split = _TITLE_SPLIT.search(text)
    if split is not None:
        left, right = text[: split.start()].strip(), text[split.end() :].strip(" ,;:")
        if _title_strength(left) and right:
            if w.COMPANY_FORM.search(right):
                return left, right, "", True
            if _title_strength(right) == _STRONG:
                return text, "", "", False
            if _has_department_words(right):
                return left, "", right, False
            if _is_plain_name(right):
                return left, right, "", False
    return text.rstrip(" ,"), "", "", False


def _is_plain_name(text: str) -> bool:
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
        and _title_strength(text) == 0
        and not _is_country(text)
        and not _has_department_words(text)
    )


def _matches_domain(text: str, label: str) -> bool:
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


# -- helpers -----------------------------------------------------------------------------------
def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` blanked, so later patterns skip them."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _strip_web_label(text: str) -> str | None:
    bare = re.sub(r"(?i)^(?:web(?:site)?|w|site|internet|homepage|url)\s*:\s*", "", text)
    return bare if _BARE_DOMAIN.match(bare) else None


# -- the entry point ---------------------------------------------------------------------------
def recognise_card_text(text: str) -> CardProposal:
    """Propose card fields for pasted ``text``; never raises, never invents a value."""
    normalised = normalise_card_text(text)
    reader = _Reader(normalised)
    reader.read_contact_details()
    notes = reader.choose_contact_details()
    reader.read_address()
    reader.read_name()
    reader.read_title()
    reader.read_company()
    fields = tuple(reader.fields[name] for name in CARD_TEXT_FIELDS if name in reader.fields)
    return CardProposal(normalised, fields, tuple(notes))


def looks_like_card_text(text: str) -> bool:
    """True for pasted text worth offering to read as a card: several lines, and at least
    two things recognised (a name and an email, say). A paste into the name field that
    passes this is better read by the dialog than dropped into one field."""
    if text.count("\n") < 1 and "|" not in text:
        return False
    return len(recognise_card_text(text).fields) >= 2
