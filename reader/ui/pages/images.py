"""Page images: rendered by QtPdf off the GUI thread (``QPdfPageRenderer`` in its threaded
mode), kept in a bounded least-recently-used cache, inverted on demand for dark pages.

The GUI thread never waits for PDFium while pages render: page sizes and labels are read
once when the document opens (:class:`PdfPages`), and pages are only *requested* here;
:attr:`PageImages.ready` says when one arrived. A page is rendered at most at
:data:`MAX_RENDER_PIXELS` (the view scales it when it draws it bigger), so zooming into a
poster-sized page never allocates gigabytes.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer

log = logging.getLogger(__name__)

#: The cache holds at most this many bytes of page images (about 18 fit-width pages of a
#: 900-pixel-wide view; only the visible pages ± 1 are needed).
CACHE_BYTES = 96 * 1024 * 1024
MAX_RENDER_PIXELS = 12_000_000

Key = tuple[int, int, int]  # page index, width, height

_ERRORS = {
    QPdfDocument.Error.FileNotFound: "the file is missing",
    QPdfDocument.Error.InvalidFileFormat: "QtPdf cannot read this file",
    QPdfDocument.Error.IncorrectPassword: "the password is not right",
    QPdfDocument.Error.UnsupportedSecurityScheme: "its encryption is not supported",
    QPdfDocument.Error.Unknown: "QtPdf cannot open it",
    QPdfDocument.Error.DataNotYetAvailable: "the file is not complete",
}


class PdfPages(QObject):
    """A PDF opened by QtPdf for drawing, from the bytes that were extracted (never the
    file again: a file replaced on disk since cannot slip in), with its page sizes
    (points) and labels read once. ``problem`` is why it cannot be drawn ("" when it
    can); ``password_wrong`` when that is because of the password."""

    def __init__(self, path: Path, data: bytes | None = None, password: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.document = QPdfDocument(self)
        if password:
            self.document.setPassword(password)
        self.problem = ""
        self.password_wrong = False
        self.sizes: list[tuple[float, float]] = []
        self.labels: list[str] = []
        if data is None:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                self.problem = f"the file cannot be read ({exc.strerror or exc})"
                return
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        error = self.document.error()
        if error != QPdfDocument.Error.None_:
            self.problem = _ERRORS.get(error, "QtPdf cannot open it")
            self.password_wrong = error == QPdfDocument.Error.IncorrectPassword
            return
        n = self.document.pageCount()
        if n <= 0:
            self.problem = "QtPdf finds no page in it"
            return
        for i in range(n):
            size = self.document.pagePointSize(i)
            w, h = size.width(), size.height()
            if not (math.isfinite(w) and math.isfinite(h)) or w <= 0 or h <= 0:
                w, h = 612.0, 792.0  # a broken page box: draw it letter-sized
            self.sizes.append((float(w), float(h)))
            self.labels.append(self.document.pageLabel(i) or str(i + 1))

    @property
    def ok(self) -> bool:
        return not self.problem

    def close(self) -> None:
        self.document.close()


def render_size(width: int, height: int) -> QSize:
    """The size a page drawn at ``width`` × ``height`` is rendered at (capped)."""
    area = max(1, width) * max(1, height)
    if area <= MAX_RENDER_PIXELS:
        return QSize(max(1, width), max(1, height))
    f = math.sqrt(MAX_RENDER_PIXELS / area)
    return QSize(max(1, int(width * f)), max(1, int(height * f)))


def _on_paper(image: QImage) -> QImage:
    """QtPdf leaves the page's background transparent: put it on white paper (opaque, so
    drawing and inverting it for dark pages are cheap)."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


class PageImages(QObject):
    """Rendered pages by (page, size). ``ready(index)`` when a requested page arrived;
    ``failed(index)`` when QtPdf drew nothing for it."""

    ready = Signal(int)
    failed = Signal(int)

    def __init__(self, pages: PdfPages, budget: int = CACHE_BYTES,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.budget = budget
        self._cache: OrderedDict[Key, QImage] = OrderedDict()
        self._dark: OrderedDict[Key, QImage] = OrderedDict()
        self._bytes = 0
        self._pending: dict[Key, int] = {}
        self.broken: set[int] = set()
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(pages.document)
        self._renderer.pageRendered.connect(self._arrived)
        self._options = QPdfDocumentRenderOptions()

    @property
    def cached_bytes(self) -> int:
        return self._bytes

    def image(self, index: int, width: int, height: int, *, dark: bool = False
              ) -> QImage | None:
        """The page rendered for ``width`` × ``height`` (None until it arrives)."""
        size = render_size(width, height)
        key = (index, size.width(), size.height())
        found = self._cache.get(key)
        if found is None:
            return None
        self._cache.move_to_end(key)
        if not dark:
            return found
        inverted = self._dark.get(key)
        if inverted is None:
            inverted = found.copy()
            inverted.invertPixels()
            self._dark[key] = inverted
            self._bytes += inverted.sizeInBytes()
            self._trim()
        else:
            self._dark.move_to_end(key)
        return inverted

    def nearest(self, index: int) -> QImage | None:
        """Any cached rendering of the page (drawn scaled while the right size renders)."""
        for key in reversed(self._cache):
            if key[0] == index:
                return self._cache[key]
        return None

    def request(self, index: int, width: int, height: int) -> None:
        if index in self.broken:
            return
        size = render_size(width, height)
        key = (index, size.width(), size.height())
        if key in self._cache or key in self._pending:
            return
        self._pending[key] = self._renderer.requestPage(index, size, self._options)

    def _arrived(self, index: int, size: QSize, image: QImage,
                 _options: QPdfDocumentRenderOptions, _request: int) -> None:
        key = (index, size.width(), size.height())
        self._pending.pop(key, None)
        if image.isNull():
            log.warning("%s: page %d could not be drawn", self.pages.path.name, index + 1)
            self.broken.add(index)
            self.failed.emit(index)
            return
        image = _on_paper(image)
        self._cache[key] = image
        self._bytes += image.sizeInBytes()
        self._trim()
        self.ready.emit(index)

    def _trim(self) -> None:
        while self._bytes > self.budget and (self._dark or len(self._cache) > 1):
            pool = self._dark if self._dark else self._cache
            _, old = pool.popitem(last=False)
            self._bytes -= old.sizeInBytes()

    def clear(self) -> None:
        self._cache.clear()
        self._dark.clear()
        self._bytes = 0
        self._pending.clear()
