"""The cluster of scripts/cluster.sh, for real: two Rasa servers sharing PostgreSQL and
Redis behind nginx, one action server. Forms across instances, concurrent conversations,
and faults: an instance killed mid-triage, PostgreSQL and Redis stopped and back."""

import os
import shutil
import signal
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.hours import line_for
from devtools.assistant import say_over_rest

pytestmark = pytest.mark.cluster
ROOT = Path(__file__).resolve().parents[2]
# Under the repository, not /tmp: PostgreSQL runs as its own user and must reach it.
DIR = ROOT / "var" / "test-cluster"
BASE = 16100
NGINX, RASA_1, RASA_2 = BASE, BASE + 1, BASE + 2
ENV = {**os.environ, "AIDN_CLUSTER_DIR": str(DIR), "AIDN_CLUSTER_PORT": str(BASE)}


def cluster(command: str) -> str:
    done = subprocess.run(
        ["bash", "scripts/cluster.sh", command],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module", autouse=True)
def running():
    shutil.rmtree(DIR, ignore_errors=True)
    cluster("start")
    yield
    cluster("stop")
    if not os.environ.get("AIDN_KEEP_TEST_CLUSTER"):
        shutil.rmtree(DIR, ignore_errors=True)


def say(port: int, sender: str, message: str, timeout: float = 60) -> list[dict]:
    return say_over_rest(port, sender, message, timeout=timeout)


def text(replies: list[dict]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def database() -> sa.engine.Engine:
    url = sa.engine.URL.create(
        "postgresql+psycopg2", username="aidn", host="127.0.0.1", port=BASE + 4, database="aidn"
    )
    return sa.create_engine(url)


def suggestions_of(sender: str) -> list[str]:
    with database().connect() as connection:
        query = sa.text("SELECT suggestion FROM suggestions WHERE sender_id = :s ORDER BY id")
        return list(connection.execute(query, {"s": sender}).scalars())


def events_of(sender: str) -> int:
    with database().connect() as connection:
        query = sa.text("SELECT count(*) FROM events WHERE sender_id = :s")
        return int(connection.execute(query, {"s": sender}).scalar())


def test_a_form_continues_when_its_turns_alternate_between_the_instances():
    turns = [
        (RASA_1, "jeg har et forslag"),
        (RASA_2, "Sortering av beboerlisten på romnummer"),
        (RASA_1, "leder@example.org"),
    ]
    replies = [text(say(port, "alternating", message)) for port, message in turns]
    assert "lagret" in replies[-1]
    assert suggestions_of("alternating") == ["Sortering av beboerlisten på romnummer"]


def conversation(number: int) -> list[str]:
    sender = f"load-{number}"
    messages = [
        "hei",
        "jeg har et forslag",
        f"forslag nummer {number}: sorter lista etter rom {number}",
        "hopp over",
        "jeg vil melde en feil",
        "/deny",
        "/affirm",
        "takk",
        "ha det",
    ]
    return [text(say(NGINX, sender, message)) for message in messages]


def test_twenty_concurrent_conversations_lose_nothing_and_never_mix():
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(conversation, range(20)))
    for number, replies in enumerate(results):
        assert all(replies), f"load-{number} got no answer to a message: {replies}"
        assert "B-feil" in replies[6]  # the answer to "/affirm" at the second question
        assert suggestions_of(f"load-{number}") == [
            f"forslag nummer {number}: sorter lista etter rom {number}"
        ]


def wait_until_refused(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            return
        time.sleep(0.1)
    raise AssertionError(f"port {port} still answers")


def pid(name: str) -> int:
    return int((DIR / "pids" / f"{name}.pid").read_text())


def test_an_instance_killed_mid_triage_the_other_continues():
    assert "Er tjenester" in text(say(NGINX, "killed", "jeg vil melde en feil"))
    os.killpg(pid("rasa-1"), signal.SIGKILL)
    wait_until_refused(RASA_1)  # gone: the next message comes after the crash
    assert "vesentlig redusert" in text(say(NGINX, "killed", "/deny"))
    assert "B-feil" in text(say(NGINX, "killed", "/affirm"))
    cluster("start")  # starts what is not running: rasa-1 again


@pytest.mark.parametrize("store", ["postgres", "redis"])
def test_a_store_that_stops_gives_the_numbers_quickly_and_service_resumes(store):
    say(NGINX, f"down-{store}", "hei")
    before = events_of(f"down-{store}")
    if store == "postgres":
        pg_ctl = str(sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1])
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
        stop = [pg_ctl, "-D", str(DIR / "pg" / "data"), "-m", "fast", "-w", "stop"]
        subprocess.run(as_postgres + stop, check=True, capture_output=True)
    else:
        os.kill(int((DIR / "redis.pid").read_text()), signal.SIGTERM)
        time.sleep(1)
    started = time.monotonic()
    degraded = text(say(NGINX, f"down-{store}", "Aidn er helt nede", timeout=90))
    assert time.monotonic() - started < 40
    # Redis down: the gate's answer with both lines. PostgreSQL down: Rasa answers from
    # memory (its fail-safe tracker store), without the conversation's context; either
    # way the number for now.
    assert line_for(datetime.now(timezone.utc)).number in degraded
    cluster("start")  # the store comes back
    assert "A-feil" in text(say(NGINX, f"down-{store}", "Aidn er helt nede"))
    assert events_of(f"down-{store}") > before  # nothing written before is lost


def test_the_action_server_killed_still_gives_the_numbers_and_recovers():
    os.killpg(pid("actions"), signal.SIGKILL)
    wait_until_refused(BASE + 3)
    reply = text(say(NGINX, "no-actions", "Aidn er helt nede"))
    assert line_for(datetime.now(timezone.utc)).number in reply
    cluster("start")
    assert "A-feil" in text(say(NGINX, "no-actions", "Aidn er helt nede"))


def test_retention_deletes_idle_conversations_in_postgresql():
    say(NGINX, "retention-old", "hei")
    say(NGINX, "retention-new", "hei")
    with database().begin() as connection:
        connection.execute(
            sa.text("UPDATE events SET timestamp = timestamp - 40 * 86400 WHERE sender_id = :s"),
            {"s": "retention-old"},
        )
    env = {**ENV, "AIDN_DB_HOST": "127.0.0.1", "AIDN_DB_PORT": str(BASE + 4)}
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "storage.retention", "--days", "30"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "deleted 1 conversations" in done.stdout
    assert events_of("retention-old") == 0 and events_of("retention-new") > 0


def test_identity_numbers_reach_no_table_in_postgresql():
    synthetic = "27894228771"  # month + 80: never a person's
    say(NGINX, "pg-privacy", f"pasient {synthetic} får ikke opp journalen, alle er ute")
    say(NGINX, "pg-privacy-2", "jeg har et forslag")
    say(NGINX, "pg-privacy-2", f"vis fnr-{synthetic}. på beboerkortet, øverst")
    with database().connect() as connection:
        tables = connection.execute(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        dump = "".join(
            repr(list(connection.execute(sa.text(f'SELECT * FROM "{table}"')))) for table in tables
        )
    assert "pg-privacy" in dump and synthetic not in dump
    logs = "".join(path.read_text(errors="replace") for path in DIR.rglob("*.log"))
    assert synthetic not in logs
