"""The written fault report, taken in the chat: offered after every verdict (the number
always first), asked as a form, shown as a summary the user can correct, then stored and
e-mailed to support (storage.reports)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import log, send, utc_now
from bot import hours
from bot.entry import had_identity_number
from bot.replies import (
    Reply,
    closed_values,
    current_line,
    fault_reply,
    mentioned_classes,
    severity_info_reply,
)
from bot.report import (
    AFFECTED,
    CALLED,
    CONFIRMED,
    CONTACT,
    GIVEN_UP,
    MIN_DESCRIPTION,
    QUESTIONS,
    SINCE,
    SKIPPED,
    WHAT,
    OfferAnswer,
    Report,
    answer_to_offer,
    asks_back,
    channel_name,
    confirms,
    declines,
    field_to_change,
    gives_up,
    new_value,
    normalise_contact,
    parse_since,
    summary_lines,
)
from bot.severity import Answer, Severity, leading_answer
from bot.symptoms import describes_symptom
from storage import reports
from storage.database import database_url, engine

REPORT_FORM = "report_form"
SEVERITY_REASON = "severity_reason"
OFFER = "utter_offer_report"
# Questions about the classes asked inside the form, answered before the question again.
QUESTION_INTENTS = ("severity_info", "explain")
A_FEIL_CONFIDENCE = 0.8


def offer_report(dispatcher: CollectingDispatcher) -> None:
    """After a verdict: the written report can be taken here (the number came first)."""
    dispatcher.utter_message(response=OFFER)


def start_report(dispatcher: CollectingDispatcher) -> list[EventType]:
    """The report form from the start, with no answers left from an earlier one."""
    dispatcher.utter_message(response="utter_report_start")
    return [*(SlotSet(slot, None) for slot in (*QUESTIONS, CONFIRMED)), FollowupAction(REPORT_FORM)]


class ActionStartReport(Action):
    """ "Ja, skriv rapporten her" (or "jeg vil melde det skriftlig her")."""

    def name(self) -> str:
        return "action_start_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("last_severity") not in ("A", "B", "C"):
            # No class given in this conversation: the fault first, then the report.
            dispatcher.utter_message(response="utter_report_needs_a_fault")
            return []
        return start_report(dispatcher)


class ActionAnswerReportOffer(Action):
    """A yes or no to the offer in the user's own words (rasa_extensions.report_offer_policy
    predicts it only when bot.report reads one)."""

    def name(self) -> str:
        return "action_answer_report_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answer = answer_to_offer(tracker.latest_message.get("text") or "")
        if answer is OfferAnswer.ACCEPT:
            return await ActionStartReport().run(dispatcher, tracker, domain)
        dispatcher.utter_message(response="utter_report_declined")
        return []


def _an_a_feil_now(tracker: Tracker) -> bool:
    """A clear A-feil described inside a report about a B or C."""
    intent = tracker.latest_message.get("intent") or {}
    return (
        intent.get("name") == "fault_critical"
        and float(intent.get("confidence") or 0) >= A_FEIL_CONFIDENCE
        and tracker.get_slot("last_severity") != Severity.A.value
        and describes_symptom(tracker.latest_message.get("text") or "")
    )


class ValidateReportForm(FormValidationAction):
    def name(self) -> str:
        return f"validate_{REPORT_FORM}"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot(CONFIRMED) == GIVEN_UP:
            return []
        asks_about_calling = tracker.get_slot("last_severity") in ("A", "B")
        return [s for s in domain_slots if s != CALLED or asks_about_calling]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Before the answers are read: "stopp, dropper det" at any question ends the
        report; an A described inside a B or C report is rung in; "hva betyr egentlig
        B-feil?" is no answer: the classes, then the same question again (this report's
        class stays as it is)."""
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if gives_up(text):  # "stopp, dropper det": no more questions, nothing is sent
            return [SlotSet(CONFIRMED, GIVEN_UP)]
        if _an_a_feil_now(tracker):
            # "nå har hele systemet gått ned" while a B or C is reported: ring now, and the
            # report goes on as an A (a description at the first question is kept).
            send(dispatcher, fault_reply(Severity.A, utc_now(tracker)))
            dispatcher.utter_message(response="utter_report_now_a")
            upgrade = [
                SlotSet("last_topic", "fault"),
                SlotSet("last_severity", Severity.A.value),
                SlotSet(SEVERITY_REASON, f"Endret til A-feil underveis: «{text[:300]}»"),
            ]
            if tracker.get_slot("requested_slot") == WHAT:
                return upgrade + await super().get_validation_events(dispatcher, tracker, domain)
            return upgrade + [SlotSet(slot, None) for slot in tracker.slots_to_validate()]
        if intent in QUESTION_INTENTS and "?" in text and mentioned_classes(text):
            send(dispatcher, severity_info_reply(text, utc_now(tracker)))
            return [SlotSet(slot, None) for slot in tracker.slots_to_validate()]
        if asks_back(text) and not normalise_contact(text):
            # "hvorfor trenger dere det?", "hva mener du med det?": why, then the question
            dispatcher.utter_message(response="utter_report_why_we_ask")
            return [SlotSet(slot, None) for slot in tracker.slots_to_validate()]
        return await super().get_validation_events(dispatcher, tracker, domain)

    @staticmethod
    def _warn_if_a_number_was_removed(value: Any, dispatcher: CollectingDispatcher) -> None:
        if had_identity_number(str(value)):
            dispatcher.utter_message(response="utter_personal_data_warning")

    def validate_report_what(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {WHAT: None}
        self._warn_if_a_number_was_removed(value, dispatcher)
        text = " ".join(str(value).split())
        if len(text) < MIN_DESCRIPTION:
            dispatcher.utter_message(response="utter_report_what_too_short")
            return {WHAT: None}
        return {WHAT: text[:2000]}

    def validate_report_since(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {SINCE: None}
        if declines(str(value)):
            return {SINCE: SKIPPED}
        now = utc_now(tracker)
        since = parse_since(str(value), now)
        # Understood: a time in Europe/Oslo; not understood: kept as typed.
        return {SINCE: since.describe(now) if since else " ".join(str(value).split())[:200]}

    def validate_report_affected(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {AFFECTED: None}
        self._warn_if_a_number_was_removed(value, dispatcher)
        if declines(str(value)):
            return {AFFECTED: SKIPPED}
        return {AFFECTED: " ".join(str(value).split())[:500]}

    def validate_report_called(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {CALLED: None}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        answer = leading_answer(str(value))
        if intent == "affirm" or answer is Answer.YES:
            return {CALLED: "ja"}
        if intent == "deny" or answer is Answer.NO or "ikke" in str(value).lower():
            # Not phoned yet: the number now, and the report goes on.
            send(dispatcher, Reply("utter_report_call_first", current_line(utc_now(tracker))))
            return {CALLED: "nei"}
        dispatcher.utter_message(response="utter_report_called_yes_or_no")
        return {CALLED: None}

    def validate_report_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:
            return {CONTACT: None}
        contact = normalise_contact(str(value))
        if contact:
            return {CONTACT: contact}
        if declines(str(value)):
            return {CONTACT: SKIPPED}
        dispatcher.utter_message(response="utter_report_invalid_contact")
        return {CONTACT: None}

    def validate_report_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "Send" sends; "endre e-posten" (or a new address at once) changes one answer."""
        if value is None:
            return {CONFIRMED: None}
        text = str(value)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        field = field_to_change(text)
        if field is None and (intent == "affirm" or confirms(text)):
            return {CONFIRMED: "ja"}
        if field == CONTACT and normalise_contact(text):
            return {CONTACT: normalise_contact(text), CONFIRMED: None}  # a new address
        if field == SINCE and parse_since(text, utc_now(tracker)):  # "det var fra kl 13"
            since = self.validate_report_since(text, dispatcher, tracker, domain)[SINCE]
            return {SINCE: since, CONFIRMED: None}
        if field in (WHAT, AFFECTED) and new_value(text):  # "endre berørt: hele kommunen"
            return {field: new_value(text), CONFIRMED: None}
        if field is not None:
            return {field: None, CONFIRMED: None}  # asked again, then the summary again
        dispatcher.utter_message(response="utter_report_what_to_change")
        return {CONFIRMED: None}


class ActionAskReportConfirmed(Action):
    """The summary, with what can be done: send, change an answer, cancel."""

    def name(self) -> str:
        return f"action_ask_{CONFIRMED}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answers = {field: tracker.get_slot(field) for field in QUESTIONS}
        severity = str(tracker.get_slot("last_severity") or "C")
        dispatcher.utter_message(
            response="utter_report_summary", summary="\n".join(summary_lines(answers, severity))
        )
        return []


class ActionSubmitReport(Action):
    def name(self) -> str:
        return "action_submit_report"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        answers = {field: tracker.get_slot(field) for field in QUESTIONS}
        reset = [SlotSet(slot, None) for slot in (*QUESTIONS, CONFIRMED)]
        if tracker.get_slot(CONFIRMED) == GIVEN_UP:
            dispatcher.utter_message(response="utter_report_cancelled")
            return reset
        if answers[WHAT] is None:  # cancelled on the way
            return reset
        now = utc_now(tracker)
        severity = str(tracker.get_slot("last_severity") or "C")

        def given(field: str) -> str | None:
            value = answers[field]
            return None if value in (None, SKIPPED) else str(value)

        report = Report(
            severity=severity,
            reasoning=str(tracker.get_slot(SEVERITY_REASON) or f"{severity}-feil gitt i samtalen"),
            what=str(answers[WHAT]),
            since=given(SINCE),
            affected=given(AFFECTED),
            called={"ja": True, "nei": False}.get(str(answers[CALLED])),
            contact=given(CONTACT) or "ikke oppgitt",
            channel=channel_name(tracker.get_latest_input_channel()),
            sender_id=tracker.sender_id,
            created_at=now,
        )
        report_id, outcome = await asyncio.to_thread(
            reports.add, engine(database_url()), report, reports.targets()
        )
        log(tracker, "report %s stored, delivery %s", report_id, outcome)
        dispatcher.utter_message(response=f"utter_report_{outcome}", report_id=report_id)
        send(dispatcher, next_step(severity, now))
        return reset


def next_step(severity: str, now: datetime) -> Reply:
    """What happens next for the class, from the help page."""
    if severity == "A":
        return Reply("utter_report_next_a")
    if severity == "B":
        return Reply("utter_report_next_b")
    if hours.office_is_open(now):
        return Reply("utter_report_next_c_open")
    return Reply("utter_report_next_c_closed", closed_values(now))
