"""Which channel to recommend: direct mail first, because it stands out; email when it fits."""

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


def recommend_channel(
    *, situation: Situation, category: str, has_postal_address: bool, has_email: bool
) -> ChannelAdvice:
    if has_postal_address:
        if category in _PERSONAL and situation is Situation.THANK_HELPER:
            return ChannelAdvice(
                Channel.HANDWRITTEN_NOTE, "A handwritten note suits someone close to you."
            )
        return ChannelAdvice(
            Channel.TYPED_LETTER,
            "A mailed letter stands out; send an email now too if they prefer email.",
        )
    if has_email:
        return ChannelAdvice(
            Channel.EMAIL, "No postal address on the card: email now, and add the address later."
        )
    return ChannelAdvice(
        Channel.TYPED_LETTER, "Direct mail works best: add their postal address to the card."
    )
