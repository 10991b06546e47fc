"""Render the app icon from its one source, desktop/resources/icon/followup-desk.svg.

    python scripts/make_icons.py           # rewrite the generated files
    python scripts/make_icons.py --check   # exit 1 if a generated file is missing or stale

Writes, from the SVG alone:

- ``desktop/resources/icon/followup-desk-<N>.png`` (16 to 256): shipped with the package for
  the window icon and the Linux desktop entry;
- ``packaging/icons/followup-desk-<N>.png`` (16 to 1024), ``followup-desk.ico`` (Windows:
  16 to 256 in one file) and ``followup-desk.icns`` (macOS: 16 to 1024), for the installers.

The ICO and ICNS containers are written here rather than by Qt's image plugins: Qt's ICO
writer stores one image per file, and Qt has no ICNS writer in every build. Both formats
are a small header plus PNG entries, which Windows Vista+ and macOS 10.7+ read.
"""

from __future__ import annotations

import argparse
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desktop" / "resources" / "icon" / "followup-desk.svg"
RESOURCE_DIR = SOURCE.parent
PACKAGING_DIR = ROOT / "packaging" / "icons"
NAME = "followup-desk"

RESOURCE_SIZES = (16, 24, 32, 48, 64, 128, 256)
PACKAGING_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS chunk types holding PNG data, by pixel size (the @2x types share a size with @1x).
ICNS_CHUNKS = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128@2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256@2x
    (b"ic10", 1024),  # 512@2x
)


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Quality 0 is the default zlib level; any fixed value keeps the output reproducible.
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data.data())


def ico_file(pngs: dict[int, bytes]) -> bytes:
    """An ICO container: ICONDIR, one ICONDIRENTRY per size, then the PNGs themselves."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in a one-byte field
        # width, height, colours (0: no palette), reserved, planes, bits per pixel, size, offset
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns_file(pngs: dict[int, bytes]) -> bytes:
    """An ICNS container: 'icns' and the total length, then (type, length, PNG) chunks."""
    body = b""
    for kind, size in ICNS_CHUNKS:
        png = pngs[size]
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def generated_files() -> dict[Path, bytes]:
    """Every generated file and the bytes it should hold, rendered from the SVG."""
    svg = SOURCE.read_bytes()
    pngs = {size: render_png(svg, size) for size in sorted(set(PACKAGING_SIZES))}
    files: dict[Path, bytes] = {}
    for size in RESOURCE_SIZES:
        files[RESOURCE_DIR / f"{NAME}-{size}.png"] = pngs[size]
    for size in PACKAGING_SIZES:
        files[PACKAGING_DIR / f"{NAME}-{size}.png"] = pngs[size]
    files[PACKAGING_DIR / f"{NAME}.ico"] = ico_file({size: pngs[size] for size in ICO_SIZES})
    files[PACKAGING_DIR / f"{NAME}.icns"] = icns_file(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only say whether the files are up to date"
    )
    args = parser.parse_args(argv)

    from PySide6.QtGui import QGuiApplication

    # QPainter on a QImage needs no window system, but fonts and some paint engines want an
    # application object; offscreen keeps this working on a headless build machine.
    app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    files = generated_files()
    del app
    stale = [
        path for path, data in files.items() if not path.is_file() or path.read_bytes() != data
    ]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(files[path])
        print(f"wrote {path.relative_to(ROOT)} ({len(files[path]):,} bytes)")
    if not stale:
        print("all icons up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
