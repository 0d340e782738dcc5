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
    email: str | None
    created_at: datetime


def clean_text(text: str) -> str:
    """Whitespace collapsed, identity numbers removed, length capped."""
    return redact(" ".join(text.split()))[:MAX_FIELD_LENGTH]


def is_valid_suggestion(text: str) -> bool:
    return len(clean_text(text)) >= MIN_SUGGESTION_LENGTH


def normalise_email(text: str) -> str | None:
    """The address in lower case when `text` is or holds one e-mail address ("ok, den er
    kari@example.org"), else None."""
    candidates = [word.strip("<>.,;:()«»\"'").lower() for word in text.split() if "@" in word]
    if len(candidates) != 1:
        return None
    return candidates[0] if _EMAIL.match(candidates[0]) else None


# "Jeg har et forslag:", "Hei, vi har en idé –": the words before the suggestion itself.
_PREAMBLE = re.compile(
    r"^\s*(?:hei[,!.]?\s*)?(?:(?:jeg|eg|æ|vi)\s+)?(?:har|hadde)?\s*(?:et|eit|ett|en|ei|ein)?\s*"
    r"(?:lite[nt]?\s+)?(?:forslag|framlegg|idé|ide|ønske|ønskje|innspill|innspel|tips)\w*(?:\s+til\s+(?:dere|dykk|aidn))?\s*[:,.!–-]*\s*",
    re.IGNORECASE,
)
# "Hvordan sender jeg et forslag?": a question about suggestions, not one.
_ABOUT_SUGGESTIONS = re.compile(
    r"\b(?:hvordan|korleis|hvor|kvar|kan jeg|kan eg|går det an)\b"
    r".*\b(?:forslag|framlegg|foreslå|ønske|ønskje|idé|ide)"
    # "svarer dere på forslagene?", "hva skjer med forslaget etterpå?"
    r"|\b(?:svar\w*|besvar\w*|leser|les|behandl\w*|skjer)\b.*\b(?:forslag|framlegg)\w*.*\?"
    r"|\b(?:forslag|framlegg)\w*.*\b(?:svar\w*|besvar\w*|lest|les|behandl\w*)\b.*\?",
    re.IGNORECASE,
)
# Words about suggestions themselves, left after the preamble: the message only announces one.
_ABOUT_A_SUGGESTION = re.compile(
    r"\w*(?:forslag|framlegg|foreslå|ønske|ønskje|innspill|innspel|idé\b|ide\b)", re.IGNORECASE
)
_WISH = re.compile(
    r"\b(?:burde|bør|kunne dere|kan dere|ønsk\w*|hadde vært|fint om|fint med|fint å|savner"
    r"|mulighet\w* (?:for|til)|forslag\w*|idé|ide)\b",
    re.IGNORECASE,
)
MIN_WORDS_IN_FIRST_MESSAGE = 4


def asks_about_suggestions(text: str) -> bool:
    """ "Hvordan sender jeg et forslag?": a question about suggestions, not one."""
    return _ABOUT_SUGGESTIONS.search(text) is not None


def suggestion_in_message(text: str) -> str | None:
    """The suggestion itself when the message that starts the form already holds it
    ("kunne dere laget en mørk modus i appen?"), else None ("jeg har et forslag")."""
    if asks_about_suggestions(text):
        return None
    rest = _PREAMBLE.sub("", text, count=1).strip()
    if _ABOUT_A_SUGGESTION.search(rest):  # "jeg vil gi et forbedringsforslag": not one yet
        return None
    if len(rest.split()) < MIN_WORDS_IN_FIRST_MESSAGE or not is_valid_suggestion(rest):
        return None
    return clean_text(rest)


def sounds_like_a_wish(text: str) -> bool:
    """ "Det burde komme et varsel når …": a wish, however much it names what fails."""
    return _WISH.search(text) is not None
