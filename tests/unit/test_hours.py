"""The phone line and opening hours at the instants users notice, in Europe/Oslo."""

import time
import zoneinfo
from datetime import datetime, timezone
from importlib import resources

import pytest

from bot.contacts import CONTACTS
from bot.hours import (
    closed_reason,
    describe_next_opening,
    line_for,
    local_time,
    next_opening,
    office_is_open,
    public_holiday_name,
    zone,
)

OSLO = zone("Europe/Oslo")
UTC = timezone.utc
OFFICE, ON_CALL = CONTACTS.office_line, CONTACTS.on_call_line


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (oslo(2026, 11, 24, 7, 59), ON_CALL),  # Tuesday, a minute before opening
        (oslo(2026, 11, 24, 8, 0), OFFICE),  # opening minute is inclusive
        (oslo(2026, 11, 24, 15, 59), OFFICE),
        (oslo(2026, 11, 24, 16, 0), ON_CALL),  # closing minute is exclusive
        (oslo(2026, 11, 24, 3, 0), ON_CALL),  # the night shift
        (oslo(2026, 11, 28, 10, 0), ON_CALL),  # Saturday
        (oslo(2026, 11, 29, 10, 0), ON_CALL),  # Sunday
        (oslo(2029, 5, 17, 10, 0), ON_CALL),  # 17 May on a Thursday
        (oslo(2027, 5, 17, 10, 0), ON_CALL),  # 17 May and Whit Monday on a Monday
        (oslo(2026, 4, 2, 10, 0), ON_CALL),  # Maundy Thursday
        (oslo(2026, 4, 3, 10, 0), ON_CALL),  # Good Friday
        (oslo(2026, 4, 6, 10, 0), ON_CALL),  # Easter Monday
        (oslo(2026, 4, 7, 10, 0), OFFICE),  # the Tuesday after Easter
        (oslo(2026, 5, 14, 10, 0), ON_CALL),  # Ascension Day
        (oslo(2026, 12, 24, 10, 0), OFFICE),  # Christmas Eve is no public holiday
        (oslo(2026, 12, 25, 10, 0), ON_CALL),  # Christmas Day
        (oslo(2026, 12, 28, 10, 0), OFFICE),
        (oslo(2027, 1, 1, 10, 0), ON_CALL),  # New Year's Day
    ],
)
def test_line_for_the_instants_users_notice(now, expected):
    assert line_for(now) == expected


@pytest.mark.parametrize(
    ("utc_instant", "expected"),
    [
        # Before the spring switch (CET, UTC+1): 08:00 Oslo is 07:00 UTC.
        (datetime(2026, 3, 27, 6, 59, tzinfo=UTC), ON_CALL),
        (datetime(2026, 3, 27, 7, 0, tzinfo=UTC), OFFICE),
        # Monday after the spring switch (CEST, UTC+2): 08:00 Oslo is 06:00 UTC.
        (datetime(2026, 3, 30, 5, 59, tzinfo=UTC), ON_CALL),
        (datetime(2026, 3, 30, 6, 0, tzinfo=UTC), OFFICE),
        (datetime(2026, 3, 30, 13, 59, tzinfo=UTC), OFFICE),
        (datetime(2026, 3, 30, 14, 0, tzinfo=UTC), ON_CALL),
        # Friday before the autumn switch (CEST) and Monday after it (CET).
        (datetime(2026, 10, 23, 6, 0, tzinfo=UTC), OFFICE),
        (datetime(2026, 10, 23, 14, 0, tzinfo=UTC), ON_CALL),
        (datetime(2026, 10, 26, 6, 59, tzinfo=UTC), ON_CALL),
        (datetime(2026, 10, 26, 7, 0, tzinfo=UTC), OFFICE),
        (datetime(2026, 10, 26, 14, 59, tzinfo=UTC), OFFICE),
        (datetime(2026, 10, 26, 15, 0, tzinfo=UTC), ON_CALL),
    ],
)
def test_utc_instants_around_daylight_saving_switches(utc_instant, expected):
    assert line_for(utc_instant) == expected


