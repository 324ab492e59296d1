"""A broken install of the web-page extractor, as an older pip left it (``lxml_html_clean``
missing): every page says so, the log has the traceback, nothing is read the wrong way,
and the page is read properly once the install is fixed."""

from __future__ import annotations

import os
from pathlib import Path

from tests.core.news_fixtures import NEWS
from tests.e2e.cli_helpers import run_cli


def test_missing_lxml_html_clean_is_reported_then_fixed(user_home: Path, workspace_dir: Path,
                                                        tmp_path: Path) -> None:
    broken = tmp_path / "broken-site-packages"
    broken.mkdir()
    (broken / "lxml_html_clean.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'lxml_html_clean'\", "
        "name='lxml_html_clean')\n", "utf-8")
    page = tmp_path / "wire.html"  # unique bytes: never in the shared extraction cache
    page.write_text((NEWS / "wire_service.html").read_text("utf-8")
                    + f"<!-- {tmp_path.name} -->\n", "utf-8")
    env = {"PYTHONPATH": os.pathsep.join([str(broken), os.environ.get("PYTHONPATH", "")])}

    out = run_cli("-w", str(workspace_dir), "add", str(page), home=user_home, env=env)
    assert out.returncode == 1
    assert ("1 not read (an extractor is not installed): the web page extractor is not "
            "installed correctly: the package 'lxml_html_clean' is missing") in out.stderr
    assert "    wire.html\n" in out.stderr  # the import's summary, file under reason
    assert "Traceback" not in out.stderr
    log = (user_home / "log" / "policy-reader.log").read_text("utf-8")
    assert "ERROR reader.extract.web.engine: web pages cannot be read" in log
    assert "Traceback" in log

    out = run_cli("-w", str(workspace_dir), "index", home=user_home)  # install fixed
    assert out.returncode == 0, out.stderr
    out = run_cli("-w", str(workspace_dir), "docs", home=user_home)
    assert "Federal judge blocks state ban" in out.stdout
    assert "extractor not installed" not in out.stdout
