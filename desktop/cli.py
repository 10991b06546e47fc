"""The scriptable companion: ``followup-desk due | export | import | agenda | letter |
backup | check``, on the app's own services.

``due``, ``export``, ``import``, ``backup`` and ``check`` never import Qt, so they start fast
and run without a display; ``agenda`` and ``letter`` render through ``desktop.printing`` on
an offscreen QGuiApplication. User errors end with a one-line reason on stderr and a
non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import COMMANDS, __version__
from desktop.domain.backups import BackupInfo, BackupKind, back_up_file, write_backup
from desktop.domain.categories import Category
from desktop.domain.clock import Clock, system_clock
from desktop.domain.contact_search import ContactFilter
from desktop.domain.database import (
    check_database_file,
    newest_good_backup,
    summarize_database,
)
from desktop.domain.english_dates import english_short_moment
from desktop.domain.errors import ContactNotFound, DamagedDatabaseError, FollowUpDeskError
from desktop.domain.followups import DEFAULT_UPCOMING_DAYS, Agenda, FollowUpRecord
from desktop.domain.migrations import SCHEMA_VERSION
from desktop.domain.paths import (
    DATA_DIR_ENV,
    DATABASE_FILENAME,
    backups_dir,
    database_path,
    resolve_data_dir,
)
from desktop.domain.profile import Paper
from desktop.domain.rules.window import describe_time_left
from desktop.domain.services import Services, open_services
from desktop.domain.template_store import TemplateNotFound
from desktop.domain.templates import TemplateRenderError
from desktop.domain.vocabulary import Situation

if TYPE_CHECKING:
    # Loaded on first use: vobject and the import tables are for ``import`` and ``export``.
    from desktop.domain.exporting import ExportFormat
    from desktop.domain.importing import ImportPlan, ImportResult, ImportSource

PROG = "followup-desk"
# Letters for the C locale are dated in US English, as the app dates them (no Qt import here).
LETTER_FALLBACK_LOCALE = "en_US"
ICS = "ics"
EXPORT_FORMATS = ("csv", "vcard", ICS)  # ExportFormat's values, and the calendar
DUPLICATE_CHOICES = ("skip", "update", "keep-both")  # DuplicateChoice's values
MAX_DAYS = 3650
EXIT_OK = 0
EXIT_FAILURE = 1  # the command could not finish (e.g. the output file cannot be written)
EXIT_USAGE = 2  # the command line or the data directory is wrong
NOTHING_DUE = "Nothing to follow up on."
CHECK_HINT = f"Run '{PROG} check' to find the newest good backup."
SECTIONS = (("overdue", "Overdue"), ("due", "Due now"), ("upcoming", "Upcoming"))


class CommandError(Exception):
    """A user error: its message is one sentence for stderr."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


def first_command(args: Sequence[str]) -> str | None:
    """The subcommand that ``args`` (argv without the program) name, or None for the window.

    Only the first positional argument counts, so Qt's own options ("-platform offscreen")
    still reach the window.
    """
    skip_value = False
    for arg in args:
        if skip_value:
            skip_value = False
        elif arg == "--data-dir":
            skip_value = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


