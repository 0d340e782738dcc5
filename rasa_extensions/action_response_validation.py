"""Validate action server responses with a validator built once, not once per action.

Rasa 3.6's RemoteAction._validate_action_result calls jsonschema.validate, which checks
the schema itself against its meta-schema on every call. With jsonschema 4.17 that is
most of the time a custom action costs: about 70 ms of a 100 ms turn on our machines
(profiled; see BENCHMARKS.md and RasaHQ/rasa#11717). This keeps the same schema, the
same validator class and the same error, with the schema checked once. Installed by the
start-up hook (rasa_extensions/server.py), which refuses to start when the method it
replaces is not the one this was written for (rasa==3.6.21 as pinned).
"""

from __future__ import annotations

import hashlib
import inspect
from functools import lru_cache
from typing import Any

from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """What jsonschema.validate does, minus re-checking the schema (same error raised)."""
    error = best_match(response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response "
        "from the Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


# sha256 of the source of RemoteAction._validate_action_result in rasa 3.6.21.
REPLACED_SOURCE_SHA256 = "f8cdb4be6812396167ced74161b2ccd65c5ea676ad86d7d359d8c322d9d8dc42"


def replaced_method_is_as_expected() -> bool:
    """True when Rasa's method is the one this module reimplements, unchanged."""
    method = RemoteAction.__dict__.get("_validate_action_result")
    if method is validate_action_result:
        return True  # installed already
    if method is None:
        return False
    source = inspect.getsource(method)
    return hashlib.sha256(source.encode()).hexdigest() == REPLACED_SOURCE_SHA256


def install() -> None:
    if not replaced_method_is_as_expected():
        raise RuntimeError(
            "rasa.core.actions.action.RemoteAction._validate_action_result is not the "
            "method rasa_extensions/action_response_validation.py was written for (Rasa "
            "was upgraded?). Compare the two, update REPLACED_SOURCE_SHA256, or start "
            "with AIDN_STOCK_ACTION_VALIDATION=1."
        )
    RemoteAction._validate_action_result = validate_action_result
