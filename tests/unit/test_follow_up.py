"""Follow-ups answered from what the conversation is about: state in, answer out."""

from datetime import datetime, time, timedelta

import pytest

from bot.contacts import CONTACTS
from bot.day_mentions import asked_delay, asked_time
from bot.follow_up import (
    ESCALATION,
    FAULT,
    OPENING_HOURS,
    USAGE,
    Channel,
    Context,
    can_i_call,
    contact_reply,
    first_channel_named,
    keeps_the_higher_class,
    less_severe,
    not_understood,
    opening_hours,
    response_time,
    says_it_works_again,
    written_instead,
)
from bot.hours import zone
from bot.severity import Severity

OSLO = zone("Europe/Oslo")
WEDNESDAY_NIGHT = datetime(2026, 11, 25, 3, 30, tzinfo=OSLO)
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=OSLO)
SATURDAY_NOON = datetime(2026, 11, 28, 12, 0, tzinfo=OSLO)
OFFICE, ON_CALL = CONTACTS.office_line.number, CONTACTS.on_call_line.number
A, B, C = (Context(FAULT, severity) for severity in Severity)


@pytest.mark.parametrize(
    ("context", "now", "response", "line"),
    [
        (C, WEDNESDAY_NIGHT, "utter_call_c_no", None),  # "kan jeg ringe dem nå?" after a C
        (A, WEDNESDAY_NIGHT, "utter_severity_ab_is_called", ON_CALL),
        (B, WEDNESDAY_NOON, "utter_severity_ab_is_called", OFFICE),
        (Context(USAGE), WEDNESDAY_NOON, "utter_call_usage_no", None),
        (Context(ESCALATION), WEDNESDAY_NIGHT, "utter_call_ops_manager", None),
        # Nothing described yet: yes for A and B on the line for now, the rest in writing.
        (Context(), WEDNESDAY_NIGHT, "utter_call_general", ON_CALL),
        (Context(OPENING_HOURS), WEDNESDAY_NOON, "utter_call_general", OFFICE),
    ],
)
def test_can_i_call_now_depends_on_what_the_conversation_is_about(context, now, response, line):
    reply = can_i_call("kan jeg ringe dem nå?", context, now)
    assert reply.response == response
    assert reply.values.get("line_number") == line


@pytest.mark.parametrize(
    ("text", "severity", "advice"),
    [
        (
            "nei, det er ikkje so gale, berre ein knapp som må trykkast to gonger",
            Severity.C,
            "utter_fault_c_closed",
        ),
        ("beklager, lista er der men bruker minutter på å laste", Severity.B, "utter_fault_b"),
    ],
)
def test_what_a_correction_says_wins_over_the_classifiers_ranking(text, severity, advice):
    for ranked_major in (True, False):
        regrade = less_severe(text, A, WEDNESDAY_NIGHT, ranked_major)
        assert (regrade.severity, regrade.replies[1].response) == (severity, advice)


def test_waiting_with_an_a_or_b_feil_is_no():
    reply = can_i_call("kan det ikke vente til i morgen?", B, WEDNESDAY_NIGHT)
    assert reply.response == "utter_severity_ab_is_called"
    assert reply.values["line_number"] == ON_CALL


def test_a_contact_question_about_another_time_gets_that_times_line():
    reply = contact_reply("hvilket nummer ringer jeg klokka ti i morgen?", B, WEDNESDAY_NIGHT)
    assert (reply.response, reply.values["when"], reply.values["line_number"]) == (
        "utter_severity_ab_call_at",
        "i morgen kl. 10:00",
        OFFICE,
    )
    reply = contact_reply("hvilket nummer ringer jeg klokka ti i morgen?", C, WEDNESDAY_NIGHT)
    assert (reply.response, reply.values["when"]) == (
        "utter_call_at_time_open",
        "i morgen kl. 10:00",
    )


