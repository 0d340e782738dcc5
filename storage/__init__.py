"""Storage and delivery: what the assistant keeps for the support team (I/O lives here)."""
