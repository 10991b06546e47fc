"""ThankIntroducersDialog: an introduction led somewhere; offer to thank whoever made it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.rules.referrals import ThankIntroducer
from desktop.domain.rules.window import CLOSES_AFTER
from desktop.ui.dialog_parts import fit_height, heading_label, plain_label
from desktop.ui.translations import TranslationContext

Proposal = tuple[ThankIntroducer, str, list[str]]

ThankText = TranslationContext("ThankText")


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ThankText.tr("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


def proposal_text(introducer: str, introduced: Sequence[str], led_to: str) -> str:
    return ThankText.tr(
        "{introducer} introduced you to {introduced}. Their introduction led to {led_to}: "
        "thank them?"
    ).format(introducer=introducer, introduced=join_names(introduced), led_to=led_to)


def _mnemonic_safe(text: str) -> str:
    """Button text shows "&" literally (a single one would underline the next letter)."""
    return text.replace("&", "&&")


class ThankIntroducersDialog(QDialog):
    """One tick box per introducer, ticked; ``chosen()`` is the proposals still ticked.

    ``led_to`` finishes "Their introduction led to …" ("an interview", "an offer"; translated
    by the caller); "" means "an interview".
    """

    def __init__(
        self,
        proposals: Sequence[Proposal],
        parent: QWidget | None = None,
        *,
        led_to: str = "",
    ) -> None:
        super().__init__(parent)
        led_to = led_to or self.tr("an interview")
        self.setObjectName("thank_introducers")
        self.setWindowTitle(self.tr("Thank the people who introduced you"))
        self.setAccessibleName(self.tr("Thank the people who introduced you"))
        self._proposals = [proposal for proposal, _, _ in proposals]

        heading = heading_label(self.tr("An introduction led somewhere"), name=self.tr("Heading"))
        hours = int(CLOSES_AFTER.total_seconds() // 3600)
        intro = plain_label(
            self.tr(
                "People who are thanked for an introduction are glad to make the next one. "
                "Each ticked person gets a thank-you follow-up, due within %n hours.",
                "",
                hours,
            ),
            name=self.tr("Why thank them"),
        )
        self.boxes: list[QCheckBox] = []
        self.texts: list[QLabel] = []
        rows = QVBoxLayout()
        rows.setSpacing(4)
        for _, introducer, introduced in proposals:
            text = proposal_text(introducer, introduced, led_to)
            thank = self.tr("Thank {name}").format(name=introducer)
            box = QCheckBox(_mnemonic_safe(thank))
            box.setChecked(True)
            box.setAccessibleName(thank)
            box.setAccessibleDescription(text)
            label = plain_label(text, name=self.tr("About {name}").format(name=introducer))
            label.setIndent(box.iconSize().width() + 8)
            rows.addWidget(box)
            rows.addWidget(label)
            rows.addSpacing(8)
            self.boxes.append(box)
            self.texts.append(label)
            box.toggled.connect(self._update_add)

        self.button_box = QDialogButtonBox()
        self.add_button = QPushButton(self.tr("Add thank-you follow-ups"))
        self.add_button.setAccessibleName(self.tr("Add thank-you follow-ups"))
        self.add_button.setDefault(True)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.tr("Not now"))
        self.button_box.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.button_box.addButton(self.not_now_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(rows)
        layout.addStretch(1)
        layout.addWidget(self.button_box)
        self.setMinimumWidth(480)
        self._update_add()

    def showEvent(self, event: QShowEvent) -> None:
        """Override of QWidget.showEvent: as tall as the wrapped sentences need, no taller."""
        super().showEvent(event)
        fit_height(self, shrink=True)

    def chosen(self) -> list[ThankIntroducer]:
        """The proposals whose box is ticked, in the order given."""
        return [p for p, box in zip(self._proposals, self.boxes, strict=True) if box.isChecked()]

    def _update_add(self) -> None:
        self.add_button.setEnabled(bool(self.chosen()))

    @classmethod
    def ask(
        cls,
        proposals: Sequence[Proposal],
        parent: QWidget | None = None,
        *,
        led_to: str = "",
    ) -> list[ThankIntroducer]:
        """The introducers to thank; empty when declined."""
        if not proposals:
            return []
        dialog = cls(proposals, parent, led_to=led_to)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return []
            return dialog.chosen()
        finally:
            dialog.deleteLater()
