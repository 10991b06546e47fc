"""PySide6 widgets, item models and dialogs. Talks to domain services; never writes SQL."""
