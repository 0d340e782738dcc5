"""Which spaCy pipeline the NLU uses: the production model, or a named stand-in.

Production names `nb_core_news_sm` in config.yml. It is installed by set-up from spaCy's
model release or from a wheel file (air-gapped networks). Where neither is possible,
set-up builds `nb_aidn_standin`: spaCy's own Norwegian tokenizer and stop words plus the
nb lemma lookup table of spacy-lookups-data. It is never given the production name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

STANDIN_NAME = "nb_aidn_standin"
STANDIN_DIR = (
    Path(
        os.environ.get("AIDN_SPACY_STANDIN_DIR", Path(__file__).resolve().parent.parent / ".spacy")
    )
    / STANDIN_NAME
)


@dataclass(frozen=True)
class PipelineChoice:
    load_from: str  # package name or directory for spacy.load
    name: str  # what the log and the model fingerprint call it
    is_standin: bool


def choose_pipeline(configured: str, standin_dir: Path = STANDIN_DIR) -> PipelineChoice:
    """The configured package when installed, else the stand-in when built, else error."""
    import spacy.util

    if spacy.util.is_package(configured):
        return PipelineChoice(configured, configured, is_standin=False)
    if (standin_dir / "config.cfg").is_file():
        return PipelineChoice(str(standin_dir), f"{STANDIN_NAME} (stand-in for {configured})", True)
    raise RuntimeError(
        f"spaCy pipeline '{configured}' is not installed and no stand-in was built at "
        f"{standin_dir}. Run `make install` (scripts/setup.sh) first."
    )


def build_standin(target: Path = STANDIN_DIR) -> Path:
    """Build and save the Norwegian stand-in pipeline (needs spacy-lookups-data)."""
    import spacy

    nlp = spacy.blank("nb")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # copies the nb lemma lookup table into the pipeline
    nlp.meta["name"] = STANDIN_NAME.removeprefix("nb_")
    nlp.meta["description"] = (
        "Stand-in for nb_core_news_sm: blank Norwegian tokenizer, stop words and "
        "lookup lemmatizer from spacy-lookups-data. No tagger, parser or vectors."
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


if __name__ == "__main__":
    print(build_standin())
