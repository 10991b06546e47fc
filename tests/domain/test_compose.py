"""LetterDrafter end to end: a card, an event, an opportunity, a profile -> a letter."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from desktop.domain.categories import Category
from desktop.domain.compose import LetterDraft, LetterDrafter, default_situation
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.english_dates import english_long_date
from desktop.domain.errors import ContactNotFound
from desktop.domain.followups import EventDraft, FollowUpNotFound, FollowUpService
from desktop.domain.letter_history import LetterOutput, LetterService
from desktop.domain.opportunities import OpportunityDraft, OpportunityService
from desktop.domain.profile import Profile, ProfileService
from desktop.domain.template_store import TemplateNotFound, TemplateService, builtin_name
from desktop.domain.templates import TemplateRenderError, builtin_template_body
from desktop.domain.vocabulary import Channel, EventKind, FollowUpStatus, Situation
from tests.conftest import NOW

DAY = timedelta(days=1)
TODAY = NOW.date()  # Wednesday 25 November 2026
INTERVIEWED_AT = datetime(2026, 11, 24, 15, 0, tzinfo=NOW.tzinfo)

DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Robotics",
    department="Platform",
    email="dana.davis@example.com",
    street="100 Main Street",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
    category=Category.HIRING_PROCESS.value,
)
DANA_ADDRESS = (
    "Ms. Dana Davis\nDirector of Engineering\nPlatform\nAcme Robotics\n"
    "100 Main Street\nSpringfield, IL 62701\nUSA"
)
ALEX = Profile(
    name="Alex Candidate",
    street="42 Elm Road",
    city="Portland",
    region="OR",
    postal_code="97201",
    email="alex@example.org",
    closing="With best regards,",
)
ARTIFACTS = ("None", "  ", " .", " ,", "..", "the  position", "{{", "{%")


def log(
    follow_ups: FollowUpService,
    kind: EventKind,
    at: datetime,
    *contact_ids: int,
    discussed: str = "",
    opportunity_id: int | None = None,
) -> int:
    """Log an event; return the first person's follow-up id."""
    logged = follow_ups.log_event(
        EventDraft(
            kind=kind.value,
            occurred_at=at,
            contact_ids=contact_ids,
            discussed=discussed,
            opportunity_id=opportunity_id,
        )
    )
    return logged.follow_ups[0].id


@pytest.fixture
def dana(contacts: ContactService) -> ContactRecord:
    return contacts.add_contact(DANA)


@pytest.fixture
def acme(opportunities: OpportunityService, dana: ContactRecord) -> int:
    saved = opportunities.save(
        OpportunityDraft(
            company="Acme Robotics", position="Engineering Manager", contact_ids=(dana.id,)
        )
    )
    return saved.record.id


@pytest.fixture
def interviewed(follow_ups: FollowUpService, dana: ContactRecord, acme: int) -> int:
    """Dana interviewed the user yesterday about the Engineering Manager position."""
    return log(
        follow_ups,
        EventKind.INTERVIEW,
        INTERVIEWED_AT,
        dana.id,
        discussed="  Fleet migration for the warehouse robots ",
        opportunity_id=acme,
    )


def draft(drafter: LetterDrafter, contact_id: int, **kwargs: object) -> LetterDraft:
    arguments: dict[str, object] = {"day": TODAY, "write_date": english_long_date}
    arguments.update(kwargs)
    return drafter.draft(contact_id, **arguments)  # type: ignore[arg-type]


# --- end to end --------------------------------------------------------------------------


