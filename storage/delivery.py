"""Store first, then deliver, record the outcome, retry what failed: one mechanism for
everything the assistant hands on (suggestions to a webhook, written reports by e-mail).

An item is stored with one `deliveries` row per configured target, in one transaction.
Delivery claims a row (pending -> sending, so two processes never send it twice), sends,
and records delivered, or pending again with the error and the attempt counted. A row
left 'sending' by a process that died is claimed again after CLAIM_TIMEOUT.

    python -m storage.deliver    delivers everything pending (serve.sh runs it at start)
"""

from __future__ import annotations

import json
import logging
import smtplib
import ssl
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.contacts import CONTACTS
from storage.database import deliveries

logger = logging.getLogger(__name__)
CLAIM_TIMEOUT = 600.0  # seconds

DELIVERED, PENDING, STORED = "delivered", "pending", "stored"  # outcomes for the user


class Target(Protocol):
    name: str

    def send(self, kind: str, item: Mapping[str, Any]) -> None:
        """Deliver `item`; raise on failure."""


class Webhook:
    """POSTs the item as JSON; anything but 2xx within the timeout is a failure."""

    name = "webhook"

    def __init__(self, url: str, timeout: float = 5) -> None:
        self.url, self.timeout = url, timeout

    def send(self, kind: str, item: Mapping[str, Any]) -> None:
        request = urllib.request.Request(
            self.url,
            data=json.dumps({"kind": kind, **item}, ensure_ascii=False).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            if not 200 <= response.status < 300:
                raise OSError(f"webhook answered {response.status}")


@dataclass(frozen=True)
class SmtpSettings:
    """Where e-mail goes out: AIDN_SMTP_HOST (unset: no e-mail), AIDN_SMTP_PORT,
    AIDN_SMTP_SECURITY (starttls, tls or none), AIDN_SMTP_USER, AIDN_SMTP_PASSWORD,
    AIDN_SMTP_FROM; the recipient is support's address from bot.contacts."""

    host: str
    port: int
    security: str
    user: str | None
    password: str | None
    sender: str
    recipient: str

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpSettings | None:
        if not env.get("AIDN_SMTP_HOST"):
            return None
        security = env.get("AIDN_SMTP_SECURITY", "starttls").lower()
        if security not in ("starttls", "tls", "none"):
            raise ValueError(f"AIDN_SMTP_SECURITY must be starttls, tls or none, not {security!r}")
        default_port = {"starttls": "587", "tls": "465", "none": "25"}[security]
        return cls(
            host=env["AIDN_SMTP_HOST"],
            port=int(env.get("AIDN_SMTP_PORT", default_port)),
            security=security,
            user=env.get("AIDN_SMTP_USER") or None,
            password=env.get("AIDN_SMTP_PASSWORD") or None,
            sender=env.get("AIDN_SMTP_FROM")
            or f"hjelpeassistent@{CONTACTS.support_email.split('@')[1]}",
            recipient=CONTACTS.support_email,
        )


class Email:
    """Sends the item, rendered by `render` as (subject, body), to support over SMTP."""

    name = "email"

    def __init__(
        self, smtp: SmtpSettings, render: Callable[[Mapping[str, Any]], tuple[str, str]]
    ) -> None:
        self.smtp, self.render = smtp, render

    def send(self, kind: str, item: Mapping[str, Any]) -> None:
        subject, body = self.render(item)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = (
            self.smtp.sender,
            self.smtp.recipient,
            subject,
        )
        message.set_content(body)
        connect = smtplib.SMTP_SSL if self.smtp.security == "tls" else smtplib.SMTP
        context = ssl.create_default_context()
        with connect(self.smtp.host, self.smtp.port, timeout=10) as server:
            if self.smtp.security == "starttls":
                server.starttls(context=context)
            if self.smtp.user:
                server.login(self.smtp.user, self.smtp.password or "")
            server.send_message(message)


Loader = Callable[[Connection, int], Mapping[str, Any] | None]


def enqueue(
    connection: Connection, kind: str, item_id: int, targets: Sequence[Target], now: float
) -> None:
    for target in targets:
        connection.execute(
            deliveries.insert().values(
                item_kind=kind,
                item_id=item_id,
                target=target.name,
                status="pending",
                attempts=0,
                updated_at=now,
            )
        )


def deliver(
    engine: Engine,
    targets: Sequence[Target],
    loaders: Mapping[str, Loader],
    kind: str | None = None,
    item_id: int | None = None,
    clock: Callable[[], float] = time.time,
) -> dict[str, int]:
    """Try every pending delivery (of one item, if given) to its target; counts by outcome."""
    by_name = {target.name: target for target in targets}
    counts = {"delivered": 0, "failed": 0}
    for row in _due(engine, kind, item_id, clock()):
        target = by_name.get(row.target)
        if target is None or not _claim(engine, row.id, clock()):
            continue
        with engine.connect() as connection:
            item = loaders[row.item_kind](connection, row.item_id)
        error = None
        try:
            if item is None:
                raise LookupError(f"{row.item_kind} {row.item_id} is gone")
            target.send(row.item_kind, item)
        except Exception as failure:  # any failure: kept, retried next time
            error = f"{type(failure).__name__}: {failure}"[:500]
            logger.warning(
                "%s %s not delivered to %s: %s", row.item_kind, row.item_id, row.target, error
            )
        with engine.begin() as connection:
            connection.execute(
                deliveries.update()
                .where(deliveries.c.id == row.id)
                .values(
                    status="pending" if error else "delivered",
                    attempts=deliveries.c.attempts + 1,
                    last_error=error,
                    updated_at=clock(),
                )
            )
        counts["failed" if error else "delivered"] += 1
    return counts


def outcome(engine: Engine, kind: str, item_id: int) -> str:
    """What to tell the user: delivered everywhere, still pending, or stored only."""
    with engine.connect() as connection:
        statuses = (
            connection.execute(
                sa.select(deliveries.c.status).where(
                    deliveries.c.item_kind == kind, deliveries.c.item_id == item_id
                )
            )
            .scalars()
            .all()
        )
    if not statuses:
        return STORED
    return DELIVERED if all(s == "delivered" for s in statuses) else PENDING


def _due(engine: Engine, kind: str | None, item_id: int | None, now: float) -> list[Any]:
    query = sa.select(deliveries).where(
        (deliveries.c.status == "pending")
        | ((deliveries.c.status == "sending") & (deliveries.c.updated_at < now - CLAIM_TIMEOUT))
    )
    if kind is not None:
        query = query.where(deliveries.c.item_kind == kind)
    if item_id is not None:
        query = query.where(deliveries.c.item_id == item_id)
    with engine.connect() as connection:
        return list(connection.execute(query.order_by(deliveries.c.id)))


def _claim(engine: Engine, row_id: int, now: float) -> bool:
    """Pending (or stale sending) -> sending; False when another process got there first."""
    with engine.begin() as connection:
        claimed = connection.execute(
            deliveries.update()
            .where(
                deliveries.c.id == row_id,
                (deliveries.c.status == "pending")
                | (
                    (deliveries.c.status == "sending")
                    & (deliveries.c.updated_at < now - CLAIM_TIMEOUT)
                ),
            )
            .values(status="sending", updated_at=now)
        )
    return claimed.rowcount == 1
