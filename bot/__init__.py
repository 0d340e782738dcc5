"""Functional core of the Aidn help assistant: pure Python, no Rasa imports."""
