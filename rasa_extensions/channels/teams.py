"""Microsoft Teams through the Bot Framework, secure and offline-testable.

Rasa's connector (rasa/core/channels/botframework.py) cannot serve a bot created today:
its outgoing token comes from the multi-tenant tenant only, a failed token request still
posts without authorisation, the incoming token is checked for signature, audience and
expiry only, keys and tokens are fetched with blocking calls (the keys already when the
server starts, so it cannot start offline), and buttons cannot be clicked. Its
BotFrameworkInput fetches keys in __init__, so this channel does not inherit it.

Here:
- Incoming: the JWT must be RS256 (other algorithms are refused before any key is used),
  signed by a key of the Bot Framework's OpenID metadata, issued by
  https://api.botframework.com for this app id, unexpired (five minutes' leeway), with a
  `serviceUrl` claim equal to the activity's, and the key endorsed for the activity's
  channel where the key lists endorsements. Keys are fetched without blocking, cached
  and refreshed (daily, and when an unknown key id appears).
- Outgoing: a token for the app from the single tenant AIDN_TEAMS_TENANT_ID, or the
  multi-tenant one when it is unset; cached until it expires. No token, no post: the
  error is logged.
- Buttons are card actions (messageBack) that post their payload back; a clicked button
  or an Adaptive Card submit arrives as that payload. `<at>Bot</at>` mentions are
  stripped. A welcome goes to members added to a conversation. One conversation per
  user and chat; the tenant id is in the message's metadata.
- Replies are Teams markdown with tap-to-call and mailto links (bot.formatting).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import aiohttp
import jwt
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.formatting import teams_markdown
from rasa_extensions.channels.entry import Turn, guarded

logger = logging.getLogger(__name__)
ISSUER = "https://api.botframework.com"
SCOPE = "https://api.botframework.com/.default"
MULTI_TENANT = "botframework.com"
DEFAULT_LOGIN_URL = "https://login.microsoftonline.com"
DEFAULT_OPENID_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
ALGORITHMS = ["RS256"]
LEEWAY_SECONDS = 300
KEYS_MAX_AGE = 24 * 3600
TIMEOUT = aiohttp.ClientTimeout(total=10)
TENANT_METADATA = "teams_tenant_id"


class TokenUnavailableError(Exception):
    pass


class AppToken:
    """The app's token for the Bot Framework, from its tenant, cached until it expires."""

    def __init__(self, app_id: str, password: str, tenant: str, login_url: str) -> None:
        self.url = f"{login_url.rstrip('/')}/{tenant}/oauth2/v2.0/token"
        self.form = {
            "grant_type": "client_credentials",
            "client_id": app_id,
            "client_secret": password,
            "scope": SCOPE,
        }
        self._token: str | None = None
        self._expires = 0.0
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        async with self._lock:
            if self._token is None or time.monotonic() > self._expires:
                try:
                    async with (
                        aiohttp.ClientSession(timeout=TIMEOUT) as session,
                        session.post(self.url, data=self.form) as answer,
                    ):
                        answer.raise_for_status()
                        body = await answer.json(content_type=None)
                    self._token = str(body["access_token"])
                    self._expires = time.monotonic() + int(body.get("expires_in", 3600)) - 60
                except Exception as error:
                    self._token = None
                    raise TokenUnavailableError(f"{type(error).__name__}: {error}") from error
            return self._token


class SigningKeys:
    """The Bot Framework's signing keys (JWKS), fetched without blocking and cached."""

    def __init__(self, openid_url: str) -> None:
        self.openid_url = openid_url
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched = 0.0
        self._lock = asyncio.Lock()

    async def key(self, key_id: str) -> dict[str, Any] | None:
        stale = time.monotonic() - self._fetched > KEYS_MAX_AGE
        # An unknown key id refreshes the keys, at most once a minute.
        unknown = key_id not in self._keys and time.monotonic() - self._fetched > 60
        if stale or unknown:
            async with self._lock:
                await self._refresh()
        return self._keys.get(key_id)

    async def _refresh(self) -> None:
        try:
            async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
                async with session.get(self.openid_url) as answer:
                    answer.raise_for_status()
                    jwks_uri = (await answer.json(content_type=None))["jwks_uri"]
                async with session.get(jwks_uri) as answer:
                    answer.raise_for_status()
                    keys = (await answer.json(content_type=None))["keys"]
            self._keys = {key["kid"]: key for key in keys if "kid" in key}
            self._fetched = time.monotonic()
        except Exception as error:  # keep the keys we have; refuse what we cannot check
            logger.error("Teams: could not fetch the Bot Framework's signing keys: %s", error)


async def verified_claims(
    authorization: str, activity: dict[str, Any], app_id: str, keys: SigningKeys
) -> dict[str, Any] | None:
    """The token's claims when it is valid for this activity, else None (and why, logged)."""
    if not authorization.startswith("Bearer "):
        logger.warning("Teams: request without a bearer token refused")
        return None
    token = authorization[len("Bearer ") :]
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") not in ALGORITHMS:
            raise jwt.InvalidAlgorithmError(f"algorithm {header.get('alg')!r} is not allowed")
        jwk = await keys.key(str(header.get("kid")))
        if jwk is None:
            raise jwt.InvalidKeyError("unknown signing key")
        claims: dict[str, Any] = jwt.decode(
            token,
            jwt.PyJWK(jwk).key,
            algorithms=ALGORITHMS,
            audience=app_id,
            issuer=ISSUER,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iss", "aud"]},
        )
    except jwt.PyJWTError as error:
        logger.warning("Teams: token refused: %s", error)
        return None
    if str(claims.get("serviceUrl", "")).rstrip("/") != str(activity.get("serviceUrl", "")).rstrip(
        "/"
    ):
        logger.warning("Teams: token refused: its serviceUrl is not the activity's")
        return None
    endorsements = jwk.get("endorsements")
    if endorsements is not None and activity.get("channelId") not in endorsements:
        logger.warning("Teams: token refused: key not endorsed for %r", activity.get("channelId"))
        return None
    return claims


