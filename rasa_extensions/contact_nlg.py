"""Response generator that fills contact placeholders from bot.contacts, and adds one
English line to the first reply of a turn when the user wrote in English.

Every response in domain.yml names phone numbers, e-mail and hours as `{placeholders}`;
this generator runs inside the Rasa server, so even static responses (sent when the action
server is down) carry the facts from the single source of truth.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from datetime import datetime, timezone
from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.contacts import CONTACTS
from bot.hours import CLOCK_METADATA_KEY, parse_instant
from bot.language import looks_english
from bot.replies import current_line

ENGLISH_NOTE, ENGLISH_NOTE_WRITTEN = "utter_english_note", "utter_english_note_written"
# Answers that tell the user not to ring: their English line names no number.
WRITTEN_ONLY = {
    "utter_fault_c_open",
    "utter_fault_c_closed",
    "utter_call_c_no",
    "utter_severity_c_is_written",
    "utter_regrade_to_c",
    "utter_regrade_single_user",
}
_REMEMBERED_TURNS = 10_000  # senders whose latest English message already got the note


class ContactResponseGenerator(TemplatedNaturalLanguageGenerator):
    def __init__(
        self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None
    ) -> None:
        super().__init__((domain or Domain.empty()).responses)
        self._noted: OrderedDict[str, str | None] = OrderedDict()

    def generate_from_slots(
        self,
        utter_action: str,
        filled_slots: dict[str, Any],
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        return super().generate_from_slots(
            utter_action, filled_slots, output_channel, **{**CONTACTS.placeholders(), **kwargs}
        )

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        message = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if message and message.get("text") and self._english_note_due(tracker):
            written_only = utter_action in WRITTEN_ONLY
            note = self.generate_from_slots(
                ENGLISH_NOTE_WRITTEN if written_only else ENGLISH_NOTE,
                {},
                output_channel,
                **current_line(_now(tracker)),
            )
            if note and note.get("text"):
                message["text"] = f"{note['text']}\n{message['text']}"
        return message

    def _english_note_due(self, tracker: DialogueStateTracker) -> bool:
        """True once per English user message: for the first reply to it."""
        latest = tracker.latest_message
        if latest is None or not looks_english(latest.text or ""):
            return False
        if tracker.sender_id in self._noted and self._noted[tracker.sender_id] == latest.message_id:
            return False
        self._noted[tracker.sender_id] = latest.message_id
        self._noted.move_to_end(tracker.sender_id)
        while len(self._noted) > _REMEMBERED_TURNS:
            self._noted.popitem(last=False)
        return True


def _now(tracker: DialogueStateTracker) -> datetime:
    """The clock, fixed by the message's metadata only under the conversation suite."""
    if os.environ.get("AIDN_CLOCK_FROM_METADATA") == "1" and tracker.latest_message:
        fixed = parse_instant((tracker.latest_message.metadata or {}).get(CLOCK_METADATA_KEY))
        if fixed is not None:
            return fixed
    return datetime.now(timezone.utc)
