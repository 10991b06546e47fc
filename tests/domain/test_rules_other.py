"""The pure rules besides the window: cool-down, status-only check, channel, referrals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.categories import Category
from desktop.domain.rules.channel_advice import recommend_channel
from desktop.domain.rules.cooldown import (
    DEFAULT_COOLDOWN_DAYS,
    CooldownWarning,
    SentFollowUp,
    cooldown_warning,
)
from desktop.domain.rules.referrals import Introduced, ThankIntroducer, introducers_to_thank
from desktop.domain.rules.status_check import looks_like_status_request
from desktop.domain.vocabulary import Channel, Situation
from tests.conftest import NOW

DAY = timedelta(days=1)


def sent(ago: timedelta, channel: str = "Email") -> SentFollowUp:
    return SentFollowUp(sent_at=NOW - ago, channel_label=channel)


# --- cool-down ---------------------------------------------------------------------------


def test_the_default_cooldown_is_a_week() -> None:
    assert DEFAULT_COOLDOWN_DAYS == 7


def test_no_history_never_warns() -> None:
    assert cooldown_warning([], NOW, 7) is None


def test_one_minute_short_of_the_cooldown_warns() -> None:
    last = sent(timedelta(days=6, hours=23, minutes=59), "Typed letter, mailed")

    warning = cooldown_warning([last], NOW, 7)

    assert warning == CooldownWarning(
        last_sent_at=last.sent_at,
        last_channel_label="Typed letter, mailed",
        sent_count=1,
        cooldown_days=7,
        next_allowed_at=last.sent_at + 7 * DAY,
    )
    assert warning.next_allowed_at == NOW + timedelta(minutes=1)
    assert "once" in warning.message
    assert "typed letter, mailed" in warning.message
    assert "7 days" in warning.message


def test_exactly_the_cooldown_later_does_not_warn() -> None:
    assert cooldown_warning([sent(7 * DAY)], NOW, 7) is None
    assert cooldown_warning([sent(7 * DAY + timedelta(seconds=1))], NOW, 7) is None


def test_one_second_short_still_warns() -> None:
    assert cooldown_warning([sent(7 * DAY - timedelta(seconds=1))], NOW, 7) is not None


@pytest.mark.parametrize("days", [0, -1])
def test_a_cooldown_of_zero_never_warns(days: int) -> None:
    assert cooldown_warning([sent(timedelta(0)), sent(timedelta(minutes=5))], NOW, days) is None


def test_the_warning_counts_every_follow_up_sent() -> None:
    history = [sent(20 * DAY), sent(10 * DAY), sent(2 * DAY)]

    warning = cooldown_warning(history, NOW, 7)

    assert warning is not None
    assert warning.sent_count == 3
    assert "3 times" in warning.message


def test_the_warning_is_about_the_last_follow_up_whatever_the_order() -> None:
    history = [sent(20 * DAY, "Email"), sent(1 * DAY, "Phone call"), sent(10 * DAY, "Email")]

    warning = cooldown_warning(history, NOW, 7)

    assert warning is not None
    assert warning.last_sent_at == NOW - DAY
    assert warning.last_channel_label == "Phone call"
    assert warning.next_allowed_at == NOW + 6 * DAY


def test_only_the_last_follow_up_matters_not_older_ones_inside_the_cooldown() -> None:
    # The older one is old enough; the newer one is what triggers the warning.
    assert cooldown_warning([sent(30 * DAY), sent(8 * DAY)], NOW, 7) is None


@given(
    cooldown_days=st.integers(min_value=0, max_value=90),
    extra=st.lists(
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=400)),
        min_size=1,
        max_size=8,
    ),
)
def test_never_warns_when_all_history_is_at_least_the_cooldown_old(
    cooldown_days: int, extra: list[timedelta]
) -> None:
    history = [sent(timedelta(days=cooldown_days) + gap) for gap in extra]
    assert cooldown_warning(history, NOW, cooldown_days) is None


@given(
    cooldown_days=st.integers(min_value=1, max_value=90),
    ages=st.lists(
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=200)),
        min_size=1,
        max_size=8,
    ),
)
def test_warns_exactly_when_the_last_is_inside_the_cooldown(
    cooldown_days: int, ages: list[timedelta]
) -> None:
    history = [sent(age) for age in ages]

    warning = cooldown_warning(history, NOW, cooldown_days)

    assert (warning is not None) == (min(ages) < timedelta(days=cooldown_days))
    if warning is not None:
        assert warning.last_sent_at == NOW - min(ages)
        assert warning.sent_count == len(ages)


# --- status-only check -------------------------------------------------------------------

STATUS_ONLY = [
    "Just checking in on the status of my application",
    "Any update?",
    "I wanted to follow up on my resume and see if you have heard anything",
    "Hi Dana, I am following up on my application for the analyst role.",
    "Do you have any news about the position?",
    "I wanted to see where things stand with my application.",
    "Is my application still being considered?",
    "I would like to touch base about next steps.",
    "Just wanted to check in – have you heard back from the hiring committee?",
    "ANY UPDATES ON THE ROLE?",
    "Ａｎｙ ｕｐｄａｔｅ？",  # fullwidth forms, as some input methods type them
]

OFFERS_VALUE = [
    "I read your article on supply chains and have an idea for cutting your lead times.",
    "Since applying I completed my PMP certification.",
    "Attached is a case study of a warehouse migration like the one you described.",
    "Checking in: since we spoke I reduced our month-end close by 30%.",
    "Any update? In the meantime I published a short report on your market.",
    "I came across an article you might find useful for the platform team.",
    "Thank you for the interview; I enjoyed meeting the team.",
]


@pytest.mark.parametrize("text", STATUS_ONLY)
def test_status_only_messages_are_flagged(text: str) -> None:
    assert looks_like_status_request(text)


@pytest.mark.parametrize("text", OFFERS_VALUE)
def test_messages_that_offer_something_are_not_flagged(text: str) -> None:
    assert not looks_like_status_request(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_empty_text_is_not_flagged(text: str) -> None:
    assert not looks_like_status_request(text)


@given(text=st.text())
def test_the_check_never_raises(text: str) -> None:
    assert looks_like_status_request(text) in (True, False)


@given(text=st.one_of(st.text(), st.sampled_from(STATUS_ONLY)))
def test_offering_something_always_unflags(text: str) -> None:
    assert not looks_like_status_request(text + " I have attached a short case study.")


# --- channel advice ----------------------------------------------------------------------


@pytest.mark.parametrize("situation", list(Situation))
def test_direct_mail_is_the_default_when_there_is_a_postal_address(situation: Situation) -> None:
    advice = recommend_channel(
        situation=situation,
        category=Category.HIRING_PROCESS.value,
        has_postal_address=True,
        has_email=True,
    )
    assert advice.channel is Channel.TYPED_LETTER
    assert advice.channel.is_direct_mail
    assert advice.reason


@pytest.mark.parametrize("situation", list(Situation))
def test_email_when_there_is_no_postal_address(situation: Situation) -> None:
    for category in (Category.HIRING_PROCESS, Category.FRIEND):
        advice = recommend_channel(
            situation=situation,
            category=category.value,
            has_postal_address=False,
            has_email=True,
        )
        assert advice.channel is Channel.EMAIL
        assert "postal address" in advice.reason


@pytest.mark.parametrize("category", [Category.FAMILY, Category.FRIEND, Category.NEIGHBOR])
def test_people_close_to_you_get_a_handwritten_thank_you(category: Category) -> None:
    advice = recommend_channel(
        situation=Situation.THANK_HELPER,
        category=category.value,
        has_postal_address=True,
        has_email=True,
    )
    assert advice.channel is Channel.HANDWRITTEN_NOTE


@pytest.mark.parametrize(
    ("category", "situation"),
    [
        (Category.FRIEND, Situation.AFTER_INTERVIEW),
        (Category.FAMILY, Situation.KEEP_WARM),
        (Category.PROFESSIONAL_NETWORK, Situation.THANK_HELPER),
        (Category.HIRING_PROCESS, Situation.THANK_HELPER),
    ],
)
def test_otherwise_a_typed_letter(category: Category, situation: Situation) -> None:
    advice = recommend_channel(
        situation=situation, category=category.value, has_postal_address=True, has_email=False
    )
    assert advice.channel is Channel.TYPED_LETTER


def test_without_address_or_email_the_advice_is_to_add_the_address() -> None:
    advice = recommend_channel(
        situation=Situation.AFTER_INTERVIEW,
        category=Category.HIRING_PROCESS.value,
        has_postal_address=False,
        has_email=False,
    )
    assert advice.channel is Channel.TYPED_LETTER
    assert "add their postal address" in advice.reason


def test_an_unknown_category_is_treated_as_not_personal() -> None:
    advice = recommend_channel(
        situation=Situation.THANK_HELPER,
        category="no-such-category",
        has_postal_address=True,
        has_email=False,
    )
    assert advice.channel is Channel.TYPED_LETTER


@given(
    situation=st.sampled_from(list(Situation)),
    category=st.sampled_from([c.value for c in Category]) | st.text(max_size=12),
    has_postal_address=st.booleans(),
    has_email=st.booleans(),
    preferred=st.sampled_from(list(Channel)),
)
def test_the_advice_never_uses_what_the_card_lacks(
    situation: Situation,
    category: str,
    has_postal_address: bool,
    has_email: bool,
    preferred: Channel,
) -> None:
    advice = recommend_channel(
        situation=situation,
        category=category,
        has_postal_address=has_postal_address,
        has_email=has_email,
        preferred=preferred,
    )
    assert advice.reason
    assert advice.channel in (Channel.TYPED_LETTER, Channel.HANDWRITTEN_NOTE, Channel.EMAIL)
    # Only one way to reach them on the card: that is the way.
    if has_email and not has_postal_address:
        assert advice.channel is Channel.EMAIL
    if has_postal_address and not has_email:
        assert advice.channel.is_direct_mail
    # Both ways on the card: the user's usual channel decides (a note for someone close).
    if has_email and has_postal_address:
        if preferred is Channel.EMAIL:
            assert advice.channel is Channel.EMAIL
        else:
            assert advice.channel.is_direct_mail
            if preferred is Channel.HANDWRITTEN_NOTE:
                assert advice.channel is Channel.HANDWRITTEN_NOTE
    # Neither: the usual channel stays, and the reason says what to add.
    if not has_email and not has_postal_address:
        assert "add their" in advice.reason
        assert (advice.channel is Channel.EMAIL) == (preferred is Channel.EMAIL)


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (Channel.TYPED_LETTER, Channel.TYPED_LETTER),
        (Channel.HANDWRITTEN_NOTE, Channel.HANDWRITTEN_NOTE),
        (Channel.EMAIL, Channel.EMAIL),
    ],
)
def test_the_usual_channel_is_the_advice_when_the_card_has_both(
    preferred: Channel, expected: Channel
) -> None:
    advice = recommend_channel(
        situation=Situation.AFTER_INTERVIEW,
        category=Category.HIRING_PROCESS.value,
        has_postal_address=True,
        has_email=True,
        preferred=preferred,
    )
    assert advice.channel is expected


def test_preferring_email_still_mails_someone_without_an_email() -> None:
    advice = recommend_channel(
        situation=Situation.AFTER_INTERVIEW,
        category=Category.HIRING_PROCESS.value,
        has_postal_address=True,
        has_email=False,
        preferred=Channel.EMAIL,
    )
    assert advice.channel is Channel.TYPED_LETTER
    assert "No email on the card" in advice.reason


# --- referrals ---------------------------------------------------------------------------


def test_nobody_introduced_means_nobody_to_thank() -> None:
    assert introducers_to_thank([]) == []
    assert introducers_to_thank([Introduced(1, None), Introduced(2, None)]) == []


def test_one_proposal_per_introducer_listing_everyone_they_introduced() -> None:
    people = [Introduced(1, 10), Introduced(2, None), Introduced(3, 10), Introduced(4, 20)]

    assert introducers_to_thank(people) == [
        ThankIntroducer(introducer_id=10, introduced_ids=(1, 3)),
        ThankIntroducer(introducer_id=20, introduced_ids=(4,)),
    ]


def test_an_introducer_who_was_there_is_not_thanked_separately() -> None:
    people = [Introduced(1, 2), Introduced(2, None), Introduced(3, 30)]

    assert introducers_to_thank(people) == [ThankIntroducer(30, (3,))]


def test_a_self_introduction_is_ignored() -> None:
    assert introducers_to_thank([Introduced(5, 5)]) == []


def test_any_iterable_is_accepted() -> None:
    people = (Introduced(i, 99) for i in (1, 2))
    assert introducers_to_thank(people) == [ThankIntroducer(99, (1, 2))]


@given(
    pairs=st.dictionaries(
        keys=st.integers(1, 30), values=st.one_of(st.none(), st.integers(1, 30)), max_size=15
    )
)
def test_referral_proposals_are_consistent(pairs: dict[int, int | None]) -> None:
    people = [Introduced(contact, introducer) for contact, introducer in pairs.items()]

    proposals = introducers_to_thank(people)

    introducers = [p.introducer_id for p in proposals]
    assert len(introducers) == len(set(introducers))
    assert not set(introducers) & set(pairs)
    credited = [i for p in proposals for i in p.introduced_ids]
    assert sorted(credited) == sorted(
        c for c, by in pairs.items() if by is not None and by not in pairs
    )
    for proposal in proposals:
        assert proposal.introduced_ids
        assert all(pairs[c] == proposal.introducer_id for c in proposal.introduced_ids)
