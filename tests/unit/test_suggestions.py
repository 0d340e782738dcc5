"""The suggestion form's rules: what counts as a suggestion and as an e-mail address."""

import pytest

from bot.suggestions import is_valid_suggestion, normalise_email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Ola.Nordmann@Example.org ", "ola.nordmann@example.org"),
        ("ola@", None),
        ("ikke en adresse", None),
        ("ola@example", None),
    ],
)
def test_email_normalisation(text, expected):
    assert normalise_email(text) == expected


def test_suggestion_length():
    assert not is_valid_suggestion("  kort ")
    assert is_valid_suggestion("Sortering på romnummer")
