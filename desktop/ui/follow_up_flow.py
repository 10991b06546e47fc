"""The follow-up operations a user starts from the window: log, send, dismiss, thank.

Each operation asks with a dialog, calls one domain service (one transaction), and reports
what happened with ``done(message)``; the window refreshes its views from that signal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.backups import BackupService
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactService
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.followups import FollowUpService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService
from desktop.domain.profile import ProfileService
from desktop.domain.rules.referrals import ThankIntroducer
from desktop.domain.vocabulary import EventKind

# The dialogs are imported where they open: none is needed before the window first paints.
from desktop.ui.local_time import format_local
from desktop.ui.theme import apply_theme
from desktop.ui.translations import TranslationContext
from desktop.ui.vocabulary_text import (
    channel_phrase,
    event_kind_phrase,
    opportunity_status_phrase,
    situation_phrase,
)

if TYPE_CHECKING:
    from desktop.ui.contact_picker import PersonToChoose

# Plural texts: lupdate finds the count of ``Name.tr(text, "", n)``, not of ``self.tr``.
FlowText = TranslationContext("FlowText")


class FollowUpFlow(QObject):
    done = Signal(str)  # a status-bar sentence saying what just happened

    def __init__(
        self,
        *,
        contacts: ContactService,
        follow_ups: FollowUpService,
        opportunities: OpportunityService,
        preferences: PreferencesService,
        clock: Clock,
        zone: Callable[[], tzinfo],
        people: Callable[[], Sequence[PersonToChoose]],
        parent: QWidget,
        backups: BackupService | None = None,
        profiles: ProfileService | None = None,
    ) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self._follow_ups = follow_ups
        self._opportunities = opportunities
        self._preferences = preferences
        self._clock = clock
        self._zone = zone
        self._people = people
        self._parent = parent
        self._backups = backups
        self._profiles = profiles

    # -- events ---------------------------------------------------------------------------
    def log_event(self, preselected_contact_ids: Sequence[int] = ()) -> None:
        people = self._people()
        if not people:
            self._warn(
                self.tr("Log an event"),
                self.tr("Add the people you met first: type their business card."),
            )
            return
        from desktop.ui.log_event_dialog import LogEventDialog

        draft = LogEventDialog.ask(
            people,
            self._opportunities.list_opportunities(),
            now=self._clock(),
            tz=self._zone(),
            preselected_contact_ids=preselected_contact_ids,
            parent=self._parent,
        )
        if draft is None:
            return
        try:
            logged = self._follow_ups.log_event(draft)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Event not logged"), str(exc))
            return
        count = len(logged.follow_ups)
        kind = event_kind_phrase(EventKind(draft.kind))
        due_by = format_local(logged.follow_ups[0].closes_at, self._zone())
        # English picks its own singular; each message still takes every plural form.
        if count == 1:
            logged_text = FlowText.tr("Logged {kind}: %n follow-up, due by {due_by}.", "", count)
        else:
            logged_text = FlowText.tr("Logged {kind}: %n follow-ups, due by {due_by}.", "", count)
        self.done.emit(logged_text.format(kind=kind, due_by=due_by))
        self.offer_thanks(logged.thank_introducers)

    # -- sending --------------------------------------------------------------------------
    def mark_sent(self, follow_up_id: int) -> None:
        try:
            record = self._follow_ups.get(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Follow-up not found"), str(exc))
            return
        from desktop.ui.mark_sent_dialog import MarkSentDialog

        values = MarkSentDialog.ask(
            record,
            self._follow_ups.history(record.contact_id),
            lambda sent_at, summary: self._follow_ups.check_send(record.id, sent_at, summary),
            now=self._clock(),
            tz=self._zone(),
            parent=self._parent,
        )
        if values is None:
            return
        try:
            result = self._follow_ups.mark_sent(
                record.id,
                channel=values.channel,
                sent_at=values.sent_at,
                summary=values.summary,
                card_later=values.card_later,
                confirmed=values.confirmed,
            )
        except FollowUpDeskError as exc:
            self._warn(self.tr("Not marked as sent"), str(exc))
            return
        message = self.tr("Marked sent: {name} ({channel}).").format(
            name=record.contact_name, channel=channel_phrase(values.channel)
        )
        if result.card_later is not None:
            due = format_local(result.card_later.closes_at, self._zone())
            message += self.tr(" The handwritten card is due by {due}.").format(due=due)
        if result.keep_warm is not None:
            opens = format_local(result.keep_warm.opens_at, self._zone())
            message += self.tr(" A keep-in-touch reminder is set for {opens}.").format(opens=opens)
        self.done.emit(message)

    def dismiss(self, follow_up_id: int) -> None:
        try:
            record = self._follow_ups.get(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Follow-up not found"), str(exc))
            return
        answer = QMessageBox.question(
            self._parent,
            self.tr("Dismiss follow-up"),
            self.tr(
                "Dismiss the follow-up to {name} ({situation})?"
                "\n\nIt stays in their history as not sent."
            ).format(name=record.contact_name, situation=situation_phrase(record.situation)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._follow_ups.dismiss(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Not dismissed"), str(exc))
            return
        self.done.emit(
            self.tr("Dismissed the follow-up to {name}.").format(name=record.contact_name)
        )

    def delete_event(self, event_id: int) -> None:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete event"),
            self.tr(
                "Delete this event for everyone who was there?\n\nIts pending follow-ups are "
                "removed; follow-ups already sent or dismissed stay in each person's history."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed, kept = self._follow_ups.delete_event(event_id)
        self.done.emit(
            FlowText.tr(
                "Deleted the event: %n pending follow-up(s) removed, {kept} kept in history.",
                "",
                removed,
            ).format(kept=kept)
        )

    # -- opportunities --------------------------------------------------------------------
    def edit_opportunity(self, opportunity_id: int | None = None) -> None:
        record = self._opportunities.get(opportunity_id) if opportunity_id is not None else None
        from desktop.ui.opportunity_dialog import OpportunityDialog

        draft = OpportunityDialog.ask(self._people(), record=record, parent=self._parent)
        if draft is None:
            return
        try:
            saved = self._opportunities.save(draft, opportunity_id)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Opportunity not saved"), str(exc))
            return
        self.done.emit(
            self.tr("Saved {title} ({status}).").format(
                title=saved.record.title, status=opportunity_status_phrase(saved.record.status)
            )
        )
        self.offer_thanks(saved.thank_introducers, led_to=self.tr("an offer"))

    def delete_opportunity(self, opportunity_id: int) -> None:
        record = self._opportunities.get(opportunity_id)
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete opportunity"),
            self.tr(
                "Delete {title}?\n\nThe people and their follow-ups stay; events logged for "
                "it are kept without the link."
            ).format(title=record.title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._opportunities.delete(opportunity_id)
            self.done.emit(self.tr("Deleted {title}.").format(title=record.title))

    # -- preferences ----------------------------------------------------------------------
    def edit_preferences(self) -> None:
        """Ask for every preference, save them all, and show the chosen theme at once.

        Paper and envelope are stored with the sender's profile (asked only when the flow
        has the profile service, and saved only when changed: a size from a newer version
        is kept as it is), backup retention with the backups. Every service writes in a
        transaction of its own: if one refuses a value, the user is told and the theme is
        left as it was.
        """
        current = self._preferences.load()
        profile = self._profiles.load() if self._profiles is not None else None
        retention = self._backups.retention() if self._backups is not None else None
        from desktop.ui.preferences_dialog import PreferencesDialog

        chosen = PreferencesDialog.ask(
            current,
            self._parent,
            retention,
            paper=profile.paper if profile is not None else None,
            envelope=profile.envelope if profile is not None else None,
        )
        if chosen is None:
            return
        try:
            self._preferences.save(chosen.preferences)
            if (
                self._profiles is not None
                and profile is not None
                and chosen.paper is not None
                and chosen.envelope is not None
                and (chosen.paper, chosen.envelope) != (profile.paper, profile.envelope)
            ):
                self._profiles.save(
                    dataclasses.replace(profile, paper=chosen.paper, envelope=chosen.envelope)
                )
            if self._backups is not None and chosen.retention is not None:
                self._backups.set_retention(chosen.retention)
        except FollowUpDeskError as exc:
            self._warn(self.tr("Preferences not saved"), str(exc))
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, chosen.preferences.theme)
        self.done.emit(self.tr("Preferences saved."))

    # -- referrals ------------------------------------------------------------------------
    def offer_thanks(self, proposals: Sequence[ThankIntroducer], led_to: str = "") -> None:
        """``led_to``: what the introductions led to, translated ("" lets the dialog say
        "an interview")."""
        if not proposals:
            return
        ids = {p.introducer_id for p in proposals}
        for p in proposals:
            ids.update(p.introduced_ids)
        names = self._contacts.names(ids)
        rows = [
            (p, names.get(p.introducer_id, "?"), [names.get(i, "?") for i in p.introduced_ids])
            for p in proposals
        ]
        from desktop.ui.thank_introducers_dialog import ThankIntroducersDialog

        chosen = ThankIntroducersDialog.ask(rows, parent=self._parent, led_to=led_to)
        for proposal in chosen:
            self._follow_ups.thank_introducer(proposal)
        if chosen:
            if len(chosen) == 1:
                added = FlowText.tr(
                    "Added %n thank-you for introductions that led somewhere.", "", len(chosen)
                )
            else:
                added = FlowText.tr(
                    "Added %n thank-yous for introductions that led somewhere.", "", len(chosen)
                )
            self.done.emit(added)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)
