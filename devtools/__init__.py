"""Helpers the tests and the benchmarks share (never imported by the assistant itself)."""
