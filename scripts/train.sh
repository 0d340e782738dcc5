#!/usr/bin/env bash
# Trains models/aidn.tar.gz only when its inputs changed (hash in models/aidn.inputs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

spacy_choice=$("$VENV/bin/python" -c \
  "from rasa_extensions.spacy_pipeline import choose_pipeline; print(choose_pipeline('nb_core_news_sm').name)")
inputs=$( { cat config.yml domain.yml requirements.lock data/*.yml rasa_extensions/*.py bot/*.py;
            echo "$spacy_choice"; } | sha256sum | cut -c1-32)
if [ -f models/aidn.tar.gz ] && [ "$(cat models/aidn.inputs 2>/dev/null)" = "$inputs" ]; then
  echo "== Model is up to date (models/aidn.tar.gz)"
  exit 0
fi
echo "== Training the model (spaCy pipeline: $spacy_choice); under a minute"
"$VENV/bin/rasa" train --fixed-model-name aidn --out models --quiet
echo "$inputs" > models/aidn.inputs
