"""The written fault report: since when a fault has lasted, and the contact for follow-up,
read from what a user types in Norwegian. Pure functions: text and `now` in.

The help page asks for every A and B fault in writing after the phone call, and for
every C fault in writing only. The report's questions are answered in free text; these
rules turn the answers into what support can use.

Why not a date-parsing library: dateparser 1.5 (the well-kept one with Norwegian) was
tried on the answers users give. It reads "kl 14" as 14 November, drops the clock time in
"i dag kl. 14", knows neither "i morges", "i natt" nor "siden mandag", and needs pytz and
regex releases newer than Rasa 3.6 allows. The assistant's own readers of days and times
(bot.day_mentions) already know Norwegian, Nynorsk and dialect; these rules look back in
time with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum

from bot import hours
from bot.calendar_names import WEEKDAYS
from bot.contacts import CONTACTS, Contacts
from bot.day_mentions import WEEKDAY_SPELLINGS, asked_time
from bot.suggestions import normalise_email
from bot.symptoms import describes_symptom


@dataclass(frozen=True)
class Since:
    """When a fault began, as precisely as the user said it."""

    start: datetime  # Europe/Oslo
    precision: str  # "minute", "part_of_day" or "day"

    def describe(self, now: datetime, contacts: Contacts = CONTACTS) -> str:
        """ "i dag kl. 14:00", "i går (onsdag 25. november)", "i dag tidlig"."""
        local = hours.local_time(self.start, contacts)
        today = hours.local_time(now, contacts).date()
        day = hours.describe_day(local.date(), today)
        if local.date() == today - timedelta(days=1):
            day = f"i går ({day})"
        if self.precision == "minute":
            return f"{day} kl. {local:%H:%M}"
        if self.precision == "part_of_day":
            return f"{day}, {_PART_NAMES[local.hour]}"
        return day


# Parts of a day said without a clock time: the time they stand for, and its name.
_PARTS = {
    "i morges": time(7),
    "i morgest": time(7),
    "i morgon tidleg": time(7),
    "i formiddag": time(10),
    "i ettermiddag": time(14),
    "i kveld": time(19),
    "i natt": time(2),
    "i natta": time(2),
}
_PART_NAMES = {
    7: "om morgenen",
    10: "på formiddagen",
    14: "på ettermiddagen",
    19: "om kvelden",
    2: "om natten",
}
_PART = re.compile(r"\b(" + "|".join(sorted(_PARTS, key=len, reverse=True)) + r")\b")
# "for en time siden", "for 20 min sidan", "en times tid", "en halvtime", "et par timer"
_AGO = re.compile(
    r"\b(?:for\s+)?(\d{1,3}|en|ein|ei|et|eit|to|tre|fire|fem|ti|tjue|tretti|et par|eit par)"
    r"\s*(min\w*|time\w*|timar|t)\b(?:\s+(?:siden|sidan|tid))?"
)
_HALF_HOUR = re.compile(r"\b(?:en|ein)\s+halv\s*time\b|\bhalvtime\b")
_COUNTS = {
    "en": 1, "ein": 1, "ei": 1, "et": 1, "eit": 1, "et par": 2, "eit par": 2, "to": 2,
    "tre": 3, "fire": 4, "fem": 5, "ti": 10, "tjue": 20, "tretti": 30,
}  # fmt: skip
_DAYS_BACK = {"i går": 1, "i gar": 1, "igår": 1, "i forgårs": 2, "i forgars": 2}
_DAY_BACK = re.compile(r"\b(" + "|".join(_DAYS_BACK) + r")\b")
_WEEKDAY_NAMES = {
    number: (name, *others)
    for number, (name, others) in enumerate(zip(WEEKDAYS, WEEKDAY_SPELLINGS, strict=True))
}
_CLOCK_SAID = re.compile(r"\b(?:kl|klokka|klokken|klokkå|halv|kvart)\b|\b\d{1,2}[:.]\d{2}\b")
_NOW_WORDS = re.compile(r"\b(?:akkurat nå|nettopp|akkurat no|nyss)\b")


def parse_since(text: str, now: datetime, contacts: Contacts = CONTACTS) -> Since | None:
    """When a fault began, from "i dag kl. 14", "siden i går", "fra i morges", "en times
    tid", "siden mandag", "for 20 minutter siden"; None when the text names no time."""
    lowered = " ".join(text.lower().split())
    local_now = hours.local_time(now, contacts)
    zone = local_now.tzinfo
    if _NOW_WORDS.search(lowered):
        return Since(local_now.replace(second=0, microsecond=0), "minute")
    if _HALF_HOUR.search(lowered):
        return Since((local_now - timedelta(minutes=30)).replace(second=0, microsecond=0), "minute")
    ago = _AGO.search(lowered)
    if ago and ("siden" in lowered or "sidan" in lowered or "tid" in lowered):
        count = int(ago.group(1)) if ago.group(1).isdigit() else _COUNTS[ago.group(1)]
        unit = timedelta(minutes=1) if ago.group(2).startswith("min") else timedelta(hours=1)
        return Since((local_now - count * unit).replace(second=0, microsecond=0), "minute")
    day = _day_back(lowered, local_now.date())
    clock = _clock_said(lowered)
    if clock is not None:
        return Since(_latest_start(clock, lowered, day, local_now), "minute")
    part = _PART.search(lowered)
    if part:
        start = datetime.combine(day or local_now.date(), _PARTS[part.group(1)], tzinfo=zone)
        if start > local_now:  # "i natt" asked in the evening: the night before
            start -= timedelta(days=1)
        return Since(start, "part_of_day")
    if day is not None:
        return Since(datetime.combine(day, time(0), tzinfo=zone), "day")
    return None


