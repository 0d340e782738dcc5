"""The Slack and Teams app manifests an administrator installs (README, "Slack", "Teams")."""

import json
from pathlib import Path

import yaml
from PIL import Image

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def test_the_slack_manifest_points_events_and_clicks_at_the_slack_webhook():
    manifest = yaml.safe_load((DEPLOY / "slack" / "manifest.yml").read_text(encoding="utf-8"))
    settings = manifest["settings"]
    for url in (
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ):
        assert url.endswith("/webhooks/slack/webhook")
    assert set(settings["event_subscriptions"]["bot_events"]) == {"app_mention", "message.im"}
    assert {"chat:write", "app_mentions:read", "im:history"} <= set(
        manifest["oauth_config"]["scopes"]["bot"]
    )
    assert settings["interactivity"]["is_enabled"] and not settings["socket_mode_enabled"]


def test_the_teams_manifest_names_a_bot_and_its_icons():
    manifest = json.loads((DEPLOY / "teams" / "manifest.json").read_text(encoding="utf-8"))
    (bot,) = manifest["bots"]
    assert bot["botId"] == manifest["id"] and "personal" in bot["scopes"]
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["description"]["short"]) <= 80
    assert Image.open(DEPLOY / "teams" / manifest["icons"]["color"]).size == (192, 192)
    outline = Image.open(DEPLOY / "teams" / manifest["icons"]["outline"])
    assert outline.size == (32, 32) and outline.mode == "RGBA"
