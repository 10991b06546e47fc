from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Category
from desktop.domain.contacts import ContactCard
from desktop.ui.business_card_form import BusinessCardForm
from tests.ui.helpers import type_card

CARD = ContactCard(
    courtesy_title="Dr.",
    given_name="Zoë",
    family_name="Ñúñez",
    job_title="Head of Research",
    company="Initech",
    department="Labs",
    email="zoe@initech.example",
    phone="+44 20 7946 0018",
    street="1 Infinite Loop",
    city="Cupertino",
    region="CA",
    postal_code="95014",
    country="USA",
    category=Category.PAST_CLIENT.value,
    met_at="PyCon",
    notes="Likes\nbirds  and  trains",
)


def make_form(qtbot: QtBot) -> BusinessCardForm:
    form = BusinessCardForm()
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    return form


def test_a_loaded_card_comes_back_unchanged(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.load(CARD, contact_id=7)
    assert form.card() == CARD
    assert form.contact_id == 7
    assert form.heading.text() == "Editing Dr. Zoë Ñúñez"
    assert not form.is_modified()


def test_a_new_card_starts_empty_with_the_default_category(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.load(CARD, contact_id=7)
    form.load(None)
    assert form.card() == ContactCard()
    assert form.contact_id is None
    assert form.heading.text() == "New contact"


def test_typing_emits_card_edited_but_loading_does_not(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    with qtbot.assertNotEmitted(form.card_edited):
        form.load(CARD, contact_id=1)
    with qtbot.waitSignal(form.card_edited, timeout=1000):
        type_card(qtbot, form, city="San Jose")
    assert form.is_modified()
    assert form.card().city == "San Jose"


def test_errors_show_next_to_their_field_and_clear_on_load(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.show_errors({"email": "Bad email.", "given_name": "Enter a name."})
    assert form.error_text("email") == "Bad email."
    assert form.error_text("given_name") == "Enter a name."
    # The first field in card order gets the cursor.
    qtbot.waitUntil(form.fields["given_name"].hasFocus, timeout=1000)
    assert form.fields["email"].accessibleDescription() == "Bad email."
    form.load(CARD)
    assert form.error_text("email") == ""
    assert form.fields["email"].accessibleDescription() == ""


def test_tab_order_follows_the_business_card(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.fields["given_name"].setFocus()
    qtbot.waitUntil(lambda: form.fields["given_name"].hasFocus())
    order: list[QWidget] = []
    for _ in range(14):
        widget = QApplication.focusWidget()
        assert widget is not None
        order.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    names = [w.accessibleName() for w in order]
    assert names == [
        "Given name",
        "Family name",
        "Job title",
        "Department",
        "Company",
        "Email",
        "Phone",
        "Street",
        "City",
        "State / region",
        "Postal code",
        "Country",
        "Relationship category",
        "Met at",
    ]


def test_a_category_this_version_does_not_know_is_kept(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.load(ContactCard(given_name="A", category="from-the-future"))
    assert form.card().category == "from-the-future"
