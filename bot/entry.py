"""What a public channel lets into the assistant: every message is screened once, where it
arrives, before Rasa's NLU, trackers, logs or actions see it.

- Identity numbers (fødselsnummer, D-nummer, or labelled as one) are replaced by a marker,
  so no such number is classified, stored, logged, put in a slot or sent on.
- Text longer than `max_chars` never reaches the NLU: it becomes the intent
  message_too_long, answered with a short Norwegian request and the number for now.
- Typed text starting with "/" is words, not an intent ("/fault_critical"); only the
  payloads of the assistant's own buttons are read as intents.
- Control characters, bidirectional overrides and unpaired surrogates are removed; they
  forge log lines or break encoders, and no user means them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.privacy import REDACTED, find_national_ids, redact

MESSAGE_TOO_LONG = "/message_too_long"
DEFAULT_MAX_CHARS = 2000

# C0 and C1 controls except tab and newline, line and paragraph separators, zero-width and
# bidirectional formatting characters, the byte-order mark.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


@dataclass(frozen=True)
class Screened:
    text: str
    identity_numbers: int = 0  # how many were replaced by bot.privacy.REDACTED


def screen(text: object, button_payloads: Collection[str], max_chars: int) -> Screened:
    """The text to let in for a message typed or clicked in a public channel."""
    if not isinstance(text, str):
        return Screened("")
    if len(text) > max_chars:  # checked first: nothing below reads a long text
        return Screened(MESSAGE_TOO_LONG)
    cleaned = _INVISIBLE.sub(" ", text.encode("utf-8", "replace").decode("utf-8")).strip()
    if cleaned.startswith("/") and cleaned not in button_payloads:
        cleaned = cleaned.lstrip("/ ")
    found = len(find_national_ids(cleaned))
    if found:
        cleaned = redact(cleaned)
    return Screened(cleaned, found)


def had_identity_number(text: str) -> bool:
    """True for a message whose identity numbers were removed at entry."""
    return REDACTED in text
