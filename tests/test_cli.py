"""The command line: ``due``, ``export``, ``import``, ``agenda``, ``letter``, ``backup`` and
``check`` on a real data directory, no window."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import peewee
import pytest
import vobject
from icalendar import Calendar

from desktop import cli
from desktop.domain.backups import list_backups
from desktop.domain.categories import Category
from desktop.domain.clock import fixed_clock
from desktop.domain.contact_formats import CSV_HEADERS
from desktop.domain.contact_transfer import ContactTransfer
from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.letters import inside_address
from desktop.domain.migrations import SCHEMA_VERSION
from desktop.domain.paths import DATA_DIR_ENV, DATABASE_FILENAME, backups_dir
from desktop.domain.profile import Profile
from desktop.domain.services import open_services
from desktop.domain.vocabulary import Situation
from tests.conftest import NOW
from tests.domain.fixtures.make_v3_db import FIXTURE as V3_FIXTURE

ROOT = Path(__file__).resolve().parent.parent
HOUR = timedelta(hours=1)
CHICAGO = ZoneInfo("America/Chicago")
ZOE = "Zoë <b>Ñúñez</b> & {{ x }}"
JSON_KEYS = {
    "id",
    "contact_id",
    "contact",
    "situation",
    "state",
    "opens_at",
    "target_at",
    "closes_at",
    "time_left_seconds",
    "recommended_channel",
}


def fill(data_dir: Path, at: datetime = NOW) -> None:
    """Dana: overdue (interview) and upcoming (resume); Zoë: due (help); one dismissed."""
    with open_services(data_dir, fixed_clock(at)) as services:
        dana = services.contacts.add_contact(
            ContactCard(
                courtesy_title="Ms.",
                given_name="Dana",
                family_name="Davis",
                street="100 Main Street",
                city="Springfield",
            )
        )
        given, family = ZOE.split(" ", 1)
        zoe = services.contacts.add_contact(
            ContactCard(given_name=given, family_name=family, email="zoe@example.com")
        )
        log = services.follow_ups.log_event
        log(EventDraft(kind="interview", occurred_at=at - 40 * HOUR, contact_ids=(dana.id,)))
        log(EventDraft(kind="help", occurred_at=at - 2 * HOUR, contact_ids=(zoe.id,)))
        log(EventDraft(kind="resume", occurred_at=at + 72 * HOUR, contact_ids=(dana.id,)))
        dropped = log(EventDraft(kind="informational", occurred_at=at, contact_ids=(dana.id,)))
        services.follow_ups.dismiss(dropped.follow_ups[0].id)


@pytest.fixture
def filled(data_dir: Path) -> Path:
    fill(data_dir)
    return data_dir


def run(*args: str) -> int:
    return cli.main(["followup-desk", *args], clock=fixed_clock(NOW), tz=CHICAGO)


def assert_one_line_error(err: str, *parts: str) -> None:
    assert err.startswith("followup-desk"), err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for part in parts:
        assert part in err, (part, err)


# -- which arguments mean the command line ----------------------------------------------------
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["due"], "due"),
        (["export", "x.ics", "--format", "ics"], "export"),
        (["import", "contacts.csv", "--dry-run"], "import"),
        (["--data-dir", "somewhere", "agenda", "--pdf", "a.pdf"], "agenda"),
        (["letter", "--contact", "1", "--situation", "keep-warm", "--pdf", "a.pdf"], "letter"),
        (["--data-dir=somewhere", "due"], "due"),
        ([], None),
        (["--data-dir", "somewhere"], None),
        (["--data-dir", "due"], None),  # a folder called "due"
        (["-platform", "offscreen"], None),  # Qt's own options still reach the window
        (["-style", "fusion", "due"], None),
        (["frobnicate", "due"], None),
        (["backup"], "backup"),
        (["--data-dir", "somewhere", "backup", "copy.sqlite3"], "backup"),
        (["check"], "check"),
    ],
)
def test_first_command_finds_the_subcommand(args: list[str], expected: str | None) -> None:
    assert cli.first_command(args) == expected


# -- due --------------------------------------------------------------------------------------
def test_due_lists_the_sections_with_local_times(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("due", "--data-dir", str(filled)) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Overdue (1)"
    assert "Ms. Dana Davis" in lines[1]
    assert "After an interview" in lines[1]
    assert "overdue by 4 h" in lines[1]
    assert "due by Wed 25 Nov, 04:30" in lines[1]  # 10:30 UTC in Chicago
    assert lines[1].rstrip().endswith("Typed letter, mailed")
    assert lines[2] == ""
    assert lines[3] == "Due now (1)"
    assert ZOE in lines[4] and "34 h left" in lines[4] and "Email" in lines[4]
    assert lines[6] == "Upcoming (1)"
    assert "opens in 3 days" in lines[7] and "After a resume" in lines[7]
    assert "After an informational interview" not in out  # dismissed
    # The columns line up.
    assert lines[1].index("After") == lines[4].index("Thank") == lines[7].index("After")


def test_due_with_nothing_pending_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_services(data_dir).close()

    assert run("due", "--data-dir", str(data_dir)) == 0
    assert capsys.readouterr().out == "Nothing to follow up on.\n"


def test_due_json_is_a_list_with_stable_keys(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("due", "--json", "--data-dir", str(filled)) == 0

    items = json.loads(capsys.readouterr().out)
    assert [item["state"] for item in items] == ["overdue", "due", "upcoming"]
    assert all(set(item) == JSON_KEYS for item in items)
    overdue, due, upcoming = items
    assert overdue["contact"] == "Ms. Dana Davis"
    assert overdue["situation"] == "after-interview"
    assert overdue["recommended_channel"] == "typed-letter"
    assert overdue["opens_at"] == "2026-11-23T22:30:00Z"
    assert overdue["target_at"] == "2026-11-24T22:30:00Z"
    assert overdue["closes_at"] == "2026-11-25T10:30:00Z"
    assert overdue["time_left_seconds"] == -4 * 3600
    assert due["contact"] == ZOE
    assert due["recommended_channel"] == "email"
    assert due["time_left_seconds"] == 34 * 3600
    assert upcoming["situation"] == "after-resume"
    assert isinstance(upcoming["id"], int) and isinstance(upcoming["contact_id"], int)
    assert upcoming["contact_id"] == overdue["contact_id"]


def test_due_days_sets_how_far_ahead_upcoming_looks(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("due", "--json", "--days", "2", "--data-dir", str(filled)) == 0
    assert [i["state"] for i in json.loads(capsys.readouterr().out)] == ["overdue", "due"]

    assert run("due", "--json", "--days", "3", "--data-dir", str(filled)) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


@pytest.mark.parametrize("days", ["-1", "x", "3651", "1e9"])
def test_a_bad_days_value_is_a_one_line_usage_error(
    filled: Path, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    assert run("due", "--days", days, "--data-dir", str(filled)) == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "--days")


# -- the data directory -----------------------------------------------------------------------
def test_data_dir_works_before_the_subcommand(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--data-dir", str(filled), "due", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_data_dir_after_the_subcommand_wins_over_the_environment(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "elsewhere"))

    assert run("due", "--json", "--data-dir", str(filled)) == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_the_environment_names_the_data_dir(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(filled))

    assert run("due", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 3


def test_a_folder_without_a_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo"

    assert run("due", "--data-dir", str(missing)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, str(missing), "no Follow-Up Desk database")
    assert not missing.exists()


def test_a_file_in_the_way_of_the_data_dir_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    assert run("--data-dir", str(blocker / "data"), "due") == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, str(blocker / "data"))


def test_a_damaged_database_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / DATABASE_FILENAME).write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 2048)

    assert run("due", "--data-dir", str(data_dir)) == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "cannot open the database")


def test_usage_errors_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run() == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "COMMAND")

    assert run("due", "--frobnicate") == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "--frobnicate")


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--help") == 0
    out = capsys.readouterr().out
    assert "due" in out and "export" in out and "agenda" in out and "letter" in out
    assert "import" in out
    assert "backup" in out and "check" in out


# -- export -----------------------------------------------------------------------------------
def test_export_ics_writes_the_pending_follow_ups(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "follow-ups.ics"

    assert run("export", str(target), "--format", "ics", "--data-dir", str(filled)) == 0

    calendar = Calendar.from_ical(target.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert summaries == [
        "Follow up with Ms. Dana Davis (after a resume)",
        "Follow up with Ms. Dana Davis (after an interview)",
        f"Follow up with {ZOE} (thank a helper)",
    ]
    assert capsys.readouterr().out == f"Exported 3 pending follow-ups to {target}.\n"


def add_priya(data_dir: Path) -> None:
    """A past client, so that --category has someone to tell apart."""
    with open_services(data_dir, fixed_clock(NOW)) as services:
        services.contacts.add_contact(
            ContactCard(
                given_name="Priya",
                family_name="Adams",
                company="=Globex",
                category=Category.PAST_CLIENT.value,
                met_on=date(2025, 6, 1),
                notes='Line one,\nline two; "quoted"',
            )
        )


def csv_records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def test_export_csv_writes_every_contact_in_the_directorys_order(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_priya(filled)
    target = tmp_path / "contacts.csv"

    assert run("export", str(target), "--format", "csv", "--data-dir", str(filled)) == 0

    assert capsys.readouterr().out == f"Exported 3 contacts to {target}.\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbfCourtesy Title,")
    rows = csv_records(target)
    # By family name, folded: "<b>Ñúñez…" sorts before the letters.
    assert [(r["Given Name"], r["Family Name"]) for r in rows] == [
        tuple(ZOE.split(" ", 1)),
        ("Priya", "Adams"),
        ("Dana", "Davis"),
    ]
    priya = rows[1]
    assert priya["Company"] == "'=Globex"
    assert priya["Category"] == "past-client" and priya["Met On"] == "2025-06-01"
    assert priya["Notes"] == 'Line one,\nline two; "quoted"'
    assert rows[2]["Courtesy Title"] == "Ms." and rows[2]["Street"] == "100 Main Street"


def test_export_vcard_writes_one_card_per_contact(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "contacts.vcf"

    assert run("export", str(target), "--format", "vcard", "--data-dir", str(filled)) == 0

    assert capsys.readouterr().out == f"Exported 2 contacts to {target}.\n"
    cards = list(vobject.readComponents(target.read_text("utf-8")))
    assert [c.fn.value for c in cards] == [ZOE, "Ms. Dana Davis"]
    assert cards[0].email.value == "zoe@example.com"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("c.csv", "csv"),
        ("c.CSV", "csv"),
        ("c.vcf", "vcard"),
        ("c.vcard", "vcard"),
        ("c.ics", "ics"),
    ],
)
def test_export_format_follows_the_file_name(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    target = tmp_path / name

    assert run("export", str(target), "--data-dir", str(filled)) == 0

    first_line = target.read_bytes().splitlines()[0]
    assert (
        first_line
        == {
            "csv": b"\xef\xbb\xbf" + ",".join(CSV_HEADERS).encode(),
            "vcard": b"BEGIN:VCARD",
            "ics": b"BEGIN:VCALENDAR",
        }[expected]
    )
    noun = "pending follow-ups" if expected == "ics" else "contacts"
    assert capsys.readouterr().out.startswith(f"Exported {3 if expected == 'ics' else 2} {noun}")


def test_export_format_wins_over_the_file_name(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "contacts.txt"

    assert run("export", str(target), "--format", "vcard", "--data-dir", str(filled)) == 0
    assert target.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_export_search_and_category_choose_the_contacts(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_priya(filled)
    target = tmp_path / "contacts.csv"
    args = ("export", str(target), "--data-dir", str(filled))

    assert run(*args, "--search", "zoe") == 0  # folded: finds Zoë
    assert [r["Email"] for r in csv_records(target)] == ["zoe@example.com"]
    assert capsys.readouterr().out == f"Exported 1 contact to {target}.\n"

    assert run(*args, "--category", "past-client") == 0
    assert [r["Given Name"] for r in csv_records(target)] == ["Priya"]

    assert run(*args, "--category", "hiring-process", "--search", "Springfield") == 0
    assert [r["Given Name"] for r in csv_records(target)] == ["Dana"]

    assert run(*args, "--category", "past-client", "--search", "dana") == 0
    assert csv_records(target) == []
    assert capsys.readouterr().out.endswith(f"Exported 0 contacts to {target}.\n")


def test_export_with_an_unknown_category_lists_the_valid_ones(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "contacts.csv"

    code = run("export", str(target), "--category", "Past client", "--data-dir", str(filled))

    assert code == cli.EXIT_USAGE
    assert_one_line_error(
        capsys.readouterr().err, "--category 'Past client'", *(c.value for c in Category)
    )
    assert not target.exists()


@pytest.mark.parametrize("option", [("--search", "dana"), ("--category", "friend")])
def test_export_ics_does_not_choose_contacts(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: tuple[str, str]
) -> None:
    target = tmp_path / "follow-ups.ics"

    assert run("export", str(target), *option, "--data-dir", str(filled)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "--search and --category", "csv")
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["csv", "vcard"])
def test_export_contacts_to_a_missing_folder_is_a_one_line_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    target = tmp_path / "no-such-folder" / "contacts"

    assert run("export", str(target), "--format", fmt, "--data-dir", str(filled)) == 1
    assert_one_line_error(capsys.readouterr().err, str(target), "No such file or directory")
    assert not target.parent.exists()


def test_export_to_a_missing_folder_is_a_one_line_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "follow-ups.ics"

    assert run("export", str(target), "--format", "ics", "--data-dir", str(filled)) == 1
    assert_one_line_error(capsys.readouterr().err, str(target), "No such file or directory")


@pytest.mark.parametrize("name", ["contacts.txt", "contacts"])
def test_export_needs_a_format_the_name_does_not_give(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / name

    assert run("export", str(target), "--data-dir", str(filled)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, repr(name), "--format csv, vcard or ics")
    assert not target.exists()


def test_export_with_an_unknown_format_is_a_usage_error(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", "x.csv", "--format", "xlsx", "--data-dir", str(filled)) == 2
    assert_one_line_error(capsys.readouterr().err, "--format")


# -- import -----------------------------------------------------------------------------------
def empty_data_dir(data_dir: Path) -> Path:
    open_services(data_dir).close()
    return data_dir


def names_in(data_dir: Path) -> list[str]:
    with open_services(data_dir, fixed_clock(NOW)) as services:
        return [record.formal_name for record in services.contacts.list_contacts()]


def cards_in(data_dir: Path) -> list[ContactCard]:
    with open_services(data_dir, fixed_clock(NOW)) as services:
        return [record.card for record in services.contacts.list_contacts()]


GENERIC_CSV = (
    "Name,E-mail,Firma,Photo URL\n"
    "Priya Patel,priya@example.com,Acme,http://example.com/p.png\n"
    "Dana Davis,DANA@example.com,,\n"
    "Nobody,not-an-email,,\n"
    ",,Orphan Inc.,\n"
)


@pytest.mark.parametrize("suffix", [".csv", ".vcf"])
def test_import_reads_back_an_export(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    add_priya(filled)
    target = empty_data_dir(tmp_path / "other")
    path = tmp_path / f"contacts{suffix}"
    assert run("export", str(path), "--data-dir", str(filled)) == 0
    capsys.readouterr()

    assert run("import", str(path), "--data-dir", str(target)) == 0

    label = "Follow-Up Desk CSV" if suffix == ".csv" else "vCard file"
    assert capsys.readouterr().out == (
        f"Format: {label}\n"
        "3 new, 0 duplicates, 0 rejected (of 3 records).\n"
        "Imported: 3 added, 0 updated, 0 skipped, 0 rejected.\n"
    )
    assert cards_in(target) == cards_in(filled)


def test_import_of_any_csv_prints_the_guessed_columns_and_each_rejection(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")

    assert run("import", str(path), "--data-dir", str(filled)) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[:5] == [
        "Format: CSV file",
        "Column 'Name' → Full name (split into given and family name)",
        "Column 'E-mail' → Email",
        "Column 'Firma' → Company",
        "Column 'Photo URL' → Notes, as 'Photo URL: …'",
    ]
    assert out[5] == "1 new, 1 duplicate, 2 rejected (of 4 records)."
    assert out[6].startswith("  Rejected line 4: ") and "not-an-email" in out[6]
    assert out[7] == "  Rejected line 5: no given or family name"
    assert out[8] == (
        "  Duplicate line 3: already a contact: Ms. Dana Davis (same name, no company)"
    )
    assert out[9:] == ["Imported: 1 added, 0 updated, 1 skipped, 2 rejected."]
    (priya,) = [c for c in cards_in(filled) if c.email == "priya@example.com"]
    assert (priya.given_name, priya.family_name, priya.company) == ("Priya", "Patel", "Acme")
    assert priya.notes == "Photo URL: http://example.com/p.png"


def test_import_of_a_known_format_prints_no_columns(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_data_dir(data_dir)
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Dana,Davis,https://www.linkedin.com/in/dana,,Acme,CTO,14 Mar 2026\n",
        encoding="utf-8",
    )

    assert run("import", str(path), "--data-dir", str(data_dir)) == 0

    out = capsys.readouterr().out
    assert out.startswith("Format: LinkedIn connections\n1 new, 0 duplicates")
    assert "Column" not in out
    (dana,) = cards_in(data_dir)
    assert dana.met_on == date(2026, 3, 14) and dana.category == "professional-network"


def test_import_dry_run_changes_nothing(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")
    before = cards_in(filled)

    assert run("import", str(path), "--dry-run", "--data-dir", str(filled)) == 0

    out = capsys.readouterr().out
    assert "1 new, 1 duplicate, 2 rejected" in out
    assert out.endswith("Dry run: nothing was imported.\n")
    assert "Imported" not in out
    assert cards_in(filled) == before


@pytest.mark.parametrize(
    ("choice", "result", "dana_email", "count"),
    [
        ("skip", "1 added, 0 updated, 1 skipped", "", 3),
        ("update", "1 added, 1 updated, 0 skipped", "DANA@example.com", 3),
        ("keep-both", "2 added, 0 updated, 0 skipped", "", 4),
    ],
)
def test_import_on_duplicate_says_what_to_do_with_people_already_here(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    choice: str,
    result: str,
    dana_email: str,
    count: int,
) -> None:
    with open_services(filled, fixed_clock(NOW)) as services:
        (dana,) = [r for r in services.contacts.list_contacts() if r.given_name == "Dana"]
        services.contacts.update_contact(dana.id, replace(dana.card, email="dana@example.com"))
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")

    assert run("import", str(path), "--on-duplicate", choice, "--data-dir", str(filled)) == 0

    assert f"Imported: {result}, 2 rejected.\n" in capsys.readouterr().out
    cards = cards_in(filled)
    assert len(cards) == count
    emails = {c.email for c in cards if c.given_name == "Dana" and c.courtesy_title == "Ms."}
    assert emails == {dana_email or "dana@example.com"}


def test_import_category_is_given_to_contacts_without_one(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_data_dir(data_dir)
    path = tmp_path / "people.csv"
    path.write_text("Name,Group\nAnn Lee,\nBo Ek,Friend\n", encoding="utf-8")

    assert run("import", str(path), "--category", "job-fair", "--data-dir", str(data_dir)) == 0

    assert {c.given_name: c.category for c in cards_in(data_dir)} == {
        "Ann": "job-fair",
        "Bo": "friend",
    }


def test_import_with_nothing_to_import_fails_after_listing_why(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nNobody,not-an-email\n,x@example.com\n", encoding="utf-8")
    before = cards_in(filled)

    assert run("import", str(path), "--data-dir", str(filled)) == cli.EXIT_FAILURE

    captured = capsys.readouterr()
    assert "0 new, 0 duplicates, 2 rejected (of 2 records).\n" in captured.out
    assert "  Rejected line 2: " in captured.out and "  Rejected line 3: " in captured.out
    assert_one_line_error(captured.err, "Nothing in", str(path), "can be imported")
    assert cards_in(filled) == before


def test_import_of_only_duplicates_succeeds_and_adds_nobody(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "contacts.vcf"
    assert run("export", str(path), "--data-dir", str(filled)) == 0

    assert run("import", str(path), "--data-dir", str(filled)) == 0

    assert "Imported: 0 added, 0 updated, 2 skipped, 0 rejected.\n" in capsys.readouterr().out
    assert len(cards_in(filled)) == 2


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.csv", None, "No such file or directory"),
        ("a-folder", "folder", "is a folder"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "PNG image"),
        ("empty.csv", b"  \n", "is empty"),
        ("book.xlsx", b"PK\x03\x04" + b"\0" * 64, "save it as CSV"),
    ],
)
def test_an_unreadable_import_file_is_a_one_line_error(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | str | None,
    reason: str,
) -> None:
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)

    assert run("import", str(path), "--data-dir", str(filled)) == cli.EXIT_FAILURE

    captured = capsys.readouterr()
    assert captured.out == ""
    assert_one_line_error(captured.err, name, reason)


def test_a_database_failure_during_import_is_a_one_line_error(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")
    before = cards_in(filled)

    def locked(*args: object, **kwargs: object) -> None:
        raise peewee.OperationalError("database is locked")

    monkeypatch.setattr(ContactTransfer, "apply", locked)

    assert run("import", str(path), "--data-dir", str(filled)) == cli.EXIT_FAILURE

    assert_one_line_error(capsys.readouterr().err, "nothing was imported", "database is locked")
    assert cards_in(filled) == before


@pytest.mark.parametrize(
    ("args", "part"),
    [
        (["--on-duplicate", "merge"], "--on-duplicate"),
        (["--category", "Friends"], "--category 'Friends'"),
        (["--frobnicate"], "--frobnicate"),
    ],
)
def test_import_usage_errors_are_one_line(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], part: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")

    assert run("import", str(path), *args, "--data-dir", str(filled)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, part)
    assert len(cards_in(filled)) == 2


def test_import_needs_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")
    missing = tmp_path / "typo"

    assert run("import", str(path), "--data-dir", str(missing)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "no Follow-Up Desk database")
    assert not missing.exists()


def test_import_prints_file_text_without_control_characters(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_data_dir(data_dir)
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nAnn Lee,ann@example.com\nBo Ek,bo\x1b[2J\n", encoding="utf-8")

    assert run("import", str(path), "--data-dir", str(data_dir)) == 0

    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "“bo [2J”" in out


# -- agenda -----------------------------------------------------------------------------------
def test_agenda_writes_a_pdf(
    qapp: object, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "agenda.pdf"

    assert run("agenda", "--pdf", str(target), "--paper", "a4", "--data-dir", str(filled)) == 0

    assert target.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out == f"Wrote the agenda (3 follow-ups) to {target}.\n"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(target), "-"],
            capture_output=True,
            encoding="utf-8",
            check=True,
            timeout=60,
        ).stdout
        assert "Ms. Dana Davis" in text and "Zoë" in text and "Wed 25 Nov, 04:30" in text


def test_agenda_to_a_missing_folder_is_a_one_line_error(
    qapp: object, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "agenda.pdf"

    assert run("agenda", "--pdf", str(target), "--data-dir", str(filled)) == 1
    assert_one_line_error(capsys.readouterr().err, str(target))


# -- letter -----------------------------------------------------------------------------------
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="pdftotext and pdfinfo (Debian: poppler-utils) are needed to read the PDF back",
)
DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Robotics",
    street="100 Main Street",
    city="Springfield",
    region="IL",
    postal_code="62701",
    notes="Met at the fair.",
)
RETURN_ADDRESS = ["Alex Candidate", "9 Elm Street", "Chicago, IL 60601"]


def poppler(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, encoding="utf-8", check=True, timeout=60
    ).stdout


def lines_of(pdf: Path) -> list[str]:
    text = poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")
    return [line.strip() for line in text.splitlines() if line.strip()]


def page_size(pdf: Path) -> str:
    (line,) = [x for x in poppler("pdfinfo", str(pdf)).splitlines() if x.startswith("Page size")]
    return line.split(":", 1)[1].strip()


def fill_for_letters(data_dir: Path, *, paper: str = "letter", envelope: str = "") -> int:
    """Dana with a full postal address, and a profile to sign with; returns Dana's id."""
    with open_services(data_dir, fixed_clock(NOW)) as services:
        services.profile.save(
            Profile(
                name="Alex Candidate",
                street="9 Elm Street",
                city="Chicago",
                region="IL",
                postal_code="60601",
                email="alex@example.com",
                paper=paper,
                envelope=envelope,
            )
        )
        return services.contacts.add_contact(DANA).id


