"""The suggestion inbox and the delivery mechanism: what lands in the database (SQLite
here; PostgreSQL in tests/cluster), delivery to a local fake webhook, retries."""

import json
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from bot.suggestions import Suggestion
from storage import delivery, inbox
from storage.database import database_url, deliveries, engine

NOW = datetime(2026, 11, 24, 19, 0, tzinfo=timezone.utc)


def suggestion(text="Mørk modus for nattevakter, skjermen lyser mye", **kwargs):
    values = {"sender_id": "u1", "suggestion": text, "email": None}
    return Suggestion(**(values | {"created_at": NOW} | kwargs))


@pytest.fixture
def database(tmp_path):
    return engine(URL.create("sqlite", database=str(tmp_path / "inbox.sqlite3")))


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
    FakeWebhook.received, FakeWebhook.status = [], 200
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield delivery.Webhook(f"http://127.0.0.1:{server.server_port}/suggestions")
    server.shutdown()


def delivery_rows(database):
    with database.connect() as connection:
        query = sa.select(deliveries.c.target, deliveries.c.status, deliveries.c.attempts)
        return [tuple(row) for row in connection.execute(query)]


def test_stored_row_and_no_delivery_configured(database):
    item_id, outcome = inbox.add(database, suggestion(email="ola@example.org"), [])
    assert outcome == delivery.STORED
    assert inbox.all_suggestions(database) == [
        {
            "id": item_id,
            "created_at": "2026-11-24T19:00:00+00:00",
            "sender_id": "u1",
            "suggestion": "Mørk modus for nattevakter, skjermen lyser mye",
            "email": "ola@example.org",
        }
    ]
    assert delivery_rows(database) == []


def test_identity_numbers_never_reach_the_database(database):
    inbox.add(database, suggestion("Vis alder ved siden av 27894228771 i pasientlisten"), [])
    assert inbox.all_suggestions(database)[0]["suggestion"] == (
        "Vis alder ved siden av [fødselsnummer fjernet] i pasientlisten"
    )


def test_webhook_delivery_is_recorded(database, webhook):
    item_id, outcome = inbox.add(database, suggestion(), [webhook])
    assert outcome == delivery.DELIVERED
    (received,) = FakeWebhook.received
    assert (received["kind"], received["id"]) == ("suggestion", item_id)
    assert received["suggestion"].startswith("Mørk modus")
    assert delivery_rows(database) == [("webhook", "delivered", 1)]


def test_a_failed_delivery_is_kept_and_delivered_exactly_once_later(database, webhook):
    FakeWebhook.status = 500
    item_id, outcome = inbox.add(database, suggestion(), [webhook])
    assert outcome == delivery.PENDING
    assert delivery_rows(database) == [("webhook", "pending", 1)]
    FakeWebhook.status = 200
    counts = delivery.deliver(database, [webhook], inbox.LOADERS)
    assert counts == {"delivered": 1, "failed": 0}
    assert delivery.deliver(database, [webhook], inbox.LOADERS) == {"delivered": 0, "failed": 0}
    assert [r["id"] for r in FakeWebhook.received] == [item_id, item_id]  # 500, then 200
    assert delivery_rows(database) == [("webhook", "delivered", 2)]


def test_an_unreachable_webhook_keeps_the_suggestion(database):
    unreachable = delivery.Webhook("http://127.0.0.1:9/nothing", timeout=2)
    _, outcome = inbox.add(database, suggestion(), [unreachable])
    assert outcome == delivery.PENDING
    assert len(inbox.all_suggestions(database)) == 1


def test_a_claimed_delivery_is_not_sent_twice(database, webhook):
    """Two processes delivering at once: the claim lets one of them send."""
    FakeWebhook.status = 500
    inbox.add(database, suggestion(), [webhook])
    with database.begin() as connection:
        connection.execute(deliveries.update().values(status="sending", updated_at=10**10))
    FakeWebhook.status = 200
    assert delivery.deliver(database, [webhook], inbox.LOADERS) == {"delivered": 0, "failed": 0}
    # a claim older than CLAIM_TIMEOUT belongs to a process that died: taken over
    with database.begin() as connection:
        connection.execute(deliveries.update().values(updated_at=0))
    assert delivery.deliver(database, [webhook], inbox.LOADERS)["delivered"] == 1


def test_the_database_follows_the_environment():
    assert database_url({"AIDN_INBOX_DB": "/x/inbox.sqlite3"}).database == "/x/inbox.sqlite3"
    url = database_url({"AIDN_DB_HOST": "db.internal", "AIDN_DB_PASSWORD": "s3cret"})
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg2",
        "db.internal",
        5432,
        "aidn",
    )
