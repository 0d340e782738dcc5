"""Suggestion form validation and submission, down to the SQLite row."""

import sqlite3
from datetime import datetime, timezone

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.suggestion_form import (
    CANCELLED,
    SKIPPED,
    ActionStartSuggestion,
    ActionSubmitSuggestion,
    ValidateSuggestionForm,
)
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

FORM = ValidateSuggestionForm()


def validate(slot, value):
    dispatcher = CollectingDispatcher()
    result = getattr(FORM, f"validate_{slot}")(value, dispatcher, make_tracker(), {})
    return result, [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("slot", "value", "expected", "responses"),
    [
        ("suggestion_text", "kort", {"suggestion_text": None}, ["utter_suggestion_too_short"]),
        ("suggestion_text", "Avbryt", {"suggestion_text": CANCELLED}, []),
        (
            "suggestion_text",
            "Sortering  på romnummer",
            {"suggestion_text": "Sortering på romnummer"},
            [],
        ),
        # A question about suggestions inside the form is answered, then asked again.
        (
            "suggestion_text",
            "hvordan sender man egentlig inn forslag, får jeg svar?",
            {"suggestion_text": None},
            ["utter_suggestion_intro"],
        ),
        ("suggestion_email", "hopp over", {"suggestion_email": SKIPPED}, []),
        ("suggestion_email", "Nei takk", {"suggestion_email": SKIPPED}, []),
        ("suggestion_email", "kari@example.org", {"suggestion_email": "kari@example.org"}, []),
        (
            "suggestion_email",
            "kari at kommune",
            {"suggestion_email": None},
            ["utter_suggestion_invalid_email"],
        ),
        # Reset slots are validated on activation: no complaint about an empty answer.
        ("suggestion_text", None, {"suggestion_text": None}, []),
        ("suggestion_email", None, {"suggestion_email": None}, []),
        # "avbryt" ends the form at every question, not only the first.
        (
            "suggestion_email",
            "Avbryt",
            {"suggestion_text": CANCELLED, "suggestion_email": SKIPPED},
            [],
        ),
    ],
)
def test_validation(slot, value, expected, responses):
    assert validate(slot, value) == (expected, responses)


RESET = [
    SlotSet("suggestion_text", None),
    SlotSet("suggestion_email", None),
]


async def test_submission_lands_in_the_database(tmp_path, monkeypatch):
    database = tmp_path / "inbox.sqlite3"
    monkeypatch.setenv("AIDN_INBOX_DB", str(database))
    monkeypatch.delenv("AIDN_DB_HOST", raising=False)
    monkeypatch.delenv("AIDN_SUGGESTION_WEBHOOK_URL", raising=False)
    tracker = make_tracker(
        {
            "suggestion_text": "Sortering på romnummer",
            "suggestion_email": "kari@example.org",
        },
        sender_id="nurse-7",
    )
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitSuggestion().run(dispatcher, tracker, {})
    assert events == RESET
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_suggestion_stored",
        "utter_suggestion_contact_by_email",
    ]
    rows = (
        sqlite3.connect(database)
        .execute("SELECT id, sender_id, suggestion, email FROM suggestions")
        .fetchall()
    )
    assert rows == [(1, "nurse-7", "Sortering på romnummer", "kari@example.org")]
    assert dispatcher.messages[0]["suggestion_id"] == 1


async def test_cancelled_form_stores_nothing(tmp_path, monkeypatch):
    database = tmp_path / "inbox.sqlite3"
    monkeypatch.setenv("AIDN_INBOX_DB", str(database))
    dispatcher = CollectingDispatcher()
    events = await ActionSubmitSuggestion().run(
        dispatcher, make_tracker({"suggestion_text": CANCELLED}), {}
    )
    assert events == RESET
    assert [m["response"] for m in dispatcher.messages] == ["utter_suggestion_cancelled"]
    assert not database.exists()


