"""The assistant's own tables (suggestions, reports, deliveries) in the same kind of database as the
conversations: a SQLite file by default, PostgreSQL when AIDN_DB_HOST is set (the
settings of scripts/env.sh)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

DEFAULT_SQLITE = Path(__file__).resolve().parents[1] / "var" / "inbox.sqlite3"

metadata = sa.MetaData()

suggestions = sa.Table(
    "suggestions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("suggestion", sa.Text, nullable=False),
    sa.Column("email", sa.String(320)),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(40), nullable=False),  # ISO 8601 with its offset
    sa.Column("sender_id", sa.String(255), nullable=False),
    sa.Column("channel", sa.String(40), nullable=False),
    sa.Column("severity", sa.String(1), nullable=False),
    sa.Column("reasoning", sa.Text, nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("since", sa.Text),
    sa.Column("affected", sa.Text),
    sa.Column("called", sa.Boolean),
    sa.Column("contact", sa.String(320), nullable=False),
)

# One row per item and target: stored first, then delivered, the outcome recorded.
deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("item_kind", sa.String(20), nullable=False),
    sa.Column("item_id", sa.Integer, nullable=False),
    sa.Column("target", sa.String(20), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),  # pending, sending, delivered
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.UniqueConstraint("item_kind", "item_id", "target"),
)


def database_url(env: Mapping[str, str] = os.environ) -> URL:
    if env.get("AIDN_DB_HOST"):
        return URL.create(
            "postgresql+psycopg2",
            username=env.get("AIDN_DB_USER", "aidn"),
            password=env.get("AIDN_DB_PASSWORD") or None,
            host=env["AIDN_DB_HOST"],
            port=int(env.get("AIDN_DB_PORT", "5432")),
            database=env.get("AIDN_DB_NAME", "aidn"),
            query={"connect_timeout": "5"},
        )
    return URL.create("sqlite", database=env.get("AIDN_INBOX_DB", str(DEFAULT_SQLITE)))


@lru_cache(maxsize=4)
def engine(url: URL) -> Engine:
    """One engine (and connection pool) per database, with the tables created."""
    if url.get_backend_name() == "sqlite" and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    made = sa.create_engine(url, pool_pre_ping=True, future=True)
    metadata.create_all(made)
    return made
