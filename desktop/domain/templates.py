"""Letter templates: Jinja2 in a sandbox, the fields they may use, and clear errors.

A template renders the body of a letter (its paragraphs). Rendering runs in Jinja2's
ImmutableSandboxedEnvironment with StrictUndefined, so a template cannot reach Python
internals and a misspelt field is an error with a line number, not a silent blank.
Values are data, never template source: "{{ x }}" typed on a card prints as typed.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from desktop.domain.contacts import ContactCard
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.vocabulary import Situation

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import ImmutableSandboxedEnvironment

_TEMPLATE_FILENAME = "<template>"
_SENTENCE_ENDINGS = (".", "!", "?", "…")


def end_sentence(value: str) -> str:
    """``value`` closing a sentence: a full stop is added unless it already ends in one.

    So "Acme Inc." stays "Acme Inc." (not "Acme Inc..") and "Yahoo!" stays "Yahoo!".
    """
    value = str(value).rstrip()
    return value if value.endswith(_SENTENCE_ENDINGS) else f"{value}."


def lower_first(value: str) -> str:
    """ "Fleet migration" -> "fleet migration", to continue a sentence; "API" stays "API"."""
    value = str(value)
    if len(value) > 1 and value[0].isupper() and value[1].islower():
        return value[0].lower() + value[1:]
    return value


# Big enough for any letter, small enough that a template cannot exhaust memory or time.
MAX_EXPONENT = 64
MAX_REPEAT = 10_000


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    """The one sandbox letters render in, built on first use: Jinja costs ~20 ms to import,
    and the window opens on an empty card that needs no letter yet."""
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class LetterSandbox(ImmutableSandboxedEnvironment):
        """The sandbox, plus limits on ``**`` and on repeating text or lists with ``*``."""

        intercepted_binops = frozenset({"**", "*"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"exponents above {MAX_EXPONENT} are not allowed")
            if operator == "*":
                for seq, count in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | list | tuple)
                        and isinstance(count, int)
                        and count * max(len(seq), 1) > MAX_REPEAT
                    ):
                        raise SecurityError("repeating text that many times is not allowed")
            return super().call_binop(context, operator, left, right)

    env = LetterSandbox(
        autoescape=False,  # output is plain text; the layout layer escapes it for the page
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["end_sentence"] = end_sentence
    env.filters["lower_first"] = lower_first
    return env


# What a template may use, with a line of help for the template editor.
TEMPLATE_FIELDS: tuple[tuple[str, str], ...] = (
    ("contact.courtesy_title", "Mr., Ms., Mx., Dr. or empty"),
    ("contact.given_name", "Given name, as on the card"),
    ("contact.family_name", "Family name, as on the card"),
    ("contact.full_name", "Given and family name"),
    ("contact.formal_name", "Title and full name, e.g. Ms. Dana Davis"),
    ("contact.job_title", "Job title"),
    ("contact.department", "Department"),
    ("contact.company", "Company"),
    ("contact.met_at", "Where you met"),
    ("contact.notes", "Your notes on the card"),
    ("event.kind", "What happened, e.g. Interview"),
    ("event.date", "When it happened, written out"),
    ("event.discussed", "What was discussed (from the event)"),
    ("opportunity.position", "The position applied for"),
    ("opportunity.company", "The company of the opportunity"),
    ("sender.name", "Your name (from your profile)"),
    ("sender.email", "Your email"),
    ("sender.phone", "Your phone"),
    ("today", "Today's date, written out"),
)
TEMPLATE_FILTERS: tuple[tuple[str, str], ...] = (
    ("end_sentence", "Ends a sentence with one full stop: {{ contact.company | end_sentence }}"),
    ("lower_first", "Lower-cases a leading capital to continue a sentence"),
)


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template cannot be used, for the editor: a sentence and, if known, the line."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


class TemplateRenderError(FollowUpDeskError):
    def __init__(self, problem: TemplateProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, kw_only=True)
class LetterContext:
    """Everything a template can draw on for one letter."""

    contact: ContactCard
    sender_name: str = ""
    sender_email: str = ""
    sender_phone: str = ""
    event_kind: str = ""
    event_date: str = ""
    discussed: str = ""
    opportunity_position: str = ""
    opportunity_company: str = ""
    today: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def variables(self) -> dict[str, Any]:
        contact = {k: v for k, v in asdict(self.contact).items() if isinstance(v, str)}
        contact["full_name"] = self.contact.full_name
        contact["formal_name"] = self.contact.formal_name
        return {
            "contact": contact,
            "sender": {
                "name": self.sender_name,
                "email": self.sender_email,
                "phone": self.sender_phone,
            },
            "event": {
                "kind": self.event_kind,
                "date": self.event_date,
                "discussed": self.discussed,
            },
            "opportunity": {
                "position": self.opportunity_position,
                "company": self.opportunity_company,
            },
            "today": self.today,
        }


SAMPLE_CONTEXT = LetterContext(
    contact=ContactCard(
        courtesy_title="Ms.",
        given_name="Dana",
        family_name="Davis",
        job_title="Director of Engineering",
        company="Acme Robotics",
        department="Platform",
        met_at="the Spring Tech Job Fair",
    ),
    sender_name="Alex Candidate",
    event_kind="Interview",
    event_date="November 24, 2026",
    discussed="the warehouse-robot fleet migration",
    opportunity_position="Engineering Manager",
    opportunity_company="Acme Robotics",
    today="November 25, 2026",
)


def _template_line(exc: BaseException) -> int | None:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename == _TEMPLATE_FILENAME:
            return frame.lineno
    return None


_MISSING_ATTRIBUTE = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined")


def _unknown_field(message: str) -> str:
    match = _MISSING_ATTRIBUTE.search(message) or _UNDEFINED_NAME.search(message)
    name = f"“{match.group(1)}”" if match else "a field"
    return f"Unknown field {name}: use one of the fields listed beside the editor."


def _problem(exc: BaseException) -> TemplateProblem:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    line = _template_line(exc)
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(end_sentence(f"Syntax error: {exc.message}"), line)
    if isinstance(exc, SecurityError):
        return TemplateProblem(
            f"Not allowed in a letter template ({str(exc).rstrip('.')}): "
            "templates may only use the listed fields.",
            line,
        )
    if isinstance(exc, UndefinedError):
        message = exc.message or ""
        if _MISSING_ATTRIBUTE.search(message) or _UNDEFINED_NAME.search(message):
            return TemplateProblem(_unknown_field(message), line)
        return TemplateProblem(
            end_sentence(f"A value the template uses is missing ({message})"), line
        )
    if isinstance(exc, RecursionError):
        return TemplateProblem("The template calls itself without end.", line)
    return TemplateProblem(end_sentence(f"The template could not be used: {exc}"), line)


def compile_template(body: str) -> Template:
    from jinja2 import TemplateSyntaxError

    try:
        return _environment().from_string(body)
    except TemplateSyntaxError as exc:
        raise TemplateRenderError(_problem(exc)) from exc


def render_body(body: str, context: LetterContext) -> str:
    """The letter body for ``context``. Raises TemplateRenderError with the line at fault."""
    template = compile_template(body)
    try:
        return template.render(context.variables())
    except Exception as exc:  # any failure inside a user's template is a message, never a crash
        raise TemplateRenderError(_problem(exc)) from exc


def check_template(body: str) -> TemplateProblem | None:
    """None when ``body`` renders against a full sample letter, else what is wrong."""
    try:
        render_body(body, SAMPLE_CONTEXT)
    except TemplateRenderError as exc:
        return exc.problem
    return None


@cache
def bundled_template(name: str) -> str:
    """A template file shipped in ``desktop/resources/letters``."""
    # One part per joinpath: a frozen app may see the folder as a namespace package, whose
    # paths take a single part on Python 3.11.
    letters = resources.files("desktop.resources").joinpath("letters")
    return letters.joinpath(name).read_text("utf-8")


def builtin_template_body(situation: Situation) -> str:
    """The template shipped with the app for ``situation``."""
    return bundled_template(f"{situation.value}.j2")
