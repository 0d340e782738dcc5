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
# Suggestions (and what is delivered from them) in SQLite unless PostgreSQL is set below.
export AIDN_INBOX_DB="${AIDN_INBOX_DB:-$AIDN_VAR_DIR/inbox.sqlite3}"
# Shared stores for several Rasa processes (scripts/cluster.sh sets them): AIDN_DB_HOST
# moves conversations and the inbox to PostgreSQL, AIDN_REDIS_HOST Rasa's locks to Redis.
if [ -n "${AIDN_DB_HOST:-}" ]; then
  export AIDN_DB_PORT="${AIDN_DB_PORT:-5432}" AIDN_DB_NAME="${AIDN_DB_NAME:-aidn}"
  export AIDN_DB_USER="${AIDN_DB_USER:-aidn}" AIDN_DB_PASSWORD="${AIDN_DB_PASSWORD:-}"
fi
if [ -n "${AIDN_REDIS_HOST:-}" ]; then
  export AIDN_REDIS_PORT="${AIDN_REDIS_PORT:-6379}" AIDN_REDIS_DB="${AIDN_REDIS_DB:-0}"
  export AIDN_REDIS_PASSWORD="${AIDN_REDIS_PASSWORD:-}"
fi
# Rasa's HTTP API (conversations, trackers, model) is off unless one of these is set:
# AIDN_RASA_API_TOKEN (a token) or AIDN_RASA_JWT_SECRET (JWT, HS256). No default secret.
# The widget's session ids are signed with this secret; every Rasa instance needs the
# same one. Unless set, one is made once and kept in the var dir (mode 600).
if [ -z "${AIDN_SESSION_SECRET:-}" ]; then
  secret_file="$AIDN_VAR_DIR/session_secret"
  if [ ! -s "$secret_file" ]; then
    mkdir -p "$AIDN_VAR_DIR"
    (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$secret_file")
  fi
  AIDN_SESSION_SECRET="$(cat "$secret_file")"
fi
export AIDN_SESSION_SECRET
# Request bodies over 1 MB get 413 from Sanic (its default is 100 MB); a message over
# AIDN_MAX_MESSAGE_CHARS (2000) below that gets a Norwegian answer from the gate.
export SANIC_REQUEST_MAX_SIZE="${SANIC_REQUEST_MAX_SIZE:-1048576}"
# The action server listens on loopback only (rasa_sdk reads SANIC_HOST).
export SANIC_HOST="${SANIC_HOST:-127.0.0.1}"
# A health-sector deployment sends nothing to Rasa's telemetry or error reporting.
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
