"""Hostile and odd input (devtools/hostile.py) through the real servers: every input gets
a sensible answer or a 400 in bounded time, the server stays up, and the next normal
conversation works."""

import pytest

from devtools.assistant import Assistant
from devtools.hostile import PORTS, REPLY_TIMEOUT, run_rest, run_socketio, still_works

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    running = Assistant(tmp_path_factory.mktemp("hostile-var"), ports=PORTS)
    yield running
    running.stop()


def test_hostile_input_over_rest_and_socketio(assistant):
    rest = run_rest(assistant.rasa_port)
    sio = run_socketio(assistant.rasa_port, assistant.web_url)
    assert rest.tried + sio.tried >= 200
    assert rest.failures + sio.failures == []
    assert max(rest.slowest, sio.slowest) < REPLY_TIMEOUT
    assert assistant.group.running()
    assert still_works(assistant)
