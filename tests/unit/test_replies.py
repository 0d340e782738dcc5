"""Which response a question about the severity classes gets."""

from datetime import datetime

import pytest

from bot.contacts import CONTACTS
from bot.hours import zone
from bot.replies import mentioned_classes, opening_hours_reply, severity_info_reply
from bot.severity import Severity

SATURDAY_NIGHT = datetime(2026, 11, 28, 2, 30, tzinfo=zone("Europe/Oslo"))
TUESDAY_NOON = datetime(2026, 11, 24, 12, 0, tzinfo=zone("Europe/Oslo"))


@pytest.mark.parametrize(
    "text",
    ["kan jeg ringe om en C-feil?", "skal c feil ringes inn", "Har dere telefonnummer for C-feil"],
)
def test_calling_about_a_c_fault_gets_a_straight_no(text):
    assert severity_info_reply(text, TUESDAY_NOON).response == "utter_severity_c_is_written"


@pytest.mark.parametrize(
    ("text", "now", "severity", "number"),
    [
        ("må B-feil ringes inn?", TUESDAY_NOON, "B", CONTACTS.office_line.number),
        (
            "holder det å sende e-post om en B-feil eller må jeg ringe",
            TUESDAY_NOON,
            "B",
            CONTACTS.office_line.number,
        ),
        ("Må A- og B-feil ringes inn?", TUESDAY_NOON, "A- og B", CONTACTS.office_line.number),
        ("kan eg ringe om ein a-feil no", SATURDAY_NIGHT, "A", CONTACTS.on_call_line.number),
    ],
)
def test_calling_about_an_a_or_b_fault_gets_the_number_for_now(text, now, severity, number):
    reply = severity_info_reply(text, now)
    assert reply.response == "utter_severity_ab_is_called"
    assert reply.values["severity"] == severity
    assert reply.values["line_number"] == number


@pytest.mark.parametrize(
    "text",
    [
        "hva er en B-feil",
        "hva er forskjellen på A-feil og C-feil, og hvem ringer jeg?",
        "forklar feilklassene",
        "ringer jeg?",
        "skal A- eller C-feil ringes inn?",
        "er det en C-feil at appen på telefonen krasjer?",
    ],
)
def test_other_questions_get_the_classes(text):
    assert severity_info_reply(text, TUESDAY_NOON).response == "utter_severity_info"


def test_easter_asked_about_before_it_is_closed_day_by_day_with_the_on_call_line():
    reply = opening_hours_reply(TUESDAY_NOON.replace(month=3, day=17), "er dere åpne i påsken?")
    assert reply.response == "utter_opening_hours_period_closed"
    assert reply.values["period"] == "I påsken"
    assert reply.values["days"].splitlines() == [
        "• Torsdag 2. april: stengt (Skjærtorsdag)",
        "• Fredag 3. april: stengt (Langfredag)",
        "• Lørdag 4. april: stengt (helg)",
        "• Søndag 5. april: stengt (Første påskedag)",
        "• Mandag 6. april: stengt (Andre påskedag)",
    ]


def test_romjula_mixes_open_and_closed_days_and_names_both_lines():
    reply = opening_hours_reply(TUESDAY_NOON, "åpent i romjula?")
    assert reply.response == "utter_opening_hours_period"
    assert reply.values["days"].splitlines()[1] == "• Mandag 28. desember: åpent 08:00–16:00"
    assert reply.values["days"].splitlines()[-1] == (
        "• Torsdag 31. desember: hjelpesiden oppgir ikke egne åpningstider"
    )


def test_a_named_day_wins_over_a_period():
    reply = opening_hours_reply(TUESDAY_NOON, "skjærtorsdag i påsken, er dere åpne da?")
    assert reply.response == "utter_opening_hours_day_closed"


def test_opening_hours_at_a_time_answer_for_that_time():
    reply = opening_hours_reply(TUESDAY_NOON, "er dere åpne klokka ni i morgen?")
    assert (reply.response, reply.values["when"]) == (
        "utter_call_at_time_open",
        "i morgen kl. 09:00",
    )
    late = opening_hours_reply(TUESDAY_NOON, "åpent kl. 16.30 i dag?")
    assert late.response == "utter_call_at_time_closed"


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("hva er en C-feil?", ["C"]),
        ("gjelder det A- og B-feil?", ["A", "B"]),
        ("what is a C error?", ["C"]),
        ("is a B-fault phoned in?", ["B"]),
        ("A fault in the medication list", []),  # the article, not the class
        ("is a fault phoned in?", []),
    ],
)
def test_classes_named_in_norwegian_and_english(text, classes):
    assert mentioned_classes(text) == [Severity(letter) for letter in classes]
