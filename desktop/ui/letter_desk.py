"""LetterDesk: the letter for the card on screen, and everything that sends it out.

It drafts through the domain (situation, template, card, event), keeps the composer and
preview in step as the user types, sends the letter out (printer, PDF, envelope, email,
clipboard) and records each letter that leaves, marking its follow-up sent if the user
agrees. It reports what happened with ``done(message)``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from types import ModuleType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from desktop.domain.clock import Clock
from desktop.domain.compose import LetterDraft
from desktop.domain.contacts import ContactCard
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.followups import NeedsConfirmation
from desktop.domain.letter_history import LetterOutput
from desktop.domain.letters import Letter, email_text, inside_address
from desktop.domain.profile import Paper
from desktop.domain.services import Services
from desktop.domain.templates import TemplateRenderError
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from desktop.printing.dates import qt_long_date
from desktop.printing.letter_document import build_letter_document
from desktop.printing.page import A4, LETTER, PageSpec, default_page_spec
from desktop.ui.letter_composer import LetterComposer
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import channel_phrase, situation_phrase, situation_text


def _output() -> ModuleType:
    """Printing, PDF and mail: loaded (with Qt's print support) when a letter first leaves."""
    from desktop.ui import letter_output

    return letter_output


# Shown translated (LetterDesk.tr); in English this is the text itself.
NO_NAME_HINT = QT_TRANSLATE_NOOP("LetterDesk", "Type a name on the card to draft a letter.")


class LetterDesk(QObject):
    done = Signal(str)
    templates_changed = Signal()

    def __init__(
        self,
        composer: LetterComposer,
        services: Services,
        clock: Clock,
        zone: Callable[[], tzinfo],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.composer = composer
        self._services = services
        self._clock = clock
        self._zone = zone
        self._parent = parent
        self._card = ContactCard()
        self._contact_id: int | None = None
        self._situation: Situation | None = None
        self._template_key: str | None = None
        self._follow_up_id: int | None = None
        self.draft: LetterDraft | None = None

        composer.situation_chosen.connect(self._on_situation_chosen)
        composer.template_chosen.connect(self._on_template_chosen)
        composer.body_edited.connect(self.update_preview)
        composer.print_action.triggered.connect(self.print_letter)
        composer.print_preview_action.triggered.connect(self.preview_letter)
        composer.pdf_action.triggered.connect(self.save_letter_pdf)
        composer.envelope_print_action.triggered.connect(self.print_envelope)
        composer.envelope_pdf_action.triggered.connect(self.save_envelope_pdf)
        composer.copy_action.triggered.connect(self.copy_letter)
        composer.email_action.triggered.connect(self.email_letter)

    # -- what to draft --------------------------------------------------------------------
    def show_card(self, card: ContactCard, contact_id: int | None, *, fresh: bool) -> None:
        """The card on screen changed. ``fresh``: a different person (start a new draft)."""
        if fresh:
            self._situation = self._template_key = self._follow_up_id = None
        self._card = card.normalised()
        self._contact_id = contact_id
        self.redraft(keep_edits=not fresh)

    def answer_follow_up(self, follow_up_id: int, situation: Situation) -> None:
        """Draft the letter for a due follow-up (the card is shown already)."""
        self._follow_up_id = follow_up_id
        self._situation = situation
        self._template_key = None
        self.redraft(keep_edits=False)

    def redraft(self, *, keep_edits: bool = True) -> None:
        if not self._card.full_name:
            self.draft = None
            self.composer.clear(self.tr(NO_NAME_HINT))
            return
        day = self._clock().astimezone(self._zone()).date()
        write_date = qt_long_date()  # the user's locale, read for each draft
        drafter = self._services.drafter
        try:
            if self._contact_id is not None:
                draft = drafter.draft(
                    self._contact_id,
                    day=day,
                    write_date=write_date,
                    situation=self._situation,
                    template_key=self._template_key,
                    follow_up_id=self._follow_up_id,
                    card=self._card,
                )
            else:
                draft = drafter.draft_card(
                    self._card,
                    day=day,
                    write_date=write_date,
                    situation=self._situation or Situation.AFTER_INTERVIEW,
                    template_key=self._template_key,
                )
        except TemplateRenderError as exc:
            self.composer.show_problem(
                self.tr("The template cannot be used: {problem}").format(problem=exc)
            )
            return
        except FollowUpDeskError:
            # The follow-up or template went away meanwhile: fall back to the defaults once.
            if self._follow_up_id is None and self._template_key is None:
                raise
            self._follow_up_id = self._template_key = None
            self.redraft(keep_edits=keep_edits)
            return
        self.draft = draft
        self.composer.show_draft(
            draft.situation,
            self._services.templates.list_templates(draft.situation),
            draft.template.key,
            draft.body,
            self._answers_text(draft),
            keep_edits=keep_edits,
        )
        self.update_preview()

    def _answers_text(self, draft: LetterDraft) -> str:
        follow_up = draft.follow_up
        if follow_up is None or follow_up.status is not FollowUpStatus.PENDING:
            return ""
        return self.tr("Answers the follow-up “{situation}” (recommended: {channel}).").format(
            situation=situation_text(follow_up.situation),
            channel=channel_phrase(follow_up.advice.channel),
        )

    def letter(self) -> Letter | None:
        if self.draft is None:
            return None
        return self.draft.letter(self.composer.body_text())

    def update_preview(self) -> None:
        self.composer.show_letter(self.letter())

    def page(self) -> PageSpec:
        paper = self._services.profile.load().paper
        if paper == Paper.LETTER.value:
            return LETTER
        if paper == Paper.A4.value:
            return A4
        return default_page_spec()

    def _on_situation_chosen(self, value: str) -> None:
        self._situation = Situation(value)
        self._template_key = None
        follow_up = self.draft.follow_up if self.draft is not None else None
        if follow_up is not None and follow_up.situation is not self._situation:
            self._follow_up_id = None
        self.redraft(keep_edits=False)

    def _on_template_chosen(self, key: str) -> None:
        self._template_key = key
        self.redraft(keep_edits=False)

    # -- sending it out -------------------------------------------------------------------
    def _title(self) -> str:
        assert self.draft is not None
        return self.tr("Letter to {name}").format(name=self.draft.addressee.formal_name)

    def print_letter(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        page = self.page()
        document = build_letter_document(letter, page)
        if _output().print_document(self._parent, document, page, self._title()):
            self._record(letter, LetterOutput.PRINTED, Channel.TYPED_LETTER, self.tr("Printed"))

    def preview_letter(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        page = self.page()
        document = build_letter_document(letter, page)
        if _output().preview_document(self._parent, document, page, self._title()):
            self._record(letter, LetterOutput.PRINTED, Channel.TYPED_LETTER, self.tr("Printed"))

    def save_letter_pdf(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        page = self.page()
        document = build_letter_document(letter, page)
        path = _output().save_document_pdf(
            self._parent, document, page, self._title(), self._title()
        )
        if path is not None:
            saved = self.tr("Saved {name}").format(name=path.name)
            self._record(letter, LetterOutput.PDF, Channel.TYPED_LETTER, saved)

    def print_envelope(self) -> None:
        self._envelope(save=False)

    def save_envelope_pdf(self) -> None:
        self._envelope(save=True)

    def _envelope(self, *, save: bool) -> None:
        if self.draft is None:
            return
        profile = self._services.profile.load()
        from desktop.printing.envelope_document import build_envelope_document, envelope_spec

        spec = envelope_spec(profile.envelope, self.page())
        document = build_envelope_document(
            profile.sender() if profile.is_set_up else None,
            inside_address(self.draft.addressee),
            spec,
        )
        name = self.draft.addressee.formal_name
        title = self.tr("Envelope for {name}").format(name=name)
        if save:
            path = _output().save_document_pdf(self._parent, document, spec, title, title)
            if path is not None:
                self.done.emit(self.tr("Saved {name}.").format(name=path.name))
        elif _output().print_document(self._parent, document, spec, title):
            self.done.emit(self.tr("Printed the envelope for {name}.").format(name=name))

    def copy_letter(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        _output().copy_text(letter.plain_text())
        copied = self.tr("Copied the letter")
        self._record(letter, LetterOutput.COPIED, Channel.EMAIL, copied, ask=False)

    def email_letter(self) -> None:
        letter = self.letter()
        if letter is None or self.draft is None:
            return
        address = self.draft.addressee.email
        _output().open_email(
            self._parent, address, self.draft.situation.email_subject, email_text(letter)
        )
        self._record(letter, LetterOutput.EMAIL, Channel.EMAIL, self.tr("Emailed"), offer_card=True)

    # -- history --------------------------------------------------------------------------
    def _record(
        self,
        letter: Letter,
        output: LetterOutput,
        channel: Channel,
        what: str,
        *,
        ask: bool = True,
        offer_card: bool = False,
    ) -> None:
        draft = self.draft
        if draft is None:
            return
        name = draft.addressee.formal_name
        if draft.contact is None:
            self.done.emit(
                self.tr("{what}. Save the card to keep this letter in {name}'s history.").format(
                    what=what, name=name
                )
            )
            return
        follow_up = draft.follow_up
        mark = card_later = False
        if ask and follow_up is not None and follow_up.status is FollowUpStatus.PENDING:
            mark, card_later = self._ask_mark_sent(name, follow_up.situation, channel, offer_card)
        confirmed = False
        while True:
            try:
                recorded = self._services.letters.record(
                    contact_id=draft.contact.id,
                    situation=draft.situation,
                    template_name=draft.template.label,
                    final_text=letter.plain_text(),
                    channel=channel,
                    output=output,
                    follow_up_id=follow_up.id if follow_up else None,
                    mark_sent=mark,
                    card_later=card_later,
                    confirmed=confirmed,
                )
                break
            except NeedsConfirmation as exc:
                if not self._confirm_anyway(exc):
                    mark = False  # keep the letter, leave the follow-up open
                    continue
                confirmed = True
        message = self.tr("{what}: letter to {name} kept in their history.")
        if recorded.marked_sent is not None:
            message = self.tr("{what}: follow-up to {name} marked sent.")
            if recorded.marked_sent.card_later is not None:
                message += self.tr(" The handwritten card is the next step.")
        message = message.format(what=what, name=name)
        self.done.emit(message)

    def _ask_mark_sent(
        self, name: str, situation: Situation, channel: Channel, offer_card: bool
    ) -> tuple[bool, bool]:
        box = QMessageBox(self._parent)
        box.setWindowTitle(self.tr("Mark as sent"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            self.tr("Mark the follow-up to {name} ({situation}) as sent by {channel}?").format(
                name=name, situation=situation_phrase(situation), channel=channel_phrase(channel)
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        card_box = None
        if offer_card:
            card_box = QCheckBox(
                self.tr("Email now, card later: add the handwritten card as a step")
            )
            card_box.setAccessibleName(self.tr("Email now, card later"))
            box.setCheckBox(card_box)
        answer = box.exec()
        mark = answer == QMessageBox.StandardButton.Yes
        return mark, bool(mark and card_box is not None and card_box.isChecked())

    def _confirm_anyway(self, exc: NeedsConfirmation) -> bool:
        parts = []
        if exc.warnings.cooldown is not None:
            parts.append(exc.warnings.cooldown.message)
        if exc.warnings.status_only:
            from desktop.domain.rules.status_check import STATUS_ONLY_ADVICE

            parts.append(STATUS_ONLY_ADVICE)
        answer = QMessageBox.warning(
            self._parent,
            self.tr("Before you mark it sent"),
            "\n\n".join([*parts, self.tr("Mark it sent anyway?")]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
