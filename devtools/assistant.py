"""The assistant's processes, started by the project's own scripts/serve.sh, for tests,
the conversation suite and benchmarks.

Each instance uses its own ports and var dir, so a running assistant is not disturbed.
"""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from devtools.processes import ProcessGroup

ROOT = Path(__file__).resolve().parents[1]
API_TOKEN = "e2e-test-token"


def say_over_rest(
    port: int,
    sender: str,
    message: str,
    metadata: dict[str, Any] | None = None,
    timeout: float = 60,
) -> list[dict[str, Any]]:
    """One message to the REST channel on 127.0.0.1:port; the bot's replies."""
    body: dict[str, Any] = {"sender": sender, "message": message}
    if metadata:
        body["metadata"] = metadata
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        replies: list[dict[str, Any]] = json.load(response)
        return replies


class Assistant:
    def __init__(
        self,
        var_dir: Path,
        action_url: str | None = None,
        ports: tuple[int, int, int] = (15005, 15055, 18080),
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.rasa_port, action_port, web_port = ports
        # Own ports and var dir; every other AIDN_ setting derives from them in env.sh.
        env = {key: value for key, value in os.environ.items() if not key.startswith("AIDN_")}
        env |= {
            "AIDN_RASA_PORT": str(self.rasa_port),
            "AIDN_ACTION_PORT": str(action_port),
            "AIDN_WEB_PORT": str(web_port),
            "AIDN_VAR_DIR": str(var_dir),
            "AIDN_RASA_API_TOKEN": API_TOKEN,
        } | (extra_env or {})
        if action_url:
            env["AIDN_ACTION_ENDPOINT_URL"] = action_url
        self.web_url = f"http://127.0.0.1:{web_port}"
        self.log = var_dir / "serve.out"
        var_dir.mkdir(parents=True, exist_ok=True)
        self.group = ProcessGroup(["bash", str(ROOT / "scripts" / "serve.sh")], ROOT, env, self.log)
        deadline = time.monotonic() + 400
        while "Press Ctrl-C" not in self.log.read_text():
            if not self.group.running() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("assistant did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(1)

    def say(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        return say_over_rest(self.rasa_port, sender, message, metadata)

    def texts(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, message))

    def tracker(self, sender: str) -> dict[str, Any]:
        url = (
            f"http://127.0.0.1:{self.rasa_port}/conversations/"
            f"{urllib.parse.quote(sender)}/tracker?token={API_TOKEN}"
        )
        with urllib.request.urlopen(url, timeout=30) as response:
            tracker: dict[str, Any] = json.load(response)
            return tracker

    def stop(self) -> None:
        self.group.stop()
