"""SQL tracker store that never writes a national identity number to the database.

Users are asked not to paste patient data, but some will. User messages are stored with
every valid fødselsnummer replaced (bot.privacy.redact); everything else is unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import find_national_ids, redact


def redacted(event: Event) -> Event:
    if not isinstance(event, UserUttered) or not find_national_ids(event.text or ""):
        return event
    clean = copy.deepcopy(event)
    clean.text = redact(event.text)
    if clean.parse_data:
        clean.parse_data["text"] = clean.text
    return clean


class RedactingSQLTrackerStore(SQLTrackerStore):
    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        return (redacted(event) for event in super()._additional_events(session, tracker))
