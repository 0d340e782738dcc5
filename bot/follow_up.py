"""What a follow-up refers to: answers that depend on what the conversation is about.

The dialogue keeps a small state (`Context`): the topic of the last answer and the
severity class last given. A follow-up ("kan jeg ringe dem nå?", "når får jeg svar da?",
"kan jeg sende e-post i stedet?", "hva er nummeret hennes?") is answered from it. Pure
functions: context and `now` in, the response to send out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from bot import hours
from bot.contacts import CONTACTS, Contacts
from bot.day_mentions import mentioned_day
from bot.replies import (
    CLASS_MENTION,
    Reply,
    closed_values,
    current_line,
    fault_reply,
    mentioned_classes,
    names_another_day,
    opening_hours_reply,
    severity_info_reply,
)
from bot.severity import Severity

# Topics: the route of the last answer that a follow-up can refer to.
FAULT, USAGE, ESCALATION, OPENING_HOURS, SUGGESTION = (
    "fault",
    "usage",
    "escalation",
    "opening_hours",
    "suggestion",
)


@dataclass(frozen=True)
class Context:
    topic: str | None = None
    severity: Severity | None = None  # the class last given, if the topic is a fault


# "klokka halv fire", "kl. 15.30", "kl 9", "klokka ni", "halv ni i dag"
_HOUR_WORDS = {
    "ett": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}  # fmt: skip
_HOUR = rf"\d{{1,2}}|{'|'.join(_HOUR_WORDS)}"
_HALF = re.compile(rf"\bhalv ({'|'.join(_HOUR_WORDS)})\b")
_CLOCK = re.compile(rf"\b(?:kl\.?|klokka|klokken)\s*({_HOUR})\b(?:[.:](\d{{2}}))?")
# Office hours are in the day: "halv fire" means 15:30, "klokka 3" 15:00, "klokka 9" 09:00.
_AFTERNOON_BELOW = 7


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS[word]


def asked_time(text: str) -> time | None:
    """The time of day a question names ("klokka halv fire" -> 15:30), or None."""
    lowered = text.lower()
    half = _HALF.search(lowered)
    if half:
        hour, minute = _hour(half.group(1)) - 1, 30
    else:
        clock = _CLOCK.search(lowered)
        if not clock:
            return None
        hour, minute = _hour(clock.group(1)), int(clock.group(2) or 0)
    if hour < _AFTERNOON_BELOW:
        hour += 12
    return time(hour, minute) if hour < 24 and minute < 60 else None


def can_i_call(asked: str, context: Context, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """A yes or no to "kan jeg ringe …?", for the time, day, class or topic it refers to."""
    at = asked_time(asked)
    if at is not None:
        return call_at(asked, at, now, contacts)
    if names_another_day(asked, now, contacts):  # "på langfredag": that day's lines
        return opening_hours_reply(now, asked, contacts)
    if CLASS_MENTION.search(asked):
        about_class = severity_info_reply(asked, now, contacts)
        if about_class.response != "utter_severity_info":
            return about_class
    if context.topic == ESCALATION:
        return Reply("utter_call_ops_manager")
    if context.topic == FAULT and context.severity is Severity.C:
        return Reply("utter_call_c_no")
    if context.topic == FAULT and context.severity in (Severity.A, Severity.B):
        assert context.severity is not None
        return Reply(
            "utter_severity_ab_is_called",
            {"severity": context.severity.value} | current_line(now, contacts),
        )
    if context.topic in (USAGE, SUGGESTION):
        return Reply("utter_call_usage_no")
    return Reply("utter_call_general", current_line(now, contacts))


def call_at(asked: str, at: time, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """Whether the customer centre answers at `at` on the day asked about (default today)."""
    today = hours.local_time(now, contacts).date()
    day = mentioned_day(asked, today) or today
    instant = datetime.combine(day, at, tzinfo=hours.zone(contacts.timezone))
    when = f"{hours.describe_day(day, today)} kl. {at:%H:%M}"
    values = {"when": when, "When": when[:1].upper() + when[1:]}
    if hours.office_is_open(instant, contacts):
        return Reply("utter_call_at_time_open", values)
    reason = hours.day_closed_reason(day) or "det er utenfor ordinær åpningstid"
    return Reply("utter_call_at_time_closed", values | {"closed_reason": reason})


def written_instead(context: Context, now: datetime, contacts: Contacts = CONTACTS) -> Reply:
    """ "Kan jeg sende e-post i stedet?": yes, except that A and B are phoned in first."""
    if context.topic == FAULT and context.severity in (Severity.A, Severity.B):
        return Reply("utter_written_after_call", current_line(now, contacts))
    return Reply("utter_written_channel")


def response_time(
    context: Context, now: datetime, asked: str = "", contacts: Contacts = CONTACTS
) -> Reply:
    """How fast Aidn answers, for the class named ("og hvis det var en A-feil?") or else
    the class at hand; the page names no SLA times."""
    named = mentioned_classes(asked)
    if len(named) == 1:
        context = Context(FAULT, named[0])
    if context.topic == FAULT and context.severity is Severity.A:
        return Reply("utter_response_time_a")
    if context.topic == FAULT and context.severity is Severity.B:
        return Reply("utter_response_time_b")
    if context.topic in (FAULT, USAGE) and context.severity in (Severity.C, None):
        if hours.office_is_open(now, contacts):
            return Reply("utter_response_time_written_open")
        return Reply("utter_response_time_written_closed", closed_values(now, contacts))
    return Reply("utter_response_time")


# "det var bare meg", "bare jeg som ikke kom inn", "gjelder bare min bruker"
_ONLY_ME = re.compile(r"\bbare (?:meg|jeg|eg|æ|mæ|min bruker|brukeren min|en bruker|én bruker)\b")


@dataclass(frozen=True)
class Regrade:
    """A correction to a less severe fault: what to say, and the class now given."""

    replies: list[Reply]
    severity: Severity


def less_severe(
    text: str,
    context: Context,
    now: datetime,
    sounds_major: bool = False,
    contacts: Contacts = CONTACTS,
) -> Regrade:
    """The user says it is less serious than the class last given: a re-graded class and
    its advice (ring or not) at once. After an A it is B when the correction still
    describes substantially reduced function (`sounds_major`: the classifier ranks B above
    C), else C; only one user locked out is C, with the hint that it is often the user's
    own access."""
    if _ONLY_ME.search(text.lower()):
        severity, intro = Severity.C, "utter_regrade_single_user"
    elif context.severity is Severity.A and sounds_major:
        severity, intro = Severity.B, "utter_regrade_not_a"
    elif context.severity is Severity.A:
        severity, intro = Severity.C, "utter_regrade_not_a"
    else:
        severity, intro = Severity.C, "utter_regrade_to_c"
    return Regrade([Reply(intro), fault_reply(severity, now, contacts)], severity)


# "hvilket nummer ringer jeg nå?", "det er krise": the one number for now, not the list.
_ASKS_ABOUT_NOW = re.compile(r"\b(?:nå|no|akkurat nå|i natt|i kveld|krise|akutt\w*|haster)\b")
_ABOUT_HER = re.compile(r"\b(?:henne|hennes|driftsansvarlig\w*|ivy|lotarev)\b", re.IGNORECASE)


def contact_reply(
    asked: str, context: Context, now: datetime, contacts: Contacts = CONTACTS
) -> Reply:
    """Contact details; "hva er nummeret hennes?" after the escalation answer is hers."""
    if _ABOUT_HER.search(asked) or (
        context.topic == ESCALATION and re.search(r"\b(?:nummer\w*|telefon\w*)\b", asked.lower())
    ):
        return Reply("utter_ops_manager_contact")
    about_a_class = severity_info_reply(asked, now, contacts)
    if about_a_class.response != "utter_severity_info":
        return about_a_class
    after_a_or_b = context.topic == FAULT and context.severity in (Severity.A, Severity.B)
    if after_a_or_b or _ASKS_ABOUT_NOW.search(asked.lower()):  # "hvilket nummer var det?"
        return Reply("utter_contact_now", current_line(now, contacts))
    return Reply("utter_contact_info", current_line(now, contacts))
