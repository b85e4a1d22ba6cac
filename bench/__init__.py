"""Benchmark scripts behind `make bench` and `make bench-load` (`python -m bench` runs them; see the README's Performance)."""
