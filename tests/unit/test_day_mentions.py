"""The day a question about opening hours names, resolved against a fixed `today`."""

from datetime import date, timedelta

import pytest

from bot.day_mentions import Period, mentioned_day, mentioned_period

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("er dere åpne på lørdag?", date(2026, 11, 28)),
        ("Har dokker opent på laurdag", date(2026, 11, 28)),
        ("åpent på søndager?", date(2026, 11, 29)),
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


@pytest.mark.parametrize(
    ("text", "today", "name", "days"),
    [
        ("er dere åpne i helga", TUESDAY, "helgen", [date(2026, 11, 28), date(2026, 11, 29)]),
        (
            "hva med i helgen?",
            date(2026, 11, 28),
            "helgen",
            [date(2026, 11, 28), date(2026, 11, 29)],
        ),
        ("åpent i helga?", date(2026, 11, 29), "helgen", [date(2026, 11, 29)]),  # Sunday
        # Easter is a period, from Maundy Thursday to Easter Monday; the next one not over.
        (
            "er dere åpne i påsken?",
            TUESDAY,
            "påsken",
            [date(2027, 3, 25) + timedelta(days=n) for n in range(5)],
        ),
        (
            "har dokker ope i påska",
            date(2026, 4, 5),
            "påsken",
            [date(2026, 4, 2) + timedelta(days=n) for n in range(5)],
        ),
        ("åpent i jula?", TUESDAY, "jula", [date(2026, 12, 24 + n) for n in range(3)]),
        ("romjula?", TUESDAY, "romjula", [date(2026, 12, 27 + n) for n in range(5)]),
        ("og i pinsen", TUESDAY, "pinsen", [date(2027, 5, 16), date(2027, 5, 17)]),
    ],
)
def test_periods(text, today, name, days):
    assert mentioned_period(text, today) == Period(name, tuple(days))
    assert mentioned_day(text, today) is None  # a period, not one day


@pytest.mark.parametrize(
    "text", ["skjærtorsdag da?", "2. påskedag?", "julaften", "er dere åpne nå i helga", "Helge"]
)
def test_named_days_and_questions_about_now_are_no_period(text):
    assert mentioned_period(text, TUESDAY) is None


def test_a_named_day_in_its_definite_form():
    assert mentioned_day("og skjærtorsdagen?", date(2026, 3, 24)) == date(2026, 4, 2)
