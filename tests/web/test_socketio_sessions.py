"""Signed session ids for the widget's socketio channel."""

import pytest

from rasa_extensions.channels.socketio import new_session_token, session_secret, verified_session

SECRET = b"s" * 32


def test_a_token_the_server_issued_carries_its_session():
    token = new_session_token(SECRET)
    session = verified_session(token, SECRET)
    assert session is not None and len(session) == 32 and token.startswith(session + ".")


@pytest.mark.parametrize(
    "token",
    [
        None,
        "",
        "0" * 32,  # a bare session id, as seen in a tracker or a log: not enough to join
        "0" * 32 + "." + "0" * 32,
        "a.b.c",
        42,
        {"session_id": "x"},
    ],
)
def test_anything_else_is_refused(token):
    assert verified_session(token, SECRET) is None


def test_another_servers_token_is_refused():
    assert verified_session(new_session_token(b"t" * 32), SECRET) is None


def test_the_secret_must_be_set_and_long(monkeypatch):
    monkeypatch.setenv("AIDN_SESSION_SECRET", "short")
    with pytest.raises(RuntimeError, match="AIDN_SESSION_SECRET"):
        session_secret()
    monkeypatch.setenv("AIDN_SESSION_SECRET", "x" * 32)
    assert session_secret() == b"x" * 32
