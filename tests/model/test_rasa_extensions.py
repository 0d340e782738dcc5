"""The components that run inside the Rasa server, with the real trained model."""

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.contacts import CONTACTS
from rasa_extensions.action_failure_policy import ActionFailurePolicy
from rasa_extensions.channel_tie_break import ChannelTieBreak
from rasa_extensions.contact_nlg import ContactResponseGenerator
from rasa_extensions.report_offer_policy import ReportOfferPolicy
from rasa_extensions.severity_tie_break import SeverityTieBreak
from rasa_extensions.symptom_guard import SymptomGuard

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
# Values the custom actions pass; every other placeholder must come from bot/contacts.py.
ACTION_VALUES = {
    "line_number": CONTACTS.on_call_line.number,
    "line_label": CONTACTS.on_call_line.label,
    "closed_reason": "det er helg",
    "day": "Lørdag 28. november",
    "severity": "B",
    "day_name": "julaften",
    "next_opening": "mandag 30. november kl. 08:00",
    "suggestion_id": "7",
    "report_id": "12",
    "summary": "• Alvorlighetsgrad: B-feil",
    "when": "i dag kl. 15:30",
    "When": "I dag kl. 15:30",
    "period": "I påsken",
    "days": "• Torsdag 2. april: stengt (Skjærtorsdag)",
}


@pytest.mark.parametrize("response", sorted(DOMAIN.responses))
def test_every_response_fills_all_its_placeholders(response):
    generator = ContactResponseGenerator(domain=DOMAIN)
    message = generator.generate_from_slots(response, {}, "rest", **ACTION_VALUES)
    assert message is not None
    assert re.findall(r"\{\w+\}", message["text"]) == []


def responses_used_directly() -> set:
    """Responses that rules, stories and forms send with no values from an action."""
    used = set(
        re.findall(
            r"action: (utter_\w+)",
            "".join((ROOT / name).read_text() for name in ("data/rules.yml", "data/stories.yml")),
        )
    )
    asks = {name for name in DOMAIN.responses if name.startswith("utter_ask_")}
    return used | asks | {"utter_technical_problem"}


@pytest.mark.parametrize("response", sorted(responses_used_directly()))
def test_responses_sent_without_an_action_need_no_action_values(response):
    message = ContactResponseGenerator(domain=DOMAIN).generate_from_slots(response, {}, "rest")
    assert re.findall(r"\{\w+\}", message["text"]) == []


def test_static_problem_reply_has_both_lines_with_their_hours():
    text = ContactResponseGenerator(domain=DOMAIN).generate_from_slots(
        "utter_technical_problem", {}, "rest"
    )["text"]
    for value in (
        CONTACTS.office_line.number,
        CONTACTS.on_call_line.number,
        CONTACTS.office_hours,
        CONTACTS.on_call_hours,
        CONTACTS.support_email,
    ):
        assert value in text


@pytest.mark.parametrize(
    ("text", "intent", "classified_as"),
    [
        (
            "pasient 27894228771 får ikke logget inn, alt er nede",
            "share_personal_data",
            "fault_critical",
        ),
        ("Aidn er helt nede", "fault_critical", None),
        # Eleven digits that fail the check digits are no identity number...
        ("saksnummer 12345678901 finnes ikke i systemet", None, None),
        # ...unless the user says it is one: a mistyped number is still a person's.
        (
            "fødselsnummer 12345678901, journalen er borte for alle",
            "share_personal_data",
            "fault_critical",
        ),
    ],
)
def test_personal_data_guard(parse, text, intent, classified_as):
    result = parse(text)
    if intent is None:
        assert result["intent"]["name"] != "share_personal_data"
        return
    assert result["intent"]["name"] == intent
    if classified_as:
        assert result["intent_ranking"][1]["name"] == classified_as


def tracker_with(*events, live=True):
    start = [ActionExecuted("action_session_start"), SessionStarted()] if live else []
    tracker = DialogueStateTracker.from_events(
        "test", [*start, ActionExecuted("action_listen")], slots=[]
    )
    for event in events:
        tracker.update(event)
    return tracker


