# Sourced by every script: one place for ports, paths and privacy settings.
# Values already set in the environment win.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export VENV="${VENV:-$ROOT/.venv}"
export AIDN_RASA_PORT="${AIDN_RASA_PORT:-5005}"
export AIDN_ACTION_PORT="${AIDN_ACTION_PORT:-5055}"
export AIDN_WEB_PORT="${AIDN_WEB_PORT:-8080}"
export AIDN_SOCKET_URL="${AIDN_SOCKET_URL:-http://127.0.0.1:$AIDN_RASA_PORT}"
export AIDN_ACTION_ENDPOINT_URL="${AIDN_ACTION_ENDPOINT_URL:-http://127.0.0.1:$AIDN_ACTION_PORT/webhook}"
export AIDN_VAR_DIR="${AIDN_VAR_DIR:-$ROOT/var}"
# The model serve.sh runs; train.sh writes the default (the speed benchmark sets its own).
export AIDN_MODEL="${AIDN_MODEL:-$ROOT/models/aidn.tar.gz}"
export AIDN_TRACKER_DB="${AIDN_TRACKER_DB:-$AIDN_VAR_DIR/tracker.sqlite3}"
export AIDN_SUGGESTIONS_DB="${AIDN_SUGGESTIONS_DB:-$AIDN_VAR_DIR/suggestions.sqlite3}"
# The Rasa HTTP API (conversations, tracker) needs this token; random unless set.
export AIDN_RASA_API_TOKEN="${AIDN_RASA_API_TOKEN:-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
# The action server listens on loopback only (rasa_sdk reads SANIC_HOST).
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
# A health-sector deployment sends nothing to Rasa's telemetry or error reporting.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
