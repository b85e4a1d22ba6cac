"""Text as kept from a file: control characters removed (everything else literally), http(s) addresses, slugs."""

from __future__ import annotations

import re
from typing import Any

# Ids must match the schema's slug pattern; the same pattern tells a source id from a free-text source.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Control characters (C0, DEL, C1) except tab and newline, and the bidirectional overrides that can make text
# read differently from what it says ("Trojan Source", CVE-2021-42574). Everything else is kept literally.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The pattern below reads cells of up to 5 MB, so it may not try a run of characters more than one way: a host that
# cannot hold "/" then a path that may (possessive `*+`).
_WEB_URL = re.compile(r"https?://[^\s/<>\"'`\\][^\s<>\"'`\\]*+", re.IGNORECASE)


def clean_text(value: Any) -> Any:
    """`value` with control characters removed from every string in it (lists and dicts walked, depth-limited)."""
    return _clean(value, 0)


def _clean(value: Any, depth: int) -> Any:
    if isinstance(value, str):
        return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if depth > 20:  # event records are three levels deep; deeper nesting is left for the schema check to reject
        return value
    if isinstance(value, list):
        return [_clean(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {(_clean(k, depth + 1) if isinstance(k, str) else k): _clean(v, depth + 1) for k, v in value.items()}
    return value


def _web_url(url: Any) -> bool:
    # Only http(s): a javascript: or data: address would run when the link is clicked, escaped or not.
    # No spaces, quotes, angle brackets or backslashes: they could end a link early wherever it is written out.
    return isinstance(url, str) and _WEB_URL.fullmatch(url) is not None
