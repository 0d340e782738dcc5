"""Follow-up actions: context from the slots, exact responses and events."""

from datetime import datetime, timezone

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_up import ActionCancel, ActionExplain, ActionFollowUp, ActionLessSevere
from bot.contacts import CONTACTS
from tests.actions.test_report_form import REPORT_SLOTS
from tests.conftest import make_tracker

WEDNESDAY_0330 = datetime(2026, 11, 25, 2, 30, tzinfo=timezone.utc)  # 03:30 in Oslo
RESET_FORMS = [
    SlotSet("emergency_care_blocked", None),
    SlotSet("substantially_reduced", None),
    SlotSet("triage_unsure_count", 0),
    SlotSet("suggestion_text", None),
    SlotSet("suggestion_email", None),
    *(SlotSet(slot, None) for slot in REPORT_SLOTS),
]


def regraded(severity, text):
    """A class given by a correction: remembered, with why, for the written report."""
    return [
        SlotSet("last_topic", "fault"),
        SlotSet("last_severity", severity),
        SlotSet("severity_reason", f"Rettet av brukeren: «{text}»"),
    ]


@pytest.fixture(autouse=True)
def night(monkeypatch):
    monkeypatch.setattr("actions.follow_up.utc_now", lambda *_: WEDNESDAY_0330)


async def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


@pytest.mark.parametrize(
    ("intent", "text", "slots", "response"),
    [
        (
            "can_i_call",
            "kan jeg ringe dem nå?",
            {"last_topic": "fault", "last_severity": "C"},
            "utter_call_c_no",
        ),
        (
            "written_instead",
            "kan jeg sende e-post i stedet?",
            {"last_topic": "fault", "last_severity": "C"},
            "utter_written_channel",
        ),
        (
            "response_time",
            "når får jeg svar da?",
            {"last_topic": "fault", "last_severity": "C"},
            "utter_response_time_written_closed",
        ),
        (
            "contact_info",
            "hva er nummeret hennes?",
            {"last_topic": "escalation"},
            "utter_ops_manager_contact",
        ),
        (
            "can_i_call",
            "kan jeg ringe om det også?",
            {"last_topic": "usage"},
            "utter_call_usage_no",
        ),
    ],
)
async def test_follow_ups_are_answered_from_the_context(intent, text, slots, response):
    messages, events = await run(ActionFollowUp(), make_tracker(slots, intent=intent, text=text))
    assert [m["response"] for m in messages] == [response]
    assert events == [SlotSet("asked_at", None)]


async def test_can_i_call_after_an_a_feil_gives_the_on_call_line_at_night():
    slots = {"last_topic": "fault", "last_severity": "A"}
    messages, _ = await run(
        ActionFollowUp(), make_tracker(slots, intent="can_i_call", text="skal jeg ringe?")
    )
    assert messages[0]["response"] == "utter_severity_ab_is_called"
    assert messages[0]["line_number"] == CONTACTS.on_call_line.number


def ranking(*names):
    return [{"name": name, "confidence": 0.5} for name in names]


@pytest.mark.parametrize(
    ("ranked", "response", "severity"),
    [
        (["less_severe", "fault_major", "fault_minor"], "utter_fault_b", "B"),
        (["less_severe", "fault_minor", "fault_major"], "utter_fault_c_closed", "C"),
        (["less_severe", "deny"], "utter_fault_c_closed", "C"),
    ],
)
async def test_not_so_serious_after_a_gets_the_class_the_correction_describes(
    ranked, response, severity
):
    tracker = make_tracker(
        {"last_topic": "fault", "last_severity": "A"},
        intent="less_severe",
        text="oi, feil knapp, vi kan jobbe",
        intent_ranking=ranking(*ranked),
    )
    messages, events = await run(ActionLessSevere(), tracker)
    assert [m["response"] for m in messages] == [
        "utter_regrade_not_a",
        response,
        "utter_offer_report",
    ]
    assert events == regraded(severity, "oi, feil knapp, vi kan jobbe")


