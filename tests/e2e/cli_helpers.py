"""Running the real CLI in a subprocess, as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, home: Path, timeout: float = 240,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # COLUMNS: tables are as wide as the terminal; a fixed width keeps titles whole whatever
    # terminal (or none, under parallel workers) the suite runs in.
    full_env = {**os.environ, "POLICY_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                "COLUMNS": "160", **(env or {})}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, cwd=REPO, env=full_env, timeout=timeout)