def test_a_class_named_in_the_question_wins_over_the_context():
    reply = can_i_call("kan jeg ringe om en C-feil?", A, WEDNESDAY_NIGHT)
    assert reply.response == "utter_severity_c_is_written"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kan æ ringe kundesenteret klokka halv fire i dag?", time(15, 30)),
        ("kan jeg ringe kl. 15.45", time(15, 45)),
        ("kan eg ringje klokka 9", time(9, 0)),
        ("ringe kl 3", time(15, 0)),
        ("halv åtte i morgen?", time(7, 30)),
        ("svarer dere klokka sju i kveld?", time(19, 0)),
        ("kl 5 om ettermiddagen", time(17, 0)),
        ("klokka tre i natt", time(3, 0)),
        ("halv seks om morgenen", time(5, 30)),
        ("klokka ni i morgen", time(9, 0)),  # i morgen is tomorrow, not the morning
        ("kan jeg ringe nå", None),
    ],
)
def test_asked_time(text, expected):
    assert asked_time(text) == expected


@pytest.mark.parametrize(
    ("now", "text", "response", "when"),
    [
        (
            WEDNESDAY_NIGHT,
            "kan æ ringe kundesenteret klokka halv fire i dag?",
            "utter_call_at_time_open",
            "i dag kl. 15:30",
        ),
        (
            WEDNESDAY_NOON,
            "kan jeg ringe dem kl 16.15 i dag",
            "utter_call_at_time_closed",
            "i dag kl. 16:15",
        ),
        (
            SATURDAY_NOON,
            "kan æ ringe kundesenteret klokka halv fire i dag?",
            "utter_call_at_time_closed",
            "i dag kl. 15:30",
        ),
        (
            WEDNESDAY_NOON,
            "kan jeg ringe på fredag klokka ni?",
            "utter_call_at_time_open",
            "fredag 27. november kl. 09:00",
        ),
    ],
)
def test_can_i_call_at_a_time_gets_yes_or_no_for_that_time(now, text, response, when):
    reply = can_i_call(text, Context(), now)
    assert (reply.response, reply.values["when"]) == (response, when)


def test_call_at_a_closed_time_says_why():
    reply = can_i_call("kan jeg ringe klokka ti 2. påskedag?", Context(), WEDNESDAY_NOON)
    assert reply.response == "utter_call_at_time_closed"
    assert reply.values["closed_reason"] == "det er helligdag (Andre påskedag)"


@pytest.mark.parametrize(
    ("context", "response"),
    [
        (C, "utter_written_channel"),
        (Context(USAGE), "utter_written_channel"),
        (A, "utter_written_after_call"),  # A and B are phoned in first, whatever is asked
        (B, "utter_written_after_call"),
    ],
)
def test_email_instead(context, response):
    reply = written_instead(context, WEDNESDAY_NIGHT)
    assert reply.response == response
    if context.severity in (Severity.A, Severity.B):
        assert reply.values["line_number"] == ON_CALL


@pytest.mark.parametrize(
    ("context", "now", "response"),
    [
        (A, WEDNESDAY_NIGHT, "utter_response_time_a"),
        (B, WEDNESDAY_NIGHT, "utter_response_time_b"),
        (C, WEDNESDAY_NOON, "utter_response_time_written_open"),
        (C, WEDNESDAY_NIGHT, "utter_response_time_written_closed"),
        (Context(USAGE), SATURDAY_NOON, "utter_response_time_written_closed"),
        (Context(), WEDNESDAY_NOON, "utter_response_time"),
    ],
)
def test_when_will_we_get_an_answer(context, now, response):
    assert response_time(context, now).response == response


@pytest.mark.parametrize(
    ("context", "now", "line"), [(A, WEDNESDAY_NIGHT, ON_CALL), (B, WEDNESDAY_NOON, OFFICE)]
)
def test_response_time_after_a_or_b_gives_the_line_to_ring_now(context, now, line):
    """ "svarer de nå?" after an A-feil: they do, ring this number."""
    assert response_time(context, now, "svarer de nå?").values["line_number"] == line


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("svarer dere i helgene?", "utter_opening_hours_period_closed"),
        ("svarer dere klokka sju i kveld?", "utter_call_at_time_closed"),
        ("svarer dere på mandag?", "utter_opening_hours_day_open"),
    ],
)
def test_response_time_asked_for_a_day_or_time_is_about_opening_hours(text, response):
    assert response_time(Context(), SATURDAY_NOON, text).response == response


