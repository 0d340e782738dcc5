"""Local fakes on 127.0.0.1 for what lies outside this machine: Slack's Web API and
Microsoft's token, OpenID/JWKS and Bot Framework connector endpoints. The channels are
pointed at them by their settings (AIDN_SLACK_API_URL, AIDN_TEAMS_LOGIN_URL,
AIDN_TEAMS_OPENID_URL, and the activity's serviceUrl), the way a deployment points them
at the real ones. Each fake records what it received."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_ID = "fake-signing-key"


class _Fake:
    """A threaded HTTP server whose handler calls `self.answer(method, path, body)`."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, answer = fake.answer(method, self.path, dict(self.headers), body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def record(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self.received.append(entry)

    def wait_for(self, count: int, timeout: float = 30) -> list[dict[str, Any]]:
        """The first `count` recorded requests, waiting up to `timeout` seconds for them."""
        deadline = time.monotonic() + timeout
        while len(self.received) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return list(self.received)

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        raise NotImplementedError

    def stop(self) -> None:
        self.server.shutdown()


class FakeSlack(_Fake):
    """Slack's Web API: chat.postMessage and chat.update, recorded with their arguments."""

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        if headers.get("Content-Type", "").startswith("application/json"):
            arguments = json.loads(body or b"{}")
        else:
            arguments = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        method_name = path.rsplit("/", 1)[-1]
        self.record(
            {"method": method_name, "auth": headers.get("Authorization"), "args": arguments}
        )
        return 200, {"ok": True, "channel": arguments.get("channel"), "ts": f"{time.time():.6f}"}

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"


class FakeMicrosoft(_Fake):
    """Microsoft's login (tokens per tenant), the Bot Framework's OpenID metadata and
    signing keys, and a Bot Framework connector that records the replies posted to it."""

    def __init__(self, endorsements: tuple[str, ...] = ("msteams",)) -> None:
        self.private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.private_key.public_key()))
        self.jwks = {
            "keys": [jwk | {"kid": KEY_ID, "use": "sig", "endorsements": list(endorsements)}]
        }
        self.token_endpoint_up = True
        self.tokens_issued: list[str] = []
        super().__init__()

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, Any]:
        if path.endswith("/oauth2/v2.0/token"):
            tenant = path.strip("/").split("/")[0]
            if not self.token_endpoint_up:
                return 503, {"error": "temporarily_unavailable"}
            self.tokens_issued.append(tenant)
            return 200, {"access_token": f"token-for-{tenant}", "expires_in": 3600}
        if path == "/openid":
            return 200, {"issuer": "https://api.botframework.com", "jwks_uri": f"{self.url}/keys"}
        if path == "/keys":
            return 200, self.jwks
        if path.startswith("/v3/conversations/"):
            self.record(
                {"path": path, "auth": headers.get("Authorization"), "activity": json.loads(body)}
            )
            return 200, {"id": "reply-1"}
        return 404, {"error": "not found"}

    @property
    def openid_url(self) -> str:
        return f"{self.url}/openid"

    def token(self, claims: dict[str, Any], algorithm: str = "RS256", key: Any = None) -> str:
        """A Bot Framework token signed with this fake's key (or `key`)."""
        signing_key = key if key is not None else self.private_key
        return jwt.encode(claims, signing_key, algorithm=algorithm, headers={"kid": KEY_ID})
