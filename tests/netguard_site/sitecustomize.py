"""Imported at start-up by every Python process the tests start (tests/conftest.py puts
this folder first on PYTHONPATH): the network guard of tests/netguard.py, for the whole
process. Loaded by its path, so nothing is added to the process's sys.path; a
``sitecustomize`` this one shadows (a distribution's) is run after it."""

import importlib.util
import sys
from pathlib import Path


def _run(name: str, path: Path) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_here = Path(__file__).resolve().parent
_guard = _run("_policy_reader_netguard", _here.parent / "netguard.py")
getattr(_guard, "install_for_process")()  # noqa: B009 (a module loaded by path)
for _entry in sys.path[1:]:
    _other = Path(_entry or ".") / "sitecustomize.py"
    if _other.is_file() and _other.resolve().parent != _here:
        _run("_shadowed_sitecustomize", _other)
        break
