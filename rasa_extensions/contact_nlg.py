"""Response generator that fills contact placeholders from bot.contacts.

Every response in domain.yml names phone numbers, e-mail and hours as `{placeholders}`;
this generator runs inside the Rasa server, so even static responses (sent when the action
server is down) carry the facts from the single source of truth.
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from bot.contacts import CONTACTS


class ContactResponseGenerator(TemplatedNaturalLanguageGenerator):
    def __init__(
        self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None
    ) -> None:
        super().__init__((domain or Domain.empty()).responses)

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
