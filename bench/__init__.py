"""Benchmark scripts behind `make bench` and `make bench-load` (see geo/bench.py and the README's Performance)."""