def letter_args(data_dir: Path, contact_id: int, pdf: Path, *more: str) -> list[str]:
    return [
        "letter",
        "--contact",
        str(contact_id),
        "--situation",
        "after-interview",
        "--pdf",
        str(pdf),
        "--data-dir",
        str(data_dir),
        *more,
    ]


@needs_poppler
def test_letter_writes_the_letter_and_its_envelope(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir)
    pdf, envelope = tmp_path / "letter.pdf", tmp_path / "envelope.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--envelope", str(envelope))) == 0

    assert capsys.readouterr().out == (
        f"Wrote the letter to Ms. Dana Davis (Letter) to {pdf}.\n"
        f"Wrote the envelope (#10 envelope) to {envelope}.\n"
    )
    letter = lines_of(pdf)
    for expected in (
        "9 Elm Street",
        "November 25, 2026",  # the clock's day in Chicago
        *inside_address(DANA),
        "Dear Ms. Davis:",
        "Sincerely,",
        "Alex Candidate",
    ):
        assert expected in letter, expected
    assert any(line.startswith("Thank you for meeting with me") for line in letter)
    assert page_size(pdf) == "612 x 792 pts (letter)"
    assert page_size(envelope) == "684 x 297 pts"  # #10, landscape
    assert lines_of(envelope) == [*RETURN_ADDRESS, *inside_address(DANA)]