# -- the command line -------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, not argparse's usage block."""
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _contact_id(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 2**63:
        raise argparse.ArgumentTypeError("must be a contact's id, a whole number from 1")
    return int(value)


def _days(value: str) -> int:
    if not value.isdigit() or int(value) > MAX_DAYS:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to {MAX_DAYS}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    data_dir_help = f"folder that holds the database (default: the app's; also ${DATA_DIR_ENV})"
    parser = _Parser(prog=PROG, description="Follow-Up Desk from the command line.")
    parser.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # After the subcommand too; SUPPRESS keeps a value given before it.
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=data_dir_help)
    days_help = f"how many days ahead count as upcoming (default {DEFAULT_UPCOMING_DAYS})"
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    due = commands.add_parser(
        "due", parents=[common], help="list overdue, due and upcoming follow-ups"
    )
    due.add_argument("--json", action="store_true", help="print JSON for scripts")
    due.add_argument("--days", type=_days, default=DEFAULT_UPCOMING_DAYS, help=days_help)

    category_values = ", ".join(c.value for c in Category)
    export = commands.add_parser(
        "export",
        parents=[common],
        help="write contacts (csv, vcard) or pending follow-ups (ics) to a file",
    )
    export.add_argument("file", metavar="FILE", type=Path)
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        help="default: from the file name (.csv, .vcf or .vcard, .ics)",
    )
    export.add_argument(
        "--search", metavar="TEXT", default="", help="only the contacts this search finds"
    )
    export.add_argument(
        "--category",
        metavar="VALUE",
        help=f"only the contacts of this category: {category_values}",
    )

    import_ = commands.add_parser(
        "import",
        parents=[common],
        help="add contacts from a CSV (ours, LinkedIn, Google, Outlook, any) or vCard file",
    )
    import_.add_argument("file", metavar="FILE", type=Path)
    import_.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )
    import_.add_argument(
        "--on-duplicate",
        choices=DUPLICATE_CHOICES,
        default="skip",
        help="what to do with someone already here (default: skip)",
    )
    import_.add_argument(
        "--category",
        metavar="VALUE",
        help=f"category for contacts the file gives none: {category_values}",
    )

    agenda = commands.add_parser("agenda", parents=[common], help="write the agenda as a PDF")
    agenda.add_argument("--pdf", metavar="OUT", type=Path, required=True)
    agenda.add_argument("--days", type=_days, default=DEFAULT_UPCOMING_DAYS, help=days_help)
    agenda.add_argument(
        "--paper", choices=("letter", "a4"), help="paper size (default: from the locale)"
    )

    letter = commands.add_parser(
        "letter",
        parents=[common],
        help="write a follow-up letter (and its envelope) as a PDF, as the app prints it",
    )
    letter.add_argument("--contact", metavar="ID", type=_contact_id, required=True)
    letter.add_argument(
        "--situation",
        metavar="KEY",
        required=True,
        help=f"why you write: {', '.join(s.value for s in Situation)}",
    )
    letter.add_argument("--pdf", metavar="OUT", type=Path, required=True)
    letter.add_argument("--envelope", metavar="OUT", type=Path, help="also write the envelope")
    letter.add_argument(
        "--template", metavar="KEY", help="template key (default: the situation's standard one)"
    )

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="copy the database, consistent even while the app runs",
    )
    backup.add_argument(
        "dest",
        metavar="DEST",
        nargs="?",
        type=Path,
        help="a file, or a folder that receives a dated copy (default: a new copy in the"
        " data folder's backups/)",
    )
    commands.add_parser(
        "check",
        parents=[common],
        help="check the database for damage, changing nothing; exit 1 if it is damaged",
    )
    return parser


def main(
    argv: Sequence[str] | None = None, *, clock: Clock = system_clock, tz: tzinfo | None = None
) -> int:
    """Run one command; ``argv`` includes the program name (None: ``sys.argv``).

    ``tz`` is where local times are shown; None means the system's.
    """
    argv = list(sys.argv if argv is None else argv)
    try:
        args = build_parser().parse_args(argv[1:])
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        export_format = _export_format(args) if args.command == "export" else None
        category = _category(args.category) if args.command in ("export", "import") else None
        situation = _situation(args.situation) if args.command == "letter" else None
        # Neither opens the database for writing: ``check`` must not create or upgrade it,
        # and ``backup`` copies it as it is.
        if args.command == "check":
            return run_check(_existing_data_dir(args.data_dir), tz=tz)
        if args.command == "backup":
            return run_backup(_existing_data_dir(args.data_dir), args.dest, clock)
        with _open_services(args.data_dir, clock) as services:
            if args.command == "due":
                return run_due(services, json_output=args.json, days=args.days, tz=tz)
            if export_format == ICS:
                return run_export(services, args.file)
            if export_format is not None:
                return run_export_contacts(
                    services, args.file, export_format, search=args.search, category=category
                )
            if args.command == "import":
                return run_import(
                    services,
                    args.file,
                    dry_run=args.dry_run,
                    on_duplicate=args.on_duplicate,
                    category=category,
                )
            if args.command == "letter":
                assert situation is not None
                return run_letter(
                    services,
                    contact_id=args.contact,
                    situation=situation,
                    pdf=args.pdf,
                    envelope=args.envelope,
                    template_key=args.template,
                    tz=tz,
                )
            return run_agenda(services, args.pdf, days=args.days, paper=args.paper, tz=tz)
    except CommandError as exc:
        _complain(str(exc))
        return exc.code


