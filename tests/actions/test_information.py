from datetime import datetime, timezone

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.information import ActionContactInfo, ActionFallback, ActionOpeningHours
from actions.personal_data import ActionPersonalDataWarning
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

MONDAY_17_MAY_2027 = datetime(2027, 5, 17, 8, 0, tzinfo=timezone.utc)  # 10:00 in Oslo
WEDNESDAY_NOON = datetime(2026, 11, 25, 11, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock(monkeypatch):
    def set_now(instant):
        for module in ("actions.information", "actions.personal_data"):
            monkeypatch.setattr(f"{module}.utc_now", lambda: instant)

    return set_now


async def messages_of(action, tracker=None):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker or make_tracker(), {})
    assert events == []
    return dispatcher.messages


async def test_open_now(clock):
    clock(WEDNESDAY_NOON)
    assert [m["response"] for m in await messages_of(ActionOpeningHours())] == [
        "utter_opening_hours_open"
    ]


async def test_closed_on_17_may(clock):
    clock(MONDAY_17_MAY_2027)
    (message,) = await messages_of(ActionOpeningHours())
    assert message["response"] == "utter_opening_hours_closed"
    assert message["closed_reason"] == "det er helligdag (Andre pinsedag og Grunnlovsdag)"
    assert message["next_opening"] == "i morgen kl. 08:00"


async def test_contact_info_and_fallback_name_the_line_for_now(clock):
    clock(MONDAY_17_MAY_2027)
    (contact,) = await messages_of(ActionContactInfo())
    (fallback,) = await messages_of(ActionFallback())
    assert contact["response"] == "utter_contact_info"
    assert fallback["response"] == "utter_fallback"
    assert contact["line_number"] == fallback["line_number"] == CONTACTS.on_call_line.number


def ranking(*names):
    return [{"name": name, "confidence": 1.0} for name in names]


async def test_personal_data_warning_then_fault_advice(clock):
    clock(WEDNESDAY_NOON)
    tracker = make_tracker(intent_ranking=ranking("share_personal_data", "fault_critical"))
    messages = await messages_of(ActionPersonalDataWarning(), tracker)
    assert [m["response"] for m in messages] == ["utter_personal_data_warning", "utter_fault_a"]
    assert messages[1]["line_number"] == CONTACTS.office_line.number


async def test_personal_data_warning_alone_for_other_questions(clock):
    clock(WEDNESDAY_NOON)
    tracker = make_tracker(intent_ranking=ranking("share_personal_data", "usage_question"))
    messages = await messages_of(ActionPersonalDataWarning(), tracker)
    assert [m["response"] for m in messages] == ["utter_personal_data_warning"]


async def test_personal_data_skips_the_fallback_label_to_find_the_fault(clock):
    clock(WEDNESDAY_NOON)
    tracker = make_tracker(
        intent_ranking=ranking("share_personal_data", "nlu_fallback", "fault_major"))
    messages = await messages_of(ActionPersonalDataWarning(), tracker)
    assert [m["response"] for m in messages] == ["utter_personal_data_warning", "utter_fault_b"]
