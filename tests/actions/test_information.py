from datetime import datetime, timedelta, timezone

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_up import ActionFollowUp
from actions.information import (
    ActionOpeningHours,
)
from tests.conftest import make_tracker

MONDAY_17_MAY_2027 = datetime(2027, 5, 17, 8, 0, tzinfo=timezone.utc)  # 10:00 in Oslo
WEDNESDAY_NOON = datetime(2026, 11, 25, 11, 0, tzinfo=timezone.utc)


@pytest.fixture
def clock(monkeypatch):
    def set_now(instant):
        for module in ("actions.information", "actions.personal_data", "actions.follow_up"):
            monkeypatch.setattr(f"{module}.utc_now", lambda *_: instant)

    return set_now


async def messages_of(action, tracker=None, events=()):
    dispatcher = CollectingDispatcher()
    assert await action.run(dispatcher, tracker or make_tracker(), {}) == list(events)
    return dispatcher.messages


NO_MOMENT = [SlotSet("asked_at", None)]


async def test_open_now(clock):
    clock(WEDNESDAY_NOON)
    assert [m["response"] for m in await messages_of(ActionOpeningHours(), events=NO_MOMENT)] == [
        "utter_opening_hours_open"
    ]


async def test_closed_on_17_may(clock):
    clock(MONDAY_17_MAY_2027)
    (message,) = await messages_of(ActionOpeningHours(), events=NO_MOMENT)
    assert message["response"] == "utter_opening_hours_closed"
    assert message["closed_reason"] == "det er helligdag (Andre pinsedag og Grunnlovsdag)"
    assert message["next_opening"] == "i morgen kl. 08:00"


@pytest.mark.parametrize(
    ("text", "response", "values"),
    [
        (
            "er dere åpne på lørdag?",
            "utter_opening_hours_day_closed",
            {"day": "Lørdag 28. november", "closed_reason": "det er helg"},
        ),
        ("har dokker opent i morra", "utter_opening_hours_day_open", {"day": "I morgen"}),
        # Christmas Eve is no public holiday, and the page names no hours for it.
        (
            "er dere åpne på julaften",
            "utter_opening_hours_day_not_on_page",
            {"day": "Torsdag 24. desember", "day_name": "julaften"},
        ),
        ("åpent fredag 27.11?", "utter_opening_hours_day_open", {"day": "Fredag 27. november"}),
        (
            "åpent 2. juledag?",
            "utter_opening_hours_day_closed",
            {"day": "Lørdag 26. desember", "closed_reason": "det er helligdag (Andre juledag)"},
        ),
        (
            "er dere åpne 2. påskedag",
            "utter_opening_hours_day_closed",
            {"day": "Mandag 29. mars", "closed_reason": "det er helligdag (Andre påskedag)"},
        ),
        ("er dere åpne i dag", "utter_opening_hours_open", {}),
    ],
)
async def test_opening_hours_for_the_day_asked_about(clock, text, response, values):
    clock(WEDNESDAY_NOON - timedelta(days=1))  # Tuesday 24 November 2026, 12:00 in Oslo
    dispatcher = CollectingDispatcher()
    await ActionOpeningHours().run(dispatcher, make_tracker(text=text), {})
    (message,) = dispatcher.messages
    assert message["response"] == response
    assert {key: message[key] for key in values} == values


def after_an_answer_about_a_moment(**kwargs):
    """A tracker whose previous bot turn answered about opening hours."""
    events = [
        {"event": "user", "text": "er dere åpne på mandag?"},
        {"event": "action", "name": "action_opening_hours"},
        {"event": "user", "text": kwargs.get("text", "")},
    ]
    return make_tracker(events=events, **kwargs)


async def test_the_day_asked_about_is_what_a_call_question_then_means(clock):
    """ "Er dere åpne mandag?" on the Friday before Whit Monday, then "kan jeg ringe da?":
    that Monday is a holiday, so the on-call line, not today's office line."""
    clock(datetime(2026, 5, 22, 10, 0, tzinfo=timezone.utc))  # Friday 12:00 in Oslo
    asked = make_tracker(text="er dere åpne på mandag?")
    (answer,) = await messages_of(ActionOpeningHours(), asked, [SlotSet("asked_at", "2026-05-25")])
    assert answer["response"] == "utter_opening_hours_day_closed"
    follow_up = after_an_answer_about_a_moment(
        text="kan jeg ringe da hvis vi får en kritisk feil?",
        intent="can_i_call",
        slots={"last_topic": "opening_hours", "asked_at": "2026-05-25"},
    )
    (message,) = await messages_of(ActionFollowUp(), follow_up, [SlotSet("asked_at", None)])
    assert message["response"] == "utter_opening_hours_day_closed"
    assert message["day"] == "Mandag 25. mai"
    assert message["closed_reason"] == "det er helligdag (Andre pinsedag)"


async def test_a_time_asked_about_is_remembered_for_the_next_question_only(clock):
    """ "Enn på mandag klokka åtte?" then "kan jeg ringe det vanlige nummeret da?": yes,
    the office is open then. Two turns later the moment no longer applies."""
    clock(datetime(2026, 11, 26, 14, 0, tzinfo=timezone.utc))  # Thursday 15:00 in Oslo
    asked = make_tracker(text="enn på mandag klokka åtte?")
    (answer,) = await messages_of(
        ActionOpeningHours(), asked, [SlotSet("asked_at", "2026-11-30T08:00")]
    )
    assert answer["response"] == "utter_call_at_time_open"
    slots = {"last_topic": "opening_hours", "asked_at": "2026-11-30T08:00"}
    text = "kan jeg ringe det vanlige nummeret da?"
    right_after = after_an_answer_about_a_moment(text=text, intent="can_i_call", slots=slots)
    (message,) = await messages_of(ActionFollowUp(), right_after, [SlotSet("asked_at", None)])
    assert (message["response"], message["when"]) == (
        "utter_call_at_time_open",
        "mandag 30. november kl. 08:00",
    )
    later = make_tracker(text=text, intent="can_i_call", slots=slots)
    (message,) = await messages_of(ActionFollowUp(), later, [SlotSet("asked_at", None)])
    assert message["response"] == "utter_call_general"
