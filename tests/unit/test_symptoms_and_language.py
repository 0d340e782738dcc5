"""What counts as a described fault, and what counts as English."""

import pytest

from bot.language import is_keyboard_mash, looks_english
from bot.symptoms import (
    asks_what_if,
    calls_for_help,
    describes_symptom,
    is_bare_topic,
    says_emergency_care_works,
)


@pytest.mark.parametrize(
    "text",
    [
        "Aidn er helt nede",
        "ingen får logget inn",
        "alt er ekstremt tregt",
        "vi får ikkje sendt e-meldingar",
        "appen fryser når vi signerer ut medisin",
        "journalen til beboeren er borte",
        "tiltakene forsvant fra arbeidslista etter oppdateringen",
        "legemiddelkortene er blanke",
        "our system is completely down",
        "vi er ute av systemet alle sammen",
        "vi blir kastet ut hele tida",
        "rapportene kommer så sent",
        "verken journal eller medisinoversikt laster",
        "serverfeil når vi åpner aidn",
        "ingn får logget inn",  # typed in a hurry
    ],
)
def test_fault_descriptions_describe_a_symptom(text):
    assert describes_symptom(text)


@pytest.mark.parametrize(
    "text", ["hjelp!!", "legemidler", "e-meldinger", "HASTER", "har en ide til aidn", "aidn"]
)
def test_calls_for_help_and_bare_topics_describe_none(text):
    assert not describes_symptom(text)


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("utskrift", True),
        ("legemidler takk", True),
        ("aaaaa ;;;", False),
        ("?", False),
        ("alt nede", False),
        ("hva skjer med meldingene", False),
    ],
)
def test_bare_topics(text, bare):
    assert is_bare_topic(text) is bare


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("our system is completely down, nobody can log in", True),
        ("how do I add a new medication for a resident?", True),
        ("do we also have to write to you afterwards?", True),
        ("hi", False),  # too short to tell; answered as Norwegian
        ("Aidn er helt nede", False),
        ("jeg har et problem med login", False),
        ("kan jeg ringe dere", False),
    ],
)
def test_looks_english(text, english):
    assert looks_english(text) is english


@pytest.mark.parametrize(
    ("text", "works"),
    [
        ("vi får gitt akutthjelp, men all utdeling stopper opp", True),
        ("feil knapp! øyeblikkelig hjelp går fint, men alt er tregt", True),
        ("vi ser ikkje tiltaka, men akutt hjelp får vi gitt som vanleg", True),
        ("akutt hjelp får vi ikkje gitt", False),
        ("ja, øyeblikkelig hjelp går ikke", False),
        ("akutthjelp fungerer ikkje lenger", False),
        ("vi kan ikke gi øyeblikkelig hjelp", False),
        ("ok, vi får gjort akutt hjelp, men aidn e veldig treg på alle maskinan", True),
        ("aidn er nede", False),
    ],
)
def test_the_user_saying_emergency_care_works(text, works):
    assert says_emergency_care_works(text) is works


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("hjelp meg!", True),
        ("sos", True),
        ("øyeblikkelig hjelp går fint", False),
        ("akutt hjelp", False),
    ],
)
def test_a_call_for_help_is_not_the_name_of_emergency_care(text, calls):
    assert calls_for_help(text) is calls


@pytest.mark.parametrize(
    ("text", "what_if"),
    [
        ("hvis det blir verre og vi ikke får jobbet, hvem ringer vi da?", True),
        ("viss feilen kjem tilbake i natt, kven ringjer vi?", True),
        ("dersom feilen kommer tilbake i natt, hvilket nummer gjelder?", True),
        ("om det skjer igjen i kveld?", False),  # no question about ringing
        ("om natta kommer ingen inn i aidn, hvem ringer vi?", False),  # a fault, now
        ("og hvis det blir krise den dagen?", True),  # a crisis that may come
        ("og hvis vi får en A-feil da, hvem ringer vi?", True),
        ("hvem ringer jeg da om aidn er helt nede den dagen?", True),
        ("hvis det blir verre, hvor fort svarer dere?", False),  # about answers, not ringing
        ("og hvis hele aidn går ned den dagen, hvem ringer vi da?", True),
        ("hvis ingen får logget inn 1. juledag, hvem ringer jeg da?", True),
    ],
)
def test_a_fault_that_may_come_with_a_question_about_ringing(text, what_if):
    assert asks_what_if(text) is what_if


def test_gone_down_describes_a_fault():
    assert describes_symptom("hjelp, nå har aidn gått helt ned for alle")


def test_nobody_giving_emergency_care_is_not_it_working():
    assert not says_emergency_care_works("ja, ingen får gitt akutt hjelp, aidn er borte")


@pytest.mark.parametrize(
    ("text", "mash"),
    [
        ("asdfgh", True),
        ("qwerty zxcvb", True),
        ("fdsjkl ææ", True),
        ("ruter", False),  # one row, but a word the classifier knows
        ("emeldinger??", False),  # a typo of a known topic
        ("hæ", False),  # too short to tell
        ("asdfgh journal", False),  # a known word in it
    ],
)
def test_keyboard_mash(text, mash):
    known = {"ruter", "journal"}
    assert is_keyboard_mash(text, known.__contains__) is mash
