"""The suggestion inbox: suggestions collected in the chat, stored for the developers and
delivered to the configured targets (storage.delivery)."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.suggestions import Suggestion, clean_text
from storage import delivery
from storage.database import suggestions

KIND = "suggestion"


def targets(env: Mapping[str, str] = os.environ) -> list[delivery.Target]:
    url = env.get("AIDN_SUGGESTION_WEBHOOK_URL")
    return [delivery.Webhook(url)] if url else []


def load(connection: Connection, item_id: int) -> dict[str, Any] | None:
    row = connection.execute(sa.select(suggestions).where(suggestions.c.id == item_id)).first()
    return dict(row._mapping) if row else None


LOADERS = {KIND: load}


def add(engine: Engine, suggestion: Suggestion, to: list[delivery.Target]) -> tuple[int, str]:
    """Store `suggestion` (never lost), then deliver it; its id and the outcome."""
    with engine.begin() as connection:
        item_id = connection.execute(
            suggestions.insert().values(
                created_at=suggestion.created_at.isoformat(),
                sender_id=suggestion.sender_id,
                suggestion=clean_text(suggestion.suggestion),
                email=suggestion.email,
            )
        ).inserted_primary_key[0]
        delivery.enqueue(connection, KIND, item_id, to, time.time())
    delivery.deliver(engine, to, LOADERS, KIND, item_id)
    return item_id, delivery.outcome(engine, KIND, item_id)


def all_suggestions(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        rows = connection.execute(sa.select(suggestions).order_by(suggestions.c.id))
        return [dict(row._mapping) for row in rows]
