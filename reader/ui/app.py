"""QApplication set-up: names, icon, high-DPI, the style sheet, palette changes (light and
dark follow the system), and the one handler for unexpected exceptions."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui import messages
from reader.ui.resources import app_icon, clear_icon_cache, style_sheet

log = logging.getLogger(__name__)


class _CrashRelay(QObject):
    """Carries exceptions raised on other threads to the GUI thread."""

    crashed = Signal(object, str)


_relay: _CrashRelay | None = None


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv or [sys.argv[0] if sys.argv else "policy-reader"])
    app.setApplicationName("policy-reader")
    app.setApplicationDisplayName("Policy Reader")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("policy-reader")
    app.setWindowIcon(app_icon())
    app.setStyleSheet(style_sheet())
    # light/dark switches: icons are drawn again in the new text colour
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: clear_icon_cache())
    return app


def _excepthook(kind: type[BaseException], error: BaseException,
                tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        QApplication.quit()
        return
    text = "".join(traceback.format_exception(kind, error, tb))
    messages.report_crash(error, parent=QApplication.activeWindow(), tb=text)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or _relay is None:
        return
    text = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                              args.exc_traceback))
    _relay.crashed.emit(args.exc_value, text)


def install_excepthook() -> None:
    """Route unexpected exceptions (GUI thread and others) to the crash dialog; the app keeps
    running."""
    global _relay
    if _relay is None:
        _relay = _CrashRelay(QApplication.instance())
        _relay.crashed.connect(lambda exc, text: messages.report_crash(
            exc, parent=QApplication.activeWindow(), tb=text))
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
