import pytest

from bot.severity import (
    Answer,
    Severity,
    classify,
    decide,
    labelled_severity,
    leading_answer,
    parse_answer,
    parse_severity,
    questions_to_ask,
    settle_tie,
)

YES, NO, UNSURE = Answer.YES, Answer.NO, Answer.UNSURE


@pytest.mark.parametrize(
    ("emergency", "reduced", "expected"),
    [
        (YES, None, Severity.A),
        (YES, NO, Severity.A),  # the first question decides
        (NO, YES, Severity.B),
        (NO, NO, Severity.C),
        (NO, None, None),
        (NO, UNSURE, None),
        (UNSURE, None, None),
        (None, None, None),
    ],
)
def test_classify_follows_the_pages_order(emergency, reduced, expected):
    assert classify(emergency, reduced) is expected


def test_only_the_first_question_when_emergency_care_is_blocked():
    assert questions_to_ask(YES) == ["emergency_care_blocked"]
    assert questions_to_ask(UNSURE) == ["emergency_care_blocked"]
    assert questions_to_ask(NO) == ["emergency_care_blocked", "substantially_reduced"]
    assert questions_to_ask(None) == ["emergency_care_blocked", "substantially_reduced"]


def test_parsing_is_tolerant_and_rejects_unknown_values():
    assert parse_severity("a") is Severity.A
    assert parse_severity("usikker") is None
    assert parse_severity(None) is None
    assert parse_answer("JA") is Answer.YES
    assert parse_answer("kanskje") is None


def test_a_described_fault_wins_over_unfinished_triage():
    assert decide(NO, None, Severity.A) is Severity.A
    assert decide(NO, YES, None) is Severity.B
    assert decide(None, None, Severity.C) is Severity.C
    assert decide(None, None, None) is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("ja, vi får ikke gitt øyeblikkelig hjelp", Answer.YES),
        ("Jepp det stemmer", Answer.YES),
        ("ok, da er svaret nei, vi kan gi akutt hjelp", Answer.NO),
        ("nei, vi får jobbet", Answer.NO),
        ("nokså treigt", None),  # "no" only as a whole word
        ("jammen det er jo rart", None),
        ("vet ikke helt", None),
    ],
)
def test_a_yes_or_no_leading_a_sentence(text, answer):
    assert leading_answer(text) is answer


@pytest.mark.parametrize(
    ("first", "second", "settled"),
    [
        (Severity.A, Severity.B, Severity.A),  # both phoned in at once: the likelier stands
        (Severity.B, Severity.A, Severity.B),
        (Severity.B, Severity.C, None),  # ring or write: the triage asks
        (Severity.C, Severity.B, None),
        (Severity.A, Severity.C, None),
    ],
)
def test_a_tie_between_two_classes(first, second, settled):
    assert settle_tie(first, second) is settled


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("A-FEIL: journalmodulen har kollapsa, vi ser ikkje ein einaste journal", Severity.A),
        ("dette er en B-feil, e-meldingene går ikke ut", Severity.B),
        ("c-feil – knappen må trykkes to ganger", Severity.C),
        ("hva er en A-feil?", None),
        ("er dette en B-feil? alt er tregt", None),
        ("det er ikke en A-feil", None),
    ],
)
def test_a_class_the_user_names(text, labelled):
    assert labelled_severity(text) is labelled
