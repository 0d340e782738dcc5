"""The suggestion inbox: suggestions collected in the chat, stored for the developers.

Every suggestion is written to a SQLite table first (never lost), then optionally posted
to a webhook; the row records the outcome of that delivery.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import urllib.request
from dataclasses import asdict
from pathlib import Path

from bot.suggestions import Suggestion, clean_text

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    sender_id TEXT NOT NULL,
    suggestion TEXT NOT NULL,
    area TEXT,
    email TEXT,
    webhook_status TEXT NOT NULL DEFAULT 'not_configured'
)
"""


class SuggestionInbox:
    def __init__(self, database: Path | str, webhook_url: str | None = None) -> None:
        self.database = Path(database)
        self.webhook_url = webhook_url or None

    def _connect(self) -> sqlite3.Connection:
        self.database.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.database, timeout=10)
        connection.execute(_SCHEMA)
        return connection

    def add(self, suggestion: Suggestion) -> int:
        """Store `suggestion`, deliver it to the webhook if configured; return its id."""
        with self._connect() as connection:
            cursor = connection.execute(
                "INSERT INTO suggestions (created_at, sender_id, suggestion, area, email)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    suggestion.created_at.isoformat(),
                    suggestion.sender_id,
                    clean_text(suggestion.suggestion),
                    clean_text(suggestion.area) if suggestion.area else None,
                    suggestion.email,
                ),
            )
            row_id = int(cursor.lastrowid or 0)
        if self.webhook_url:
            status = self._post_to_webhook(row_id, suggestion)
            with self._connect() as connection:
                connection.execute(
                    "UPDATE suggestions SET webhook_status = ? WHERE id = ?", (status, row_id)
                )
        return row_id

    def all(self) -> list[dict]:
        with self._connect() as connection:
            connection.row_factory = sqlite3.Row
            rows = connection.execute("SELECT * FROM suggestions ORDER BY id").fetchall()
        return [dict(row) for row in rows]

    def _post_to_webhook(self, row_id: int, suggestion: Suggestion) -> str:
        payload = asdict(suggestion) | {
            "id": row_id,
            "created_at": suggestion.created_at.isoformat(),
            "suggestion": clean_text(suggestion.suggestion),
        }
        request = urllib.request.Request(
            str(self.webhook_url),
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return "delivered" if 200 <= response.status < 300 else f"http_{response.status}"
        except Exception as error:
            logger.warning("Suggestion %s stored but webhook delivery failed: %s", row_id, error)
            return "failed"
