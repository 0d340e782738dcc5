#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter that can build the project's venv, or
# explains on stderr why none could be used and exits 1. Rasa 3.6 needs >=3.8,<3.11, and
# the lock is resolved for 3.10. Any 3.10.x will do; .python-version is only a hint.
# Tried in order: $AIDN_PYTHON; pyenv's version named in .python-version; every other
# pyenv 3.10.x, newest first; python3.10 and python3 on PATH; /usr/bin and /usr/local/bin.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
hint="$(cat "$ROOT/.python-version" 2>/dev/null || true)"

# What the venv needs from the interpreter: 3.10, sqlite3 (tracker store, inboxes),
# venv and ensurepip (to create the venv with pip).
CHECK='import sys
if sys.version_info[:2] != (3, 10):
    sys.exit("is Python %d.%d, not 3.10" % sys.version_info[:2])
missing = []
for module in ("sqlite3", "venv", "ensurepip"):
    try:
        __import__(module)
    except ImportError:
        missing.append(module)
if missing:
    sys.exit("is 3.10 but lacks the module(s) " + ", ".join(missing))'

candidates=()
[ -n "${AIDN_PYTHON:-}" ] && candidates+=("$AIDN_PYTHON")
[ -n "$hint" ] && candidates+=("$pyenv_root/versions/$hint/bin/python3.10")
while IFS= read -r dir; do
  candidates+=("$dir/bin/python3.10")
done < <(ls -d "$pyenv_root"/versions/3.10.* 2>/dev/null | sort -V -r)
for name in python3.10 python3; do
  while IFS= read -r found; do candidates+=("$found"); done < <(type -a -p "$name" 2>/dev/null)
done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)

reasons=()
for candidate in "${candidates[@]}"; do
  [ -x "$candidate" ] || continue
  # A pyenv shim resolves through .python-version; let it choose any installed 3.10
  # rather than fail because the exact hinted patch release is missing.
  if why=$(env -u PYENV_VERSION "$candidate" -c "$CHECK" 2>&1); then
    echo "$candidate"
    exit 0
  fi
  reasons+=("  $candidate: ${why##*$'\n'}")
done

{
  echo "ERROR: no usable Python 3.10 was found (Rasa 3.6 needs Python 3.10)."
  [ ${#reasons[@]} -gt 0 ] && printf 'Tried:\n' && printf '%s\n' "${reasons[@]}"
  echo "Install one, e.g. 'pyenv install 3.10' or Debian/Ubuntu's python3.10 with"
  echo "python3.10-venv, or point AIDN_PYTHON at a python3.10 that has sqlite3 and venv."
} >&2
exit 1
