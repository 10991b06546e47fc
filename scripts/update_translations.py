"""Create or update the translation sources (.ts) of Follow-Up Desk, and compile them (.qm).

    python scripts/update_translations.py de fr        # create/update followup-desk_de.ts, _fr.ts
    python scripts/update_translations.py              # update every .ts already there
    python scripts/update_translations.py de --release # ... and compile followup-desk_de.qm

The files live in ``desktop/resources/translations/``. pyside6-lupdate reads every module
that calls ``self.tr(...)``, ``Name.tr(...)`` (a ``TranslationContext``),
``QCoreApplication.translate(...)`` or ``QT_TRANSLATE_NOOP(...)`` — all of ``desktop/ui``,
``desktop/app.py`` and any other module of the package that does — and merges what it finds
into each .ts file: new texts are added as unfinished, texts that are gone are kept but
marked vanished, so no translation is ever lost.

How a translator works:

1. Someone runs ``python scripts/update_translations.py de`` (any language code Qt knows:
   ``de``, ``fr``, ``pt_BR``...), which writes ``followup-desk_de.ts``.
2. The translator opens that file in Qt Linguist (``pyside6-linguist followup-desk_de.ts``,
   installed with PySide6), translates each text and marks it done (Ctrl+Return). Texts are
   grouped by context: the dialog or widget class they appear in, or "Vocabulary" for the
   relationship categories, situations and channels. Keep the placeholders: ``{name}``,
   ``{count}`` and the like are filled in by the app, ``%n`` is the number in a plural text
   (Linguist asks for each plural form the language has), and ``&`` marks the underlined
   shortcut letter of a button or label.
3. ``python scripts/update_translations.py de --release`` compiles the finished file into
   ``followup-desk_de.qm``, which is shipped in the package (pyproject's package-data) and
   in the standalone build. The app loads it when the system's language is German
   (``desktop.ui.translations.install_translators``); English needs no file, it is the
   language of the source.

Run it again whenever the interface text changes: the translator then finds just the new or
changed texts marked unfinished.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"
TRANSLATIONS = PACKAGE / "resources" / "translations"
PREFIX = "followup-desk"

# A module takes part when it calls one of these (the names pyside6-lupdate looks for).
_TRANSLATING = re.compile(r"\.tr\(|Application\.translate\(|\bQT_TRANSLATE_NOOP\(|\bQT_TR_NOOP\(")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z][a-z]{3})?(_[A-Z]{2}|_\d{3})?$")


def find_tool(name: str) -> str | None:
    """``pyside6-lupdate`` or ``pyside6-lrelease``: beside this Python first, then on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def translatable_sources(package: Path = PACKAGE) -> list[Path]:
    """Every module of the UI and app.py, and any other module that marks text."""
    wanted = set((package / "ui").glob("*.py"))
    app = package / "app.py"
    if app.exists():
        wanted.add(app)
    for path in package.rglob("*.py"):
        if _TRANSLATING.search(path.read_text(encoding="utf-8")):
            wanted.add(path)
    return sorted(wanted)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{PREFIX}_{language}.ts"


def lupdate(lupdate_tool: str, sources: Sequence[Path], ts_file: Path, language: str) -> None:
    """Merge the texts of ``sources`` into ``ts_file`` (created if missing)."""
    subprocess.run(
        [
            lupdate_tool,
            *(str(source) for source in sources),
            "-source-language",
            "en",
            "-target-language",
            language,
            "-locations",
            "relative",
            "-ts",
            str(ts_file),
        ],
        check=True,
    )


def lrelease(lrelease_tool: str, ts_file: Path, qm_file: Path | None = None) -> Path:
    """Compile ``ts_file`` into a .qm file beside it (or at ``qm_file``)."""
    qm_file = qm_file or ts_file.with_suffix(".qm")
    subprocess.run([lrelease_tool, str(ts_file), "-qm", str(qm_file)], check=True)
    return qm_file


def language_of(ts_file: Path) -> str:
    return ts_file.stem.removeprefix(f"{PREFIX}_")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "languages",
        nargs="*",
        help="language codes such as de, fr or pt_BR (default: every existing .ts file)",
    )
    parser.add_argument(
        "--release", action="store_true", help="also compile each .ts into a .qm file"
    )
    args = parser.parse_args(argv)

    bad = [language for language in args.languages if not _LANGUAGE.match(language)]
    if bad:
        parser.error(f"not a language code: {', '.join(bad)} (use forms like de, fr, pt_BR)")
    languages = args.languages or sorted(language_of(p) for p in TRANSLATIONS.glob("*.ts"))
    if not languages:
        parser.error("no .ts file yet: name the languages to create, e.g. de fr")

    lupdate_tool = find_tool("pyside6-lupdate")
    lrelease_tool = find_tool("pyside6-lrelease")
    if lupdate_tool is None or (args.release and lrelease_tool is None):
        print("pyside6-lupdate/pyside6-lrelease not found: install PySide6", file=sys.stderr)
        return 1

    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    sources = translatable_sources()
    for language in languages:
        ts_file = ts_path(language)
        lupdate(lupdate_tool, sources, ts_file, language)
        if args.release:
            assert lrelease_tool is not None
            lrelease(lrelease_tool, ts_file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
