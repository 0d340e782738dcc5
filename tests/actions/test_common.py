"""The actions' clock: the real one, unless the conversation suite fixes it per message."""

from datetime import datetime, timedelta, timezone

import pytest

from actions.common import utc_now
from tests.conftest import make_tracker

FIXED = "2026-05-17T08:00:00+00:00"


def tracker_with_clock(value: object):
    return make_tracker(
        events=[{"event": "user", "text": "hei", "metadata": {"aidn_clock": value}}]
    )


def is_now(instant: datetime) -> bool:
    return abs(instant - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_production_ignores_a_clock_in_the_metadata(monkeypatch):
    monkeypatch.delenv("AIDN_CLOCK_FROM_METADATA", raising=False)
    assert is_now(utc_now(tracker_with_clock(FIXED)))


def test_the_suite_fixes_the_clock_per_message(monkeypatch):
    monkeypatch.setenv("AIDN_CLOCK_FROM_METADATA", "1")
    assert utc_now(tracker_with_clock(FIXED)) == datetime(2026, 5, 17, 8, 0, tzinfo=timezone.utc)
    assert is_now(utc_now(make_tracker()))  # no metadata: the real clock


@pytest.mark.parametrize("value", ["not a time", "2026-05-17T08:00:00", 42, None])
def test_an_unusable_clock_falls_back_to_the_real_one(monkeypatch, value):
    monkeypatch.setenv("AIDN_CLOCK_FROM_METADATA", "1")
    assert is_now(utc_now(tracker_with_clock(value)))
