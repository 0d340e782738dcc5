"""The held-out NLU sets (devtools.nlu_data.TEST_SETS), written apart from training data.

Writes reports/nlu/<set>_set.md (accuracy, per-intent precision/recall/F1, errors) and
fails under the set's accuracy floor, or when a critical fault is taken for something
harmless.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

from devtools.nlu_data import TEST_SETS, load_examples, training_examples

ROOT = Path(__file__).resolve().parents[2]
REPORT_DIR = ROOT / "reports" / "nlu"

# Measured with config.yml on 2026-11-24 (BENCHMARKS.md): test 0.939, fresh 0.893. The
# floors leave room for training noise, not for regressions. Raise them as the data improves.
# Session 3 (2026-11-25): test 0.969, fresh 0.942, third 0.900 (third measured once,
# before any change; its errors were not used for tuning).
# Session 4: fourth measured once at 0.920 (macro-F1 0.946), then its errors were read and
# used, like the third's.
# Session 5: with 974 training lines written by three more blind helpers, fifth 0.946,
# sixth 0.954, seventh 0.961, eighth 0.937 (each without exact duplicates of training
# lines); ninth measured once at 0.958 (macro-F1 0.963).
ACCURACY_FLOOR = {
    "test": 0.94,
    "fresh": 0.92,
    "third": 0.94,
    "fourth": 0.95,
    "fifth": 0.92,
    "sixth": 0.93,
    "seventh": 0.94,
    "eighth": 0.92,
    "ninth": 0.93,
}
# Where a missed A-feil still ends with the phone number: triage, fallback, B advice, the
# question "Hva er det som skjer?" (which gives the number as a condition).
SAFE_FOR_CRITICAL = {"fault_critical", "fault_major", "report_fault", "nlu_fallback", "no_symptom"}
RING_NOW = {"fault_critical", "fault_major"}


@pytest.fixture(scope="module", params=sorted(TEST_SETS))
def predictions(request, parse):
    examples = load_examples(TEST_SETS[request.param])
    predicted = [parse(text)["intent"]["name"] for text, _ in examples]
    return request.param, examples, predicted


@pytest.mark.parametrize("name", sorted(TEST_SETS))
def test_held_out_set_is_large_and_separate_from_training_data(name):
    examples = load_examples(TEST_SETS[name])
    trained = {text.lower() for text, _ in training_examples()}
    assert len(examples) >= 150
    assert [text for text, _ in examples if text.lower() in trained] == []


def test_accuracy_and_per_intent_f1(predictions):
    name, examples, predicted = predictions
    expected = [intent for _, intent in examples]
    labels = sorted(set(expected))
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0
    )
    accuracy = accuracy_score(expected, predicted)
    macro_f1 = float(f1.mean())
    errors = [
        {"text": text, "expected": intent, "predicted": guess}
        for (text, intent), guess in zip(examples, predicted, strict=True)
        if intent != guess
    ]
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    rows = "\n".join(
        f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {s} |"
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    )
    (REPORT_DIR / f"{name}_set.md").write_text(
        f"# Held-out NLU set '{name}' ({len(examples)} messages)\n\n"
        f"accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}\n\n"
        "| intent | precision | recall | F1 | support |\n|---|---|---|---|---|\n"
        f"{rows}\n\n## Errors\n\n"
        + "\n".join(f"- {e['text']!r}: {e['expected']} → {e['predicted']}" for e in errors)
        + "\n",
        encoding="utf-8",
    )
    (REPORT_DIR / f"{name}_set_errors.json").write_text(
        json.dumps(errors, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"\nHeld-out set {name}: accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}")
    assert accuracy >= ACCURACY_FLOOR[name]


def test_critical_faults_are_never_taken_for_something_harmless(predictions):
    name, examples, predicted = predictions
    critical = [
        (t, p) for (t, i), p in zip(examples, predicted, strict=True) if i == "fault_critical"
    ]
    unsafe = [(t, p) for t, p in critical if p not in SAFE_FOR_CRITICAL]
    missed = Counter(p for _, p in critical if p != "fault_critical")
    print(
        f"\n{name}: A-feil {len(critical) - sum(missed.values())}/{len(critical)} "
        f"classified as A; elsewhere: {dict(missed)}"
    )
    assert unsafe == []


def test_no_message_without_a_symptom_is_told_to_ring(predictions):
    """A message labelled as describing no fault never gets an A or B verdict."""
    _, examples, predicted = predictions
    told_to_ring = [
        (text, intent, guess)
        for (text, intent), guess in zip(examples, predicted, strict=True)
        if intent == "no_symptom" and guess in RING_NOW
    ]
    assert told_to_ring == []