async def test_only_me_after_a_is_a_c_feil_without_ringing():
    tracker = make_tracker(
        {"last_topic": "fault", "last_severity": "A"},
        intent="less_severe",
        text="nei vent, det var bare meg som ikke kom inn",
    )
    messages, events = await run(ActionLessSevere(), tracker)
    assert [m["response"] for m in messages] == [
        "utter_regrade_single_user",
        "utter_fault_c_closed",
        "utter_offer_report",
    ]
    assert "line_number" not in messages[1]
    assert events == regraded("C", "nei vent, det var bare meg som ikke kom inn")


async def test_explain_inside_the_triage_explains_the_question_asked():
    tracker = make_tracker(
        {"requested_slot": "emergency_care_blocked"}, intent="explain", active_loop="triage_form"
    )
    messages, events = await run(ActionExplain(), tracker)
    assert [m["response"] for m in messages] == ["utter_help_emergency_care_blocked"]
    assert messages[0]["line_number"] == CONTACTS.on_call_line.number
    assert events == []


async def test_confusion_after_a_reply_that_did_not_understand_gets_the_main_routes():
    """ "hæ" after the fallback: the routes as buttons and the number as a condition."""
    after_the_fallback = [
        {"event": "user", "text": "sdfkj lkj"},
        {"event": "bot", "metadata": {"utter_action": "utter_fallback"}},
        {"event": "user", "text": "hæ"},
    ]
    tracker = make_tracker(intent="explain", text="hæ", events=after_the_fallback)
    messages, _ = await run(ActionExplain(), tracker)
    assert [m["response"] for m in messages] == ["utter_menu_after_confusion"]
    assert "line_number" in messages[0]


async def test_explain_outside_the_triage_explains_the_classes():
    messages, _ = await run(ActionExplain(), make_tracker(intent="explain"))
    assert [m["response"] for m in messages] == ["utter_severity_info"]


def deactivated(form):
    return [{"event": "active_loop", "name": form}, {"event": "active_loop", "name": None}]


@pytest.mark.parametrize(
    ("events", "response"),
    [
        (deactivated("triage_form"), "utter_triage_cancelled"),
        (deactivated("suggestion_form"), "utter_suggestion_cancelled"),
        ([], "utter_cancelled"),
    ],
)
async def test_cancel_says_what_stopped_and_forgets_the_answers(events, response):
    tracker = make_tracker({"suggestion_text": "mørk modus"}, intent="cancel", events=events)
    if events:
        tracker.latest_action_name = "action_deactivate_loop"
    messages, slots = await run(ActionCancel(), tracker)
    assert [m["response"] for m in messages] == [response]
    assert slots == RESET_FORMS


async def test_declining_an_optional_question_skips_it_instead_of_dropping_the_suggestion():
    events = [
        {"event": "active_loop", "name": "suggestion_form"},
        {"event": "slot", "name": "requested_slot", "value": "suggestion_email"},
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
    ]
    tracker = make_tracker(
        {"suggestion_text": "Mørk modus"},
        intent="cancel",
        text="vil ikke oppgi e-post",
        events=events,
    )
    tracker.latest_action_name = "action_deactivate_loop"
    messages, result = await run(ActionCancel(), tracker)
    assert messages == []
    assert result == [SlotSet("suggestion_email", "-"), FollowupAction("suggestion_form")]


@pytest.mark.parametrize("text", ["nei, avbryt", "nei forresten, dropp hele forslaget"])
async def test_an_explicit_cancel_at_an_optional_question_still_cancels(text):
    events = [
        {"event": "active_loop", "name": "suggestion_form"},
        {"event": "slot", "name": "requested_slot", "value": "suggestion_email"},
        {"event": "active_loop", "name": None},
    ]
    tracker = make_tracker(intent="cancel", text=text, events=events)
    tracker.latest_action_name = "action_deactivate_loop"
    messages, _ = await run(ActionCancel(), tracker)
    assert [m["response"] for m in messages] == ["utter_suggestion_cancelled"]
