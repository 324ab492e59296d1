"""``make dist``: the PyInstaller one-folder bundle, and on Linux the ``.tar.gz`` to hand
out (bundle, launchers, desktop entry, icons, install script). Prints the sizes and the
time taken. Windows and macOS: see packaging/README.md."""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"


def need_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit("make dist needs PyInstaller, which is not installed in this environment.\n"
                 f"Install it with:  {sys.executable} -m pip install -e '.[dist]'\n"
                 "(it is a build tool only; the app itself does not need it).")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def linux_tarball(bundle: Path, icons: Path, version: str) -> Path:
    name = f"policy-reader-{version}-linux-{platform.machine()}"
    stage = DIST / name
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / "policy-reader", symlinks=True)
    linux = ROOT / "packaging" / "linux"
    for script in ("policy-reader-launcher", "policy-reader-open", "install.sh",
                   "uninstall.sh"):
        shutil.copy2(linux / script, stage / script)
    apps = stage / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(linux / "policy-reader.desktop", apps / "policy-reader.desktop")
    for png in icons.glob("policy-reader-*.png"):
        size = png.stem.rsplit("-", 1)[-1]
        target = stage / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / "policy-reader.png")
    shutil.copy2(ROOT / "packaging" / "linux" / "README.txt", stage / "README.txt")
    tar = DIST / f"{name}.tar.gz"
    with tarfile.open(tar, "w:gz", compresslevel=6) as tf:
        tf.add(stage, arcname=name)
    return tar


def main() -> int:
    need_pyinstaller()
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    started = time.monotonic()
    from make_icons import render
    icons = BUILD / "icons"
    render(icons)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level",
           "WARN", "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"),
           str(ROOT / "packaging" / "policy-reader.spec")]
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    bundle = DIST / "policy-reader"
    built = time.monotonic() - started
    size = folder_size(bundle)
    print(f"bundle: {bundle} — {size / 1e6:.0f} MB unpacked, built in {built:.0f} s")
    if sys.platform.startswith("linux"):
        tar = linux_tarball(bundle, icons, __version__)
        print(f"archive: {tar} — {tar.stat().st_size / 1e6:.0f} MB "
              f"(total {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
