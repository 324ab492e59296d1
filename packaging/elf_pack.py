"""Take the zero padding out of shared libraries that an old ``patchelf`` left 2 MB apart.

The libraries that auditwheel copied into the tesserocr and Pillow wheels
(``tesserocr.libs/``, ``pillow.libs/``) had their segments moved by a ``patchelf`` that
kept the linker's 2 MB (``0x200000``) segment alignment *in the file*: each moved segment
starts on a 2 MB boundary, so ``libwebpmux`` is 6.3 MB on disk for 50 kB of code and data,
and the seven of them are 23 MB holding 1.7 MB (the rest is zeros).

:func:`pack` rewrites such a file with the same bytes in every segment, the same addresses
and the same section contents, only closer together: each loadable segment moves by a
multiple of 4 kB (so its file offset stays congruent to its address modulo the page size,
which is all the loader needs) and its alignment is set to 4 kB, the page size of every
x86-64 Linux. Sections outside the loaded segments (section names, build notes) and the
section header table follow at the end. Nothing that refers to *addresses* (dynamic
section, symbols, relocations) changes. A file is packed only when that saves more than
1 MB; anything it does not understand (not little-endian ELF64, overlapping data, a
layout it cannot prove the same afterwards) is left as it was.
"""

from __future__ import annotations

import struct
from pathlib import Path

PAGE = 0x1000
PT_LOAD, SHT_NOBITS = 1, 8
EM_X86_64 = 62  # 4 kB pages are certain only there (arm64 kernels may use 16 or 64 kB)
#: Only files that would shrink by more than this are rewritten.
MIN_SAVING = 1_000_000


def _align(value: int, to: int) -> int:
    return (value + to - 1) // to * to


class _Elf:
    def __init__(self, data: bytes) -> None:
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError("not a little-endian ELF64 file")
        if struct.unpack_from("<H", data, 0x12)[0] != EM_X86_64:
            raise ValueError("not an x86-64 file")
        self.data = data
        (self.phoff, self.shoff) = struct.unpack_from("<QQ", data, 0x20)
        (self.phentsize, self.phnum, self.shentsize, self.shnum) = \
            struct.unpack_from("<HHHH", data, 0x36)
        # Program header: type, flags, offset, vaddr, paddr, filesz, memsz, align.
        self.phdrs = [list(struct.unpack_from("<IIQQQQQQ", data, self.phoff + i * self.phentsize))
                      for i in range(self.phnum)]
        # Section header: name, type, flags, addr, offset, size, link, info, addralign, entsize.
        self.shdrs = [list(struct.unpack_from("<IIQQQQIIQQ", data, self.shoff + i * self.shentsize))
                      for i in range(self.shnum)]

    def loads(self) -> list[list[int]]:
        return [p for p in self.phdrs if p[0] == PT_LOAD]


def _plan(elf: _Elf) -> tuple[list[tuple[int, int, int]], int] | None:
    """The loaded file ranges as ``(old start, old end, new start)``, merged where they
    overlap, and where the loaded data ends in the new file; None if the file is not a
    candidate (already tight, no loadable segment, a segment not page-congruent)."""
    ranges = sorted((p[2], p[2] + p[5]) for p in elf.loads() if p[5])
    if not ranges or ranges[0][0] != 0:
        return None
    for p in elf.loads():
        if (p[3] - p[2]) % PAGE:
            return None
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # The ELF and program headers must lie inside the first range (they are never moved).
    if merged[0][1] < max(64, elf.phoff + elf.phnum * elf.phentsize):
        return None
    out, cursor = [], 0
    for start, end in merged:
        new = start if not out else _align(cursor, PAGE) + start % PAGE
        new = min(new, start)  # never move data later than it was
        out.append((start, end, new))
        cursor = new + (end - start)
    return out, cursor


def _moved(plan: list[tuple[int, int, int]], offset: int, size: int) -> int | None:
    """Where ``[offset, offset + size)`` lands, if a loaded range holds all of it."""
    for start, end, new in plan:
        if start <= offset and offset + size <= end:
            return new + offset - start
    return None


