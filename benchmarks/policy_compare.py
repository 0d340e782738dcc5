"""Does a learned dialogue policy earn its cost? The conversation suite, both halves, with
config.yml as it is (rules and memoization) and with TEDPolicy added, in one run.

    python -m benchmarks.policy_compare

Trains the TED variant into .bench/models/, runs both halves against both models, and
writes the table into BENCHMARKS.md (section "policies").
"""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.report import machine, write_section
from benchmarks.speed import WORK, train
from devtools.conversations import HALVES, pass_rates

ROOT = Path(__file__).resolve().parents[1]
TED = {"name": "TEDPolicy", "max_history": 5, "epochs": 100, "random_seed": 42}


def main() -> None:
    WORK.mkdir(exist_ok=True)
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    config["policies"].append(TED)
    ted_config = WORK / "config-ted.yml"
    ted_config.write_text(yaml.safe_dump(config, allow_unicode=True))
    rows = []
    for label, config_path, name in (
        ("rules + memoization (config.yml)", ROOT / "config.yml", "aidn-rules"),
        ("+ TEDPolicy", ted_config, "aidn-ted"),
    ):
        print(f"training {label}...", flush=True)
        seconds = train(config_path, name)
        model = WORK / "models" / f"{name}.tar.gz"
        results = pass_rates(model)
        rates = {
            half: (sum(r.passed for r in results[half]), len(results[half])) for half in HALVES
        }
        rows.append(
            f"| {label} | {seconds:.0f} s | "
            + " | ".join(
                f"{passed}/{total} ({passed / total:.1%})" for passed, total in rates.values()
            )
            + " |"
        )
        print(rows[-1], flush=True)
    write_section(
        "policies",
        "\n".join(
            [
                "## Dialogue policy: does TEDPolicy earn its cost?",
                "",
                f"Command: `make policy-compare`. Measured {machine()}.",
                "",
                "| policies | training (`--force`) | "
                + " | ".join(f"{h} half" for h in HALVES)
                + " |",
                "|---|---|" + "---|" * len(HALVES),
                *rows,
            ]
        ),
    )


if __name__ == "__main__":
    main()
