"""The one audited path for text that users control (an upload, a paste, a link, the shared store) into HTML and
script. Pure: no folium, no streamlit.

folium and branca compile templates with Jinja, and st_folium rewrites folium's variable names in the generated
script with regular expressions. User text therefore has to be inert for all three: HTML-escaped where it lands in
HTML, JSON-encoded where it lands in a script, and free of the characters Jinja (`{`, `}`) and st_folium's renaming
(`_` followed by an element id) act on, in either case. The encodings below are undone by the browser (an HTML
entity, a JSON string escape), so the user sees exactly the text that was written.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from markupsafe import Markup

# Inside a <script>: `<`, `>` and `&` could end the script or start a comment, `'` a string in an attribute;
# `{`/`}` are Jinja's; `_` starts the names st_folium renames. U+2028/9 end a line in older JavaScript engines.
_SCRIPT_ESCAPES = {c: f"\\u{ord(c):04x}" for c in "<>&'{}_\u2028\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&'{}_\u2028\u2029]")
# A JSON string literal: no nested quantifiers, so it matches in time linear in its length.
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_HTML_BRACES = {"{": "&#123;", "}": "&#125;"}


def html_text(value: str) -> str:
    """`value` as HTML text that shows literally: tags, quotes and template braces escaped."""
    return re.sub("[{}]", lambda m: _HTML_BRACES[m.group()], html.escape(value, quote=True))


def css_string(value: str) -> str:
    """`value` as a quoted CSS string: every character but letters, digits, space, `-` and `_` as a CSS escape, so
    nothing in it can end the string, the rule or the <style> element it stands in."""
    return '"' + re.sub(r"[^A-Za-z0-9 _-]", lambda m: f"\\{ord(m.group()):x} ", value) + '"'


def _inert_string(match: re.Match[str]) -> str:
    return _SCRIPT_UNSAFE.sub(lambda m: _SCRIPT_ESCAPES[m.group()], match.group())


def script_json(value: Any) -> Markup:
    """`value` as compact JSON that is safe inside a <script>, inside a Jinja template and through st_folium.

    Only characters inside JSON strings are escaped: the JSON's own braces stay, so the result is still JSON."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(_JSON_STRING.sub(_inert_string, text))