class TeamsBot(OutputChannel):
    """Replies to one activity, with the app's token; no token, no post."""

    @classmethod
    def name(cls) -> str:
        return "teams"

    def __init__(self, activity: dict[str, Any], token: AppToken) -> None:
        super().__init__()
        self.activity, self.token = activity, token
        service_url = str(activity["serviceUrl"]).rstrip("/")
        conversation = activity["conversation"]["id"]
        self.url = f"{service_url}/v3/conversations/{conversation}/activities"
        if activity.get("type") == "message" and activity.get("id"):
            self.url += f"/{activity['id']}"  # a reply to the user's message

    async def _post(self, reply: dict[str, Any]) -> None:
        try:
            token = await self.token.get()
        except TokenUnavailableError as error:
            logger.error("Teams: no token for the reply, so it is not posted: %s", error)
            return
        body = {
            "type": "message",
            "from": self.activity.get("recipient"),
            "recipient": self.activity.get("from"),
            "conversation": self.activity.get("conversation"),
            "replyToId": self.activity.get("id"),
            **reply,
        }
        try:
            async with (
                aiohttp.ClientSession(timeout=TIMEOUT) as session,
                session.post(
                    self.url, json=body, headers={"Authorization": f"Bearer {token}"}
                ) as answer,
            ):
                if answer.status >= 300:
                    logger.error("Teams: the connector answered %s to a reply", answer.status)
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("Teams: the reply could not be posted: %s", error)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post({"text": teams_markdown(text), "textFormat": "markdown"})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        actions = [
            {
                "type": "messageBack",
                "title": button["title"],
                "displayText": button["title"],
                "text": button["title"],
                "value": {"payload": button["payload"]},
            }
            for button in buttons
        ]
        await self._post(
            {
                "text": teams_markdown(text),
                "textFormat": "markdown",
                "attachments": [
                    {
                        "contentType": "application/vnd.microsoft.card.hero",
                        "content": {"buttons": actions},
                    }
                ],
            }
        )


def message_text(activity: dict[str, Any]) -> str:
    """What the user said: a button's or card's payload, else the text without mentions."""
    value = activity.get("value")
    if isinstance(value, dict) and isinstance(value.get("payload"), str):
        return value["payload"]
    text = str(activity.get("text") or "")
    for entity in activity.get("entities") or []:
        if entity.get("type") == "mention" and entity.get("text"):
            text = text.replace(str(entity["text"]), " ")
    return " ".join(text.split())


class TeamsInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "teams"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials is not None
        return cls(
            app_id=credentials["app_id"],
            app_password=credentials["app_password"],
            tenant_id=credentials.get("tenant_id") or MULTI_TENANT,
            login_url=credentials.get("login_url") or DEFAULT_LOGIN_URL,
            openid_url=credentials.get("openid_url") or DEFAULT_OPENID_URL,
        )

    def __init__(
        self, app_id: str, app_password: str, tenant_id: str, login_url: str, openid_url: str
    ) -> None:
        self.app_id = app_id
        self.keys = SigningKeys(openid_url)
        self.token = AppToken(app_id, app_password, tenant_id, login_url)
        self._background: set[asyncio.Task[Any]] = set()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guarded(on_new_message, keep_metadata=(TENANT_METADATA,))
        teams_webhook = Blueprint("teams_webhook", __name__)

        @teams_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @teams_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            try:
                activity = request.json
            except Exception:
                activity = None
            if not isinstance(activity, dict) or not activity.get("serviceUrl"):
                return response.text("not an activity", status=HTTPStatus.BAD_REQUEST)
            authorization = request.headers.get("Authorization", "")
            if await verified_claims(authorization, activity, self.app_id, self.keys) is None:
                return response.text("unauthorized", status=HTTPStatus.UNAUTHORIZED)
            for person, text in self._turns(activity):
                self._start_turn(handle, activity, person, text)
            return response.empty(status=HTTPStatus.OK)

        return teams_webhook

    def _turns(self, activity: dict[str, Any]) -> list[tuple[str, str]]:
        """(who, what) to hand to the assistant for this activity."""
        if activity.get("type") == "message":
            text = message_text(activity)
            return [(str((activity.get("from") or {}).get("id")), text)] if text else []
        if activity.get("type") == "conversationUpdate":  # a welcome for each new member
            bot = (activity.get("recipient") or {}).get("id")
            added = [m for m in activity.get("membersAdded") or [] if m.get("id") != bot]
            return [(str(member.get("id")), "/greet") for member in added]
        return []

    def _start_turn(
        self,
        handle: Turn,
        activity: dict[str, Any],
        person: str,
        text: str,
    ) -> None:
        tenant = (activity.get("conversation") or {}).get("tenantId") or (
            (activity.get("channelData") or {}).get("tenant") or {}
        ).get("id")
        conversation = f"teams-{tenant}-{activity['conversation']['id']}-{person}"
        message = UserMessage(
            text,
            TeamsBot(activity, self.token),
            conversation,
            input_channel=self.name(),
            metadata={TENANT_METADATA: tenant},
        )
        task: asyncio.Task[Any] = asyncio.create_task(
            handle(message)
        )  # the Bot Framework wants a quick 200
        self._background.add(task)
        task.add_done_callback(self._background.discard)
