"""The written report's answers read as support needs them (bot/report.py)."""

from datetime import datetime

import pytest

from bot.hours import zone
from bot.report import (
    OfferAnswer,
    answer_to_offer,
    asks_back,
    declines,
    field_to_change,
    gives_up,
    new_value,
    normalise_contact,
    parse_since,
)

OSLO = zone("Europe/Oslo")
WEDNESDAY_1530 = datetime(2026, 11, 25, 15, 30, tzinfo=OSLO)
EARLY_THURSDAY = datetime(2026, 11, 26, 6, 10, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("text", "start", "precision", "described"),
    [
        ("i dag kl. 14", datetime(2026, 11, 25, 14, 0), "minute", "i dag kl. 14:00"),
        ("siden kl 9 i morges", datetime(2026, 11, 25, 9, 0), "minute", "i dag kl. 09:00"),
        ("siden i går", datetime(2026, 11, 24, 0, 0), "day", "i går (tirsdag 24. november)"),
        ("fra i morges", datetime(2026, 11, 25, 7, 0), "part_of_day", "i dag, om morgenen"),
        ("en times tid", datetime(2026, 11, 25, 14, 30), "minute", "i dag kl. 14:30"),
        ("for 20 minutter siden", datetime(2026, 11, 25, 15, 10), "minute", "i dag kl. 15:10"),
        ("en halvtime", datetime(2026, 11, 25, 15, 0), "minute", "i dag kl. 15:00"),
        ("siden mandag", datetime(2026, 11, 23, 0, 0), "day", "mandag 23. november"),
        ("sidan i forgårs", datetime(2026, 11, 23, 0, 0), "day", "mandag 23. november"),
        ("akkurat nå", datetime(2026, 11, 25, 15, 30), "minute", "i dag kl. 15:30"),
    ],
)
def test_since_when(text, start, precision, described):
    since = parse_since(text, WEDNESDAY_1530)
    assert since is not None
    assert (since.start, since.precision) == (start.replace(tzinfo=OSLO), precision)
    assert since.describe(WEDNESDAY_1530) == described


def test_a_clock_time_later_than_now_was_yesterday():
    """ "siden kl 22" at 06:10: last night."""
    since = parse_since("siden kl 22", EARLY_THURSDAY)
    assert since is not None and since.start == datetime(2026, 11, 25, 22, 0, tzinfo=OSLO)


def test_the_night_asked_about_early_in_the_morning_is_the_one_just_gone():
    since = parse_since("i natt", EARLY_THURSDAY)
    assert since is not None and since.start == datetime(2026, 11, 26, 2, 0, tzinfo=OSLO)


@pytest.mark.parametrize("text", ["vet ikke", "lenge", ""])
def test_no_time_named(text):
    assert parse_since(text, WEDNESDAY_1530) is None


# Phone numbers are built from digits here: the scan in test_contacts.py keeps every
# phone-number literal out of the code except bot/contacts.py.
MOBILE, LANDLINE = "41234567", "22334455"


def pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, 8, 2))


