"""Compare NLU pipelines on the same folds and the same held-out test sets, in one run.

    python -m benchmarks.nlu_compare [--folds 5] [--only NAME ...]

For each pipeline: stratified k-fold cross-validation on data/nlu.yml, then training on
all of it and evaluation on each held-out set in TEST_SETS. Writes
reports/nlu/comparison.md (table, missed A-feil, fallback threshold sweep),
comparison.json, and for the first pipeline run (the configured one, unless --only leaves
it out) a per-intent report and a confusion-matrix image per held-out set. nlu_fallback
counts as a wrong answer, though the user then gets the fallback with the phone number.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedKFold

from benchmarks.report import machine, write_section
from devtools.nlu_data import TEST_SETS, Examples, load_examples, training_examples, write_nlu

ROOT = Path(__file__).resolve().parents[1]
REPORT_DIR = ROOT / "reports" / "nlu"
CRITICAL = "fault_critical"


# --- the pipelines --------------------------------------------------------------------------
def configured() -> dict:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    return {key: config[key] for key in ("recipe", "language", "pipeline")}


def variant(change: Callable[[list], list]) -> dict:
    config = copy.deepcopy(configured())
    config["pipeline"] = change(config["pipeline"])
    return config


def without_spacy(pipeline: list) -> list:
    return [{"name": "WhitespaceTokenizer"}] + [
        c for c in pipeline if "Spacy" not in c["name"] and "spacy" not in c["name"]
    ]


CLASSIFIER = "rasa_extensions.tfidf_intent_classifier.TfidfIntentClassifier"


def char_ngrams(low: int, high: int) -> Callable[[list], list]:
    def change(pipeline: list) -> list:
        for component in pipeline:
            if component["name"] == CLASSIFIER:
                component["char_ngrams"] = [low, high]
        return pipeline

    return change


def replace_classifier(*components: dict) -> Callable[[list], list]:
    """The pipeline with Rasa's own featurizers and the given classifier in its place."""
    featurizers = [
        {"name": "LexicalSyntacticFeaturizer"},
        {"name": "CountVectorsFeaturizer"},
        {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4},
    ]

    def change(pipeline: list) -> list:
        at = next(i for i, c in enumerate(pipeline) if c["name"] == CLASSIFIER)
        return pipeline[:at] + featurizers + list(components) + pipeline[at + 1 :]

    return change


DIET = {
    "name": "DIETClassifier",
    "epochs": 60,
    "number_of_transformer_layers": 0,
    "entity_recognition": False,
    "constrain_similarities": True,
    "random_seed": 42,
}


def rasa_pipelines() -> dict[str, dict]:
    import spacy.util

    pipelines = {
        "configured (config.yml)": configured(),
        "whitespace tokenizer, no spaCy": variant(without_spacy),
        "char n-grams 1-4": variant(char_ngrams(1, 4)),
        "char n-grams 2-5": variant(char_ngrams(2, 5)),
        "char n-grams 3-6": variant(char_ngrams(3, 6)),
        "DIET on count vectors (previous config.yml)": variant(replace_classifier(DIET)),
        "Rasa LogisticRegressionClassifier on count vectors": variant(
            replace_classifier(
                {"name": "LogisticRegressionClassifier", "max_iter": 1000, "random_state": 42}
            )
        ),
    }
    # A variant identical to config.yml would only repeat the first row.
    pipelines = {
        name: config
        for name, config in pipelines.items()
        if name.startswith("configured") or config != configured()
    }
    if spacy.util.is_package("nb_core_news_sm"):
        pipelines["DIET with nb_core_news_sm word vectors (SpacyFeaturizer)"] = variant(
            replace_classifier({"name": "SpacyFeaturizer"}, DIET)
        )
    return pipelines


# --- training and prediction ----------------------------------------------------------------
# A prediction is (intent name, ranking); the ranking has the classifier's own confidences
# (nlu_fallback left out), from which the fallback threshold sweep is computed.
Prediction = tuple[str, list]
Predictor = Callable[[list], list]