def test_switch_days_themselves_convert_correctly():
    # 2026-03-29 01:00 UTC is 03:00 CEST (02:00-03:00 never happens in Oslo).
    assert local_time(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)).hour == 3
    # 2026-10-25 00:30 and 01:30 UTC are both 02:30 local, once in CEST and once in CET.
    first = local_time(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    second = local_time(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert (first.hour, first.minute, second.hour, second.minute) == (2, 30, 2, 30)
    assert first.utcoffset() != second.utcoffset()
    assert line_for(first) == line_for(second) == ON_CALL  # a Sunday


def test_next_opening_after_the_switch_sunday_is_monday_eight_local():
    spring = next_opening(datetime(2026, 3, 29, 12, 0, tzinfo=UTC))
    autumn = next_opening(datetime(2026, 10, 25, 12, 0, tzinfo=UTC))
    assert spring.astimezone(UTC) == datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    assert autumn.astimezone(UTC) == datetime(2026, 10, 26, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize("server_zone", ["UTC", "America/New_York", "Asia/Tokyo"])
def test_server_time_zone_does_not_matter(server_zone, monkeypatch):
    monkeypatch.setenv("TZ", server_zone)
    time.tzset()
    try:
        instant = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)  # 08:30 in Oslo
        assert line_for(instant) == OFFICE
        assert line_for(instant.astimezone()) == OFFICE  # same instant in server-local time
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        line_for(datetime(2026, 11, 24, 10, 0))


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (oslo(2026, 11, 24, 7, 0), "i dag kl. 08:00"),
        (oslo(2026, 11, 24, 16, 0), "i morgen kl. 08:00"),
        (oslo(2026, 11, 27, 16, 0), "mandag 30. november kl. 08:00"),  # Friday evening
        (oslo(2026, 4, 1, 16, 30), "tirsdag 7. april kl. 08:00"),  # Easter closed
        (oslo(2027, 5, 14, 18, 0), "tirsdag 18. mai kl. 08:00"),  # Friday before 17 May 2027
        (oslo(2026, 12, 31, 20, 0), "mandag 4. januar kl. 08:00"),  # New Year's Day, weekend
    ],
)
def test_describe_next_opening(now, expected):
    assert describe_next_opening(now) == expected


def test_closed_reasons():
    assert closed_reason(oslo(2026, 11, 24, 10, 0)) is None
    assert closed_reason(oslo(2026, 11, 28, 10, 0)) == "det er helg"
    assert closed_reason(oslo(2026, 11, 24, 20, 0)) == "det er utenfor ordinær åpningstid"
    assert closed_reason(oslo(2029, 5, 17, 10, 0)) == "det er helligdag (Grunnlovsdag)"
    assert "Andre påskedag" in closed_reason(oslo(2026, 4, 6, 10, 0))


def test_holiday_names_skip_plain_sundays():
    assert public_holiday_name(oslo(2026, 11, 29).date()) is None
    assert public_holiday_name(oslo(2026, 12, 25).date()) == "Første juledag"
    assert not office_is_open(oslo(2026, 12, 26, 10, 0))  # Saturday and Andre juledag


@pytest.fixture
def os_zone_files_say_oslo_is_utc(tmp_path):
    """Zone files on the machine that are wrong: Europe/Oslo holds UTC's rules."""
    fake = tmp_path / "Europe" / "Oslo"
    fake.parent.mkdir()
    fake.write_bytes(resources.files("tzdata.zoneinfo").joinpath("UTC").read_bytes())
    zoneinfo.reset_tzpath([str(tmp_path)])
    zoneinfo.ZoneInfo.clear_cache()
    zone.cache_clear()
    yield
    zoneinfo.reset_tzpath()
    zoneinfo.ZoneInfo.clear_cache()
    zone.cache_clear()


def test_zone_rules_come_from_the_tzdata_package_not_the_os(os_zone_files_say_oslo_is_utc):
    winter_noon_utc = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert winter_noon_utc.astimezone(zoneinfo.ZoneInfo("Europe/Oslo")).hour == 12  # the fake
    assert local_time(winter_noon_utc).hour == 13  # from tzdata: CET, UTC+1
    assert line_for(datetime(2026, 11, 24, 15, 30, tzinfo=UTC)) == ON_CALL  # 16:30 in Oslo