def packed(data: bytes) -> bytes | None:
    """The file with its padding removed, or None when it cannot or need not be packed."""
    try:
        elf = _Elf(data)
    except (ValueError, struct.error):
        return None
    planned = _plan(elf)
    if planned is None:
        return None
    plan, loaded_end = planned
    out = bytearray(loaded_end)
    for start, end, new in plan:
        out[new:new + end - start] = data[start:end]
    # Sections: those inside a loaded range move with it; the others are appended.
    shdrs = [list(s) for s in elf.shdrs]
    for sh in shdrs:
        offset, size = sh[4], sh[5]
        if sh[1] == SHT_NOBITS or size == 0:
            where = _moved(plan, offset, 0)
            if where is None:  # e.g. .bss just past its segment's file data: keep it there
                where = next((new + offset - start for start, end, new in plan
                              if start <= offset <= end + PAGE), None)
            sh[4] = where if where is not None else min(offset, len(out))
            continue
        where = _moved(plan, offset, size)
        if where is None:
            if sh[2] & 0x2:  # SHF_ALLOC data outside every loaded segment: give up
                return None
            where = _align(len(out), max(1, sh[8]))
            out += bytes(where - len(out)) + data[offset:offset + size]
        sh[4] = where
    shoff = _align(len(out), 8)
    out += bytes(shoff - len(out))
    for sh in shdrs:
        out += struct.pack("<IIQQQQIIQQ", *sh)
    struct.pack_into("<Q", out, 0x28, shoff)
    # Program headers: loadable segments page-aligned; the others follow their bytes.
    for i, ph in enumerate(elf.phdrs):
        ph = list(ph)
        if ph[0] == PT_LOAD:
            ph[2] = _moved(plan, ph[2], ph[5]) if ph[5] else ph[2] % PAGE
            ph[7] = PAGE
        elif ph[5]:
            where = _moved(plan, ph[2], ph[5])
            if where is None:
                return None
            ph[2] = where
        struct.pack_into("<IIQQQQQQ", out, elf.phoff + i * elf.phentsize, *ph)
    if len(data) - len(out) < MIN_SAVING or not _same(elf, _Elf(bytes(out))):
        return None
    return bytes(out)


def _same(old: _Elf, new: _Elf) -> bool:
    """Every segment and every section holds the same bytes at the same address."""
    if len(old.phdrs) != len(new.phdrs) or len(old.shdrs) != len(new.shdrs):
        return False
    # The ELF header and program headers (rewritten on purpose) compare as blanks.
    head = old.phoff + old.phnum * old.phentsize
    old_data = bytes(head) + old.data[head:]
    new_data = bytes(head) + new.data[head:]
    if old.data[:0x28] + old.data[0x30:0x40] != new.data[:0x28] + new.data[0x30:0x40]:
        return False
    for a, b in zip(old.phdrs, new.phdrs, strict=True):
        if a[0] != b[0] or a[3:7] != b[3:7]:
            return False
        if old_data[a[2]:a[2] + a[5]] != new_data[b[2]:b[2] + b[5]]:
            return False
        if b[0] == PT_LOAD and (b[3] - b[2]) % PAGE:
            return False
    for a, b in zip(old.shdrs, new.shdrs, strict=True):
        if a[:4] != b[:4] or a[5:] != b[5:]:
            return False
        if a[1] != SHT_NOBITS and old_data[a[4]:a[4] + a[5]] != new_data[b[4]:b[4] + b[5]]:
            return False
    return True


def pack(path: Path) -> int:
    """Rewrite ``path`` without its padding; the bytes saved (0 if left as it was)."""
    data = path.read_bytes()
    out = packed(data)
    if out is None:
        return 0
    tmp = path.with_name(path.name + ".packing")
    tmp.write_bytes(out)
    tmp.chmod(path.stat().st_mode)
    tmp.replace(path)
    return len(data) - len(out)


def pack_folder(folder: Path) -> list[tuple[str, int]]:
    """Pack every padded shared library under ``folder``: ``(relative path, bytes saved)``."""
    saved = []
    for path in sorted(folder.rglob("*.so*")):
        if path.is_file() and not path.is_symlink():
            n = pack(path)
            if n:
                saved.append((str(path.relative_to(folder)), n))
    return saved


if __name__ == "__main__":
    import sys

    for name, n in pack_folder(Path(sys.argv[1])):
        print(f"{n / 1e6:5.1f} MB less: {name}")
