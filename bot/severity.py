"""Severity classes from the help page and the triage that decides between them.

The page asks, in this order: are services needed for emergency care (øyeblikkelig hjelp)
unavailable? Then A. Is functionality or performance substantially reduced while
emergency care is still possible? Then B. Otherwise C.
"""

from __future__ import annotations

import re
from enum import Enum


class Severity(str, Enum):
    A = "A"  # kritisk: must be phoned in, handled immediately
    B = "B"  # stor påvirkning: must be phoned in, prioritised
    C = "C"  # mindre påvirkning: written only, answered in opening hours


class Answer(str, Enum):
    YES = "ja"
    NO = "nei"
    UNSURE = "usikker"


# The triage questions as form slots, in the page's order.
EMERGENCY_CARE_BLOCKED = "emergency_care_blocked"
SUBSTANTIALLY_REDUCED = "substantially_reduced"


def parse_severity(value: object) -> Severity | None:
    try:
        return Severity(str(value).upper())
    except ValueError:
        return None


def parse_answer(value: object) -> Answer | None:
    try:
        return Answer(str(value).lower())
    except ValueError:
        return None


# A free-text answer to a yes/no question starts with it, perhaps after a few words of
# lead-in: "ja, vi får ikke gitt …", "ok, da er svaret nei, …".
_LEAD_IN = r"^\W*(?:(?:ok\w*|greit|da|så|svaret|mitt|er|blir)\W+){0,4}"
_LEADING_ANSWER = {
    Answer.YES: re.compile(
        _LEAD_IN + r"(?:ja|jo|jepp|japp|jaa+|jada|jau|jaha|yes|yep|yeah)\b", re.IGNORECASE
    ),
    Answer.NO: re.compile(_LEAD_IN + r"(?:nei+|neida|næ+h?|niks|nix|nope|nah|no)\b", re.IGNORECASE),
}


def leading_answer(text: str) -> Answer | None:
    """Yes or no when a sentence starts with one."""
    for answer, pattern in _LEADING_ANSWER.items():
        if pattern.match(text):
            return answer
    return None


def questions_to_ask(emergency_care_blocked: Answer | None) -> list[str]:
    """Slots the triage still needs, given the first answer (yes, or unsure twice: done)."""
    if emergency_care_blocked in (Answer.YES, Answer.UNSURE):
        return [EMERGENCY_CARE_BLOCKED]
    return [EMERGENCY_CARE_BLOCKED, SUBSTANTIALLY_REDUCED]


def classify(
    emergency_care_blocked: Answer | None, substantially_reduced: Answer | None
) -> Severity | None:
    """Severity from the triage answers, or None while an answer is still missing."""
    if emergency_care_blocked is Answer.YES:
        return Severity.A
    if emergency_care_blocked is not Answer.NO:
        return None
    if substantially_reduced is Answer.YES:
        return Severity.B
    if substantially_reduced is Answer.NO:
        return Severity.C
    return None


def decide(
    emergency_care_blocked: Answer | None,
    substantially_reduced: Answer | None,
    described: Severity | None,
) -> Severity | None:
    """A fault the user described outright wins (severity is reset when a triage starts
    and after advice); else the triage's answers decide."""
    if described is not None:
        return described
    return classify(emergency_care_blocked, substantially_reduced)


def settle_tie(first: Severity, second: Severity) -> Severity | None:
    """The class to give when a described fault reads as either of two classes. A and B
    are both phoned in at once, so the likelier of them stands; between ringing (A, B)
    and writing (C) the triage must ask: None."""
    if {first, second} <= {Severity.A, Severity.B}:
        return first
    return None


# "A-FEIL: journalmodulen har kollapsa", "dette er en B-feil, ...": the user names the
# class of the fault she describes (not a question about a class).
_LABEL_FIRST = re.compile(r"^\W*([ABC])[- ]?feil\s*[:!–-]", re.IGNORECASE)
_LABEL_SAID = re.compile(
    r"\b(?:dette er|det er|vi har|har en|har ein|vi har ein)\s+(?:en |ein )?([ABC])[- ]?feil\b"
    r"(?![^.!]*\?)",
    re.IGNORECASE,
)


def labelled_severity(text: str) -> Severity | None:
    """The class a message says its fault has, if it says one."""
    match = _LABEL_FIRST.search(text) or _LABEL_SAID.search(text)
    return Severity(match.group(1).upper()) if match else None
