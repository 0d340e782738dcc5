"""Never silence: when a custom action or form fails (e.g. the action server is down),
send a static response with both phone lines and their hours, then listen.

Rasa logs a failed action as executed with no events after it (rasa/core/processor.py,
`_run_action`). This policy notices that pattern for the domain's custom actions and
forms, which always send a message when they work, and outranks every other policy.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

FALLBACK_RESPONSE = "utter_technical_problem"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT], is_trainable=False
)
class ActionFailurePolicy(Policy):
    @staticmethod
    def get_default_config() -> dict:
        return {"priority": 7}  # above RulePolicy (6)

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
        next_action = self._next_action(tracker, domain)
        if next_action is None:
            return self._prediction(self._default_predictions(domain))
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(next_action)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    @staticmethod
    def _next_action(tracker: DialogueStateTracker, domain: Domain) -> str | None:
        events = list(tracker.events)
        executed = [i for i, event in enumerate(events) if isinstance(event, ActionExecuted)]
        if not executed:
            return None
        last = events[executed[-1]]
        if last.action_name == FALLBACK_RESPONSE:
            return ACTION_LISTEN_NAME
        custom = (set(domain.user_actions) - set(domain.responses)) | set(domain.form_names)
        if last.action_name not in custom or executed[-1] != len(events) - 1:
            return None
        # A live conversation always has a session; story trackers (`rasa test`) have
        # none, and there an action step is never followed by its messages.
        live = any(isinstance(event, SessionStarted) for event in events)
        return FALLBACK_RESPONSE if live else None  # it ran and produced nothing: failed
