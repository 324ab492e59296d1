"""The annotation tools on a tab's page view: the same binding as on the text view
(:class:`~reader.ui.window.tab_binding.TabBinding`: highlights drawn, the selection
toolbar, keys, clicks, tooltips, the context menu), with the few things a page view does
its own way — its selection is made from character boxes, not a text cursor; the toolbar
sits by the selection's rectangles on the page; and highlights use dark styles when the
pages are inverted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect

from reader.ui.window.tab_binding import TabBinding

if TYPE_CHECKING:
    from reader.ui.annotating.doc_highlights import DocHighlights
    from reader.ui.pages.view import PageView
    from reader.ui.widgets.reader_tab import ReaderTab
    from reader.ui.window.annotation_ui import AnnotationUI


class PageBinding(TabBinding):
    def __init__(self, ui: AnnotationUI, tab: ReaderTab, doc: DocHighlights,
                 view: PageView) -> None:
        self._page_view = view
        super().__init__(ui, tab, doc)
        view.dark_changed.connect(lambda _dark: self.redraw())  # styles for dark pages

    # TabBinding reads ``tab.view``; a page binding works on the tab's page view instead
    def _bind_view(self) -> PageView:
        return self._page_view

    def _dark(self) -> bool:
        return self._page_view.dark

    def has_selection(self) -> bool:
        return self._page_view.has_selection()

    def after_create(self, hid: str) -> None:
        self._page_view.clear_selection()
        self.set_focus(hid)

    def _anchor_rect(self) -> QRect | None:
        found = self._target_range()
        return None if found is None else self._page_view.range_rect(found[1], found[2])
