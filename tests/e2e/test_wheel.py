"""The built wheel works outside the checkout: it is built from a copy of the sources,
installed into a fresh virtual environment in a temporary folder (no network: the
environment sees the shared environment's dependencies through a ``.pth`` line, which does
not run that environment's editable install of this checkout), and run from there — the
version, indexing and searching the bundled sample corpus, and the window, offscreen."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("reader", "resources", "corpus", "pyproject.toml", "setup.py", "MANIFEST.in",
           "README.md", "main.py", "docs/search.md")


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: int = 300
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    src = root / "src"
    for name in SOURCES:
        s, d = REPO / name, src / name
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_dir():
            shutil.copytree(s, d, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))
        else:
            shutil.copy2(s, d)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps",
                  "--no-index", "-q", "-w", str(root / "whl"), str(src)], cwd=root, env=env)
    assert built.returncode == 0, built.stderr
    wheel = next((root / "whl").glob("policy_reader-*.whl"))
    venv = root / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], cwd=root, env=env)
    assert made.returncode == 0, made.stderr
    py = venv / "bin" / "python"
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=root, env=env).stdout.strip())
    # the shared environment's packages, as a plain path: its .pth files (the editable
    # install of this checkout among them) are not run
    (site / "shared-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    inst = _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                 str(wheel)], cwd=root, env=env)
    assert inst.returncode == 0, inst.stderr
    return venv


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "POLICY_READER_EXTRACT_CACHE")}
    env.update(POLICY_READER_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    return env


def test_the_installed_package_uses_its_own_data(installed: Path, tmp_path: Path) -> None:
    code = ("import json, reader, reader.paths as p; print(json.dumps([reader.__file__, "
            "str(p.resources_dir()), str(p.corpus_dir())]))")
    out = _run([str(installed / "bin" / "python"), "-c", code], cwd=tmp_path,
               env=_env(tmp_path))
    assert out.returncode == 0, out.stderr
    module, resources, corpus = json.loads(out.stdout)
    for path in (module, resources, corpus):
        assert Path(path).is_relative_to(installed), path
    assert (Path(resources) / "themes.json").is_file()
    assert (Path(resources) / "fonts" / "DejaVuSerif.ttf").is_file()
    assert (Path(resources) / "help" / "search.md").is_file()
    assert len(list(Path(corpus).rglob("*.pdf"))) >= 5


def test_the_cli_indexes_and_searches_the_bundled_corpus(installed: Path,
                                                        tmp_path: Path) -> None:
    exe = str(installed / "bin" / "policy-reader")
    env = _env(tmp_path)
    version = _run([exe, "--version"], cwd=tmp_path, env=env)
    assert version.returncode == 0 and version.stdout.startswith("policy-reader ")
    index = _run([exe, "-q", "index"], cwd=tmp_path, env=env, timeout=600)
    assert index.returncode == 0, index.stderr
    docs = json.loads(_run([exe, "docs", "--json"], cwd=tmp_path, env=env).stdout)
    assert len(docs) >= 15 and all(d["status"] == "ok" for d in docs)
    found = _run([exe, "search", "naloxone", "--json"], cwd=tmp_path, env=env)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] > 0
    probe = tmp_path / "probe.json"
    shown = _run([exe], cwd=tmp_path, env={**env, "POLICY_READER_GUI_PROBE": str(probe)},
                 timeout=120)
    assert shown.returncode == 0, shown.stderr
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["visible"] and record["library_rows"] == len(docs)
