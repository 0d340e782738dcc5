"""Written fault reports taken in the chat: stored (never lost), then e-mailed to support
through the configured SMTP server (storage.delivery)."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import asdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.privacy import redact
from bot.report import Report, email_text
from storage import delivery
from storage.database import reports

KIND = "report"


def targets(env: Mapping[str, str] = os.environ) -> list[delivery.Target]:
    smtp = delivery.SmtpSettings.from_env(env)
    return [delivery.Email(smtp, render)] if smtp else []


def render(item: Mapping[str, Any]) -> tuple[str, str]:
    fields = {key: item[key] for key in Report.__dataclass_fields__}
    fields["created_at"] = datetime.fromisoformat(str(item["created_at"]))
    return email_text(Report(**fields))


def load(connection: Connection, item_id: int) -> dict[str, Any] | None:
    row = connection.execute(sa.select(reports).where(reports.c.id == item_id)).first()
    return dict(row._mapping) if row else None


LOADERS = {KIND: load}


def add(engine: Engine, report: Report, to: list[delivery.Target]) -> tuple[int, str]:
    """Store `report` with identity numbers removed, then deliver it; its id and outcome."""
    values = asdict(report) | {"created_at": report.created_at.isoformat()}
    for key in ("reasoning", "what", "since", "affected"):
        values[key] = redact(values[key]) if values[key] else values[key]
    with engine.begin() as connection:
        item_id = connection.execute(reports.insert().values(**values)).inserted_primary_key[0]
        delivery.enqueue(connection, KIND, item_id, to, time.time())
    delivery.deliver(engine, to, LOADERS, KIND, item_id)
    return item_id, delivery.outcome(engine, KIND, item_id)