_HH_MM = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
# An hour no twelve-hour reading can mean ("kl 14", "13:30", "01:30" with its zero).
_TWENTY_FOUR_HOUR = re.compile(r"\b(?:1[3-9]|2[0-3]|0\d)(?:[:.][0-5]\d)?\b")


def _clock_said(lowered: str) -> time | None:
    """ "01:30", "siden kl 2", "kvart over ti": the clock time a text names."""
    if hh_mm := _HH_MM.search(lowered):
        return time(int(hh_mm.group(1)), int(hh_mm.group(2)))
    return asked_time(lowered) if _CLOCK_SAID.search(lowered) else None


def _latest_start(clock: time, lowered: str, day: date | None, local_now: datetime) -> datetime:
    """The latest moment not after now that the clock time can mean: "siden kl 2" at 03:00
    is 02:00 today, "sidan kvart over ti" at 02:40 is 22:15 last night (a twelve-hour
    clock either way, unless the text says 13-23 or a leading zero). An earlier day named
    keeps the hour as said ("i går kl 10": yesterday 10:00)."""
    today = local_now.date()
    hours_meant = {clock.hour}
    if day in (None, today) and not _TWENTY_FOUR_HOUR.search(lowered):
        hours_meant |= {clock.hour % 12, clock.hour % 12 + 12}
    days = [day] if day is not None else [today, today - timedelta(days=1)]
    starts = sorted(
        datetime.combine(d, time(hour, clock.minute), tzinfo=local_now.tzinfo)
        for d in days
        for hour in hours_meant
    )
    past = [start for start in starts if start <= local_now]
    return past[-1] if past else starts[0]


def _day_back(lowered: str, today: date) -> date | None:
    """The day before today a text names: "i går", "i forgårs", a weekday (its last one)."""
    back = _DAY_BACK.search(lowered)
    if back:
        return today - timedelta(days=_DAYS_BACK[back.group(1)])
    if re.search(r"\bi dag\b", lowered):
        return today
    for number, names in _WEEKDAY_NAMES.items():
        if re.search(r"\b(?:" + "|".join(names) + r")(?:en|a)?\b", lowered):
            return today - timedelta(days=(today.weekday() - number) % 7)
    return None


# A Norwegian phone number: eight digits, optionally +47 / 0047, spaces or dots between.
_PHONE = re.compile(r"(?<!\d)(?:(?:\+|00)47[\s.-]?)?((?:\d[\s.-]?){7}\d)(?!\d)")


