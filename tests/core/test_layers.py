"""The layers hold: the core imports no Qt (every module outside ``reader/ui/`` is checked,
both by reading its imports and by importing it in a fresh interpreter); the import-linter
contracts of ``pyproject.toml`` are kept (and catch a violation); no import cycles between
the packages of ``reader`` or between the sub-packages of ``reader.ui``."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "reader"


def core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py")
                  if "ui" not in p.relative_to(PACKAGE).parts and p.name != "__main__.py")


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
            names = [a.value for a in node.args if isinstance(a, ast.Constant)
                     and isinstance(a.value, str)]
        found += [n for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6",
                                                          "shiboken6"}
                  or n.startswith("reader.ui")]
    return found


def test_core_modules_do_not_import_qt_or_ui() -> None:
    offenders = {str(p.relative_to(REPO)): qt_imports(p) for p in core_modules()}
    # The CLI may start the GUI lazily, inside a function, when asked to.
    allowed = {"reader/cli/__init__.py", "reader/cli/app_cmds.py"}
    offenders = {k: v for k, v in offenders.items() if v and k not in allowed}
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    names = []
    for p in core_modules():
        rel = p.relative_to(REPO).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}:\n"
        "    importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""


def test_the_checker_catches_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport reader.ui.app\n")
    assert qt_imports(bad) == ["PySide6.QtCore", "reader.ui.app"]


# -- the layer contracts and import cycles -------------------------------------------------
def _lint_imports(cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the import-linter contracts of ``pyproject.toml`` over the ``reader`` in ``cwd``."""
    code = ("import sys\nfrom importlinter.cli import lint_imports\n"
            "sys.exit(lint_imports(no_cache=True, no_logo=True))\n")
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=120)


def test_the_layer_contracts_hold() -> None:
    out = _lint_imports(REPO)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("KEPT") == 3


def test_every_part_of_the_package_has_a_layer() -> None:
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["id"] == "layers")["layers"]
    named = {m.strip() for layer in layers for m in layer.replace(":", "|").split("|")}
    qt = next(c for c in config["contracts"] if c["id"] == "qt")["source_modules"]
    parts = {f"reader.{p.stem if p.is_file() else p.name}" for p in PACKAGE.iterdir()
             if (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
             or (p.is_dir() and (p / "__init__.py").exists())}
    assert parts - named == set()  # a new module or package needs its place in a layer
    assert parts - set(qt) == {"reader.ui"}  # and, outside reader.ui, the no-Qt contract


def test_the_contracts_catch_an_import_across_a_layer(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "reader", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path)
    (tmp_path / "reader/model/bad.py").write_text("from reader.search import schema\n")
    (tmp_path / "reader/ops/bad.py").write_text("from PySide6 import QtCore\n")
    (tmp_path / "reader/cli/bad.py").write_text("import reader.annotations.store\n")
    out = _lint_imports(tmp_path)
    assert out.returncode == 1
    report = out.stdout
    assert "reader.model.bad -> reader.search.schema" in report
    assert "reader.ops.bad -> PySide6" in report
    assert "reader.cli.bad -> reader.annotations.store" in report


def package_nodes(module: str) -> str:
    """What a cycle is counted between: the packages of ``reader`` (``reader.search``) and,
    inside ``reader.ui``, its sub-packages and modules (``reader.ui.widgets``)."""
    parts = module.split(".")
    depth = 3 if parts[:2] == ["reader", "ui"] else 2
    return ".".join(parts[:depth])


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The strongly connected groups (more than one node) of a directed graph (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_between_packages_or_ui_sub_packages() -> None:
    import grimp

    graph = grimp.build_graph("reader", cache_dir=None)
    edges = set()
    examples: dict[tuple[str, str], tuple[str, str]] = {}
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            a, b = package_nodes(module), package_nodes(imported)
            if a != b:
                edges.add((a, b))
                examples.setdefault((a, b), (module, imported))
    found = cycles(edges)
    detail = [[examples[e] for e in examples if e[0] in group and e[1] in group]
              for group in found]
    assert found == [], detail


def test_the_cycle_finder_finds_cycles() -> None:
    assert cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]
    assert cycles({("a", "b"), ("b", "c")}) == []
    assert package_nodes("reader.ui.widgets.themes_panel") == "reader.ui.widgets"
    assert package_nodes("reader.search.engine") == "reader.search"
