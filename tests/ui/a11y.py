"""Walking Qt's accessibility tree, as a screen reader does: every control a person can
operate must announce a name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QWidget

Role = QAccessible.Role
CONTROLS = {Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox,
            Role.EditableText, Role.SpinBox, Role.Slider, Role.ButtonMenu,
            Role.ButtonDropDown, Role.List, Role.Tree, Role.Table, Role.PageTab,
            Role.PageTabList, Role.Link, Role.ScrollBar}
LEAVES = {Role.List, Role.Tree, Role.Table, Role.ComboBox}  # their items name themselves


def _label(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else "?"
    name = obj.objectName() if obj is not None else ""
    parent = obj.parent() if obj is not None else None
    where = f"{type(parent).__name__}:{parent.objectName()}" if parent is not None else ""
    return f"{iface.role().name} {kind} {name!r} in {where}"


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls under ``root`` (visible ones) whose accessible name is empty."""
    out: list[str] = []
    seen: set[int] = set()

    def walk(iface: QAccessibleInterface | None, depth: int) -> None:
        if iface is None or not iface.isValid() or depth > 60:
            return
        if iface.state().invisible:
            return
        key = id(iface.object()) if iface.object() is not None else id(iface)
        role = iface.role()
        if role in CONTROLS and key not in seen:
            seen.add(key)
            if role == Role.ScrollBar:
                return  # named by Qt by orientation
            if not (iface.text(QAccessible.Text.Name) or "").strip():
                out.append(_label(iface))
        if role in LEAVES:
            return
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    walk(QAccessible.queryAccessibleInterface(root), 0)
    return out


def unnamed_widgets(root: QWidget) -> list[str]:
    """The same from the widget tree: every visible interactive widget under ``root`` has
    a name a screen reader can say (its text, its label, or its accessible name)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QPlainTextEdit,
        QScrollBar,
        QTabBar,
        QTextEdit,
    )

    interactive = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox,
                   QComboBox, QLineEdit, QTextEdit, QPlainTextEdit, QTabBar, QHeaderView)
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, interactive) or isinstance(w, QScrollBar):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue  # the spin box's or combo box's own line: it speaks for it
        if not w.isVisibleTo(root) or not w.isVisible():
            continue
        iface = QAccessible.queryAccessibleInterface(w)
        if iface is None or not (iface.text(QAccessible.Text.Name) or "").strip():
            parent = w.parentWidget()
            out.append(f"{type(w).__name__} {w.objectName()!r} in "
                       f"{type(parent).__name__}:{parent.objectName() if parent else ''}")
    return out
