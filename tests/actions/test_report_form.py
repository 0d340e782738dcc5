"""The written report in the chat: the offer, the form's answers, the summary and the
stored report (actions/report_form.py)."""

import sqlite3
from datetime import datetime, timezone

import pytest
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.follow_up import ActionCancel, ActionNoWithoutQuestion, ActionYesWithoutQuestion
from actions.report_form import ActionAnswerReportOffer, ActionSubmitReport, ValidateReportForm
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

WEDNESDAY_1530 = datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc)  # 15:30 in Oslo
AFTER_THE_OFFER = [
    {"event": "user", "text": "vi får ikke sendt e-meldinger"},
    {"event": "bot", "metadata": {"utter_action": "utter_fault_b"}},
    {"event": "bot", "metadata": {"utter_action": "utter_offer_report"}},
    {"event": "user", "text": "..."},
]
REPORT_SLOTS = [
    "report_what",
    "report_since",
    "report_affected",
    "report_called",
    "report_contact",
    "report_confirmed",
]


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    for module in ("actions.report_form", "actions.follow_up"):
        monkeypatch.setattr(f"{module}.utc_now", lambda *_: WEDNESDAY_1530)


def validate(slot, value, **tracker_kwargs):
    dispatcher = CollectingDispatcher()
    method = getattr(ValidateReportForm(), f"validate_{slot}")
    result = method(value, dispatcher, make_tracker(**tracker_kwargs), {})
    return result, [m["response"] for m in dispatcher.messages]


async def test_yes_to_the_offer_starts_the_report_with_no_old_answers():
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent="affirm", text="ja", events=AFTER_THE_OFFER)
    events = await ActionYesWithoutQuestion().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_start"]
    assert events == [*(SlotSet(s, None) for s in REPORT_SLOTS), FollowupAction("report_form")]


@pytest.mark.parametrize(
    ("text", "responses"),
    [
        # a yes with a symptom is about the fault: the verdict again, then the offer again
        ("ja, alt er vesentlig tregere enn vanlig", ["utter_fault_b", "utter_offer_report"]),
        ("ja, skriv rapporten, e-meldingene står fast", ["utter_report_start"]),
    ],
)
async def test_yes_with_a_symptom_after_the_offer(text, responses):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"last_topic": "fault", "last_severity": "B"},
        intent="affirm",
        text=text,
        events=AFTER_THE_OFFER,
    )
    await ActionYesWithoutQuestion().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == responses


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("nei takk", "utter_report_declined"),  # to the offer: where to write instead
        ("nei feil, jeg mente nei", "utter_regrade_to_c"),  # takes the verdict back
    ],
)
async def test_no_after_the_offer(text, response):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"last_topic": "fault", "last_severity": "B"},
        intent="deny",
        text=text,
        events=AFTER_THE_OFFER,
    )
    await ActionNoWithoutQuestion().run(dispatcher, tracker, {})
    assert dispatcher.messages[0]["response"] == response


def test_since_when_is_understood_or_kept_as_typed():
    assert validate("report_since", "siden kl 14 i dag")[0] == {"report_since": "i dag kl. 14:00"}
    assert validate("report_since", "en stund")[0] == {"report_since": "en stund"}
    assert validate("report_since", "vet ikke")[0] == {"report_since": "-"}


def test_not_yet_phoned_gets_the_number_now_and_the_report_goes_on():
    result, responses = validate("report_called", "nei, ikke ennå", intent="deny")
    assert result == {"report_called": "nei"}
    assert responses == ["utter_report_call_first"]


def test_a_contact_that_is_neither_address_nor_number_is_asked_again():
    assert validate("report_contact", "ring meg")[0] == {"report_contact": None}
    result, _ = validate("report_contact", "kari@example.org")
    assert result == {"report_contact": "kari@example.org"}


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("send", {"report_confirmed": "ja"}),
        ("endre e-posten", {"report_contact": None, "report_confirmed": None}),
        (
            "e-posten skal være ola@example.org",
            {"report_contact": "ola@example.org", "report_confirmed": None},
        ),
        (
            "feil tidspunkt, det var fra kl 13",
            {"report_since": "i dag kl. 13:00", "report_confirmed": None},
        ),
        (
            "endre hvem som er berørt: det gjelder hele kommunen",
            {"report_affected": "det gjelder hele kommunen", "report_confirmed": None},
        ),
    ],
)
def test_the_summary_sends_or_changes_one_answer(text, result):
    assert validate("report_confirmed", text)[0] == result


def test_a_description_with_an_identity_number_gets_the_warning_and_is_kept_without_it():
    result, responses = validate(
        "report_what", "pasient [fødselsnummer fjernet] får ikke opp medisinlista"
    )
    assert result == {"report_what": "pasient [fødselsnummer fjernet] får ikke opp medisinlista"}
    assert responses == ["utter_personal_data_warning"]


