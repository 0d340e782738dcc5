"""The tuned half of the conversation suite, end to end through the real servers.

`make conversations` runs both halves and prints every failure; this test keeps the tuned
half from slipping. The held-out half is reported there, never asserted or tuned on.
"""

from pathlib import Path

import pytest
import yaml

from devtools.conversations import HALVES, ROUTES, load, report, run_all, start_assistant

ROOT = Path(__file__).resolve().parents[2]
# The goal is 0.97 (BENCHMARKS.md "Whole conversations" has the figure); the floor
# leaves room for a machine that trains a slightly different model and for a held-out half
# just moved here, so that a real regression fails and noise does not.
TUNED_PASS_RATE_FLOOR = 0.96


@pytest.mark.parametrize("half", HALVES)
def test_every_conversation_file_is_well_formed(half):
    conversations = load(half)
    assert len(conversations) >= 60
    for conversation in conversations:
        assert conversation.turns, conversation.name
        for turn in conversation.turns:
            assert (turn.user is None) != (turn.button is None), conversation.name
            assert set(turn.expect) <= {"route", "class", "line", "says", "not_says"}


def test_every_response_has_a_route():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert set(domain["responses"]) - set(ROUTES) == set()
    assert set(ROUTES) - set(domain["responses"]) == set()


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    running = start_assistant(tmp_path_factory.mktemp("conversations-var"))
    yield running
    running.stop()


def test_tuned_conversations_pass(assistant):
    results = run_all(assistant, load("tuned"))
    summary = report("tuned", results)
    print("\n" + summary)
    rate = sum(r.passed for r in results) / len(results)
    assert rate >= TUNED_PASS_RATE_FLOOR, summary
