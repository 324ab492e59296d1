"""The desktop app (PySide6). The only package that imports Qt.

Importing this package first applies :mod:`reader.ui.pyside_fix` (PySide6 6.12's stable-ABI
wheels release one reference to ``None`` too many on every call of a Qt method returning
``void`` when run on Python 3.11; without the fix the app aborts after a few thousand calls).
"""

from reader.ui.pyside_fix import protect_none

protect_none()