def test_a_class_named_in_the_question_wins_for_response_times():
    assert response_time(C, WEDNESDAY_NIGHT, "og hvis det var en A-feil?").response == (
        "utter_response_time_a"
    )


def test_response_time_when_closed_names_the_next_opening():
    reply = response_time(C, SATURDAY_NOON)
    assert reply.values["next_opening"] == "mandag 30. november kl. 08:00"


def test_only_me_after_an_a_feil_is_a_c_feil_without_ringing():
    text = "nei vent, det var bare meg som ikke kom inn, de andre kommer inn fint"
    regrade = less_severe(text, A, WEDNESDAY_NIGHT)
    assert [r.response for r in regrade.replies] == [
        "utter_regrade_single_user",
        "utter_fault_c_closed",
    ]
    assert regrade.severity is Severity.C


@pytest.mark.parametrize(
    ("sounds_major", "severity", "advice", "line"),
    [
        (True, Severity.B, "utter_fault_b", ON_CALL),  # "vi kan jobbe, men alt er treigt"
        (False, Severity.C, "utter_fault_c_closed", None),  # "det er ikke så alvorlig"
    ],
)
def test_not_so_serious_after_an_a_feil_gets_a_class_at_once(sounds_major, severity, advice, line):
    regrade = less_severe("oi, feil knapp, vi kan jobbe", A, WEDNESDAY_NIGHT, sounds_major)
    assert [r.response for r in regrade.replies] == ["utter_regrade_not_a", advice]
    assert regrade.severity is severity
    assert regrade.replies[1].values.get("line_number") == line


def test_not_so_serious_after_a_b_feil_is_a_c_feil_in_writing():
    regrade = less_severe("det var ikke så ille likevel, vi jobber", B, WEDNESDAY_NIGHT)
    assert [r.response for r in regrade.replies] == ["utter_regrade_to_c", "utter_fault_c_closed"]
    assert regrade.severity is Severity.C


@pytest.mark.parametrize(
    ("asked", "context", "response"),
    [
        ("hva er nummeret hennes?", Context(ESCALATION), "utter_ops_manager_contact"),
        ("hva er telefonnummeret?", Context(ESCALATION), "utter_ops_manager_contact"),
        ("hvordan får jeg tak i driftsansvarlig?", Context(), "utter_ops_manager_contact"),
        ("hva er telefonnummeret?", Context(USAGE), "utter_contact_info"),
        ("hvilket nummer ringer jeg nå hvis det er krise?", Context(), "utter_contact_now"),
        ("hva er e-postadressen deres?", Context(), "utter_contact_info"),
        ("har hun e-post?", Context(ESCALATION), "utter_ops_manager_no_email"),
        ("kva er e-posten til driftsansvarlig?", Context(), "utter_ops_manager_no_email"),
    ],
)
def test_contact_questions(asked, context, response):
    assert contact_reply(asked, context, WEDNESDAY_NIGHT).response == response


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Asked on a Wednesday at noon, about a day when the office is closed: the reply
        # (utter_opening_hours_day_closed) names only the on-call line, not "ring nå" to
        # the office line that is right today.
        (
            "kan jeg ringe dere på langfredag hvis ingen får logget inn?",
            "det er helligdag (Langfredag)",
        ),
        ("hvilket nummer ringer jeg hvis vi får en B-feil på lørdag?", "det er helg"),
    ],
)
def test_calling_on_another_day_gets_that_days_line_not_todays(text, reason):
    reply = can_i_call(text, Context(), WEDNESDAY_NOON)
    assert (reply.response, reply.values["closed_reason"]) == (
        "utter_opening_hours_day_closed",
        reason,
    )


