"""Which response to send, with which time-dependent values, for a given instant.

Returns response names from domain.yml and the values for their placeholders; the
contact facts themselves are filled in by the response generator from bot.contacts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from bot import hours
from bot.contacts import CONTACTS, Contacts
from bot.day_mentions import (
    Period,
    asked_delay,
    asked_time,
    mentioned_day,
    mentioned_period,
)
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


# Business days by the rules, but many close early; the help page says nothing about them.
EVES_THE_PAGE_IS_SILENT_ON = {(12, 24): "julaften", (12, 31): "nyttårsaften"}


def day_status(day: date, contacts: Contacts = CONTACTS) -> str:
    """One line of a period's opening hours: 'Torsdag 2. april: stengt (Skjærtorsdag)'."""
    described = hours.full_date(day)
    if (day.month, day.day) in EVES_THE_PAGE_IS_SILENT_ON:
        status = "hjelpesiden oppgir ikke egne åpningstider"
    elif (holiday := hours.public_holiday_name(day)) is not None:
        status = f"stengt ({holiday})"
    elif day.weekday() >= 5:
        status = "stengt (helg)"
    else:
        status = f"åpent {contacts.office_day_hours}"
    return f"• {described[:1].upper()}{described[1:]}: {status}"


def period_reply(period: Period, contacts: Contacts = CONTACTS) -> Reply:
    """Day by day, for "er dere åpne i påsken / i helga?"."""
    values = {
        "period": f"I {period.name}",
        "days": "\n".join(day_status(day, contacts) for day in period.days),
    }
    if all(hours.day_closed_reason(day) for day in period.days):
        return Reply("utter_opening_hours_period_closed", values)
    return Reply("utter_opening_hours_period", values)


def names_another_day(asked: str, now: datetime, contacts: Contacts = CONTACTS) -> bool:
    """True when the question is about a day or period other than today ("på lørdag")."""
    today = hours.local_time(now, contacts).date()
    day = mentioned_day(asked, today)
    return (day is not None and day != today) or mentioned_period(asked, today) is not None


def asked_instant(asked: str, now: datetime, contacts: Contacts = CONTACTS) -> datetime | None:
    """The moment a question names: a time of day ("klokka halv fire", on the day it
    names, default today) or a delay ("om fem minutter"); None when it names neither."""
    at = asked_time(asked)
    if at is not None:
        today = hours.local_time(now, contacts).date()
        day = mentioned_day(asked, today) or today
        return datetime.combine(day, at, tzinfo=hours.zone(contacts.timezone))
    delay = asked_delay(asked)
    return now + delay if delay is not None else None


def when_values(instant: datetime, now: datetime, contacts: Contacts = CONTACTS) -> dict[str, str]:
    """ "i dag kl. 16:04" and its capitalised form, for {when} and {When}."""
    local, today = hours.local_time(instant, contacts), hours.local_time(now, contacts).date()
    when = f"{hours.describe_day(local.date(), today)} kl. {local:%H:%M}"
    return {"when": when, "When": when[:1].upper() + when[1:]}


