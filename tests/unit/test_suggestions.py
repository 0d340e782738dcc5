"""The suggestion form's rules: what counts as a suggestion and as an e-mail address."""

import pytest

from bot.suggestions import (
    is_valid_suggestion,
    normalise_email,
    sounds_like_a_wish,
    suggestion_in_message,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Ola.Nordmann@Example.org ", "ola.nordmann@example.org"),
        ("ola@", None),
        ("ikke en adresse", None),
        ("ola@example", None),
        ("ok, den er Ole.Haugen@tromso.example.org", "ole.haugen@tromso.example.org"),
        ("<kari@example.org>.", "kari@example.org"),
        ("kari@example.org eller ola@example.org", None),  # which one? ask again
    ],
)
def test_email_normalisation(text, expected):
    assert normalise_email(text) == expected


def test_suggestion_length():
    assert not is_valid_suggestion("  kort ")
    assert is_valid_suggestion("Sortering på romnummer")


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        (
            "kunne dere laget en mørk modus i appen for nattevakta?",
            "kunne dere laget en mørk modus i appen for nattevakta?",
        ),
        (
            "Jeg har et forslag: sortering på romnummer i beboerlista",
            "sortering på romnummer i beboerlista",
        ),
        (
            "vi har et lite forslag til dere – varsel når en vakt er ubesatt",
            "varsel når en vakt er ubesatt",
        ),
        ("jeg har et forslag", None),
        ("jeg vil gi et forbedringsforslag", None),
        ("eg har eit ønskje til aidn", None),  # Nynorsk announcements
        ("eg har eit framlegg til dykk", None),
        ("eg har eit framlegg: større skrift i vaktrapporten", "større skrift i vaktrapporten"),
        ("har en ide til aidn", None),
        ("hvordan sender jeg inn et forslag?", None),
        ("kan jeg foreslå noe selv?", None),
        ("/suggestion", None),
    ],
)
def test_the_suggestion_in_the_message_that_starts_the_form(text, suggestion):
    assert suggestion_in_message(text) == suggestion


@pytest.mark.parametrize(
    ("text", "wish"),
    [
        ("det burde komme et varsel når e-meldinger ikke kan sendes", True),
        ("kunne dere lagt til lest-status på e-meldinger?", True),
        ("e-meldingene går ikke ut i det hele tatt nå", False),
    ],
)
def test_sounds_like_a_wish(text, wish):
    assert sounds_like_a_wish(text) is wish
