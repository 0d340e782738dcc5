"""Suggestions for the developers: what one is, and how the form's answers are checked.

Pure rules only; storing and delivering them is storage.suggestion_inbox's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.privacy import redact

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
MIN_SUGGESTION_LENGTH = 10
MAX_FIELD_LENGTH = 4000


@dataclass(frozen=True)
class Suggestion:
    sender_id: str
    suggestion: str
    area: str | None
    email: str | None
    created_at: datetime


def clean_text(text: str) -> str:
    """Whitespace collapsed, identity numbers removed, length capped."""
    return redact(" ".join(text.split()))[:MAX_FIELD_LENGTH]


def is_valid_suggestion(text: str) -> bool:
    return len(clean_text(text)) >= MIN_SUGGESTION_LENGTH


def normalise_email(text: str) -> str | None:
    """The address in lower case when `text` is an e-mail address, else None."""
    candidate = text.strip().strip("<>.,;").lower()
    return candidate if _EMAIL.match(candidate) else None
