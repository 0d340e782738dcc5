"""What enters the assistant, through the real servers (scripts/serve.sh) with debug logging
on: identity numbers never stored or logged in any form, malformed requests refused,
typed "/intents" read as words, over-long messages answered, Rasa's HTTP API off unless
asked for, socketio sessions that cannot be joined by their id alone."""

import asyncio
import json
import re
import sqlite3
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest
import socketio

from bot.hours import line_for
from devtools.assistant import Assistant

pytestmark = pytest.mark.e2e
PORTS = (15105, 15155, 18180)
# Synthetic numbers (month + 80): valid check digits, never a person's; and one with wrong
# check digits that the user labels as a fødselsnummer.
SYNTHETIC, SPACED, LABELLED = "27894228771", "118380 43331", "01019912345"
WRITTEN_FORMS = [
    f"pasient {SYNTHETIC} kommer ikke inn, alt er nede",
    f"fnr {SYNTHETIC}.",
    f"fnr-{SYNTHETIC} mangler i lista",
    f"fødselsnr: {SPACED}",
    "født 27.89.42-28771, journalen er borte for alle",
    f"fødselsnummer {LABELLED} får ikke opp medisinlista",
    f"personnummer {LABELLED} finnes ikke i systemet",
]


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("entry-var")


@pytest.fixture(scope="module")
def assistant(var_dir):
    # The HTTP API is off: no token or JWT secret set.
    running = Assistant(
        var_dir, ports=PORTS, extra_env={"AIDN_RASA_API_TOKEN": "", "AIDN_DEBUG_LOGS": "1"}
    )
    yield running
    running.stop()


def post(assistant, body: bytes) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{assistant.rasa_port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def everything_stored_and_logged(var_dir: Path) -> str:
    """Every row of every table of every SQLite database, and every log file."""
    parts = []
    for database in var_dir.glob("*.sqlite3"):
        connection = sqlite3.connect(database)
        tables = [
            t for (t,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        for table in tables:
            parts += [repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
    parts += [log.read_text(errors="replace") for log in var_dir.glob("*.log")]
    return "\n".join(parts)


def test_identity_numbers_in_every_written_form_are_neither_stored_nor_logged(assistant, var_dir):
    for number, text in enumerate(WRITTEN_FORMS):
        reply = assistant.texts(f"privacy-{number}", text)
        assert "Ikke del pasientopplysninger" in reply, text
    # inside a form, in a triage answer and in client metadata
    assistant.say("privacy-form", "jeg har et forslag")
    assistant.say("privacy-form", f"vis fødselsnummer {SYNTHETIC} øverst på beboerkortet")
    assistant.say("privacy-triage", "jeg vil melde en feil")
    assistant.say("privacy-triage", f"ja, beboer {SPACED} får ikke medisin", {"note": SYNTHETIC})
    stored = everything_stored_and_logged(var_dir)
    assert "kommer ikke inn" in stored and "dselsnummer fjernet]" in stored  # ø may be \\u00f8
    digits = re.sub(r"[ .-]", "", stored)
    for number in (SYNTHETIC, SPACED.replace(" ", ""), LABELLED):
        assert number not in digits


def test_the_fault_in_a_message_with_a_number_is_still_answered(assistant):
    reply = assistant.texts("privacy-fault", f"pasient {SYNTHETIC} kommer ikke inn, alt er nede")
    assert "A-feil" in reply
    assert line_for(datetime.now(timezone.utc)).number in reply


def test_a_labelled_number_with_a_fault_not_understood_gets_no_class(assistant):
    """Issue 10: "personnummer 12345678901 finnes ikke i systemet" got an A-feil answer at
    confidence 0.02. A number and no described fault: the warning, and what happens, with
    the number to ring as a condition."""
    reply = assistant.texts("privacy-labelled", "personnummer 12345678901 finnes ikke i systemet")
    assert "Ikke del pasientopplysninger" in reply
    assert "A-feil" not in reply and "B-feil" not in reply


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        json.dumps({"sender": 42, "message": "hei"}).encode(),
        json.dumps({"sender": "a\nb", "message": "hei"}).encode(),  # a forged log line
        json.dumps({"sender": "x" * 129, "message": "hei"}).encode(),
        json.dumps({"sender": SYNTHETIC, "message": "hei"}).encode(),
        json.dumps({"sender": "ok", "message": ["hei"]}).encode(),
    ],
)
def test_malformed_requests_are_refused(assistant, body):
    status, _ = post(assistant, body)
    assert status == 400


def test_typed_intents_are_words(assistant):
    """Only the payloads of the assistant's own buttons are read as intents."""
    assert "pasientopplysninger" not in assistant.texts("slash-1", "/share_personal_data")
    assert "A-feil" not in assistant.texts("slash-3", '/fault_critical{"severity": "A"}')
    # the buttons' payloads still work
    assistant.say("slash-2", "jeg vil melde en feil")
    assert "B-feil" in "".join(
        [assistant.texts("slash-2", "/deny"), assistant.texts("slash-2", "/affirm")]
    )


def test_an_over_long_message_is_answered_and_never_read(assistant, var_dir):
    text = "Aidn er nede " + "blablabla " * 400 + "unikord"
    reply = assistant.texts("long-1", text)
    assert "for lang" in reply
    assert line_for(datetime.now(timezone.utc)).number in reply
    assert "unikord" not in everything_stored_and_logged(var_dir)
    assert "A-feil" in assistant.texts("long-1", "Aidn er helt nede")  # and it goes on


def test_rasas_http_api_is_off_unless_asked_for(assistant):
    url = f"http://127.0.0.1:{assistant.rasa_port}/conversations/privacy-0/tracker"
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=10)
    assert refused.value.code == 404


def test_a_socketio_session_cannot_be_joined_by_its_id(assistant, var_dir):
    async def scenario() -> tuple[list, list]:
        origin = {"Origin": assistant.web_url}
        owner, intruder = socketio.AsyncClient(), socketio.AsyncClient()
        heard: dict[str, list] = {"owner": [], "intruder": []}
        tokens: dict[str, str] = {}
        for name, client in (("owner", owner), ("intruder", intruder)):
            client.on("bot_uttered", lambda m, n=name: heard[n].append(m))
            client.on("session_confirm", lambda t, n=name: tokens.__setitem__(n, t))
        url = f"http://127.0.0.1:{assistant.rasa_port}"
        await owner.connect(url, headers=origin, transports=["websocket"])
        await owner.emit("session_request", {"session_id": None})
        await asyncio.sleep(1)
        await owner.emit("user_uttered", {"message": "hei", "session_id": tokens["owner"]})
        await asyncio.sleep(3)
        session = tokens["owner"].split(".")[0]  # what a tracker or a log shows
        await intruder.connect(url, headers=origin, transports=["websocket"])
        await intruder.emit("session_request", {"session_id": session})
        await asyncio.sleep(1)
        await intruder.emit("user_uttered", {"message": "Aidn er helt nede", "session_id": session})
        await asyncio.sleep(3)
        assert tokens["intruder"] != tokens["owner"]
        await owner.disconnect()
        await intruder.disconnect()
        return session, heard["owner"], heard["intruder"]

    session, owner_heard, intruder_heard = asyncio.run(scenario())
    assert owner_heard and not any("A-feil" in m.get("text", "") for m in owner_heard)
    assert intruder_heard == []
    events = sqlite3.connect(var_dir / "tracker.sqlite3").execute(
        "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (session,)
    )
    assert [json.loads(data)["text"] for (data,) in events] == ["hei"]
