"""The gate of every public channel (bot.entry.screen): what may enter the assistant."""

import pytest

from bot.entry import MESSAGE_TOO_LONG, screen
from bot.privacy import REDACTED

PAYLOADS = frozenset({"/affirm", "/deny", "/greet"})
SYNTHETIC = "27894228771"  # month + 80: valid check digits, never a person's


@pytest.mark.parametrize(
    ("typed", "let_in", "numbers"),
    [
        ("Aidn er helt nede", "Aidn er helt nede", 0),
        (
            f"pasient {SYNTHETIC} får ikke opp journalen",
            f"pasient {REDACTED} får ikke opp journalen",
            1,
        ),
        (f"fnr {SYNTHETIC}. og fnr-278942 28771", f"fnr {REDACTED}. og fnr-{REDACTED}", 2),
        ("fødselsnummer 01019912345 er feil", f"fødselsnummer {REDACTED} er feil", 1),
        # typed "/intents" are words; the assistant's own button payloads are intents
        ("/fault_critical", "fault_critical", 0),
        ('//fault_critical{"x": 1}', 'fault_critical{"x": 1}', 0),
        ("/affirm", "/affirm", 0),
        (" /deny ", "/deny", 0),
        # invisible and control characters: no forged log lines, no reversed text
        ("hei\r\n[INFO] falsk logglinje", "hei \n[INFO] falsk logglinje", 0),
        ("abc\u202edcba\u200b", "abc dcba", 0),
        ("a\ud800b", "a?b", 0),  # an unpaired surrogate from JSON
        (None, "", 0),
        (42, "", 0),
        ({"text": "x"}, "", 0),
    ],
)
def test_what_is_let_in(typed, let_in, numbers):
    screened = screen(typed, PAYLOADS, 2000)
    assert (screened.text, screened.identity_numbers) == (let_in, numbers)


def test_a_message_over_the_limit_is_never_read():
    long = f"fnr {SYNTHETIC} " + "x" * 3000
    assert screen(long, PAYLOADS, 2000).text == MESSAGE_TOO_LONG
    assert screen("x" * 2000, PAYLOADS, 2000).text == "x" * 2000
