"""A small laptop screen and high-DPI scaling: at 1366 × 768, at 1280 × 720 (1920 × 1080 at
150 %, 2560 × 1440 at 200 %) and at 1093 × 614 (1366 × 768 at 125 %), with both side panels
open, the window fits, every panel keeps at least the room it needs, the reader has a usable
column and no text is clipped."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget

from reader.model.documents import DocStatus
from reader.ui.dialog_size import clipped_labels

SIZES = [(1366, 768), (1280, 720), (1093, 614)]


def check(window, width: int, height: int) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= width and hint.height() <= height, hint
    assert (window.width(), window.height()) == (width, height)
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            inner = dock.widget()
            assert inner.width() >= inner.minimumSizeHint().width(), dock.objectName()
            assert inner.height() >= inner.minimumSizeHint().height(), dock.objectName()
    assert window.area.width() >= 240
    assert clipped_labels(window) == []


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_window_fits_small_screens_with_both_panels(qtbot, corpus_window, session,
                                                        tmp_path, width: int,
                                                        height: int) -> None:
    w = corpus_window
    w.library_dock.show()
    w.annotating.sidebar_dock.show()
    w.resize(width, height)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (width, height))
    check(w, width, height)  # the welcome page
    w.grab().save(str(tmp_path / f"welcome-{width}x{height}.png"))
    doc = max((d for d in session.documents() if d.status is DocStatus.OK and d.paged),
              key=lambda d: len(d.title))
    tab = w.open_document(doc.id)
    qtbot.waitUntil(lambda: tab.is_ready, timeout=10_000)
    check(w, width, height)  # a document open
    view = tab.view
    assert view.painter.gutter + view.painter.column <= view.viewport().width()
    w.grab().save(str(tmp_path / f"memo-{width}x{height}.png"))


def test_the_welcome_page_narrows_without_a_sideways_scroll(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Both side panels open leave ~480 px: the steps stack and the title wraps; the page
    is never wider than the view (it had kept the width of the side-by-side steps)."""
    from PySide6.QtWidgets import QScrollArea

    from reader.ui.widgets.welcome_panel import WelcomePanel

    panel = WelcomePanel()
    qtbot.addWidget(panel)
    panel.set_state(workspace=True, empty=False)
    panel.resize(900, 760)
    panel.show()
    qtbot.waitExposed(panel)
    scroll = panel.findChild(QScrollArea, "welcomeScroll")
    for width in (480, 360):
        panel.resize(width, 760)
        qtbot.waitUntil(lambda: panel.page.width() <= scroll.viewport().width(), timeout=3000)
        assert not scroll.horizontalScrollBar().isVisible()