async def test_the_submitted_report_is_stored_and_says_what_happens_next(tmp_path, monkeypatch):
    monkeypatch.setenv("AIDN_INBOX_DB", str(tmp_path / "inbox.sqlite3"))
    monkeypatch.delenv("AIDN_DB_HOST", raising=False)
    monkeypatch.delenv("AIDN_SMTP_HOST", raising=False)
    slots = {
        "last_severity": "B",
        "severity_reason": "Beskrivelsen «vi får ikke sendt e-meldinger» ble vurdert som B-feil",
        "report_what": "E-meldinger til fastlegen blir ikke sendt",
        "report_since": "i dag kl. 14:00",
        "report_affected": "-",
        "report_called": "ja",
        "report_contact": "kari@example.org",
        "report_confirmed": "ja",
    }
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitReport().run(dispatcher, make_tracker(slots), {})
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_report_stored",
        "utter_report_next_b",
    ]
    assert events == [SlotSet(s, None) for s in REPORT_SLOTS]
    row = sqlite3.connect(tmp_path / "inbox.sqlite3").execute(
        "SELECT severity, what, since, affected, called, contact FROM reports"
    )
    assert list(row) == [
        (
            "B",
            "E-meldinger til fastlegen blir ikke sendt",
            "i dag kl. 14:00",
            None,
            1,
            "kari@example.org",
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # declining the contact question skips it; the report goes on to the summary
        ("vil ikke oppgi det", [SlotSet("report_contact", "-"), FollowupAction("report_form")]),
        ("nei, avbryt hele greia", [SlotSet(s, None) for s in REPORT_SLOTS]),
    ],
)
async def test_cancel_at_an_optional_report_question(text, expected):
    events = [
        {"event": "active_loop", "name": "report_form"},
        {"event": "slot", "name": "requested_slot", "value": "report_contact"},
        {"event": "active_loop", "name": None},
        {"event": "slot", "name": "requested_slot", "value": None},
    ]
    tracker = make_tracker(intent="cancel", text=text, events=events)
    tracker.latest_action_name = "action_deactivate_loop"
    dispatcher = CollectingDispatcher()
    result = await ActionCancel().run(dispatcher, tracker, {})
    assert all(event in result for event in expected)
    cancelled = [m["response"] for m in dispatcher.messages] == ["utter_report_cancelled"]
    assert cancelled is (FollowupAction("report_form") not in expected)


@pytest.mark.parametrize(
    ("text", "responses"),
    [
        ("kjør på", ["utter_report_start"]),
        ("nei takk, vi sender en mail etterpå", ["utter_report_declined"]),
    ],
)
async def test_the_offer_answered_in_own_words(text, responses):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"last_topic": "fault", "last_severity": "B"}, text=text, events=AFTER_THE_OFFER
    )
    await ActionAnswerReportOffer().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == responses


FORM_DOMAIN = {"forms": {"report_form": {"required_slots": REPORT_SLOTS}}}


def answered_at_since(said, slots=None, intent=None, confidence=1.0):
    """A tracker where `said` was just typed at the report's "since when?" question."""
    tracker = make_tracker(
        {"report_what": "meldingene står i utboksen", "report_since": said, **(slots or {})},
        text=said,
        active_loop="report_form",
        events=[{"event": "slot", "name": "report_since", "value": said}],
    )
    if intent:
        tracker.latest_message["intent"] = {"name": intent, "confidence": confidence}
    tracker.slots["requested_slot"] = "report_since"
    return tracker


async def validation_of(tracker):
    dispatcher = CollectingDispatcher()
    events = await ValidateReportForm().get_validation_events(dispatcher, tracker, FORM_DOMAIN)
    return events, dispatcher.messages


async def test_a_question_about_the_classes_inside_the_form_is_answered_then_asked_again():
    events, messages = await validation_of(
        answered_at_since("hva betyr egentlig B-feil?", intent="severity_info")
    )
    assert [m["response"] for m in messages] == ["utter_severity_info"]
    assert events == [SlotSet("report_since", None)]


async def test_giving_up_in_plain_words_ends_the_report_and_sends_nothing():
    tracker = answered_at_since("stopp, dropper det. sender på e-post i stedet")
    events, _ = await validation_of(tracker)
    assert events == [SlotSet("report_confirmed", "avbrutt")]
    tracker.add_slots(events)
    form = ValidateReportForm()
    assert await form.required_slots(REPORT_SLOTS, CollectingDispatcher(), tracker, {}) == []
    dispatcher = CollectingDispatcher()
    assert await ActionSubmitReport().run(dispatcher, tracker, {}) == [
        SlotSet(slot, None) for slot in REPORT_SLOTS
    ]
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_cancelled"]


async def test_an_a_feil_described_inside_a_c_report_is_rung_in_and_the_report_goes_on_as_a():
    tracker = answered_at_since(
        "nå har hele systemet gått ned, ingen får logget inn",
        {"last_topic": "fault", "last_severity": "C"},
        intent="fault_critical",
        confidence=0.97,
    )
    events, messages = await validation_of(tracker)
    assert [m["response"] for m in messages] == ["utter_fault_a", "utter_report_now_a"]
    assert messages[0]["line_number"] == CONTACTS.office_line.number  # 15:30
    assert SlotSet("last_severity", "A") in events
    assert SlotSet("report_since", None) in events
    tracker.add_slots(events)
    assert "report_called" in await ValidateReportForm().required_slots(
        REPORT_SLOTS, CollectingDispatcher(), tracker, FORM_DOMAIN
    )


async def test_a_question_back_is_answered_and_not_stored():
    events, messages = await validation_of(answered_at_since("hvorfor trenger dere det?"))
    assert [m["response"] for m in messages] == ["utter_report_why_we_ask"]
    assert events == [SlotSet("report_since", None)]
