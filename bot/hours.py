"""Opening hours of the customer centre, in Europe/Oslo time whatever the server's zone.

Office line: weekdays 08:00 (inclusive) to 16:00 (exclusive), except Norwegian public
holidays. On-call line: every other minute of the year. All functions take `now` as an
aware datetime, so tests pass explicit instants instead of freezing the clock.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo

import holidays

from bot.calendar_names import MONTHS, WEEKDAYS
from bot.contacts import CONTACTS, Contacts, PhoneLine


@lru_cache(maxsize=4)
def zone(name: str) -> ZoneInfo:
    """The time zone from the tzdata package pinned in requirements.lock, never from the
    operating system's files: the same rules on every machine, and on one without any."""
    with resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as data:
        return ZoneInfo.from_file(data, key=name)


# Message metadata that fixes the clock, read only under the conversation suite and tests.
CLOCK_METADATA_KEY = "aidn_clock"


def parse_instant(value: object) -> datetime | None:
    """An aware ISO 8601 instant ("2026-11-25T02:30:00+00:00"), or None for anything else."""
    if not isinstance(value, str):
        return None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        return None
    return instant if instant.utcoffset() is not None else None


def local_time(now: datetime, contacts: Contacts = CONTACTS) -> datetime:
    """`now` in the customer centre's zone; naive datetimes are refused, not guessed."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(zone(contacts.timezone))


@lru_cache(maxsize=8)
def _norwegian_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NO", years=year, language="no")


def holiday_named(name: str, year: int) -> date | None:
    """The day in `year` of the public holiday called `name` ("Andre påskedag")."""
    return next(
        (day for day, names in _norwegian_holidays(year).items() if name in names.split("; ")), None
    )


def public_holiday_name(day: date) -> str | None:
    """Name(s) of the Norwegian public holiday on `day` (not plain Sundays), or None."""
    names = _norwegian_holidays(day.year).get_list(day)
    return " og ".join(names) if names else None


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and public_holiday_name(day) is None


def office_is_open(now: datetime, contacts: Contacts = CONTACTS) -> bool:
    local = local_time(now, contacts)
    return (
        is_business_day(local.date())
        and contacts.office_opens <= local.time() < contacts.office_closes
    )


def line_for(now: datetime, contacts: Contacts = CONTACTS) -> PhoneLine:
    """The one phone line that is right at `now` for an A- or B-feil."""
    return contacts.office_line if office_is_open(now, contacts) else contacts.on_call_line


def next_opening(now: datetime, contacts: Contacts = CONTACTS) -> datetime:
    """Start of the next office period strictly after `now` (local time, aware)."""
    local = local_time(now, contacts)
    day = local.date()
    if local.time() >= contacts.office_opens:
        day += timedelta(days=1)
    while not is_business_day(day):
        day += timedelta(days=1)
    naive = datetime.combine(day, contacts.office_opens)
    return naive.replace(tzinfo=zone(contacts.timezone))


def describe_day(day: date, today: date) -> str:
    """'i dag', 'i morgen' or 'mandag 2. januar' (Norwegian, relative to `today`)."""
    if day == today:
        return "i dag"
    if day == today + timedelta(days=1):
        return "i morgen"
    return full_date(day)


def full_date(day: date) -> str:
    """'mandag 2. januar'."""
    return f"{WEEKDAYS[day.weekday()]} {day.day}. {MONTHS[day.month - 1]}"


def describe_next_opening(now: datetime, contacts: Contacts = CONTACTS) -> str:
    """E.g. 'i morgen kl. 08:00' or 'tirsdag 18. mai kl. 08:00'."""
    opening = next_opening(now, contacts)
    when = describe_day(opening.date(), local_time(now, contacts).date())
    return f"{when} kl. {opening:%H:%M}"


def day_closed_reason(day: date) -> str | None:
    """Why the office is closed all of `day` in Norwegian, or None on a business day."""
    holiday = public_holiday_name(day)
    if holiday:
        return f"det er helligdag ({holiday})"
    if day.weekday() >= 5:
        return "det er helg"
    return None


def closed_reason(now: datetime, contacts: Contacts = CONTACTS) -> str | None:
    """Why the office is closed at `now` in Norwegian, or None when it is open."""
    if office_is_open(now, contacts):
        return None
    return day_closed_reason(local_time(now, contacts).date()) or (
        "det er utenfor ordinær åpningstid"
    )
