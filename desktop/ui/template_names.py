"""How templates are named on screen: built-ins in the user's language, copies as named.

Apart from the template editor so the letter composer can name templates without loading it.
"""

from __future__ import annotations

from desktop.domain.template_store import TemplateRecord
from desktop.ui.translations import TranslationContext
from desktop.ui.vocabulary_text import situation_phrase

TemplateNames = TranslationContext("TemplateNames")


def template_name(record: TemplateRecord) -> str:
    """The template's name as shown: a built-in's is made here, in the user's language
    ("Standard: after an interview"); the user's own copies keep the name they were given."""
    if record.is_builtin:
        return TemplateNames.tr("Standard: {situation}").format(
            situation=situation_phrase(record.situation)
        )
    return record.name


def template_label(record: TemplateRecord) -> str:
    """The name in the list: an edited built-in says so (``TemplateRecord.label``)."""
    if record.is_builtin and record.is_modified:
        return TemplateNames.tr("{name} (edited)").format(name=template_name(record))
    return template_name(record)
