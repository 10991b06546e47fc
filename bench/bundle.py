"""The standalone bundle: build it and a bare PySide6 window's, measure size and start-up.

Used by ``bench/run.py`` (section "Standalone bundle (PyInstaller)"); standard library only
in the parent. Two one-folder PyInstaller bundles are built in the same run:

- ours, with ``packaging/build.py`` (the release build: packaging/followup-desk.spec, which
  trims what the app does not use) into the repository's dist/ (gitignored);
- the floor, ``bench/bare_window_app.py`` frozen with PyInstaller's default options (one
  folder, no UPX, windowed, nothing excluded or stripped) into a scratch folder.

Both folders are measured the same way: the sum of their files' sizes (symbolic links not
followed), and a tar.gz of each at one compression level, written in the scratch folder.
Start-up: each frozen executable is launched and quits by itself once its window has been
painted, printing a line at that moment; the parent times launch → that line and launch →
exit. The floor prints one line (its result) at its first paint. Ours, with its
``--quit-after-first-paint`` option, prints three: ``painted`` once its window's frame has
been painted (the window on screen, before the database is opened), ``contacts`` once the
lists on the left have been filled and painted inside ``MainWindow.attach`` (its signal
``lists_shown``: the contacts on screen, the card and letter not built yet) and ``ready``
once the completed window's current page has been painted after ``attach`` (the whole
window ready); it then closes.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_SCRIPT = ROOT / "bench" / "bare_window_app.py"
BARE_NAME = "bare_window_app"
APP_NAME = "followup-desk"
APP_DIST = ROOT / "dist" / APP_NAME
GZIP_LEVEL = 6
BUILD_TIMEOUT = 900
# What desktop.app prints with --quit-after-first-paint: the frame painted, then the lists,
# then the completed window.
PAINTED_LINE = "painted"
CONTACTS_LINE = "contacts"
READY_LINE = "ready"
RESULT_PREFIX = "BENCH-RESULT "  # bench.protocol, what the bare window prints


def pyinstaller_version() -> str | None:
    """PyInstaller's version in this interpreter, None if it is not installed."""
    if importlib.util.find_spec("PyInstaller") is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pyinstaller")
    except PackageNotFoundError:
        return "?"


def executable_in(folder: Path, name: str) -> Path:
    """The program inside a one-folder bundle (the .app's on macOS)."""
    if sys.platform == "darwin":
        app = folder.parent / f"{folder.name}.app"
        if app.is_dir():
            return app / "Contents" / "MacOS" / name
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def _run(command: Sequence[str | Path], log: Path) -> float:
    """Run a build step, its output to ``log``; the seconds it took. Raises on failure."""
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.run(
            [str(part) for part in command],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(map(str, command))} exited with {proc.returncode}:\n{tail}")
    return time.perf_counter() - started


def build_bare(scratch: Path) -> tuple[Path, float]:
    """Freeze the bare window with PyInstaller's defaults; its folder and the build time."""
    seconds = _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--windowed",
            "--log-level",
            "WARN",
            "--paths",  # where ``bench`` is: the script's own sys.path line is not analysed
            ROOT,
            "--distpath",
            scratch / "dist",
            "--workpath",
            scratch / "build",
            "--specpath",
            scratch,
            BARE_SCRIPT,
        ],
        scratch / "bare-build.log",
    )
    return scratch / "dist" / BARE_NAME, seconds


def build_ours(scratch: Path) -> tuple[Path, float]:
    """The release build (packaging/build.py) into dist/; its folder and the build time."""
    seconds = _run([sys.executable, ROOT / "packaging" / "build.py"], scratch / "app-build.log")
    return APP_DIST, seconds


def size_on_disk(folder: Path) -> int:
    """Bytes in the folder's files (symbolic links are not followed, nor counted)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def compressed_size(folder: Path, scratch: Path) -> int:
    """Bytes of a tar.gz of the folder at GZIP_LEVEL (links stored as links)."""
    archive = scratch / f"{folder.name}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=GZIP_LEVEL) as tar:
        tar.add(folder, arcname=folder.name)
    size = archive.stat().st_size
    archive.unlink()
    return size


@dataclass(frozen=True)
class Launch:
    to_line: float | None  # launch → the first-paint line read by the parent; None: no line
    to_contacts: float | None  # launch → the "contacts" line (ours: lists painted); None: none
    to_ready: float | None  # launch → the "ready" line (ours: whole window); None: none
    to_exit: float  # launch → the process has exited
    in_process: float | None  # launch → the child's own first-paint stamp (the floor only)
    forced_paint: bool


def launch(
    command: Sequence[str | Path],
    env: dict[str, str],
    marker: str,
    contacts_marker: str | None = None,
    ready_marker: str | None = None,
    timeout: float = 120,
) -> Launch:
    """Start a frozen program, time its first-paint line (starting with ``marker``), the
    lines ``contacts_marker`` and ``ready_marker`` (each the whole line, after the
    first-paint line; if given) and its exit."""
    with tempfile.TemporaryFile() as errors:
        launched = time.perf_counter()
        proc = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        to_line = to_contacts = to_ready = in_process = None
        forced = False
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if to_line is None and line.startswith(marker):
                    to_line = time.perf_counter() - launched
                    if line.startswith(RESULT_PREFIX):
                        import json

                        result = json.loads(line[len(RESULT_PREFIX) :])
                        forced = bool(result.get("forced_paint"))
                        painted = float(result["painted"])
                        if launched <= painted:  # one monotonic clock for both (checked)
                            in_process = painted - launched
                elif to_line is not None:
                    text = line.strip()
                    if to_contacts is None and text == contacts_marker:
                        to_contacts = time.perf_counter() - launched
                    if to_ready is None and text == ready_marker:
                        to_ready = time.perf_counter() - launched
            code = proc.wait(timeout=timeout)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        to_exit = time.perf_counter() - launched
        if code != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"{' '.join(map(str, command))} exited with {code}:\n{text}")
    return Launch(to_line, to_contacts, to_ready, to_exit, in_process, forced)


def launch_bare(folder: Path, size: str, env: dict[str, str]) -> Launch:
    return launch([executable_in(folder, BARE_NAME), "--size", size], env, RESULT_PREFIX)


def launch_ours(folder: Path, data_dir: Path, env: dict[str, str]) -> Launch:
    """Ours on ``data_dir`` (named by the environment, as a desktop launcher would)."""
    return launch(
        [executable_in(folder, APP_NAME), "--quit-after-first-paint"],
        {**env, "FOLLOWUP_DESK_DATA_DIR": str(data_dir)},
        PAINTED_LINE,
        CONTACTS_LINE,
        READY_LINE,
    )


if __name__ == "__main__":  # a quick look without the whole bench: build both, sizes only
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        where = Path(tmp)
        bare, bare_seconds = build_bare(where)
        ours, ours_seconds = build_ours(where)
        for label, folder, seconds in (("bare", bare, bare_seconds), ("ours", ours, ours_seconds)):
            print(
                f"{label}: built in {seconds:.0f} s, {size_on_disk(folder) / 2**20:.1f} MiB on "
                f"disk, {compressed_size(folder, where) / 2**20:.1f} MiB as tar.gz -{GZIP_LEVEL}"
            )
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        print("bare:", launch_bare(bare, "1280x820", env))
