"""Flag a follow-up after a resume that only asks for a status update.

Hiring authorities rarely answer "any update?"; they answer when there is something in it
for them. A message is flagged when it asks about status and offers nothing new.
"""

from __future__ import annotations

import re
import unicodedata

STATUS_ONLY_ADVICE = (
    "This reads like a request for a status update, which hiring managers seldom answer. "
    "Offer something new that benefits them instead: a result, an idea for their team, "
    "an article or work sample that fits what they need."
)

_ASKS_STATUS = re.compile(
    r"\b(status|any (news|updates?)|an update|updates? on|checking in|check in|touch base|"
    r"heard back|hear back|where (things|you|it|my application) stands?|"
    r"still (being )?considered|still under consideration|next steps?|"
    r"follow(ing)?[- ]?up on my (application|resume|cv|candidacy)|"
    r"(made|reached) a decision|decision (yet|been made)|any word|"
    r"(position|role|job|opening) (has|had) (already )?been filled|"
    r"(position|role|job|opening) is (still )?(open|filled|available))\b"
)
_OFFERS_VALUE = re.compile(
    r"\b(idea|ideas|suggest|suggestion|proposal|article|report|study|sample|portfolio|"
    r"case study|results?|increased|reduced|saved|grew|launched|delivered|completed|"
    r"certified|certification|award|published|new information|thought you|"
    r"might (find|be) (useful|interesting|helpful)|benefit|attached|enclosed|"
    r"\d+ ?%|\$ ?\d)"
)


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def looks_like_status_request(text: str) -> bool:
    """True when ``text`` asks where things stand and offers nothing of value."""
    normalised = _normalise(text)
    return bool(_ASKS_STATUS.search(normalised)) and not _OFFERS_VALUE.search(normalised)
