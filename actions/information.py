"""Answers that depend on the clock and on the question asked: opening hours, the
severity classes, contact details and the fallback. Each is one pure function of
(question, now) from bot.replies; `ClockAnswer` does the Rasa part once."""

from __future__ import annotations

from abc import ABC, abstractmethod
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send, utc_now
from bot.replies import Reply, current_line, opening_hours_reply, severity_info_reply


class ClockAnswer(Action, ABC):
    """Sends `answer(the user's latest text, now)`; sets no slots."""

    @staticmethod
    @abstractmethod
    def answer(asked: str, now: datetime) -> Reply: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, self.answer(tracker.latest_message.get("text") or "", utc_now()))
        return []


class ActionOpeningHours(ClockAnswer):
    def name(self) -> str:
        return "action_opening_hours"

    @staticmethod
    def answer(asked: str, now: datetime) -> Reply:
        return opening_hours_reply(now, asked)


class ActionSeverityInfo(ClockAnswer):
    def name(self) -> str:
        return "action_severity_info"

    @staticmethod
    def answer(asked: str, now: datetime) -> Reply:
        return severity_info_reply(asked, now)


class ActionContactInfo(ClockAnswer):
    def name(self) -> str:
        return "action_contact_info"

    @staticmethod
    def answer(asked: str, now: datetime) -> Reply:
        # "Skal jeg ringe om en C-feil?" can read as a contact question: answer the class.
        about_a_class = severity_info_reply(asked, now)
        if about_a_class.response != "utter_severity_info":
            return about_a_class
        return Reply("utter_contact_info", current_line(now))


class ActionFallback(ClockAnswer):
    """Not understood: never leave a possible A/B fault without the number to call."""

    def name(self) -> str:
        return "action_fallback"

    @staticmethod
    def answer(asked: str, now: datetime) -> Reply:
        return Reply("utter_fallback", current_line(now))
