"""Which day, period or time of day a Norwegian message asks about: "på lørdag", "i morgen",
"julaften", "24.12"; "i helga", "i påsken", "i jula"; "klokka halv fire".

Bokmål, Nynorsk and common dialect spellings. A day without a year means its next
occurrence on or after `today`. Returns None when the message names no day, or asks
about now or about the past ("er dere åpne nå?", "siden fredag").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.calendar_names import MONTHS as MONTH_NAMES
from bot.calendar_names import WEEKDAYS as WEEKDAY_NAMES
from bot.hours import holiday_named

# Full names, three-letter abbreviations and "sept".
MONTHS = {
    name: number for number, full in enumerate(MONTH_NAMES, 1) for name in (full, full[:3])
} | {"sept": 9}
# Bokmål first, then Nynorsk and dialect spellings.
WEEKDAY_SPELLINGS = [
    ("måndag", "mandan"),
    ("tysdag", "tisdag", "tirsdan"),
    ("onsdan",),
    ("torsdan",),
    ("fredan",),
    ("laurdag", "lørdan"),
    ("sundag", "søndan"),
]
WEEKDAYS = {
    number: "|".join((name, *others))
    for number, (name, others) in enumerate(zip(WEEKDAY_NAMES, WEEKDAY_SPELLINGS, strict=True))
}
Rule = Callable[[int], date | None]  # year -> the day


def holiday(name: str, offset: int = 0) -> Rule:
    """The public holiday of that name (Norwegian, as the `holidays` package names it)."""

    def rule(year: int) -> date | None:
        day = holiday_named(name, year)
        return day + timedelta(days=offset) if day else None

    return rule


# Longer names first: "2. juledag" before "juledag". Eves are no public holidays, so
# only they need a rule of their own.
NAMED_DAYS: list[tuple[str, Rule]] = [
    (r"julaft[ae]n?", lambda y: date(y, 12, 24)),
    (r"nyttårsaft[ae]n?", lambda y: date(y, 12, 31)),
    (r"påskeaft[ae]n?", holiday("Første påskedag", -1)),
    (r"(?:2\.?|andre) ?juledag", holiday("Andre juledag")),
    (r"(?:1\.?|første) ?juledag|juledag", holiday("Første juledag")),
    (r"(?:1\.?|første) ?nyttårsdag|nyttårsdag", holiday("Første nyttårsdag")),
    (r"grunnlovsdag\w*|nasjonaldag\w*", holiday("Grunnlovsdag")),
    (r"arbeidernes dag", holiday("Arbeidernes dag")),
    (r"skjærtorsdag", holiday("Skjærtorsdag")),
    (r"langfredag", holiday("Langfredag")),
    (r"(?:2\.?|andre) ?påskedag", holiday("Andre påskedag")),
    (r"(?:1\.?|første) ?påskedag|påskedag", holiday("Første påskedag")),
    (r"kristi himmelfart\w*", holiday("Kristi himmelfartsdag")),
    (r"(?:2\.?|andre) ?pinsedag", holiday("Andre pinsedag")),
    (r"(?:1\.?|første) ?pinsedag|pinsedag", holiday("Første pinsedag")),
]
RELATIVE = [
    (r"i ?overmorg[eo]n|i ?overmorra", 2),
    (r"i ?morg[eo]n|i ?morra|i ?mårå|i ?moro|i ?mora", 1),
    (r"i ?dag", 0),
]
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\.? ?({MONTH_PATTERN})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})\b(?:[./](\d{2,4})\b)?")
# "kl 9.10", "til 15.05", "24/7", "1/2 time": times and fractions, not dates.
TIME_BEFORE = re.compile(r"\b(?:kl|klokka|klokken|til|fra|etter|før|ca|innen|mellom|rundt)\.?\s*$")
NOT_A_DATE_AFTER = re.compile(r"\s*(?:time|t\b|min)")
_CONTEXT = 12  # characters read on each side of a date-like number
# "er dere åpne nå?" asks about now, whatever else the message mentions; "forrige
# fredag" and "siden fredag" look back. Both get the answer for now.
ABOUT_NOW = re.compile(r"\b(?:nå|no|akkurat nå|forrige|siden|sist)\b")
WEEKEND = r"(?:i|på|over|denne|neste|hele|om) helg(?:a|en|ene)?|helgene|helger|weekend\w*"


def _next(rule: Rule, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            day = rule(year)
        except ValueError:  # e.g. 31.02
            return None
        if day is not None and day >= today:
            return day
    return None


def _explicit_date(text: str, today: date) -> date | None:
    written = WRITTEN_DATE.search(text)
    if written:
        day, month = int(written.group(1)), MONTHS[written.group(2)]
        return _next(lambda y: date(y, month, day), today)
    numeric = next(
        (
            m
            for m in NUMERIC_DATE.finditer(text)
            # A bounded window on each side: linear in the text, however many numbers.
            if not TIME_BEFORE.search(text[max(0, m.start() - _CONTEXT) : m.start()])
            and not NOT_A_DATE_AFTER.match(text[m.end() : m.end() + _CONTEXT])
            and m.group(0) != "24/7"
        ),
        None,
    )
    if numeric and 1 <= int(numeric.group(2)) <= 12:
        day, month = int(numeric.group(1)), int(numeric.group(2))
        if numeric.group(3):
            year = int(numeric.group(3))
            try:
                return date(year + 2000 if year < 100 else year, month, day)
            except ValueError:
                return None
        return _next(lambda y: date(y, month, day), today)
    return None


def mentioned_day(text: str, today: date) -> date | None:
    """The day `text` asks about, or None when it names none."""
    lowered = " ".join(text.lower().split())
    if ABOUT_NOW.search(lowered):
        return None
    for pattern, rule in NAMED_DAYS:
        if re.search(rf"\b(?:{pattern})(?:en|a|n)?\b", lowered):  # "skjærtorsdagen"
            return _next(rule, today)
    explicit = _explicit_date(lowered, today)
    if explicit:
        return explicit
    for pattern, days in RELATIVE:
        if re.search(rf"\b(?:{pattern})\b", lowered):
            return today + timedelta(days=days)
    for weekday, pattern in WEEKDAYS.items():
        if re.search(rf"\b(?:{pattern})(?:er|ene|a|en)?\b", lowered):
            return today + timedelta(days=(weekday - today.weekday()) % 7)
    return None


@dataclass(frozen=True)
class Period:
    name: str  # as in "er dere åpne i {name}?": "helgen", "påsken"
    days: tuple[date, ...]


def _weekend(today: date) -> tuple[date, ...]:
    """The coming weekend, or what is left of this one."""
    if today.weekday() >= 5:
        return tuple(today + timedelta(days=n) for n in range(7 - today.weekday()))
    saturday = today + timedelta(days=5 - today.weekday())
    return (saturday, saturday + timedelta(days=1))


def _span(first: Rule, last: Rule) -> Callable[[date], tuple[date, ...]]:
    """Every day from `first` to `last` of the next such period not yet over."""

    def days(today: date) -> tuple[date, ...]:
        for year in (today.year, today.year + 1):
            start, end = first(year), last(year)
            if start is not None and end is not None and end >= today:
                count = (end - start).days + 1
                return tuple(start + timedelta(days=n) for n in range(count))
        return ()

    return days


PERIODS: list[tuple[str, str, Callable[[date], tuple[date, ...]]]] = [
    (WEEKEND, "helgen", _weekend),
    (
        r"påsk(?:en|a|e)|påskeferie\w*|påskehelg\w*",
        "påsken",
        _span(holiday("Skjærtorsdag"), holiday("Andre påskedag")),
    ),
    (r"romjul\w*", "romjula", _span(lambda y: date(y, 12, 27), lambda y: date(y, 12, 31))),
    (
        r"jul(?:a|en|ehelg\w*|ehøytid\w*|eferie\w*)?",
        "jula",
        _span(lambda y: date(y, 12, 24), lambda y: date(y, 12, 26)),
    ),
    (
        r"pins(?:en|a|e)|pinsehelg\w*",
        "pinsen",
        _span(holiday("Første pinsedag"), holiday("Andre pinsedag")),
    ),
]


def mentioned_period(text: str, today: date) -> Period | None:
    """The period `text` asks about ("i påsken"), or None; days named alone are no period."""
    lowered = " ".join(text.lower().split())
    if ABOUT_NOW.search(lowered):
        return None
    for pattern, name, days in PERIODS:
        if re.search(rf"\b(?:{pattern})\b", lowered):
            found = days(today)
            return Period(name, found) if found else None
    return None


# "klokka halv fire", "kl. 15.30", "kl 9", "klokka ni", "halv ni i dag"
_HOUR_WORDS = {
    "ett": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}  # fmt: skip
_HOUR = rf"\d{{1,2}}|{'|'.join(_HOUR_WORDS)}"
_QUARTER = re.compile(rf"\bkvart (over|på) ({'|'.join(_HOUR_WORDS)})\b")
_HALF = re.compile(rf"\bhalv ({'|'.join(_HOUR_WORDS)})\b")
_CLOCK = re.compile(
    rf"\b(?:kl\.?|klokka|klokken|klokkå)\s*(?:er\s+|blir\s+)?({_HOUR})\b(?:[.:](\d{{2}}))?"
)
# Office hours are in the day: "halv fire" means 15:30, "klokka 3" 15:00, "klokka 9" 09:00,
# unless the part of the day is named: "klokka sju i kveld" 19:00, "klokka tre i natt" 03:00.
_AFTERNOON_BELOW = 7
# A part of the day named without a clock time, as one time within it.
_PART_OF_DAY = re.compile(r"\b(?:i ?|på |om |midt på )(kveld|kvel|natt|natta|natten)\b")
_PART_OF_DAY_TIME = {
    "kveld": time(20),
    "kvel": time(20),
    "natt": time(23),
    "natta": time(23),
    "natten": time(23),
}
_EVENING = re.compile(r"\b(?:kveld\w*|ettermiddag\w*|pm)\b")
_NIGHT_OR_MORNING = re.compile(r"\b(?:natt\w*|morgenen|morgonen|morges|formiddag\w*|am)\b")


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS[word]


def asked_time(text: str) -> time | None:
    """The time of day a question names ("klokka halv fire" -> 15:30), or None."""
    lowered = text.lower()
    half = _HALF.search(lowered)
    quarter = _QUARTER.search(lowered)
    if half:
        hour, minute = _hour(half.group(1)) - 1, 30
    elif quarter:  # "kvart over fire" 4:15, "kvart på fem" 4:45
        hour = _hour(quarter.group(2)) - (quarter.group(1) != "over")
        minute = 15 if quarter.group(1) == "over" else 45
    else:
        clock = _CLOCK.search(lowered)
        if not clock:
            part = _PART_OF_DAY.search(lowered)  # "i kveld", "i natt": always after closing
            return _PART_OF_DAY_TIME[part.group(1)] if part else None
        hour, minute = _hour(clock.group(1)), int(clock.group(2) or 0)
    if _EVENING.search(lowered):
        hour += 12 if hour < 12 else 0
    elif hour < _AFTERNOON_BELOW and not _NIGHT_OR_MORNING.search(lowered):
        hour += 12
    return time(hour, minute) if hour < 24 and minute < 60 else None


# "om fem minutter", "om en halvtime", "om et kvarter", "om 2 timer": a delay from now.
_COUNTS = {
    "ett": 1, "et": 1, "eitt": 1, "ein": 1, "en": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "ti": 10, "femten": 15, "tjue": 20, "tretti": 30, "førti": 40,
}  # fmt: skip
_DELAY = re.compile(
    rf"\bom (\d{{1,3}}|{'|'.join(_COUNTS)}) ?(min|minutt\w*|time|timer|timar|timen)\b"
)
_DELAY_WORDS = {"halvtime": 30, "kvarter": 15}
_DELAY_WORD = re.compile(rf"\bom (?:en|ein|et|eit) ({'|'.join(_DELAY_WORDS)})\b")


def asked_delay(text: str) -> timedelta | None:
    """How far from now a question asks about ("kan jeg ringe om fem minutter?")."""
    lowered = text.lower()
    word = _DELAY_WORD.search(lowered)
    if word:
        return timedelta(minutes=_DELAY_WORDS[word.group(1)])
    delay = _DELAY.search(lowered)
    if not delay:
        return None
    count = int(delay.group(1)) if delay.group(1).isdigit() else _COUNTS[delay.group(1)]
    minutes = count * 60 if delay.group(2).startswith("tim") else count
    return timedelta(minutes=minutes)