@needs_poppler
def test_letter_prints_what_the_app_prints(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.printing.dates import qt_long_date
    from desktop.printing.letter_pdf import letter_pdf_bytes
    from desktop.printing.page import LETTER

    dana = fill_for_letters(data_dir)
    pdf = tmp_path / "letter.pdf"
    assert run(*letter_args(data_dir, dana, pdf, "--situation", "keep-warm")) == 0
    with open_services(data_dir, fixed_clock(NOW)) as services:
        draft = services.drafter.draft(
            dana, day=NOW.date(), write_date=qt_long_date("en_US"), situation=Situation.KEEP_WARM
        )
    app_pdf = tmp_path / "app.pdf"
    app_pdf.write_bytes(letter_pdf_bytes(draft.letter(), LETTER))

    assert lines_of(pdf) == lines_of(app_pdf)


@needs_poppler
def test_letter_on_a4_comes_with_a_dl_envelope(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir, paper="a4")
    pdf, envelope = tmp_path / "letter.pdf", tmp_path / "envelope.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--envelope", str(envelope))) == 0

    assert page_size(pdf) == "595 x 842 pts (A4)"
    assert page_size(envelope) == "624 x 312 pts"  # DL, landscape
    assert "DL envelope" in capsys.readouterr().out


@needs_poppler
def test_letter_uses_the_envelope_size_of_the_profile(
    qapp: object, data_dir: Path, tmp_path: Path
) -> None:
    dana = fill_for_letters(data_dir, paper="a4", envelope="comm10")
    pdf, envelope = tmp_path / "letter.pdf", tmp_path / "envelope.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--envelope", str(envelope))) == 0

    assert page_size(envelope) == "684 x 297 pts"


