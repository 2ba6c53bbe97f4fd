"""Benchmarks: `python -m bench.run` (or `make bench`)."""
