#!/usr/bin/env bash
# Lint, format check and types (configured in pyproject.toml); part of the test command.
# Usage: scripts/lint.sh [--fix]   (--fix applies ruff's safe fixes and formatting)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
if [ "${1:-}" = "--fix" ]; then
  "$VENV/bin/ruff" check --fix .
  "$VENV/bin/ruff" format .
fi
echo "== ruff check"
"$VENV/bin/ruff" check .
echo "== ruff format --check"
"$VENV/bin/ruff" format --check .
echo "== mypy (strict for bot/)"
"$VENV/bin/mypy"
