"""Validate action server responses with a validator built once, not once per action.

Rasa 3.6's RemoteAction._validate_action_result calls jsonschema.validate, which checks
the schema itself against its meta-schema on every call. With jsonschema 4.17 that is
most of the time a custom action costs: about 70 ms of a 100 ms turn on our machines
(profiled; see BENCHMARKS.md and RasaHQ/rasa#11717). This keeps the same schema, the
same validator class and the same error, with the schema checked once. Installed when
the package is imported (rasa_extensions/__init__.py), i.e. whenever Rasa loads any of
our components; written for rasa==3.6.21 as pinned.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

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


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
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


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