FRIDAY_1559 = datetime(2026, 5, 15, 15, 59, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("og hvis jeg ringer om fem minutter?", 5),
        ("kan eg ringje om ein halvtime", 30),
        ("om et kvarter da?", 15),
        ("om 2 timer", 120),
        ("om to timar", 120),
        ("kan jeg ringe nå", None),
    ],
)
def test_asked_delay(text, minutes):
    expected = None if minutes is None else timedelta(minutes=minutes)
    assert asked_delay(text) == expected


def test_ringing_in_five_minutes_at_1559_after_an_a_feil_is_the_on_call_line():
    reply = can_i_call("og hvis jeg ringer om fem minutter?", A, FRIDAY_1559)
    assert reply.response == "utter_severity_ab_call_at"
    assert reply.values["line_number"] == ON_CALL
    assert reply.values["when"] == "i dag kl. 16:04"


def test_ringing_in_five_minutes_at_1559_without_a_fault_is_closed_then():
    reply = can_i_call("kan jeg ringe om fem minutter?", Context(), FRIDAY_1559)
    assert reply.response == "utter_call_at_time_closed"


def test_a_b_feil_at_ten_in_the_evening_is_rung_in_on_the_on_call_line():
    """ "Må B-feil ringes inn?" … "selv om klokka er ti på kvelden?" """
    reply = opening_hours("selv om klokka er ti på kvelden?", B, WEDNESDAY_NOON)
    assert reply.response == "utter_severity_ab_call_at"
    assert (reply.values["when"], reply.values["line_number"]) == ("i dag kl. 22:00", ON_CALL)


def test_open_now_after_an_a_feil_is_the_opening_hours_and_waiting_is_no():
    """After an A at night, "er dere åpne nå?" gets the opening hours (closed, with the
    on-call line for A/B); "kan vi vente til dere åpner?" gets no: ring now."""
    assert opening_hours("er dere åpne nå?", A, WEDNESDAY_NIGHT).response == (
        "utter_opening_hours_closed"
    )
    reply = opening_hours("kan vi vente til dere åpner i morgen?", A, WEDNESDAY_NIGHT)
    assert (reply.response, reply.values["line_number"]) == ("utter_severity_ab_is_called", ON_CALL)


def test_open_now_without_a_fault_is_the_opening_hours():
    assert opening_hours("er dere åpne nå?", Context(), WEDNESDAY_NIGHT).response == (
        "utter_opening_hours_closed"
    )


@pytest.mark.parametrize(
    "text",
    [
        "jo de kom fram nå, alt virker. må jeg fortsatt ringe?",
        "det virker igjen, trenger jeg å ringe?",
        "det løste seg visst, skal jeg fortsatt ringe?",
    ],
)
def test_a_fault_that_went_away_need_not_be_rung_in(text):
    assert can_i_call(text, B, WEDNESDAY_NIGHT).response == "utter_call_resolved"


def test_the_number_asked_for_after_the_symptom_question_is_the_one_for_now():
    reply = contact_reply("hvilket nr", Context(FAULT), datetime(2026, 4, 3, 11, 0, tzinfo=OSLO))
    assert (reply.response, reply.values["line_number"]) == ("utter_contact_now", ON_CALL)


@pytest.mark.parametrize(
    ("text", "context", "after_symptom_question", "response"),
    [
        (
            "enn onsdagen før, 24. mars?",
            Context(OPENING_HOURS),
            False,
            "utter_opening_hours_day_open",
        ),
        ("medisinering sa jeg", Context(FAULT), True, "utter_what_happens_again"),
        ("medisinering sa jeg", Context(FAULT), False, None),
        ("fnugg blarg", Context(), False, None),
    ],
)
def test_not_understood_read_in_context(text, context, after_symptom_question, response):
    reply = not_understood(text, context, WEDNESDAY_NOON, after_symptom_question)
    assert (reply.response if reply else None) == response


def test_which_number_in_five_minutes_after_an_a_feil_at_1559_is_the_on_call_line():
    reply = contact_reply("og hvis jeg ringer om fem minutter?", A, FRIDAY_1559)
    assert (reply.response, reply.values["line_number"]) == ("utter_severity_ab_call_at", ON_CALL)


