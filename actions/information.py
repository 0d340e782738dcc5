"""Answers that depend on the clock, the question asked and the context: opening hours,
the severity classes, the question for a symptom, and the fallback. The answers are pure
functions in bot.replies and bot.follow_up; these actions only read the tracker."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import previous_turn_actions, previous_turn_responses, send, utc_now
from actions.fault_advice import remembered
from actions.follow_up import TOPIC, ActionLessSevere, context_of, moment_remembered
from bot.follow_up import (
    FAULT,
    OPENING_HOURS,
    Context,
    about_a_fault,
    not_understood,
    opening_hours,
    response_time,
    says_it_works_again,
)
from bot.replies import (
    Reply,
    current_line,
    fault_reply,
    mentioned_classes,
    severity_info_reply,
)
from bot.severity import Severity
from bot.symptoms import is_bare_topic


class ActionOpeningHours(Action):
    """Opening hours; right after an A- or B-feil, whether to ring (bot.follow_up)."""

    def name(self) -> str:
        return "action_opening_hours"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        context = context_of(tracker)
        send(dispatcher, opening_hours(asked, context, now))
        # Right after an A/B ("er dere åpne nå?" means "can I ring now?") the topic stays
        # the fault; otherwise it is now the opening hours.
        topic = [] if about_a_fault(context) else [SlotSet(TOPIC, OPENING_HOURS)]
        return [*topic, *moment_remembered(asked, now)]  # "hva med mandag?" ... "da?"


ANSWERS_ABOUT_CALLING = {"utter_severity_c_is_written", "utter_severity_ab_is_called"}
# "og B?": a class named in a word or two is a question about it.
CLASS_QUESTION_MAX_WORDS = 3


class ActionSeverityInfo(Action):
    """The classes, or whether to phone about one; "og for C-feil?" right after an answer
    about response times asks for that class's response time."""

    def name(self) -> str:
        return "action_severity_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        classes = mentioned_classes(asked)
        after_response_times = any(
            name.startswith("utter_response_time") for name in previous_turn_responses(tracker)
        )
        if after_response_times and len(classes) == 1:
            reply = response_time(Context(), now, asked)
        else:
            # "Er dere åpne nå?" ... "men om det er en A-feil?", "må C-feil ringes inn?" ...
            # "og B?": whether and where to ring.
            about_calling = "action_opening_hours" in previous_turn_actions(tracker) or bool(
                previous_turn_responses(tracker) & ANSWERS_ABOUT_CALLING
            )
            reply = severity_info_reply(asked, now, about_calling=about_calling)
        send(dispatcher, reply)
        # "Hva er en B-feil?" ... "må den ringes inn?": the follow-up is about that class.
        return remembered(classes[0]) if len(classes) == 1 else []


class ActionAskSymptom(Action):
    """A call for help with no symptom: ask what happens, with the line as a condition;
    asked a second time in a row, more concretely. With an A or B at hand ("det gjelder
    alle meldinger til fastlegene" after a B) it adds to that fault: the class stands."""

    def name(self) -> str:
        return "action_ask_symptom"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        context = context_of(tracker)
        if about_a_fault(context):
            if says_it_works_again(tracker.latest_message.get("text") or ""):
                return await ActionLessSevere().run(dispatcher, tracker, domain)
            dispatcher.utter_message(response="utter_severity_unchanged")
            send(dispatcher, fault_reply(context.severity, utc_now(tracker)))
            return []
        again = "utter_what_happens" in previous_turn_responses(tracker)
        response = "utter_what_happens_again" if again else "utter_what_happens"
        send(dispatcher, Reply(response, current_line(utc_now(tracker))))
        return []


def words_known(tracker: Tracker) -> bool:
    """The classifier ranked intents: it knew the words (keyboard mash gets no ranking)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return any(r.get("name") != "nlu_fallback" for r in ranking)


def best_guess(tracker: Tracker) -> str | None:
    """The classifier's best intent below the fallback."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    names = [r.get("name") for r in ranking if r.get("name") != "nlu_fallback"]
    return names[0] if names else None


class ActionFallback(Action):
    """Not understood: never leave a possible A/B fault without the number to call. The
    second time in a row, offer the main routes as buttons instead of repeating."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        context = context_of(tracker)
        after_a_or_b = context.topic == FAULT and context.severity in (Severity.A, Severity.B)
        after_c = context.topic == FAULT and context.severity is Severity.C
        if mentioned_classes(text) and len(text.split()) <= CLASS_QUESTION_MAX_WORDS:
            return await ActionSeverityInfo().run(dispatcher, tracker, domain)  # "og B?"
        guess = best_guess(tracker)
        if (after_a_or_b and guess in ("less_severe", "fault_minor")) or (
            after_c and guess == "less_severe"
        ):
            # "falsk alarm, det var bare én melding …" right after an A/B verdict, read
            # half as a correction and half as a smaller fault: the correction; after a C,
            # "vent, jeg trykket feil, vi får ikke sendt noe" is re-graded the same way.
            return await ActionLessSevere().run(dispatcher, tracker, domain)
        after_symptom_question = "utter_what_happens" in previous_turn_responses(tracker)
        in_context = not_understood(text, context, now, after_symptom_question)
        if in_context is not None:
            send(dispatcher, in_context)
            return []
        line = current_line(now)
        if previous_turn_actions(tracker) & {"action_fallback"}:
            send(dispatcher, Reply("utter_fallback_menu", line))
        elif is_bare_topic(text) and words_known(tracker):
            send(dispatcher, Reply("utter_what_happens", line))  # "pasientjournal", not "asdfgh"
        else:
            send(dispatcher, Reply("utter_fallback", line))
        return []
