"""The follow-up operations a user starts from the window: log, send, dismiss, thank.

Each operation asks with a dialog, calls one domain service (one transaction), and reports
what happened with ``done(message)``; the window refreshes its views from that signal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import tzinfo

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain.backups import BackupService
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactRecord, ContactService
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.followups import FollowUpService
from desktop.domain.opportunities import OpportunityService
from desktop.domain.preferences import PreferencesService
from desktop.domain.profile import ProfileService
from desktop.domain.rules.referrals import ThankIntroducer
from desktop.domain.vocabulary import EventKind
from desktop.ui.local_time import format_local
from desktop.ui.log_event_dialog import LogEventDialog
from desktop.ui.mark_sent_dialog import MarkSentDialog
from desktop.ui.opportunity_dialog import OpportunityDialog
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.thank_introducers_dialog import ThankIntroducersDialog
from desktop.ui.theme import apply_theme


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
        people: Callable[[], Sequence[ContactRecord]],
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
            self._warn("Log an event", "Add the people you met first: type their business card.")
            return
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
            self._warn("Event not logged", str(exc))
            return
        count = len(logged.follow_ups)
        kind = EventKind(draft.kind).label.lower()
        due_by = format_local(logged.follow_ups[0].closes_at, self._zone())
        noun = "follow-up" if count == 1 else "follow-ups"
        self.done.emit(f"Logged {kind}: {count} {noun}, due by {due_by}.")
        self._offer_thanks(logged.thank_introducers)

    # -- sending --------------------------------------------------------------------------
    def mark_sent(self, follow_up_id: int) -> None:
        try:
            record = self._follow_ups.get(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn("Follow-up not found", str(exc))
            return
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
            self._warn("Not marked as sent", str(exc))
            return
        message = f"Marked sent: {record.contact_name} ({values.channel.label.lower()})."
        if result.card_later is not None:
            due = format_local(result.card_later.closes_at, self._zone())
            message += f" The handwritten card is due by {due}."
        if result.keep_warm is not None:
            opens = format_local(result.keep_warm.opens_at, self._zone())
            message += f" A keep-in-touch reminder is set for {opens}."
        self.done.emit(message)

    def dismiss(self, follow_up_id: int) -> None:
        try:
            record = self._follow_ups.get(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn("Follow-up not found", str(exc))
            return
        answer = QMessageBox.question(
            self._parent,
            "Dismiss follow-up",
            f"Dismiss the follow-up to {record.contact_name} ({record.situation.label.lower()})?"
            "\n\nIt stays in their history as not sent.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._follow_ups.dismiss(follow_up_id)
        except FollowUpDeskError as exc:
            self._warn("Not dismissed", str(exc))
            return
        self.done.emit(f"Dismissed the follow-up to {record.contact_name}.")

    def delete_event(self, event_id: int) -> None:
        answer = QMessageBox.question(
            self._parent,
            "Delete event",
            "Delete this event for everyone who was there?\n\nIts pending follow-ups are "
            "removed; follow-ups already sent or dismissed stay in each person's history.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed, kept = self._follow_ups.delete_event(event_id)
        self.done.emit(
            f"Deleted the event: {removed} pending follow-up(s) removed, {kept} kept in history."
        )

    # -- opportunities --------------------------------------------------------------------
    def edit_opportunity(self, opportunity_id: int | None = None) -> None:
        record = self._opportunities.get(opportunity_id) if opportunity_id is not None else None
        draft = OpportunityDialog.ask(self._people(), record=record, parent=self._parent)
        if draft is None:
            return
        try:
            saved = self._opportunities.save(draft, opportunity_id)
        except FollowUpDeskError as exc:
            self._warn("Opportunity not saved", str(exc))
            return
        self.done.emit(f"Saved {saved.record.title} ({saved.record.status_label.lower()}).")
        self._offer_thanks(saved.thank_introducers, led_to="an offer")

    def delete_opportunity(self, opportunity_id: int) -> None:
        record = self._opportunities.get(opportunity_id)
        answer = QMessageBox.question(
            self._parent,
            "Delete opportunity",
            f"Delete {record.title}?\n\nThe people and their follow-ups stay; events logged for "
            "it are kept without the link.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._opportunities.delete(opportunity_id)
            self.done.emit(f"Deleted {record.title}.")

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
    def _offer_thanks(
        self, proposals: Sequence[ThankIntroducer], led_to: str = "an interview"
    ) -> None:
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
        chosen = ThankIntroducersDialog.ask(rows, parent=self._parent, led_to=led_to)
        for proposal in chosen:
            self._follow_ups.thank_introducer(proposal)
        if chosen:
            noun = "thank-you" if len(chosen) == 1 else "thank-yous"
            self.done.emit(f"Added {len(chosen)} {noun} for introductions that led somewhere.")

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)
