"""The endpoints and credentials files the Rasa server starts with, made from the
environment (Rasa's `${VAR}` has no default, so optional parts are chosen here).

    python -m rasa_extensions.server_config OUT_DIR

writes OUT_DIR/endpoints.yml and OUT_DIR/credentials.yml from the repository's
endpoints.yml and credentials.yml (the single-machine default) and these settings:

- AIDN_DB_HOST set: conversations in PostgreSQL (AIDN_DB_PORT, AIDN_DB_NAME, AIDN_DB_USER,
  AIDN_DB_PASSWORD) instead of the SQLite file.
- AIDN_REDIS_HOST set: Rasa's lock store in Redis (AIDN_REDIS_PORT, AIDN_REDIS_DB,
  AIDN_REDIS_PASSWORD), which several Rasa processes need to share conversations.
- AIDN_SLACK_BOT_TOKEN and AIDN_SLACK_SIGNING_SECRET set: the Slack channel
  (AIDN_SLACK_API_URL for another Web API address). Unset: Slack is off.
- AIDN_TEAMS_APP_ID and AIDN_TEAMS_APP_PASSWORD set: the Teams channel, single-tenant with
  AIDN_TEAMS_TENANT_ID, else multi-tenant (AIDN_TEAMS_LOGIN_URL, AIDN_TEAMS_OPENID_URL for
  other Microsoft addresses). Unset: Teams is off.

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


SLACK = "rasa_extensions.channels.slack.AidnSlackInput"
TEAMS = "rasa_extensions.channels.teams.TeamsInput"


def credentials(env: Mapping[str, str], base: dict[str, Any]) -> dict[str, Any]:
    """REST and socketio always; Slack and Teams when their secrets are set."""
    config = dict(base)
    if env.get("AIDN_SLACK_BOT_TOKEN") and env.get("AIDN_SLACK_SIGNING_SECRET"):
        config[SLACK] = {
            "slack_token": "${AIDN_SLACK_BOT_TOKEN}",
            "slack_signing_secret": "${AIDN_SLACK_SIGNING_SECRET}",
            "api_url": env.get("AIDN_SLACK_API_URL") or None,
        }
    if env.get("AIDN_TEAMS_APP_ID") and env.get("AIDN_TEAMS_APP_PASSWORD"):
        config[TEAMS] = {
            "app_id": "${AIDN_TEAMS_APP_ID}",
            "app_password": "${AIDN_TEAMS_APP_PASSWORD}",
            "tenant_id": env.get("AIDN_TEAMS_TENANT_ID") or None,
            "login_url": env.get("AIDN_TEAMS_LOGIN_URL") or None,
            "openid_url": env.get("AIDN_TEAMS_OPENID_URL") or None,
        }
    return config


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