def predicted(policy, tracker):
    prediction = policy.predict_action_probabilities(tracker, DOMAIN)
    if prediction.max_confidence == 0:
        return None
    return DOMAIN.action_names_or_texts[prediction.max_confidence_index]


def make_policy(policy_class, tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    return policy_class(
        policy_class.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource(policy_class.__name__),
        ExecutionContext(GraphSchema({})),
    )


@pytest.fixture
def failure_policy(tmp_path):
    return make_policy(ActionFailurePolicy, tmp_path)


def after_the_offer(*then):
    """A B-feil answered with the report offer, then the given events."""
    return tracker_with(
        UserUttered("e-meldingene går ikke ut", {"name": "fault_major"}),
        ActionExecuted("action_fault_advice"),
        BotUttered("B-feil ...", metadata={"utter_action": "utter_fault_b"}),
        BotUttered("Vil du ...", metadata={"utter_action": "utter_offer_report"}),
        ActionExecuted("action_listen"),
        *then,
    )


@pytest.mark.parametrize(
    ("then", "expected"),
    [
        # declined in her own words, classified as anything
        ([UserUttered("nei takk, vi sender en mail etterpå", {"name": "nlu_fallback"})], True),
        ([UserUttered("kjør på", {"name": "out_of_scope"})], True),
        # a correction keeps its intent; a question is no answer
        ([UserUttered("nei vent, det er bare på min pc", {"name": "less_severe"})], False),
        ([UserUttered("kan jeg ringe nå?", {"name": "can_i_call"})], False),
        # still open after a question in between
        (
            [
                UserUttered("hvilket nummer?", {"name": "contact_info"}),
                ActionExecuted("action_follow_up"),
                BotUttered("Ring ..."),
                ActionExecuted("action_listen"),
                UserUttered("nei takk, vi skriv e-post etterpå", {"name": "thank"}),
            ],
            True,
        ),
        # answered already
        (
            [
                UserUttered("nei", {"name": "deny"}),
                ActionExecuted("action_no_without_question"),
                BotUttered("Greit ..."),
                ActionExecuted("action_listen"),
                UserUttered("nei takk", {"name": "deny"}),
            ],
            False,
        ),
    ],
)
def test_report_offer_policy_reads_the_answer_to_the_offer(tmp_path, then, expected):
    policy = make_policy(ReportOfferPolicy, tmp_path)
    tracker = after_the_offer(*then)
    assert (predicted(policy, tracker) == "action_answer_report_offer") is expected
    tracker.update(ActionExecuted("action_answer_report_offer"))
    if expected:
        assert predicted(policy, tracker) == "action_listen"


def test_failure_policy_answers_a_silent_custom_action_then_listens(failure_policy):
    user = UserUttered("Aidn er helt nede", {"name": "fault_critical"})
    failed = tracker_with(user, ActionExecuted("action_fault_advice", policy="RulePolicy"))
    assert predicted(failure_policy, failed) == "utter_technical_problem"
    failed.update(ActionExecuted("utter_technical_problem", policy="ActionFailurePolicy"))
    failed.update(BotUttered("..."))
    assert predicted(failure_policy, failed) == "action_listen"


def test_failure_policy_stays_silent_when_the_action_worked(failure_policy):
    worked = tracker_with(
        UserUttered("Aidn er helt nede", {"name": "fault_critical"}),
        ActionExecuted("action_fault_advice", policy="RulePolicy"),
        BotUttered("A-feil ..."),
    )
    assert predicted(failure_policy, worked) is None
    from_story = tracker_with(
        UserUttered("Aidn er helt nede", {"name": "fault_critical"}),
        ActionExecuted("action_fault_advice", policy="RulePolicy"),
        live=False,  # a story in `rasa test`: no session, no messages after actions
    )
    assert predicted(failure_policy, from_story) is None
    static = tracker_with(UserUttered("hei", {"name": "greet"}), ActionExecuted("utter_greet"))
    assert predicted(failure_policy, static) is None


def test_config_names_the_production_spacy_model():
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    assert config["pipeline"][0]["model"] == "nb_core_news_sm"


async def test_an_english_message_gets_one_english_line_above_the_first_reply_only():
    generator = ContactResponseGenerator(domain=DOMAIN)
    tracker = DialogueStateTracker.from_events(
        "english", [UserUttered("our system is completely down, nobody can log in")]
    )
    first = await generator.generate(
        "utter_fault_a", tracker, "rest", line_number="x", line_label="y"
    )
    second = await generator.generate("utter_goodbye", tracker, "rest")
    assert first["text"].startswith("(I reply in Norwegian.")
    assert first["text"].count("I reply in Norwegian") == 1
    assert "I reply in Norwegian" not in second["text"]
    norwegian = DialogueStateTracker.from_events("nb", [UserUttered("Aidn er helt nede")])
    plain = await generator.generate("utter_goodbye", norwegian, "rest")
    assert "I reply in Norwegian" not in plain["text"]


@pytest.mark.parametrize(
    "text", ["hjelp!!", "legemidler", "e-meldinger", "HASTER", "har en ide til aidn", "aidn"]
)
def test_no_message_without_a_symptom_is_classified_as_a_or_b(parse, text):
    assert parse(text)["intent"]["name"] not in {"fault_critical", "fault_major"}


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Aidn er helt nede", "fault_critical"), ("vi får ikke sendt e-meldinger", "fault_major")],
)
def test_described_faults_keep_their_class(parse, text, intent):
    assert parse(text)["intent"]["name"] == intent


