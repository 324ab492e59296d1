"""The core imports no Qt: every module outside ``reader/ui/`` is checked, both by reading
its imports and by importing it in a fresh interpreter."""

from __future__ import annotations

import ast
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
