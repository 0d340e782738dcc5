#!/usr/bin/env bash
# Runs the assistant: installs what is missing, trains if the model is stale, starts the
# action server and the Rasa server, and prints where to chat.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh
scripts/train.sh
exec scripts/serve.sh
