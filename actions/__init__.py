"""Rasa SDK glue: read slots, call bot.*, return events. Every Action here is registered."""
