"""The endpoints and credentials files the Rasa server starts with, made from the
environment (Rasa's `${VAR}` has no default, so optional parts are chosen here).

    python -m rasa_extensions.server_config OUT_DIR

writes OUT_DIR/endpoints.yml and OUT_DIR/credentials.yml from the repository's
endpoints.yml and credentials.yml (the single-machine default) and these settings:

- AIDN_DB_HOST set: conversations in PostgreSQL (AIDN_DB_PORT, AIDN_DB_NAME, AIDN_DB_USER,
  AIDN_DB_PASSWORD) instead of the SQLite file.
- AIDN_REDIS_HOST set: Rasa's lock store in Redis (AIDN_REDIS_PORT, AIDN_REDIS_DB,
  AIDN_REDIS_PASSWORD), which several Rasa processes need to share conversations.

Secrets stay `${VAR}` references in the files; Rasa reads their values from the
environment when it starts.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
TRACKER_STORE = "rasa_extensions.redacting_tracker_store.RedactingSQLTrackerStore"


def postgres_tracker_store() -> dict[str, Any]:
    return {
        "type": TRACKER_STORE,
        "dialect": "postgresql",
        "url": "${AIDN_DB_HOST}",
        "port": "${AIDN_DB_PORT}",
        "db": "${AIDN_DB_NAME}",
        "username": "${AIDN_DB_USER}",
        "password": "${AIDN_DB_PASSWORD}",
        # A database that does not answer fails the turn within seconds, not minutes.
        "query": {"connect_timeout": "5"},
    }


def redis_lock_store() -> dict[str, Any]:
    return {
        "type": "redis",
        "url": "${AIDN_REDIS_HOST}",
        "port": "${AIDN_REDIS_PORT}",
        "db": "${AIDN_REDIS_DB}",
        "password": "${AIDN_REDIS_PASSWORD}",
        "key_prefix": "aidn",
        "socket_timeout": 5,
    }


def endpoints(env: Mapping[str, str], base: dict[str, Any]) -> dict[str, Any]:
    config = dict(base)
    if env.get("AIDN_DB_HOST"):
        config["tracker_store"] = postgres_tracker_store()
    if env.get("AIDN_REDIS_HOST"):
        config["lock_store"] = redis_lock_store()
    return config


def credentials(env: Mapping[str, str], base: dict[str, Any]) -> dict[str, Any]:
    return dict(base)


def write(out_dir: Path, env: Mapping[str, str]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, build in (("endpoints.yml", endpoints), ("credentials.yml", credentials)):
        base = yaml.safe_load((ROOT / name).read_text(encoding="utf-8")) or {}
        (out_dir / name).write_text(
            f"# Made by rasa_extensions/server_config.py from ../{name} and the environment.\n"
            + yaml.safe_dump(build(env, base), sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )


if __name__ == "__main__":
    write(Path(sys.argv[1]), os.environ)
