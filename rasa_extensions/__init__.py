"""Components that run inside the Rasa server (NLU, NLG, policy); logic lives in bot/."""

import os

from rasa_extensions import action_response_validation

# AIDN_STOCK_ACTION_VALIDATION=1 keeps Rasa's own validation (the speed benchmark
# measures the difference).
if os.environ.get("AIDN_STOCK_ACTION_VALIDATION") != "1":
    action_response_validation.install()