def normalise_contact(text: str) -> str | None:
    """An e-mail address in lower case, or a phone number as +47 and four pairs of digits,
    from the answer to "how can support reach you?"; None when it holds neither."""
    email = normalise_email(text)
    if email is not None:
        return email
    phone = _PHONE.search(text)
    if phone is None:
        return None
    digits = re.sub(r"\D", "", phone.group(1))
    if digits[0] not in "2345679":  # Norwegian numbers start 2-7 or 9 (8: special services)
        return None
    return "+47 " + " ".join(digits[i : i + 2] for i in range(0, 8, 2))


@dataclass(frozen=True)
class Report:
    """A written fault report as support receives it (identity numbers already removed)."""

    severity: str  # "A", "B" or "C"
    reasoning: str  # which answers or which description led to the class
    what: str
    since: str | None  # as understood ("i dag kl. 14:00"), or as typed when not understood
    affected: str | None
    called: bool | None  # for A and B: phoned in already?
    contact: str
    channel: str  # widget, REST, Slack, Teams
    sender_id: str
    created_at: datetime


_CHANNEL_NAMES = {"socketio": "hjelpewidgeten", "rest": "REST", "slack": "Slack", "teams": "Teams"}


def channel_name(input_channel: str | None) -> str:
    return _CHANNEL_NAMES.get(input_channel or "", input_channel or "ukjent")


def email_text(report: Report, contacts: Contacts = CONTACTS) -> tuple[str, str]:
    """Subject and body of the e-mail to support, in Norwegian."""
    local = hours.local_time(report.created_at, contacts)
    what = " ".join(report.what.split())
    subject = f"[Aidn hjelpeassistent] {report.severity}-feil: {what[:60]}"
    called = {True: "ja", False: "nei", None: "ikke spurt (C-feil)"}[report.called]
    body = "\n".join(
        [
            f"Skriftlig feilmelding fra Aidns hjelpeassistent ({report.channel}).",
            "",
            f"Alvorlighetsgrad: {report.severity}-feil",
            f"Hvorfor: {report.reasoning}",
            f"Meldt: {local:%d.%m.%Y kl. %H:%M} (Europe/Oslo)",
            "",
            f"Hva skjer: {what}",
            f"Siden: {report.since or 'ikke oppgitt'}",
            f"Berørt: {report.affected or 'ikke oppgitt'}",
            f"Ringt inn: {called}",
            f"Kontakt for oppfølging: {report.contact}",
            "",
            f"Samtale-id: {report.sender_id}",
        ]
    )
    return subject, body


# The report's questions, in the order the form asks them; SKIPPED marks an optional one
# the user declined.
WHAT, SINCE, AFFECTED, CALLED, CONTACT, CONFIRMED = (
    "report_what",
    "report_since",
    "report_affected",
    "report_called",
    "report_contact",
    "report_confirmed",
)
QUESTIONS = (WHAT, SINCE, AFFECTED, CALLED, CONTACT)
OPTIONAL = (SINCE, AFFECTED, CONTACT)
SKIPPED = "-"
GIVEN_UP = "avbrutt"  # the summary's answer when the user gives the report up
MIN_DESCRIPTION = 5

_SKIP = re.compile(
    r"^\W*(?:hopp over|hopp|skip|vet ikke|veit ikkje|veit ikke|vet ikkje|aner ikke|usikker"
    r"|nei takk|ingen|nei|-)\W*$"
)
# In a short answer: "vil ikke oppgi det", "trenger ikke", "helst ikke".
_DECLINE = re.compile(
    r"\b(?:hopp over|vil ikke|vil ikkje|trenger ikke|treng ikkje|ønsker ikke|ønskjer ikkje"
    r"|helst ikke|helst ikkje|ikke nødvendig|ikkje naudsynt|ikke oppgi|vet ikke|veit ikkje)\b"
)
_DECLINE_MAX_WORDS = 5


