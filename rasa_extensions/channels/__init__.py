"""The input channels this assistant serves, each passing its messages through one gate
(entry.guarded) where they arrive."""
