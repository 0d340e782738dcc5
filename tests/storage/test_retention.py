"""Retention on a real tracker store (Rasa's own SQL tracker store on SQLite here; on
PostgreSQL in tests/cluster)."""

import time

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from storage.retention import delete_older_than, tracker_url

DAY = 86400


async def test_conversations_idle_longer_than_the_limit_are_deleted_whole(tmp_path):
    store = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.sqlite3"))
    now = time.time()
    for sender, ages in {"old": [40, 35], "recent": [40, 2], "new": [0]}.items():
        tracker = DialogueStateTracker(sender, [])
        for age in ages:
            tracker.update(UserUttered("hei", timestamp=now - age * DAY))
        await store.save(tracker)
    assert delete_older_than(store.engine, days=30, now=now) == 1
    with store.engine.connect() as connection:
        left = connection.execute(sa.text("SELECT DISTINCT sender_id FROM events")).scalars()
        assert sorted(left) == ["new", "recent"]  # "recent" keeps its 40-day-old event too


def test_an_empty_database_has_nothing_to_delete(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    assert delete_older_than(engine, days=30) == 0


def test_the_tracker_database_follows_the_environment():
    assert tracker_url({"AIDN_TRACKER_DB": "/x/t.sqlite3"}).database == "/x/t.sqlite3"
    assert tracker_url({"AIDN_DB_HOST": "db"}).drivername == "postgresql+psycopg2"
