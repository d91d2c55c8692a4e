"""The one rule that holds the shape (DESIGN.md section 2): dependencies point one way."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ["partnership", "taskgroups", "resettlement", "esol", "funding"]
# Which portal packages each app may import (besides itself).
ALLOWED = {
    "partnership": set(),
    "taskgroups": {"partnership"},
    "resettlement": {"partnership"},
    "esol": {"partnership", "funding"},
    "funding": {"partnership"},
}
PORTAL_PACKAGES = set(APPS) | {"lsmp"}
LOADERS = {"import_module", "import_string", "include"}


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    # Dotted paths passed to import_module(), import_string() or include() count too.
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in LOADERS:
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value.split(".")[0])
    return found & PORTAL_PACKAGES


@pytest.mark.parametrize("app", APPS)
def test_app_imports_only_what_it_may(app):
    offences = {}
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        wrong = _imported_packages(path) - ALLOWED[app] - {app}
        if wrong:
            offences[str(path.relative_to(ROOT))] = sorted(wrong)
    assert not offences, f"{app} imports packages it may not: {offences}"


def _falsy_post_fallbacks(path: Path) -> list[int]:
    """Lines with `request.POST or ...` / `request.FILES or ...`: an empty POST is falsy, so such a
    form is left unbound and the submission is silently ignored (see partnership/forms/binding.py)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return sorted({node.lineno for node in ast.walk(tree)
                  if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)
                  and any(isinstance(value, ast.Attribute) and value.attr in {"POST", "FILES"}
                          for value in node.values)})


def test_no_form_is_bound_with_post_or_none():
    offences = {}
    for app in [*APPS, "lsmp"]:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and (lines := _falsy_post_fallbacks(path)):
                offences[str(path.relative_to(ROOT))] = lines
    assert not offences, f"bind forms with form_data(request), not request.POST or None: {offences}"
