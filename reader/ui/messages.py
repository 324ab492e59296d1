"""The one place the app shows messages: errors the person can act on, notices, and crashes.

* :func:`show_error` shows a :class:`~reader.errors.ReaderError` as a clear message; any
  other exception is a bug and goes to the crash dialog (with the log tail).
* :func:`report_crash` logs an unexpected exception and opens the crash dialog; the app keeps
  running. ``sys.excepthook`` is routed here by :func:`reader.ui.app.install_excepthook`.

Dialogs open window-modal without a nested event loop (``open()``), so nothing blocks the
task runner and tests can find them. ``HISTORY`` keeps the last messages (tests read it).
"""

from __future__ import annotations

import logging
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.errors import Cancelled, ReaderError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Shown:
    kind: str  # "error" | "warning" | "info" | "question" | "crash"
    title: str
    text: str
    details: str = ""


HISTORY: deque[Shown] = deque(maxlen=50)
_open_crash: list[QWidget] = []
_open_results: list[QWidget] = []


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
         info: str = "", details: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if info:
        box.setInformativeText(info)
    if details:
        box.setDetailedText(details)
    box.setAccessibleName(title)
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "") -> None:
    """Show ``error``: a ``ReaderError`` as a message, anything else as a crash."""
    if isinstance(error, Cancelled):
        return
    if not isinstance(error, ReaderError):
        report_crash(error, parent=parent)
        return
    title = title or "Policy Reader"
    log.info("shown to the user: %s", error)
    HISTORY.append(Shown("error", title, error.message, error.hint))
    _box(parent, QMessageBox.Icon.Warning, title, error.message, error.hint)


def show_problems(parent: QWidget | None, title: str, summary: str,
                  lines: list[str] | tuple[str, ...]) -> None:
    """A warning that lists several one-line problems (e.g. files an import could not read)."""
    details = "\n".join(lines)
    HISTORY.append(Shown("warning", title, summary, details))
    shown = "\n".join(f"• {line}" for line in lines[:6])
    more = f"\n…and {len(lines) - 6} more (see details)." if len(lines) > 6 else ""
    _box(parent, QMessageBox.Icon.Warning, title, summary, shown + more,
         details if len(lines) > 6 else "")


def show_info(parent: QWidget | None, title: str, text: str, info: str = "") -> None:
    HISTORY.append(Shown("info", title, text, info))
    _box(parent, QMessageBox.Icon.Information, title, text, info)


def show_result(parent: QWidget | None, title: str, text: str, info: str = "", *,
                actions: tuple[tuple[str, Callable[[], object]], ...] = ()) -> QMessageBox:
    """A finished piece of work ("Brief exported") with buttons that act on its result
    ("Open File", "Open Folder"); each button runs its callback and closes the message."""
    HISTORY.append(Shown("info", title, text, info))
    return _action_box(parent, title, text, info, actions, name="result",
                       icon=QMessageBox.Icon.Information,
                       close=QMessageBox.StandardButton.Close,
                       role=QMessageBox.ButtonRole.ActionRole)


def offer(parent: QWidget | None, title: str, text: str, info: str = "", *,
          actions: tuple[tuple[str, Callable[[], object]], ...]) -> QMessageBox:
    """A question with its answers as buttons ("Create Folder", "Choose Another Folder…")
    and Cancel; the first answer is the default. Each button runs its callback."""
    HISTORY.append(Shown("question", title, text, info))
    return _action_box(parent, title, text, info, actions, name="offer",
                       icon=QMessageBox.Icon.Question,
                       close=QMessageBox.StandardButton.Cancel,
                       role=QMessageBox.ButtonRole.AcceptRole)


def _action_box(parent: QWidget | None, title: str, text: str, info: str,
                actions: tuple[tuple[str, Callable[[], object]], ...], *, name: str,
                icon: QMessageBox.Icon, close: QMessageBox.StandardButton,
                role: QMessageBox.ButtonRole) -> QMessageBox:
    """A message (not modal) whose buttons run callbacks; the first is the default."""
    box = QMessageBox(icon, title, text, close, parent)
    box.setObjectName(f"{name}Box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if info:
        box.setInformativeText(info)
    box.setAccessibleName(title)
    callbacks: dict[object, Callable[[], object]] = {}
    for label, callback in actions:
        button = box.addButton(label, role)
        button.setObjectName(f"{name}Action_{len(callbacks)}")
        callbacks[button] = callback
    if callbacks:
        box.setDefaultButton(next(iter(callbacks)))  # type: ignore[arg-type]
    box.buttonClicked.connect(lambda button: callbacks[button]() if button in callbacks
                              else None)
    if parent is None:  # nothing else owns it: keep it alive until Qt deletes it
        _open_results.append(box)
        box.destroyed.connect(lambda *_, b=box: _open_results.remove(b)
                              if b in _open_results else None)
    box.open()
    return box


def report_crash(error: BaseException, *, parent: QWidget | None = None,
                 tb: str = "") -> None:
    """Log an unexpected exception and show the crash dialog. Never raises."""
    try:
        tb = tb or "".join(traceback.format_exception(type(error), error,
                                                      error.__traceback__))
        log.error("unexpected error: %s\n%s", error, tb)
        HISTORY.append(Shown("crash", "Something went wrong", str(error), tb))
        from reader.ui.crash_dialog import CrashDialog

        if _open_crash:  # one dialog at a time: add to the open one
            _open_crash[0].add_error(error, tb)  # type: ignore[attr-defined]
            return
        dialog = CrashDialog(error, tb, parent)
        _open_crash.append(dialog)
        dialog.finished.connect(lambda *_: _open_crash.clear())
        dialog.open()
    except Exception:  # the crash handler must never crash the app
        log.exception("could not show the crash dialog")
