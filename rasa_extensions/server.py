"""Starts Rasa's command line with this project's start-up hooks applied first.

    python -m rasa_extensions.server run --model models/aidn.tar.gz ...

takes exactly the arguments of `rasa`; scripts/serve.sh starts the server this way.
The hooks:
- action_response_validation.install(): Rasa checks each action-server response with a
  validator built once instead of once per action (about 70 of 100 ms a turn; see that
  module). AIDN_STOCK_ACTION_VALIDATION=1 leaves Rasa's own check in place, so that the
  speed benchmark can measure the difference.
"""

from __future__ import annotations

import os


def main() -> None:
    from rasa.__main__ import main as rasa_main

    from rasa_extensions import action_response_validation

    if os.environ.get("AIDN_STOCK_ACTION_VALIDATION") != "1":
        action_response_validation.install()
    rasa_main()


if __name__ == "__main__":
    main()
