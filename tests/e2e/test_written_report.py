"""The written report end to end over REST, through the real servers, with a real SMTP
server on 127.0.0.1 (aiosmtpd): a nurse reports a B-feil, says she has phoned, fills the
report, corrects one answer, and support receives the e-mail. With SMTP down the report
is kept and `python -m storage.deliver` sends it once."""

import socket
import sqlite3
import subprocess
import sys
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from bot.contacts import CONTACTS
from devtools.assistant import Assistant

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PORTS = (15505, 15555, 18580)


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default))
        )
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SMTP_PORT = free_port()


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("report-var")


@pytest.fixture(scope="module")
def assistant(var_dir):
    env = {
        "AIDN_SMTP_HOST": "127.0.0.1",
        "AIDN_SMTP_PORT": str(SMTP_PORT),
        "AIDN_SMTP_SECURITY": "none",
    }
    running = Assistant(var_dir, ports=PORTS, extra_env=env)
    yield running
    running.stop()


@pytest.fixture
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    yield box
    controller.stop()


def report_a_b_feil(assistant, sender: str) -> str:
    """The conversation up to the summary; returns the last reply."""
    assert "B-feil" in assistant.texts(sender, "vi får ikke sendt e-meldinger til legekontoret")
    assistant.say(sender, "/write_report")
    assistant.say(sender, "Ingen e-meldinger går ut, de blir liggende i utboksen")
    assistant.say(sender, "siden kl 13 i dag")
    assistant.say(sender, "hele Solsiden sykehjem, Eksempel kommune")
    assistant.say(sender, "/affirm")  # has phoned
    return assistant.texts(sender, "kari@example.org")


def test_a_b_feil_reported_in_the_chat_reaches_support_by_email(assistant, var_dir, mailbox):
    summary = report_a_b_feil(assistant, "report-1")
    assert "Slik blir tilbakemeldingen" in summary and "kari@example.org" in summary
    assistant.say("report-1", "endre e-posten")
    assistant.say("report-1", "kari.nordmann@example.org")  # corrected, then the summary again
    done = assistant.texts("report-1", "send")
    assert "sendt til support" in done and "prioriterer" in done
    row = (
        sqlite3.connect(var_dir / "inbox.sqlite3")
        .execute("SELECT severity, reasoning, what, contact, called FROM reports")
        .fetchone()
    )
    assert row[0] == "B" and row[3] == "kari.nordmann@example.org" and row[4] == 1
    assert "e-meldinger" in row[1]  # why it is a B: the words that led to it
    ((recipients, mail),) = mailbox.messages
    assert recipients == [CONTACTS.support_email]
    assert mail["Subject"].startswith("[Aidn hjelpeassistent] B-feil: Ingen e-meldinger går ut")
    body = mail.get_content()
    assert "Alvorlighetsgrad: B-feil" in body and "Ringt inn: ja" in body
    assert "Hvorfor: Beskrivelsen «vi får ikke sendt e-meldinger til legekontoret»" in body
    assert "Siden: i dag kl. 13:00" in body and "kari.nordmann@example.org" in body


def test_smtp_down_keeps_the_report_and_the_delivery_command_sends_it_once(assistant, var_dir):
    summary = report_a_b_feil(assistant, "report-2")
    assert "Slik blir tilbakemeldingen" in summary
    saved = assistant.texts("report-2", "send")  # no SMTP server listens now
    assert "lagret" in saved and "sendes til support" in saved
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        env = {
            "AIDN_VAR_DIR": str(var_dir),
            "AIDN_INBOX_DB": str(var_dir / "inbox.sqlite3"),
            "AIDN_SMTP_HOST": "127.0.0.1",
            "AIDN_SMTP_PORT": str(SMTP_PORT),
            "AIDN_SMTP_SECURITY": "none",
            "PATH": "/usr/bin:/bin",
        }
        for _ in range(2):  # a second run finds nothing left to send
            subprocess.run([sys.executable, "-m", "storage.deliver"], cwd=ROOT, env=env, check=True)
    finally:
        controller.stop()
    assert len(box.messages) == 1
    assert "B-feil" in box.messages[0][1]["Subject"]


def test_cancelling_the_report_keeps_nothing(assistant, var_dir):
    assistant.say("report-3", "vi får ikke sendt e-meldinger til legekontoret")
    assistant.say("report-3", "/write_report")
    assistant.say("report-3", "e-meldingene går ikke")
    reply = assistant.texts("report-3", "glem det")
    assert "avbryter" in reply and CONTACTS.support_email in reply
    rows = sqlite3.connect(var_dir / "inbox.sqlite3").execute(
        "SELECT count(*) FROM reports WHERE sender_id = 'report-3'"
    )
    assert rows.fetchone() == (0,)
