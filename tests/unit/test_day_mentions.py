"""The day a question about opening hours names, resolved against a fixed `today`."""

from datetime import date

import pytest

from bot.day_mentions import mentioned_day

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("er dere åpne på lørdag?", date(2026, 11, 28)),
        ("Har dokker opent på laurdag", date(2026, 11, 28)),
        ("åpent på søndager?", date(2026, 11, 29)),
        ("er dere åpne i helga", date(2026, 11, 28)),
        ("kan jeg ringe dere i morgen tidlig", date(2026, 11, 25)),
        ("er dokker på jobb i morra", date(2026, 11, 25)),
        ("åpent i overmorgen?", date(2026, 11, 26)),
        ("er dere åpne tirsdag", TUESDAY),  # today is Tuesday
        ("åpent på måndag?", date(2026, 11, 30)),
        ("er dere åpne på julaften", date(2026, 12, 24)),
        ("har dere åpent 2. juledag", date(2026, 12, 26)),
        ("Er dere på jobb første juledag?", date(2026, 12, 25)),
        ("åpent nyttårsaften?", date(2026, 12, 31)),
        ("er kundesenteret åpent på 17. mai", date(2027, 5, 17)),
        ("åpent 1. mai?", date(2027, 5, 1)),
        ("er dere åpne skjærtorsdag", date(2027, 3, 25)),
        ("2. påskedag, er det åpent da?", date(2027, 3, 29)),
        ("andre pinsedag", date(2027, 5, 17)),
        ("kristi himmelfartsdag", date(2027, 5, 6)),
        ("er dere åpne 24.12?", date(2026, 12, 24)),
        ("åpent 2/1", date(2027, 1, 2)),
        ("åpent 3.1.2028?", date(2028, 1, 3)),
        ("åpent 24. november", TUESDAY),
        ("er dere åpne i dag", TUESDAY),
        ("åpent til 16.05 i morgen?", date(2026, 11, 25)),
    ],
)
def test_named_days(text, expected):
    assert mentioned_day(text, TUESDAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "er dere åpne nå?",
        "når åpner dere",
        "åpner dere tidlig om morgenen",
        "god morgen, når stenger dere",
        "åpner dere kl. 08.00?",
        "stenger dere 16.00",
        "åpent 31.02?",  # no such day
        # Asked about now, or looking back: the answer is about now.
        "vi prøvde å ringe i helga, er dere åpne nå?",
        "har prøvd å ringe dere siden fredag",
        "er dere åpne nå? vi har en avtale 3.12",
        "forrige fredag fikk jeg ikke svar",
        # Times, fractions and names, not days.
        "er dere åpne 24/7?",
        "kan dere ringe meg om en 1/2 time",
        "åpent til 15.05?",
        "klokka 9.10 var det stengt",
        "hei, dette er Helge",
        "vi er fra Helgelandssykehuset, når åpner dere?",
        "",
    ],
)
def test_no_day_named(text):
    assert mentioned_day(text, TUESDAY) is None


def test_the_weekend_asked_about_on_a_sunday_is_today():
    sunday = date(2026, 11, 29)
    assert mentioned_day("er dere åpne i helgen", sunday) == sunday
    assert mentioned_day("er dere åpne på lørdag", sunday) == date(2026, 12, 5)