def call_at(instant: datetime, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """Whether the customer centre answers at `instant`."""
    values = when_values(instant, now, contacts)
    if hours.office_is_open(instant, contacts):
        return Reply("utter_call_at_time_open", values)
    day = hours.local_time(instant, contacts).date()
    reason = hours.day_closed_reason(day) or "det er utenfor ordinær åpningstid"
    return Reply("utter_call_at_time_closed", values | {"closed_reason": reason})


def day_asked(asked: str, now: datetime, contacts: Contacts = CONTACTS) -> date | None:
    """The day other than today that a question names ("hva med mandag?"), if any."""
    today = hours.local_time(now, contacts).date()
    day = mentioned_day(asked, today)
    return day if day != today else None


def moment_asked(asked: str, now: datetime, contacts: Contacts = CONTACTS) -> str | None:
    """What a question asked about, for the next question ("kan jeg ringe da?"): the
    instant it names as local ISO time ("2026-11-30T08:00"), another day as an ISO date,
    or None."""
    instant = asked_instant(asked, now, contacts)
    if instant is not None:
        return hours.local_time(instant, contacts).replace(tzinfo=None).isoformat("T", "minutes")
    day = day_asked(asked, now, contacts)
    return day.isoformat() if day else None


def day_reply(day: date, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """The opening hours of `day`, and which line answers A- and B-feil then."""
    described = hours.describe_day(day, hours.local_time(now, contacts).date())
    values = {"day": described[:1].upper() + described[1:]}
    reason = hours.day_closed_reason(day)
    if reason is None and (day.month, day.day) in EVES_THE_PAGE_IS_SILENT_ON:
        eve = EVES_THE_PAGE_IS_SILENT_ON[(day.month, day.day)]
        return Reply("utter_opening_hours_day_not_on_page", values | {"day_name": eve})
    if reason is None:
        return Reply("utter_opening_hours_day_open", values)
    return Reply("utter_opening_hours_day_closed", values | {"closed_reason": reason})


def opening_hours_reply(now: datetime, asked: str = "", contacts: Contacts = CONTACTS) -> Reply:
    """Open now or not; for the time, day or period the question `asked` names, if another."""
    instant = asked_instant(asked, now, contacts)  # "er dere åpne klokka ni i morgen?"
    if instant is not None:
        return call_at(instant, now, contacts)
    today = hours.local_time(now, contacts).date()
    day = mentioned_day(asked, today)
    period = mentioned_period(asked, today) if day is None else None
    if period is not None:
        return period_reply(period, contacts)
    if day is not None and day != today:
        return day_reply(day, now, contacts)
    if hours.office_is_open(now, contacts):
        return Reply("utter_opening_hours_open")
    return Reply("utter_opening_hours_closed", closed_values(now, contacts))


# "C-feil", "b feil", "A- og B-feil", "a, b eller c-feil" (at most three letters: a
# bounded pattern, linear in the text however it repeats)
CLASS_MENTION = re.compile(
    r"\b((?:[abc]-?[ \t]{0,3}(?:,|og|eller)[ \t]{0,3}){0,2}[abc])[- ]?feil", re.IGNORECASE
)
# "a C error", "B-fault": English, with a capital letter after a word or with a hyphen
# ("a fault", "A fault in …" name no class).
_ENGLISH_CLASS = re.compile(
    r"(?:(?<=\w )((?-i:[ABC])) |\b([abc])-)(?:error|fault|issue)s?\b", re.IGNORECASE
)
# "og B?", "enn C da?": a message that is only a class letter (not a lower-case "a").
_BARE_CLASS = re.compile(
    r"^\W*(?:(?:og|enn|men|hva med|kva med)\s+)?(?:for\s+)?([ABCbc])\s*(?:da|då)?\W*$"
)
ABOUT_CALLING = re.compile(r"\b(?:ring\w*|telefonnummer\w*|nummer\w*|på telefon)\b", re.IGNORECASE)


def mentioned_classes(text: str) -> list[Severity]:
    """The severity classes a message names, in A-B-C order ("A- og B-feil": A, B)."""
    letters = {
        letter.upper()
        for group in CLASS_MENTION.findall(text)
        for letter in re.findall(r"[abc]", group, re.IGNORECASE)
    } | {letter.upper() for pair in _ENGLISH_CLASS.findall(text) for letter in pair if letter}
    letters |= {letter.upper() for letter in _BARE_CLASS.findall(text.strip())}
    return [severity for severity in Severity if severity.value in letters]


def severity_info_reply(
    asked: str, now: datetime, contacts: Contacts = CONTACTS, about_calling: bool = False
) -> Reply:
    """A straight answer to "kan jeg ringe om en C-feil?" (or to "men om det er en A-feil?"
    right after the opening hours: `about_calling`); other questions get the classes."""
    classes = {severity.value for severity in mentioned_classes(asked)}
    if not classes or not (about_calling or ABOUT_CALLING.search(asked)):
        return Reply("utter_severity_info")
    if classes == {"C"}:
        return Reply("utter_severity_c_is_written")
    if classes <= {"A", "B"} and names_another_day(asked, now, contacts):
        return opening_hours_reply(now, asked, contacts)  # that day's line, not today's
    if classes <= {"A", "B"}:
        severity = "A- og B" if classes == {"A", "B"} else classes.pop()
        return Reply(
            "utter_severity_ab_is_called", {"severity": severity} | current_line(now, contacts)
        )
    return Reply("utter_severity_info")  # C together with A or B: the whole picture
