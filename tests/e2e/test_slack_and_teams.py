"""Slack and Teams through the real Rasa and action servers, against local fakes of
Slack's Web API and Microsoft's login, OpenID/JWKS and connector (devtools/fakes.py),
which the channels reach through their settings, as production reaches the real ones."""

import hashlib
import hmac
import json
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.contacts import CONTACTS
from bot.hours import line_for
from devtools.assistant import Assistant
from devtools.fakes import FakeMicrosoft, FakeSlack

pytestmark = pytest.mark.e2e
PORTS = (15305, 15355, 18380)
SIGNING_SECRET, APP_ID, TENANT = "slack-signing-secret", "aidn-app-id", "tenant-1"


@pytest.fixture(scope="module")
def slack():
    fake = FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def microsoft():
    fake = FakeMicrosoft()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("channels-var")


@pytest.fixture(scope="module")
def assistant(var_dir, slack, microsoft):
    env = {
        "AIDN_SLACK_BOT_TOKEN": "xoxb-test-token",
        "AIDN_SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "AIDN_SLACK_API_URL": slack.api_url,
        "AIDN_TEAMS_APP_ID": APP_ID,
        "AIDN_TEAMS_APP_PASSWORD": "app-password",
        "AIDN_TEAMS_TENANT_ID": TENANT,
        "AIDN_TEAMS_LOGIN_URL": microsoft.url,
        "AIDN_TEAMS_OPENID_URL": microsoft.openid_url,
    }
    running = Assistant(var_dir, ports=PORTS, extra_env=env)
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def fresh_records(slack, microsoft):
    slack.received.clear()
    microsoft.received.clear()
    microsoft.token_endpoint_up = True


def line_now() -> str:
    return line_for(datetime.now(timezone.utc)).number


def post(assistant, path, body: bytes, headers: dict) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{assistant.rasa_port}{path}", data=body, headers=headers
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


# --- Slack -------------------------------------------------------------------------------


def slack_headers(
    body: bytes, content_type: str, timestamp: int | None = None, secret=SIGNING_SECRET
):
    timestamp = int(time.time()) if timestamp is None else timestamp
    base = f"v0:{timestamp}:".encode() + body
    signature = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": signature,
    }


def slack_event(text, event_id, ts, channel="D1", kind="message", thread_ts=None, user="U1"):
    event = {"type": kind, "user": user, "text": text, "ts": ts, "channel": channel}
    if kind == "message":
        event["channel_type"] = "im" if channel.startswith("D") else "channel"
    if thread_ts:
        event["thread_ts"] = thread_ts
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "event_id": event_id,
            "event": event,
            "authorizations": [{"user_id": "UBOT", "is_bot": True}],
        }
    ).encode()


def send_slack(assistant, body: bytes, content_type="application/json", **headers) -> int:
    return post(
        assistant,
        "/webhooks/slack/webhook",
        body,
        slack_headers(body, content_type, **headers),
    )


def posted(slack, count=1):
    return [r for r in slack.wait_for(count) if r["method"] == "chat.postMessage"]


def verdict_and_offer(slack):
    """A verdict is followed by the offer to take the written report, with its buttons."""
    verdict, offer = posted(slack, 2)
    assert "blocks" not in verdict["args"]
    buttons = next(b for b in offer["args"]["blocks"] if b["type"] == "actions")["elements"]
    assert [b["value"] for b in buttons] == ["/write_report", "/deny"]
    return verdict, offer


def click_slack(assistant, message: dict, index: int, ts: str, user="U1", channel="D1") -> int:
    """Clicks the index-th button of a posted message, as Slack's interactivity request."""
    buttons = next(b for b in message["blocks"] if b["type"] == "actions")["elements"]
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "team": {"id": "T1"},
        "channel": {"id": channel},
        "container": {"type": "message", "message_ts": ts, "channel_id": channel},
        "message": {"ts": ts, "text": message["text"], "blocks": message["blocks"]},
        "actions": [buttons[index] | {"action_ts": f"{ts}1"}],
    }
    body = urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()
    return send_slack(assistant, body, "application/x-www-form-urlencoded")


def test_a_signed_slack_message_gets_the_a_feil_reply_with_the_number_for_now(assistant, slack):
    assert send_slack(assistant, slack_event("Aidn er helt nede", "Ev1", "100.1")) == 200
    reply, _ = verdict_and_offer(slack)
    args = reply["args"]
    assert reply["auth"] == "Bearer xoxb-test-token"
    assert args["channel"] == "D1" and "thread_ts" not in args  # top level, where she wrote
    number = line_now()
    assert f"<tel:{number.replace(' ', '')}|{number}>" in args["text"]
    email = CONTACTS.support_email
    assert "A-feil" in args["text"] and f"<mailto:{email}|{email}>" in args["text"]
    assert "as_user" not in args and "type" not in args


