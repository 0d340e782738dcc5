#!/usr/bin/env bash
# The whole test suite: installs what is missing, trains if the model is stale, then
# runs every test (unit, actions, model, Rasa validate + test stories, end-to-end).
# Extra arguments go to pytest, e.g. scripts/test.sh tests/unit -x
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh
scripts/train.sh
exec "$VENV/bin/python" -m pytest -ra "${@:-tests}"
