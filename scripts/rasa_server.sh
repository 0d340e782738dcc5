#!/usr/bin/env bash
# One Rasa server (REST and socketio channels) on $AIDN_RASA_PORT, in the foreground. Its
# endpoints and credentials are made from the environment first
# (rasa_extensions/server_config.py): SQLite or PostgreSQL, Redis lock store or none.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
config="$AIDN_VAR_DIR/config"
"$VENV/bin/python" -m rasa_extensions.server_config "$config"
# Rasa's HTTP API only when asked for, and then with a secret (scripts/env.sh).
api=()
if [ -n "${AIDN_RASA_API_TOKEN:-}" ]; then api+=(--enable-api --auth-token "$AIDN_RASA_API_TOKEN"); fi
if [ -n "${AIDN_RASA_JWT_SECRET:-}" ]; then
  api+=(--enable-api --jwt-secret "$AIDN_RASA_JWT_SECRET" --jwt-method HS256)
fi
# AIDN_DEBUG_LOGS=1: debug logging (the privacy tests read it all).
debug=()
if [ "${AIDN_DEBUG_LOGS:-0}" = 1 ]; then debug=(--debug); fi
# rasa_extensions.server is `rasa` with our start-up hooks (see that module).
exec "$VENV/bin/python" -m rasa_extensions.server run --model "$AIDN_MODEL" "${api[@]}" \
  "${debug[@]}" --port "$AIDN_RASA_PORT" --interface 127.0.0.1 \
  --endpoints "$config/endpoints.yml" --credentials "$config/credentials.yml"
