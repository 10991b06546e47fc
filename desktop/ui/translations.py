"""Loading the app's translations, and a context object for module-level plural text.

English is the source language: with no matching ``followup-desk_<lang>.qm`` the app simply
stays in English. The compiled files live in ``desktop/resources/translations`` (built by
``python scripts/update_translations.py LANG --release``); Qt's own strings (the buttons of
standard dialogs, the context menus of text fields) come from the ``qtbase_<lang>.qm`` that
ships with Qt, when it is there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_FOLDER = "translations"
APP_TRANSLATION_PREFIX = "followup-desk"


def translations_dir() -> Path:
    """The folder of compiled ``.qm`` files, as a real path (in a PyInstaller bundle too)."""
    # Beside the package's own files, not through importlib.resources: QTranslator needs a
    # real file anyway (the app is never run from a zip), and importlib.resources would
    # cost the first paint a millisecond or two of imports.
    import desktop.resources

    return Path(desktop.resources.__file__).parent / TRANSLATIONS_FOLDER


def install_translators(app: QCoreApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the app's and Qt's translations for ``locale`` (the default locale if None).

    Returns the installed translators (the caller keeps them: a collected QTranslator is
    uninstalled). Nothing is installed, silently, when no file matches the locale's languages.
    """
    locale = locale or QLocale()
    installed: list[QTranslator] = []
    candidates = [
        # QTranslator.load(locale, ...) tries each of the locale's UI languages in turn,
        # from "de_AT" down to "de".
        (APP_TRANSLATION_PREFIX, str(translations_dir())),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for prefix, folder in candidates:
        if not folder or not Path(folder).is_dir():
            continue
        translator = QTranslator(app)
        if translator.load(locale, prefix, "_", folder, ".qm") and app.installTranslator(
            translator
        ):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for translation in ``context``, to translate later; returns it as is.

    Qt's own QT_TRANSLATE_NOOP is typed as returning ``object``; this one says ``str``.
    pyside6-lupdate finds the call by its name, whichever module it comes from.
    """
    return source


class TranslationContext:
    """Translates text in a fixed context, with a plural count; for module-level functions.

    ``QCoreApplication.translate(ctx, text, "", n)`` is fine at run time, but pyside6-lupdate
    does not see the ``n`` of a named variable there, so the message would not get plural
    forms in the .ts file. ``Name.tr(text, "", n)`` it does see, taking the context from the
    name before ``.tr``: so bind each context to a variable of the same name, e.g.
    ``AgendaText = TranslationContext("AgendaText")`` (tests/ui/test_translations.py checks).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)