@pytest.mark.parametrize(
    ("text", "guess", "intent"),
    [
        ("legemidler", "fault_critical", "no_symptom"),  # an A guess with no symptom
        ("problem", "report_fault", "no_symptom"),  # one word: what happens? not the triage
        ("og hvis vi får en A-feil da, hvem ringer vi?", "response_time", "can_i_call"),
        ("og hvis det blir krise den dagen?", "nlu_fallback", "can_i_call"),
        ("ringer nå, men hvis jeg ikke rekker det før fire?", "less_severe", "can_i_call"),
        ("jeg har ringt men ingen svarte", "already_asked", "can_i_call"),
        ("eg har alt ringt vakttelefonen", "usage_question", "can_i_call"),
        ("jeg vil melde en feil", "report_fault", "report_fault"),  # the triage
        ("utskrift", "nlu_fallback", "no_symptom"),  # a bare topic not understood
        ("alt nede", "nlu_fallback", "nlu_fallback"),  # short, but a symptom
        ("hva med den andre greia", "nlu_fallback", "nlu_fallback"),
        ("Aidn er helt nede", "fault_critical", "fault_critical"),
    ],
)
def test_symptom_guard(text, guess, intent):
    ranked = {"name": guess, "confidence": 0.3}
    below = {"name": "usage_question", "confidence": 0.2}  # the classifier knew the words
    message = Message({TEXT: text, INTENT: ranked, INTENT_RANKING_KEY: [ranked, below]})
    SymptomGuard().process([message])
    assert message.get(INTENT)["name"] == intent
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)][:2] == [intent, guess] or (
        intent == guess
    )


@pytest.mark.parametrize(
    ("text", "second", "intent"),
    [
        ("kan jeg ringe nå om at hele aidn er nede hos oss?", "fault_critical", "fault_critical"),
        ("kan jeg ringe dere nå?", "fault_critical", "can_i_call"),  # no fault described
        ("hvis aidn går ned i natt, hvem ringer vi?", "fault_critical", "can_i_call"),  # what if
    ],
)
def test_a_question_about_ringing_that_describes_an_a_or_b_is_that_fault(text, second, intent):
    ranking = ranked(("can_i_call", 0.70), (second, 0.23))
    message = Message({TEXT: text, INTENT: ranking[0], INTENT_RANKING_KEY: ranking})
    SymptomGuard().process([message])
    assert message.get(INTENT)["name"] == intent


@pytest.mark.parametrize("text", ["asdf", "hjelp fdsjkl"])
def test_keyboard_mash_stays_not_understood(text):
    """The classifier ranks nothing for mash (too few known trigrams): the fallback, with
    its menu the second time, not "Hva er det som skjer?"."""
    fallback = {"name": "nlu_fallback", "confidence": 0.3}
    message = Message({TEXT: text, INTENT: fallback, INTENT_RANKING_KEY: [fallback]})
    SymptomGuard().process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


