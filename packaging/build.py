"""Build Follow-Up Desk for the machine this runs on: one command, one artefact in dist/.

    pip install -e ".[package]"            # PyInstaller (this script installs nothing)
    python packaging/build.py [--self-test] [--skip-pyinstaller]

1. PyInstaller builds the one-folder app from packaging/followup-desk.spec into
   dist/followup-desk/ (and dist/Follow-Up Desk.app on macOS).
2. Then, by platform:
   - Linux: dist/followup-desk-<version>-linux-<arch>.tar.gz of that folder.
   - Windows: dist/followup-desk-<version>-windows-setup.exe with Inno Setup's ``iscc``
     (packaging/windows/followup-desk.iss) when it is installed, else only the folder,
     zipped as dist/followup-desk-<version>-windows-<arch>.zip.
   - macOS: when MACOS_SIGN_IDENTITY is set ("Developer ID Application: Name (TEAMID)"),
     the .app is signed with the hardened runtime; dist/followup-desk-<version>-macos-<arch>.dmg
     is made with ``hdiutil``; when MACOS_NOTARY_PROFILE is also set (a keychain profile
     made once with ``xcrun notarytool store-credentials``), the .dmg is signed, notarised
     (``xcrun notarytool submit --wait``) and stapled. Without them these steps are skipped
     and said so: the .dmg then opens only after right-click > Open.
3. ``--self-test`` runs the frozen ``followup-desk --self-test`` offscreen
   (QT_QPA_PLATFORM=offscreen), then opens the frozen app's window on a new data folder and
   lets it close itself once painted (``--quit-after-first-paint``), and fails the build if
   either exits non-zero.

Prints the bundle's size on disk and the artefact's (compressed) size.
"""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "followup-desk.spec"
ISS = PACKAGING / "windows" / "followup-desk.iss"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "followup-desk"
APP_BUNDLE = "Follow-Up Desk.app"
SELF_TEST_TIMEOUT = 300


