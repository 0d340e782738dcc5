"""The real action server and Rasa server, started by scripts/serve.sh, over REST."""

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.contacts import CONTACTS
from bot.hours import line_for
from devtools.assistant import Assistant

pytestmark = pytest.mark.e2e


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
    reply = assistant.texts("leader-1", "leder@example.org")
    assert "er lagret" in reply
    rows = (
        sqlite3.connect(var_dir / "inbox.sqlite3")
        .execute("SELECT sender_id, suggestion, email FROM suggestions")
        .fetchall()
    )
    assert rows == [
        ("leader-1", "Mulighet for å sortere beboerlisten på romnummer", "leder@example.org")
    ]


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
            "nurse-3", "saken min er ikke fulgt opp"
        )
    finally:
        degraded.stop()
