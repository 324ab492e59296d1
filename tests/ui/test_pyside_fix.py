"""PySide6 6.12 (abi3) drops a reference to None on every void Qt call under Python 3.11;
importing reader.ui protects None so long sessions do not abort."""

from __future__ import annotations

import subprocess
import sys


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "import reader.ui\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "t = QTimer()\n"
        "for _ in range(100_000):\n"
        "    t.stop()\n"
        "print('alive')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "alive"
