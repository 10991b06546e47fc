"""Run every benchmark and write docs/benchmarks.md.

    python bench/run.py            (or: python -m bench.run, from the project root)
    python bench/run.py --quick    (fewer repeats, for checking the benchmarks themselves)

Each benchmark runs in fresh child processes on fresh copies of prepared data directories,
and is compared with a floor measured in the same run: a bare PySide6 window for start-up,
the standard ``sqlite3`` module for the database, a bare ``QTextDocument``/``QLineEdit``
for the letter preview, a bare ``QPdfWriter`` of plain text for printing letters. Ratios
are ours / floor, of the medians.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the bench package importable
    sys.path.insert(0, str(ROOT))

from bench.protocol import parse  # noqa: E402

BENCH = ROOT / "bench"
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
DATABASE_FILENAME = "followup-desk.sqlite3"  # desktop.domain.paths; not imported: no Qt here

SIZES = (1000, 10000, 30000)
STARTUP_CONTACTS = 1000


@dataclass(frozen=True)
class Plan:
    """How many times to repeat what; the slow measurements are repeated less at scale."""

    startup_runs: int = 7
    load_repeats: dict[int, int] = field(default_factory=lambda: {1000: 7, 10000: 7, 30000: 5})
    window_repeats: dict[int, int] = field(default_factory=lambda: {1000: 5, 10000: 5, 30000: 3})
    sorted_repeats: dict[int, int] = field(default_factory=lambda: {1000: 3, 10000: 2, 30000: 1})
    search_rounds: dict[int, int] = field(default_factory=lambda: {1000: 3, 10000: 2, 30000: 1})
    saves: int = 50
    window_saves: dict[int, int] = field(default_factory=lambda: {1000: 7, 30000: 3})
    keystrokes: int = 200
    print_keystrokes: int = 200
    pdf_letters: int = 100
    pdf_repeats: int = 5


QUICK = Plan(
    startup_runs=2,
    load_repeats={1000: 2, 10000: 2, 30000: 2},
    window_repeats={1000: 1, 10000: 1, 30000: 1},
    sorted_repeats={1000: 1, 10000: 1, 30000: 1},
    search_rounds={1000: 1, 10000: 1, 30000: 1},
    saves=10,
    window_saves={1000: 2, 30000: 1},
    keystrokes=40,
    print_keystrokes=40,
    pdf_repeats=1,
)


# -- running children ----------------------------------------------------------------------
class Runner:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.templates = work / "templates"
        self.env = dict(os.environ)
        self.env.setdefault("QT_QPA_PLATFORM", "offscreen")
        # Bytecode is cached as for an installed app, but in our scratch folder: nothing is
        # written into the source tree.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        self._copies = 0

    def command(self, args: Sequence[str]) -> list[str]:
        return [sys.executable, *args]

    def run(
        self, args: Sequence[str], timeout: float = 300, *, quiet: bool = False
    ) -> tuple[dict[str, Any], float, float]:
        """Run a child; return its result ({} if ``quiet``), launch time and wall time."""
        launched = time.perf_counter()
        proc = subprocess.run(
            self.command(args),
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        wall = time.perf_counter() - launched
        if proc.returncode != 0:
            raise RuntimeError(
                f"{' '.join(args)} exited with {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
            )
        if quiet:
            return {}, launched, wall
        try:
            return parse(proc.stdout), launched, wall
        except ValueError as exc:
            raise RuntimeError(f"{' '.join(args)}: {exc}\n{proc.stdout}\n{proc.stderr}") from exc

    def template(self, count: int) -> Path:
        return self.templates / f"contacts-{count}"

    def fresh_copy(self, count: int) -> Path:
        """A fresh copy of the data directory holding ``count`` contacts."""
        self._copies += 1
        target = self.work / "runs" / f"{self._copies:04d}-{count}"
        shutil.copytree(self.template(count), target)
        return target

    def discard(self, data_dir: Path) -> None:
        shutil.rmtree(data_dir, ignore_errors=True)

    def populate(self, counts: Sequence[int]) -> None:
        """Prepare every template data directory (two at a time: set-up, not measured)."""
        pending = list(counts)
        running: list[tuple[int, subprocess.Popen[str]]] = []
        while pending or running:
            while pending and len(running) < 2:
                count = pending.pop(0)
                args = ["-m", "bench.populate", str(self.template(count)), str(count)]
                running.append(
                    (
                        count,
                        subprocess.Popen(
                            self.command(args),
                            cwd=ROOT,
                            env=self.env,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE,
                            text=True,
                        ),
                    )
                )
            count, proc = running.pop(0)
            out, err = proc.communicate(timeout=300)
            if proc.returncode != 0:
                raise RuntimeError(f"populating {count} contacts failed:\n{out}\n{err}")
            parse(out)
            # Opening the database may have written settings; a template starts without.
            (self.template(count) / "settings.ini").unlink(missing_ok=True)


# -- statistics and formatting ---------------------------------------------------------------
@dataclass(frozen=True)
class Stat:
    median: float
    minimum: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stat:
        if not samples:
            raise ValueError("no samples")
        return cls(statistics.median(samples), min(samples), len(samples))


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value >= 1000:
        return f"{value:,.0f} ms"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    if value >= 1:
        return f"{value:.2f} ms"
    return f"{value:.3f} ms"


def cell(stat: Stat | None) -> str:
    if stat is None:
        return "—"
    return f"{ms(stat.median)} ({ms(stat.minimum)}, n={stat.n})"


def ratio(ours: Stat, floor: Stat | None) -> str:
    if floor is None or floor.median <= 0:
        return "—"
    r = ours.median / floor.median
    if r >= 1:
        return f"**{r:.1f}\u00d7** (+{ms(ours.median - floor.median)})"
    return f"{r:.2f}\u00d7 (faster)"


@dataclass
class Table:
    title: str
    what: str  # one paragraph: what exactly was measured
    rows: list[tuple[str, Stat, Stat | None]] = field(default_factory=list)
    interpretation: str = ""
    extra: list[str] = field(default_factory=list)

    def add(self, label: str, ours: Stat, floor: Stat | None) -> None:
        self.rows.append((label, ours, floor))

    def markdown(self) -> str:
        lines = [f"## {self.title}", "", self.what, ""]
        lines.append("| What | Ours: median (min, n) | Floor: median (min, n) | Ratio |")
        lines.append("|---|---|---|---|")
        for label, ours, floor in self.rows:
            lines.append(f"| {label} | {cell(ours)} | {cell(floor)} | {ratio(ours, floor)} |")
        lines.append("")
        if self.interpretation:
            lines += [f"**Reading:** {self.interpretation}", ""]
        lines += self.extra
        return "\n".join(lines).rstrip() + "\n"


def times_x(ours: Stat, floor: Stat) -> str:
    return f"{ours.median / floor.median:.1f}\u00d7"


# -- 1. start-up -----------------------------------------------------------------------------
def bench_startup(runner: Runner, plan: Plan) -> tuple[Table, dict[str, Any]]:
    variants: dict[str, list[str]] = {
        "app-empty": ["bench/startup_app.py", "--data-dir"],
        "app-1k": ["bench/startup_app.py", "--data-dir"],
        "floor": ["bench/startup_floor.py"],
        "python": ["-c", "pass"],
        "imports": ["bench/import_costs.py"],
    }
    counts = {"app-empty": 0, "app-1k": STARTUP_CONTACTS}
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in variants}
    info: dict[str, Any] = {"forced_paint": False}
    floor_size = "1280x820"

    def one(name: str, keep: bool) -> None:
        nonlocal floor_size
        args = list(variants[name])
        data_dir = None
        if name in counts:
            data_dir = runner.fresh_copy(counts[name])
            args.append(str(data_dir))
        elif name == "floor":
            args += ["--size", floor_size]
        result, launched, wall = runner.run(args, timeout=60, quiet=name == "python")
        if name in ("python", "imports"):
            if keep:
                samples[name].setdefault("wall", []).append(wall)
                for step, seconds in result.get("times", {}).items():
                    samples[name].setdefault(step, []).append(seconds)
            return
        if data_dir is not None:
            runner.discard(data_dir)
        if name in counts:
            if result["rows"] != counts[name]:
                raise RuntimeError(f"{name}: the window shows {result['rows']} contacts")
            floor_size = "x".join(str(n) for n in result["window_size"])
            info["window_size"] = floor_size
        info["forced_paint"] |= bool(result["forced_paint"])
        info["platform"] = result["platform"]
        if result.get("qt"):
            info["qt"] = result["qt"]
        if not keep:
            return
        s = samples[name]
        s.setdefault("wall", []).append(wall)
        t0, painted = result["t0"], result["painted"]
        # perf_counter is a system-wide monotonic clock on Linux, macOS and Windows, so the
        # child's stamps can be compared with the parent's; check rather than assume.
        if launched <= t0 and painted - launched <= wall:
            s.setdefault("launch_to_paint", []).append(painted - launched)
            s.setdefault("interpreter_boot", []).append(t0 - launched)
        s.setdefault("script_to_paint", []).append(painted - t0)
        s.setdefault("imports", []).append(result["imported"] - t0)
        if name in counts:
            s.setdefault("qapp", []).append(result["context_start"] - result["imported"])
            s.setdefault("context", []).append(result["context_end"] - result["context_start"])
            s.setdefault("window", []).append(result["window_built"] - result["context_end"])
            s.setdefault("show", []).append(painted - result["window_built"])
        else:
            s.setdefault("show", []).append(painted - result["imported"])

    order = list(variants)
    for name in order:  # warm-up: file cache, bytecode cache, the window size for the floor
        one(name, keep=False)
    for _ in range(plan.startup_runs):
        for name in order:
            one(name, keep=True)

    def stat(name: str, key: str) -> Stat | None:
        values = samples[name].get(key)
        return Stat.of(values) if values else None

    table = Table(
        title="1. Start-up to the first painted main window",
        what=(
            "Each run is a new process on a fresh copy of a prepared data directory. Ours runs "
            "the real `desktop.app.main` (arguments, QApplication, window icon, "
            "`open_context`, `create_main_window`, `show`, `exec`) and stops at the window's "
            "first paint (its first Paint event, then one turn of the event loop so the whole "
            "tree is painted and flushed). The floor is a bare `QMainWindow` with a `QLabel`, "
            f"the same size as ours ({info.get('window_size', '?')} px here), detected the "
            "same way. *Launch* is measured from just before the parent starts the process; "
            "*script* from `time.perf_counter()` on the child script's first line; "
            "*whole process* is the parent's wall time until the child has exited. "
            f"One warm-up run per variant is discarded, then {plan.startup_runs} runs each, "
            "interleaved."
        ),
    )
    for key, label in (
        ("launch_to_paint", "Launch → first paint"),
        ("script_to_paint", "Script start → first paint"),
        ("wall", "Whole process (launch → exit)"),
    ):
        floor = stat("floor", key)
        for name, suffix in (("app-empty", "empty database"), ("app-1k", "1,000 contacts")):
            ours = stat(name, key)
            if ours is not None:
                table.add(f"{label}, {suffix}", ours, floor)

    phases = [
        ("Interpreter start (launch → first line)", "interpreter_boot"),
        ("Imports", "imports"),
        ("QApplication, icon, arguments", "qapp"),
        ("`open_context` (database, migrations, settings)", "context"),
        ("`create_main_window` (widgets, list loaded)", "window"),
        ("`show` → first paint", "show"),
    ]
    phase_rows = [
        "Where the time goes (medians; the floor has no database or app widgets):",
        "",
        "| Phase | Ours, empty | Ours, 1,000 contacts | Floor |",
        "|---|---|---|---|",
    ]
    for label, key in phases:
        values = [stat(name, key) for name in ("app-empty", "app-1k", "floor")]
        phase_rows.append(
            f"| {label} | " + " | ".join(ms(v.median) if v else "—" for v in values) + " |"
        )
    python = stat("python", "wall")
    if python is not None:
        phase_rows += [
            "",
            f"For scale: `python -c pass` takes {ms(python.median)} from launch to exit "
            "on this machine.",
        ]
    import_steps = [key for key in samples["imports"] if key != "wall"]
    if import_steps:
        phase_rows += [
            "",
            "What the imports cost, each dependency imported in turn after "
            "`PySide6.QtWidgets` in a separate process (`bench/import_costs.py`), so each is "
            "charged only for what it adds, including any extra Qt modules or compatibility "
            "layer it pulls in:",
            "",
            "| Import | Median (min) |",
            "|---|---|",
        ]
        for step in import_steps:
            value = Stat.of(samples["imports"][step])
            phase_rows.append(f"| `{step}` | {ms(value.median)} ({ms(value.minimum)}) |")
    table.extra = phase_rows

    headline = stat("app-empty", "launch_to_paint") or stat("app-empty", "script_to_paint")
    headline_1k = stat("app-1k", "launch_to_paint") or stat("app-1k", "script_to_paint")
    floor = stat("floor", "launch_to_paint") or stat("floor", "script_to_paint")
    imports_ours, imports_floor = stat("app-empty", "imports"), stat("floor", "imports")
    if headline and headline_1k and floor and imports_ours and imports_floor:
        extra_total = headline.median - floor.median
        extra_imports = imports_ours.median - imports_floor.median
        table.interpretation = (
            f"The app paints its first window {ms(headline.median)} after launch with an "
            f"empty database and {ms(headline_1k.median)} with 1,000 contacts, against "
            f"{ms(floor.median)} for a bare PySide6 window: {times_x(headline, floor)} the "
            f"floor, {ms(extra_total)} slower, of which {ms(extra_imports)} "
            f"({100 * extra_imports / extra_total:.0f}%) is importing the app's modules and "
            "libraries."
        )
        costs = {
            step: Stat.of(samples["imports"][step]).median
            for step in import_steps
            if step not in ("PySide6.QtWidgets", "desktop.app")
        }
        if costs:
            worst = max(costs, key=costs.__getitem__)
            table.interpretation += (
                f" The largest single import is `{worst}` at {ms(costs[worst])}."
            )
    info["startup"] = {"headline": headline, "headline_1k": headline_1k, "floor": floor}
    return table, info


# -- 2. loading and searching the contacts list ----------------------------------------------
def bench_load(runner: Runner, plan: Plan) -> tuple[Table, Table]:
    results: dict[int, dict[str, Stat]] = {}
    for count in SIZES:
        data_dir = runner.fresh_copy(count)
        result, _, _ = runner.run(
            [
                "-m",
                "bench.contacts_load",
                str(data_dir),
                str(count),
                "--repeats",
                str(plan.load_repeats[count]),
                "--window-repeats",
                str(plan.window_repeats[count]),
                "--sorted-repeats",
                str(plan.sorted_repeats[count]),
                "--search-rounds",
                str(plan.search_rounds[count]),
            ],
        )
        runner.discard(data_dir)
        results[count] = {key: Stat.of(values) for key, values in result["times"].items()}

    load = Table(
        title="2. Loading the contacts list",
        what=(
            "One process per size, on a fresh copy of a database filled with varied sample "
            "cards (accents, blanks, notes of different lengths; each checked with "
            "`validate_card`, inserted in one transaction through the `Contact` model). Ours: "
            "`ContactService.list_contacts()` (peewee query → `ContactRecord`s) + "
            "`ContactTableModel.set_rows()`. Floor: the same query, "
            "`SELECT * FROM contact ORDER BY lower(family_name), lower(given_name), id`, "
            "through the standard `sqlite3` module on the same file, `fetchall()`; the run "
            "checks both return the same ids in the same order. One untimed warm-up each, "
            "then ours and the floor alternate. *In the window* is "
            "`MainWindow.reload_contacts()` in a shown window plus the event loop until the "
            "table has repainted: what every save and delete pays."
        ),
    )
    for count in SIZES:
        r = results[count]
        n = f"{count:,}"
        load.add(f"list + set_rows, {n} contacts", r["total"], r["floor"])
        load.add(f"… of which `list_contacts`, {n}", r["list"], r["floor"])
        load.add(f"… of which `set_rows`, {n}", r["set_rows"], None)
        load.add(f"Reload in the window, {n}", r["window_reload"], r["floor"])
    big, small = results[SIZES[-1]], results[SIZES[0]]
    extra = big["total"].median - big["floor"].median
    in_list = (big["list"].median - big["floor"].median) / extra if extra > 0 else 0.0
    per_contact = ", ".join(
        f"{results[n]['total'].median / n * 1e6:.0f} µs at {n:,}" for n in SIZES
    )
    load.interpretation = (
        f"Listing {SIZES[-1]:,} contacts takes {ms(big['total'].median)} against "
        f"{ms(big['floor'].median)} for raw sqlite3 ({times_x(big['total'], big['floor'])}, "
        f"+{ms(extra)}); {100 * in_list:.0f}% of the difference is `list_contacts` (a peewee "
        "model instance per row, then a `ContactRecord` built from it) and "
        f"`set_rows` is {ms(big['set_rows'].median)}. Per contact: {per_contact}. At "
        f"{SIZES[0]:,} contacts the whole load is {ms(small['total'].median)} "
        f"({times_x(small['total'], small['floor'])} the floor)."
    )

    search = Table(
        title="3. Searching and sorting the list in the window",
        what=(
            "Same processes, same shown window, list unsorted (a fresh profile). *Search "
            "keystroke*: the search field's text set to `m`, `ma`, `mar` in turn "
            "(each is what one typed key does: `textChanged` → the proxy's filter over all 7 "
            "columns) plus the repaint. *Clear search*: the field emptied again. Floor for a "
            "keystroke: the same filter as SQL, `LIKE '%…%'` over the shown columns, ordered "
            "and fetched with `sqlite3`; for clearing, the full ordered query. *Click the Name "
            "header*: `sortByColumn(Name)` plus repaint (the proxy sorts locale-aware); "
            "*reload while sorted*: `reload_contacts()` with that sort active, as after every "
            "save once the user has sorted. Their floor is the full ordered query."
        ),
    )
    for count in SIZES:
        r = results[count]
        n = f"{count:,}"
        search.add(f"Search keystroke, {n}", r["search_key"], r["search_key_floor"])
        search.add(f"Clear search, {n}", r["search_clear"], r["search_clear_floor"])
        search.add(f"Click the Name header, {n}", r["sort_click"], r["floor"])
        search.add(f"Reload while sorted, {n}", r["window_reload_sorted"], r["floor"])
    search.interpretation = (
        f"At {SIZES[-1]:,} contacts one search keystroke takes "
        f"{ms(big['search_key'].median)} ({times_x(big['search_key'], big['search_key_floor'])} "
        f"the SQL floor), clicking the Name header {ms(big['sort_click'].median)}, and every "
        f"reload once sorted {ms(big['window_reload_sorted'].median)} "
        f"({times_x(big['window_reload_sorted'], big['floor'])} the floor, "
        f"{times_x(big['window_reload_sorted'], big['window_reload'])} the unsorted reload): "
        "the proxy calls the Python `data()` for every row it filters and for every "
        "comparison it sorts."
    )
    return load, search


# -- 4. saving one contact -------------------------------------------------------------------
def bench_save(runner: Runner, plan: Plan) -> Table:
    results: dict[int, dict[str, Any]] = {}
    for count in (SIZES[0], SIZES[-1]):
        data_dir = runner.fresh_copy(count)
        result, _, _ = runner.run(
            [
                "-m",
                "bench.save_contact",
                str(data_dir),
                "--saves",
                str(plan.saves),
                "--window-saves",
                str(plan.window_saves[count]),
            ]
        )
        runner.discard(data_dir)
        results[count] = result
    first = results[SIZES[0]]["pragmas"]
    table = Table(
        title="4. Saving one contact",
        what=(
            "Ours: `ContactService.add_contact(card)`, which validates the card and writes it "
            "in one committed transaction. Floor: a raw `sqlite3` `BEGIN` / `INSERT` of the "
            "same columns / `COMMIT` on the same file through a second connection with the "
            "app's pragmas (checked in the run: journal_mode="
            f"{first['ours_journal_mode']}/{first['floor_journal_mode']}, synchronous="
            f"{first['ours_synchronous']}/{first['floor_synchronous']} (2 = FULL) for ours/"
            f"floor). {plan.saves} saves each, alternating, after one warm-up. *Save in the "
            "window*: `MainWindow.save_card()` on a filled-in new card plus the repaint: "
            "`add_contact`, then the list updated and the new contact selected; its "
            "floor is the raw insert + commit followed by the full ordered `SELECT` "
            "(`fetchall()`), the least work that ends with the new list in memory."
        ),
    )
    stats: dict[int, dict[str, Stat]] = {}
    for count, result in results.items():
        s = {key: Stat.of(values) for key, values in result["times"].items()}
        stats[count] = s
        n = f"{count:,}"
        table.add(f"`add_contact`, database of {n}", s["ours"], s["floor"])
    for count, s in stats.items():
        table.add(f"Save in the window, {count:,} contacts", s["window"], s["window_floor"])
    small, big = stats[SIZES[0]], stats[SIZES[-1]]
    table.interpretation = (
        f"`add_contact` costs {ms(small['ours'].median)} against {ms(small['floor'].median)} "
        f"for the raw insert+commit ({times_x(small['ours'], small['floor'])}, "
        f"+{ms(small['ours'].median - small['floor'].median)} of validation and ORM work "
        f"over the durable commit); with {SIZES[-1]:,} contacts in the database it is "
        f"{ms(big['ours'].median)} ({times_x(big['ours'], big['floor'])}). The Save button "
        f"takes {ms(small['window'].median)} with {SIZES[0]:,} contacts and "
        f"{ms(big['window'].median)} with {SIZES[-1]:,}, repaint included: against a raw "
        f"insert plus a full read of the list that is "
        f"{times_x(big['window'], big['window_floor'])}, against the raw insert alone "
        f"{big['window'].median / big['floor'].median:,.0f}\u00d7."
    )
    return table


# -- 5. letter preview -----------------------------------------------------------------------
def bench_letter(runner: Runner, plan: Plan) -> Table:
    data_dir = runner.fresh_copy(0)
    result, _, _ = runner.run(
        ["-m", "bench.letter_preview", str(data_dir), "--keystrokes", str(plan.keystrokes)]
    )
    runner.discard(data_dir)
    s = {key: Stat.of(values) for key, values in result["times"].items()}
    table = Table(
        title="5. Letter preview, per keystroke",
        what=(
            f"A card is typed one character at a time ({result['keystrokes']} keystrokes "
            "through company, job title, department, where you met, street, city). Ours, per "
            "keystroke: `thank_you_letter` (Jinja template, Babel date) + "
            "`build_letter_document` (HTML → paginated `QTextDocument`) + `pageCount()` to "
            "force the layout. Floor: a bare `QTextDocument` with the same page size, "
            "`setPlainText` of the same letter's plain text, `pageCount()`. *In the window*: "
            "one character typed (`QTest.keyClicks`) into the Company field of a shown "
            "MainWindow, then the event loop "
            "until the preview has repainted; its floor is the same key typed into a bare "
            "`QLineEdit` in a window of the same size. "
            f"Page {result['page']}, locale `{result['locale']}`, "
            f"{'/'.join(str(p) for p in result['page_counts'])} page(s)."
        ),
    )
    table.add("Letter + document + layout", s["ours"], s["floor"])
    table.add("… of which `thank_you_letter`", s["letter_only"], None)
    table.add("Whole keystroke in the window", s["window"], s["window_floor"])
    table.interpretation = (
        f"Rebuilding the preview costs {ms(s['ours'].median)} per keystroke "
        f"({times_x(s['ours'], s['floor'])} the bare document, "
        f"{ms(s['letter_only'].median)} of it wording the letter); a whole keystroke in the "
        f"window, repaint included, is {ms(s['window'].median)} against "
        f"{ms(s['window_floor'].median)} for a bare line edit "
        f"({times_x(s['window'], s['window_floor'])}). The slowest keystroke in the window "
        f"took {ms(max(result['times']['window']))}."
    )
    return table


# -- 6. printing letters ---------------------------------------------------------------------
KEYSTROKE_GOAL = 0.016  # one frame at 60 Hz: the preview keeps up with typing
PDF_GOAL = 5.0  # a hundred letters while the user waits


def goal(ours: Stat, limit: float) -> str:
    verdict = "met" if ours.median <= limit else "**missed**"
    return f"goal ≤ {ms(limit)}: {verdict}"


def bench_printing(runner: Runner, plan: Plan) -> Table:
    data_dir = runner.fresh_copy(SIZES[0])
    result, _, _ = runner.run(
        [
            "-m",
            "bench.printing",
            str(data_dir),
            "--keystrokes",
            str(plan.print_keystrokes),
            "--letters",
            str(plan.pdf_letters),
            "--repeats",
            str(plan.pdf_repeats),
        ],
        timeout=900,
    )
    runner.discard(data_dir)
    s = {key: Stat.of(values) for key, values in result["times"].items()}
    letters = result["letters"]
    table = Table(
        title="6. Printing letters",
        what=(
            f"*Preview re-render per keystroke*: a letter drafted by `LetterDrafter` for a "
            f"contact, then a sentence typed into its body one character at a time "
            f"({result['keystrokes']} keystrokes). Ours, per keystroke: "
            "`LetterDraft.letter(body)` + `build_letter_document` (HTML → paginated "
            "`QTextDocument`) + `pageCount()` to force the layout, as the letter editor's "
            "preview does on every edit. Floor: a bare `QTextDocument` with the same page "
            "size, `setPlainText` of the same letter's plain text, `pageCount()`. "
            f"*{letters} letters to one PDF*: letters drafted for the first {letters} sample "
            "contacts, the situations in turn (drafting not timed). Ours: `letters_pdf_bytes` "
            "(a laid-out document per letter painted into one `QPdfWriter` at 1200 dpi, "
            "each from a new page, then the text mapping fixed). Floor: one `QPdfWriter` with "
            "the same page and resolution, one page per letter, each a bare `QTextDocument` "
            "with `setPlainText` of the letter's plain text painted with `drawContents`. "
            "Ours and the floor alternate. "
            f"Page {result['page']}, locale `{result['locale']}`; the letters fill "
            f"{result['pdf_pages']} pages, {result['pdf_bytes']['ours'] / 1024:,.0f} KiB "
            f"(floor {result['pdf_bytes']['floor'] / 1024:,.0f} KiB)."
        ),
    )
    table.add("Preview re-render per keystroke", s["keystroke"], s["keystroke_floor"])
    table.add(f"{letters} letters to one PDF", s["pdf"], s["pdf_floor"])
    per_letter = s["pdf"].median / letters
    table.interpretation = (
        f"A keystroke re-renders the preview in {ms(s['keystroke'].median)} "
        f"({goal(s['keystroke'], KEYSTROKE_GOAL)}; {times_x(s['keystroke'], s['keystroke_floor'])} "
        f"the bare document; slowest {ms(max(result['times']['keystroke']))}). "
        f"{letters} letters go into one PDF in {ms(s['pdf'].median)} "
        f"({goal(s['pdf'], PDF_GOAL)}; {ms(per_letter)} a letter; "
        f"{times_x(s['pdf'], s['pdf_floor'])} the plain-text floor, which has no fonts to "
        "choose, no rich text and one page each). Drafting those letters (templates, dates) "
        f"took another {ms(result['drafting_seconds'])}."
    )
    return table


# -- the report ------------------------------------------------------------------------------
def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def filesystem_of(path: Path) -> str:
    """Best effort (Linux): the file system type the scratch data lives on."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    resolved = str(path.resolve())
    best = ("", "unknown")
    for parts in mounts:
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best[0]):
            best = (parts[1], parts[2])
    return best[1]


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def report(
    tables: list[Table],
    info: dict[str, Any],
    started: datetime,
    seconds: float,
    load_before: str,
    load_after: str,
    work: Path,
    plan: Plan,
) -> str:
    platform_name = info.get("platform", "?")
    paint_note = (
        "**grab() had to force the paint in at least one run** (the platform never "
        "exposed the window)."
        if info.get("forced_paint")
        else "every window was painted by Qt itself (no forced `grab()`)."
    )
    header = [
        "# Benchmarks",
        "",
        "Generated by `python bench/run.py`; do not edit by hand, run it again. Speed is "
        "measured, not guessed: every number below is set against a floor measured in the "
        "same run on the same machine, and the ratio is ours / floor (medians). Timings are "
        "medians with the minimum and the number of samples in brackets.",
        "",
        "## Environment",
        "",
        "| | |",
        "|---|---|",
        f"| Date | {started:%Y-%m-%d %H:%M} UTC |",
        f"| Machine | {os.cpu_count()} CPUs, {cpu_model()} |",
        f"| Platform | {platform.platform()} |",
        f"| Python | {platform.python_version()} ({platform.python_implementation()}) |",
        f"| PySide6 | {package_version('PySide6-Essentials')} (Qt {info.get('qt', '?')}) |",
        f"| peewee | {package_version('peewee')} |",
        f"| SQLite | {sqlite3.sqlite_version} |",
        f"| Qt platform | `{platform_name}` (QT_QPA_PLATFORM) |",
        f"| Scratch data | {filesystem_of(work)} file system (temporary directory) |",
        f"| Load average (1, 5, 15 min) | before {load_before}; after {load_after} |",
        f"| Run time | {seconds:.0f} s{' (quick mode)' if plan != Plan() else ''} |",
        "",
        "What this environment means for the numbers:",
        "",
        f"- Qt runs on the `{platform_name}` platform: no display server, compositor or GPU, "
        "software rendering only. On a desktop the first paint also waits for the window "
        "manager and can be slower; the *ratios* are the comparable part. "
        f"In this run {paint_note}",
        f"- {os.cpu_count()} cores. The benchmarks run one at a time, but other work on the "
        "machine (see the load average) lands in both ours and the floor; medians and the "
        "interleaving of ours and floor limit, not remove, that noise.",
        "- Warm caches: the database files and Python's bytecode are in the OS cache "
        "(bytecode kept in a scratch folder, as an installed app would have it), so this is "
        "a warm start, not the first start after a reboot.",
        "- Durability is real: the databases use WAL with `synchronous=full`, on the file "
        "system above; a commit's cost depends on how fast that disk syncs.",
        "- Every run starts from a fresh copy of its data directory with no saved window "
        "state (the list unsorted, the default window size).",
        "",
    ]
    body = [table.markdown() for table in tables if table.title]
    return "\n".join(header) + "\n" + "\n".join(body)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke test)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="markdown file")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else Plan()

    started = datetime.now(UTC)
    clock = time.perf_counter()
    load_before = load_average()
    work = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    try:
        runner = Runner(work)
        print("preparing databases …", flush=True)
        runner.populate([0, *SIZES])
        print("1/5 start-up …", flush=True)
        startup, info = bench_startup(runner, plan)
        print("2/5 contacts list …", flush=True)
        load, search = bench_load(runner, plan)
        print("3/5 saving …", flush=True)
        save = bench_save(runner, plan)
        print("4/5 letter preview …", flush=True)
        letter = bench_letter(runner, plan)
        print("5/5 printing letters …", flush=True)
        printing = bench_printing(runner, plan)
        seconds = time.perf_counter() - clock
        text = report(
            [startup, load, search, save, letter, printing],
            info,
            started,
            seconds,
            load_before,
            load_average(),
            work,
            plan,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} in {seconds:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
