"""Training data validation and the test stories, through Rasa's own commands."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RASA = Path(os.environ.get("VENV", ROOT / ".venv")) / "bin" / "rasa"


def rasa(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run(
        [str(RASA), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def test_rasa_data_validate_finds_no_errors():
    result = rasa("data", "validate", "--quiet")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_stories_are_predicted_without_errors(model_path, tmp_path):
    result = rasa(
        "test",
        "core",
        "--model",
        str(model_path),
        "--stories",
        "tests/test_stories.yml",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path / "results"),
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details + result.stdout[-3000:] + result.stderr[-3000:]
