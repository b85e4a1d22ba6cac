"""The house rules: the UI libraries stay at the edge (the data rooms import neither streamlit nor folium), tests never
import each other, the README's code layout lists every module, and its pictures are there and small."""

import ast
import re

import pytest

from tests.conftest import ROOT

UI_LIBRARIES = {"streamlit", "streamlit_folium", "folium", "branca"}
OWNERS = {"streamlit": "geo/ui.py", "streamlit_folium": "geo/ui.py", "folium": "geo/mapping.py"}


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module.split(".")[0]


@pytest.mark.parametrize("module", sorted(str(p.relative_to(ROOT / "geo")) for p in (ROOT / "geo").rglob("*.py")))
def test_only_the_owner_imports_a_ui_library(module):
    path = ROOT / "geo" / module
    for library in set(_imports(path)) & UI_LIBRARIES:
        owner = OWNERS.get(library, "geo/mapping.py")
        assert f"geo/{module}" == owner, f"{module} imports {library}; only {owner} may"


def test_the_streamlit_script_stays_thin():
    assert len((ROOT / "streamlit_app.py").read_text(encoding="utf-8").splitlines()) < 30


def _full_imports(path):
    """The dotted names `path` imports, as written."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_tests_never_import_each_other():
    """Shared helpers live in helper modules (tests/conftest.py, tests/hostile.py, tests/e2e/pages.py), so that a
    test file can change or go without breaking another."""
    tangled = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "tests").rglob("*.py")
        for name in _full_imports(path)
        if name.split(".")[-1].startswith("test_")
    }
    assert not tangled, sorted(tangled)


# The folders whose every module has a line in the README's "Code layout" tree.
LAID_OUT = ("geo", "bench", "tests")


def _layout_tree() -> set[str]:
    """The paths the README's "Code layout" block lists, read from its indentation (two spaces a level)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Code layout", 1)[1]
    block = section.split("```\n", 2)[1]
    paths, folders = set(), []
    for line in block.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        folders = folders[:depth]
        if name.endswith("/"):
            folders.append(name)
        paths.add("".join(folders[:depth]) + name)
    return paths


def test_the_readme_code_layout_lists_every_module_and_only_those():
    listed = {p for p in _layout_tree() if p.endswith(".py") and p.split("/")[0] in LAID_OUT}
    modules = {
        str(p.relative_to(ROOT))
        for folder in LAID_OUT
        for p in (ROOT / folder).rglob("*.py")
        if "data" not in p.relative_to(ROOT).parts  # tests/data holds datasets, not modules
    }
    assert not modules - listed, f"add one line each to the README's Code layout: {sorted(modules - listed)}"
    assert not listed - modules, f"listed in the README's Code layout but gone: {sorted(listed - modules)}"


# bench.screenshot stores the README's pictures with a palette; the browser's own PNGs were 240-290 KB each.
MAX_PICTURE_BYTES = 150_000


def test_the_readmes_pictures_are_in_the_repository_and_small():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pictures = set(re.findall(r'(?:\]\(|src=")(docs/[^)"]+)', readme))
    # What bench.screenshot writes, both sizes of the map and the Commitments view, each shown.
    assert {"docs/screenshot.png", "docs/phone.png", "docs/commitments.png"} <= pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), f"the README shows {picture}, which is not there"
        assert (ROOT / picture).stat().st_size <= MAX_PICTURE_BYTES, f"{picture}: run python -m bench.screenshot"
