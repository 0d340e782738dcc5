"""The cached action-response validator accepts and rejects what jsonschema.validate does."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

import rasa_extensions  # noqa: F401  (installs the validator)
from rasa_extensions.action_response_validation import validate_action_result

VALID = {
    "events": [{"event": "slot", "name": "severity", "value": "A"}],
    "responses": [{"response": "utter_fault_a", "line_number": "x"}],
}
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},  # a slot event needs a name
    {"responses": "not a list"},
]


def test_rasa_uses_the_cached_validator():
    assert RemoteAction._validate_action_result is validate_action_result


def test_a_valid_response_passes():
    action = RemoteAction("action_fault_advice", None)
    assert action._validate_action_result(VALID) is True
    jsonschema.validate(VALID, RemoteAction.action_response_format_spec())


@pytest.mark.parametrize("result", INVALID)
def test_an_invalid_response_raises_the_same_error_as_jsonschema(result):
    with pytest.raises(jsonschema.ValidationError) as expected:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError) as raised:
        RemoteAction("action_fault_advice", None)._validate_action_result(result)
    assert raised.value.message.startswith(expected.value.message)
    assert "Failed to validate Action server response" in raised.value.message
