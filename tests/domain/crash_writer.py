"""Child process of ``test_crash_safety``: writes through the app's services until killed.

    python -m tests.domain.crash_writer DATA_DIR RUN

It prints ``ready`` once the services are open, then loops: add a contact, log an event
with them, record a letter that marks the follow-up sent. After each write has committed
it prints one line, ``<table> <id> <digest>``, where the digest is ``digest(...)`` of what
was written, so the parent can prove each reported write survived the kill intact.
"""

from __future__ import annotations

import hashlib
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.letter_history import LetterOutput
from desktop.domain.services import open_services
from desktop.domain.vocabulary import Channel, Situation

START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:20]


def report(table: str, row_id: int, *parts: object) -> None:
    sys.stdout.write(f"{table} {row_id} {digest(*parts)}\n")
    sys.stdout.flush()


def main(data_dir: Path, run: int) -> None:
    services = open_services(data_dir)
    print("ready", flush=True)
    letters = services.letters
    n = 0
    while True:
        n += 1
        tag = f"{run}.{n}"
        given, family = f"Crash{tag}", "Tester"
        notes = f"Met at run {run}, write {n}. " + "Ünïcode ✓ " * (n % 7)
        contact = services.contacts.add_contact(
            ContactCard(given_name=given, family_name=family, notes=notes)
        )
        report("contact", contact.id, given, family, notes)

        discussed = f"Interview {tag}"
        logged = services.follow_ups.log_event(
            EventDraft(
                kind="interview",
                occurred_at=START + timedelta(minutes=n),
                contact_ids=(contact.id,),
                discussed=discussed,
            )
        )
        report("event", logged.event_id, "interview", discussed, contact.id)

        text = f"Dear {given},\n\nThank you for run {tag}.\n"
        recorded = letters.record(
            contact_id=contact.id,
            situation=Situation.AFTER_INTERVIEW,
            template_name="standard",
            final_text=text,
            channel=Channel.EMAIL,
            output=LetterOutput.EMAIL,
            follow_up_id=logged.follow_ups[0].id,
            mark_sent=True,
            confirmed=True,
        )
        report("letter", recorded.letter.id, contact.id, "standard", text)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
