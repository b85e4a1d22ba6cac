"""Wall-clock timing for the benchmarks, in milliseconds: one call, each call of a wrapped function, the median of N.

Standard library only, so a benchmark may import it before what it times (bench.profile_rerun times the page's
imports in a fresh process; bench.common would import folium and shapely first).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def call_ms(work: Callable[[], T]) -> tuple[T, float]:
    """What `work()` returns, and how long it took."""
    start = time.perf_counter()
    result = work()
    return result, (time.perf_counter() - start) * 1000


def timed(function: Callable[..., T], record: Callable[[float], Any]) -> Callable[..., T]:
    """`function`, handing each call's time to `record`, also when the call raises (to patch a step in place)."""

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            record((time.perf_counter() - start) * 1000)

    return wrapper


def median_ms(work: Callable[[], Any], repeats: int) -> float:
    """The median time of `repeats` calls of `work()`: one slow call on a busy machine does not move it."""
    return statistics.median(call_ms(work)[1] for _ in range(repeats))
