"""The bundle's ELF packer (packaging/elf_pack.py) takes the 2 MB zero padding out of the
libraries in the tesserocr wheel: the packed copy is much smaller, holds the same bytes at
the same addresses, still loads, and a second pass leaves it alone; files it does not
understand are never touched."""

from __future__ import annotations

import ctypes
import platform
import shutil
import struct
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import elf_pack  # noqa: E402

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.machine() != "x86_64",
    reason="the packer works on x86-64 Linux libraries only")


def _wheel_libs() -> Path:
    import tesserocr  # noqa: F401  (its wheel brings the padded libraries)

    site = Path(sys.modules["tesserocr"].__file__ or "").parent.parent  # site-packages
    libs = site / "tesserocr.libs"
    if not libs.is_dir():
        pytest.skip("this tesserocr install has no bundled libraries")
    return libs


def test_a_padded_library_is_packed_and_still_loads(tmp_path: Path) -> None:
    libs = tmp_path / "libs"
    shutil.copytree(_wheel_libs(), libs)
    webp = next(libs.glob("libwebp-*.so*"))
    mux = next(libs.glob("libwebpmux-*.so*"))
    before = mux.read_bytes()
    saved = elf_pack.pack(mux)
    after = mux.read_bytes()
    assert saved > 1_000_000 and len(after) == len(before) - saved
    assert elf_pack._same(elf_pack._Elf(before), elf_pack._Elf(after))
    elf_pack.pack(webp)
    ctypes.CDLL(str(webp))  # the dependency first (by path, as its RUNPATH would)
    lib = ctypes.CDLL(str(mux))
    lib.WebPGetMuxVersion.restype = ctypes.c_int
    assert lib.WebPGetMuxVersion() > 0  # code at its addresses runs
    assert elf_pack.pack(mux) == 0  # packed already: left alone
    assert mux.read_bytes() == after


def test_files_it_does_not_understand_are_left_alone(tmp_path: Path) -> None:
    assert elf_pack.packed(b"not an ELF file at all") is None
    assert elf_pack.packed(b"\x7fELF" + bytes(60)) is None  # a header and nothing else
    mux = next(_wheel_libs().glob("libwebpmux-*.so*")).read_bytes()
    arm = bytearray(mux)
    struct.pack_into("<H", arm, 0x12, 183)  # the same file, said to be for arm64
    assert elf_pack.packed(bytes(arm)) is None
    cut = mux[: len(mux) // 3]  # truncated
    assert elf_pack.packed(cut) is None
    junk = tmp_path / "libjunk.so"
    junk.write_bytes(b"\x7fELF" + b"\x02\x01" + bytes(200))
    assert elf_pack.pack_folder(tmp_path) == []
    assert junk.read_bytes() == b"\x7fELF" + b"\x02\x01" + bytes(200)
