"""OCR in the extraction pool.

Parent side (:class:`OcrScheduler`): when a PDF's extraction comes back with scanned pages
(no text layer), their OCR is queued as tasks of page lists (one per worker, so a long scan
uses every core) instead of the result being handed out; each recognised page comes back
as its own message, so when a worker is stopped (time cap, memory, crash) the pages done so
far are kept and the rest are marked. When the last task ends, the pages are merged
(:mod:`.merge`) and the document is handed out.

Worker side (:func:`run_ocr_task`): renders and recognises its pages one by one, beating
the pool's heartbeat per page and sending each page to the parent.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.extract import heartbeat
from reader.extract.base import Extracted
from reader.extract.ocr.options import OcrOptions, unavailable_reason
from reader.extract.ocr.page import BLANK, OcrPage
from reader.model.documents import DocMeta, DocStatus

log = logging.getLogger(__name__)

Send = Callable[[tuple[Any, ...]], None]


def pages_to_recognise(extracted: Extracted) -> list[int]:
    """Pages without a text layer (a hidden OCR layer is a text layer: kept as it is)."""
    if extracted.status not in (DocStatus.OK, DocStatus.NO_TEXT):
        return []
    return [p.number for p in extracted.pages if not p.has_text and not p.ocr]


def split_pages(numbers: Sequence[int], parts: int) -> list[list[int]]:
    """Contiguous, nearly equal page lists (at most ``parts``; none empty)."""
    numbers = list(numbers)
    parts = max(1, min(parts, len(numbers)))
    bounds = [round(i * len(numbers) / parts) for i in range(parts + 1)]
    return [numbers[bounds[i]:bounds[i + 1]] for i in range(parts)]


def without_ocr(extracted: Extracted, why: str) -> Extracted:
    """The document as extracted, its scanned pages noted with ``why`` OCR did not run."""
    todo = set(pages_to_recognise(extracted))
    pages = tuple(replace(p, note=why) if p.number in todo else p for p in extracted.pages)
    reason = extracted.reason
    if extracted.status is DocStatus.NO_TEXT:
        reason = f"no text layer — {why}"
    return replace(extracted, pages=pages, reason=reason)


@dataclass
class _Pending:
    base: Extracted
    path: Path
    todo: list[int]
    chunks_left: int
    results: dict[int, OcrPage] = field(default_factory=dict)
    hints: DocMeta | None = None
    problem: str = ""


class OcrScheduler:
    """The parent's record of documents whose scanned pages are being recognised."""

    def __init__(self, options: OcrOptions | None, workers: int) -> None:
        self.options = options or OcrOptions(enabled=False)
        self.workers = max(1, workers)
        self.pending: dict[int, _Pending] = {}

    def active(self, index: int) -> bool:
        return index in self.pending

    def progress_label(self, index: int, name: str) -> str:
        p = self.pending[index]
        return (f"Recognising text in {name} (OCR, page {len(p.results) + 1} "
                f"of {len(p.todo)})")

    def start(self, index: int, path: Path, extracted: Extracted
              ) -> tuple[Extracted | None, list[tuple[Any, ...]]]:
        """``(result to hand out now, tasks to queue)``: a document without scanned pages
        (or with OCR off or unavailable) is handed out at once."""
        todo = pages_to_recognise(extracted)
        if not todo:
            return extracted, []
        if not self.options.enabled:
            return without_ocr(extracted, "OCR is off (Settings)"), []
        missing = unavailable_reason()
        if missing:
            return without_ocr(extracted, missing), []
        chunks = split_pages(todo, self.workers)
        self.pending[index] = _Pending(extracted, path, todo, len(chunks))
        tasks = [("ocr", index, k, chunk) for k, chunk in enumerate(chunks)]
        return None, tasks

    def message(self, task: tuple[Any, ...], path: str, password: str | None
                ) -> tuple[Any, ...]:
        _, index, chunk_no, pages = task
        return ("ocr", index, path, pages, self.options, password, chunk_no == 0)

    def on_message(self, msg: tuple[Any, ...]) -> None:
        """A worker's ``("ocr-page", index, OcrPage)`` or ``("ocr-meta", index, hints)``."""
        if msg[0] == "ocr-page":
            self.on_page(msg[1], msg[2])
        else:
            self.on_meta(msg[1], msg[2])

    def on_page(self, index: int, page: OcrPage) -> None:
        p = self.pending.get(index)
        if p is not None:
            p.results[page.number] = page

    def on_meta(self, index: int, hints: DocMeta) -> None:
        p = self.pending.get(index)
        if p is not None:
            p.hints = hints

    def on_chunk_done(self, index: int, problem: str = "") -> Extracted | None:
        """The merged document once every task of ``index`` has finished (``problem``:
        why a task ended before its last page)."""
        p = self.pending.get(index)
        if p is None:
            return None
        p.chunks_left -= 1
        if problem:
            p.problem = problem
        if p.chunks_left > 0:
            return None
        note = f"not recognised: {p.problem or 'OCR did not finish'}"
        return self._finish(index, {n: note for n in p.todo if n not in p.results})

    def stopped(self, index: int, why: str) -> Extracted | None:
        """The document with the pages recognised so far; the others noted ``why``."""
        p = self.pending.get(index)
        if p is None:
            return None
        note = f"OCR stopped: {why.removeprefix('stopped: ')}"
        return self._finish(index, {n: note for n in p.todo if n not in p.results})

    def forget(self, index: int) -> None:
        self.pending.pop(index, None)

    def _finish(self, index: int, not_done: dict[int, str]) -> Extracted:
        from reader.extract.ocr.merge import merge_ocr

        p = self.pending.pop(index)
        return merge_ocr(p.base, list(p.results.values()), options_key=self.options.key,
                         not_done=not_done, hints=p.hints, filename=p.path.name)


# -- the worker side ----------------------------------------------------------------------
def run_ocr_task(send: Send, index: int, path: Path, pages: Sequence[int],
                 options: OcrOptions, password: str | None, send_meta: bool) -> None:
    """Recognise ``pages`` of ``path``; every page (or why it failed) goes to ``send``."""
    from reader.extract.ocr.engine import Recogniser
    from reader.extract.ocr.options import data_path, usable_languages
    from reader.extract.ocr.render import PdfPages

    with PdfPages(path, password) as doc:
        if send_meta:
            send(("ocr-meta", index, _hints(doc)))
        recogniser = Recogniser(usable_languages(options), data_path())
        try:
            for k, number in enumerate(pages, 1):
                heartbeat.beat(k, len(pages))
                send(("ocr-page", index, _one_page(doc, number, recogniser)))
        finally:
            recogniser.close()


def _one_page(doc: Any, number: int, recogniser: Any) -> OcrPage:
    from reader.extract.ocr.page import recognise_page

    try:
        if number > len(doc) or not doc.has_image(number):
            return OcrPage(number, (), note=BLANK)
        return recognise_page(doc, number, recogniser)
    except MemoryError:
        return OcrPage(number, (), note="not recognised: the page needs too much memory")
    except Exception as exc:  # one bad page must not lose the others
        log.error("OCR failed on page %d:\n%s", number, traceback.format_exc())
        return OcrPage(number, (), note=f"not recognised: OCR failed ({type(exc).__name__})")


def _hints(doc: Any) -> DocMeta:
    from reader.extract.pdf import hints_from_info

    try:
        info = doc.doc.get_metadata_dict(skip_empty=True)
    except Exception:
        return DocMeta()
    return hints_from_info({k: str(v) for k, v in info.items()})