@pytest.mark.parametrize(
    ("text", "response"),
    [
        ("skal en C-feil ringes inn?", "utter_severity_c_is_written"),
        ("må en B-feil ringes inn?", "utter_severity_ab_is_called"),
    ],
)
def test_a_class_and_calling_not_understood_get_the_straight_answer(text, response):
    assert not_understood(text, Context(), WEDNESDAY_NOON, False).response == response


@pytest.mark.parametrize(
    "text", ["nei vent, det e bærre æ, dem andre får det te helt fint", "det er berre eg"]
)
def test_only_me_in_dialect_is_a_c_feil(text):
    assert less_severe(text, A, WEDNESDAY_NIGHT).severity is Severity.C


def test_a_correction_before_any_class_was_given_asks_what_happens_instead_of_a_c_feil():
    """ "det er kritisk, akkurat nå" after "Hva er det som skjer?" is no all-clear."""
    regrade = less_severe("det er kritisk, akkurat nå", Context(FAULT), WEDNESDAY_NIGHT)
    assert regrade.severity is None
    assert [(r.response, r.values["line_number"]) for r in regrade.replies] == [
        ("utter_what_happens_again", ON_CALL)
    ]


def test_only_me_before_any_class_is_nothing_to_ring_about():
    """ "pålogging??" ... "det er bare meg som får feil passord": no number, no A-feil to
    take back; the user's own access, in writing if asking internally does not help."""
    regrade = less_severe(
        "det er bare meg som får feil passord, kollegaene mine kommer inn",
        Context(),
        WEDNESDAY_NIGHT,
    )
    assert [reply.response for reply in regrade.replies] == ["utter_single_user"]
    assert regrade.severity is Severity.C


WHIT_FRIDAY_NOON = datetime(2026, 5, 22, 12, 0, tzinfo=OSLO)
WHIT_MONDAY, TUESDAY_AFTER = (datetime(2026, 5, d).date() for d in (25, 26))


@pytest.mark.parametrize(
    ("day", "response", "values"),
    [
        (
            WHIT_MONDAY,
            "utter_opening_hours_day_closed",
            {"day": "Mandag 25. mai", "closed_reason": "det er helligdag (Andre pinsedag)"},
        ),
        (TUESDAY_AFTER, "utter_opening_hours_day_open", {"day": "Tirsdag 26. mai"}),
    ],
)
def test_calling_then_after_asking_about_a_day_is_about_that_day(day, response, values):
    """ "Er dere åpne mandag?" ... "kan jeg ringe da?" / "hvilket nummer da?": the day
    asked about, not today (a Friday with the office open)."""
    context = Context(OPENING_HOURS, day=day)
    for reply in (
        can_i_call("kan jeg ringe da hvis vi får en kritisk feil?", context, WHIT_FRIDAY_NOON),
        contact_reply("hvilket nummer ringer jeg da?", context, WHIT_FRIDAY_NOON),
    ):
        assert reply.response == response
        assert reply.values == values


def test_calling_now_after_opening_hours_for_today_is_the_line_for_now():
    reply = can_i_call("kan jeg ringe nå?", Context(OPENING_HOURS), WHIT_FRIDAY_NOON)
    assert reply.response == "utter_call_general"
    assert reply.values["line_number"] == OFFICE


def test_a_correction_after_a_c_feil_that_sounds_major_is_a_b_feil():
    """Nothing is less severe than a C: "vent, jeg trykket feil, vi får ikke sendt noe til
    legene" after a C from the triage buttons is a B, rung in now."""
    regrade = less_severe(
        "vent, jeg trykket feil, vi får ikke sendt noe som helst til legene",
        C,
        WEDNESDAY_NOON,
        sounds_major=True,
    )
    assert regrade.severity is Severity.B
    assert [(r.response, r.values["line_number"]) for r in regrade.replies] == [
        ("utter_fault_b", OFFICE)
    ]


