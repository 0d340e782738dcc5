"""Compare NLU pipelines on the same folds and the same held-out test set, in one run.

    python -m benchmarks.nlu_compare [--folds 5] [--only NAME ...]

For each pipeline: stratified k-fold cross-validation on data/nlu.yml, then training on
all of it and evaluation on tests/nlu/test_nlu.yml. Writes reports/nlu/comparison.md
(table), comparison.json, and for the first pipeline run (the configured one, unless
--only leaves it out) a per-intent report and a confusion-matrix image. nlu_fallback counts as a wrong answer, as a user would see it.
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedKFold

from benchmarks.report import machine, write_section

ROOT = Path(__file__).resolve().parents[1]
REPORT_DIR = ROOT / "reports" / "nlu"
CRITICAL = "fault_critical"

Examples = list[tuple[str, str]]


def load_examples(path: Path) -> Examples:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        (line.strip()[2:].strip(), block["intent"])
        for block in data["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


def write_nlu(examples: Examples, path: Path) -> None:
    by_intent: dict[str, list[str]] = {}
    for text, intent in examples:
        by_intent.setdefault(intent, []).append(text)
    blocks = [
        {"intent": intent, "examples": "".join(f"- {text}\n" for text in texts)}
        for intent, texts in by_intent.items()
    ]
    path.write_text(yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True))


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


def char_ngrams(low: int, high: int) -> Callable[[list], list]:
    def change(pipeline: list) -> list:
        for component in pipeline:
            if component.get("analyzer") == "char_wb":
                component.update(min_ngram=low, max_ngram=high)
        return pipeline

    return change


def logistic_regression(pipeline: list) -> list:
    return [
        {"name": "LogisticRegressionClassifier", "max_iter": 1000, "random_state": 42}
        if component["name"] == "DIETClassifier" else component
        for component in pipeline
    ]


def rasa_pipelines() -> dict[str, dict]:
    import spacy.util

    pipelines = {
        "configured (config.yml)": configured(),
        "whitespace tokenizer, no spaCy": variant(without_spacy),
        "char n-grams 1-4": variant(char_ngrams(1, 4)),
        "char n-grams 2-5": variant(char_ngrams(2, 5)),
        "char n-grams 3-6": variant(char_ngrams(3, 6)),
        "LogisticRegressionClassifier instead of DIET": variant(logistic_regression),
    }
    # A variant identical to config.yml would only repeat the first row.
    pipelines = {name: config for name, config in pipelines.items()
                 if name.startswith("configured") or config != configured()}
    if spacy.util.is_package("nb_core_news_sm"):
        pipelines["nb_core_news_sm + SpacyFeaturizer"] = variant(
            lambda p: p[:2] + [{"name": "SpacyFeaturizer"}] + p[2:]
        )
    return pipelines


# --- training and prediction ----------------------------------------------------------------
def rasa_classifier(config: dict, train: Examples, workdir: Path) -> Callable[[list], list]:
    import asyncio

    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    config_path, data_path = workdir / "config.yml", workdir / "nlu.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    write_nlu(train, data_path)
    model = train_nlu(str(config_path), str(data_path), str(workdir / "models"))
    agent = Agent.load(model)

    def predict(texts: list) -> list:
        async def parse_all() -> list:
            return [(await agent.parse_message(t))["intent"]["name"] for t in texts]

        return asyncio.run(parse_all())

    return predict


def tfidf_classifier(train: Examples) -> Callable[[list], list]:
    """Baseline: TF-IDF of words and character n-grams, logistic regression."""
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
    return lambda texts: list(model.predict(texts))


def scores(expected: list, predicted: list) -> dict:
    critical = [p for e, p in zip(expected, predicted) if e == CRITICAL]
    return {
        "accuracy": accuracy_score(expected, predicted),
        "macro_f1": f1_score(expected, predicted, labels=sorted(set(expected)),
                            average="macro", zero_division=0),
        "critical_recall": sum(p == CRITICAL for p in critical) / max(len(critical), 1),
        "critical_missed": [t for t in critical if t != CRITICAL],
    }


def evaluate(name: str, make: Callable[[Examples, Path], Callable], train: Examples,
             test: Examples, folds: int) -> dict:
    texts, intents = [t for t, _ in train], [i for _, i in train]
    fold_expected, fold_predicted = [], []
    started = time.perf_counter()
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=42)
    for number, (train_idx, val_idx) in enumerate(splitter.split(texts, intents), 1):
        with tempfile.TemporaryDirectory() as workdir:
            predict = make([train[i] for i in train_idx], Path(workdir))
            fold_predicted += predict([texts[i] for i in val_idx])
            fold_expected += [intents[i] for i in val_idx]
        print(f"  {name}: fold {number}/{folds} done", flush=True)
    with tempfile.TemporaryDirectory() as workdir:
        predict = make(train, Path(workdir))
        test_predicted = predict([t for t, _ in test])
    test_expected = [i for _, i in test]
    return {
        "name": name,
        "cv": scores(fold_expected, fold_predicted),
        "test": scores(test_expected, test_predicted),
        "seconds": round(time.perf_counter() - started),
        "test_predicted": test_predicted,
    }


def write_reports(results: list, test: Examples, folds: int) -> None:
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    rows = "\n".join(
        f"| {r['name']} | {r['cv']['accuracy']:.3f} | {r['cv']['macro_f1']:.3f} | "
        f"{r['test']['accuracy']:.3f} | {r['test']['macro_f1']:.3f} | "
        f"{r['test']['critical_recall']:.3f} | {r['seconds']} |"
        for r in results
    )
    (REPORT_DIR / "comparison.md").write_text(
        f"# NLU pipelines compared ({folds}-fold CV on data/nlu.yml; held-out "
        f"tests/nlu/test_nlu.yml, {len(test)} messages)\n\n"
        "| pipeline | CV accuracy | CV macro-F1 | test accuracy | test macro-F1 | "
        "test A-feil recall | seconds (all folds + final) |\n|---|---|---|---|---|---|---|\n"
        f"{rows}\n\nA-feil messages of the test set not classified as A:\n\n"
        + "\n".join(
            f"- {r['name']}: "
            + (", ".join(f"{t!r} → {p}" for (t, i), p in zip(test, r["test_predicted"])
                         if i == CRITICAL and p != CRITICAL) or "none")
            for r in results
        ) + "\n",
        encoding="utf-8",
    )
    (REPORT_DIR / "comparison.json").write_text(json.dumps(
        [{k: v for k, v in r.items() if k != "test_predicted"} for r in results],
        indent=2, ensure_ascii=False))
    first = results[0]
    expected = [i for _, i in test]
    (REPORT_DIR / "test_report_first_pipeline.txt").write_text(
        classification_report(expected, first["test_predicted"], zero_division=0, digits=3))
    confusion_image(expected, first["test_predicted"], REPORT_DIR / "confusion_matrix.png")


def confusion_image(expected: list, predicted: list, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(expected) | set(predicted))
    figure, axes = plt.subplots(figsize=(12, 11))
    ConfusionMatrixDisplay.from_predictions(expected, predicted, labels=labels, ax=axes,
                                            xticks_rotation="vertical", colorbar=False)
    axes.set_title("Held-out NLU test set")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="substrings of pipeline names to run")
    args = parser.parse_args()
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    logging.getLogger().setLevel(logging.WARNING)

    train = load_examples(ROOT / "data" / "nlu.yml")
    test = load_examples(ROOT / "tests" / "nlu" / "test_nlu.yml")
    candidates: dict[str, Callable] = {
        name: (lambda examples, workdir, c=config: rasa_classifier(c, examples, workdir))
        for name, config in rasa_pipelines().items()
    }
    candidates["TF-IDF + logistic regression (scikit-learn)"] = (
        lambda examples, workdir: tfidf_classifier(examples))
    if args.only:
        candidates = {n: f for n, f in candidates.items() if any(o in n for o in args.only)}
    results = []
    for name, make in candidates.items():
        print(f"== {name}", flush=True)
        results.append(evaluate(name, make, train, test, args.folds))
        write_reports(results, test, args.folds)  # partial results survive a stop
    table = (REPORT_DIR / "comparison.md").read_text()
    write_section("nlu", f"## NLU pipelines\n\nCommand: `make nlu-compare` "
                  f"(`python -m benchmarks.nlu_compare --folds {args.folds}`). Measured "
                  f"{machine()}.\n\n" + table.split("\n", 2)[2])
    print(table)


if __name__ == "__main__":
    main()
