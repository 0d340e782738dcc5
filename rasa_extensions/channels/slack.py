"""Slack: Rasa's connector (rasa/core/channels/slack.py) with what a real workspace needs.

Kept from Rasa: the signature check (HMAC-SHA256 of the body with the signing secret, a
five-minute window for the timestamp) and the clean-up of mentions in the text.

Changed:
- Every event is handled once: Slack's retries (whatever their reason), a replayed
  request, and the two events one mention gives a bot subscribed to both `message` and
  `app_mention` (remembered in Redis when configured, so across Rasa servers; `seen.py`).
- Slack gets its 200 at once; the turn runs after it (Slack retries after 3 s).
- A reply goes where the user wrote: into the thread if the message was in one, else at
  the top level. One conversation per user and channel, and per thread in a thread.
- Replies are mrkdwn with tap-to-call and mailto links (bot.formatting); buttons are
  Block Kit buttons with an action_id (up to 25, Slack's limit); no legacy `as_user` and
  no bogus `type` argument. A clicked message is updated: its buttons are replaced by
  what was chosen, so they cannot be clicked again.
- The Web API's base URL is a setting (AIDN_SLACK_API_URL), for a proxy or a test fake.
- Messages pass the channels' gate (entry.py) like every other channel's.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.formatting import slack_mrkdwn
from rasa_extensions.channels.entry import Turn, guarded
from rasa_extensions.channels.seen import SeenEvents

logger = logging.getLogger(__name__)
DEFAULT_API_URL = "https://slack.com/api/"
MAX_BUTTONS = 25  # Block Kit's limit for one actions block


class AidnSlackBot(OutputChannel):
    """Posts to one Slack channel, in one thread or at the top level."""

    @classmethod
    def name(cls) -> str:
        return "slack"

    def __init__(self, client: AsyncWebClient, channel: str, thread_ts: str | None) -> None:
        super().__init__()
        self.client, self.channel, self.thread_ts = client, channel, thread_ts

    async def _post(self, text: str, blocks: list[dict[str, Any]] | None = None) -> None:
        arguments: dict[str, Any] = {"channel": self.channel, "text": text}
        if blocks:
            arguments["blocks"] = blocks
        if self.thread_ts:
            arguments["thread_ts"] = self.thread_ts
        await self.client.chat_postMessage(**arguments)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._post(slack_mrkdwn(text))

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        formatted = slack_mrkdwn(text)
        elements = [
            {
                "type": "button",
                "action_id": f"aidn_button_{number}",
                "text": {"type": "plain_text", "text": str(button["title"])[:75]},
                "value": str(button["payload"])[:2000],
            }
            for number, button in enumerate(buttons[:MAX_BUTTONS])
        ]
        await self._post(
            formatted,
            [
                {"type": "section", "text": {"type": "mrkdwn", "text": formatted}},
                {"type": "actions", "block_id": "aidn_buttons", "elements": elements},
            ],
        )


class AidnSlackInput(SlackInput):
    @classmethod
    def name(cls) -> str:
        return "slack"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        assert credentials is not None
        return cls(
            credentials["slack_token"],
            slack_signing_secret=credentials["slack_signing_secret"],
            api_url=credentials.get("api_url") or DEFAULT_API_URL,
        )

    def __init__(
        self, slack_token: str, slack_signing_secret: str, api_url: str = DEFAULT_API_URL
    ) -> None:
        super().__init__(slack_token, slack_signing_secret=slack_signing_secret)
        self.api_url = api_url
        self._client: AsyncWebClient | None = None
        self._seen: SeenEvents | None = None

    @property
    def client(self) -> AsyncWebClient:  # made on first use, in the server's event loop
        if self._client is None:
            self._client = AsyncWebClient(self.slack_token, base_url=self.api_url)
        return self._client

    @property
    def seen(self) -> SeenEvents:
        if self._seen is None:
            self._seen = SeenEvents()
        return self._seen

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guarded(on_new_message, keep_metadata=())
        slack_webhook = Blueprint("aidn_slack_webhook", __name__)

        @slack_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @slack_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                return response.text("invalid signature", status=HTTPStatus.UNAUTHORIZED)
            signature = request.headers.get("X-Slack-Signature", "")
            if not await self.seen.first_time(f"slack-signature:{signature}"):
                return response.text("replayed request", status=HTTPStatus.UNAUTHORIZED)
            try:
                if request.headers.get("content-type", "").startswith("application/json"):
                    return await self._event(request.json or {}, handle)
                payload = json.loads(request.form.get("payload", "{}"))
                return await self._interaction(payload, handle)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                logger.warning("Slack: a request that is not a known event (%s)", error)
                return response.text("not understood", status=HTTPStatus.BAD_REQUEST)

        return slack_webhook

    async def _event(self, body: dict[str, Any], handle: Turn) -> HTTPResponse:
        if body.get("type") == "url_verification":
            return response.json({"challenge": body.get("challenge")})
        event = body.get("event") or {}
        wanted = event.get("type") == "app_mention" or (
            event.get("type") == "message" and event.get("channel_type") == "im"
        )
        from_a_person = not (event.get("bot_id") or event.get("subtype")) and event.get("user")
        if body.get("type") != "event_callback" or not wanted or not from_a_person:
            return response.text("")
        # A retry has the same event id; one mention can come as two events with the
        # same message (channel and ts).
        first = await self.seen.first_time(f"slack-event:{body.get('event_id')}")
        if not first or not await self.seen.first_time(
            f"slack-message:{event['channel']}:{event['ts']}"
        ):
            return response.text("")
        thread = event.get("thread_ts")  # a reply in a thread stays in it
        bot_users = [a.get("user_id") for a in body.get("authorizations") or []]
        text = self._sanitize_user_message(event.get("text") or "", bot_users)
        self._start_turn(handle, text, body.get("team_id"), event, thread)
        return response.text("")

    async def _interaction(self, payload: dict[str, Any], handle: Turn) -> HTTPResponse:
        actions = payload.get("actions") or []
        if payload.get("type") != "block_actions" or not actions or "value" not in actions[0]:
            return response.text("")
        action, message = actions[0], payload.get("message") or {}
        channel = (payload.get("channel") or {}).get("id") or payload["container"]["channel_id"]
        if not await self.seen.first_time(f"slack-action:{channel}:{action.get('action_ts')}"):
            return response.text("")
        event = {"channel": channel, "user": payload["user"]["id"], "ts": message.get("ts")}
        thread = message.get("thread_ts")
        self._start_turn(
            handle, action["value"], (payload.get("team") or {}).get("id"), event, thread
        )
        await self._show_choice(channel, message, action)
        return response.text("")

    def _start_turn(
        self,
        handle: Turn,
        text: str,
        team: str | None,
        event: dict[str, Any],
        thread: str | None,
    ) -> None:
        conversation = f"slack-{team}-{event['channel']}-{event['user']}"
        if thread:
            conversation += f"-{thread}"
        message = UserMessage(
            text,
            AidnSlackBot(self.client, event["channel"], thread),
            conversation,
            input_channel=self.name(),
        )
        task: asyncio.Task[Any] = asyncio.create_task(
            handle(message)
        )  # Slack wants its 200 within 3 s
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    async def _show_choice(
        self, channel: str, message: dict[str, Any], action: dict[str, Any]
    ) -> None:
        """The clicked message without its buttons, and what was chosen."""
        chosen = (action.get("text") or {}).get("text") or action.get("value", "")
        kept = [b for b in message.get("blocks") or [] if b.get("type") != "actions"]
        note = {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": f"Valgt: {slack_mrkdwn(chosen)}"}],
        }
        try:
            await self.client.chat_update(
                channel=channel,
                ts=str(message.get("ts")),
                text=message.get("text") or chosen,
                blocks=[*kept, note],
            )
        except Exception as error:  # the answer matters more than the tidy message
            logger.warning("Slack: could not update the clicked message (%s)", error)