@pytest.mark.parametrize(
    ("asked", "context"),
    [
        ("og hvis jeg ringer om fem minutter?", A),  # calling named
        ("enn halv fem?", Context(OPENING_HOURS, day=WEDNESDAY_NOON.date(), at=time(15, 30))),
    ],
)
def test_a_time_not_understood_is_a_question_about_calling_then(asked, context):
    reply = not_understood(asked, context, WEDNESDAY_NOON, after_symptom_question=False)
    assert reply is not None
    assert reply.response in {"utter_severity_ab_call_at", "utter_call_at_time_closed"}


def test_ringing_if_a_c_feil_gets_worse_gets_the_number_for_now_as_a_condition():
    """Saturday, after a C: the on-call line, as a condition."""
    asked = "hvis det blir verre og vi ikke får jobbet, hvem ringer vi da?"
    reply = can_i_call(asked, C, SATURDAY_NOON)
    assert (reply.response, reply.values["line_number"]) == ("utter_call_if_worse", ON_CALL)


def test_ringing_on_a_named_day_if_it_goes_down_is_about_that_day():
    friday_1420 = datetime(2026, 10, 9, 14, 20, tzinfo=OSLO)
    reply = can_i_call("kan jeg ringe på søndag hvis aidn går ned?", Context(), friday_1420)
    assert reply.response == "utter_opening_hours_day_closed"  # Sunday: the on-call line


@pytest.mark.parametrize(
    "asked",
    ["lurer på om det er greit å ringe dere for brukerstøtte", "kan vi ringje for opplæring?"],
)
def test_ringing_about_how_to_use_aidn_is_no_whatever_the_topic(asked):
    for context in (Context(), C, Context(OPENING_HOURS)):
        assert can_i_call(asked, context, WEDNESDAY_NOON).response == "utter_call_usage_no"


def test_a_correction_that_only_the_icons_look_odd_is_a_c_feil():
    text = "sorry, misforsto spørsmålet. vi får hjulpet alle, det er bare at ikonene ser rare ut"
    regrade = less_severe(text, A, SATURDAY_NOON, sounds_major=True)
    assert [r.response for r in regrade.replies] == ["utter_regrade_not_a", "utter_fault_c_closed"]


@pytest.mark.parametrize("asked", ["kan jeg ringe i morgen tidlig heller?", "eller på mandag?"])
def test_a_c_feil_is_not_rung_in_on_another_day_either(asked):
    assert can_i_call(asked, C, WEDNESDAY_NIGHT).response == "utter_call_c_no"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("om det skjer igjen i kveld?", time(20)), ("og i natt da?", time(23)), ("i kveldssol", None)],
)
def test_evening_and_night_named_without_a_clock_time(text, expected):
    assert asked_time(text) == expected


def test_waiting_for_the_office_with_an_a_feil_is_no_even_at_a_named_time():
    """07:59, an A-feil: "kan vi ikke vente til dere åpner klokka åtte?" Ring now."""
    monday_0759 = datetime(2026, 11, 30, 7, 59, tzinfo=OSLO)
    reply = can_i_call("kan vi ikke bare vente til dere åpner klokka åtte?", A, monday_0759)
    assert (reply.response, reply.values["line_number"]) == ("utter_severity_ab_is_called", ON_CALL)


@pytest.mark.parametrize(
    "text",
    [
        "nei, eg tok feil, det var nettet vårt. no går alt",
        "vent litt, det virker igjen nå. falsk alarm",
        "å, nå gikk de plutselig, funker igjen",
    ],
)
def test_a_correction_saying_it_works_again_gives_no_class_and_no_number(text):
    for context in (A, B):
        regrade = less_severe(text, context, WEDNESDAY_NIGHT)
        assert regrade.severity is None
        assert [r.response for r in regrade.replies] == ["utter_resolved_correction"]


@pytest.mark.parametrize(
    ("text", "works"),
    [
        ("nå virka det plutselig igjen, alt er sendt", True),
        ("det virker som normalt nå", True),
        ("det virker ikke nå heller", False),
        ("det funker ikkje no", False),
        ("det virker igjen, men bare for noen av oss", False),
    ],
)
def test_saying_it_works_again(text, works):
    assert says_it_works_again(text) is works


