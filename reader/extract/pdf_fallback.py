"""The fallback parser: pypdf reads some PDFs whose structure pdfminer rejects.

Text only (no character boxes, no reading-order work); the result carries the warning
"read with the fallback parser" so the log says why its text may read less well.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.errors import PasswordRequired
from reader.extract import heartbeat, passwords
from reader.extract.base import Extracted
from reader.extract.normalize import PAGE_SEPARATOR, normalize_text
from reader.model.documents import Page

log = logging.getLogger(__name__)

FALLBACK_WARNING = "read with the fallback parser"


def extract_with_pypdf(path: Path, why: str) -> Extracted | None:
    """The document read by pypdf, or ``None`` when pypdf cannot read it either."""
    import pypdf
    from pypdf.errors import PyPdfError

    from reader.extract.pdf import finish, hints_from_info

    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(passwords.current() or ""):
            raise PasswordRequired(f"{path.name} is encrypted and needs a password.")
        pages = list(reader.pages)
        try:
            labels = list(reader.page_labels)
        except Exception:
            labels = []
        texts: list[str] = []
        failures = 0
        for i, page in enumerate(pages, start=1):
            try:
                texts.append(normalize_text(page.extract_text() or ""))
            except (MemoryError, RecursionError):
                raise
            except Exception:
                failures += 1
                texts.append("")
            heartbeat.beat(i, len(pages))
        info = {}
        try:
            for key, value in (reader.metadata or {}).items():
                if isinstance(value, str):
                    info[str(key).lstrip("/")] = value
        except Exception:
            pass
    except PasswordRequired:
        raise
    except (MemoryError, RecursionError):
        raise
    except (PyPdfError, Exception) as exc:  # pypdf raises many types on bad input too
        log.debug("pypdf cannot read %s either: %s", path, exc)
        return None
    if not pages or failures == len(pages):
        return None
    out: list[Page] = []
    pieces: list[str] = []
    pos = 0
    chars = []
    for i, text in enumerate(texts, start=1):
        label = labels[i - 1] if i - 1 < len(labels) and labels[i - 1] else str(i)
        chars.append(sum(1 for c in text if c.isalnum()))
        if text:
            if pieces:
                pieces.append(PAGE_SEPARATOR)
                pos += len(PAGE_SEPARATOR)
            out.append(Page(i, pos, pos + len(text), label, True))
            pieces.append(text)
            pos += len(text)
        else:
            out.append(Page(i, -1, -1, label, False))
    fixed = []
    for k, p in enumerate(out):
        if p.start < 0:
            nxt = next((q.start for q in out[k + 1:] if q.start >= 0), pos)
            p = Page(p.number, nxt, nxt, p.label, False)
        fixed.append(p)
    warnings = [f"{FALLBACK_WARNING} (the main parser failed: {why})"]
    if failures:
        warnings.append(f"the fallback parser could not read {failures} of {len(pages)} pages")
    log.info("%s: %s", path.name, warnings[0])
    return finish(path, "".join(pieces), tuple(fixed), tuple(chars), frozenset(), None,
                  warnings, hints_from_info(info))
