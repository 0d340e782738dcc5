"""The cached action-response validator accepts and rejects what jsonschema.validate does."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_extensions import action_response_validation
from rasa_extensions.action_response_validation import validate_action_result

STOCK = RemoteAction._validate_action_result  # as Rasa ships it (nothing installed yet)
VALID = {
    "events": [{"event": "slot", "name": "severity", "value": "A"}],
    "responses": [{"response": "utter_fault_a", "line_number": "x"}],
}
INVALID = [
    {"events": "not a list"},
    {"events": [{"event": "slot"}]},  # a slot event needs a name
    {"responses": "not a list"},
]


@pytest.fixture(autouse=True, scope="module")
def installed():
    stock = RemoteAction._validate_action_result
    action_response_validation.install()
    yield
    RemoteAction._validate_action_result = stock


def test_rasa_uses_the_cached_validator():
    assert RemoteAction._validate_action_result is validate_action_result


def test_the_replaced_rasa_method_is_the_one_it_was_written_for(monkeypatch):
    """Fails loudly when an upgrade changes Rasa's private method: review this module."""
    monkeypatch.setattr(RemoteAction, "_validate_action_result", STOCK)
    assert action_response_validation.replaced_method_is_as_expected()


def test_install_refuses_a_changed_rasa_method(monkeypatch):
    def changed(self, result):
        return True

    monkeypatch.setattr(RemoteAction, "_validate_action_result", changed)
    with pytest.raises(RuntimeError, match="was upgraded"):
        action_response_validation.install()
    assert RemoteAction._validate_action_result is changed


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