def test_working_again_only_in_part_is_still_a_class():
    regrade = less_severe("det virker igjen, men veldig tregt", A, WEDNESDAY_NIGHT, True)
    assert regrade.severity is Severity.B
    one_stuck = "beklager, de går. det var bare én melding som feilet, resten kom fram"
    assert less_severe(one_stuck, B, WEDNESDAY_NIGHT).severity is Severity.C


@pytest.mark.parametrize(
    ("asked", "response"),
    [
        ("må den ringast inn?", "utter_severity_ab_is_called"),  # after "hva er en A-feil?"
        ("og hvis vi har det midt på natta?", "utter_severity_ab_call_at"),
    ],
)
def test_not_understood_after_a_class_is_about_ringing_for_it(asked, response):
    reply = not_understood(asked, A, WEDNESDAY_NOON, after_symptom_question=False)
    assert reply is not None and reply.response == response
    assert reply.values["line_number"] == (ON_CALL if "natta" in asked else OFFICE)


def test_not_understood_only_me_is_the_single_user_answer():
    reply = not_understood(
        "bankid-innlogginga feiler for meg, kollegaene mine kommer inn",
        Context(),
        WEDNESDAY_NOON,
        after_symptom_question=False,
    )
    assert reply is not None and reply.response == "utter_single_user"


def test_the_day_after_the_day_asked_about():
    context = Context(OPENING_HOURS, day=datetime(2026, 5, 17).date())
    reply = opening_hours("dagen etter da?", context, datetime(2026, 5, 12, 9, tzinfo=OSLO))
    assert (reply.response, reply.values["day"]) == (
        "utter_opening_hours_day_open",
        "Mandag 18. mai",
    )


def test_a_single_failed_message_after_all_works_again_is_still_a_c_feil():
    regrade = less_severe("beklager, de går. det var bare én melding som feilet", B, WEDNESDAY_NOON)
    assert regrade.severity is Severity.C


def test_waiting_for_the_office_with_a_b_feil_gets_the_line_for_that_time():
    monday_0750 = datetime(2026, 10, 26, 7, 50, tzinfo=OSLO)
    reply = can_i_call("og hvis jeg venter til etter klokka åtte?", B, monday_0750)
    assert (reply.response, reply.values["line_number"]) == ("utter_severity_ab_call_at", OFFICE)


@pytest.mark.parametrize(
    ("text", "expected"), [("kvart over fire", time(16, 15)), ("kvart på fem i dag", time(16, 45))]
)
def test_quarter_past_and_to(text, expected):
    assert asked_time(text) == expected


def test_a_report_said_again_after_the_warning_is_no_correction():
    regrade = less_severe(
        "ok sorry. prøver igjen: vi får ikke lagret målinger på noen pasienter",
        B,
        WEDNESDAY_NOON,
        sounds_major=True,
    )
    assert regrade.severity is Severity.B
    assert [r.response for r in regrade.replies] == ["utter_fault_b"]


def test_asking_whether_one_may_ring_now_is_answered_yes_for_a_and_b():
    reply = can_i_call("går det an å ringe dere nå?", Context(), WEDNESDAY_NIGHT)
    assert (reply.response, reply.values["line_number"]) == ("utter_call_general", ON_CALL)


def test_which_number_with_a_b_feil_at_hand_is_the_one_for_now_even_after_another_day():
    """02:00, a B-feil, "kan jeg ikke bare ringe i morgen tidlig?" answered; then
    "hvilket nummer?": the on-call line now, not tomorrow's lines."""
    night = datetime(2026, 9, 9, 2, 0, tzinfo=OSLO)
    context = Context(FAULT, Severity.B, day=night.date() + timedelta(days=1), at=time(7))
    reply = contact_reply("hvilket nummer?", context, night)
    assert (reply.response, reply.values["line_number"]) == ("utter_contact_now", ON_CALL)