def _export_format(args: argparse.Namespace) -> str:
    """``--format``, else the format the file name says: an ExportFormat value, or ICS."""
    from desktop.domain.exporting import ExportFormat

    path: Path = args.file
    fmt: str | None = args.format
    if fmt is None:
        fmt = ICS if path.suffix.lower() == ".ics" else ExportFormat.for_path(path)
    if fmt is None:
        raise CommandError(
            f"Cannot tell the format from the name {path.name!r}; name the file .csv, .vcf or"
            " .ics, or add --format csv, vcard or ics.",
            EXIT_USAGE,
        )
    if fmt == ICS and (args.search or args.category is not None):
        raise CommandError(
            "--search and --category choose contacts; they work with --format csv or"
            " vcard, not ics.",
            EXIT_USAGE,
        )
    return fmt


def _category(value: str | None) -> Category | None:
    if value is None:
        return None
    try:
        return Category(value)
    except ValueError:
        valid = ", ".join(c.value for c in Category)
        raise CommandError(
            f"--category {value!r} is not a category; use one of: {valid}.", EXIT_USAGE
        ) from None


def _situation(key: str) -> Situation:
    try:
        return Situation(key)
    except ValueError:
        valid = ", ".join(s.value for s in Situation)
        raise CommandError(
            f"--situation {key!r} is not a situation; use one of: {valid}.", EXIT_USAGE
        ) from None


def letter_locale(environ: Mapping[str, str]) -> str:
    """The locale for dates in letters, from LC_ALL, LC_TIME or LANG ("de_AT.UTF-8@euro" →
    "de_AT"), the first that is set, as the C library chooses.

    The C and POSIX locales give en_US; so does a name Qt does not know, once the letter's
    date writer (``desktop.printing.dates.qt_long_date``) resolves it.
    """
    for name in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(name, "")
        if value:
            break
    else:
        return LETTER_FALLBACK_LOCALE
    code = value.split(".", 1)[0].split("@", 1)[0]
    if code in ("", "C", "POSIX"):
        return LETTER_FALLBACK_LOCALE
    return code.replace("-", "_")


def _existing_data_dir(cli_value: str | None) -> Path:
    data_dir = resolve_data_dir(cli_value, os.environ)
    # A mistyped folder must not become a new, empty database (nor receive an import).
    if not database_path(data_dir).is_file():
        raise CommandError(
            f"There is no Follow-Up Desk database in {data_dir}; open the app once, or point "
            f"--data-dir or {DATA_DIR_ENV} at the folder that holds {DATABASE_FILENAME}.",
            EXIT_USAGE,
        )
    return data_dir


def _open_services(cli_value: str | None, clock: Clock) -> Services:
    data_dir = _existing_data_dir(cli_value)
    try:
        path = database_path(data_dir)
        if path.exists():
            # The window checks every page after its first paint; a script waits for no
            # window, so it checks all of it first and reports damage as damage.
            check_database_file(path)
        return open_services(data_dir, clock)
    except DamagedDatabaseError as exc:
        raise CommandError(f"{exc} {CHECK_HINT}", EXIT_USAGE) from exc
    except FollowUpDeskError as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc


# -- output -----------------------------------------------------------------------------------
def _write(stream: Any, text: str) -> None:
    """Write a line that the stream's encoding can always carry (a Windows console may not)."""
    if stream is None:  # no console: the windowed entry point on Windows
        return
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")


def _say(text: str) -> None:
    _write(sys.stdout, text)


def _complain(message: str) -> None:
    _write(sys.stderr, f"{PROG}: {' '.join(message.splitlines())}")


def _printable(text: str) -> str:
    """User text for a terminal: control characters (escape sequences, new lines) become spaces."""
    return "".join(ch if ch.isprintable() else " " for ch in text)


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: CJK characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(moment: datetime, tz: tzinfo | None) -> str:
    """ "Thu 26 Nov, 02:30" in ``tz`` (the system's time zone when None)."""
    return english_short_moment(moment.astimezone(tz))


def _sections(agenda: Agenda) -> list[tuple[str, str, tuple[FollowUpRecord, ...]]]:
    return [(state, heading, getattr(agenda, state)) for state, heading in SECTIONS]


