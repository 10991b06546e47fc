"""Letter templates: sandboxed rendering, clear problems with lines, and the built-ins."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from desktop.domain.contacts import ContactCard
from desktop.domain.templates import (
    SAMPLE_CONTEXT,
    TEMPLATE_FIELDS,
    TEMPLATE_FILTERS,
    LetterContext,
    TemplateProblem,
    TemplateRenderError,
    builtin_template_body,
    bundled_template,
    check_template,
    compile_template,
    end_sentence,
    lower_first,
    render_body,
)
from desktop.domain.vocabulary import Situation

# Every template shipped with the app: one per situation, and the general thank-you.
SHIPPED: dict[str, str] = {
    **{situation.value: builtin_template_body(situation) for situation in Situation},
    "thank-you": bundled_template("thank-you.j2"),
}
SHIPPED_IDS = list(SHIPPED)

# Left-overs of an empty slot or a value that already ended its sentence.
ARTIFACTS = (
    "None",
    "  ",
    " .",
    " ,",
    ",,",
    "..",
    ".,",
    "the  position",
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
)

MARKUP = (
    "{{ 7*7 }}",
    "{% if %}",
    "{# comment #}",
    "<script>alert(1)</script>",
    "&",
    "&amp;",
    "{{ ''.__class__ }}",
    "{{ contact.given_name }}",
)

FULL_CARD = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Robotics",
    department="Platform",
    met_at="the Spring Tech Job Fair",
    email="dana@example.com",
    phone="555-0100",
    street="100 Main Street",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
    notes="Likes robots.",
)
FULL = LetterContext(
    contact=FULL_CARD,
    sender_name="Alex Candidate",
    sender_email="alex@example.org",
    sender_phone="555-0199",
    event_kind="Interview",
    event_date="November 24, 2026",
    discussed="the warehouse-robot fleet migration",
    opportunity_position="Engineering Manager",
    opportunity_company="Acme Robotics",
    today="November 25, 2026",
)
# Almost nothing: a name, nothing else.
BARE = LetterContext(contact=ContactCard(given_name="Dana"))

# The values a context may leave empty, each with a sensible filled-in value.
OPTIONAL_CARD = ("courtesy_title", "family_name", "job_title", "company", "department", "met_at")
OPTIONAL_CONTEXT = (
    "sender_name",
    "event_kind",
    "event_date",
    "discussed",
    "opportunity_position",
    "opportunity_company",
    "today",
)


def problem_of(body: str) -> TemplateProblem:
    problem = check_template(body)
    assert problem is not None, body
    return problem


def assert_reads_well(text: str) -> None:
    for artifact in ARTIFACTS:
        assert artifact not in text, (artifact, text)
    for line in text.splitlines():
        assert line == line.strip(), repr(line)


# --- rendering ---------------------------------------------------------------------------


def test_fields_render_from_the_context() -> None:
    body = (
        "{{ contact.formal_name }} / {{ contact.full_name }} / {{ contact.company }}\n"
        "{{ event.kind }} on {{ event.date }}: {{ event.discussed }}\n"
        "{{ opportunity.position }} at {{ opportunity.company }}\n"
        "{{ sender.name }} <{{ sender.email }}> {{ sender.phone }}, {{ today }}"
    )

    assert render_body(body, FULL) == (
        "Ms. Dana Davis / Dana Davis / Acme Robotics\n"
        "Interview on November 24, 2026: the warehouse-robot fleet migration\n"
        "Engineering Manager at Acme Robotics\n"
        "Alex Candidate <alex@example.org> 555-0199, November 25, 2026"
    )


def test_block_tags_do_not_leave_blank_lines_or_indentation() -> None:
    body = "A\n  {% if contact.company %}\n  B\n  {% endif %}\nC"
    assert render_body(body, FULL) == "A\n  B\nC"
    assert render_body(body, BARE) == "A\nC"


def test_empty_values_are_empty_strings_never_none() -> None:
    body = (
        "[{{ contact.company }}][{{ event.date }}][{{ opportunity.position }}][{{ sender.name }}]"
    )
    assert render_body(body, BARE) == "[][][][]"


def test_the_introducer_id_is_not_a_field() -> None:
    card = dataclasses.replace(FULL_CARD, introduced_by_id=7)
    with pytest.raises(TemplateRenderError):
        render_body("{{ contact.introduced_by_id }}", LetterContext(contact=card))


def test_autoescaping_is_off_for_plain_text() -> None:
    card = ContactCard(given_name="Dana", company="Smith & Sons <Ltd>")
    assert render_body("{{ contact.company }}", LetterContext(contact=card)) == (
        "Smith & Sons <Ltd>"
    )


@pytest.mark.parametrize("markup", MARKUP)
def test_markup_typed_on_a_card_comes_out_literally(markup: str) -> None:
    card = ContactCard(given_name=markup, family_name=markup, company=markup, met_at=markup)
    context = LetterContext(contact=card, discussed=markup, opportunity_position=markup)
    body = (
        "{{ contact.full_name }}|{{ contact.company }}|{{ event.discussed }}"
        "|{{ opportunity.position }}"
    )

    assert render_body(body, context) == f"{markup} {markup}|{markup}|{markup}|{markup}"


@pytest.mark.parametrize("markup", MARKUP)
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_markup_typed_on_a_card_comes_out_literally_in_every_builtin(
    name: str, markup: str
) -> None:
    context = everywhere(markup)

    text = render_body(SHIPPED[name], context)

    assert expected_probe(name, markup) in text
    assert "49" not in text
    assert "<class" not in text
    assert "Dana" not in text  # "{{ contact.given_name }}" was not evaluated


# --- problems and their lines ------------------------------------------------------------


@pytest.mark.parametrize("line", [1, 2, 5])
def test_a_syntax_error_names_its_line(line: int) -> None:
    body = "Dear friend,\n" * (line - 1) + "{% if %}\nrest"

    problem = problem_of(body)

    assert problem.line == line
    assert problem.message.startswith("Syntax error:")
    assert problem.message.endswith(".")
    assert not problem.message.endswith("..")


def test_an_unclosed_block_is_a_syntax_error() -> None:
    problem = problem_of("Hello\n{% if contact.company %}\nAcme\n")
    assert problem.message.startswith("Syntax error:")
    assert problem.line is not None
    assert problem.line >= 2


def test_an_unknown_filter_is_a_syntax_error_with_its_line() -> None:
    problem = problem_of("one\ntwo {{ contact.company | shout }}")
    assert problem.line == 2
    assert "shout" in problem.message


@pytest.mark.parametrize("line", [1, 3, 6])
@pytest.mark.parametrize(
    ("expression", "name"),
    [
        ("{{ contact.nickname }}", "nickname"),
        ("{{ recipient }}", "recipient"),
        ("{{ opportunity.salary }}", "salary"),
        ("{% if event.place %}x{% endif %}", "place"),
    ],
)
def test_an_unknown_field_names_the_field_and_its_line(
    expression: str, name: str, line: int
) -> None:
    body = "Thank you.\n" * (line - 1) + f"Text {expression} more\nlast line"

    problem = problem_of(body)

    assert problem.line == line
    assert f"“{name}”" in problem.message
    assert problem.message.startswith("Unknown field")
    assert "listed" in problem.message


def test_an_unknown_field_inside_a_loop_names_the_line_of_the_loop_body() -> None:
    body = "start\n{% for word in ['a', 'b'] %}\n{{ word }}\n{{ word.colour }}\n{% endfor %}"
    problem = problem_of(body)
    assert problem.line == 4
    assert "“colour”" in problem.message


@pytest.mark.parametrize(
    "body",
    [
        "x\n{{ 1 / 0 }}",
        "x\n{{ '%d' | format('seven') }}",
        "x\n{{ [1, 'a'] | sort }}",
        "x\n{{ 'x' | wordwrap(0) }}",
    ],
)
def test_other_runtime_errors_are_problems_with_a_line(body: str) -> None:
    problem = problem_of(body)
    assert problem.line == 2
    assert problem.message.startswith("The template could not be used:")


def test_render_body_raises_the_same_problem() -> None:
    with pytest.raises(TemplateRenderError) as excinfo:
        render_body("a\nb\n{{ contact.nickname }}", FULL)

    assert excinfo.value.problem == problem_of("a\nb\n{{ contact.nickname }}")
    assert str(excinfo.value) == f"Line 3: {excinfo.value.problem.message}"


def test_compile_template_reports_syntax_errors_before_rendering() -> None:
    with pytest.raises(TemplateRenderError) as excinfo:
        compile_template("ok\n{{ contact.company ")
    assert excinfo.value.problem.line == 2
    # An unknown field is only found by rendering.
    compile_template("{{ contact.nickname }}")


def test_a_problem_reads_with_or_without_a_line() -> None:
    assert str(TemplateProblem("Something is wrong.", 4)) == "Line 4: Something is wrong."
    assert str(TemplateProblem("Something is wrong.")) == "Something is wrong."


@pytest.mark.parametrize(
    "body",
    [
        "",
        "Plain text with no fields at all.",
        "{{ contact.company | end_sentence }} {{ event.discussed | lower_first }}",
        "{% for field in [contact.company, contact.department] %}{{ field }} {% endfor %}",
        "{{ contact.company if contact.company else 'your team' }}",
    ],
)
def test_good_bodies_have_no_problem(body: str) -> None:
    assert check_template(body) is None


@pytest.mark.parametrize("body", ["{{ [][0] }}", "{{ 'abc'[10] }}", "{{ [] | first }}"])
def test_an_unnamed_undefined_value_reads_as_a_sentence(body: str) -> None:
    problem = problem_of(body)
    assert "field a field" not in problem.message


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("x\n{{ '{}'.format() }}", id="IndexError"),
        pytest.param("x\n{{ '{a}'.format() }}", id="KeyError"),
        pytest.param("x\n{{ 'x'.encode('nope') }}", id="LookupError"),
        pytest.param("x\n{{ 'x' | xmlattr }}", id="AttributeError"),
        pytest.param("x\n{{ 'x' | truncate(-5) }}", id="AssertionError"),
        pytest.param("x\n{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", id="RecursionError"),
    ],
)
def test_every_runtime_failure_becomes_a_problem_with_its_line(body: str) -> None:
    problem = problem_of(body)
    assert problem.line == 2


# --- the sandbox -------------------------------------------------------------------------

INTERNALS = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ contact.__class__ }}",
    "{{ contact.given_name | attr('__class__') }}",
    "{{ '{0.__class__}'.format(contact) }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler('a').next.__self__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ self.__init__ }}",
    "{{ contact.update({'given_name': 'Eve'}) }}",
    "{{ contact.pop('given_name') }}",
    "{% set words = [] %}{{ words.append(1) }}",
]


@pytest.mark.parametrize("expression", INTERNALS)
def test_python_internals_are_not_allowed(expression: str) -> None:
    problem = problem_of(f"Dear friend,\n\n{expression}")

    assert problem.line == 3
    assert problem.message.startswith("Not allowed in a letter template"), problem.message
    assert "listed fields" in problem.message
    with pytest.raises(TemplateRenderError):
        render_body(expression, FULL)


@pytest.mark.parametrize(
    "expression",
    [
        "{{ contact.given_name.upper.__globals__ }}",
        "{{ contact.given_name.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.system('true') }}",
        "{{ joiner().__call__.__globals__ }}",
        "{{ range.__self__ }}",
        "{{ config }}",
        "{{ request.application }}",
    ],
)
def test_reaching_for_globals_is_refused_and_says_so(expression: str) -> None:
    problem = problem_of(expression)

    assert problem.line == 1
    assert problem.message.startswith(("Not allowed in a letter template", "Unknown field"))
    assert "listed" in problem.message
    assert "<" not in problem.message  # no object repr leaks into the message


@pytest.mark.parametrize("tag", ["{% include 'x' %}", "{% extends 'x' %}", "{% import 'x' as y %}"])
def test_templates_cannot_load_other_files(tag: str) -> None:
    problem = problem_of(tag)
    assert problem.line == 1
    assert problem.message.endswith(".")


def test_a_huge_range_is_refused() -> None:
    assert problem_of("{{ range(10**9) | list | length }}").line == 1


def test_the_context_is_not_changed_by_rendering() -> None:
    variables_before = FULL.variables()
    render_body("{% set contact = {'given_name': 'Eve'} %}{{ contact.given_name }}", FULL)
    assert render_body("{{ contact.given_name }}", FULL) == "Dana"
    assert FULL.variables() == variables_before


# --- filters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Acme", "Acme."),
        ("Acme Inc.", "Acme Inc."),
        ("Yahoo!", "Yahoo!"),
        ("Why?", "Why?"),
        ("and so on…", "and so on…"),
        ("trailing space  ", "trailing space."),
        ("Inc.  ", "Inc."),
        (42, "42."),
    ],
)
def test_end_sentence(value: str, expected: str) -> None:
    assert end_sentence(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Fleet migration", "fleet migration"),
        ("API design", "API design"),
        ("NASA's budget", "NASA's budget"),
        ("already lower", "already lower"),
        ("Éclair recipes", "éclair recipes"),
        ("A", "A"),
        ("", ""),
        ("3D printing", "3D printing"),
    ],
)
def test_lower_first(value: str, expected: str) -> None:
    assert lower_first(value) == expected


def test_the_filters_are_available_in_templates() -> None:
    context = dataclasses.replace(
        FULL, discussed="Fleet migration", contact=ContactCard(company="Acme Inc.")
    )
    body = "{{ event.discussed | lower_first | end_sentence }} {{ contact.company | end_sentence }}"
    assert render_body(body, context) == "fleet migration. Acme Inc."
    assert {name for name, _ in TEMPLATE_FILTERS} == {"end_sentence", "lower_first"}


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_end_sentence_always_ends_one_sentence(value: str) -> None:
    result = end_sentence(value)

    assert result.startswith(value.rstrip())
    assert result.endswith((".", "!", "?", "…"))
    assert len(result) <= len(value.rstrip()) + 1
    assert end_sentence(result) == result


@given(st.text(st.characters(exclude_categories=("Cs",))))
def test_lower_first_changes_at_most_the_first_letter(value: str) -> None:
    result = lower_first(value)

    if len(value) > 1 and value[0].isupper() and value[1].islower():
        assert result == value[0].lower() + value[1:]
    else:
        assert result == value


# --- the listed fields -------------------------------------------------------------------


@pytest.mark.parametrize("field", [name for name, _ in TEMPLATE_FIELDS])
def test_every_listed_field_renders(field: str) -> None:
    assert check_template(f"{{{{ {field} }}}}") is None
    assert isinstance(render_body(f"{{{{ {field} }}}}", BARE), str)


def _fields_used(body: str) -> set[str]:
    tree = ImmutableSandboxedEnvironment().parse(body)
    used = {
        f"{node.node.name}.{node.attr}"
        for node in tree.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name)
    }
    parents = {name.split(".")[0] for name in used}
    used |= {
        node.name
        for node in tree.find_all(nodes.Name)
        if node.ctx == "load" and node.name not in parents
    }
    return used


def _filters_used(body: str) -> set[str]:
    tree = ImmutableSandboxedEnvironment().parse(body)
    return {node.name for node in tree.find_all(nodes.Filter)}


@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_shipped_templates_use_only_listed_fields_and_filters(name: str) -> None:
    listed = {field for field, _ in TEMPLATE_FIELDS}
    assert _fields_used(SHIPPED[name]) <= listed
    assert _filters_used(SHIPPED[name]) <= {f for f, _ in TEMPLATE_FILTERS}


# --- the built-in templates --------------------------------------------------------------


@pytest.mark.parametrize("situation", list(Situation))
def test_every_situation_has_a_builtin_that_checks_clean(situation: Situation) -> None:
    body = builtin_template_body(situation)
    assert body.strip()
    assert check_template(body) is None


def test_the_thank_you_template_checks_clean() -> None:
    assert check_template(SHIPPED["thank-you"]) is None


@pytest.mark.parametrize("context", [FULL, SAMPLE_CONTEXT, BARE], ids=["full", "sample", "bare"])
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_builtins_read_well(name: str, context: LetterContext) -> None:
    text = render_body(SHIPPED[name], context)

    assert_reads_well(text)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) >= 2
    for paragraph in paragraphs:
        assert paragraph[0].isupper() or paragraph[0] == "[", paragraph
        assert paragraph.rstrip().endswith((".", "]", ":")), paragraph
    assert "\n\n\n" not in text


@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_builtins_mention_what_they_know(name: str) -> None:
    text = render_body(SHIPPED[name], FULL)
    # Every built-in is about a company, a position or a conversation: one of them shows.
    assert any(
        value in text
        for value in (
            "Acme Robotics",
            "Engineering Manager position",
            "warehouse-robot fleet migration",
        )
    ), text


def test_after_interview_recalls_the_date_position_company_and_conversation() -> None:
    text = render_body(builtin_template_body(Situation.AFTER_INTERVIEW), FULL)
    assert "on November 24, 2026" in text
    assert "the Engineering Manager position at Acme Robotics." in text
    assert "our conversation about the warehouse-robot fleet migration." in text


def test_without_an_opportunity_the_contact_company_is_used() -> None:
    context = dataclasses.replace(FULL, opportunity_position="", opportunity_company="")
    text = render_body(builtin_template_body(Situation.AFTER_INTERVIEW), context)
    assert "about the position at Acme Robotics." in text


def _context_with(card_fields: dict[str, bool], context_fields: dict[str, bool]) -> LetterContext:
    card = dataclasses.replace(
        FULL_CARD,
        **{name: getattr(FULL_CARD, name) if keep else "" for name, keep in card_fields.items()},
    )
    return dataclasses.replace(
        FULL,
        contact=card,
        **{name: getattr(FULL, name) if keep else "" for name, keep in context_fields.items()},
    )


@settings(max_examples=40, deadline=None)
@given(
    card_fields=st.fixed_dictionaries({name: st.booleans() for name in OPTIONAL_CARD}),
    context_fields=st.fixed_dictionaries({name: st.booleans() for name in OPTIONAL_CONTEXT}),
)
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_builtins_read_well_whatever_is_missing(
    name: str, card_fields: dict[str, bool], context_fields: dict[str, bool]
) -> None:
    assert_reads_well(render_body(SHIPPED[name], _context_with(card_fields, context_fields)))


DOTTED = dataclasses.replace(
    FULL,
    contact=dataclasses.replace(
        FULL_CARD,
        company="Acme Inc.",
        job_title="Sr. Director, Eng.",
        met_at="the fair at Acme Inc.",
    ),
    discussed="the fleet migration.",
    opportunity_position="Sr. Eng.",
    opportunity_company="Acme Inc.",
)


@pytest.mark.parametrize(
    "context",
    [
        DOTTED,
        dataclasses.replace(BARE, contact=ContactCard(given_name="Dana", company="Acme Inc.")),
    ],
    ids=["all", "company-only"],
)
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_values_ending_in_a_full_stop_do_not_double_it(name: str, context: LetterContext) -> None:
    text = render_body(SHIPPED[name], context)
    assert ".." not in text, text


# --- arbitrary card text -----------------------------------------------------------------

card_text = st.one_of(
    st.sampled_from(MARKUP),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40),
).filter(str.strip)


def everywhere(value: str) -> LetterContext:
    """``value`` in every text field of the card and the context."""
    card = ContactCard(
        **{
            field.name: value
            for field in dataclasses.fields(ContactCard)
            if field.type in ("str", str) and field.name not in ("category",)
        }
    )
    return LetterContext(
        contact=card,
        **{
            field.name: value
            for field in dataclasses.fields(LetterContext)
            if field.name not in ("contact", "extra")
        },
    )


def expected_probe(name: str, value: str) -> str:
    """Where ``value`` shows in template ``name`` when it fills every field."""
    if name == Situation.THANK_HELPER.value:
        return f"in particular for {end_sentence(lower_first(value))}"
    if name == Situation.AFTER_INFORMATIONAL.value:
        return f"about your work at {end_sentence(value)}"
    if name == "thank-you":
        return f"I enjoyed learning more about {value}"
    return f"the {value} position"


@settings(max_examples=60, deadline=None)
@given(value=card_text)
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_any_card_text_renders_literally_in_every_builtin(name: str, value: str) -> None:
    text = render_body(SHIPPED[name], everywhere(value))
    assert expected_probe(name, value) in text


@settings(max_examples=60, deadline=None)
@given(
    value=card_text,
    field=st.sampled_from([*(f"contact.{name}" for name in OPTIONAL_CARD), *OPTIONAL_CONTEXT]),
)
@pytest.mark.parametrize("name", SHIPPED_IDS)
def test_any_card_text_in_any_one_field_never_breaks_a_builtin(
    name: str, value: str, field: str
) -> None:
    if field.startswith("contact."):
        context = dataclasses.replace(
            BARE, contact=dataclasses.replace(BARE.contact, **{field[8:]: value})
        )
    else:
        context = dataclasses.replace(BARE, **{field: value})

    text = render_body(SHIPPED[name], context)

    assert "None" not in text or "None" in value
