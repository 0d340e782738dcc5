#!/usr/bin/env bash
# The action server (stateless) on $AIDN_ACTION_PORT, loopback only, in the foreground.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
debug=()
if [ "${AIDN_DEBUG_LOGS:-0}" = 1 ]; then debug=(--debug); fi
exec "$VENV/bin/rasa" run actions --actions actions --port "$AIDN_ACTION_PORT" "${debug[@]}"