def due_json(agenda: Agenda) -> list[dict[str, object]]:
    """One object per follow-up, overdue first; keys are stable, times ISO 8601 in UTC."""
    return [
        {
            "id": record.id,
            "contact_id": record.contact_id,
            "contact": record.contact_name,
            "situation": record.situation.value,
            "state": state,
            "opens_at": iso_utc(record.opens_at),
            "target_at": iso_utc(record.target_at),
            "closes_at": iso_utc(record.closes_at),
            "time_left_seconds": (record.closes_at - agenda.now) // timedelta(seconds=1),
            "recommended_channel": record.advice.channel.value,
        }
        for state, _heading, records in _sections(agenda)
        for record in records
    ]


def due_text(agenda: Agenda, tz: tzinfo | None) -> str:
    """Sections of aligned lines: person, situation, time left, due by, channel."""
    rows = {
        state: [
            (
                _printable(record.contact_name),
                record.situation.label,
                describe_time_left(record.window, agenda.now),
                f"due by {local_time(record.closes_at, tz)}",
                record.advice.channel.label,
            )
            for record in records
        ]
        for state, _heading, records in _sections(agenda)
    }
    every_row = [row for state_rows in rows.values() for row in state_rows]
    if not every_row:
        return NOTHING_DUE
    widths = [max(_width(row[i]) for row in every_row) for i in range(len(every_row[0]) - 1)]
    lines: list[str] = []
    for state, heading, records in _sections(agenda):
        if not records:
            continue
        if lines:
            lines.append("")
        lines.append(f"{heading} ({len(records)})")
        for row in rows[state]:
            padded = [_pad(cell, width) for cell, width in zip(row, widths, strict=False)]
            lines.append("  " + "  ".join([*padded, row[-1]]))
    return "\n".join(lines)


# -- commands ---------------------------------------------------------------------------------
def run_due(services: Services, *, json_output: bool, days: int, tz: tzinfo | None) -> int:
    agenda = services.follow_ups.agenda(services.clock(), upcoming_days=days)
    if json_output:
        _say(json.dumps(due_json(agenda), indent=2))
    else:
        _say(due_text(agenda, tz))
    return EXIT_OK


