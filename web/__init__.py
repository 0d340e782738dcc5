"""The help page with the chat widget (Sanic), served beside the Rasa server."""
