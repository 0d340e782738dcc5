"""The answer to the report offer, read from the words rather than the intent.

After "Vil du at jeg tar den skriftlige tilbakemeldingen her?", replies such as
"kjør på", "greit, fyll ut for meg da" or "nei takk, vi sender en mail etterpå" are
classified as anything (acknowledge, out_of_scope, the fallback). When `bot.report`
reads the reply as a clear yes or no to the offer, this policy predicts
action_answer_report_offer; otherwise it predicts nothing and the rules decide.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.report import answer_to_offer

OFFER = "utter_offer_report"
ANSWER_ACTION = "action_answer_report_offer"
# The offer stays open while the user asks a question or two first, until one of these
# answers it.
OPEN_FOR_TURNS = 3
ANSWERS_THE_OFFER = {
    ANSWER_ACTION,
    "action_start_report",
    "action_yes_without_question",
    "action_no_without_question",
}
# Read as they are, whatever words they share with an answer to the offer: a correction
# ("nei vent, det er bare på min pc") or more about the fault.
NOT_AN_ANSWER = {
    "less_severe",
    "fault_critical",
    "fault_major",
    "fault_minor",
    "report_fault",
    "share_personal_data",
    "message_too_long",
}


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False
)
class ReportOfferPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict:
        return {"priority": 7}  # above RulePolicy (6); it predicts only in its one case

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if tracker.latest_action_name == ANSWER_ACTION:
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        elif self._answers_the_offer(tracker):
            probabilities[domain.index_for_action(ANSWER_ACTION)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def _answers_the_offer(tracker: DialogueStateTracker) -> bool:
        if tracker.latest_action_name != ACTION_LISTEN_NAME or tracker.active_loop_name:
            return False
        events = list(tracker.events)
        users = [i for i, event in enumerate(events) if isinstance(event, UserUttered)]
        if len(users) < 2:
            return False
        latest = events[users[-1]]
        text = latest.text or ""
        if text.startswith("/") or latest.intent_name in NOT_AN_ANSWER:
            return False  # a button's payload, a correction or the fault: the rules read it
        return _offer_open(events[: users[-1]]) and answer_to_offer(text) is not None


def _offer_open(events: list[Event]) -> bool:
    """The offer was made in the last OPEN_FOR_TURNS turns ("hvilket nummer?" may come
    between it and "nei takk, vi sender en mail etterpå") and has not been answered."""
    offers = [
        i
        for i, event in enumerate(events)
        if isinstance(event, BotUttered) and event.metadata.get("utter_action") == OFFER
    ]
    if not offers:
        return False
    since = events[offers[-1] :]
    turns_since = sum(isinstance(event, UserUttered) for event in since)
    answered = any(
        isinstance(event, ActionExecuted) and event.action_name in ANSWERS_THE_OFFER
        for event in since
    )
    return turns_since < OPEN_FOR_TURNS and not answered
