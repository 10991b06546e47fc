"""Which channel to recommend: direct mail first, because it stands out; email when it fits.

The user's usual channel (a preference; a typed letter unless they change it) is the advice
whenever the card allows it. The card decides otherwise: with a postal address but no email
the advice is mail, with an email but no postal address it is email. With neither, the
usual channel stays and the reason says what to add to the card.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.categories import Category
from desktop.domain.vocabulary import Channel, Situation

# People close to the user get a handwritten note rather than a typed business letter.
_PERSONAL = frozenset({Category.FAMILY, Category.FRIEND, Category.NEIGHBOR})


@dataclass(frozen=True)
class ChannelAdvice:
    channel: Channel
    reason: str


def _mail(situation: Situation, category: str, preferred: Channel) -> ChannelAdvice:
    """The mailed kind: the preferred one, or a note for someone close being thanked."""
    if preferred is Channel.HANDWRITTEN_NOTE:
        return ChannelAdvice(
            Channel.HANDWRITTEN_NOTE, "A handwritten note stands out, as you prefer."
        )
    if category in _PERSONAL and situation is Situation.THANK_HELPER:
        return ChannelAdvice(
            Channel.HANDWRITTEN_NOTE, "A handwritten note suits someone close to you."
        )
    return ChannelAdvice(
        Channel.TYPED_LETTER,
        "A mailed letter stands out; send an email now too if they prefer email.",
    )


def recommend_channel(
    *,
    situation: Situation,
    category: str,
    has_postal_address: bool,
    has_email: bool,
    preferred: Channel = Channel.TYPED_LETTER,
) -> ChannelAdvice:
    """The channel for a follow-up to this person, and a sentence saying why.

    ``preferred`` is the user's usual channel (typed letter, handwritten note or email; any
    other value counts as a typed letter).
    """
    wants_email = preferred is Channel.EMAIL
    if wants_email and has_email:
        return ChannelAdvice(Channel.EMAIL, "Email, as you prefer: it reaches them today.")
    if has_postal_address:
        advice = _mail(situation, category, preferred)
        if wants_email:  # no email on the card
            return ChannelAdvice(
                advice.channel, "No email on the card: mail it, and add the email later."
            )
        return advice
    if has_email:
        return ChannelAdvice(
            Channel.EMAIL, "No postal address on the card: email now, and add the address later."
        )
    if wants_email:
        return ChannelAdvice(Channel.EMAIL, "Email works for you: add their email to the card.")
    mailed = (
        Channel.HANDWRITTEN_NOTE if preferred is Channel.HANDWRITTEN_NOTE else Channel.TYPED_LETTER
    )
    return ChannelAdvice(mailed, "Direct mail works best: add their postal address to the card.")