async def test_starting_a_suggestion_clears_an_interrupted_one():
    dispatcher = CollectingDispatcher()
    tracker = make_tracker({"suggestion_text": "gammelt forslag som ble avbrutt"})
    events = await ActionStartSuggestion().run(dispatcher, tracker, {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_suggestion_intro"]
    assert events == RESET


@pytest.mark.parametrize(
    "value",
    [
        "trenger ikke oppgi e-post",
        "vil helst ikke",
        "nei takk, trenger ikke svar",
        "nei",
        "ok ringer. send forslaget mitt også",
    ],
)
def test_a_short_answer_that_declines_skips_the_e_mail(value):
    assert validate("suggestion_email", value) == ({"suggestion_email": SKIPPED}, [])


def test_a_b_feil_described_at_the_e_mail_question_gets_advice_and_the_question_again(
    monkeypatch,
):
    monkeypatch.setattr(
        "actions.suggestion_form.utc_now",
        lambda *_: datetime(2026, 11, 25, 2, 30, tzinfo=timezone.utc),
    )
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(
        {"suggestion_text": "Mørk modus for nattevakter"},
        intent="fault_major",
        text="forresten, e-meldingene går ikke ut",
    )
    result = FORM.validate_suggestion_email(
        "forresten, e-meldingene går ikke ut", dispatcher, tracker, {}
    )
    assert result == {"suggestion_email": None, "last_topic": "fault", "last_severity": "B"}
    assert [m["response"] for m in dispatcher.messages] == ["utter_fault_b"]


def test_a_suggestion_that_reads_like_a_b_feil_is_kept_with_the_line_as_a_condition(monkeypatch):
    monkeypatch.setattr(
        "actions.suggestion_form.utc_now",
        lambda *_: datetime(2026, 11, 25, 2, 30, tzinfo=timezone.utc),
    )
    text = "at vi får beskjed når e-meldinger ikke blir sendt"
    tracker = make_tracker(text=text)
    tracker.latest_message["intent"] = {"name": "fault_major", "confidence": 0.94}
    dispatcher = CollectingDispatcher()
    assert FORM.validate_suggestion_text(text, dispatcher, tracker, {}) == {"suggestion_text": text}
    (message,) = dispatcher.messages
    assert message["response"] == "utter_suggestion_or_fault"
    assert message["line_number"] == CONTACTS.on_call_line.number  # 03:30 on a Wednesday


async def test_a_first_message_that_holds_the_suggestion_fills_it():
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text="kunne dere laget en mørk modus i appen for nattevakta?")
    events = await ActionStartSuggestion().run(dispatcher, tracker, {})
    assert events == [
        *RESET,
        SlotSet("suggestion_text", "kunne dere laget en mørk modus i appen for nattevakta?"),
    ]


def test_declining_in_the_whole_of_a_sentence_is_no_cancel():
    assert validate("suggestion_email", "vil ikke oppgi e-post i det hele tatt") == (
        {"suggestion_email": SKIPPED},
        [],
    )


@pytest.mark.parametrize("value", ["nei forresten, dropp hele forslaget", "glem forslaget"])
def test_words_about_the_whole_suggestion_end_the_form_at_an_optional_question(value):
    assert validate("suggestion_email", value) == (
        {"suggestion_text": CANCELLED, "suggestion_email": SKIPPED},
        [],
    )


@pytest.mark.parametrize(
    "value",
    ["nei drit i det, har ikke tid nå", "nei, dropp det", "orker ikke", "gidder ikkje likevel"],
)
def test_giving_up_when_asked_for_the_suggestion_ends_the_form(value):
    assert validate("suggestion_text", value) == ({"suggestion_text": CANCELLED}, [])


@pytest.mark.parametrize(
    "value",
    [
        "nei, stopp-knappen burde ligge øverst",  # a wish, however it starts
        "mitt forslag er at medisinlista kan sorteres på romnummer",
        "vi har ikke tid til all klikkinga når vi signerer ut medisin, kan det gjøres raskere",
    ],
)
def test_a_suggestion_with_give_up_words_in_it_is_kept(value):
    result, _ = validate("suggestion_text", value)
    assert result["suggestion_text"] not in (None, CANCELLED)


def test_a_question_about_what_happens_to_suggestions_is_answered_not_stored():
    assert validate("suggestion_text", "svarer dere på forslagene man sender?") == (
        {"suggestion_text": None},
        ["utter_suggestion_intro"],
    )


def test_a_roadmap_question_at_the_suggestion_question_is_answered_then_asked_again():
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(intent="roadmap", text="hva kommer i aidn fremover egentlig?")
    result = FORM.validate_suggestion_text(tracker.latest_message["text"], dispatcher, tracker, {})
    assert (result, [m["response"] for m in dispatcher.messages]) == (
        {"suggestion_text": None},
        ["utter_roadmap"],
    )


def test_asking_to_go_on_with_the_suggestion_asks_the_question_again():
    asked = "ok, har ringt. kan vi fortsette med forslaget?"
    assert validate("suggestion_email", asked) == ({"suggestion_email": None}, [])


def test_asking_for_the_number_inside_the_form_after_an_a_feil_is_answered(monkeypatch):
    """ "hvilket nummer?" after an A reported inside the form: the line now, not a
    suggestion; then the question again."""
    monkeypatch.setattr(
        "actions.suggestion_form.utc_now",
        lambda *_: datetime(2026, 5, 20, 0, 30, tzinfo=timezone.utc),  # 02:30 in Oslo
    )
    for slot in ("suggestion_text", "suggestion_email"):
        tracker = make_tracker({"last_topic": "fault", "last_severity": "A"}, intent="contact_info")
        dispatcher = CollectingDispatcher()
        result = getattr(FORM, f"validate_{slot}")("hvilket nummer?", dispatcher, tracker, {})
        assert result == {slot: None}
        (message,) = dispatcher.messages
        assert (message["response"], message["line_number"]) == (
            "utter_contact_now",
            CONTACTS.on_call_line.number,
        )


def test_declining_the_e_mail_in_words_about_contact_details_is_a_no():
    tracker = make_tracker(intent="contact_info")
    result = FORM.validate_suggestion_email(
        "vil ikke gi fra meg e-posten min", CollectingDispatcher(), tracker, {}
    )
    assert result == {"suggestion_email": SKIPPED}