# "stopp, dropper det. sender på e-post i stedet": the whole report given up, not one
# question ("nettet dropper ut" describes a fault; "dropper det" gives up).
_GIVES_UP = re.compile(
    r"^\W*(?:stopp|avbryt\w*|nei,? avbryt\w*)\b"
    r"|\b(?:glem det|glem hele\w*|dropp\w* (?:det|hele|rapporten|tilbakemeldingen)"
    r"|gidder ikke|gidd ikkje|orker ikke|orkar ikkje|drit i det|ikke likevel|ikkje likevel"
    r"|la vær\w*|avbryt\w* (?:rapporten|tilbakemeldingen|det))\b"
)
_GIVES_UP_MAX_WORDS = 10


def gives_up(text: str) -> bool:
    """ "stopp, dropper det", "glem det, vi ringer heller": the report is given up."""
    words = " ".join(text.lower().split())
    return len(words.split()) <= _GIVES_UP_MAX_WORDS and bool(_GIVES_UP.search(words))


# "hvorfor trenger dere det?", "hva mener du med det?": a question back, not an answer.
_ASKS_BACK = re.compile(
    r"^\W*(?:(?:og|men|eh|hm+)\W+)?(?:hvorfor|korfor|kvifor|hva mener|kva meiner|ka meine"
    r"|hva betyr|kva betyr|hvordan mener|må jeg|må eg|trenger dere|treng de|skal jeg svare)\b"
)


def asks_back(text: str) -> bool:
    """A question about the question asked ("hvorfor trenger dere det?")."""
    lowered = " ".join(text.lower().split())
    return "?" in lowered and bool(_ASKS_BACK.search(lowered))


def declines(text: str) -> bool:
    """ "hopp over", "vet ikke", "vil ikke oppgi det": no answer to an optional question."""
    words = " ".join(text.lower().split())
    if _SKIP.match(words):
        return True
    short = len(words.split()) <= _DECLINE_MAX_WORDS and not re.search(r"[@\d]", words)
    return short and bool(_DECLINE.search(words))


# What the user wants to change in the summary: "endre e-posten", "feil tidspunkt".
_FIELDS = {
    WHAT: r"beskriv\w*|hva (?:som )?skjer|teksten|feilen",
    SINCE: r"siden|sidan|tid(?:spunkt)?\w*|når|klokke\w*|dato",
    AFFECTED: r"berørt\w*|hvor mange|enhet\w*|avdeling\w*|kommune\w*|brukere",
    CALLED: r"ring\w*",
    CONTACT: r"e-?post\w*|epost\w*|mail\w*|telefon\w*|nummer\w*|kontakt\w*",
}


def field_to_change(text: str) -> str | None:
    """Which answer a reply to the summary asks to change, if it names one."""
    lowered = text.lower()
    for field, words in _FIELDS.items():
        if re.search(rf"\b(?:{words})\b", lowered):
            return field
    return None


# "endre berørt: hele kommunen", "endre berørt til hele kommunen", "… det gjelder hele
# kommunen": the new answer given with the change.
_NEW_VALUE = re.compile(
    r":\s*(?P<after_colon>.+)$"
    r"|\b(?:til|det gjelder|det gjeld|skal være|skal vere|rettere sagt)\s+(?P<after_word>.+)$",
    re.IGNORECASE,
)
_MIN_NEW_VALUE = 3


def new_value(text: str) -> str | None:
    """The new answer in a change asked for at the summary, or None when only the field is
    named ("endre berørt")."""
    match = _NEW_VALUE.search(" ".join(text.split()))
    value = (match.group("after_colon") or match.group("after_word")).strip() if match else ""
    return value if len(value) >= _MIN_NEW_VALUE else None


_SEND = re.compile(r"^\W*(?:send\w*|ja|jepp|ok|greit|stemmer|riktig|det stemmer|yes)\b")


def confirms(text: str) -> bool:
    return bool(_SEND.match(text.lower()))


