"""Pasted card text as lines and pieces of lines, with the noise around a signature left out.

Normalising makes every later rule simpler (one kind of line break and space); the noise
rules drop greetings, closings, "Sent from my iPhone", disclaimers, pronouns and the chrome
of a copied LinkedIn profile, so the recognisers in card_text never see them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.domain import card_text_words as w

# Bounds on what is read: a signature is short; a pasted thread is not read to its end.
_MAX_LINES = 400
_MAX_LINE_CHARS = 1000

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
PRONOUN_TAIL = re.compile(
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
URL = re.compile(r"(?i)(?<![@\w.])(?:https?://|www\.)[^\s<>\"'|,;]+")
_SEPARATOR = re.compile(r"[|•▪◦●¦]|(?:^|(?<=\s))[·—](?=\s|$)")
_WORD = re.compile(r"[^\W\d_][\w&'’\-]*")


def word_list(text: str) -> list[str]:
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
    tokens = word_list(text)
    # "Follow us on LinkedIn & Twitter": the links themselves are read as web sites.
    return bool(tokens) and set(tokens) <= w.SOCIAL_WORDS and not URL.search(text)


@dataclass
class Segment:
    """A piece of one line between separators ("|", "•"), as the passes see it."""

    line: int
    text: str
    prose: bool
    used: bool = False


def split_segments(text: str) -> list[Segment]:
    segments: list[Segment] = []
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
                segments.append(Segment(number, part, _is_prose(part)))
    return segments


def _sentence_end(line: str) -> bool:
    """The short last line of a wrapped paragraph ("and delete it."), not a card line."""
    digits = sum(c in "0123456789" for c in line)
    return line.endswith(".") and len(line.split()) >= 3 and "@" not in line and digits < 7
