"""The assistant's processes, started by the project's own scripts/serve.sh, for tests.

Each instance uses its own ports and var dir, so a running assistant is not disturbed.
"""

import json
import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_PORT, ACTION_PORT, WEB_PORT = 15005, 15055, 18080
API_TOKEN = "e2e-test-token"


def assistant_env(var_dir: Path) -> dict:
    """Own ports and var dir; every other AIDN_ setting derives from them in env.sh."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AIDN_")}
    return env | {
        "AIDN_RASA_PORT": str(RASA_PORT),
        "AIDN_ACTION_PORT": str(ACTION_PORT),
        "AIDN_WEB_PORT": str(WEB_PORT),
        "AIDN_VAR_DIR": str(var_dir),
        "AIDN_RASA_API_TOKEN": API_TOKEN,
    }


class Assistant:
    def __init__(self, var_dir: Path, action_url: str | None = None):
        env = assistant_env(var_dir)
        if action_url:
            env["AIDN_ACTION_ENDPOINT_URL"] = action_url
        self.web_url = f"http://127.0.0.1:{WEB_PORT}"
        self.log = var_dir / "serve.out"
        var_dir.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 400
        while "Press Ctrl-C" not in self.log.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail("assistant did not start:\n" + self.log.read_text()[-3000:])
            time.sleep(1)

    def say(self, sender: str, message: str) -> list[dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
            data=json.dumps({"sender": sender, "message": message}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def texts(self, sender: str, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(sender, message))

    def tracker(self, sender: str) -> dict:
        url = f"http://127.0.0.1:{RASA_PORT}/conversations/{sender}/tracker?token={API_TOKEN}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
