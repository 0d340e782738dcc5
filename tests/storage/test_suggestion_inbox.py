"""The suggestion inbox: what lands in SQLite, and delivery to a local fake webhook."""

import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from bot.suggestions import Suggestion
from storage.suggestion_inbox import SuggestionInbox

NOW = datetime(2026, 11, 24, 19, 0, tzinfo=timezone.utc)


def suggestion(text="Mørk modus for nattevakter, skjermen lyser mye", **kwargs):
    values = {
        "sender_id": "u1",
        "suggestion": text,
        "area": None,
        "email": None,
        "created_at": NOW,
    } | kwargs
    return Suggestion(**values)


def test_stored_row(tmp_path):
    inbox = SuggestionInbox(tmp_path / "inbox.sqlite3")
    row_id = inbox.add(suggestion(area="  legemidler ", email="ola@example.org"))
    (row,) = inbox.all()
    assert row == {
        "id": row_id,
        "created_at": "2026-11-24T19:00:00+00:00",
        "sender_id": "u1",
        "suggestion": "Mørk modus for nattevakter, skjermen lyser mye",
        "area": "legemidler",
        "email": "ola@example.org",
        "webhook_status": "not_configured",
    }


def test_identity_numbers_never_reach_the_database(tmp_path):
    inbox = SuggestionInbox(tmp_path / "inbox.sqlite3")
    inbox.add(suggestion("Vis alder ved siden av 27894228771 i pasientlisten"))
    assert inbox.all()[0]["suggestion"] == (
        "Vis alder ved siden av [fødselsnummer fjernet] i pasientlisten"
    )


class FakeWebhook(BaseHTTPRequestHandler):
    received: ClassVar[list] = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        FakeWebhook.received.append(json.loads(body))
        self.send_response(FakeWebhook.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    server = HTTPServer(("127.0.0.1", 0), FakeWebhook)
    FakeWebhook.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_port}/suggestions"
    server.shutdown()


def test_webhook_delivery_is_recorded(tmp_path, webhook):
    _, url = webhook
    FakeWebhook.status = 200
    inbox = SuggestionInbox(tmp_path / "inbox.sqlite3", url)
    row_id = inbox.add(suggestion())
    assert FakeWebhook.received[0]["id"] == row_id
    assert FakeWebhook.received[0]["suggestion"].startswith("Mørk modus")
    assert inbox.all()[0]["webhook_status"] == "delivered"


def test_failed_webhook_keeps_the_suggestion(tmp_path, webhook):
    _, url = webhook
    FakeWebhook.status = 500
    inbox = SuggestionInbox(tmp_path / "inbox.sqlite3", url)
    inbox.add(suggestion())
    assert inbox.all()[0]["webhook_status"] == "failed"


def test_unreachable_webhook_keeps_the_suggestion(tmp_path):
    inbox = SuggestionInbox(tmp_path / "inbox.sqlite3", "http://127.0.0.1:9/nothing")
    inbox.add(suggestion())
    assert inbox.all()[0]["webhook_status"] == "failed"
