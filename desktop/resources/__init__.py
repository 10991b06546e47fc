"""Data files shipped with the application (letter templates, later icons and styles)."""
