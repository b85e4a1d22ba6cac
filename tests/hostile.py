"""Hostile text for the tests: what an upload, a paste or a link may carry to break out of text into code.

Each one must come out of every view and export exactly as written: never evaluated, never run, never lost.
"""

TEMPLATE_PAYLOADS = (
    "T{{ 7*7 }}T",  # a Jinja expression: plain folium shows T49T
    "{% for x in range(3) %}loop{% endfor %}",
    "{% if 2 > 1 %}{{ 'IF' ~ 'RAN' }}{% endif %}",  # a condition: evaluated, it shows IFRAN
    "{# a comment that never closes",
    "an unbalanced {{ x",
    "{{'map_div'}} and _div_0",  # what st_folium's own post-processing rewrites
)
MARKUP_PAYLOADS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "quotes \" ' and a backslash \\ and a `tick`",
)
PAYLOADS = TEMPLATE_PAYLOADS + MARKUP_PAYLOADS
# What a payload that had been evaluated would show instead of itself.
EVALUATED = ("T49T", "looplooploop", "IFRAN")
ONE_MB = ("{{ 7*7 }} <b>x</b> " * 60_000)[: 1024 * 1024]

CSV_COLUMNS = (
    "id",
    "date",
    "date_precision",
    "title",
    "summary",
    "places",
    "actors",
    "source",
    "date_note",
    "location",
)


def hostile_rows(one_mb: bool = True) -> list[dict[str, str]]:
    """Events CSV rows with a payload in every text field, each a located event in Lachin (they pass the importer),
    and one whose place is a payload (reported, not added). With `one_mb`, the last good row's summary is 1 MB."""
    rows = [
        {
            "id": f"hostile-{i}",
            "date": f"2021-02-{i + 1:02d}",
            "date_precision": "day",
            "title": f"title {text}",
            "summary": f"summary {text}",
            "places": "lachin",
            "actors": f"actor {text} (role {text})",
            "source": f"source {text}",
            "date_note": f"note {text}",
            # Apart on the map, in Lachin district: two columns 0.15° apart, rows 0.08° apart (markers never overlap).
            "location": f"{46.45 + 0.15 * (i % 2):.2f}, {39.50 + 0.08 * (i // 2):.2f}",
        }
        for i, text in enumerate(PAYLOADS)
    ]
    if one_mb:
        rows[-1]["summary"] = ONE_MB
    rows.append({**rows[0], "id": "hostile-place", "places": f"Lachin {TEMPLATE_PAYLOADS[0]}", "location": ""})
    return rows


def write_hostile_csv(path, one_mb: bool = True):
    """`hostile_rows` as a CSV file at `path`; returns the path."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(hostile_rows(one_mb))
    return path
