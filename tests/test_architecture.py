"""The UI libraries stay at the edge: the data rooms import neither streamlit nor folium."""

import ast

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
