"""The follow-up window: opens at the contact, aims at +24 h, closes at +36 h (half-open)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop.domain.rules.window import (
    CLOSES_AFTER,
    TARGET_AFTER,
    DueState,
    FollowUpWindow,
    describe_time_left,
    follow_up_window,
)
from tests.conftest import NOW

EVENT = NOW
SECOND = timedelta(seconds=1)
HOUR = timedelta(hours=1)
NEW_YORK = ZoneInfo("America/New_York")

ORDER = {DueState.UPCOMING: 0, DueState.DUE: 1, DueState.OVERDUE: 2}


def test_the_window_constants_are_the_designed_ones() -> None:
    assert timedelta(hours=24) == TARGET_AFTER
    assert timedelta(hours=36) == CLOSES_AFTER


def test_the_window_opens_at_the_event_and_aims_at_a_day_later() -> None:
    window = follow_up_window(EVENT)

    assert window == FollowUpWindow(
        opens_at=EVENT,
        target_at=datetime(2026, 11, 26, 14, 30, tzinfo=UTC),
        closes_at=datetime(2026, 11, 27, 2, 30, tzinfo=UTC),
    )


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (-timedelta(days=5), DueState.UPCOMING),
        (-SECOND, DueState.UPCOMING),
        (timedelta(0), DueState.DUE),
        (24 * HOUR - SECOND, DueState.DUE),
        (24 * HOUR, DueState.DUE),
        (36 * HOUR - SECOND, DueState.DUE),
        (36 * HOUR, DueState.OVERDUE),
        (36 * HOUR + SECOND, DueState.OVERDUE),
        (timedelta(days=30), DueState.OVERDUE),
    ],
    ids=[
        "5 days before",
        "1 s before",
        "+0",
        "+24h-1s",
        "+24h",
        "+36h-1s",
        "+36h",
        "+36h+1s",
        "+30 days",
    ],
)
def test_state_at_the_boundaries(offset: timedelta, expected: DueState) -> None:
    assert follow_up_window(EVENT).state(EVENT + offset) is expected


def test_state_compares_instants_across_time_zones() -> None:
    window = follow_up_window(EVENT.astimezone(timezone(timedelta(hours=9))))
    closes_in_chicago = (EVENT + CLOSES_AFTER).astimezone(timezone(timedelta(hours=-6)))

    assert window.state(closes_in_chicago - SECOND) is DueState.DUE
    assert window.state(closes_in_chicago) is DueState.OVERDUE


def test_time_left_counts_down_to_the_close_and_goes_negative() -> None:
    window = follow_up_window(EVENT)

    assert window.time_left(EVENT) == CLOSES_AFTER
    assert window.time_left(EVENT + CLOSES_AFTER) == timedelta(0)
    assert window.time_left(EVENT + CLOSES_AFTER + 2 * HOUR) == -2 * HOUR


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (timedelta(0), "36 h left"),
        (12 * HOUR, "24 h left"),
        (35 * HOUR, "1 h left"),
        (35 * HOUR + timedelta(minutes=30), "30 min left"),
        (36 * HOUR - SECOND, "1 min left"),
        (36 * HOUR + timedelta(seconds=90), "overdue by 1 min"),
        (39 * HOUR, "overdue by 3 h"),
        (36 * HOUR + timedelta(days=3), "overdue by 3 days"),
        (-timedelta(minutes=10), "opens in 10 min"),
        (-3 * HOUR, "opens in 3 h"),
        (-47 * HOUR, "opens in 47 h"),
        (-48 * HOUR, "opens in 2 days"),
        (-timedelta(days=5), "opens in 5 days"),
    ],
)
def test_describe_time_left_wording(offset: timedelta, expected: str) -> None:
    assert describe_time_left(follow_up_window(EVENT), EVENT + offset) == expected


def test_describe_time_left_never_says_zero_minutes() -> None:
    window = follow_up_window(EVENT)
    assert describe_time_left(window, EVENT + CLOSES_AFTER) == "overdue by 1 min"
    assert describe_time_left(window, EVENT - SECOND) == "opens in 1 min"


# --- naive datetimes ---------------------------------------------------------------------


def test_a_naive_event_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        follow_up_window(datetime(2026, 11, 25, 14, 30))


def test_a_naive_now_is_refused() -> None:
    window = follow_up_window(EVENT)
    naive = datetime(2026, 11, 25, 15, 0)

    with pytest.raises(ValueError, match="aware"):
        window.state(naive)
    with pytest.raises(ValueError, match="aware"):
        describe_time_left(window, naive)


# --- daylight saving ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event", "local_target", "local_close"),
    [
        # Clocks go forward at 2:00 on Sunday 8 March 2026.
        (
            datetime(2026, 3, 7, 20, 0, tzinfo=NEW_YORK),
            datetime(2026, 3, 8, 21, 0),
            datetime(2026, 3, 9, 9, 0),
        ),
        # Clocks go back at 2:00 on Sunday 1 November 2026.
        (
            datetime(2026, 10, 31, 20, 0, tzinfo=NEW_YORK),
            datetime(2026, 11, 1, 19, 0),
            datetime(2026, 11, 2, 7, 0),
        ),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_a_dst_change_inside_the_window_keeps_36_elapsed_hours(
    event: datetime, local_target: datetime, local_close: datetime
) -> None:
    window = follow_up_window(event)
    opens_utc = window.opens_at.astimezone(UTC)

    assert window.target_at.astimezone(UTC) - opens_utc == timedelta(hours=24)
    assert window.closes_at.astimezone(UTC) - opens_utc == timedelta(hours=36)
    assert window.target_at.astimezone(NEW_YORK).replace(tzinfo=None) == local_target
    assert window.closes_at.astimezone(NEW_YORK).replace(tzinfo=None) == local_close
    # The user keeps the whole 36 hours: half an hour before the end it is still due.
    assert window.state(opens_utc + timedelta(hours=35, minutes=30)) is DueState.DUE


# --- properties --------------------------------------------------------------------------

fixed_offsets = st.one_of(
    st.just(UTC),
    st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    ),
)
moments = st.datetimes(
    min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=fixed_offsets
)
zoned_moments = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(2200, 1, 1),
    timezones=st.timezones(),
    allow_imaginary=False,
)
offsets = st.timedeltas(min_value=-timedelta(days=10), max_value=timedelta(days=10))


@given(event=moments)
def test_window_offsets_are_exact_for_fixed_offset_zones(event: datetime) -> None:
    window = follow_up_window(event)

    assert window.opens_at == event
    assert window.target_at - window.opens_at == timedelta(hours=24)
    assert window.closes_at - window.opens_at == timedelta(hours=36)
    # The same in elapsed (UTC) terms.
    opens_utc = event.astimezone(UTC)
    assert window.target_at.astimezone(UTC) - opens_utc == timedelta(hours=24)
    assert window.closes_at.astimezone(UTC) - opens_utc == timedelta(hours=36)


@given(event=zoned_moments)
@example(event=datetime(2026, 3, 7, 20, 0, tzinfo=NEW_YORK))
def test_window_offsets_are_elapsed_time_in_any_zone(event: datetime) -> None:
    window = follow_up_window(event)
    opens_utc = event.astimezone(UTC)

    # Compared in UTC: Python never equates an ambiguous local time with another zone's.
    assert window.opens_at == opens_utc
    assert window.target_at.astimezone(UTC) - opens_utc == timedelta(hours=24)
    assert window.closes_at.astimezone(UTC) - opens_utc == timedelta(hours=36)


@given(event=st.one_of(moments, zoned_moments), steps=st.lists(offsets, min_size=2, max_size=12))
def test_state_never_goes_back_as_time_passes(event: datetime, steps: list[timedelta]) -> None:
    window = follow_up_window(event)
    instants = sorted(event.astimezone(UTC) + step for step in steps)

    states = [window.state(now) for now in instants]

    assert [ORDER[s] for s in states] == sorted(ORDER[s] for s in states)
    for now, state in zip(instants, states, strict=True):
        assert (state is DueState.UPCOMING) == (now < window.opens_at)
        assert (state is DueState.OVERDUE) == (now >= window.closes_at)
        text = describe_time_left(window, now)
        if state is DueState.UPCOMING:
            assert text.startswith("opens in ")
        elif state is DueState.DUE:
            assert text.endswith(" left")
        else:
            assert text.startswith("overdue by ")
