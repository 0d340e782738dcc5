"""The fault advice action: the exact response and the one phone line for the instant."""

from datetime import datetime, timezone

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.fault_advice import ActionFaultAdvice, ActionStartTriage
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

OFFICE, ON_CALL = CONTACTS.office_line, CONTACTS.on_call_line
TUESDAY_10 = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)  # 10:00 in Oslo
TUESDAY_03 = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)  # 03:00 in Oslo
EASTER_MONDAY = datetime(2026, 4, 6, 9, 0, tzinfo=timezone.utc)


def remembered(severity):
    """What the conversation is about afterwards: a fault of that class."""
    return [SlotSet("last_topic", "fault"), SlotSet("last_severity", severity)]


def reason(severity, text=""):
    """Why, for the written report: here the (empty) description of the test tracker."""
    return [SlotSet("severity_reason", f"Beskrivelsen «{text}» ble vurdert som {severity}-feil")]


OFFER = "utter_offer_report"  # the written report, offered after every class


RESET = [
    SlotSet("emergency_care_blocked", None),
    SlotSet("substantially_reduced", None),
    SlotSet("triage_unsure_count", 0),
    SlotSet("severity", None),
]


@pytest.fixture
def clock(monkeypatch):
    def set_now(instant: datetime) -> None:
        monkeypatch.setattr("actions.fault_advice.utc_now", lambda *_: instant)

    return set_now


async def run(severity, **triage):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"severity": severity, **triage})
    events = await ActionFaultAdvice().run(dispatcher, tracker, {})
    return dispatcher.messages, events


@pytest.mark.parametrize(
    ("severity", "now", "response", "line"),
    [
        ("A", TUESDAY_10, "utter_fault_a", OFFICE),
        ("A", TUESDAY_03, "utter_fault_a", ON_CALL),
        ("A", EASTER_MONDAY, "utter_fault_a", ON_CALL),
        ("B", TUESDAY_10, "utter_fault_b", OFFICE),
        ("B", TUESDAY_03, "utter_fault_b", ON_CALL),
    ],
)
async def test_a_and_b_get_the_one_line_for_now(clock, severity, now, response, line):
    clock(now)
    messages, events = await run(severity)
    assert [m["response"] for m in messages] == [response, OFFER]  # the number first
    assert messages[0]["line_number"] == line.number
    assert messages[0]["line_label"] == line.label
    assert events == RESET + remembered(severity) + reason(severity)


async def test_c_when_open_has_no_phone_number(clock):
    clock(TUESDAY_10)
    messages, events = await run("C")
    assert [m["response"] for m in messages] == ["utter_fault_c_open", OFFER]
    assert "line_number" not in messages[0]
    assert events == RESET + remembered("C") + reason("C")


async def test_c_when_closed_says_when_we_open(clock):
    clock(datetime(2026, 11, 27, 16, 30, tzinfo=timezone.utc))  # Friday 17:30 in Oslo
    messages, _ = await run("C")
    assert messages[0]["response"] == "utter_fault_c_closed"
    assert messages[0]["next_opening"] == "mandag 30. november kl. 08:00"
    assert messages[0]["closed_reason"] == "det er utenfor ordinær åpningstid"
    assert "line_number" not in messages[0]


async def test_start_triage_resets_previous_answers():
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"emergency_care_blocked": "nei", "severity": "C"})
    events = await ActionStartTriage().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_start_triage"]
    assert events == RESET


@pytest.mark.parametrize(
    ("triage", "described", "response", "remembered_class"),
    [
        ({"emergency_care_blocked": "ja"}, None, "utter_fault_a", "A"),
        (
            {"emergency_care_blocked": "nei", "substantially_reduced": "ja"},
            None,
            "utter_fault_b",
            "B",
        ),
        (
            {"emergency_care_blocked": "nei", "substantially_reduced": "nei"},
            None,
            "utter_fault_c_open",
            "C",
        ),
        ({"emergency_care_blocked": "usikker"}, None, "utter_fault_unsure", None),
        (
            {"emergency_care_blocked": "nei", "substantially_reduced": "usikker"},
            None,
            "utter_fault_unsure",
            None,
        ),
        # "Aidn er helt nede" typed at the second question: what was described wins.
        ({"emergency_care_blocked": "nei"}, "A", "utter_fault_a", "A"),
    ],
)
async def test_triage_answers_decide_unless_a_fault_was_described(
    clock, triage, described, response, remembered_class
):
    clock(TUESDAY_10)
    messages, events = await run(described, **triage)
    offered = [OFFER] if remembered_class else []  # no class, no report to offer
    assert [m["response"] for m in messages] == [response, *offered]
    why = []
    if remembered_class:
        answers = [triage.get("emergency_care_blocked"), triage.get("substantially_reduced")]
        blocked, reduced = (answer or "ikke spurt" for answer in answers)
        why = [
            SlotSet(
                "severity_reason",
                f"Svar i assistentens spørsmål: øyeblikkelig hjelp hindret – {blocked}; "
                f"vesentlig redusert funksjon eller ytelse – {reduced}",
            )
        ]
    assert events == RESET + remembered(remembered_class) + why


@pytest.mark.parametrize(
    ("text", "responses"),
    [
        # more about the B at hand, read as a C on its own: the B stands, with its number
        (
            "har prøvd å sende på nytt tre ganger",
            ["utter_severity_unchanged", "utter_fault_b"],
        ),
        # the user says it is less serious: the C is given
        ("det er ikke så alvorlig likevel, bare litt tregt", ["utter_fault_c_closed", OFFER]),
    ],
)
async def test_a_c_after_a_b_feil_is_no_quiet_downgrade(clock, text, responses):
    clock(TUESDAY_03)
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"severity": "C", "last_topic": "fault", "last_severity": "B"}, text=text
    )
    await ActionFaultAdvice().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == responses
    if "utter_fault_b" in responses:
        assert dispatcher.messages[1]["line_number"] == ON_CALL.number