def test_an_interview_drafts_a_thank_you_from_the_event_and_opportunity(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    result = draft(drafter, dana.id)

    assert result.situation is Situation.AFTER_INTERVIEW
    assert result.follow_up is not None
    assert result.follow_up.id == interviewed
    assert result.template.key == "builtin:after-interview"
    assert result.contact == dana
    assert result.day == TODAY
    assert "Thank you for meeting with me on November 24, 2026" in result.body
    assert "the Engineering Manager position at Acme Robotics." in result.body
    # Trimmed, continued mid-sentence and closed with one full stop.
    assert "our conversation about fleet migration for the warehouse robots." in result.body
    for artifact in ARTIFACTS:
        assert artifact not in result.body, artifact


def test_the_letter_has_the_inside_address_and_salutation(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    text = draft(drafter, dana.id).letter().plain_text()

    assert text.startswith(f"November 25, 2026\n\n{DANA_ADDRESS}\n\nDear Ms. Davis:\n\n")
    assert "Thank you for meeting with me on November 24, 2026" in text
    assert text.endswith("\n\nSincerely,\n")


def test_without_a_profile_there_is_no_sender(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    result = draft(drafter, dana.id)

    assert result.sender is None
    letter = result.letter()
    assert letter.sender_block == ()
    assert letter.signature_name == ""
    assert letter.plain_text().startswith("November 25, 2026\n\n")


def test_a_named_profile_signs_the_letter(
    drafter: LetterDrafter, profile: ProfileService, dana: ContactRecord, interviewed: int
) -> None:
    profile.save(ALEX)

    result = draft(drafter, dana.id)

    assert result.sender is not None
    assert result.sender.name == "Alex Candidate"
    text = result.letter().plain_text()
    assert text.startswith(
        "42 Elm Road\nPortland, OR 97201\nalex@example.org\n\nNovember 25, 2026\n\n"
        f"{DANA_ADDRESS}\n\nDear Ms. Davis:\n\n"
    )
    assert text.endswith("\n\nWith best regards,\n\n\nAlex Candidate\n")


def test_a_profile_without_a_name_is_not_used_as_sender(
    drafter: LetterDrafter, profile: ProfileService, dana: ContactRecord, interviewed: int
) -> None:
    profile.save(dataclasses.replace(ALEX, name=""))

    result = draft(drafter, dana.id)

    assert result.sender is None
    text = result.letter().plain_text()
    assert "42 Elm Road" not in text
    assert "alex@example.org" not in text
    assert text.startswith("November 25, 2026\n\n")
    assert text.endswith("\n\nSincerely,\n")


def test_the_sender_fields_reach_the_template(
    drafter: LetterDrafter,
    profile: ProfileService,
    templates: TemplateService,
    dana: ContactRecord,
    interviewed: int,
) -> None:
    profile.save(dataclasses.replace(ALEX, phone="503-555-0199"))
    templates.save_body(
        "builtin:after-interview",
        "From {{ sender.name }} ({{ sender.email }}, {{ sender.phone }}) on {{ today }}.",
    )

    body = draft(drafter, dana.id).body

    assert body == "From Alex Candidate (alex@example.org, 503-555-0199) on November 25, 2026."


def test_the_edited_body_replaces_the_template_text(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    result = draft(drafter, dana.id)

    letter = result.letter("First paragraph,\njoined.\n\nSecond paragraph.")

    assert letter.paragraphs == ("First paragraph, joined.", "Second paragraph.")
    assert letter.salutation == "Dear Ms. Davis:"


def test_a_drafted_letter_is_recorded_and_its_follow_up_marked_sent(
    drafter: LetterDrafter,
    letters: LetterService,
    follow_ups: FollowUpService,
    profile: ProfileService,
    dana: ContactRecord,
    interviewed: int,
) -> None:
    profile.save(ALEX)
    result = draft(drafter, dana.id)
    assert result.follow_up is not None
    final_text = result.letter(result.body + "\n\nP.S. One more thing.").plain_text()

    recorded = letters.record(
        contact_id=dana.id,
        situation=result.situation,
        template_name=result.template.label,
        final_text=final_text,
        channel=Channel.TYPED_LETTER,
        output=LetterOutput.PRINTED,
        follow_up_id=result.follow_up.id,
        mark_sent=True,
    )

    assert letters.for_contact(dana.id) == [recorded.letter]
    assert recorded.letter.final_text == final_text
    assert recorded.letter.template_name == "Standard: after an interview"
    assert follow_ups.get(interviewed).status is FollowUpStatus.SENT
    # Sent, it is no longer pending: the next draft falls back to the category.
    after = draft(drafter, dana.id)
    assert after.situation is Situation.AFTER_INTERVIEW
    assert after.follow_up is None
    assert "November 24" not in after.body


def test_dates_are_written_by_the_writer_the_caller_gives(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    # The GUI passes Qt's writer for the user's locale (tests/printing/test_dates.py).
    def numeric(day: date) -> str:
        return f"{day.day}.{day.month}.{day.year}"

    result = draft(drafter, dana.id, write_date=numeric)

    assert "on 24.11.2026" in result.body  # the interview's day, in the template
    assert result.letter().date_line == "25.11.2026"
    assert result.letter(body="Edited.").date_line == "25.11.2026"


def test_dates_are_us_english_with_the_english_writer(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    result = draft(drafter, dana.id)

    assert "on November 24, 2026" in result.body
    assert result.letter().date_line == "November 25, 2026"


# --- which situation ---------------------------------------------------------------------


def test_the_most_urgent_pending_follow_up_decides(
    drafter: LetterDrafter, follow_ups: FollowUpService, dana: ContactRecord, interviewed: int
) -> None:
    # A resume sent earlier closes sooner than yesterday's interview.
    resume = log(follow_ups, EventKind.RESUME, INTERVIEWED_AT - 2 * DAY, dana.id)
    # A later event closes later and does not change the choice.
    log(follow_ups, EventKind.HELP, NOW, dana.id, discussed="An introduction")

    result = draft(drafter, dana.id)

    assert result.situation is Situation.AFTER_RESUME
    assert result.follow_up is not None
    assert result.follow_up.id == resume
    assert result.template.key == "builtin:after-resume"


@pytest.mark.parametrize(
    ("category", "situation"),
    [
        (Category.HIRING_PROCESS, Situation.AFTER_INTERVIEW),
        (Category.INFORMATIONAL_INTERVIEW, Situation.AFTER_INFORMATIONAL),
        (Category.FRIEND, Situation.THANK_HELPER),
        (Category.PAST_EMPLOYER, Situation.THANK_HELPER),
        (Category.JOB_FAIR, Situation.THANK_HELPER),
    ],
)
def test_without_pending_follow_ups_the_category_decides(
    drafter: LetterDrafter, contacts: ContactService, category: Category, situation: Situation
) -> None:
    person = contacts.add_contact(ContactCard(given_name="Lee", category=category.value))

    result = draft(drafter, person.id)

    assert result.situation is situation
    assert result.follow_up is None
    assert result.template.key == f"builtin:{situation.value}"


def test_default_situation_picks_the_follow_up_that_closes_first(
    follow_ups: FollowUpService, contacts: ContactService, dana: ContactRecord
) -> None:
    first = log(follow_ups, EventKind.REJECTION, NOW - 3 * DAY, dana.id)
    log(follow_ups, EventKind.INTERVIEW, NOW - DAY, dana.id)
    pending = follow_ups.for_contact(dana.id)

    assert default_situation(dana, pending) is Situation.AFTER_REJECTION
    assert default_situation(dana, pending[:1]) is Situation.AFTER_INTERVIEW
    assert default_situation(dana, []) is Situation.AFTER_INTERVIEW
    assert follow_ups.get(first).situation is Situation.AFTER_REJECTION


def test_sent_and_dismissed_follow_ups_are_not_pending(
    drafter: LetterDrafter, follow_ups: FollowUpService, contacts: ContactService
) -> None:
    friend = contacts.add_contact(ContactCard(given_name="Lee", category=Category.FRIEND.value))
    resume = log(follow_ups, EventKind.RESUME, NOW - 2 * DAY, friend.id)
    rejection = log(follow_ups, EventKind.REJECTION, NOW - DAY, friend.id)
    follow_ups.mark_sent(resume, channel=Channel.EMAIL, sent_at=NOW)
    follow_ups.dismiss(rejection)

    assert drafter.pending_for(friend.id) == []
    assert draft(drafter, friend.id).situation is Situation.THANK_HELPER


def test_an_explicit_situation_uses_a_pending_follow_up_of_that_situation(
    drafter: LetterDrafter, follow_ups: FollowUpService, dana: ContactRecord, interviewed: int
) -> None:
    rejection = log(follow_ups, EventKind.REJECTION, NOW, dana.id, opportunity_id=None)

    result = draft(drafter, dana.id, situation=Situation.AFTER_REJECTION)

    assert result.situation is Situation.AFTER_REJECTION
    assert result.follow_up is not None
    assert result.follow_up.id == rejection


def test_an_explicit_situation_without_a_follow_up_has_no_event(
    drafter: LetterDrafter, dana: ContactRecord, interviewed: int
) -> None:
    result = draft(drafter, dana.id, situation=Situation.KEEP_WARM)

    assert result.follow_up is None
    assert "the position at Acme Robotics" in result.body
    assert "Engineering Manager" not in result.body


def test_an_explicit_follow_up_decides_even_when_sent(
    drafter: LetterDrafter, follow_ups: FollowUpService, dana: ContactRecord, interviewed: int
) -> None:
    follow_ups.mark_sent(interviewed, channel=Channel.EMAIL, sent_at=NOW)
    log(follow_ups, EventKind.RESUME, NOW - 5 * DAY, dana.id)

    result = draft(drafter, dana.id, follow_up_id=interviewed)

    assert result.situation is Situation.AFTER_INTERVIEW
    assert result.follow_up is not None
    assert result.follow_up.id == interviewed
    assert "on November 24, 2026" in result.body


def test_a_multi_person_event_drafts_one_letter_per_person(
    drafter: LetterDrafter,
    follow_ups: FollowUpService,
    contacts: ContactService,
    dana: ContactRecord,
) -> None:
    lee = contacts.add_contact(
        ContactCard(courtesy_title="Dr.", given_name="Lee", family_name="Park", company="Acme")
    )
    log(follow_ups, EventKind.INTERVIEW, INTERVIEWED_AT, dana.id, lee.id, discussed="Robots")

    to_dana, to_lee = draft(drafter, dana.id), draft(drafter, lee.id)

    assert to_dana.letter().salutation == "Dear Ms. Davis:"
    assert to_lee.letter().salutation == "Dear Dr. Park:"
    assert to_lee.letter().inside_address == ("Dr. Lee Park", "Acme")
    assert "about robots." in to_dana.body
    assert "about robots." in to_lee.body
    assert "the position at Acme." in to_lee.body


# --- filling in from the event -----------------------------------------------------------


def test_a_deleted_opportunity_leaves_the_contact_company(
    drafter: LetterDrafter,
    opportunities: OpportunityService,
    dana: ContactRecord,
    acme: int,
    interviewed: int,
) -> None:
    opportunities.delete(acme)

    body = draft(drafter, dana.id).body

    assert "Engineering Manager" not in body
    assert "the position at Acme Robotics." in body


def test_an_event_without_an_opportunity_or_conversation(
    drafter: LetterDrafter, follow_ups: FollowUpService, contacts: ContactService
) -> None:
    lee = contacts.add_contact(
        ContactCard(given_name="Lee", category=Category.INFORMATIONAL_INTERVIEW.value)
    )
    log(follow_ups, EventKind.INFORMATIONAL, INTERVIEWED_AT, lee.id)

    result = draft(drafter, lee.id)

    assert result.situation is Situation.AFTER_INFORMATIONAL
    assert result.body.startswith(
        "Thank you for taking the time to speak with me on November 24, 2026 about your work."
    )
    assert result.letter().salutation == "Dear Lee:"
    for artifact in ARTIFACTS:
        assert artifact not in result.letter().plain_text(), artifact


@pytest.mark.parametrize("markup", ["{{ 7*7 }}", "{% if %}", "<script>x</script>", "A & B"])
def test_markup_on_the_card_and_event_comes_out_literally(
    drafter: LetterDrafter,
    follow_ups: FollowUpService,
    contacts: ContactService,
    opportunities: OpportunityService,
    markup: str,
) -> None:
    person = contacts.add_contact(ContactCard(given_name="Lee", company=markup))
    opportunity = opportunities.save(OpportunityDraft(position=markup, company=markup))
    log(
        follow_ups,
        EventKind.INTERVIEW,
        INTERVIEWED_AT,
        person.id,
        discussed=markup,
        opportunity_id=opportunity.record.id,
    )

    text = draft(drafter, person.id).letter().plain_text()

    assert f"the {markup} position at {markup}." in text
    assert f"our conversation about {markup}." in text
    assert f"\n{markup}\n" in text  # the company line of the inside address
    assert "49" not in text


# --- templates ---------------------------------------------------------------------------


def test_an_edited_builtin_is_used_by_default(
    drafter: LetterDrafter, templates: TemplateService, dana: ContactRecord, interviewed: int
) -> None:
    templates.save_body("builtin:after-interview", "Thanks, {{ contact.given_name }}.")

    result = draft(drafter, dana.id)

    assert result.body == "Thanks, Dana."
    assert result.template.is_modified
    assert result.template.label == f"{builtin_name(Situation.AFTER_INTERVIEW)} (edited)"


def test_a_chosen_copy_is_used(
    drafter: LetterDrafter, templates: TemplateService, dana: ContactRecord, interviewed: int
) -> None:
    copy = templates.duplicate("builtin:after-interview", "Short")
    templates.save_body(copy.key, "Short: {{ opportunity.position }} / {{ event.date }}")

    result = draft(drafter, dana.id, template_key=copy.key)

    assert result.template == templates.get(copy.key)
    assert result.body == "Short: Engineering Manager / November 24, 2026"
    assert builtin_template_body(Situation.AFTER_INTERVIEW) != result.body


def test_not_found_errors(drafter: LetterDrafter, dana: ContactRecord) -> None:
    with pytest.raises(ContactNotFound):
        draft(drafter, 9999)
    with pytest.raises(FollowUpNotFound):
        draft(drafter, dana.id, follow_up_id=9999)
    with pytest.raises(TemplateNotFound):
        draft(drafter, dana.id, template_key="user:9999")


def test_a_template_that_only_fails_on_real_data_raises_a_render_error(
    drafter: LetterDrafter, templates: TemplateService, contacts: ContactService
) -> None:
    # The sample letter has a conversation, so the check passes; this contact has none.
    copy = templates.duplicate("builtin:thank-helper", "Risky")
    templates.save_body(copy.key, "Line one\n{{ 100 // (event.discussed | length) }}")
    lee = contacts.add_contact(ContactCard(given_name="Lee", category=Category.FRIEND.value))

    with pytest.raises(TemplateRenderError) as excinfo:
        draft(drafter, lee.id, template_key=copy.key)

    assert excinfo.value.problem.line == 2
