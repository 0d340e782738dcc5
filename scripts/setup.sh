#!/usr/bin/env bash
# Installs what is missing: Python 3.10 venv, pinned packages, the spaCy pipeline, the
# widget's npm packages. Checks each prerequisite with a clear message (README:
# Prerequisites). Idempotent: a second run only checks. Usage: scripts/setup.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c \
    'import sys, sqlite3; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then
  echo "ERROR: $VENV was not made with a Python 3.10 that has sqlite3; remove it" >&2
  echo "('rm -rf $VENV') and run this again." >&2
  exit 1
fi
command -v npm >/dev/null || {
  echo "ERROR: npm (Node.js 18 or newer) is needed for the chat widget's socket.io client:" >&2
  echo "install Node.js, e.g. 'apt-get install nodejs npm'." >&2
  exit 1
}

stamp="$VENV/.installed-$(sha256sum requirements.lock | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    python=$(scripts/find_python.sh) || exit 1
    echo "== Creating $VENV with $python"
    "$python" -m venv "$VENV"
  fi
  echo "== Installing pinned packages (requirements.lock; takes a few minutes the first time)"
  "$VENV/bin/python" -m pip install --quiet --upgrade "pip==24.0"
  "$VENV/bin/python" -m pip install --quiet -r requirements.lock
  rm -f "$VENV"/.installed-*
  touch "$stamp"
fi

# spaCy pipeline: the production model if obtainable, else the named stand-in.
SPACY_MODEL_URL="https://github.com/explosion/spacy-models/releases/download/nb_core_news_sm-3.4.0/nb_core_news_sm-3.4.0-py3-none-any.whl"
has_model() {
  "$VENV/bin/python" -c "import spacy.util, sys; sys.exit(not spacy.util.is_package('nb_core_news_sm'))"
}
if ! has_model; then
  if [ -n "${AIDN_SPACY_MODEL_WHEEL:-}" ]; then
    echo "== Installing nb_core_news_sm from $AIDN_SPACY_MODEL_WHEEL"
    "$VENV/bin/python" -m pip install --quiet --no-deps "$AIDN_SPACY_MODEL_WHEEL"
  elif [ ! -f "$ROOT/.spacy/nb_aidn_standin/config.cfg" ]; then
    if "$VENV/bin/python" -m pip install --quiet --no-deps --timeout 15 --retries 0 \
        "$SPACY_MODEL_URL" >/dev/null 2>&1; then
      echo "== Installed nb_core_news_sm 3.4.0 from spaCy's model release"
    else
      echo "== nb_core_news_sm is not reachable: building the stand-in pipeline nb_aidn_standin"
      "$VENV/bin/python" -m rasa_extensions.spacy_pipeline >/dev/null
    fi
  fi
fi
# The widget's browser dependency (socket.io-client), pinned by package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== Installing the widget's npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$AIDN_VAR_DIR"