def ranked(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


@pytest.mark.parametrize(
    ("ranking", "intent", "confidence"),
    [
        # torn between A and B: both are rung in now; the likelier stands, jointly sure
        (ranked(("fault_critical", 0.51), ("fault_major", 0.47)), "fault_critical", 0.98),
        (ranked(("fault_major", 0.29), ("fault_critical", 0.19)), "fault_major", 0.48),
        # ring or write, or a class or none: the triage asks
        (ranked(("fault_major", 0.39), ("fault_minor", 0.35)), "report_fault", 0.74),
        (ranked(("fault_critical", 0.33), ("report_fault", 0.30)), "report_fault", 0.63),
        # sure enough, or not a tie between classes: left to the fallback classifier
        (ranked(("fault_major", 0.60), ("fault_critical", 0.30)), "fault_major", 0.60),
        (ranked(("less_severe", 0.43), ("fault_major", 0.39)), "less_severe", 0.43),
        (ranked(("fault_major", 0.15), ("fault_minor", 0.10)), "fault_major", 0.15),
    ],
)
def test_severity_tie_break(ranking, intent, confidence):
    message = Message({TEXT: "…", INTENT: ranking[0], INTENT_RANKING_KEY: ranking})
    SeverityTieBreak(SeverityTieBreak.get_default_config()).process([message])
    assert message.get(INTENT) == {"name": intent, "confidence": pytest.approx(confidence)}
    assert message.get(INTENT_RANKING_KEY)[0] == message.get(INTENT)


def test_tie_breaks_use_the_fallback_classifiers_thresholds():
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    by_name = {component["name"].split(".")[-1]: component for component in pipeline}
    for key in ("threshold", "ambiguity_threshold"):
        assert by_name["SeverityTieBreak"][key] == by_name["FallbackClassifier"][key]
        assert by_name["ChannelTieBreak"][key] == by_name["FallbackClassifier"][key]


@pytest.mark.parametrize(
    ("text", "ranking", "intent"),
    [
        # torn: the channel named first, with the joint confidence
        (
            "kan jeg ikke bare ringe dere i stedet?",
            ranked(("written_instead", 0.50), ("can_i_call", 0.49)),
            {"name": "can_i_call", "confidence": pytest.approx(0.99)},
        ),
        (
            "kan jeg skrive i stedet for å ringe?",
            ranked(("can_i_call", 0.48), ("written_instead", 0.46)),
            {"name": "written_instead", "confidence": pytest.approx(0.94)},
        ),
        # not torn, or torn about something else: left as it is
        (
            "kan jeg ringe nå?",
            ranked(("can_i_call", 0.80), ("written_instead", 0.10)),
            {"name": "can_i_call", "confidence": 0.80},
        ),
        (
            "kan jeg ringe?",
            ranked(("can_i_call", 0.45), ("contact_info", 0.44)),
            {"name": "can_i_call", "confidence": 0.45},
        ),
    ],
)
def test_channel_tie_break(text, ranking, intent):
    message = Message({TEXT: text, INTENT: ranking[0], INTENT_RANKING_KEY: ranking})
    ChannelTieBreak(ChannelTieBreak.get_default_config()).process([message])
    assert message.get(INTENT) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("zxqv plømk 8812 ???", "nlu_fallback"),  # keyboard mash: not opening hours
        ("asdfgh", "nlu_fallback"),  # along one keyboard row
        ("qwerty zxcvb", "nlu_fallback"),
        ("qwpoe zzx ?", "nlu_fallback"),
        ("jaa", "affirm"),  # a typo is no mash
        ("medisinlista kommer ikke opp for noen, alle får feilmelding 500", "fault_critical"),
    ],
)
def test_mash_is_not_understood_and_torn_faults_are_faults(parse, text, intent):
    assert parse(text)["intent"]["name"] == intent


def test_a_call_for_help_not_understood_is_asked_what_happens():
    ranking = ranked(("nlu_fallback", 0.3), ("already_asked", 0.21))
    message = Message(
        {
            TEXT: "hjelp meg, vet ikke hva jeg skal gjøre",
            INTENT: ranking[0],
            INTENT_RANKING_KEY: ranking,
        }
    )
    SymptomGuard().process([message])
    assert message.get(INTENT)["name"] == "no_symptom"
