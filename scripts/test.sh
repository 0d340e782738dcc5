#!/usr/bin/env bash
# The whole test suite: installs what is missing, checks lint and types, trains if the
# model is stale, then runs every test (unit, actions, model, Rasa validate + test
# stories, end-to-end).
# Extra arguments go to pytest, e.g. scripts/test.sh tests/unit -x
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh
scripts/lint.sh
# Debian's chromium for the browser tests (Playwright's own browser download cannot work
# on these machines); installed with apt when missing, as root.
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== Installing chromium (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "ERROR: the browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 1
  fi
fi
scripts/train.sh
exec "$VENV/bin/python" -m pytest -ra "${@:-tests}"
