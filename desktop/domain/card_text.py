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

from dataclasses import dataclass

from desktop.domain import card_text_words as w
from desktop.domain.card_text_details import (
    EMAIL,
    GENERIC_MAILBOXES,
    PHONE,
    Found,
    is_social,
    mask,
    phone_kind,
    strip_labels,
    strip_web_label,
    trim_phone,
    url_host,
    valid_phone,
)
from desktop.domain.card_text_lines import (
    URL,
    Segment,
    normalise_card_text,
    split_segments,
)
from desktop.domain.card_text_parts import (
    STRONG,
    WEAK,
    Postal,
    could_be_street,
    has_department_words,
    is_country,
    is_place,
    is_plain_name,
    is_secondary,
    is_street,
    matches_domain,
    parse_name,
    parse_postal,
    split_title,
    title_strength,
)

__all__ = [
    "CARD_TEXT_FIELDS",
    "OTHER_PHONE",
    "WEBSITE",
    "CardProposal",
    "ProposedValue",
    "looks_like_card_text",
    "normalise_card_text",
    "recognise_card_text",
]

# The card fields a proposal may fill, in the order the card form shows them.
CARD_TEXT_FIELDS: tuple[str, ...] = (
    "courtesy_title", "given_name", "family_name", "job_title", "department", "company",
    "email", "phone", "street", "city", "region", "postal_code", "country",
)  # fmt: skip
# What a notes line holds: the card has no field for a web site or a second phone.
WEBSITE, OTHER_PHONE = "website", "phone"


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


class _Reader:
    """The passes over one text; each fills ``fields`` and marks the segments it used."""

    def __init__(self, text: str) -> None:
        self.segments = split_segments(text)
        self.fields: dict[str, ProposedValue] = {}
        self.emails: list[Found] = []
        self.phones: list[Found] = []
        self.websites: list[Found] = []
        self.name_index: int | None = None
        # Where the name appears (a From: line, then the signature): a title is read near one.
        self.name_anchors: list[int] = []
        self.title_index: int | None = None
        self.title_line_rest: str = ""
        # A company read beside the title without certainty ("Recruiter | Globex").
        self.maybe_company: ProposedValue | None = None
        # "Medical Director, Cardiology": a company, unless a surer one turns up elsewhere.
        self.maybe_department: ProposedValue | None = None

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
            for match in EMAIL.finditer(text):
                order += 1
                self.emails.append(Found(match.group(), "", "", segment.line, segment.prose, order))
                spans.append(match.span())
            masked = mask(text, spans)
            for match in URL.finditer(masked):
                url = match.group().rstrip(".,;:!?)]}>'\"")
                if "." in url_host(url)[0] and not is_social(url):
                    order += 1
                    self.websites.append(Found(url, "", url, segment.line, segment.prose, order))
                spans.append((match.start(), match.end()))
            bare = strip_web_label(masked.strip())
            if not spans and bare is not None and "@" not in bare and not is_social(bare):
                order += 1
                self.websites.append(Found(bare, "", bare, segment.line, False, order))
                spans.append((0, len(text)))
            masked = mask(text, spans)
            previous_end = 0
            for match in PHONE.finditer(masked):
                value = trim_phone(match.group())
                start = match.start() + match.group().index(value)
                end = start + len(value)
                if not valid_phone(value) or masked[:start].rstrip().endswith("〒"):
                    continue  # "〒100-0005" is a Japanese postal code
                prefix_start = previous_end
                kind, label_start = phone_kind(masked[prefix_start:start], masked[end:])
                previous_end = end
                spans.append((start, end))
                if kind == w.FAX:
                    continue
                note_start = start if label_start is None else prefix_start + label_start
                order += 1
                self.phones.append(
                    Found(value, kind, text[note_start:end], segment.line, segment.prose, order)
                )
            if spans:
                rest = strip_labels(text[: min(start for start, _ in spans)])
                if any(c.isalpha() for c in rest):
                    segment.text = rest
                else:
                    segment.used = True

    def choose_contact_details(self) -> list[ProposedValue]:
        notes: list[ProposedValue] = []
        emails = sorted(
            self.emails,
            key=lambda f: (f.prose, f.value.split("@")[0].lower() in GENERIC_MAILBOXES, f.order),
        )
        if emails:
            self.propose("email", emails[0].value, emails[0].line)
        seen: set[str] = set()
        for site in sorted(self.websites, key=lambda f: (f.prose, f.order)):
            key = url_host(site.value)[0] + url_host(site.value)[1].rstrip("/")
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
        located: tuple[int, Postal] | None = None
        for index, segment in enumerate(self.segments):
            if segment.used or segment.prose:
                continue
            parsed = parse_postal(segment.text)
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
                if not above.used and segment.line - above.line <= 1 and is_place(above.text):
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
                if not segment.used and is_country(segment.text):
                    segment.used = True
                    self.propose("country", segment.text.rstrip("."), segment.line)
                    break

    def _read_street(self, below: int, line: int, same_line: str) -> None:
        """The street lines just above the postal line (or before the city on it)."""
        parts: list[Segment] = []
        index = below - 1
        above_line = self.segments[below].line
        while index >= 0 and len(parts) < 2:
            segment = self.segments[index]
            if segment.used or segment.prose or above_line - segment.line > 1:
                break
            above_line = segment.line
            if is_street(segment.text) or is_secondary(segment.text):
                parts.insert(0, segment)
            elif not parts and not same_line and could_be_street(segment.text):
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
            if segment.used or segment.prose or not is_street(segment.text):
                continue
            texts = [segment.text]
            segment.used = True
            following = self.segments[index + 1] if index + 1 < len(self.segments) else None
            if (
                following is not None
                and not following.used
                and following.line - segment.line <= 1
                and is_secondary(following.text)
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
            parsed = parse_name(segment.text)
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
                again = None if other.used or other.prose else parse_name(other.text)
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
        for strength in (STRONG, WEAK):
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
            and title_strength(segment.text) >= strength
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
        title, company, department, sure = split_title(text)
        self.propose("job_title", title, line)
        if department:
            self.propose("department", department, line)
        if company:
            if sure:
                self.propose("company", company, line)
            else:
                self.maybe_company = ProposedValue("company", company, line)
                self.maybe_department = ProposedValue("department", company, line)

    def _read_beside_title(self, index: int) -> None:
        """A department or company after the title on its line, or a department below it."""
        title = self.segments[index]
        for following in self.segments[index + 1 : index + 3]:
            if following.used or following.prose or following.line - title.line > 1:
                break
            text = following.text
            same_line = following.line == title.line
            if title_strength(text) == STRONG:
                following.used = same_line  # a second title ("产品经理 | Product Manager")
                if same_line:
                    continue
                break
            if w.COMPANY_FORM.search(text):
                break
            if has_department_words(text) and "department" not in self.fields:
                following.used = True
                self.propose("department", text, following.line)
                continue
            if same_line and is_plain_name(text):
                following.used = True
                self.maybe_company = ProposedValue("company", text, following.line)
            break

    # -- pass 5: the company -------------------------------------------------------------
    def read_company(self) -> None:
        self._find_company()
        maybe = self.maybe_department
        if maybe is not None and self.fields.get("company", maybe).value != maybe.value:
            self.propose("department", maybe.value, maybe.line)

    def _find_company(self) -> None:
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
                    and matches_domain(segment.text, domain[0])
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
                    and is_plain_name(following.text)
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
