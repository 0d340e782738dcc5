"""Speed and cost in one run, side by side: this assistant, the stock `rasa init`
assistant trained here as a peer, and a trivial Sanic echo endpoint as the HTTP floor.

    python -m benchmarks.speed [--requests 200] [--levels 1 10 50]

Measures training time (both with --force), time from start to the first answer,
resident memory after warm-up, REST latency p50/p95/p99 and throughput per concurrency
level. Unless --no-variants, it also serves this assistant with Rasa's own validation of
action-server responses, and with the pipeline it had before (DIET intent classifier and
TEDPolicy, both TensorFlow) with TensorFlow's default threads and with one thread, to
show what each change is worth. Writes
reports/benchmarks/speed.json, benchmarks/results/latency.png and the speed section of
BENCHMARKS.md. Run it on an otherwise idle machine; compare the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import yaml

from benchmarks.nlu_compare import DIET, replace_classifier
from benchmarks.report import machine, write_section
from devtools.assistant import say_over_rest
from devtools.processes import ProcessGroup

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".bench"
VENV_BIN = Path(sys.executable).parent
RASA = str(VENV_BIN / "rasa")
OURS_PORT, PEER_PORT, ECHO_PORT, CLUSTER_PORT = 25005, 26005, 27005, 29100
OURS_ACTION_PORT, OURS_WEB_PORT = 25055, 28080
OURS_MESSAGES = [
    "Aidn er helt nede",
    "hei",
    "er dere åpne nå?",
    "vi får ikke sendt e-meldinger",
    "hvordan legger jeg til et nytt legemiddel?",
    "takk for hjelpen",
    "hva er e-posten?",
    "må trykke flere ganger på knappen",
    "saken min er ikke fulgt opp",
    "er du en robot?",
]
PEER_MESSAGES = ["hello", "I am sad", "great", "are you a bot?", "bye", "good morning"]
MESSAGES = {
    "peer": PEER_MESSAGES,
    "echo": OURS_MESSAGES,
    "ours": OURS_MESSAGES,
    "stock_validation": OURS_MESSAGES,
    "diet_ted": OURS_MESSAGES,
    "diet_ted_one_thread": OURS_MESSAGES,
    "cluster_1": OURS_MESSAGES,
    "cluster_2": OURS_MESSAGES,
}
# Each simulated user starts a new conversation after this many messages, as help-desk
# chats are short. (Rasa's turn time grows with the conversation: one 200-message
# conversation would measure tracker growth, not the assistant.)
CONVERSATION_TURNS = 6
ENV = os.environ | {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}
ONE_TF_THREAD = {"TF_INTRA_OP_PARALLELISM_THREADS": "1", "TF_INTER_OP_PARALLELISM_THREADS": "1"}
TED = {"name": "TEDPolicy", "max_history": 4, "epochs": 40, "random_seed": 42}


def timed(command: list, cwd: Path, env: dict = ENV) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def post(port: int, sender: str, message: str, timeout: float = 60) -> list:
    return say_over_rest(port, sender, message, timeout=timeout)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


class Server:
    """A server started in its own process group; `ready` is seconds until it answers a
    message and every URL in `also_ready` (e.g. the action server's health) answers."""

    def __init__(
        self,
        command: list,
        cwd: Path,
        port: int,
        env: dict = ENV,
        limit: int = 600,
        also_ready: tuple = (),
    ):
        started = time.perf_counter()
        self.group = ProcessGroup(command, cwd, env, WORK / f"server-{port}.log")
        while True:
            try:
                if all(answers(url) for url in also_ready) and post(
                    port, "warmup", "hei", timeout=5
                ):
                    break
            except OSError:
                pass
            if not self.group.running() or time.perf_counter() - started > limit:
                self.group.stop()
                raise RuntimeError(
                    f"server on port {port} did not answer; see {self.group.log_path}"
                )
            time.sleep(0.25)
        self.ready = time.perf_counter() - started


class Cluster:
    """scripts/cluster.sh with `instances` Rasa servers behind nginx, fresh data each time."""

    def __init__(self, instances: int) -> None:
        self.env = ENV | {
            "AIDN_CLUSTER_DIR": str(WORK / "cluster"),
            "AIDN_CLUSTER_PORT": str(CLUSTER_PORT),
            "AIDN_CLUSTER_INSTANCES": str(instances),
            "AIDN_MODEL": str(WORK / "models" / "aidn.tar.gz"),
        }
        shutil.rmtree(WORK / "cluster", ignore_errors=True)
        started = time.perf_counter()
        subprocess.run(
            ["bash", "scripts/cluster.sh", "start"],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        post(CLUSTER_PORT, "warmup", "hei")
        self.ready = time.perf_counter() - started

    def stop(self) -> None:
        subprocess.run(
            ["bash", "scripts/cluster.sh", "stop"],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


async def load(port: int, messages: list, concurrency: int, total: int) -> dict:
    import aiohttp

    latencies: list = []
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"

    async def user(session: aiohttp.ClientSession, number: int) -> None:
        for i in range(max(total // concurrency, 1)):
            sender = f"bench-{concurrency}-{number}-{i // CONVERSATION_TURNS}"
            body = {"sender": sender, "message": messages[i % len(messages)]}
            started = time.perf_counter()
            async with session.post(url, json=body) as response:
                await response.read()
                response.raise_for_status()
            latencies.append(time.perf_counter() - started)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(user(session, n) for n in range(concurrency)))
        wall = time.perf_counter() - started
    p50, p95, p99 = np.percentile(np.array(latencies) * 1000, [50, 95, 99])
    return {
        "p50_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(p99, 1),
        "throughput_rps": round(len(latencies) / wall, 1),
        "requests": len(latencies),
    }


def measure_load(port: int, messages: list, levels: list, total: int) -> dict:
    for _ in range(20):  # warm-up
        post(port, "warmup", messages[_ % len(messages)])
    return {str(c): asyncio.run(load(port, messages, c, total)) for c in levels}


def prepare_peer() -> Path:
    """The stock `rasa init` project, copied from Rasa's own template (untrained)."""
    import rasa.cli

    peer = WORK / "peer"
    if not (peer / "config.yml").exists():
        shutil.copytree(
            Path(rasa.cli.__file__).parent / "initial_project", peer, dirs_exist_ok=True
        )
    return peer


def tensorflow_config() -> Path:
    """config.yml as it was before the TF-IDF classifier: DIET for intents, plus TEDPolicy."""
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    config["pipeline"] = replace_classifier(DIET)(config["pipeline"])
    config["policies"].append(TED)
    path = WORK / "config-diet-ted.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True))
    return path


def ours(model: str, extra_env: dict | None = None) -> Server:
    # A fresh tracker store for every start: reused sender ids would otherwise carry the
    # previous server's conversations and make every later variant slower.
    shutil.rmtree(WORK / "var", ignore_errors=True)
    return Server(
        ["bash", "scripts/serve.sh"],
        ROOT,
        OURS_PORT,
        also_ready=(
            f"http://127.0.0.1:{OURS_ACTION_PORT}/health",
            f"http://127.0.0.1:{OURS_WEB_PORT}/health",
        ),
        env=ENV
        | (extra_env or {})
        | {
            "AIDN_MODEL": str(WORK / "models" / f"{model}.tar.gz"),
            "AIDN_RASA_PORT": str(OURS_PORT),
            "AIDN_ACTION_PORT": str(OURS_ACTION_PORT),
            "AIDN_WEB_PORT": str(OURS_WEB_PORT),
            "AIDN_VAR_DIR": str(WORK / "var"),
            "AIDN_ACTION_ENDPOINT_URL": f"http://127.0.0.1:{OURS_ACTION_PORT}/webhook",
            "AIDN_TRACKER_DB": str(WORK / "var" / "tracker.sqlite3"),
            "AIDN_INBOX_DB": str(WORK / "var" / "inbox.sqlite3"),
            "AIDN_SOCKET_URL": f"http://127.0.0.1:{OURS_PORT}",
            "AIDN_ALLOWED_ORIGINS": f"http://127.0.0.1:{OURS_WEB_PORT}",
        },
    )


def train(config: Path, name: str) -> float:
    return round(
        timed(
            [
                RASA,
                "train",
                "--force",
                "--config",
                str(config),
                "--out",
                str(WORK / "models"),
                "--fixed-model-name",
                name,
            ],
            ROOT,
        ),
        1,
    )


def run(levels: list, total: int, variants: bool) -> dict:
    WORK.mkdir(exist_ok=True)
    peer = prepare_peer()
    results: dict = {"machine": machine(), "levels": levels}
    print("training the peer, then this assistant (--force)...", flush=True)
    results["train_s"] = {
        "peer": round(
            timed(
                [RASA, "train", "--force", "--out", "models", "--fixed-model-name", "peer"], peer
            ),
            1,
        ),
        "ours": train(ROOT / "config.yml", "aidn"),
    }
    servers = {
        "echo": lambda: Server(
            [str(VENV_BIN / "python"), "-m", "benchmarks.echo_server", str(ECHO_PORT)],
            ROOT,
            ECHO_PORT,
        ),
        "peer": lambda: Server(
            [
                RASA,
                "run",
                "--model",
                "models/peer.tar.gz",
                "--port",
                str(PEER_PORT),
                "--interface",
                "127.0.0.1",
            ],
            peer,
            PEER_PORT,
        ),
        "ours": lambda: ours("aidn"),
    }
    if variants:
        results["train_s"]["diet_ted"] = train(tensorflow_config(), "aidn-diet-ted")
        servers["stock_validation"] = lambda: ours("aidn", {"AIDN_STOCK_ACTION_VALIDATION": "1"})
        servers["diet_ted"] = lambda: ours("aidn-diet-ted")
        servers["diet_ted_one_thread"] = lambda: ours("aidn-diet-ted", ONE_TF_THREAD)
    for name, start in servers.items():
        print(f"serving {name}...", flush=True)
        results[name] = serve_and_measure(name, start(), levels, total)
    # Scaling out: the same stores (PostgreSQL, Redis) and nginx, one Rasa server or two.
    for instances in (1, 2):
        name = f"cluster_{instances}"
        print(f"serving {name}...", flush=True)
        cluster = Cluster(instances)
        try:
            results[name] = {
                "first_answer_s": round(cluster.ready, 1),
                "load": measure_load(CLUSTER_PORT, MESSAGES[name], levels, total),
            }
        finally:
            cluster.stop()
    return results


def serve_and_measure(name: str, server: Server, levels: list, total: int) -> dict:
    try:
        entry: dict = {"first_answer_s": round(server.ready, 1)}
        # The first real message after start, before any warm-up (cold caches).
        started = time.perf_counter()
        post(server_port(name), "cold", MESSAGES[name][0])
        entry["cold_message_ms"] = round((time.perf_counter() - started) * 1000, 1)
        entry["load"] = measure_load(server_port(name), MESSAGES[name], levels, total)
        entry["rss_mb"] = server.group.rss_mb("run --model" if name != "echo" else "")
        entry["rss_all_processes_mb"] = server.group.rss_mb()
        return entry
    finally:
        server.group.stop()


def server_port(name: str) -> int:
    return {"echo": ECHO_PORT, "peer": PEER_PORT}.get(name, OURS_PORT)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5))
    for name, label in (
        ("ours", "Aidn assistant"),
        ("peer", "rasa init peer"),
        ("echo", "Sanic echo floor"),
    ):
        levels = results["levels"]
        for key, style in (("p50_ms", "-o"), ("p95_ms", "--^")):
            axes.plot(
                levels,
                [results[name]["load"][str(c)][key] for c in levels],
                style,
                label=f"{label} {key[:3]}",
            )
    axes.set(
        xlabel="concurrent users",
        ylabel="latency (ms, log)",
        yscale="log",
        title="REST latency against concurrency",
    )
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def markdown(results: dict) -> str:
    ours, peer, echo = results["ours"], results["peer"], results["echo"]
    lines = [
        "## Speed and cost",
        "",
        f"Command: `make benchmark` (`python -m benchmarks.speed`). Measured {results['machine']}.",
        "",
        "| | this assistant | `rasa init` peer | ratio |",
        "|---|---|---|---|",
        f"| training (`rasa train --force`) | {results['train_s']['ours']} s | "
        f"{results['train_s']['peer']} s | "
        f"{results['train_s']['ours'] / results['train_s']['peer']:.2f} |",
        f"| start to first answer | {ours['first_answer_s']} s | {peer['first_answer_s']} s | "
        f"{ours['first_answer_s'] / peer['first_answer_s']:.2f} |",
        f"| first message after start (cold) | {ours['cold_message_ms']} ms | "
        f"{peer['cold_message_ms']} ms | {ours['cold_message_ms'] / peer['cold_message_ms']:.2f} |",
        f"| Rasa server RSS after warm-up | {ours['rss_mb']} MB | {peer['rss_mb']} MB | "
        f"{ours['rss_mb'] / peer['rss_mb']:.2f} |",
        f"| all processes (Rasa, actions, page) | {ours['rss_all_processes_mb']} MB | "
        f"{peer['rss_all_processes_mb']} MB | |",
        "",
        "| concurrent users | this assistant p50 / p95 / p99 ms (req/s) | peer | echo floor | "
        "p95 vs peer | p95 vs floor |",
        "|---|---|---|---|---|---|",
    ]
    for c in results["levels"]:
        o, p, e = (x["load"][str(c)] for x in (ours, peer, echo))
        lines.append(
            f"| {c} | {o['p50_ms']} / {o['p95_ms']} / {o['p99_ms']} ({o['throughput_rps']}) | "
            f"{p['p50_ms']} / {p['p95_ms']} / {p['p99_ms']} ({p['throughput_rps']}) | "
            f"{e['p50_ms']} / {e['p95_ms']} / {e['p99_ms']} ({e['throughput_rps']}) | "
            f"{o['p95_ms'] / p['p95_ms']:.2f} | {o['p95_ms'] / e['p95_ms']:.1f} |"
        )
    lines += ["", "![latency against concurrency](benchmarks/results/latency.png)"]
    lines += cluster_markdown(results)
    if "diet_ted" in results:
        lines += variants_markdown(results)
    return "\n".join(lines)


def cluster_markdown(results: dict) -> list:
    one, two, single, peer = (results[n] for n in ("cluster_1", "cluster_2", "ours", "peer"))
    top = str(max(results["levels"]))
    lines = [
        "",
        "### Scaling out (scripts/cluster.sh: nginx, PostgreSQL, Redis, one action server)",
        "",
        "| concurrent users | single process, SQLite | cluster, 1 Rasa | cluster, 2 Rasa | "
        "2 Rasa p95 vs peer |",
        "|---|---|---|---|---|",
    ]
    for c in results["levels"]:
        cells = [
            f"{x['load'][str(c)]['p50_ms']} / {x['load'][str(c)]['p95_ms']} ms "
            f"({x['load'][str(c)]['throughput_rps']} req/s)"
            for x in (single, one, two)
        ]
        ratio = two["load"][str(c)]["p95_ms"] / peer["load"][str(c)]["p95_ms"]
        lines.append(f"| {c} | {' | '.join(cells)} | {ratio:.2f} |")
    gain = two["load"][top]["throughput_rps"] / one["load"][top]["throughput_rps"]
    lines += [
        "",
        f"Throughput at {top} users, 2 Rasa servers against 1: **{gain:.2f}**. Cells are "
        "p50 / p95 (throughput).",
    ]
    return lines


def variants_markdown(results: dict) -> list:
    ours = results["ours"]
    middle = str(sorted(results["levels"])[len(results["levels"]) // 2])
    rows = [
        ("configured: TF-IDF classifier, no TEDPolicy", ours, results["train_s"]["ours"]),
        (
            "configured, but Rasa's own action-response validation",
            results["stock_validation"],
            None,
        ),
        (
            "DIET + TEDPolicy as before, TensorFlow default threads",
            results["diet_ted"],
            results["train_s"]["diet_ted"],
        ),
        (
            "DIET + TEDPolicy, TF_INTRA/INTER_OP_PARALLELISM_THREADS=1",
            results["diet_ted_one_thread"],
            None,
        ),
    ]
    lines = [
        "",
        "### What each change is worth (same run, same machine)",
        "",
        f"| this assistant with | training | first answer | first message after start | "
        f"RSS | p50 / p95 ms at {middle} users | p95 vs configured |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, entry, train_s in rows:
        load = entry["load"][middle]
        lines.append(
            f"| {label} | {f'{train_s} s' if train_s else 'same model'} | "
            f"{entry['first_answer_s']} s | {entry['cold_message_ms']} ms | {entry['rss_mb']} MB | "
            f"{load['p50_ms']} / {load['p95_ms']} | "
            f"{load['p95_ms'] / ours['load'][middle]['p95_ms']:.2f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per level")
    parser.add_argument("--levels", type=int, nargs="*", default=[1, 10, 50])
    parser.add_argument(
        "--no-variants",
        action="store_true",
        help="skip the earlier TensorFlow pipeline (DIET + TED)",
    )
    args = parser.parse_args()
    results = run(args.levels, args.requests, variants=not args.no_variants)
    out = ROOT / "reports" / "benchmarks"
    out.mkdir(parents=True, exist_ok=True)
    (out / "speed.json").write_text(json.dumps(results, indent=2))
    plot(results, ROOT / "benchmarks" / "results" / "latency.png")
    write_section("speed", markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
