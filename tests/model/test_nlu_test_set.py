"""The held-out NLU test set (tests/nlu/test_nlu.yml), written apart from the training data.

Writes reports/nlu/test_set.md (accuracy, per-intent precision/recall/F1, errors) and
fails under the accuracy floor, or when a critical fault is taken for something harmless.
"""

import json
from collections import Counter
from pathlib import Path

import pytest
from sklearn.metrics import accuracy_score, precision_recall_fscore_support

from benchmarks.nlu_compare import load_examples

ROOT = Path(__file__).resolve().parents[2]
TEST_SET = ROOT / "tests" / "nlu" / "test_nlu.yml"
REPORT_DIR = ROOT / "reports" / "nlu"

# Measured 0.925 (macro-F1 0.94) with config.yml on 2026-11-24; the floor
# leaves room for training noise, not for regressions. Raise it as the data improves.
ACCURACY_FLOOR = 0.88
# Where a missed A-feil still ends with the phone number: triage, fallback, B advice.
SAFE_FOR_CRITICAL = {"fault_critical", "fault_major", "report_fault", "nlu_fallback"}


@pytest.fixture(scope="module")
def predictions(parse):
    examples = load_examples(TEST_SET)
    predicted = [parse(text)["intent"]["name"] for text, _ in examples]
    return examples, predicted


def test_test_set_is_large_and_separate_from_training_data():
    examples = load_examples(TEST_SET)
    trained = {text.lower() for text, _ in load_examples(ROOT / "data" / "nlu.yml")}
    assert len(examples) >= 150
    assert [text for text, _ in examples if text.lower() in trained] == []


def test_accuracy_and_per_intent_f1(predictions):
    examples, predicted = predictions
    expected = [intent for _, intent in examples]
    labels = sorted(set(expected))
    precision, recall, f1, support = precision_recall_fscore_support(
        expected, predicted, labels=labels, zero_division=0
    )
    accuracy = accuracy_score(expected, predicted)
    macro_f1 = float(f1.mean())
    errors = [
        {"text": text, "expected": intent, "predicted": guess}
        for (text, intent), guess in zip(examples, predicted)
        if intent != guess
    ]
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    rows = "\n".join(
        f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {s} |"
        for label, p, r, f, s in zip(labels, precision, recall, f1, support)
    )
    (REPORT_DIR / "test_set.md").write_text(
        f"# NLU test set ({len(examples)} messages)\n\n"
        f"accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}\n\n"
        "| intent | precision | recall | F1 | support |\n|---|---|---|---|---|\n"
        f"{rows}\n\n## Errors\n\n"
        + "\n".join(f"- {e['text']!r}: {e['expected']} → {e['predicted']}" for e in errors)
        + "\n",
        encoding="utf-8",
    )
    (REPORT_DIR / "test_set_errors.json").write_text(
        json.dumps(errors, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    print(f"\nNLU test set: accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}")
    assert accuracy >= ACCURACY_FLOOR


def test_critical_faults_are_never_taken_for_something_harmless(predictions):
    examples, predicted = predictions
    critical = [(t, p) for (t, i), p in zip(examples, predicted) if i == "fault_critical"]
    unsafe = [(t, p) for t, p in critical if p not in SAFE_FOR_CRITICAL]
    missed = Counter(p for _, p in critical if p != "fault_critical")
    print(f"\nA-feil: {len(critical) - sum(missed.values())}/{len(critical)} classified as A; "
          f"elsewhere: {dict(missed)}")
    assert unsafe == []
