"""Code that runs inside the Rasa server (NLU components, NLG, policy, tracker store,
channels, the start-up hook in server.py); the assistant's rules live in bot/."""