def summary_lines(answers: dict[str, str | None], severity: str) -> list[str]:
    """The report as the user sees it before sending: one line a field."""

    def shown(field: str) -> str:
        value = answers.get(field)
        return "ikke oppgitt" if value in (None, SKIPPED) else str(value)

    lines = [
        f"• Alvorlighetsgrad: {severity}-feil",
        f"• Hva skjer: {shown(WHAT)}",
        f"• Siden: {shown(SINCE)}",
        f"• Berørt: {shown(AFFECTED)}",
    ]
    if severity in ("A", "B"):
        lines.append(f"• Ringt inn: {shown(CALLED)}")
    lines.append(f"• Kontakt: {shown(CONTACT)}")
    return lines


class OfferAnswer(Enum):
    """The user's answer to "Vil du at jeg tar den skriftlige tilbakemeldingen her?"."""

    ACCEPT = "accept"
    DECLINE = "decline"


_OFFER_ACCEPT = re.compile(
    r"^\W*(?:ja|jepp|jo|gjerne|yes|sure|kjør på|gjør det|skriv)\b"
    r"|\b(?:ta (?:imot )?(?:den|det|rapporten|tilbakemeldingen)|fyll\w* (?:den |det )?ut"
    r"|kjør på|skriv (?:den|det|rapporten)|la oss (?:gjøre|ta|fylle) det|høres (?:bra|fint) ut)\b"
    # "ok", "greit da", "flott!": the whole message, so "ok, jeg ringer" is not a yes.
    r"|^\W*(?:ok|okei|oki|okay|greit|fint|flott|supert|topp|absolutt|javisst|gjer(?:n)?e)"
    r"(?: (?:da|det|det da))?\W*$"
)
_OFFER_DECLINE = re.compile(
    r"^\W*(?:nei|nope|no thanks|ellers takk|trenger ikke|treng ikkje|ikke nå|ikkje no)\b"
    r"|\b(?:nei takk|trenger ikke|treng ikkje|ingen rapport|ikke (?:her|nå|no)"
    r"|(?:sender|send|skriver|skriv|tar|melder) (?:\w+ )?(?:selv|sjølv)"
    r"|(?:e-?post|epost|mail|e-mail)\w* (?:etterpå|selv|sjølv|i stedet|i staden))\b"
    r"|\b(?:sender|sende|send|skriver|skriv|tar) (?:\w+ )?(?:en |ein )?(?:e-?post|epost|mail)\b"
)
# "nei, jeg mente nei", "feil knapp", "det var bare meg": a correction of the fault.
_CORRECTS = re.compile(
    r"\b(?:feil|mente|meinte|trykket|trykte|ikke så|ikkje så|bare meg|berre eg)\b"
)
_ABOUT_THE_REPORT = re.compile(
    r"\b(?:skriv\w*|rapport\w*|tilbakemelding\w*|meld\w*|report|e-?post\w*|epost|mail\w*"
    r"|fyll\w*)\b"
)


def corrects(text: str) -> bool:
    """ "nei feil, jeg mente nei", "det var bare meg": takes the verdict back."""
    return bool(_CORRECTS.search(text.lower()))


def about_the_report(text: str) -> bool:
    """ "ja, skriv rapporten, e-meldingene står fast": about the written report."""
    return bool(_ABOUT_THE_REPORT.search(text.lower()))


_OFFER_ANSWER_MAX_WORDS = 14


def answer_to_offer(text: str) -> OfferAnswer | None:
    """ "kjør på", "ja takk, ta imot den her" accept; "nei takk, vi sender en mail
    etterpå" declines. None for anything else (a question, a correction, more about the
    fault), which is then read as usual."""
    lowered = " ".join(text.lower().split())
    if not lowered or "?" in lowered or len(lowered.split()) > _OFFER_ANSWER_MAX_WORDS:
        return None
    if corrects(lowered):
        return None
    if describes_symptom(lowered) and not about_the_report(lowered):
        return None  # "ja, alt er vesentlig tregere enn vanlig": about the fault
    if _OFFER_DECLINE.search(lowered):
        return OfferAnswer.DECLINE
    if _OFFER_ACCEPT.search(lowered):
        return OfferAnswer.ACCEPT
    return None
