"""The sender's profile: stored as profile.* settings, validated, and turned into a sender."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.domain.errors import ValidationError
from desktop.domain.letters import DEFAULT_CLOSING, Sender
from desktop.domain.models import Setting
from desktop.domain.preferences import Preferences, PreferencesService
from desktop.domain.profile import (
    PROFILE_FIELDS,
    Envelope,
    Paper,
    Profile,
    ProfileService,
    validate_profile,
)

ALEX = Profile(
    name="Alex Candidate",
    street="42 Elm Road\nApt 3",
    city="Portland",
    region="OR",
    postal_code="97201",
    country="USA",
    phone="503-555-0199",
    email="alex@example.org",
    closing="With best regards,",
    paper=Paper.A4.value,
    envelope=Envelope.DL.value,
)


def stored() -> dict[str, str]:
    return {row.key: row.value for row in Setting.select()}


def test_a_new_database_has_an_empty_profile(profile: ProfileService) -> None:
    loaded = profile.load()

    assert loaded == Profile()
    assert not loaded.is_set_up
    assert loaded.closing == DEFAULT_CLOSING
    assert loaded.paper == Paper.AUTOMATIC.value == ""
    assert loaded.envelope == Envelope.AUTOMATIC.value == ""


def test_a_profile_round_trips(profile: ProfileService) -> None:
    assert profile.save(ALEX) == ALEX
    assert profile.load() == ALEX
    assert profile.load().is_set_up


def test_the_profile_is_stored_as_profile_settings(profile: ProfileService) -> None:
    profile.save(ALEX)

    assert stored() == {f"profile.{name}": getattr(ALEX, name) for name in PROFILE_FIELDS}
    assert set(PROFILE_FIELDS) == {f.name for f in dataclasses.fields(Profile)}


def test_saving_again_replaces_every_value(profile: ProfileService) -> None:
    profile.save(ALEX)

    profile.save(Profile(name="Sam Lee"))

    assert profile.load() == Profile(name="Sam Lee")
    assert len(stored()) == len(PROFILE_FIELDS)


def test_one_line_fields_are_trimmed_but_the_closing_is_kept(profile: ProfileService) -> None:
    saved = profile.save(
        Profile(
            name="  Alex Candidate ",
            email=" alex@example.org\t",
            street="  42 Elm Road\nApt 3  ",
            closing="  Warmly,\n",
            paper=" a4 ",
            envelope=" dl",
        )
    )

    assert saved.name == "Alex Candidate"
    assert saved.email == "alex@example.org"
    assert saved.street == "42 Elm Road\nApt 3"
    assert saved.closing == "  Warmly,\n"
    assert saved.paper == "a4"
    assert saved.envelope == "dl"
    assert profile.load() == saved


def test_a_name_of_blanks_is_not_set_up(profile: ProfileService) -> None:
    assert not Profile(name="   ").is_set_up
    assert not profile.save(Profile(name="   ", city="Portland")).is_set_up
    assert profile.load().name == ""


@pytest.mark.parametrize("paper", ["", "letter", "a4"])
@pytest.mark.parametrize("envelope", ["", "comm10", "dl"])
def test_every_paper_and_envelope_is_accepted(
    profile: ProfileService, paper: str, envelope: str
) -> None:
    saved = profile.save(Profile(name="Alex", paper=paper, envelope=envelope))
    assert (saved.paper, saved.envelope) == (paper, envelope)
    assert profile.load() == saved


def test_the_paper_and_envelope_vocabularies() -> None:
    assert [p.value for p in Paper] == ["", "letter", "a4"]
    assert [e.value for e in Envelope] == ["", "comm10", "dl"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"paper": "legal"}, "paper"),
        ({"paper": "A4"}, "paper"),
        ({"paper": "automatic"}, "paper"),
        ({"envelope": "c5"}, "envelope"),
        ({"envelope": "#10"}, "envelope"),
        ({"email": "alex"}, "email"),
        ({"email": "alex@"}, "email"),
        ({"email": "alex@@example.org"}, "email"),
        ({"email": "alex example@example.org"}, "email"),
    ],
)
def test_invalid_values_are_refused_and_nothing_is_written(
    profile: ProfileService, changes: dict[str, str], field: str
) -> None:
    profile.save(ALEX)
    before = stored()

    with pytest.raises(ValidationError) as excinfo:
        profile.save(dataclasses.replace(ALEX, name="Someone Else", **changes))

    assert set(excinfo.value.errors) == {field}
    message = excinfo.value.errors[field]
    assert changes[field].strip() in message
    assert message.endswith(".")
    assert stored() == before
    assert profile.load() == ALEX


def test_every_problem_is_reported_at_once() -> None:
    errors = validate_profile(Profile(paper="legal", envelope="c5", email="nope"))
    assert set(errors) == {"paper", "envelope", "email"}
    assert "Letter or A4" in errors["paper"]
    assert "#10 or DL" in errors["envelope"]


def test_an_empty_email_is_fine() -> None:
    assert validate_profile(Profile(name="Alex")) == {}


def test_the_profile_and_preferences_share_the_settings_table_without_clashing(
    profile: ProfileService, preferences: PreferencesService
) -> None:
    profile.save(ALEX)
    preferences.save(Preferences(cooldown_days=10, keep_warm_days=60))
    profile.save(dataclasses.replace(ALEX, phone="555-0000"))

    assert preferences.load() == Preferences(cooldown_days=10, keep_warm_days=60)
    assert profile.load() == dataclasses.replace(ALEX, phone="555-0000")


def test_unknown_profile_keys_are_ignored(profile: ProfileService) -> None:
    Setting.create(key="profile.fax", value="555-0101")
    Setting.create(key="profile.name", value="Alex")

    assert profile.load() == Profile(name="Alex")


def test_the_sender_carries_the_profile() -> None:
    assert ALEX.sender() == Sender(
        name="Alex Candidate",
        street="42 Elm Road\nApt 3",
        city="Portland",
        region="OR",
        postal_code="97201",
        country="USA",
        phone="503-555-0199",
        email="alex@example.org",
        closing="With best regards,",
    )


def test_a_blank_closing_signs_with_the_default(profile: ProfileService) -> None:
    saved = profile.save(dataclasses.replace(ALEX, closing=""))
    assert saved.closing == ""
    assert saved.sender().closing == DEFAULT_CLOSING
    assert profile.load().sender().closing == DEFAULT_CLOSING