@needs_poppler
def test_letter_is_dated_today_where_the_user_is_in_their_language(
    qapp: object, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dana = fill_for_letters(data_dir)
    pdf = tmp_path / "letter.pdf"
    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    kiribati = ZoneInfo("Pacific/Kiritimati")  # UTC+14: already the 26th there

    code = cli.main(
        ["followup-desk", *letter_args(data_dir, dana, pdf)], clock=fixed_clock(NOW), tz=kiribati
    )

    assert code == 0
    assert "26. November 2026" in lines_of(pdf)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "de_DE.UTF-8"}, "de_DE"),
        ({"LANG": "de_DE.UTF-8", "LC_TIME": "en_GB.UTF-8"}, "en_GB"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "fr_CA.UTF-8"}, "fr_CA"),
        ({"LANG": "de_AT.UTF-8@euro"}, "de_AT"),
        ({"LANG": "C.UTF-8"}, "en_US"),
        ({"LANG": "POSIX"}, "en_US"),
        ({"LANG": "fr-CA"}, "fr_CA"),
        # Passed on as it is: Qt's date writer dates letters in US English for names it
        # does not know (tests/printing/test_dates.py).
        ({"LANG": "xx_YY"}, "xx_YY"),
        ({}, "en_US"),
    ],
)
def test_letter_locale_comes_from_the_environment(environ: dict[str, str], expected: str) -> None:
    assert cli.letter_locale(environ) == expected