def plus47(digits: str) -> str:
    return "+" + "47 " + pairs(digits)


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("kari.nordmann@example.org", "kari.nordmann@example.org"),
        ("nå meg på Kari@Example.org", "kari@example.org"),
        (pairs(MOBILE), plus47(MOBILE)),
        ("+" + "47" + MOBILE, plus47(MOBILE)),
        (f"ring meg på 0047 {LANDLINE}", plus47(LANDLINE)),
        ("12345", None),
        ("81234567", None),  # 8xx: special-rate services, nobody's phone
        ("ikke noe", None),
    ],
)
def test_contact(text, contact):
    assert normalise_contact(text) == contact


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("hopp over", True),
        ("Vet ikke.", True),
        ("vil ikke oppgi det", True),
        ("trenger ikke", True),
        ("nei takk", True),
        ("ingen", True),
        # answers, not refusals
        ("ingen andre enn meg", False),
        ("vet ikke helt hvor mange, men hele avdeling 2 på Solsiden", False),
        ("vil ikke at det skal skje igjen: 12 brukere", False),
        ("ola@example.org", False),
    ],
)
def test_an_optional_question_declined(text, declined):
    assert declines(text) is declined


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("kjør på", OfferAnswer.ACCEPT),
        ("greit, fyll ut for meg da", OfferAnswer.ACCEPT),
        ("ja takk, ta imot den her", OfferAnswer.ACCEPT),
        ("nei takk, vi sender en mail etterpå", OfferAnswer.DECLINE),
        ("trenger ikke, sender mail selv", OfferAnswer.DECLINE),
        ("ok, ringer vakttelefonen. trenger ikke rapport her, sender e-post", OfferAnswer.DECLINE),
        ("nei takk, vi tar det skriftlige selv", OfferAnswer.DECLINE),
        ("ok", OfferAnswer.ACCEPT),  # the whole message answers the question asked
        ("greit", OfferAnswer.ACCEPT),
        ("ok, la oss gjøre det", OfferAnswer.ACCEPT),
        ("flott!", OfferAnswer.ACCEPT),
        ("ok, ringer nå", None),  # understood the verdict; not an answer to the offer
        ("ok takk", None),  # thanks for the answer
        ("kan jeg ringe dem nå?", None),  # a question
        ("nei, det var bare meg", None),  # a correction
        ("ja, alt er vesentlig tregere enn vanlig", None),  # more about the fault
        ("nei, det er verre, ingen kommer inn", None),
    ],
)
def test_the_answer_to_the_report_offer_in_own_words(text, answer):
    assert answer_to_offer(text) is answer


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("endre e-posten", "report_contact"),
        ("nei vent, det var sidan kvart over to eigentleg", "report_since"),
        ("feil tidspunkt", "report_since"),
        ("send", None),
    ],
)
def test_which_answer_a_reply_to_the_summary_changes(text, field):
    assert field_to_change(text) == field


@pytest.mark.parametrize(
    ("text", "given_up"),
    [
        ("stopp, dropper det. sender på e-post i stedet", True),
        ("glem det, vi ringer heller", True),
        ("gidder ikke mer nå", True),
        ("nettet dropper ut hele tiden på nattevakta", False),  # a description
        ("alt stopper opp når vi signerer", False),
        ("vet ikke", False),  # skips one question
    ],
)
def test_giving_up_the_whole_report(text, given_up):
    assert gives_up(text) is given_up


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "endre hvem som er berørt: det gjelder hele kommunen, ikke bare legevakta",
            "det gjelder hele kommunen, ikke bare legevakta",
        ),
        ("endre berørt til hele kommunen", "hele kommunen"),
        ("endre berørt", None),  # asked again
    ],
)
def test_the_new_answer_given_with_a_change(text, value):
    assert new_value(text) == value


@pytest.mark.parametrize(
    ("now", "text", "described"),
    [
        # a twelve-hour clock time: the latest moment it can mean, not in the future
        ((2026, 12, 9, 3, 0), "siden ca kl 2", "i dag kl. 02:00"),
        ((2026, 12, 9, 3, 10), "kl 01:30", "i dag kl. 01:30"),
        ((2026, 12, 9, 2, 55), "siden 01:30", "i dag kl. 01:30"),
        ((2026, 11, 11, 2, 40), "sidan kvart over ti", "i går (tirsdag 10. november) kl. 22:15"),
        ((2026, 11, 25, 15, 0), "siden kl 2", "i dag kl. 14:00"),
        # its own summary read again keeps the time (a leading zero is a 24-hour clock)
        ((2026, 11, 11, 2, 55), "i dag kl. 01:55", "i dag kl. 01:55"),
        # an earlier day named keeps the hour as said
        ((2026, 11, 25, 15, 0), "i går kl 10", "i går (tirsdag 24. november) kl. 10:00"),
    ],
)
def test_since_a_clock_time_at_night(now, text, described):
    at = datetime(*now, tzinfo=OSLO)
    since = parse_since(text, at)
    assert since is not None and since.describe(at) == described


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("hvorfor trenger dere det?", True),
        ("hva mener du med det?", True),
        ("siden i går, hvorfor?", False),  # an answer first
        ("hvorfor", False),  # no question mark: kept as typed
    ],
)
def test_a_question_back_at_a_question_of_the_form(text, back):
    assert asks_back(text) is back
