"""Written reports: stored first, e-mailed to support through a real SMTP server on
127.0.0.1 (aiosmtpd, started here); with the server down, kept and delivered once later."""

import socket
from datetime import datetime, timezone
from email import message_from_bytes

import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from sqlalchemy.engine import URL

from bot.contacts import CONTACTS
from bot.report import Report
from storage import delivery, reports
from storage.database import engine
from storage.database import reports as reports_table

REPORT = Report(
    severity="B",
    reasoning="Triage: øyeblikkelig hjelp hindret – nei; vesentlig redusert – ja",
    what="E-meldinger til fastlegen for pasient 27894228771 blir ikke sendt",
    since="i dag kl. 14:00",
    affected="Hele sykehjemmet, Eksempel kommune",
    called=True,
    contact="kari@example.org",
    channel="hjelpewidgeten",
    sender_id="nurse-1",
    created_at=datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc),
)


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def database(tmp_path):
    return engine(URL.create("sqlite", database=str(tmp_path / "inbox.sqlite3")))


def email_target(port: int) -> delivery.Email:
    env = {"AIDN_SMTP_HOST": "127.0.0.1", "AIDN_SMTP_PORT": str(port), "AIDN_SMTP_SECURITY": "none"}
    (target,) = reports.targets(env)
    return target


def test_a_report_is_stored_without_identity_numbers_and_emailed_to_support(database, smtp):
    controller, inbox = smtp
    report_id, outcome = reports.add(database, REPORT, [email_target(controller.port)])
    assert outcome == delivery.DELIVERED
    ((recipients, mail),) = inbox.messages
    assert recipients == [CONTACTS.support_email]
    assert mail["Subject"].startswith("[Aidn hjelpeassistent] B-feil: E-meldinger til fastlegen")
    body = mail.get_payload(decode=True).decode()
    assert "Alvorlighetsgrad: B-feil" in body
    assert "Hvorfor: Triage: øyeblikkelig hjelp hindret – nei; vesentlig redusert – ja" in body
    assert "Ringt inn: ja" in body and "Kontakt for oppfølging: kari@example.org" in body
    assert "27894228771" not in body and "[fødselsnummer fjernet]" in body
    with database.connect() as connection:
        row = connection.execute(sa.select(reports_table)).one()
    assert row.id == report_id and "27894228771" not in row.what


def test_smtp_down_keeps_the_report_and_a_later_run_delivers_it_exactly_once(database, smtp):
    controller, inbox = smtp
    down = email_target(free_port())  # nothing listens there
    report_id, outcome = reports.add(database, REPORT, [down])
    assert outcome == delivery.PENDING and inbox.messages == []
    up = email_target(controller.port)
    assert delivery.deliver(database, [up], reports.LOADERS) == {"delivered": 1, "failed": 0}
    assert delivery.deliver(database, [up], reports.LOADERS) == {"delivered": 0, "failed": 0}
    assert len(inbox.messages) == 1
    assert delivery.outcome(database, reports.KIND, report_id) == delivery.DELIVERED


def test_no_smtp_server_configured_means_no_email_target():
    assert reports.targets({}) == []
    with pytest.raises(ValueError, match="AIDN_SMTP_SECURITY"):
        delivery.SmtpSettings.from_env({"AIDN_SMTP_HOST": "x", "AIDN_SMTP_SECURITY": "ssl3"})
