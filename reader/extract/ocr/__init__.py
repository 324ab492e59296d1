"""OCR of scanned PDF pages, in the extraction workers (Tesseract through ``tesserocr``;
pages rendered with ``pypdfium2``; no Qt).

Only pages without a text layer that hold an image are recognised; a hidden OCR layer
that a scanner added is text like any other and is kept as it is. Modules:

* :mod:`.options` — the setting (on/off, languages) and what is installed;
* :mod:`.engine` — Tesseract: words, symbol boxes, confidence, orientation;
* :mod:`.render` — pypdfium2: page geometry in PDF points, rendering for OCR (capped);
* :mod:`.page` — one page: render, detect orientation, recognise, convert to points;
* :mod:`.merge` — recognised pages into a document's text, pages, boxes and status;
* :mod:`.words` — the recognised words with boxes and confidence, packed for the cache;
* :mod:`.tasks` — how the extraction pool schedules OCR (parent) and runs it (worker).
"""