def _save(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc


def run_export(services: Services, path: Path) -> int:
    # icalendar is imported here only: the app imports this module at every start (to tell
    # a script command from a window), and icalendar alone costs tens of milliseconds.
    from desktop.domain.calendar_export import follow_ups_to_ics

    pending = services.follow_ups.pending()
    _save(path, follow_ups_to_ics(pending, now=services.clock()))
    _say(f"Exported {_count(len(pending), 'pending follow-up')} to {path}.")
    return EXIT_OK


def run_export_contacts(
    services: Services,
    path: Path,
    fmt: ExportFormat | str,
    *,
    search: str = "",
    category: Category | None = None,
) -> int:
    """Write the contacts ``search`` and ``category`` let through, in the directory's order."""
    from desktop.domain.exporting import ExportFormat

    ids = services.directory.matching_ids(
        ContactFilter(text=search, category=category.value if category else None)
    )
    try:
        count = services.transfer.export(ids, path, ExportFormat(fmt))
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    _say(f"Exported {_count(count, 'contact')} to {path}.")
    return EXIT_OK


def mapping_lines(mapping: Mapping[str, str | None]) -> list[str]:
    """ "Column 'E-mail' → Email", one line per column, for a mapping that was guessed."""
    from desktop.domain.importing import IGNORE, MAPPABLE_FIELDS, NOTES

    labels = dict(MAPPABLE_FIELDS)
    lines = []
    for column, target in mapping.items():
        name = _printable(column)
        if target is IGNORE:
            where = "(ignored)"
        elif target.startswith(NOTES):
            where = f"Notes, as '{_printable(target.removeprefix(NOTES)) or name}: …'"
        else:
            where = labels.get(target, target)
        lines.append(f"Column '{name}' → {where}")
    return lines


def plan_lines(source: ImportSource, plan: ImportPlan) -> list[str]:
    """The counts, then every rejection and duplicate with its line in the file."""
    counts = (
        f"{len(plan.new)} new, {_count(len(plan.duplicates), 'duplicate')},"
        f" {len(plan.rejected)} rejected (of {_count(len(source.rows), 'record')})."
    )
    lines = [counts]
    lines.extend(f"  Rejected {_printable(r.reason)}" for r in plan.rejected)
    for duplicate in plan.duplicates:
        who = _printable(duplicate.existing_name)
        if duplicate.existing_id is None:
            same = f"the same person as line {duplicate.earlier_line}, {who}"
        else:
            same = f"already a contact: {who}"
        lines.append(
            f"  Duplicate line {duplicate.candidate.line}: {same} ({_printable(duplicate.reason)})"
        )
    return lines


def result_line(result: ImportResult) -> str:
    return (
        f"Imported: {result.added} added, {result.updated} updated, {result.skipped} skipped,"
        f" {result.rejected} rejected."
    )


def run_import(
    services: Services,
    path: Path,
    *,
    dry_run: bool = False,
    on_duplicate: str = "skip",
    category: Category | None = None,
) -> int:
    """Read ``path``, report the plan, and (unless ``dry_run``) write it in one transaction."""
    import peewee

    from desktop.domain.importing import DuplicateChoice, ImportFileError, SourceKind

    transfer = services.transfer
    try:
        source = transfer.read(path)
    except ImportFileError as exc:
        raise CommandError(str(exc)) from exc
    _say(f"Format: {source.kind.label}")
    mapping = transfer.mapping_for(source)
    if source.kind is SourceKind.GENERIC_CSV:
        for line in mapping_lines(mapping):
            _say(line)
    plan = transfer.plan(source, mapping, category.value if category else None)
    for line in plan_lines(source, plan):
        _say(line)
    if not plan.new and not plan.duplicates:
        raise CommandError(f"Nothing in {path} can be imported; no contacts were added.")
    if dry_run:
        _say("Dry run: nothing was imported.")
        return EXIT_OK
    try:
        result = transfer.apply(plan, DuplicateChoice(on_duplicate))
    except (FollowUpDeskError, peewee.DatabaseError) as exc:
        raise CommandError(f"The import failed and nothing was imported: {exc}") from exc
    _say(result_line(result))
    return EXIT_OK


def run_agenda(
    services: Services, path: Path, *, days: int, paper: str | None, tz: tzinfo | None
) -> int:
    # Qt is imported here only, so ``due``, ``export`` and ``import`` never load it.
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QGuiApplication

    from desktop.printing.agenda_document import agenda_page, agenda_title, build_agenda_document
    from desktop.printing.page import A4, LETTER, default_page_spec
    from desktop.printing.pdf import write_pdf

    agenda = services.follow_ups.agenda(services.clock(), upcoming_days=days)
    # Fonts and documents need a QGuiApplication; offscreen, because a PDF needs no display.
    app = QGuiApplication.instance() or QGuiApplication([PROG, "-platform", "offscreen"])
    locale = QLocale().name()
    page = agenda_page({"letter": LETTER, "a4": A4}.get(paper or "") or default_page_spec())
    document = build_agenda_document(agenda, page, tz=tz, locale=locale)
    try:
        write_pdf(document, page, path, agenda_title(agenda, tz, locale))
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
    finally:
        del document  # before the application it needs
    del app
    _say(f"Wrote the agenda ({_count(len(agenda.all()), 'follow-up')}) to {path}.")
    return EXIT_OK


def run_letter(
    services: Services,
    *,
    contact_id: int,
    situation: Situation,
    pdf: Path,
    envelope: Path | None,
    template_key: str | None,
    tz: tzinfo | None,
) -> int:
    """Draft the letter as the app does and write the PDF (and envelope) the app prints."""
    # Qt is imported here only, so ``due``, ``export`` and ``import`` never load it.
    from PySide6.QtGui import QGuiApplication

    from desktop.printing.dates import qt_long_date
    from desktop.printing.envelope_document import envelope_spec
    from desktop.printing.letter_pdf import envelope_pdf_bytes, letter_pdf_bytes
    from desktop.printing.page import A4, LETTER, default_page_spec

    day = services.clock().astimezone(tz).date()
    try:
        draft = services.drafter.draft(
            contact_id,
            day=day,
            write_date=qt_long_date(letter_locale(os.environ)),
            situation=situation,
            template_key=template_key,
        )
    except (ContactNotFound, TemplateNotFound) as exc:
        raise CommandError(str(exc), EXIT_USAGE) from exc
    except TemplateRenderError as exc:
        raise CommandError(f"The letter template cannot be used: {exc}", EXIT_USAGE) from exc
    profile = services.profile.load()
    letter = draft.letter()

    # Fonts and documents need a QGuiApplication; offscreen, because a PDF needs no display.
    app = QGuiApplication.instance() or QGuiApplication([PROG, "-platform", "offscreen"])
    paper = {Paper.LETTER.value: LETTER, Paper.A4.value: A4}.get(profile.paper)
    page = paper or default_page_spec()
    try:
        spec = envelope_spec(profile.envelope, page)
    except ValueError as exc:  # only a database edited by hand holds another value
        raise CommandError(f"The profile's envelope size is wrong: {exc}", EXIT_USAGE) from exc
    # Both rendered before anything is written, so a failure leaves no half of the pair.
    letter_data = letter_pdf_bytes(letter, page)
    envelope_data = (
        envelope_pdf_bytes(draft.sender, letter.inside_address, spec) if envelope else None
    )
    del app
    _save(pdf, letter_data)
    recipient = letter.inside_address[0] if letter.inside_address else "the contact"
    _say(f"Wrote the letter to {_printable(recipient)} ({page.name}) to {pdf}.")
    if envelope is not None and envelope_data is not None:
        _save(envelope, envelope_data)
        _say(f"Wrote the envelope ({spec.name}) to {envelope}.")
    return EXIT_OK


# -- backup and check -------------------------------------------------------------------------
def backup_time(moment: datetime, tz: tzinfo | None) -> str:
    """ "Wed 25 Nov 2026, 08:30" in ``tz`` (the system's time zone when None)."""
    return english_short_moment(moment.astimezone(tz), with_year=True)


def backup_line(info: BackupInfo, tz: tzinfo | None) -> str:
    """ "/path/to/copy (Wed 25 Nov 2026, 08:30, daily, 12 contacts)" """
    count = "" if info.contact_count is None else f", {_count(info.contact_count, 'contact')}"
    return f"{info.path} ({backup_time(info.created_at, tz)}, {info.kind.value}{count})"


def run_check(data_dir: Path, *, tz: tzinfo | None) -> int:
    """Check the database read-only; report its contents, or the damage and what to restore."""
    path = database_path(data_dir)
    try:
        summary = summarize_database(path)
    except DamagedDatabaseError as exc:
        _say(f"damaged: {path}: {exc.reason}")
        good = newest_good_backup(data_dir)
        if good is None:
            _say(f"No good backup was found in {backups_dir(data_dir)}.")
        else:
            _say(f"Newest good backup: {backup_line(good, tz)}")
            _say("Restore it from the app: File → Restore from backup…")
        return EXIT_FAILURE
    except FollowUpDeskError as exc:
        raise CommandError(str(exc)) from exc
    version = summary.schema_version
    if version > 0 and summary.contact_count is None:
        raise CommandError(f"{path} is a SQLite database, but not a Follow-Up Desk one.")
    schema = f"schema v{version}"
    if summary.is_newer:
        schema += f" (from a newer Follow-Up Desk; this one reads up to v{SCHEMA_VERSION})"
    elif 0 < version < SCHEMA_VERSION:
        schema += f" (upgraded to v{SCHEMA_VERSION} when next opened)"
    good = newest_good_backup(data_dir)
    last = "no backup yet" if good is None else f"last backup {backup_line(good, tz)}"
    _say(f"ok: {_count(summary.contact_count or 0, 'contact')}, {schema}, {last}")
    return EXIT_OK


def run_backup(data_dir: Path, dest: Path | None, clock: Clock) -> int:
    """Copy the database as it is (no upgrade) to ``dest``, or into the backups folder."""
    live = database_path(data_dir)
    try:
        check_database_file(live)
        if dest is None:
            copy = write_backup(live, backups_dir(data_dir), BackupKind.MANUAL, clock())
        else:
            copy = back_up_file(live, dest, clock())
        count = summarize_database(copy).contact_count
    except DamagedDatabaseError as exc:
        raise CommandError(f"{exc} Nothing was copied. {CHECK_HINT}") from exc
    except FollowUpDeskError as exc:
        raise CommandError(str(exc)) from exc
    _say(f"Backed up {_count(count or 0, 'contact')} to {copy}.")
    return EXIT_OK
