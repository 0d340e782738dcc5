"""The channels' gate (rasa_extensions/channels/entry.py) around a turn that fails."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.contacts import CONTACTS
from rasa_extensions.channels.entry import guarded


def turn(text="Aidn er helt nede", metadata=None):
    return UserMessage(text, CollectingOutputChannel(), "nurse-1", metadata=metadata)


async def test_a_turn_that_fails_gets_both_lines_instead_of_silence():
    async def database_down(message):
        raise ConnectionError("could not connect to server")

    message = turn()
    await guarded(database_down)(message)
    (sent,) = message.output_channel.messages
    assert CONTACTS.office_line.number in sent["text"]
    assert CONTACTS.on_call_line.number in sent["text"]


async def test_a_turn_that_hangs_is_answered_within_the_timeout(monkeypatch):
    monkeypatch.setenv("AIDN_TURN_TIMEOUT", "0.5")

    async def lock_never_free(message):
        await asyncio.sleep(60)

    message = turn()
    await asyncio.wait_for(guarded(lock_never_free)(message), 5)
    assert CONTACTS.on_call_line.number in message.output_channel.messages[0]["text"]


@pytest.mark.parametrize(
    ("metadata", "kept"),
    [
        ({"aidn_clock": "2026-11-25T02:30:00+00:00", "note": "27894228771"}, {"aidn_clock"}),
        (None, set()),
    ],
)
async def test_only_known_client_metadata_passes(metadata, kept):
    seen = []

    async def rasa(message):
        seen.append(message)

    await guarded(rasa)(turn(metadata=metadata))
    assert set(seen[0].metadata) == kept
