"""The worker side of :mod:`reader.extract.pool`, and the one place where extraction
exceptions become a status and a one-line reason (used in workers and in the parent)."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import pickle
import time
import traceback
import zlib
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from reader.errors import (
    DocumentError,
    ExtractionMemory,
    ExtractionTimeout,
    ExtractorNotInstalled,
    FileTooLarge,
    PasswordRequired,
    ReaderError,
    UnsupportedFormat,
    WrongPassword,
)
from reader.extract import heartbeat, passwords
from reader.extract.base import Extracted
from reader.extract.registry import FormatInfo, extract_file, format_for
from reader.model.documents import DocStatus

log = logging.getLogger(__name__)

#: After a job, a worker whose resident memory is above this retires (a fresh one starts),
#: so pdfminer's caches from one huge file never add up across files.
RETIRE_RSS_MB = 300
BEAT_INTERVAL = 0.2

#: result (an Extracted, or a PdfPart of a split PDF), status, reason, traceback
Outcome = tuple[Any, DocStatus, str, str]
PDF_MODULE = "reader.extract.pdf"


def memory_reason(memory_mb: int) -> str:
    return f"stopped: used more than {memory_mb} MB"


def extract_one(path: Path, formats: Mapping[str, FormatInfo] | None = None) -> Extracted:
    """Extract ``path`` in this process, with ``formats`` overriding the registry."""
    info = (formats or {}).get(path.suffix.lower()) or format_for(path)
    if info is None:
        return extract_file(path)  # raises UnsupportedFormat with the right reason
    return importlib.import_module(info.module).extract(path)


def run_job(path: Path, formats: Mapping[str, FormatInfo] | None, memory_mb: int,
            work: Callable[[], Any] | None = None) -> Outcome:
    """Extract (or run ``work``) and map every failure to ``(None, status, reason, tb)``."""
    name = path.name
    try:
        result = work() if work is not None else extract_one(path, formats)
        if type(result).__name__ == "PdfPart":
            return result, DocStatus.OK, "", ""
        if not isinstance(result, Extracted):
            return (None, DocStatus.DAMAGED,
                    f"the extractor returned {type(result).__name__}, not a result", "")
        return result, result.status, result.reason, ""
    except WrongPassword:
        return None, DocStatus.PASSWORD, WrongPassword.REASON, ""
    except PasswordRequired as exc:
        return None, DocStatus.PASSWORD, str(exc), ""
    except UnsupportedFormat as exc:
        return None, DocStatus.UNSUPPORTED, str(exc), ""
    except FileTooLarge as exc:
        return None, DocStatus.TOO_LARGE, str(exc), ""
    except ExtractionMemory:
        return None, DocStatus.DAMAGED, memory_reason(memory_mb), ""
    except ExtractionTimeout as exc:
        return None, DocStatus.DAMAGED, str(exc), ""
    except ExtractorNotInstalled as exc:  # the install, not the file (logged where raised)
        return None, DocStatus.NOT_INSTALLED, str(exc), ""
    except (DocumentError, ReaderError) as exc:
        return None, DocStatus.DAMAGED, str(exc), ""
    except MemoryError:
        return None, DocStatus.DAMAGED, memory_reason(memory_mb), ""
    except RecursionError:
        return None, DocStatus.DAMAGED, f"{name} is nested too deeply to read", ""
    except FileNotFoundError:
        return None, DocStatus.DAMAGED, f"{name} is missing (moved or deleted while reading)", ""
    except PermissionError:
        return None, DocStatus.DAMAGED, f"{name} cannot be read: permission denied", ""
    except OSError as exc:
        return None, DocStatus.DAMAGED, f"{name} cannot be read: {exc.strerror or exc}", ""
    except Exception as exc:  # an extractor bug must never stop the batch
        first = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        detail = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
        return (None, DocStatus.DAMAGED, f"the extractor failed ({detail})",
                traceback.format_exc())


def rss_mb() -> float:
    """This process's resident memory in MB (Linux /proc; 0 where unavailable)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def set_memory_cap(memory_mb: int) -> bool:
    """Cap this process's address space (``RLIMIT_AS``); False where unsupported."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return True
    except (ValueError, OSError, AttributeError):
        return False


class _PipeLogHandler(logging.Handler):
    """Sends log records to the parent, which logs them under the same logger name."""

    def __init__(self, conn: Any) -> None:
        super().__init__(logging.WARNING)
        self.conn = conn

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("reader") and record.levelno < logging.ERROR:
            return
        with contextlib.suppress(Exception):  # logging must never break extraction
            self.conn.send(("log", record.levelno, record.name, self.format(record)))


def worker_main(conn: Any, memory_mb: int, formats: Mapping[str, FormatInfo] | None) -> None:
    """Entry point of a pool worker process (``spawn``): read jobs until told to stop."""
    set_memory_cap(memory_mb)
    root = logging.getLogger()
    root.handlers[:] = [_PipeLogHandler(conn)]
    root.setLevel(logging.WARNING)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    last = [0.0]

    def beat(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= BEAT_INTERVAL:
            last[0] = now
            conn.send(("beat", done, total))

    heartbeat.set_hook(beat)
    conn.send(("ready",))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        last[0] = 0.0
        if not _serve(conn, msg, formats, memory_mb):
            return


def _serve(conn: Any, msg: tuple, formats: Mapping[str, FormatInfo] | None,
           memory_mb: int) -> bool:
    """Run one job message; False when this worker should retire."""
    kind, index, path_text = msg[0], msg[1], msg[2]
    path = Path(path_text)
    if kind == "ocr":
        return _ocr(conn, msg, memory_mb)
    part_no = 0
    work: Callable[[], Any] | None = None
    spool = ""
    if kind == "job" and msg[3] and is_pdf(path, formats):
        parts, min_pages, spool = msg[3]
        work = partial(_pdf_or_split, conn, index, path, parts, min_pages)
    elif kind == "part":
        part_no, first, last, spool = msg[3], msg[4], msg[5], msg[6]
        work = partial(_pdf_part, path, first, last)
    elif kind == "assemble":
        work = partial(_pdf_assemble, path, list(msg[3]))
    with passwords.using(msg[-1] if isinstance(msg[-1], str) else None):
        result, status, reason, tb = run_job(path, formats, memory_mb, work)
    retire = status is DocStatus.DAMAGED and reason == memory_reason(memory_mb)
    retire = retire or rss_mb() > RETIRE_RSS_MB
    try:
        if type(result).__name__ == "PdfPart":
            part_file = Path(spool) / f"{index}-{part_no}.part"
            try:
                part_file.write_bytes(zlib.compress(pickle.dumps(result, 5), 1))
            except OSError as exc:
                conn.send(("done", index, None, DocStatus.DAMAGED.value,
                           f"cannot write a temporary file ({exc.strerror or exc})", "", retire))
                return not retire
            del result
            conn.send(("part", index, part_no, str(part_file), retire))
        else:
            conn.send(("done", index, result, status.value, reason, tb, retire))
    except MemoryError:
        conn.send(("done", index, None, DocStatus.DAMAGED.value, memory_reason(memory_mb),
                   "", True))
        return False
    except Exception as exc:  # e.g. a result that cannot be pickled
        conn.send(("done", index, None, DocStatus.DAMAGED.value,
                   f"the extractor failed (cannot send the result: {exc})", "", retire))
    return not retire


def _ocr(conn: Any, msg: tuple, memory_mb: int) -> bool:
    """Recognise scanned pages (:mod:`reader.extract.ocr.tasks`); False to retire."""
    from reader.extract.ocr.tasks import run_ocr_task

    _, index, path, pages, options, password, send_meta = msg
    name = Path(path).name
    problem = ""
    try:
        run_ocr_task(conn.send, index, Path(path), pages, options, password, send_meta)
    except MemoryError:  # the pages sent so far are kept by the parent
        problem = memory_reason(memory_mb)
    except (ReaderError, OSError) as exc:
        problem = f"OCR could not run ({exc})"
    except Exception as exc:
        log.error("OCR failed on %s:\n%s", name, traceback.format_exc())
        problem = f"OCR failed ({type(exc).__name__})"
    if problem:
        log.warning("%s: %s", name, problem)
    retire = bool(problem) or rss_mb() > RETIRE_RSS_MB
    conn.send(("ocr-done", index, problem, retire))
    return not retire


def is_pdf(path: Path, formats: Mapping[str, FormatInfo] | None) -> bool:
    info = (formats or {}).get(path.suffix.lower()) or format_for(path)
    return info is not None and info.module == PDF_MODULE


def _pdf_or_split(conn: Any, index: int, path: Path, parts: int, min_pages: int) -> Any:
    from reader.extract import pdf

    return pdf.extract_or_split(path, parts, min_pages,
                                lambda ranges: conn.send(("split", index, ranges)))


def _pdf_part(path: Path, first: int, last: int) -> Any:
    from reader.extract import pdf

    return pdf.read_part(path, first, last)


def _pdf_assemble(path: Path, part_files: list[str]) -> Extracted:
    """The document from the parts other workers left in the spool folder (deleted once
    read)."""
    from reader.extract import pdf

    parts = []
    for name in part_files:
        part_file = Path(name)
        parts.append(pickle.loads(zlib.decompress(part_file.read_bytes())))
        part_file.unlink(missing_ok=True)
    return pdf.finish_parts(path, parts)
