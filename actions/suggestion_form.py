"""The suggestion form: collect the suggestion and, optionally, an e-mail; deliver it."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import log, send, utc_now
from actions.fault_advice import remembered
from bot.follow_up import Context, can_i_call, contact_reply
from bot.replies import Reply, current_line, fault_reply
from bot.severity import Severity, parse_severity
from bot.suggestions import (
    Suggestion,
    asks_about_suggestions,
    clean_text,
    is_valid_suggestion,
    normalise_email,
    sounds_like_a_wish,
    suggestion_in_message,
)
from storage import inbox
from storage.database import database_url, engine

SUGGESTION_FORM = "suggestion_form"
SUGGESTION_SLOTS = ("suggestion_text", "suggestion_email")
CANCELLED = "__avbrutt__"
SKIPPED = "-"
CANCEL_WORDS = {"avbryt", "stopp", "glem det", "angre", "avslutt", "cancel"}
# At the e-mail question, a short answer with these words ends the form ("nei, avbryt",
# "dropp hele forslaget") rather than skipping the question.
_GIVE_UP = (
    r"avbryt\w*|stopp|glem|angre|avslutt\w*|cancel|gidder|gidd|orker|orkar|drit"
    r"|ikke likevel|ikkje likevel|har ikke tid|har ikkje tid|la vær\w*|la være|tar det seinere"
    r"|tar det seinar\w*|tar det senere"
)
CANCEL = re.compile(rf"\b(?:{_GIVE_UP})\b|\b(?:dropp\w*|hopp over|slett\w*)\b.*\bforslag")
# "kan vi fortsette med forslaget?" after a detour: ask the question again.
CONTINUE = re.compile(r"\b(?:fortsett\w*|gå videre|halde fram|holde på|tilbake til)\b")
# At the suggestion question itself nothing can be skipped: "nei, dropp det" gives up too.
GIVE_UP_AT_START = re.compile(rf"\b(?:{_GIVE_UP}|dropp\w*)\b|^nei\b")
# A short answer to the e-mail question that declines it: "hopp over", "trenger ikke
# oppgi e-post", "nei takk", "vil helst ikke".
SKIP = re.compile(
    r"^-$|\b(?:hopp\w*|nei|ingen|trenger ikke|treng ikkje|vil ikke|vil ikkje|helst ikke"
    r"|ikke nødvendig|dropp\w*|skip|vet ikke|veit ikkje|slipp\w*"
    r"|send\w* (?:det|forslaget|inn))\b"
)
SKIP_MAX_WORDS = 8
# A suggestion typed as the suggestion is kept; above this the safety line is added.
FAULT_CONFIDENCE = 0.8


def _normalised(value: Any) -> str:
    return " ".join(str(value or "").lower().split()).strip(".!")


def _cancel_or_skip(slot: str, value: Any) -> dict[str, Any] | None:
    """At the e-mail question: "avbryt" ends the form, "hopp over" skips the question,
    "kan vi fortsette?" asks it again."""
    word = _normalised(value)
    short = len(word.split()) <= SKIP_MAX_WORDS
    if short and CONTINUE.search(word):
        return {slot: None}
    if word in CANCEL_WORDS or (short and CANCEL.search(word)):
        return {"suggestion_text": CANCELLED, slot: SKIPPED}
    if declines_the_question(word):
        return {slot: SKIPPED}
    return None


def declines_the_question(text: str) -> bool:
    """A short "no" to the e-mail question ("trenger ikke oppgi e-post"), not a cancel."""
    word = _normalised(text)
    return (
        bool(SKIP.search(word)) and len(word.split()) <= SKIP_MAX_WORDS and not CANCEL.search(word)
    )


def gives_up_at_start(text: str) -> bool:
    """ "nei drit i det, har ikke tid nå" when asked for the suggestion: a short answer
    that gives up, and no wish in it ("nei, stopp-knappen burde …" is a suggestion)."""
    word = _normalised(text)
    short = len(word.split()) <= SKIP_MAX_WORDS
    return word in CANCEL_WORDS or (
        short and bool(GIVE_UP_AT_START.search(word)) and not sounds_like_a_wish(word)
    )


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def reads_like_a_fault(tracker: Tracker) -> bool:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") in ("fault_critical", "fault_major") and (
        float(intent.get("confidence") or 0) >= FAULT_CONFIDENCE
    )


# "forresten, …", "btw", "eh, før det: …": the user turns to something else first.
NEW_TOPIC = re.compile(
    r"^\W*(?:(?:eh|ehm|øh|hm+|ok|å)\W+)?"
    r"(?:forresten|forresen|btw|by the way|apropos|en annen ting|ei anna sak|noe annet"
    r"|før det|aller først|først)\b",
    re.IGNORECASE,
)


def question_inside_form(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any] | None:
    """A question about suggestions, the roadmap, the number or ringing at any question of
    the form: the answer, then the question again."""
    text, intent = str(value), _intent(tracker)
    if asks_about_suggestions(text):  # "blir forslaget lest?"
        dispatcher.utter_message(response="utter_suggestion_intro")
        return {slot: None}
    if "?" not in text:
        return None
    if intent == "roadmap":  # "hva kommer fremover?"
        dispatcher.utter_message(response="utter_roadmap")
        return {slot: None}
    if intent in ("contact_info", "can_i_call"):  # "hvilket nummer?" after an A in the form
        topic, severity = tracker.get_slot("last_topic"), tracker.get_slot("last_severity")
        context = Context(topic, parse_severity(severity))
        answer = can_i_call if intent == "can_i_call" else contact_reply
        send(dispatcher, answer(text, context, utc_now(tracker)))
        return {slot: None}
    return None


def fault_during_form(
    slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any] | None:
    """A B-feil described at the e-mail question, or at the first after "forresten": its
    advice now, then the question again, with the answers so far kept (an A-feil is taken
    by a rule the same way)."""
    if _intent(tracker) != "fault_major":
        return None
    if sounds_like_a_wish(tracker.latest_message.get("text") or ""):
        return None  # "det burde komme et varsel når e-meldinger ikke kan sendes"
    send(dispatcher, fault_reply(Severity.B, utc_now(tracker)))
    return {slot: None, **{event["name"]: event["value"] for event in remembered(Severity.B)}}


def store_and_deliver(suggestion: Suggestion) -> tuple[int, str]:
    """From the environment per submission, never at import time (storage.inbox)."""
    return inbox.add(engine(database_url()), suggestion, inbox.targets())


class ValidateSuggestionForm(FormValidationAction):
    def name(self) -> str:
        return f"validate_{SUGGESTION_FORM}"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("suggestion_text") == CANCELLED:
            return []
        return domain_slots

    def validate_suggestion_text(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:  # reset by action_start_suggestion, nothing typed yet
            return {"suggestion_text": None}
        if gives_up_at_start(str(value)):
            return {"suggestion_text": CANCELLED}
        question = question_inside_form("suggestion_text", value, dispatcher, tracker)
        if question:
            return question
        if NEW_TOPIC.match(str(value)):  # "forresten, e-meldingene har ikke gått ut siden …"
            fault = fault_during_form("suggestion_text", dispatcher, tracker)
            if fault:
                return fault
        if not is_valid_suggestion(str(value)):
            dispatcher.utter_message(response="utter_suggestion_too_short")
            return {"suggestion_text": None}
        if reads_like_a_fault(tracker):
            # "at vi får beskjed når e-meldinger ikke blir sendt" is a wish, but it reads
            # like a B-feil: keep it as the suggestion, and give the line as a condition.
            send(dispatcher, Reply("utter_suggestion_or_fault", current_line(utc_now(tracker))))
        return {"suggestion_text": clean_text(str(value))}

    def validate_suggestion_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:  # reset by action_start_suggestion, nothing typed yet
            return {"suggestion_email": None}
        fault = fault_during_form("suggestion_email", dispatcher, tracker)
        if fault:
            return fault
        question = question_inside_form("suggestion_email", value, dispatcher, tracker)
        if question:
            return question
        email = normalise_email(str(value))
        if email is not None:
            return {"suggestion_email": email}
        answer = _cancel_or_skip("suggestion_email", value)
        if answer:
            return answer
        dispatcher.utter_message(response="utter_suggestion_invalid_email")
        return {"suggestion_email": None}


class ActionStartSuggestion(Action):
    """Explains where suggestions go and clears anything left from an earlier form; a
    first message that already holds the suggestion fills it, so it is not asked again."""

    def name(self) -> str:
        return "action_start_suggestion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_suggestion_intro")
        given = suggestion_in_message(tracker.latest_message.get("text") or "")
        return [SlotSet(slot, None) for slot in SUGGESTION_SLOTS] + (
            [SlotSet("suggestion_text", given)] if given else []
        )


class ActionSubmitSuggestion(Action):
    def name(self) -> str:
        return "action_submit_suggestion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, email = (tracker.get_slot(slot) for slot in SUGGESTION_SLOTS)
        reset = [SlotSet(slot, None) for slot in SUGGESTION_SLOTS]
        if text in (None, CANCELLED):
            dispatcher.utter_message(response="utter_suggestion_cancelled")
            return reset
        suggestion = Suggestion(
            sender_id=tracker.sender_id,
            suggestion=text,
            email=None if email in (None, SKIPPED) else email,
            created_at=utc_now(tracker),
        )
        suggestion_id, outcome = await asyncio.to_thread(store_and_deliver, suggestion)
        log(tracker, "suggestion %s stored, delivery %s", suggestion_id, outcome)
        dispatcher.utter_message(
            response=f"utter_suggestion_{outcome}", suggestion_id=suggestion_id
        )
        if suggestion.email:
            dispatcher.utter_message(response="utter_suggestion_contact_by_email")
        return reset
