"""The endpoints and credentials Rasa starts with, from the environment
(rasa_extensions/server_config.py): optional parts on or off, secrets as ${VAR} only."""

import yaml

from rasa_extensions.server_config import SLACK, TEAMS, credentials, endpoints, write

BASE_ENDPOINTS = {
    "action_endpoint": {"url": "${AIDN_ACTION_ENDPOINT_URL}"},
    "tracker_store": {"db": "x"},
}


def test_the_default_is_the_single_machine():
    assert endpoints({}, BASE_ENDPOINTS) == BASE_ENDPOINTS
    assert credentials({}, {"rest": None}) == {"rest": None}


def test_postgresql_and_redis_when_their_hosts_are_set():
    config = endpoints({"AIDN_DB_HOST": "db", "AIDN_REDIS_HOST": "redis"}, BASE_ENDPOINTS)
    assert config["tracker_store"]["dialect"] == "postgresql"
    assert config["tracker_store"]["password"] == "${AIDN_DB_PASSWORD}"
    assert config["lock_store"]["type"] == "redis"
    assert config["lock_store"]["password"] == "${AIDN_REDIS_PASSWORD}"


def test_slack_and_teams_only_with_their_secrets_which_stay_references():
    half = credentials({"AIDN_SLACK_BOT_TOKEN": "xoxb-1"}, {})
    assert SLACK not in half
    env = {
        "AIDN_SLACK_BOT_TOKEN": "xoxb-1",
        "AIDN_SLACK_SIGNING_SECRET": "s",
        "AIDN_TEAMS_APP_ID": "app",
        "AIDN_TEAMS_APP_PASSWORD": "p",
        "AIDN_TEAMS_TENANT_ID": "tenant-1",
    }
    config = credentials(env, {})
    assert config[SLACK]["slack_token"] == "${AIDN_SLACK_BOT_TOKEN}"
    assert config[TEAMS]["app_password"] == "${AIDN_TEAMS_APP_PASSWORD}"
    assert config[TEAMS]["tenant_id"] == "tenant-1"


def test_the_written_files_hold_no_secret(tmp_path):
    env = {"AIDN_SLACK_BOT_TOKEN": "xoxb-secret", "AIDN_SLACK_SIGNING_SECRET": "sign-secret"}
    write(tmp_path, env)
    written = (tmp_path / "credentials.yml").read_text()
    assert "xoxb-secret" not in written and "sign-secret" not in written
    assert SLACK in yaml.safe_load(written)
