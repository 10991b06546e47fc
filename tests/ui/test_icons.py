"""Icons: drawn in the palette's colours, sharp on high-DPI screens, and cached on disk so a
later start paints them without loading the icon font library."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon

from desktop.ui import icons


@pytest.fixture(autouse=True)
def _fresh_icon_cache() -> Iterator[None]:
    icons._pixmaps.clear()
    yield
    icons.use_cache_dir(None)
    icons._pixmaps.clear()


def test_an_icon_is_drawn_at_the_size_asked_and_twice_as_fine_at_2x(qtbot: object) -> None:
    icon = icons.themed_icon("fa6s.user-plus")
    plain = icon.pixmap(QSize(24, 24))
    fine = icon.pixmap(QSize(24, 24), 2.0)
    assert (plain.width(), plain.height()) == (24, 24)
    assert (fine.width(), fine.height()) == (48, 48)
    assert fine.devicePixelRatio() == 2.0
    assert not plain.toImage().isNull()


def test_a_disabled_icon_is_drawn_in_another_colour(qtbot: object) -> None:
    icon = icons.coloured_icon("fa6s.circle", QColor("#c00000"))
    normal = icon.pixmap(QSize(16, 16)).toImage()
    disabled = icon.pixmap(QSize(16, 16), QIcon.Mode.Disabled).toImage()
    centre = (8, 8)
    assert normal.pixelColor(*centre).name() == "#c00000"
    assert disabled.pixelColor(*centre).name() != "#c00000"


def test_icons_are_kept_on_disk_and_a_new_process_uses_them(qtbot: object, tmp_path: Path) -> None:
    cache = tmp_path / "icons"
    icons.use_cache_dir(cache)
    icons.themed_icon("fa6s.print").pixmap(QSize(20, 20))
    assert len(list(cache.glob("*.png"))) == 1

    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop.ui import icons
        from pathlib import Path
        icons.use_cache_dir(Path({str(cache)!r}))
        pixmap = icons.themed_icon("fa6s.print").pixmap(QSize(20, 20))
        assert not pixmap.isNull()
        print("qtawesome" in sys.modules)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False", "the cached picture was used, no font rendered"
