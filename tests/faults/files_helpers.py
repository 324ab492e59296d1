"""Helpers for the file, cache and disk fault tests (``test_files_*.py``): a workspace of
small fictional documents, special files, the CLI in a subprocess, and small real
filesystems (tmpfs) for full-disk and read-only runs."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

MEMO = ("OFFICE OF THE DISTRICT ATTORNEY, ALDER COUNTY\n\nMEMORANDUM\n\nThis office will no "
        "longer charge simple possession of a controlled substance when naloxone was given "
        "at the scene. Sample text written for these tests.\n")
STATUTE = ("SECTION 4-210. Good Samaritan immunity.\n\n(a) A person who seeks medical help "
           "for an overdose shall not be charged with possession. Sample text for tests.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def small_workspace(root: Path) -> Path:
    """A workspace with two plain-text documents."""
    write(root / "memos" / "possession-memo.txt", MEMO)
    write(root / "statutes" / "good-samaritan.txt", STATUTE)
    return root


def run_cli(*args: str | os.PathLike[str], home: Path, timeout: float = 60,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess (``timeout`` guards against hangs: a hang is a failure
    with the command named, not a stuck test run)."""
    full_env = {**os.environ, "POLICY_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                **(env or {})}
    full_env.pop("POLICY_READER_WORKSPACE", None)
    argv = [sys.executable, "-m", "reader", *(os.fspath(a) for a in args)]
    try:
        return subprocess.run(argv, capture_output=True, text=True, cwd=REPO, env=full_env,
                              timeout=timeout, errors="replace")
    except subprocess.TimeoutExpired:
        pytest.fail(f"policy-reader {' '.join(map(str, args))} hung (no answer in {timeout} s)")


def run_cli_many(*commands: list[str | os.PathLike[str]], home: Path, timeout: float = 60,
                 ) -> list[subprocess.CompletedProcess[str]]:
    """Several independent CLI commands at once (each in its own process, as a person with
    several terminals would run them); their results in order."""
    env = {**os.environ, "POLICY_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("POLICY_READER_WORKSPACE", None)
    procs = [subprocess.Popen([sys.executable, "-m", "reader", *(os.fspath(a) for a in args)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              errors="replace", cwd=REPO, env=env) for args in commands]
    results = []
    try:
        for args, proc in zip(commands, procs, strict=True):
            try:
                out, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                pytest.fail(f"policy-reader {' '.join(map(str, args))} hung "
                            f"(no answer in {timeout} s)")
            results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def no_traceback(proc: subprocess.CompletedProcess[str]) -> str:
    """The combined output, asserting it holds no Python traceback or logging stack."""
    out = proc.stdout + proc.stderr
    assert "Traceback" not in out, out
    assert "--- Logging error ---" not in out, out
    return out


def make_fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no named pipes")
    os.mkfifo(path)
    return path


@contextlib.contextmanager
def unix_socket(path: Path) -> Iterator[Path]:
    """A listening Unix socket at ``path`` (short paths only: the limit is ~100 bytes)."""
    if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > 100:
        pytest.skip("no Unix socket possible here")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(os.fspath(path))
        sock.listen(1)
        yield path
    finally:
        sock.close()


def non_utf8_name(stem: bytes = b"caf\xe9", suffix: bytes = b".txt") -> str:
    """A file name that is not valid UTF-8 (Latin-1 'café'), as Python spells it."""
    if sys.platform in ("darwin", "win32"):
        pytest.skip("this platform's file systems only take valid Unicode names")
    return os.fsdecode(stem + suffix)


# -- small real filesystems ------------------------------------------------------------------
def _mount_allowed() -> str:
    if not sys.platform.startswith("linux"):
        return "mounting a small filesystem is only done on Linux"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (or a user namespace), which this run does not have"
    return ""


@contextlib.contextmanager
def tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    """A real tmpfs of ``size_kb`` KiB mounted at ``where`` (skips where not permitted)."""
    why = _mount_allowed()
    if why:
        pytest.skip(why)
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755",
                           "tmpfs", str(where)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount_read_only(where: Path) -> None:
    done = subprocess.run(["mount", "-o", "remount,ro", str(where)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")


def fill_disk(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem holding ``folder`` until at most ``leave`` bytes are free."""
    filler = folder / f"filler-{uuid.uuid4().hex[:6]}"
    with open(filler, "wb") as fh:
        block = b"\0" * 65536
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave:
                break
            try:
                fh.write(block[:max(1, min(len(block), free - leave))])
                fh.flush()
            except OSError:
                break
    return filler
