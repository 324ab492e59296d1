"""Two real launches on one workspace: the second hands its file to the first window (which
listens once it is on screen) and exits without a window of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO


class LogWatch:
    """Reads a running app's log (stderr, with -v) on a thread, so the app never blocks on a
    full pipe, and lets a test wait for a line."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()
        self.ended = False

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()
        with self._changed:
            self.ended = True
            self._changed.notify_all()

    def wait_for(self, words: str, timeout: float = 120) -> str:
        def found() -> str | None:
            return next((line for line in self.lines if words in line), None)

        with self._changed:
            self._changed.wait_for(lambda: found() is not None or self.ended, timeout)
            line = found()
        assert line is not None, f"no {words!r} in the app's log:\n{''.join(self.lines)[-3000:]}"
        return line


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes: the Qt path, not run here")
def test_a_second_launch_hands_its_file_to_the_first(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    memo = tmp_path / "downloads" / "clinic-hours.md"
    memo.parent.mkdir()
    memo.write_text("# Clinic Hours\n\nThe Eastside exchange opens at noon.\n", "utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    first = subprocess.Popen([sys.executable, "-m", "reader", "-v", "--workspace", str(ws)],
                             cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    log = LogWatch(first)
    address = ""
    try:
        address = log.wait_for("listening for second launches at ").split(" at ")[-1].strip()
        probe = tmp_path / "second.json"
        second = subprocess.run(
            [sys.executable, "-m", "reader", "--workspace", str(ws), "open", str(memo)],
            cwd=REPO, env={**env, "POLICY_READER_GUI_PROBE": str(probe)},
            capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        assert not probe.exists()  # no second window
        assert "handed over 1 file" in log.wait_for("handed over")
        assert first.poll() is None  # the first window goes on
    finally:
        first.terminate()  # (killed: its socket is left behind, as after a crash)
        first.wait(timeout=60)
        if address:
            Path(address).unlink(missing_ok=True)