def test_only_slow_after_an_a_feil_is_a_c_feil():
    """ "oi feil, vi kan jobbe, det er bare tregt": the page's minor speed problems."""
    regrade = less_severe("oi feil, vi kan jobbe, det er bare tregt", A, SATURDAY_NOON, True)
    assert regrade.severity is Severity.C


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("kan jeg ikke bare ringe dere i stedet?", Channel.PHONE),
        ("kan eg skrive i staden for å ringje?", Channel.WRITING),
        ("går det an å sende en mail i stedet", Channel.WRITING),
        ("hva skjer nå?", None),
    ],
)
def test_the_channel_named_first(text, channel):
    assert first_channel_named(text) is channel


@pytest.mark.parametrize(
    "text",
    [
        "glemte å si, akutt hjelp går fint, det er bare meldingene",
        "det er bare e-meldingene, resten går greit",
    ],
)
def test_what_a_b_feil_is_said_after_a_b_feil_keeps_the_b(text):
    regrade = less_severe(text, B, WEDNESDAY_NIGHT)
    assert (regrade.severity, regrade.unchanged) == (Severity.B, True)
    assert [r.response for r in regrade.replies] == ["utter_severity_unchanged", "utter_fault_b"]


@pytest.mark.parametrize(
    "asked",
    [
        "ringer nå, men hvis jeg ikke rekker det før fire?",
        "hvis vi ikke når dere før fire, hvilket nummer ringer vi da?",
    ],
)
def test_not_reaching_the_office_before_four_is_about_the_line_after_four(asked):
    """15:59 on a Wednesday, a B at hand: the on-call line from 16:00."""
    at_1559 = datetime(2026, 10, 14, 15, 59, tzinfo=OSLO)
    reply = can_i_call(asked, B, at_1559)
    assert (reply.response, reply.values["line_number"]) == ("utter_severity_ab_call_at", ON_CALL)


@pytest.mark.parametrize(
    ("text", "context", "kept"),
    [
        ("har prøvd å sende på nytt tre ganger", B, True),  # more about the B at hand
        ("det er bare e-meldingene, resten går greit", B, True),  # what a B is
        ("det var bare én melding som feilet", B, False),  # takes it back: one message
        ("unnskyld, overdrev litt", A, False),
        ("har prøvd å sende på nytt tre ganger", C, False),  # nothing higher at hand
    ],
)
def test_a_c_read_after_an_a_or_b_keeps_the_higher_class_unless_taken_back(text, context, kept):
    assert keeps_the_higher_class(Severity.C, context, text) is kept


@pytest.mark.parametrize(
    ("asked", "context", "response", "line"),
    [
        ("jeg har ringt men ingen svarte", A, "utter_call_not_answered", ON_CALL),
        ("de svarer ikke på vakttelefonen", B, "utter_call_not_answered", ON_CALL),
        ("eg har alt ringt vakttelefonen", B, "utter_written_after_call", ON_CALL),
    ],
)
def test_after_ringing_the_next_step(asked, context, response, line):
    """03:30 on a Wednesday: not answered, ring again and write meanwhile; got through,
    in writing next (never "ring now" again to someone who has)."""
    reply = can_i_call(asked, context, WEDNESDAY_NIGHT)
    assert (reply.response, reply.values["line_number"]) == (response, line)


def test_asking_for_the_number_after_a_c_feil_says_c_is_written_first():
    reply = contact_reply("hva er nummeret deres?", C, WEDNESDAY_NOON)
    assert (reply.response, reply.values["line_number"]) == ("utter_contact_after_c", OFFICE)


@pytest.mark.parametrize(
    ("asked", "context", "response"),
    [
        ("hva heter hun igjen?", Context(ESCALATION), "utter_ops_manager_contact"),
        ("hva gjør jeg nå?", B, "utter_severity_ab_is_called"),  # B at hand: ring now
    ],
)
def test_not_understood_read_in_the_context(asked, context, response):
    reply = not_understood(asked, context, WEDNESDAY_NIGHT, after_symptom_question=False)
    assert reply is not None and reply.response == response


def test_ringing_about_a_question_is_no_even_with_a_class_at_hand():
    """After "og A-feil?" (which keeps A as the class talked about), a question is not."""
    asked = "kan jeg ringe dere nå om et spørsmål om rapporter?"
    assert can_i_call(asked, A, WEDNESDAY_NOON).response == "utter_call_usage_no"
