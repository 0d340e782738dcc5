"""Which day a Norwegian message asks about: "på lørdag", "i morgen", "julaften", "24.12".

Bokmål, Nynorsk and common dialect spellings. A day without a year means its next
occurrence on or after `today`. Returns None when the message names no day, or asks
about now or about the past ("er dere åpne nå?", "siden fredag").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from dateutil.easter import easter

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "desember": 12, "des": 12,
}
WEEKDAYS = {
    0: r"mandag|måndag|mandan", 1: r"tirsdag|tysdag|tisdag|tirsdan", 2: r"onsdag|onsdan",
    3: r"torsdag|torsdan", 4: r"fredag|fredan", 5: r"lørdag|laurdag|lørdan",
    6: r"søndag|sundag|søndan",
}
Rule = Callable[[int], date]  # year -> the day
# Longer names first: "2. juledag" before "juledag".
NAMED_DAYS: list[tuple[str, Rule]] = [
    (r"julaft[ae]n?", lambda y: date(y, 12, 24)),
    (r"(?:2\.?|andre) ?juledag", lambda y: date(y, 12, 26)),
    (r"(?:1\.?|første) ?juledag|juledag", lambda y: date(y, 12, 25)),
    (r"nyttårsaft[ae]n?", lambda y: date(y, 12, 31)),
    (r"(?:1\.?|første) ?nyttårsdag|nyttårsdag", lambda y: date(y, 1, 1)),
    (r"grunnlovsdag\w*|nasjonaldag\w*", lambda y: date(y, 5, 17)),
    (r"skjærtorsdag", lambda y: easter(y) - timedelta(days=3)),
    (r"langfredag", lambda y: easter(y) - timedelta(days=2)),
    (r"påskeaft[ae]n?", lambda y: easter(y) - timedelta(days=1)),
    (r"(?:2\.?|andre) ?påskedag", lambda y: easter(y) + timedelta(days=1)),
    (r"(?:1\.?|første) ?påskedag|påskedag", lambda y: easter(y)),
    (r"kristi himmelfart\w*", lambda y: easter(y) + timedelta(days=39)),
    (r"(?:2\.?|andre) ?pinsedag", lambda y: easter(y) + timedelta(days=50)),
    (r"(?:1\.?|første) ?pinsedag|pinsedag", lambda y: easter(y) + timedelta(days=49)),
]
RELATIVE = [
    (r"i ?overmorg[eo]n|i ?overmorra", 2),
    (r"i ?morg[eo]n|i ?morra|i ?mårå|i ?moro|i ?mora", 1),
    (r"i ?dag", 0),
]
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}})\.? ?({MONTH_NAMES})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})\b(?:[./](\d{2,4})\b)?")
# "kl 9.10", "til 15.05", "24/7", "1/2 time": times and fractions, not dates.
TIME_BEFORE = re.compile(r"\b(?:kl|klokka|klokken|til|fra|etter|før|ca|innen|mellom|rundt)\.?\s*$")
NOT_A_DATE_AFTER = re.compile(r"^\s*(?:time|t\b|min)")
# "er dere åpne nå?" asks about now, whatever else the message mentions; "forrige
# fredag" and "siden fredag" look back. Both get the answer for now.
ABOUT_NOW = re.compile(r"\b(?:nå|no|akkurat nå|forrige|siden|sist)\b")
WEEKEND = re.compile(r"\b(?:(?:i|på|over|denne|neste|hele) helg(?:a|en|ene)?|helgene|helger)\b")


def _next(rule: Rule, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            day = rule(year)
        except ValueError:  # e.g. 31.02
            return None
        if day >= today:
            return day
    return None


def _explicit_date(text: str, today: date) -> date | None:
    written = WRITTEN_DATE.search(text)
    if written:
        day, month = int(written.group(1)), MONTHS[written.group(2)]
        return _next(lambda y: date(y, month, day), today)
    numeric = next((m for m in NUMERIC_DATE.finditer(text)
                    if not TIME_BEFORE.search(text[:m.start()])
                    and not NOT_A_DATE_AFTER.search(text[m.end():])
                    and m.group(0) != "24/7"), None)
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
        if re.search(rf"\b(?:{pattern})\b", lowered):
            return _next(rule, today)
    explicit = _explicit_date(lowered, today)
    if explicit:
        return explicit
    for pattern, days in RELATIVE:
        if re.search(rf"\b(?:{pattern})\b", lowered):
            return today + timedelta(days=days)
    if WEEKEND.search(lowered):  # the weekend: today if it is Sunday
        return today if today.weekday() == 6 else today + timedelta(days=(5 - today.weekday()) % 7)
    for weekday, pattern in WEEKDAYS.items():
        if re.search(rf"\b(?:{pattern})(?:er|ene|a|en)?\b", lowered):
            return today + timedelta(days=(weekday - today.weekday()) % 7)
    return None
