"""Which response to send, with which time-dependent values, for a given instant.

Returns response names from domain.yml and the values for their placeholders; the
contact facts themselves are filled in by the response generator from bot.contacts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot import hours
from bot.contacts import CONTACTS, Contacts
from bot.severity import Severity


@dataclass(frozen=True)
class Reply:
    response: str
    values: dict[str, str] = field(default_factory=dict)


def current_line(now: datetime, contacts: Contacts = CONTACTS) -> dict[str, str]:
    """Placeholder values for the one phone line that is right at `now`."""
    line = hours.line_for(now, contacts)
    return {"line_number": line.number, "line_label": line.label}


def closed_values(now: datetime, contacts: Contacts = CONTACTS) -> dict[str, str]:
    return {
        "closed_reason": hours.closed_reason(now, contacts) or "",
        "next_opening": hours.describe_next_opening(now, contacts),
    }


def fault_reply(severity: Severity | None, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """The advice for a fault of `severity` (None: the user could not tell)."""
    if severity is Severity.A:
        return Reply("utter_fault_a", current_line(now, contacts))
    if severity is Severity.B:
        return Reply("utter_fault_b", current_line(now, contacts))
    if severity is Severity.C:
        if hours.office_is_open(now, contacts):
            return Reply("utter_fault_c_open")
        return Reply("utter_fault_c_closed", closed_values(now, contacts))
    return Reply("utter_fault_unsure", current_line(now, contacts))


def opening_hours_reply(now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    if hours.office_is_open(now, contacts):
        return Reply("utter_opening_hours_open")
    return Reply("utter_opening_hours_closed", closed_values(now, contacts))
