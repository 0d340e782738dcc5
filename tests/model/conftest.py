"""Fixtures for tests that need the trained model (scripts/test.sh trains it first)."""

import asyncio
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "aidn.tar.gz"


@pytest.fixture(scope="session")
def model_path() -> Path:
    if not MODEL.is_file():
        pytest.fail("models/aidn.tar.gz is missing: run scripts/train.sh (make train) first")
    return MODEL


@pytest.fixture(scope="session")
def parse(model_path):
    """parse(text) -> Rasa parse result, from the real trained NLU pipeline."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path))
    loop = asyncio.new_event_loop()
    yield lambda text: loop.run_until_complete(agent.parse_message(text))
    loop.close()
