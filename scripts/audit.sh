#!/usr/bin/env bash
# Dependency audit: pip-audit against requirements.lock (in a venv of its own, so it
# does not change the assistant's pinned set) and npm audit for the widget's packages.
# Fails on any known advisory, and on any package it could not check: an audit that
# could not reach its advisory database is no pass (SECURITY.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
AUDIT_VENV="$ROOT/.venv-audit"
if [ ! -x "$AUDIT_VENV/bin/pip-audit" ]; then
  python=$(scripts/find_python.sh)
  "$python" -m venv "$AUDIT_VENV"
  "$AUDIT_VENV/bin/pip" install --quiet "pip-audit==2.10.1"
fi
status=0
report="$AIDN_VAR_DIR/pip-audit.txt"
mkdir -p "$AIDN_VAR_DIR"
echo "== pip-audit (requirements.lock)"
"$AUDIT_VENV/bin/pip-audit" --no-deps --disable-pip --progress-spinner off \
  -r requirements.lock >"$report" 2>&1 || status=1
unchecked=$(grep -c "could not be audited" "$report" || true)
grep -v "could not be audited" "$report" | tail -n 40
if [ "$unchecked" != 0 ]; then
  echo "ERROR: $unchecked packages could not be audited (the advisory database did not" >&2
  echo "answer for them; full list in $report)." >&2
  status=1
fi
echo "== npm audit (package-lock.json)"
npm audit --omit=dev --audit-level=low || status=1
exit $status
