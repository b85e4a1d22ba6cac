"""Text from data files reaches the page as text: markdown and HTML characters are escaped, links stay links."""

import dataclasses

from geo import panel
from geo.model import Source


def test_data_text_is_shown_literally(atlas):
    event = dataclasses.replace(atlas.events[0], title="<script>alert(1)</script> *bold* [x](http://y)")
    markdown = panel.event_markdown(event, atlas, "en")
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "\\*bold\\*" in markdown and "\\[x\\]\\(http" in markdown


def test_a_source_address_cannot_end_its_link_early(atlas):
    source = Source("s", "Report", "Local press", url="https://example.org/>) ![pixel](https://tracker.example/p.png")
    event = dataclasses.replace(atlas.events[0], source=source)
    markdown = panel.event_markdown(event, atlas, "en")
    link = markdown.split("Source: ")[1]
    assert link.count("](<") == 1 and ">)" not in link.split("](<")[1][:-2]
    assert "%3E" in link and "%20" in link
