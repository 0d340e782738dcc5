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
from rasa_extensions.contact_nlg import ContactResponseGenerator
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
    "when": "i dag kl. 15:30",
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


@pytest.fixture
def failure_policy(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource

    return ActionFailurePolicy(
        ActionFailurePolicy.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("failure_policy"),
        ExecutionContext(GraphSchema({})),
    )


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
        ("utskrift", "nlu_fallback", "no_symptom"),  # a bare topic not understood
        ("alt nede", "nlu_fallback", "nlu_fallback"),  # short, but a symptom
        ("hva med den andre greia", "nlu_fallback", "nlu_fallback"),
        ("Aidn er helt nede", "fault_critical", "fault_critical"),
    ],
)
def test_symptom_guard(text, guess, intent):
    ranked = {"name": guess, "confidence": 0.3}
    message = Message({TEXT: text, INTENT: ranked, INTENT_RANKING_KEY: [ranked]})
    SymptomGuard().process([message])
    assert message.get(INTENT)["name"] == intent
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)][-1] == guess
