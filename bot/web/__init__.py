"""The help page with the chat widget, served by Sanic (no Rasa imports)."""
