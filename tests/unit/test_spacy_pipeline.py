"""Both resolutions of config.yml's `nb_core_news_sm`: the real package, or the stand-in."""

import subprocess
import sys
from pathlib import Path

import pytest

from rasa_extensions.spacy_pipeline import STANDIN_NAME, build_standin, choose_pipeline

ROOT = Path(__file__).resolve().parents[2]

LOAD_THROUGH_RASA = """
import sys
from rasa_extensions.norwegian_spacy import NorwegianSpacyNLP
nlp = NorwegianSpacyNLP.create({"model": "nb_core_news_sm"}, None, None, None)
print("LOADED", nlp.provide().model_name, nlp.provide().model.meta["name"])
"""


def load_in_subprocess(extra_path: Path | None, standin_dir: Path) -> str:
    env = {
        "PATH": "/usr/bin:/bin",
        "AIDN_SPACY_STANDIN_DIR": str(standin_dir.parent),
        "PYTHONPATH": f"{extra_path}:{ROOT}" if extra_path else str(ROOT),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    result = subprocess.run(
        [sys.executable, "-c", LOAD_THROUGH_RASA],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return next(line for line in result.stdout.splitlines() if line.startswith("LOADED"))


@pytest.fixture(scope="module")
def standin(tmp_path_factory) -> Path:
    return build_standin(tmp_path_factory.mktemp("spacy") / STANDIN_NAME)


def test_standin_is_chosen_when_the_model_is_missing_and_never_named_like_it(standin):
    choice = choose_pipeline("a_model_that_is_not_installed", standin)
    assert choice.is_standin and choice.load_from == str(standin)
    assert choice.name.startswith(STANDIN_NAME)


def test_missing_model_and_standin_is_a_clear_error(tmp_path):
    with pytest.raises(RuntimeError, match="make install"):
        choose_pipeline("a_model_that_is_not_installed", tmp_path / "none")


def test_standin_tokenizes_norwegian(standin):
    import spacy

    nlp = spacy.load(standin)
    assert [t.text for t in nlp("Aidn er helt nede, æ får ikkje logga inn!")] == [
        "Aidn",
        "er",
        "helt",
        "nede",
        ",",
        "æ",
        "får",
        "ikkje",
        "logga",
        "inn",
        "!",
    ]
    assert nlp.lang == "nb" and nlp.meta["name"] != "core_news_sm"


def test_rasa_component_loads_the_standin_without_the_real_model(standin):
    line = load_in_subprocess(None, standin)
    assert f"{STANDIN_NAME} (stand-in for nb_core_news_sm)" in line


def test_rasa_component_loads_the_real_package_when_installed(tmp_path, standin):
    """A tiny locally built package named nb_core_news_sm stands for spaCy's release."""
    import spacy

    source = tmp_path / "source"
    spacy.blank("nb").to_disk(source)
    (tmp_path / "pkg").mkdir()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "package",
            str(source),
            str(tmp_path / "pkg"),
            "--name",
            "core_news_sm",
            "--version",
            "0.0.1",
            "--force",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    package_dir = tmp_path / "pkg" / "nb_core_news_sm-0.0.1"
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site),
            str(package_dir),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    line = load_in_subprocess(site, standin)
    assert line.split()[1] == "nb_core_news_sm"