def rasa_classifier(config: dict, train: Examples, workdir: Path) -> Predictor:
    import asyncio

    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    config_path, data_path = workdir / "config.yml", workdir / "nlu.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    write_nlu(train, data_path)
    model = train_nlu(str(config_path), str(data_path), str(workdir / "models"))
    agent = Agent.load(model)

    def predict(texts: list) -> list[Prediction]:
        async def parse_all() -> list:
            return [await agent.parse_message(t) for t in texts]

        return [
            (
                parsed["intent"]["name"],
                [
                    (r["name"], r["confidence"])
                    for r in parsed.get("intent_ranking", [])
                    if r["name"] != "nlu_fallback"
                ],
            )
            for parsed in asyncio.run(parse_all())
        ]

    return predict


def tfidf_classifier(train: Examples) -> Predictor:
    """Baseline: TF-IDF of words and character n-grams, logistic regression, no fallback."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    model = make_pipeline(
        make_union(
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        ),
        LogisticRegression(C=20, max_iter=3000),
    )
    model.fit([t for t, _ in train], [i for _, i in train])

    def predict(texts: list) -> list[Prediction]:
        rows = model.predict_proba(texts)
        return [
            (
                str(model.classes_[row.argmax()]),
                sorted(zip(model.classes_, row, strict=True), key=lambda ranked: -ranked[1]),
            )
            for row in rows
        ]

    return predict


def scores(expected: list, predicted: list) -> dict:
    critical = [p for e, p in zip(expected, predicted, strict=True) if e == CRITICAL]
    return {
        "accuracy": accuracy_score(expected, predicted),
        "macro_f1": f1_score(
            expected, predicted, labels=sorted(set(expected)), average="macro", zero_division=0
        ),
        "critical_recall": sum(p == CRITICAL for p in critical) / max(len(critical), 1),
    }


def evaluate(
    name: str,
    make: Callable[[Examples, Path], Predictor],
    train: Examples,
    tests: dict[str, Examples],
    folds: int,
) -> dict:
    texts, intents = [t for t, _ in train], [i for _, i in train]
    cv_expected, cv_predictions = [], []
    started = time.perf_counter()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=42)
    for number, (train_idx, val_idx) in enumerate(splitter.split(texts, intents), 1):
        with tempfile.TemporaryDirectory() as workdir:
            predict = make([train[i] for i in train_idx], Path(workdir))
            cv_predictions += predict([texts[i] for i in val_idx])
            cv_expected += [intents[i] for i in val_idx]
        print(f"  {name}: fold {number}/{folds} done", flush=True)
    with tempfile.TemporaryDirectory() as workdir:
        predict = make(train, Path(workdir))
        predicted = {
            test: [p for p, _ in predict([t for t, _ in examples])]
            for test, examples in tests.items()
        }
    return {
        "name": name,
        "cv": scores(cv_expected, [p for p, _ in cv_predictions]),
        **{test: scores([i for _, i in tests[test]], predicted[test]) for test in tests},
        "seconds": round(time.perf_counter() - started),
        "predicted": predicted,
        "cv_expected": cv_expected,
        "cv_rankings": [ranking for _, ranking in cv_predictions],
    }


def fallback_sweep(expected: list, rankings: list) -> str:
    """What each FallbackClassifier setting would do to the cross-validation predictions."""
    rows = []
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        for ambiguity in (0.0, 0.05, 0.1):
            right = wrong = fallback = critical_wrong = 0
            for intent, ranking in zip(expected, rankings, strict=True):
                top = ranking[0][1] if ranking else 0.0
                gap = top - ranking[1][1] if len(ranking) > 1 else top
                if top < threshold or gap < ambiguity:
                    fallback += 1
                elif ranking[0][0] == intent:
                    right += 1
                else:
                    wrong += 1
                    critical_wrong += intent == CRITICAL
            rows.append(
                f"| {threshold} | {ambiguity} | {right / len(expected):.3f} | {wrong} | "
                f"{fallback} | {critical_wrong} |"
            )
    return (
        "| threshold | ambiguity_threshold | answered right | answered wrong | "
        "fell back | A-feil answered wrong |\n|---|---|---|---|---|---|\n" + "\n".join(rows)
    )


def write_reports(results: list, tests: dict[str, Examples], folds: int) -> None:
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    header = (
        "| pipeline | CV accuracy | CV macro-F1 | "
        + " | ".join(f"{t} accuracy | {t} macro-F1 | {t} A-feil recall" for t in tests)
        + " | seconds (all folds + final) |"
    )
    rows = "\n".join(
        f"| {r['name']} | {r['cv']['accuracy']:.3f} | {r['cv']['macro_f1']:.3f} | "
        + " | ".join(
            f"{r[t]['accuracy']:.3f} | {r[t]['macro_f1']:.3f} | {r[t]['critical_recall']:.3f}"
            for t in tests
        )
        + f" | {r['seconds']} |"
        for r in results
    )
    missed = "\n".join(
        f"- {r['name']}, {test}: "
        + (
            ", ".join(
                f"{text!r} → {p}"
                for (text, i), p in zip(examples, r["predicted"][test], strict=True)
                if i == CRITICAL and p != CRITICAL
            )
            or "none"
        )
        for r in results
        for test, examples in tests.items()
    )
    first = results[0]
    sets = "; ".join(
        f"{t}: {TEST_SETS[t].relative_to(ROOT)}, {len(e)} messages" for t, e in tests.items()
    )
    (REPORT_DIR / "comparison.md").write_text(
        f"# NLU pipelines compared ({folds}-fold CV on data/nlu*.yml; held-out sets: {sets})\n\n"
        f"{header}\n|{'---|' * (4 + 3 * len(tests))}\n{rows}\n\n"
        f"A-feil messages of the held-out sets not classified as A:\n\n{missed}\n\n"
        f"### Fallback threshold, on the cross-validation predictions of '{first['name']}'\n\n"
        "A fallback answer asks the user to rephrase and gives the number that is right now; "
        "a wrong answer sends the user down the wrong route.\n\n"
        f"{fallback_sweep(first['cv_expected'], first['cv_rankings'])}\n",
        encoding="utf-8",
    )
    (REPORT_DIR / "comparison.json").write_text(
        json.dumps(
            [
                {k: v for k, v in r.items() if k not in ("predicted", "cv_expected", "cv_rankings")}
                for r in results
            ],
            indent=2,
            ensure_ascii=False,
        )
    )
    for test, examples in tests.items():
        expected = [i for _, i in examples]
        (REPORT_DIR / f"{test}_report_first_pipeline.txt").write_text(
            classification_report(expected, first["predicted"][test], zero_division=0, digits=3)
        )
        confusion_image(
            expected, first["predicted"][test], REPORT_DIR / f"{test}_confusion_matrix.png", test
        )


def confusion_image(expected: list, predicted: list, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(expected) | set(predicted))
    figure, axes = plt.subplots(figsize=(12, 11))
    ConfusionMatrixDisplay.from_predictions(
        expected, predicted, labels=labels, ax=axes, xticks_rotation="vertical", colorbar=False
    )
    axes.set_title(f"Held-out NLU set: {title}")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="substrings of pipeline names to run")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # Rasa's structlog reads it
    logging.getLogger().setLevel(logging.WARNING)

    train = training_examples()
    tests = {name: load_examples(path) for name, path in TEST_SETS.items() if path.is_file()}
    candidates: dict[str, Callable] = {
        name: (lambda examples, workdir, c=config: rasa_classifier(c, examples, workdir))
        for name, config in rasa_pipelines().items()
    }
    candidates["TF-IDF + logistic regression (scikit-learn)"] = lambda examples, workdir: (
        tfidf_classifier(examples)
    )
    if args.only:
        candidates = {n: f for n, f in candidates.items() if any(o in n for o in args.only)}
    results = []
    for name, make in candidates.items():
        print(f"== {name}", flush=True)
        results.append(evaluate(name, make, train, tests, args.folds))
        write_reports(results, tests, args.folds)  # partial results survive a stop
    table = (REPORT_DIR / "comparison.md").read_text()
    write_section(
        "nlu",
        f"## NLU pipelines\n\nCommand: `make nlu-compare` "
        f"(`python -m benchmarks.nlu_compare --folds {args.folds}`). Measured "
        f"{machine()}.\n\n" + table.split("\n", 2)[2],
    )
    print(table)


if __name__ == "__main__":
    main()
