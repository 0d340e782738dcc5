"""Deletes conversations whose last event is older than a number of days, from the
tracker store (SQLite file or PostgreSQL, as scripts/env.sh configures it).

    python -m storage.retention --days 30     (AIDN_RETENTION_DAYS: also at every start)

A conversation goes as a whole: every event of a sender whose newest event is older than
the limit. Suggestions are not conversations and stay.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine

from storage.database import DEFAULT_SQLITE, database_url

DEFAULT_TRACKER = DEFAULT_SQLITE.with_name("tracker.sqlite3")


def tracker_url(env: Mapping[str, str] = os.environ) -> URL:
    if env.get("AIDN_DB_HOST"):
        return database_url(env)  # conversations and the inbox share the database
    return URL.create("sqlite", database=env.get("AIDN_TRACKER_DB", str(DEFAULT_TRACKER)))


def delete_older_than(engine: Engine, days: float, now: float | None = None) -> int:
    """Delete the conversations idle for more than `days`; how many were deleted."""
    cutoff = (time.time() if now is None else now) - days * 86400
    if not sa.inspect(engine).has_table("events"):
        return 0
    events = sa.Table("events", sa.MetaData(), autoload_with=engine)
    stale = (
        sa.select(events.c.sender_id)
        .group_by(events.c.sender_id)
        .having(sa.func.max(events.c.timestamp) < cutoff)
    )
    with engine.begin() as connection:
        senders = list(connection.execute(stale).scalars())
        for start in range(0, len(senders), 500):
            batch = senders[start : start + 500]
            connection.execute(events.delete().where(events.c.sender_id.in_(batch)))
    return len(senders)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--days", type=float, default=float(os.environ.get("AIDN_RETENTION_DAYS", 0))
    )
    days = parser.parse_args().days
    if days <= 0:
        parser.error("give --days (or AIDN_RETENTION_DAYS) above 0")
    deleted = delete_older_than(sa.create_engine(tracker_url(), future=True), days)
    print(f"deleted {deleted} conversations idle for more than {days:g} days")


if __name__ == "__main__":
    main()
