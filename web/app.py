"""Sanic app: the demo "Hjelp og kontakt" page with the chat widget, its assets, /health.

The widget talks to Rasa's socketio channel at AIDN_SOCKET_URL. Contact facts reach the
page and the widget's offline message from bot.contacts, as JSON in the page.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from sanic import Sanic, response
from sanic.request import Request

from bot.contacts import CONTACTS, Contacts

STATIC = Path(__file__).resolve().parent / "static"
ROOT = Path(__file__).resolve().parents[1]
SOCKET_IO_CLIENT = ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; connect-src 'self' {socket} {socket_ws}; img-src 'self' data:; "
        "style-src 'self'; script-src 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def widget_config(contacts: Contacts, socket_url: str) -> dict:
    """What the widget needs: where Rasa is, and the lines to show when it is unreachable."""
    return {
        "socketUrl": socket_url,
        "offline": {
            "office": {"number": contacts.office_line.number, "hours": contacts.office_hours},
            "onCall": {"number": contacts.on_call_line.number, "hours": contacts.on_call_hours},
            "email": contacts.support_email,
        },
    }


def render_page(contacts: Contacts, socket_url: str) -> str:
    config = json.dumps(widget_config(contacts, socket_url), ensure_ascii=False)
    config = config.replace("<", "\\u003c")  # never closes the script element
    values = contacts.placeholders() | {
        "office_tel": contacts.office_line.tel_uri,
        "on_call_tel": contacts.on_call_line.tel_uri,
    }
    values = {key: html.escape(value) for key, value in values.items()}
    template = (STATIC / "index.html").read_text(encoding="utf-8")
    return template.format(config=config, **values)


def create_app(socket_url: str, name: str = "aidn_help_page") -> Sanic:
    app = Sanic(name)
    page = render_page(CONTACTS, socket_url)
    websocket_url = socket_url.replace("http", "ws", 1)
    headers = {
        key: value.format(socket=socket_url, socket_ws=websocket_url)
        for key, value in SECURITY_HEADERS.items()
    }

    @app.get("/")
    async def index(_: Request) -> response.HTTPResponse:
        return response.html(page, headers=headers)

    @app.get("/favicon.ico")
    async def favicon(_: Request) -> response.HTTPResponse:
        return response.empty()

    @app.get("/health")
    async def health(_: Request) -> response.HTTPResponse:
        return response.json({"status": "ok"})

    assets = {
        "/widget/widget.js": STATIC / "widget.js",
        "/widget/widget.css": STATIC / "widget.css",
        "/vendor/socket.io.min.js": SOCKET_IO_CLIENT,
    }

    async def asset(request: Request) -> response.HTTPResponse:
        return await response.file(assets[request.path], headers=headers)

    for path in assets:
        app.add_route(asset, path, methods=["GET"], name=path.strip("/").replace("/", "_"))

    return app


def main() -> None:
    port = int(os.environ.get("AIDN_WEB_PORT", "8080"))
    rasa_port = os.environ.get("AIDN_RASA_PORT", "5005")
    socket_url = os.environ.get("AIDN_SOCKET_URL", f"http://127.0.0.1:{rasa_port}")
    create_app(socket_url).run(host="127.0.0.1", port=port, access_log=False)


if __name__ == "__main__":
    main()
