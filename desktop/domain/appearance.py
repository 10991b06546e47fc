"""The window's theme choice: its own module, so the window can read it before the database
(and Peewee) is loaded."""

from __future__ import annotations

from enum import StrEnum


class Theme(StrEnum):
    """How the window looks: as the system does, or always light, or always dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