def test_a_reply_goes_into_the_thread_the_user_wrote_in(assistant, slack):
    body = slack_event("<@UBOT> Aidn er helt nede", "Ev2", "200.2", "C1", "app_mention", "199.9")
    assert send_slack(assistant, body) == 200
    reply, offer = verdict_and_offer(slack)
    assert reply["args"]["channel"] == "C1" and reply["args"]["thread_ts"] == "199.9"
    assert offer["args"]["thread_ts"] == "199.9"
    assert "A-feil" in reply["args"]["text"]


@pytest.mark.parametrize(
    "forged",
    [
        {"secret": "someone-elses-secret"},  # a bad signature
        {"timestamp": int(time.time()) - 600},  # a stale timestamp
    ],
)
def test_unsigned_or_stale_slack_requests_are_refused_and_nothing_is_posted(
    assistant, slack, forged
):
    assert send_slack(assistant, slack_event("Aidn er helt nede", "Ev3", "300.3"), **forged) == 401
    assert slack.wait_for(1, timeout=5) == []


def test_a_replayed_slack_request_is_refused(assistant, slack):
    body = slack_event("Aidn er helt nede", "Ev4", "400.4")
    headers = slack_headers(body, "application/json")
    assert post(assistant, "/webhooks/slack/webhook", body, headers) == 200
    assert post(assistant, "/webhooks/slack/webhook", body, headers) == 401
    assert len(slack.wait_for(3, timeout=8)) == 2  # the verdict and the offer, once


def test_a_retry_and_the_same_message_as_two_events_get_one_answer(assistant, slack):
    first = slack_event("Aidn er helt nede", "Ev5", "500.5", "C1", "app_mention")
    assert send_slack(assistant, first) == 200
    time.sleep(1)  # a new timestamp and signature, as Slack's retry has
    retry = post(
        assistant,
        "/webhooks/slack/webhook",
        first,
        slack_headers(first, "application/json") | {"X-Slack-Retry-Num": "1"},
    )
    as_message = slack_event("Aidn er helt nede", "Ev6", "500.5", "C1", "message")  # same ts
    assert retry == 200 and send_slack(assistant, as_message) == 200
    assert len(slack.wait_for(3, timeout=8)) == 2  # the verdict and the offer, once


def test_a_button_click_posts_its_payload_and_retires_the_buttons(assistant, slack):
    assert send_slack(assistant, slack_event("jeg vil melde en feil", "Ev7", "700.7")) == 200
    question = [r for r in posted(slack, 2) if "blocks" in r["args"]][-1]["args"]
    actions = next(b for b in question["blocks"] if b["type"] == "actions")["elements"]
    assert [a["value"] for a in actions] == ["/affirm", "/deny", "/unsure"]
    assert all(a["action_id"].startswith("aidn_button_") for a in actions)
    slack.received.clear()
    assert click_slack(assistant, question, 1, "701.0") == 200  # "Nei"
    received = slack.wait_for(2)
    (update,) = [r["args"] for r in received if r["method"] == "chat.update"]
    assert update["ts"] == "701.0" and all(b["type"] != "actions" for b in update["blocks"])
    (reply,) = [r["args"] for r in received if r["method"] == "chat.postMessage"]
    assert "vesentlig redusert" in reply["text"]