def test_letter_for_an_unknown_contact_is_a_one_line_error(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_for_letters(data_dir)
    pdf, envelope = tmp_path / "letter.pdf", tmp_path / "envelope.pdf"

    assert run(*letter_args(data_dir, 999, pdf, "--envelope", str(envelope))) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "No contact with id 999")
    assert not pdf.exists() and not envelope.exists()


@pytest.mark.parametrize("contact", ["dana", "-1", "0", "1.5"])
def test_letter_needs_a_numeric_contact_id(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], contact: str
) -> None:
    fill_for_letters(data_dir)
    args = letter_args(data_dir, 1, tmp_path / "letter.pdf")
    args[args.index("--contact") + 1] = contact

    assert run(*args) == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "--contact")


def test_letter_with_a_bad_situation_lists_the_valid_ones(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir)
    pdf = tmp_path / "letter.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--situation", "stalking")) == cli.EXIT_USAGE

    assert_one_line_error(
        capsys.readouterr().err, "--situation 'stalking'", *(s.value for s in Situation)
    )
    assert not pdf.exists()


def test_letter_with_a_template_that_fails_names_the_line(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir)
    with open_services(data_dir, fixed_clock(NOW)) as services:
        copy = services.templates.duplicate("builtin:after-interview", "Picky")
        # Fine on the editor's sample card (no notes); fails on Dana's, which has notes.
        body = "Dear friend,\n\n{{ 'x'[contact.notes | length] }}\n"
        services.templates.save_body(copy.key, body)
    pdf = tmp_path / "letter.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--template", copy.key)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "template", "Line 3")
    assert not pdf.exists()


