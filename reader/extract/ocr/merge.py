"""Recognised pages into a document: the OCR text takes the place of each scanned page's
(missing) text, its words' boxes join the document's character boxes, sections move with
the text, and the document's status says what OCR found.

Pure and deterministic: the worker runs it when OCR finishes, the parent when a worker
was stopped part-way (the pages recognised so far are kept, the others marked).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.extract.base import Extracted
from reader.extract.boxes import BoxesBuilder, CharBoxes, PageGeometry
from reader.extract.normalize import PAGE_SEPARATOR, PARAGRAPH_SEPARATOR
from reader.extract.ocr.page import BLANK, NOTHING_FOUND, OcrLine, OcrPage
from reader.extract.ocr.words import pack_words, pages_phrase
from reader.extract.pdf_hyphen import Vocabulary, hyphen_join, line_end_hyphen
from reader.model.documents import DocMeta, DocStatus, Page, Section

Run = tuple[int, int, float, float, list[float]]  # start, page, y0, y1, xs (page-relative)


def vocabulary(pages: Sequence[OcrPage]) -> Vocabulary:
    """The recognised pages' words, for deciding line-end hyphens as the PDF reader does."""
    vocab = Vocabulary()
    for page in pages:
        after = False
        for lines in page.paragraphs:
            for line in lines:
                text = " ".join(w.text for w in line.words)
                vocab.add_line(text, after)
                after = line_end_hyphen(text)
    return vocab


def page_text(page: OcrPage, vocab: Vocabulary | None = None) -> tuple[str, list[Run]]:
    """The page's text (paragraphs, lines, words) and its box runs. A hyphen at a line end
    is decided as in text PDFs (:mod:`reader.extract.pdf_hyphen`): a word broken by the
    typesetter is joined, a compound keeps its hyphen (and loses the line break)."""
    vocab = vocab if vocab is not None else vocabulary([page])
    pieces: list[str] = []
    runs: list[Run] = []
    length = 0
    for p_index, lines in enumerate(page.paragraphs):
        if p_index:
            pieces.append(PARAGRAPH_SEPARATOR)
            length += len(PARAGRAPH_SEPARATOR)
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            how = _hyphen(line, nxt, vocab) if nxt is not None else "break"
            join = how != "break"
            text, xs_runs = _line(line, page.number, page.angle, drop_last=how == "join",
                                  per_word=bool(page.skew))
            for start, *rest in xs_runs:
                runs.append((length + start, *rest))  # type: ignore[arg-type]
            pieces.append(text)
            length += len(text)
            if nxt is not None and not join:
                pieces.append("\n")
                length += 1
    return "".join(pieces), runs


def _hyphen(line: OcrLine, nxt: OcrLine, vocab: Vocabulary) -> str:
    """``"join"``, ``"keep"`` or ``"break"`` for the end of ``line``."""
    text = line.words[-1].text
    if not line_end_hyphen(text):
        return "break"
    return hyphen_join(" ".join(w.text for w in line.words),
                       " ".join(w.text for w in nxt.words), vocab)


def _line(line: OcrLine, page: int, angle: int, drop_last: bool,
          per_word: bool = False) -> tuple[str, list[Run]]:
    """A line's text and box runs: one run for the line, or (a tilted scan, whose line
    climbs or falls) one per word, each at its own height; sideways, one per character."""
    words = list(line.words)
    texts = [w.text for w in words]
    chars = [list(w.chars) for w in words]
    if drop_last:
        texts[-1], chars[-1] = texts[-1][:-1], chars[-1][:-1]
    text = " ".join(texts)
    upright = angle in (0, 180)
    runs: list[Run] = []
    if upright and per_word:
        pos = 0
        for k, (word, boxes) in enumerate(zip(words, chars, strict=True)):
            if k:
                pos += 1
            word_xs = [v for c in boxes for v in (c[0], c[2])]
            if word_xs:
                runs.append((pos, page, word.box[1], word.box[3], word_xs))
            pos += len(boxes)
    elif upright:
        y0, y1 = line.box[1], line.box[3]
        xs: list[float] = []
        for k, boxes in enumerate(chars):
            if k:  # the space between two words spans the gap
                prev, cur = chars[k - 1], boxes
                a = prev[-1][2] if prev else line.box[0]
                b = cur[0][0] if cur else a
                xs += [min(a, b), max(a, b)]
            for c in boxes:
                xs += [c[0], c[2]]
        if xs:
            runs.append((0, page, y0, y1, xs))
    else:  # a sideways page: every character has its own height
        pos = 0
        for k, boxes in enumerate(chars):
            if k:
                pos += 1
            for c in boxes:
                runs.append((pos, page, c[1], c[3], [c[0], c[2]]))
                pos += 1
    return text, runs


