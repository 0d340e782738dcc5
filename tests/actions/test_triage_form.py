"""Triage form validation: answers become a severity; "usikker" gets help once."""

from datetime import datetime, timezone

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.triage_form import ValidateTriageForm
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

NIGHT = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def night(monkeypatch):
    monkeypatch.setattr("actions.triage_form.utc_now", lambda: NIGHT)


def validate(slot, value, slots=None):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots or {})
    result = getattr(ValidateTriageForm(), f"validate_{slot}")(value, dispatcher, tracker, {})
    return result, dispatcher.messages


def test_yes_to_emergency_care_blocked_is_a():
    assert validate("emergency_care_blocked", "ja") == (
        {"emergency_care_blocked": "ja", "severity": "A"}, [],
    )


def test_no_then_yes_is_b_and_no_then_no_is_c():
    assert validate("emergency_care_blocked", "nei") == ({"emergency_care_blocked": "nei"}, [])
    assert validate("substantially_reduced", "ja") == (
        {"substantially_reduced": "ja", "severity": "B"}, [],
    )
    assert validate("substantially_reduced", "nei") == (
        {"substantially_reduced": "nei", "severity": "C"}, [],
    )


def test_first_unsure_gets_help_with_the_line_for_now_and_the_question_again():
    result, messages = validate("emergency_care_blocked", "usikker")
    assert result == {"emergency_care_blocked": None, "triage_unsure_count": 1}
    assert [m["response"] for m in messages] == ["utter_triage_unsure_help"]
    assert messages[0]["line_number"] == CONTACTS.on_call_line.number


def test_second_unsure_ends_the_triage_with_contact_advice():
    result, messages = validate(
        "emergency_care_blocked", "usikker", {"triage_unsure_count": 1}
    )
    assert result == {
        "emergency_care_blocked": "usikker",
        "severity": "usikker",
        "substantially_reduced": "usikker",
    }
    assert messages == []


def test_unknown_value_is_asked_again():
    assert validate("substantially_reduced", "kanskje") == ({"substantially_reduced": None}, [])


async def test_required_slots_stop_after_a_yes():
    form = ValidateTriageForm()
    slots = ["emergency_care_blocked", "substantially_reduced"]
    dispatcher = CollectingDispatcher()
    yes = make_tracker({"emergency_care_blocked": "ja"})
    no = make_tracker({"emergency_care_blocked": "nei"})
    assert await form.required_slots(slots, dispatcher, yes, {}) == ["emergency_care_blocked"]
    assert await form.required_slots(slots, dispatcher, no, {}) == slots
