"""TfidfIntentClassifier trained, stored and loaded through Rasa's own model storage."""

from collections import Counter

import pytest
import skops.io as sio
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.exceptions import RasaException
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.svm import SVC

from rasa_extensions.tfidf_intent_classifier import MODEL_FILE, TfidfIntentClassifier

EXAMPLES = {
    "fault_critical": ["aidn er helt nede", "ingen får logget inn", "systemet er dødt"],
    "opening_hours": ["når åpner dere", "er dere åpne nå", "når stenger kundesenteret"],
    "thank": ["takk", "tusen takk", "takk for hjelpa"],
}
TOKENIZER = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())


def messages(*texts: str, intent: str | None = None) -> list[Message]:
    made = [Message.build(text=text, intent=intent) for text in texts]
    TOKENIZER.process(made)
    return made


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path), Resource("tfidf"), ExecutionContext(GraphSchema({}))


def trained(storage) -> TfidfIntentClassifier:
    model_storage, resource, context = storage
    classifier = TfidfIntentClassifier.create(
        TfidfIntentClassifier.get_default_config(), model_storage, resource, context
    )
    data = TrainingData(
        [m for intent, texts in EXAMPLES.items() for m in messages(*texts, intent=intent)]
    )
    classifier.train(data)
    return classifier


def test_loaded_classifier_ranks_like_the_trained_one(storage):
    original = trained(storage)
    loaded = TfidfIntentClassifier.load(TfidfIntentClassifier.get_default_config(), *storage)
    before, after = (c.process(messages("AIDN ER NEDE for alle"))[0] for c in (original, loaded))
    assert after.get("intent")["name"] == "fault_critical"
    assert after.get("intent_ranking") == before.get("intent_ranking")
    confidences = [r["confidence"] for r in after.get("intent_ranking")]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)


def test_ranking_is_cut_to_its_configured_length(storage):
    model_storage, resource, context = storage
    trained(storage)
    short = TfidfIntentClassifier.load({"ranking_length": 2}, model_storage, resource, context)
    ranking = short.process(messages("når åpner dere i morgen"))[0].get("intent_ranking")
    assert [r["name"] for r in ranking][:1] == ["opening_hours"]
    assert len(ranking) == 2


@pytest.mark.parametrize("stored", [Counter("not a model"), SVC()], ids=["untrusted", "svc"])
def test_a_model_file_with_unexpected_types_is_refused(storage, stored):
    model_storage, resource, context = storage
    with model_storage.write_to(resource) as directory:
        sio.dump(stored, directory / MODEL_FILE)
    with pytest.raises(RasaException, match="unexpected types"):
        TfidfIntentClassifier.load({}, model_storage, resource, context)


def test_without_two_intents_nothing_is_trained_and_no_intent_is_given(storage):
    model_storage, resource, context = storage
    classifier = TfidfIntentClassifier.create({}, model_storage, resource, context)
    classifier.train(TrainingData(messages("takk", intent="thank")))
    loaded = TfidfIntentClassifier.load({}, model_storage, resource, context)
    assert loaded.process(messages("takk"))[0].get("intent") == {"name": None, "confidence": 0.0}