def merge_ocr(base: Extracted, results: Sequence[OcrPage], *, options_key: str,
              not_done: Mapping[int, str] | None = None, hints: DocMeta | None = None,
              geometry: Mapping[int, PageGeometry] | None = None,
              filename: str = "") -> Extracted:
    """``base`` with the recognised pages' text in place (see the module docstring).

    ``not_done``: page number → why it was not recognised (OCR stopped, failed);
    ``hints``: the PDF's own metadata, for a document that had no text before;
    ``geometry``: page sizes for pages ``base`` has no boxes for."""
    by_page = {r.number: r for r in results}
    not_done = dict(not_done or {})
    old_boxes = CharBoxes.from_bytes(base.boxes) if base.boxes else None
    builder = BoxesBuilder()
    known: dict[int, PageGeometry] = dict(geometry or {})
    if old_boxes is not None:
        for n in old_boxes.page_numbers:
            w, h = old_boxes.page_size(n)
            known.setdefault(n, PageGeometry(n, w, h, old_boxes.crop_box(n)))
    for n in sorted(known):
        builder.add_page(known[n])

    pieces: list[str] = []
    pages: list[Page] = []
    pos = 0
    old_starts: list[int] = []  # old page start -> shift, for moving sections
    shifts: list[int] = []
    replaced: list[tuple[int, int]] = []
    old_runs = list(old_boxes.runs()) if old_boxes is not None else []
    run_starts = [r[0] for r in old_runs]
    vocab = vocabulary(results)
    for page in base.pages:
        found = by_page.get(page.number)
        if found is not None and found.paragraphs:
            text, runs = page_text(found, vocab)
            replaced.append((page.start, page.end))
            source = True
        else:
            text = base.text[page.start:page.end]
            runs = []
            source = False
        if text and pieces:
            pieces.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        start = pos
        if text:
            pieces.append(text)
            pos += len(text)
        if source:
            for r in runs:
                builder.add_run(start + r[0], r[1], r[2], r[3], r[4])
        elif text:
            old_starts.append(page.start)
            shifts.append(start - page.start)
            i = bisect.bisect_left(run_starts, page.start)
            while i < len(old_runs) and old_runs[i][0] < page.end:
                s, n, y0, y1, xs = old_runs[i]
                builder.add_run(start + s - page.start, n, y0, y1, xs)
                i += 1
        note = page.note
        if found is not None and not found.paragraphs and found.note != BLANK:
            note = found.note or NOTHING_FOUND
        elif page.number in not_done:
            note = not_done[page.number]
        pages.append(dataclasses.replace(
            page, start=start, end=pos if text else start,
            has_text=bool(text) and (source or page.has_text), ocr=source, note=note))
    text = "".join(pieces)
    pages = _place_empty(pages, pos)
    recognised = [p.number for p in pages if p.ocr]
    warnings = list(base.warnings)
    if recognised:
        mean = _mean_conf([by_page[n] for n in recognised])
        warnings.append(f"{pages_phrase(recognised)}: text recognised by OCR "
                        f"(mean word confidence {mean:.0f})")
    nothing = [r.number for r in results if not r.paragraphs and r.note != BLANK]
    if nothing:
        warnings.append(f"{pages_phrase(nothing)}: no text found by OCR")
    if not_done:
        for reason, numbers in _group(not_done).items():
            warnings.append(f"{pages_phrase(numbers)}: {reason}")

    status, reason, meta = base.status, base.reason, base.meta
    sections = _move_sections(base.sections, old_starts, shifts, replaced, len(text))
    if base.status is DocStatus.NO_TEXT or not base.text.strip():
        if recognised:
            status, reason = DocStatus.OK, ""
            meta = _guess_meta(text, hints, filename)
            sections = _sections(text, pages)
        else:
            status = DocStatus.NO_TEXT
            reason = _no_text_reason(nothing, not_done, base.reason)
    packed = pack_words(results, options_key)
    return dataclasses.replace(
        base, text=text, pages=tuple(pages), sections=sections, meta=meta, status=status,
        reason=reason, boxes=builder.pack(len(text)) if (old_boxes or recognised) else None,
        warnings=tuple(warnings), ocr=packed)


def _place_empty(pages: list[Page], end: int) -> list[Page]:
    """An empty page sits where the next page with text starts (as the PDF reader does)."""
    out: list[Page] = []
    for i, p in enumerate(pages):
        if p.start == p.end:
            nxt = next((q.start for q in pages[i + 1:] if q.end > q.start), end)
            p = dataclasses.replace(p, start=nxt, end=nxt)
        out.append(p)
    return out


def _mean_conf(pages: Sequence[OcrPage]) -> float:
    words = [w.conf for p in pages for w in p.words]
    return sum(words) / len(words) if words else 0.0


def _group(not_done: Mapping[int, str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for n in sorted(not_done):
        out.setdefault(not_done[n], []).append(n)
    return out


def _no_text_reason(nothing: list[int], not_done: Mapping[int, str], old: str) -> str:
    if not_done:
        first = next(iter(_group(not_done)))
        return f"no text layer — {first}"
    if nothing:
        return NOTHING_FOUND
    return old


def _move_sections(sections: tuple[Section, ...], old_starts: list[int], shifts: list[int],
                   replaced: list[tuple[int, int]], length: int) -> tuple[Section, ...]:
    """Sections of the kept text, moved with it; those inside a replaced page are dropped."""
    if not sections:
        return ()

    def move(offset: int) -> int:
        i = bisect.bisect_right(old_starts, offset) - 1
        return max(0, min(length, offset + (shifts[i] if i >= 0 else 0)))

    out = []
    for s in sections:
        if any(a <= s.start < b for a, b in replaced if b > a):
            continue
        start, end = move(s.start), move(max(s.start, s.end - 1)) + 1
        out.append(dataclasses.replace(s, start=start, end=min(length, max(start, end))))
    return tuple(out)


def _sections(text: str, pages: list[Page]) -> tuple[Section, ...]:
    from reader.extract.structure import detect_sections

    return detect_sections(text) if text else ()


def _guess_meta(text: str, hints: DocMeta | None, filename: str) -> DocMeta:
    from reader.extract.metadata import guess_meta

    return guess_meta(text, hints or DocMeta(), filename=Path(filename).name)
