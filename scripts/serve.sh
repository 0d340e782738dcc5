#!/usr/bin/env bash
# Starts the action server, the Rasa server (REST + socketio) and the help page with the
# chat widget, waits until all answer, prints where to chat, and stops all on Ctrl-C or
# when any of them exits.
# Logs go to $AIDN_VAR_DIR/*.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p "$AIDN_VAR_DIR"

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait || true; }
trap stop EXIT INT TERM

scripts/action_server.sh >"$AIDN_VAR_DIR/actions.log" 2>&1 &
pids+=($!)
scripts/rasa_server.sh >"$AIDN_VAR_DIR/rasa.log" 2>&1 &
pids+=($!)
"$VENV/bin/python" -m web.app >"$AIDN_VAR_DIR/web.log" 2>&1 &
pids+=($!)
# What could not be delivered before (suggestions to a webhook that was down) goes now;
# with AIDN_RETENTION_DAYS set, conversations idle for longer are deleted.
"$VENV/bin/python" -m storage.deliver >"$AIDN_VAR_DIR/deliver.log" 2>&1 &
if [ -n "${AIDN_RETENTION_DAYS:-}" ]; then
  "$VENV/bin/python" -m storage.retention >"$AIDN_VAR_DIR/retention.log" 2>&1 &
fi

wait_for() {  # url, name, seconds
  for _ in $(seq "$3"); do
    if "$VENV/bin/python" -c "import urllib.request as u; u.urlopen('$1', timeout=2)" \
        >/dev/null 2>&1; then return 0; fi
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { echo "ERROR: $2 exited; see $AIDN_VAR_DIR" >&2; exit 1; }
    done
    sleep 1
  done
  echo "ERROR: $2 did not start within $3 s; see $AIDN_VAR_DIR" >&2; exit 1
}
wait_for "http://127.0.0.1:$AIDN_ACTION_PORT/health" "action server" 120
wait_for "http://127.0.0.1:$AIDN_WEB_PORT/health" "help page" 60
wait_for "http://127.0.0.1:$AIDN_RASA_PORT/" "Rasa server" 300
grep -m1 "spaCy pipeline loaded" "$AIDN_VAR_DIR/rasa.log" || true
cat <<MSG

The Aidn help assistant is running.
  Help page with the chat widget: http://127.0.0.1:$AIDN_WEB_PORT/
  REST:     curl -s -XPOST http://127.0.0.1:$AIDN_RASA_PORT/webhooks/rest/webhook \\
              -H 'Content-Type: application/json' -d '{"sender": "me", "message": "Aidn er helt nede"}'
  socketio: http://127.0.0.1:$AIDN_RASA_PORT/socket.io
  Logs:     $AIDN_VAR_DIR/rasa.log, $AIDN_VAR_DIR/actions.log
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
