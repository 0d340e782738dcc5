"""Triage form validation: answers in the page's order; "usikker" gets help once."""

from datetime import datetime, timezone

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.triage_form import ValidateTriageForm
from bot.contacts import CONTACTS
from tests.conftest import make_tracker

NIGHT = datetime(2026, 11, 24, 2, 0, tzinfo=timezone.utc)
BOTH = ["emergency_care_blocked", "substantially_reduced"]


@pytest.fixture(autouse=True)
def night(monkeypatch):
    monkeypatch.setattr("actions.triage_form.utc_now", lambda *_: NIGHT)


def validate(slot, value, slots=None):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(slots or {})
    result = getattr(ValidateTriageForm(), f"validate_{slot}")(value, dispatcher, tracker, {})
    return result, dispatcher.messages


@pytest.mark.parametrize("slot", BOTH)
@pytest.mark.parametrize("answer", ["ja", "nei"])
def test_clear_answers_are_kept_and_the_unsure_count_goes_on(slot, answer):
    """Unsure twice across the triage, at either question, gets the number (the design)."""
    assert validate(slot, answer, {"triage_unsure_count": 1}) == ({slot: answer}, [])


@pytest.mark.parametrize("slot", BOTH)
def test_first_unsure_gets_that_questions_help_with_the_line_for_now(slot):
    result, messages = validate(slot, "usikker")
    assert result == {slot: None, "triage_unsure_count": 1}
    assert [m["response"] for m in messages] == [f"utter_help_{slot}"]
    assert messages[0]["line_number"] == CONTACTS.on_call_line.number


def test_unsure_again_is_kept_so_the_advice_says_to_call():
    assert validate("substantially_reduced", "usikker", {"triage_unsure_count": 1}) == (
        {"substantially_reduced": "usikker"},
        [],
    )


def test_unknown_value_is_asked_again():
    assert validate("substantially_reduced", "kanskje") == ({"substantially_reduced": None}, [])


@pytest.mark.parametrize(
    ("first_answer", "questions"),
    [(None, BOTH), ("nei", BOTH), ("ja", BOTH[:1]), ("usikker", BOTH[:1])],
)
async def test_required_slots_follow_the_first_answer(first_answer, questions):
    tracker = make_tracker({"emergency_care_blocked": first_answer})
    assert (
        await ValidateTriageForm().required_slots(BOTH, CollectingDispatcher(), tracker, {})
        == questions
    )


EMERGENCY, REDUCED = BOTH


@pytest.mark.parametrize(
    ("asked", "slot", "intent", "text", "expected"),
    [
        # Free text the classifier gives no mapped intent: the first words answer.
        (EMERGENCY, EMERGENCY, "nlu_fallback", "ja, vi får ikke gitt øyeblikkelig hjelp", "ja"),
        (EMERGENCY, EMERGENCY, "no_symptom", "ok, da er svaret nei, vi kan gi akutt hjelp", "nei"),
        (REDUCED, REDUCED, "nlu_fallback", "jepp, det går altfor tregt", "ja"),
        # Answers are the domain's to map; cancelling and personal data are no answer;
        # a question not asked is not answered.
        (EMERGENCY, EMERGENCY, "affirm", "ja", None),
        (EMERGENCY, EMERGENCY, "cancel", "nei, avbryt", None),
        (EMERGENCY, EMERGENCY, "share_personal_data", "ja, 27894228771 sin journal", None),
        (EMERGENCY, REDUCED, "nlu_fallback", "nei, vi kan gi akutt hjelp", None),
        (EMERGENCY, EMERGENCY, "nlu_fallback", "hva mener du", None),
    ],
)
async def test_a_yes_or_no_in_the_first_words_answers_the_question_asked(
    asked, slot, intent, text, expected
):
    tracker = make_tracker(slots={"requested_slot": asked}, intent=intent, text=text)
    extract = getattr(ValidateTriageForm(), f"extract_{slot}")
    assert await extract(CollectingDispatcher(), tracker, {}) == (
        {slot: expected} if expected else {}
    )


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("ja, øyeblikkelig hjelp går ikke", "ja"),  # a yes, read as less_severe → "nei"
        ("ja, men vi får gitt akutt hjelp som vanlig", "nei"),  # says it works: a no
    ],
)
def test_a_yes_the_classifier_reads_as_less_severe_is_a_yes(text, answer):
    tracker = make_tracker(
        {"requested_slot": "emergency_care_blocked"}, intent="less_severe", text=text
    )
    result = ValidateTriageForm().validate_emergency_care_blocked(
        "nei", CollectingDispatcher(), tracker, {}
    )
    assert result == {"emergency_care_blocked": answer}
