"""TemplateService: built-ins, the user's edits of them, and named copies."""

from __future__ import annotations

from datetime import datetime, timedelta

import peewee
import pytest

from desktop.domain.errors import FollowUpDeskError, ValidationError
from desktop.domain.models import LetterTemplate
from desktop.domain.template_store import (
    BUILTIN_PREFIX,
    TemplateNotFound,
    TemplateRecord,
    TemplateService,
    builtin_name,
)
from desktop.domain.templates import builtin_template_body, check_template
from desktop.domain.vocabulary import Situation
from tests.conftest import NOW

INTERVIEW = Situation.AFTER_INTERVIEW
INTERVIEW_KEY = BUILTIN_PREFIX + INTERVIEW.value
GOOD_BODY = "Thank you, {{ contact.formal_name }}.\n\nSee you at {{ contact.company }}."
OTHER_BODY = "Dear {{ contact.given_name }}, thank you."


class StepClock:
    """A clock the test moves forward by hand."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def rows() -> list[LetterTemplate]:
    return list(LetterTemplate.select().order_by(LetterTemplate.id))


# --- built-ins ---------------------------------------------------------------------------


def test_every_situation_has_one_builtin_listed_in_order(templates: TemplateService) -> None:
    records = templates.list_templates()

    assert [r.situation for r in records] == list(Situation)
    for record, situation in zip(records, Situation, strict=True):
        assert record.key == f"builtin:{situation.value}"
        assert record.is_builtin
        assert not record.is_modified
        assert record.name == builtin_name(situation)
        assert record.label == record.name
        assert record.body == builtin_template_body(situation)
        assert check_template(record.body) is None
    assert rows() == []


def test_builtin_names_read_as_words() -> None:
    assert builtin_name(Situation.AFTER_INTERVIEW) == "Standard: after an interview"
    assert builtin_name(Situation.KEEP_WARM) == "Standard: keep in touch"
    assert len({builtin_name(s) for s in Situation}) == len(Situation)


def test_listing_one_situation(templates: TemplateService) -> None:
    (record,) = templates.list_templates(Situation.KEEP_WARM)
    assert record.key == "builtin:keep-warm"
    assert templates.default_for(Situation.KEEP_WARM) == record


@pytest.mark.parametrize(
    "key",
    ["builtin:nope", "builtin:", "user:999", "user:abc", "user:", "user:-1", "", "keep-warm", "1"],
)
def test_an_unknown_key_is_template_not_found(templates: TemplateService, key: str) -> None:
    with pytest.raises(TemplateNotFound) as excinfo:
        templates.get(key)
    assert key in str(excinfo.value)


# --- editing a built-in ------------------------------------------------------------------


def test_editing_a_builtin_stores_an_override(templates: TemplateService) -> None:
    record = templates.save_body(INTERVIEW_KEY, GOOD_BODY)

    assert record.key == INTERVIEW_KEY
    assert record.is_builtin
    assert record.is_modified
    assert record.body == GOOD_BODY
    assert record.label == "Standard: after an interview (edited)"
    assert templates.get(INTERVIEW_KEY) == record
    assert templates.default_for(INTERVIEW) == record
    (row,) = rows()
    assert row.overrides_builtin
    assert row.situation == INTERVIEW.value
    assert row.name == builtin_name(INTERVIEW)
    assert row.created_at == row.updated_at == NOW
    # The other built-ins are untouched.
    others = [r for r in templates.list_templates() if r.situation is not INTERVIEW]
    assert not any(r.is_modified for r in others)


def test_editing_a_builtin_again_updates_the_one_override(db: peewee.SqliteDatabase) -> None:
    clock = StepClock(NOW)
    service = TemplateService(db, clock)
    service.save_body(INTERVIEW_KEY, GOOD_BODY)
    clock.moment = NOW + timedelta(hours=2, microseconds=5)

    record = service.save_body(INTERVIEW_KEY, OTHER_BODY)

    assert record.body == OTHER_BODY
    (row,) = rows()
    assert row.body == OTHER_BODY
    assert row.created_at == NOW
    assert row.updated_at == NOW + timedelta(hours=2)


def test_the_override_is_not_reachable_as_a_copy(templates: TemplateService) -> None:
    templates.save_body(INTERVIEW_KEY, GOOD_BODY)
    (row,) = rows()

    with pytest.raises(TemplateNotFound):
        templates.get(f"user:{row.id}")
    assert [r.key for r in templates.list_templates(INTERVIEW)] == [INTERVIEW_KEY]


def test_resetting_a_builtin_removes_the_override(templates: TemplateService) -> None:
    templates.save_body(INTERVIEW_KEY, GOOD_BODY)

    record = templates.reset_builtin(INTERVIEW)

    assert record.body == builtin_template_body(INTERVIEW)
    assert not record.is_modified
    assert templates.get(INTERVIEW_KEY) == record
    assert rows() == []


def test_resetting_an_unedited_builtin_changes_nothing(templates: TemplateService) -> None:
    assert templates.reset_builtin(INTERVIEW) == templates.default_for(INTERVIEW)
    assert rows() == []


def test_saving_the_original_text_resets_the_builtin(templates: TemplateService) -> None:
    templates.save_body(INTERVIEW_KEY, GOOD_BODY)

    record = templates.save_body(INTERVIEW_KEY, builtin_template_body(INTERVIEW))

    assert not record.is_modified
    assert rows() == []


def test_a_body_is_stored_exactly_as_typed(templates: TemplateService) -> None:
    body = "  Zoë — thanks!\r\n\n\t{{ contact.company }}  \n\n"
    assert templates.save_body(INTERVIEW_KEY, body).body == body
    assert rows()[0].body == body


# --- bodies that do not render -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Fine line\n{% if %}\n", 2),
        ("One\nTwo\nThree {{ contact.nickname }}", 3),
        ("{{ ''.__class__ }}", 1),
        ("A\n{% for x in contact %}\n", None),
    ],
    ids=["syntax", "unknown-field", "internals", "unclosed"],
)
def test_a_body_that_does_not_render_is_refused_and_the_last_good_one_stays(
    templates: TemplateService, body: str, line: int | None
) -> None:
    templates.save_body(INTERVIEW_KEY, GOOD_BODY)
    copy = templates.duplicate(INTERVIEW_KEY, "Short")

    for key in (INTERVIEW_KEY, copy.key):
        with pytest.raises(ValidationError) as excinfo:
            templates.save_body(key, body)
        assert set(excinfo.value.errors) == {"body"}
        if line is not None:
            assert excinfo.value.errors["body"].startswith(f"Line {line}: ")
        else:
            assert excinfo.value.errors["body"].startswith("Line ")
        assert templates.get(key).body == GOOD_BODY


def test_a_refused_body_writes_nothing_for_an_unedited_builtin(templates: TemplateService) -> None:
    with pytest.raises(ValidationError):
        templates.save_body(INTERVIEW_KEY, "{{ contact.nickname }}")
    assert rows() == []
    assert not templates.get(INTERVIEW_KEY).is_modified


def test_a_body_failing_with_any_python_error_is_refused_as_validation(
    templates: TemplateService,
) -> None:
    with pytest.raises(ValidationError):
        templates.save_body(INTERVIEW_KEY, "{{ '{}'.format() }}")


def test_saving_to_an_unknown_key_is_template_not_found(templates: TemplateService) -> None:
    with pytest.raises(TemplateNotFound):
        templates.save_body("user:41", GOOD_BODY)
    with pytest.raises(TemplateNotFound):
        templates.save_body("builtin:nope", GOOD_BODY)
    assert rows() == []


# --- copies ------------------------------------------------------------------------------


def test_duplicating_a_builtin_makes_a_named_copy(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "  Short and warm  ")

    assert copy.key.startswith("user:")
    assert copy.name == "Short and warm"
    assert copy.label == "Short and warm"
    assert copy.situation is INTERVIEW
    assert copy.body == builtin_template_body(INTERVIEW)
    assert not copy.is_builtin
    assert not copy.is_modified
    assert templates.get(copy.key) == copy
    # The built-in itself is not edited by duplicating it.
    assert not templates.get(INTERVIEW_KEY).is_modified


def test_duplicating_an_edited_builtin_copies_the_edit(templates: TemplateService) -> None:
    templates.save_body(INTERVIEW_KEY, GOOD_BODY)
    assert templates.duplicate(INTERVIEW_KEY, "Mine").body == GOOD_BODY


def test_duplicating_a_copy(templates: TemplateService) -> None:
    first = templates.duplicate(INTERVIEW_KEY, "First")
    templates.save_body(first.key, OTHER_BODY)

    second = templates.duplicate(first.key, "Second")

    assert second.body == OTHER_BODY
    assert second.key != first.key
    assert second.situation is INTERVIEW


def test_copies_are_listed_after_their_builtin_by_name(templates: TemplateService) -> None:
    for name in ("beta", "Alpha", "gamma"):
        templates.duplicate(INTERVIEW_KEY, name)
    templates.duplicate("builtin:keep-warm", "Zed")

    listed = templates.list_templates()
    names = [(r.situation, r.name) for r in listed]

    start = names.index((INTERVIEW, builtin_name(INTERVIEW)))
    assert names[start : start + 4] == [
        (INTERVIEW, builtin_name(INTERVIEW)),
        (INTERVIEW, "Alpha"),
        (INTERVIEW, "beta"),
        (INTERVIEW, "gamma"),
    ]
    assert [r.name for r in templates.list_templates(Situation.KEEP_WARM)] == [
        builtin_name(Situation.KEEP_WARM),
        "Zed",
    ]
    assert len(listed) == len(Situation) + 4


def test_editing_a_copy_changes_only_the_copy(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")

    saved = templates.save_body(copy.key, GOOD_BODY)

    assert saved.body == GOOD_BODY
    assert saved.key == copy.key
    assert templates.get(INTERVIEW_KEY).body == builtin_template_body(INTERVIEW)
    assert not templates.get(INTERVIEW_KEY).is_modified


def test_saving_a_copy_with_the_builtin_text_keeps_the_copy(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")
    templates.save_body(copy.key, GOOD_BODY)

    saved = templates.save_body(copy.key, builtin_template_body(INTERVIEW))

    assert saved.key == copy.key
    assert templates.get(copy.key).body == builtin_template_body(INTERVIEW)


# --- names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Mine", "mine", "  MINE  ", "Standard: after an interview", "standard: AFTER an interview"],
)
def test_names_are_unique_per_situation_ignoring_case(
    templates: TemplateService, name: str
) -> None:
    templates.duplicate(INTERVIEW_KEY, "Mine")

    with pytest.raises(ValidationError) as excinfo:
        templates.duplicate(INTERVIEW_KEY, name)

    assert set(excinfo.value.errors) == {"name"}
    assert name.strip() in excinfo.value.errors["name"]
    assert len(templates.list_templates(INTERVIEW)) == 2


def test_the_same_name_may_be_used_in_another_situation(templates: TemplateService) -> None:
    templates.duplicate(INTERVIEW_KEY, "Mine")
    other = templates.duplicate("builtin:after-resume", "Mine")
    assert other.situation is Situation.AFTER_RESUME
    # Even the name of another situation's built-in.
    named = templates.duplicate(INTERVIEW_KEY, builtin_name(Situation.KEEP_WARM))
    assert named.name == "Standard: keep in touch"


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_copy_needs_a_name(templates: TemplateService, name: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        templates.duplicate(INTERVIEW_KEY, name)
    assert set(excinfo.value.errors) == {"name"}
    assert rows() == []


def test_renaming_a_copy(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")

    renamed = templates.rename(copy.key, "  Warmer  ")

    assert renamed.key == copy.key
    assert renamed.name == "Warmer"
    assert renamed.body == copy.body
    assert templates.get(copy.key).name == "Warmer"


def test_renaming_to_the_same_name_is_a_no_op(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")
    assert templates.rename(copy.key, " Mine ") == copy


def test_renaming_a_copy_to_another_capitalisation_of_its_name(
    templates: TemplateService,
) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "mine")
    assert templates.rename(copy.key, "Mine").name == "Mine"


def test_renaming_to_a_taken_name_is_refused(templates: TemplateService) -> None:
    templates.duplicate(INTERVIEW_KEY, "Taken")
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")

    for name in ("taken", builtin_name(INTERVIEW), "", " "):
        with pytest.raises(ValidationError) as excinfo:
            templates.rename(copy.key, name)
        assert set(excinfo.value.errors) == {"name"}
    assert templates.get(copy.key).name == "Mine"


def test_builtins_cannot_be_renamed(templates: TemplateService) -> None:
    with pytest.raises(FollowUpDeskError):
        templates.rename(INTERVIEW_KEY, "My interview letter")
    assert templates.get(INTERVIEW_KEY).name == builtin_name(INTERVIEW)
    assert rows() == []


def test_deleting_a_copy(templates: TemplateService) -> None:
    copy = templates.duplicate(INTERVIEW_KEY, "Mine")

    deleted = templates.delete(copy.key)

    assert deleted == copy
    with pytest.raises(TemplateNotFound):
        templates.get(copy.key)
    with pytest.raises(TemplateNotFound):
        templates.delete(copy.key)
    assert [r.key for r in templates.list_templates(INTERVIEW)] == [INTERVIEW_KEY]
    # Its name is free again.
    assert templates.duplicate(INTERVIEW_KEY, "Mine").name == "Mine"


@pytest.mark.parametrize("edited", [False, True], ids=["plain", "edited"])
def test_builtins_cannot_be_deleted(templates: TemplateService, edited: bool) -> None:
    if edited:
        templates.save_body(INTERVIEW_KEY, GOOD_BODY)

    with pytest.raises(ValidationError) as excinfo:
        templates.delete(INTERVIEW_KEY)

    assert set(excinfo.value.errors) == {"key"}
    assert "reset" in excinfo.value.errors["key"]
    assert templates.get(INTERVIEW_KEY).is_modified is edited


def test_records_are_frozen(templates: TemplateService) -> None:
    record = templates.default_for(INTERVIEW)
    assert isinstance(record, TemplateRecord)
    with pytest.raises(AttributeError):
        record.body = "x"  # type: ignore[misc]