def texts_until(fake, words: str, timeout: float = 30) -> list[dict]:
    """What was posted, waiting until a message containing `words` has arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        received = list(fake.received)
        if any(words in json.dumps(r, ensure_ascii=False) for r in received):
            return received
        time.sleep(0.1)
    raise AssertionError(f"no message with {words!r}: {fake.received}")


def test_the_written_report_is_taken_in_slack_with_its_buttons(assistant, slack, var_dir):
    def say(text: str, n: int, next_question: str) -> dict:
        slack.received.clear()
        assert (
            send_slack(assistant, slack_event(text, f"Ev-r{n}", f"90{n}.1", "D2", user="U2")) == 200
        )
        return texts_until(slack, next_question)[-1]["args"]

    offer = say("Aidn er helt nede", 0, "skriftlige tilbakemeldingen her")
    slack.received.clear()
    assert click_slack(assistant, offer, 0, "900.5", user="U2", channel="D2") == 200
    texts_until(slack, "Hva skjer?")
    say("Ingen på Solsiden kommer inn i Aidn, alle får en hvit skjerm", 1, "Siden når")
    say("siden kl 13 i dag", 2, "Hvor mange er berørt")
    say("hele Solsiden sykehjem, Eksempel kommune", 3, "Har du ringt")
    say("ja, har ringt", 4, "Hvilken e-postadresse")
    summary = say("kari@example.org", 5, "Slik blir tilbakemeldingen")
    assert "kari@example.org" in summary["text"] and "Solsiden" in summary["text"]
    slack.received.clear()
    assert click_slack(assistant, summary, 0, "905.5", user="U2", channel="D2") == 200
    done = " ".join(r["args"]["text"] for r in texts_until(slack, "umiddelbart"))
    assert "referanse" in done and "håndterer A-feil umiddelbart" in done
    row = (
        sqlite3.connect(var_dir / "inbox.sqlite3")
        .execute(
            "SELECT severity, channel, called, contact FROM reports WHERE what LIKE '%hvit skjerm%'"
        )
        .fetchone()
    )
    assert row == ("A", "Slack", 1, "kari@example.org")


def test_slacks_url_verification(assistant):
    body = json.dumps({"type": "url_verification", "challenge": "c-123"}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{assistant.rasa_port}/webhooks/slack/webhook",
        data=body,
        headers=slack_headers(body, "application/json"),
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.load(response) == {"challenge": "c-123"}


# --- Teams -------------------------------------------------------------------------------


def activity(microsoft, text="Aidn er helt nede", **extra):
    return {
        "type": "message",
        "id": "act-1",
        "channelId": "msteams",
        "serviceUrl": microsoft.url,
        "from": {"id": "29:user-1", "name": "Kari"},
        "recipient": {"id": "28:bot", "name": "Aidn"},
        "conversation": {"id": "a:conv-1", "tenantId": TENANT},
        "text": text,
    } | extra


def claims(microsoft, **changes):
    now = int(time.time())
    return {
        "iss": "https://api.botframework.com",
        "aud": APP_ID,
        "exp": now + 600,
        "nbf": now - 10,
        "serviceUrl": microsoft.url,
    } | changes


def send_teams(assistant, body: dict, token: str) -> int:
    return post(
        assistant,
        "/webhooks/teams/webhook",
        json.dumps(body).encode(),
        {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )


def replies(microsoft, count=1, timeout=30):
    return microsoft.wait_for(count, timeout)


def test_with_the_token_endpoint_down_nothing_is_posted(assistant, microsoft):
    """Runs before any app token is cached: no token, no (unauthenticated) post."""
    microsoft.token_endpoint_up = False
    assert send_teams(assistant, activity(microsoft), microsoft.token(claims(microsoft))) == 200
    assert replies(microsoft, timeout=8) == []
    log = (assistant.log.parent / "rasa.log").read_text()
    assert "no token for the reply, so it is not posted" in log


def test_a_teams_message_with_a_valid_token_gets_the_reply_with_a_single_tenant_token(
    assistant, microsoft
):
    assert send_teams(assistant, activity(microsoft), microsoft.token(claims(microsoft))) == 200
    reply, offer = replies(microsoft, 2)
    assert reply["path"] == "/v3/conversations/a:conv-1/activities/act-1"
    assert reply["auth"] == f"Bearer token-for-{TENANT}"  # from the single-tenant endpoint
    number = line_now()
    text = reply["activity"]["text"]
    assert "A-feil" in text and f"[{number}](tel:{number.replace(' ', '')})" in text
    assert reply["activity"]["textFormat"] == "markdown"
    buttons = offer["activity"]["attachments"][0]["content"]["buttons"]
    assert [b["title"] for b in buttons] == ["Ja, skriv den her", "Nei takk"]


@pytest.mark.parametrize(
    "bad",
    [
        {"exp": int(time.time()) - 3600},  # expired (beyond the five minutes' leeway)
        {"aud": "another-app"},
        {"iss": "https://attacker.example"},
        {"serviceUrl": "https://attacker.example"},  # not the activity's
    ],
)
def test_teams_tokens_that_do_not_hold_are_refused_and_nothing_is_posted(assistant, microsoft, bad):
    token = microsoft.token(claims(microsoft, **bad))
    assert send_teams(assistant, activity(microsoft), token) == 401
    assert replies(microsoft, timeout=5) == []


def test_an_hs256_token_is_refused(assistant, microsoft):
    token = microsoft.token(
        claims(microsoft), algorithm="HS256", key="a-shared-secret-that-is-32-bytes-long"
    )
    assert send_teams(assistant, activity(microsoft), token) == 401
    assert send_teams(assistant, activity(microsoft), "not-a-jwt") == 401
    assert replies(microsoft, timeout=5) == []


def test_a_key_not_endorsed_for_the_channel_is_refused(assistant, microsoft):
    token = microsoft.token(claims(microsoft))
    assert send_teams(assistant, activity(microsoft, channelId="webchat"), token) == 401


def test_a_card_button_posts_back_its_payload(assistant, microsoft):
    token = microsoft.token(claims(microsoft))
    assert (
        send_teams(assistant, activity(microsoft, "jeg vil melde en feil", id="act-2"), token)
        == 200
    )
    card = [r for r in replies(microsoft, 2) if r["activity"].get("attachments")][-1]["activity"]
    buttons = card["attachments"][0]["content"]["buttons"]
    assert [b["value"]["payload"] for b in buttons] == ["/affirm", "/deny", "/unsure"]
    assert all(b["type"] == "messageBack" for b in buttons)
    microsoft.received.clear()
    click = activity(
        microsoft, "Nei – vi kan gi øyeblikkelig hjelp", id="act-3", value=buttons[1]["value"]
    )
    assert send_teams(assistant, click, token) == 200
    (reply,) = replies(microsoft)
    assert "vesentlig redusert" in reply["activity"]["text"]


def test_a_mention_is_stripped(assistant, microsoft):
    mention = {"type": "mention", "text": "<at>Aidn</at>", "mentioned": {"id": "28:bot"}}
    message = activity(microsoft, "<at>Aidn</at> Aidn er helt nede", id="act-4", entities=[mention])
    assert send_teams(assistant, message, microsoft.token(claims(microsoft))) == 200
    reply, _offer = replies(microsoft, 2)
    assert "A-feil" in reply["activity"]["text"]


def test_a_new_member_gets_the_welcome(assistant, microsoft):
    update = activity(microsoft, type="conversationUpdate", id="act-5", text=None)
    update["membersAdded"] = [{"id": "28:bot"}, {"id": "29:new-user"}]
    assert send_teams(assistant, update, microsoft.token(claims(microsoft))) == 200
    (reply,) = replies(microsoft)
    assert reply["path"] == "/v3/conversations/a:conv-1/activities"
    assert "chatbot" in reply["activity"]["text"]


def test_the_written_report_is_taken_in_teams_skipping_what_is_optional(
    assistant, microsoft, var_dir
):
    token = microsoft.token(claims(microsoft))

    def say(text: str | None, n: int, next_question: str, value=None) -> dict:
        microsoft.received.clear()
        message = activity(
            microsoft, text, id=f"rep-{n}", conversation={"id": "a:conv-2", "tenantId": TENANT}
        )
        if value is not None:
            message["value"] = value
        assert send_teams(assistant, message, token) == 200
        return texts_until(microsoft, next_question)[-1]["activity"]

    def button(card: dict, title: str) -> dict:
        buttons = card["attachments"][0]["content"]["buttons"]
        return next(b["value"] for b in buttons if b["title"] == title)

    offer = say(
        "vi får ikke sendt e-meldinger til legekontoret", 0, "skriftlige tilbakemeldingen her"
    )
    say("Ja, skriv den her", 1, "Hva skjer?", button(offer, "Ja, skriv den her"))
    since = say("E-meldingene blir liggende i utboksen og går ikke ut", 2, "Siden når")
    affected = say("Vet ikke", 3, "Hvor mange er berørt", button(since, "Vet ikke"))
    say("Hopp over", 4, "Har du ringt", button(affected, "Hopp over"))
    contact = say("nei, ikke ennå", 5, "Hvilken e-postadresse")
    summary = say("Hopp over", 6, "Slik blir tilbakemeldingen", button(contact, "Hopp over"))
    say("Send tilbakemeldingen", 7, "prioriterer", button(summary, "Send tilbakemeldingen"))
    row = (
        sqlite3.connect(var_dir / "inbox.sqlite3")
        .execute(
            "SELECT severity, channel, called, since, affected, contact FROM reports"
            " WHERE what LIKE '%utboksen%'"
        )
        .fetchone()
    )
    assert row == ("B", "Teams", 0, None, None, "ikke oppgitt")
