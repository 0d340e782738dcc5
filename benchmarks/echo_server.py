"""The floor for HTTP overhead: a Sanic endpoint shaped like Rasa's REST webhook that
echoes the message back. Usage: python -m benchmarks.echo_server PORT"""

import sys

from sanic import Sanic, response

app = Sanic("echo_floor")


@app.post("/webhooks/rest/webhook")
async def echo(request):
    body = request.json or {}
    return response.json([{"recipient_id": body.get("sender"), "text": body.get("message")}])


@app.get("/")
async def health(_):
    return response.text("ok")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False)