def test_letter_with_an_unknown_template_is_a_one_line_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir)
    pdf = tmp_path / "letter.pdf"

    assert run(*letter_args(data_dir, dana, pdf, "--template", "user:42")) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "user:42")
    assert not pdf.exists()


def test_letter_to_a_missing_folder_is_a_one_line_error(
    qapp: object, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dana = fill_for_letters(data_dir)
    pdf = tmp_path / "no-such-folder" / "letter.pdf"

    assert run(*letter_args(data_dir, dana, pdf)) == cli.EXIT_FAILURE

    assert_one_line_error(capsys.readouterr().err, str(pdf))


# -- backup -----------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_backup_writes_a_copy_into_the_backups_folder(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("backup", "--data-dir", str(filled)) == 0

    copy = backups_dir(filled) / "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    assert capsys.readouterr().out == f"Backed up 2 contacts to {copy}.\n"
    [info] = list_backups(backups_dir(filled))
    assert info.path == copy and info.ok and info.contact_count == 2


def test_backup_to_a_file_or_a_folder(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my copy.sqlite3"
    assert run("backup", str(target), "--data-dir", str(filled)) == 0
    assert capsys.readouterr().out == f"Backed up 2 contacts to {target}.\n"

    folder = tmp_path / "usb"
    folder.mkdir()
    assert run("backup", str(folder), "--data-dir", str(filled)) == 0
    dated = folder / "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    assert capsys.readouterr().out == f"Backed up 2 contacts to {dated}.\n"
    assert user_version(target) == user_version(dated) == SCHEMA_VERSION


def test_backup_refuses_to_write_over_the_database(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = filled / DATABASE_FILENAME
    before = sha256(live)

    assert run("backup", str(live), "--data-dir", str(filled)) == cli.EXIT_FAILURE

    assert_one_line_error(capsys.readouterr().err, "database in use")
    assert sha256(live) == before


def test_backup_to_a_missing_folder_is_a_one_line_error(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "copy.sqlite3"

    assert run("backup", str(target), "--data-dir", str(filled)) == cli.EXIT_FAILURE

    assert_one_line_error(capsys.readouterr().err, str(target))


def test_backup_of_a_damaged_database_copies_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILENAME).write_bytes(b"")

    assert run("backup", "--data-dir", str(data_dir)) == cli.EXIT_FAILURE

    assert_one_line_error(capsys.readouterr().err, "damaged", "empty", "Nothing was copied")
    assert not backups_dir(data_dir).exists()


def test_backup_copies_an_old_database_without_upgrading_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    live = data_dir / DATABASE_FILENAME
    shutil.copyfile(V3_FIXTURE, live)  # never the fixture itself

    assert run("backup", "--data-dir", str(data_dir)) == 0

    assert user_version(live) == 3
    [copy] = backups_dir(data_dir).iterdir()
    assert user_version(copy) == 3
    assert capsys.readouterr().out.startswith("Backed up ")


def test_backup_needs_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "typo"

    assert run("backup", "--data-dir", str(missing)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "no Follow-Up Desk database")
    assert not missing.exists()


# -- check ------------------------------------------------------------------------------------
def test_check_reports_contacts_schema_and_last_backup(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("check", "--data-dir", str(filled)) == 0
    assert capsys.readouterr().out == f"ok: 2 contacts, schema v{SCHEMA_VERSION}, no backup yet\n"

    assert run("backup", "--data-dir", str(filled)) == 0
    capsys.readouterr()
    assert run("check", "--data-dir", str(filled)) == 0

    copy = backups_dir(filled) / "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    assert capsys.readouterr().out == (
        f"ok: 2 contacts, schema v{SCHEMA_VERSION}, last backup {copy}"
        " (Wed 25 Nov 2026, 08:30, manual, 2 contacts)\n"
    )


def test_check_changes_nothing_not_even_an_old_database(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    live = data_dir / DATABASE_FILENAME
    shutil.copyfile(V3_FIXTURE, live)
    before = sha256(live)

    assert run("check", "--data-dir", str(data_dir)) == 0

    out = capsys.readouterr().out
    assert out.startswith("ok: ") and "contacts, schema v3 (upgraded to v" in out
    assert sha256(live) == before
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILENAME]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "The file is empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 2048, "PNG image"),
    ],
    ids=["empty", "png"],
)
def test_check_reports_damage_and_the_newest_good_backup(
    filled: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    assert run("backup", "--data-dir", str(filled)) == 0
    copy = backups_dir(filled) / "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    live = filled / DATABASE_FILENAME
    for side in (Path(f"{live}-wal"), Path(f"{live}-shm")):
        side.unlink(missing_ok=True)
    live.write_bytes(content)
    capsys.readouterr()

    assert run("check", "--data-dir", str(filled)) == cli.EXIT_FAILURE

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"damaged: {live}: ") and reason in lines[0]
    assert lines[1] == (f"Newest good backup: {copy} (Wed 25 Nov 2026, 08:30, manual, 2 contacts)")
    assert "Restore from backup" in lines[2]
    assert live.read_bytes() == content


def test_check_says_when_there_is_no_good_backup(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILENAME).write_text("my shopping list")

    assert run("check", "--data-dir", str(data_dir)) == cli.EXIT_FAILURE

    out = capsys.readouterr().out
    assert "plain text" in out and "No good backup was found" in out


def test_check_needs_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("check", "--data-dir", str(tmp_path / "typo")) == cli.EXIT_USAGE
    assert_one_line_error(capsys.readouterr().err, "no Follow-Up Desk database")
    assert not (tmp_path / "typo").exists()


def test_other_commands_on_a_damaged_database_point_at_check(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILENAME).write_bytes(b"")

    assert run("due", "--data-dir", str(data_dir)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "damaged", "followup-desk check")
    assert (data_dir / DATABASE_FILENAME).read_bytes() == b""


def test_damage_past_the_first_page_is_reported_before_any_command_runs(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app opens with only a quick look at the file; a command checks every page."""
    live = filled / DATABASE_FILENAME
    with sqlite3.connect(live) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'contact'")
    conn.close()
    data = bytearray(live.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    live.write_bytes(bytes(data))
    capsys.readouterr()

    assert run("export", str(filled / "out.csv"), "--data-dir", str(filled)) == cli.EXIT_USAGE

    assert_one_line_error(capsys.readouterr().err, "damaged", "followup-desk check")
    assert not (filled / "out.csv").exists()


# -- in a fresh process -----------------------------------------------------------------------
def python(*args: str, drop_display: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONSTARTUP", "PYTHONPATH"}}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONIOENCODING"] = "utf-8"
    if drop_display:
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


# Long past, so these follow-ups are overdue whatever the real clock of the run says.
LONG_AGO = datetime(2020, 3, 2, 9, 0, tzinfo=ZoneInfo("UTC"))


def test_due_loads_no_qt(data_dir: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"code = main(['followup-desk', 'due', '--json', '--data-dir', {str(data_dir)!r}])",
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))",
            "assert code == 0, code",
            "assert not qt, qt",
        ]
    )

    result = python("-c", code)

    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert [i["contact"] for i in items] == ["Ms. Dana Davis", ZOE, "Ms. Dana Davis"]
    assert {i["state"] for i in items} == {"overdue"}


def assert_runs_without_qt(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """Run the command line in a fresh process; it must succeed and load no Qt module."""
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"code = main(['followup-desk', *{list(args)!r}])",
            "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))",
            "assert code == 0, code",
            "assert not qt, qt",
        ]
    )
    result = python("-c", code, drop_display=True)
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("name", ["contacts.csv", "contacts.vcf", "follow-ups.ics"])
def test_export_loads_no_qt(data_dir: Path, tmp_path: Path, name: str) -> None:
    fill(data_dir, at=LONG_AGO)
    target = tmp_path / name

    result = assert_runs_without_qt(["export", str(target), "--data-dir", str(data_dir)])

    assert result.stdout.startswith("Exported ")
    assert target.stat().st_size > 0


def test_import_loads_no_qt(data_dir: Path, tmp_path: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")

    result = assert_runs_without_qt(["import", str(path), "--data-dir", str(data_dir)])

    assert result.stdout.startswith("Format: CSV file\n")
    assert "Imported: 1 added, 0 updated, 1 skipped, 2 rejected." in result.stdout
    assert len(cards_in(data_dir)) == 3


def test_backup_and_check_load_no_qt(data_dir: Path, tmp_path: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    target = tmp_path / "copy.sqlite3"

    result = assert_runs_without_qt(["backup", str(target), "--data-dir", str(data_dir)])
    assert result.stdout == f"Backed up 2 contacts to {target}.\n"

    result = assert_runs_without_qt(["check", "--data-dir", str(data_dir)])
    assert result.stdout.startswith("ok: 2 contacts, ")


def test_due_does_not_load_the_file_formats(data_dir: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"code = main(['followup-desk', 'due', '--data-dir', {str(data_dir)!r}])",
            "assert code == 0, code",
            # Nor the calendar: the app imports desktop.cli at every start, and icalendar
            # alone costs tens of milliseconds.
            "formats = ('vobject', 'icalendar', 'desktop.domain.importing',",
            "           'desktop.domain.exporting', 'desktop.domain.calendar_export')",
            "loaded = sorted(m for m in sys.modules if m.startswith(formats))",
            "assert not loaded, loaded",
        ]
    )

    result = python("-c", code)

    assert result.returncode == 0, result.stderr


def test_csv_import_and_export_do_not_load_vobject(data_dir: Path, tmp_path: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    people = tmp_path / "people.csv"
    people.write_text(GENERIC_CSV, encoding="utf-8")
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"args = ['--data-dir', {str(data_dir)!r}]",
            f"assert main(['followup-desk', 'import', {str(people)!r}, *args]) == 0",
            f"assert main(['followup-desk', 'export', {str(tmp_path / 'out.csv')!r}, *args]) == 0",
            # vCards alone need it, and it costs some 50 ms to import.
            "assert 'vobject' not in sys.modules",
        ]
    )

    result = python("-c", code)

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.csv").stat().st_size > 0


def test_python_m_desktop_due_runs_without_a_window(data_dir: Path) -> None:
    fill(data_dir, at=LONG_AGO)

    result = python("-m", "desktop", "due", "--data-dir", str(data_dir), drop_display=True)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Overdue (3)\n")
    assert "Ms. Dana Davis" in result.stdout and ZOE in result.stdout


def test_the_app_entry_point_hands_commands_over_before_any_qapplication(data_dir: Path) -> None:
    fill(data_dir, at=LONG_AGO)
    code = "\n".join(
        [
            "from desktop.app import main",
            "from PySide6.QtGui import QGuiApplication",
            f"code = main(['followup-desk', '--data-dir', {str(data_dir)!r}, 'due', '--json'])",
            "assert code == 0, code",
            "assert QGuiApplication.instance() is None",
        ]
    )

    result = python("-c", code, drop_display=True)

    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 3


def test_agenda_starts_its_own_offscreen_qt_without_a_display(
    data_dir: Path, tmp_path: Path
) -> None:
    fill(data_dir, at=LONG_AGO)
    target = tmp_path / "agenda.pdf"
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"sys.exit(main(['followup-desk', 'agenda', '--pdf', {str(target)!r},"
            f" '--data-dir', {str(data_dir)!r}]))",
        ]
    )

    result = python("-c", code, drop_display=True)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_bytes().startswith(b"%PDF-")


def test_letter_starts_its_own_offscreen_qt_without_a_display(
    data_dir: Path, tmp_path: Path
) -> None:
    dana = fill_for_letters(data_dir)
    pdf, envelope = tmp_path / "letter.pdf", tmp_path / "envelope.pdf"
    args = letter_args(data_dir, dana, pdf, "--envelope", str(envelope))
    code = "\n".join(
        [
            "import sys",
            "from desktop.cli import main",
            f"sys.exit(main(['followup-desk', *{args!r}]))",
        ]
    )

    result = python("-c", code, drop_display=True)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and envelope.read_bytes().startswith(b"%PDF-")
