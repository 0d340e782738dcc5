"""The real action server and Rasa server, started by scripts/serve.sh, over REST.

Uses its own ports and a temporary var dir, so a running assistant is not disturbed.
"""

import json
import os
import signal
import sqlite3
import subprocess
import time
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.contacts import CONTACTS
from bot.hours import line_for

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT, ACTION_PORT = 15005, 15055
pytestmark = pytest.mark.e2e


class Assistant:
    def __init__(self, var_dir: Path, action_url: str | None = None):
        env = os.environ | {
            "AIDN_RASA_PORT": str(RASA_PORT),
            "AIDN_ACTION_PORT": str(ACTION_PORT),
            "AIDN_VAR_DIR": str(var_dir),
            "AIDN_ACTION_ENDPOINT_URL": action_url or f"http://127.0.0.1:{ACTION_PORT}/webhook",
        }
        for derived in ("AIDN_TRACKER_DB", "AIDN_SUGGESTIONS_DB"):  # follow AIDN_VAR_DIR
            env.pop(derived, None)
        self.log = var_dir / "serve.out"
        var_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 400
        while "Press Ctrl-C" not in self.log.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail("assistant did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(1)

    def say(self, sender: str, message: str) -> list[dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def texts(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, message))

    def tracker(self, sender: str) -> dict:
        url = f"http://127.0.0.1:{RASA_PORT}/conversations/{sender}/tracker"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("var")


@pytest.fixture(scope="module")
def assistant(var_dir):
    running = Assistant(var_dir)
    yield running
    running.stop()


def test_critical_fault_gets_the_one_number_for_now(assistant):
    expected = line_for(datetime.now(timezone.utc))
    other = ({CONTACTS.office_line, CONTACTS.on_call_line} - {expected}).pop()
    reply = assistant.texts("nurse-1", "Aidn er helt nede")
    assert "A-feil" in reply
    assert expected.number in reply and other.number not in reply
    assert CONTACTS.support_email in reply and "Meld inn feil" in reply


def test_triage_with_buttons_ends_in_b(assistant):
    first = assistant.say("nurse-2", "jeg vil melde en feil")
    assert [b["payload"] for b in first[-1]["buttons"]] == ["/affirm", "/deny", "/unsure"]
    assistant.say("nurse-2", "/deny")
    reply = assistant.texts("nurse-2", "/affirm")
    assert "B-feil" in reply
    assert line_for(datetime.now(timezone.utc)).number in reply


def test_suggestion_lands_in_the_database(assistant, var_dir):
    assistant.say("leader-1", "jeg har et forslag")
    assistant.say("leader-1", "Mulighet for å sortere beboerlisten på romnummer")
    assistant.say("leader-1", "hopp over")
    reply = assistant.texts("leader-1", "leder@example.org")
    assert "registrert" in reply
    rows = sqlite3.connect(var_dir / "suggestions.sqlite3").execute(
        "SELECT sender_id, suggestion, area, email FROM suggestions").fetchall()
    assert rows == [("leader-1", "Mulighet for å sortere beboerlisten på romnummer", None,
                     "leder@example.org")]


def test_identity_number_gets_a_warning_and_never_reaches_the_tracker_store(assistant, var_dir):
    synthetic_id = "27894228771"  # month + 80: a synthetic number, never a person's
    reply = assistant.texts("nurse-4", f"pasient {synthetic_id} kommer ikke inn, alt er nede")
    assert "Ikke del pasientopplysninger" in reply
    assert line_for(datetime.now(timezone.utc)).number in reply  # the fault is still answered
    stored = (var_dir / "tracker.sqlite3").read_bytes()
    assert b"kommer ikke inn" in stored and synthetic_id.encode() not in stored


def test_conversation_survives_a_restart_and_action_server_down_is_never_silence(
    assistant, var_dir
):
    before = len(assistant.tracker("nurse-1")["events"])
    assistant.stop()
    # Restart with the action server unreachable (port 9 has no listener).
    degraded = Assistant(var_dir, action_url="http://127.0.0.1:9/webhook")
    try:
        assert len(degraded.tracker("nurse-1")["events"]) >= before  # from SQLite
        reply = degraded.texts("nurse-3", "alt er nede, vi kommer ikke inn i journalen")
        assert CONTACTS.office_line.number in reply and CONTACTS.on_call_line.number in reply
        assert CONTACTS.office_hours in reply and CONTACTS.on_call_hours in reply
        # Static replies still work, with contact facts filled from bot/contacts.py.
        assert CONTACTS.operations_manager_name in degraded.texts(
            "nurse-3", "saken min er ikke fulgt opp")
    finally:
        degraded.stop()
