"""Start the desktop app (placeholder until the GUI work lands)."""

from __future__ import annotations


def run_gui(workspace: str | None = None, *, open_doc: str | None = None,
            page: int | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QListWidget

    from reader.workspace import Workspace

    app = QApplication.instance() or QApplication([])
    ws = Workspace.open(workspace)
    ws.refresh(index=False)
    view = QListWidget()
    view.setWindowTitle(f"Policy Reader — {ws.name}")
    for doc in ws.library().documents():
        view.addItem(f"{doc.title}  ({doc.meta.kind}, {doc.status_line})")
    view.resize(720, 480)
    view.show()
    return app.exec()
