"""Referrals: when an introduction leads somewhere, thank the person who made it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.domain.vocabulary import EventKind, OpportunityStatus

# An introduction "led somewhere" once it produced an interview or an offer.
EVENTS_THAT_CREDIT_THE_INTRODUCER = frozenset({EventKind.INTERVIEW})
STATUSES_THAT_CREDIT_THE_INTRODUCER = frozenset({OpportunityStatus.OFFER})


@dataclass(frozen=True)
class Introduced:
    contact_id: int
    introduced_by_id: int | None


@dataclass(frozen=True)
class ThankIntroducer:
    introducer_id: int
    introduced_ids: tuple[int, ...]


def introducers_to_thank(people: Iterable[Introduced]) -> list[ThankIntroducer]:
    """One proposal per introducer of these people (not one per person introduced).

    Someone who is among ``people`` is not thanked as an introducer here: they already get
    a follow-up of their own.
    """
    people = list(people)
    present = {person.contact_id for person in people}
    credited: dict[int, list[int]] = {}
    for person in people:
        introducer = person.introduced_by_id
        if introducer is None or introducer in present or introducer == person.contact_id:
            continue
        credited.setdefault(introducer, []).append(person.contact_id)
    return [ThankIntroducer(introducer, tuple(ids)) for introducer, ids in credited.items()]