def version() -> str:
    tree = ast.parse((ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("desktop/__init__.py has no __version__")


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True)


def size_on_disk(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def pyinstaller() -> None:
    shutil.rmtree(DIST / NAME, ignore_errors=True)
    shutil.rmtree(DIST / APP_BUNDLE, ignore_errors=True)
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK,
        SPEC,
    )


def frozen_executable() -> Path:
    if sys.platform == "darwin":
        return DIST / APP_BUNDLE / "Contents" / "MacOS" / NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return DIST / NAME / f"{NAME}{suffix}"


def package_linux(ver: str) -> Path:
    archive = DIST / f"{NAME}-{ver}-linux-{arch()}.tar.gz"
    print(f"Writing {archive.relative_to(ROOT)}", flush=True)
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(DIST / NAME, arcname=f"{NAME}-{ver}")
    return archive


def package_windows(ver: str) -> Path:
    iscc = shutil.which("iscc") or next(
        (
            str(candidate)
            for candidate in (
                Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
                / "Inno Setup 6"
                / "ISCC.exe",
                Path(os.environ.get("PROGRAMFILES", r"C:\Program Files"))
                / "Inno Setup 6"
                / "ISCC.exe",
            )
            if candidate.is_file()
        ),
        None,
    )
    if iscc:
        run(
            iscc,
            f"/DAppVersion={ver}",
            f"/DSourceDir={DIST / NAME}",
            f"/DIconFile={PACKAGING / 'icons' / f'{NAME}.ico'}",
            f"/O{DIST}",
            f"/F{NAME}-{ver}-windows-setup",
            ISS,
        )
        return DIST / f"{NAME}-{ver}-windows-setup.exe"
    print("Inno Setup (iscc) not found: zipping the folder instead of making an installer")
    archive = DIST / f"{NAME}-{ver}-windows-{arch()}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted((DIST / NAME).rglob("*")):
            zf.write(path, Path(f"{NAME}-{ver}") / path.relative_to(DIST / NAME))
    return archive


def package_macos(ver: str) -> Path:
    app = DIST / APP_BUNDLE
    identity = os.environ.get("MACOS_SIGN_IDENTITY", "").strip()
    profile = os.environ.get("MACOS_NOTARY_PROFILE", "").strip()
    if identity:
        run(
            "codesign",
            "--deep",
            "--force",
            "--timestamp",
            "--options",
            "runtime",
            "--sign",
            identity,
            app,
        )
        run("codesign", "--verify", "--deep", "--strict", "--verbose=2", app)
    else:
        print("MACOS_SIGN_IDENTITY not set: the app is not signed (ad-hoc signature only)")
    dmg = DIST / f"{NAME}-{ver}-macos-{arch()}.dmg"
    dmg.unlink(missing_ok=True)
    staging = WORK / "dmg"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    # ditto keeps the bundle's symlinks, extended attributes and signature intact.
    run("ditto", app, staging / APP_BUNDLE)
    (staging / "Applications").symlink_to("/Applications")
    run(
        "hdiutil",
        "create",
        "-volname",
        f"Follow-Up Desk {ver}",
        "-srcfolder",
        staging,
        "-fs",
        "HFS+",
        "-format",
        "UDZO",
        "-ov",
        dmg,
    )
    if identity:
        run("codesign", "--force", "--timestamp", "--sign", identity, dmg)
    if identity and profile:
        run("xcrun", "notarytool", "submit", dmg, "--keychain-profile", profile, "--wait")
        run("xcrun", "stapler", "staple", dmg)
    else:
        print("MACOS_NOTARY_PROFILE (or the identity) not set: the .dmg is not notarised")
    return dmg


def self_test() -> None:
    executable = frozen_executable()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    print(f"+ {executable} --self-test (offscreen)", flush=True)
    started = time.monotonic()
    result = subprocess.run(
        [str(executable), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=SELF_TEST_TIMEOUT,
        check=False,
    )
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        raise SystemExit(f"self-test failed with exit code {result.returncode}")
    print(f"self-test passed in {time.monotonic() - started:.1f} s")
    window_smoke_test(executable, env)


def window_smoke_test(executable: Path, env: dict[str, str]) -> None:
    """Open the frozen app's real window on a new data folder, offscreen, and let it close
    itself once painted: every module the window loads after its first paint is in the
    bundle. The app says "painted" (its frame), "contacts" (the lists) and "ready" (the
    whole window); a windowed build on Windows has no output, only its exit code."""
    print(f"+ {executable} --quit-after-first-paint (offscreen, new data folder)", flush=True)
    with tempfile.TemporaryDirectory(prefix="followup-desk-smoke-") as folder:
        result = subprocess.run(
            [str(executable), "--quit-after-first-paint"],
            env={**env, "FOLLOWUP_DESK_DATA_DIR": str(Path(folder) / "data")},
            capture_output=True,
            text=True,
            timeout=SELF_TEST_TIMEOUT,
            check=False,
        )
    said = result.stdout.split()
    if result.returncode != 0 or (said and said != ["painted", "contacts", "ready"]):
        sys.stderr.write(result.stderr)
        raise SystemExit(
            f"the window did not open and close cleanly (exit code {result.returncode}, "
            f"said {said})"
        )
    print("window smoke test passed: " + (" → ".join(said) or "exit code 0"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Follow-Up Desk for this platform.")
    parser.add_argument(
        "--self-test", action="store_true", help="run the frozen app's --self-test offscreen"
    )
    parser.add_argument(
        "--skip-pyinstaller",
        action="store_true",
        help="reuse dist/ from an earlier build (package and test only)",
    )
    args = parser.parse_args(argv)
    ver = version()
    started = time.monotonic()
    if not args.skip_pyinstaller:
        pyinstaller()
    built = time.monotonic()
    if args.self_test:  # before packaging: a broken build is never published
        self_test()
    if sys.platform.startswith("linux"):
        artefact = package_linux(ver)
    elif sys.platform == "win32":
        artefact = package_windows(ver)
    elif sys.platform == "darwin":
        artefact = package_macos(ver)
    else:
        raise SystemExit(f"no packaging for {sys.platform}")
    bundle = DIST / (APP_BUNDLE if sys.platform == "darwin" else NAME)
    print(f"PyInstaller: {built - started:.0f} s; total: {time.monotonic() - started:.0f} s")
    print(f"Bundle on disk: {megabytes(size_on_disk(bundle))} ({bundle.relative_to(ROOT)})")
    print(f"Artefact:       {megabytes(size_on_disk(artefact))} ({artefact.relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
