"""Components that run inside the Rasa server (NLU, NLG, policy); logic lives in bot/."""
