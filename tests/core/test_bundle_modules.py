"""The desktop bundle's list of modules loaded by name covers every registry, and names
only modules that exist; ``make dist`` without PyInstaller says what to do."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import bundle_modules  # noqa: E402

from reader.cli import COMMAND_MODULES  # noqa: E402
from reader.export.write import FORMATS as BRIEFS  # noqa: E402
from reader.extract.registry import FORMATS as EXTRACTORS  # noqa: E402


def test_every_module_loaded_by_name_is_listed_and_exists() -> None:
    names = set(bundle_modules.registry_modules())
    expected = ({i.module for i in EXTRACTORS.values()} | {m for m, _e, _l in BRIEFS.values()}
                | set(COMMAND_MODULES) | {"reader.extract.pool_worker", "trafilatura"})
    assert expected <= names
    for name in names:
        assert importlib.util.find_spec(name) is not None, name


def test_left_out_data() -> None:
    keep = bundle_modules.keep_data
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("babel/locale-data/en.dat") and keep("babel/locale-data/root.dat")
    assert not keep("babel/locale-data/de_DE.dat")
    assert keep("reader/_data/resources/themes.json")
    assert not bundle_modules.keep_binary("PySide6/Qt/plugins/imageformats/libqtiff.so")
    assert bundle_modules.keep_binary("PySide6/Qt/plugins/imageformats/libqsvg.so")
    # desktop display plugins stay; embedded-device ones and network backends go
    for kept in ("platforms/libqxcb.so", "platforms/libqwayland.so",
                 "platforms/libqoffscreen.so", "xcbglintegrations/libqxcb-glx-integration.so"):
        assert bundle_modules.keep_binary(f"PySide6/Qt/plugins/{kept}"), kept
    for dropped in ("platforms/libqlinuxfb.so", "platforms/libqvnc.so", "tls/libqopensslbackend.so",
                    "egldeviceintegrations/libqeglfs-kms-egldevice-integration.so"):
        assert not bundle_modules.keep_binary(f"PySide6/Qt/plugins/{dropped}"), dropped
    assert not bundle_modules.keep_binary("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6")
    assert bundle_modules.keep_binary("PySide6/Qt/lib/libQt6XcbQpa.so.6")


def test_make_dist_without_pyinstaller_says_how_to_get_it(tmp_path: Path) -> None:
    blocker = tmp_path / "sitecustomize.py"  # makes "import PyInstaller" fail
    blocker.write_text("import sys\nsys.modules['PyInstaller'] = None\n")
    out = subprocess.run([sys.executable, str(REPO / "packaging" / "build_dist.py")],
                         cwd=tmp_path, env={"PYTHONPATH": f"{tmp_path}:{REPO}",
                                            "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "needs PyInstaller" in out.stderr and "pip install -e '.[dist]'" in out.stderr
    assert "Traceback" not in out.stderr
