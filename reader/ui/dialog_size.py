"""Sizing dialogs that hold word-wrapped text. Qt sizes a window from its size hint, which
for wrapped text is worked out at another width than the one the window gets, so the text
was clipped at the top and bottom (the first-highlight name dialog). These give a dialog the
height its content needs at the width it is shown at."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def fit_height(widget: QWidget, width: int) -> None:
    """Resize ``widget`` to ``width`` and the height its layout needs there, and never let
    it be shorter than that."""
    layout = widget.layout()
    if layout is None:
        widget.resize(width, widget.sizeHint().height())
        return
    layout.activate()
    height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() \
        else layout.totalSizeHint().height()
    height = max(height, layout.totalMinimumSize().height())
    widget.setMinimumSize(min(width, widget.minimumSizeHint().width()), height)
    widget.resize(width, height)


def clipped_labels(root: QWidget) -> list[QLabel]:
    """Word-wrapped labels of ``root`` that are shorter than their text needs (for tests and
    for checking a dialog by hand)."""
    return [label for label in root.findChildren(QLabel)
            if label.isVisible() and not label.visibleRegion().isEmpty()
            and label.wordWrap() and label.text()
            and label.height() < label.heightForWidth(label.width())]
