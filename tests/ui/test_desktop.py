"""Desktop conventions: one window per workspace (a second launch hands its file over; a
stale socket is taken over; garbage on the socket is ignored), the workspace shown last
comes back, File → Recent Workspaces, and Help → About."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalSocket

from reader.ops.desktop import instance_address, instance_name
from reader.settings import Settings
from reader.ui import single_instance
from reader.ui.single_instance import InstanceServer, Reach
from reader.ui.widgets.about_dialog import AboutDialog
from tests.ui.gui_fixtures import wait_idle

REPO = Path(__file__).resolve().parents[2]
MEMO = """# Needle Exchange Hours at the Eastside Clinic

The county health office will keep the Eastside exchange open until 8 p.m. on weekdays.
"""


def launch(*args: str, probe: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_READER_GUI_PROBE=str(probe))
    return subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def open_on(qtbot, session, folder: Path) -> None:
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):
        session.open_workspace(folder)
    wait_idle(qtbot, session)


def test_a_second_launch_hands_its_file_to_the_running_window(
        qtbot, window, session, workspace_dir: Path, tmp_path: Path) -> None:
    open_on(qtbot, session, workspace_dir)
    server = single_instance.attach(window)
    assert server.name == instance_name(str(workspace_dir))
    outside = tmp_path / "downloads" / "eastside-hours.md"
    outside.parent.mkdir()
    outside.write_text(MEMO, "utf-8")
    probe = tmp_path / "second.json"
    with qtbot.waitSignal(server.received, timeout=60_000) as got:
        second = launch("--workspace", str(workspace_dir), "open", str(outside), probe=probe)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert not probe.exists()  # the second launch showed no window of its own
    assert got.args[0].files == (str(outside.resolve()),)
    qtbot.waitUntil(lambda: window.area.current_tab() is not None, timeout=60_000)
    doc = session.document(window.area.current_tab().doc_id)
    assert doc.title == "Needle Exchange Hours at the Eastside Clinic"
    assert (workspace_dir / doc.path).is_file()  # imported into the workspace first
    assert window.isVisible()


def test_a_window_follows_its_workspace_and_a_launch_elsewhere_is_not_caught(
        qtbot, window, session, workspace_dir: Path, tmp_path: Path) -> None:
    open_on(qtbot, session, workspace_dir)
    server = single_instance.attach(window)
    other = tmp_path / "other"
    other.mkdir()
    assert single_instance.hand_over(instance_name(str(other)), []) is Reach.ABSENT
    open_on(qtbot, session, other)
    assert server.name == instance_name(str(other))


def test_a_stale_socket_from_a_crashed_instance_is_taken_over(
        qtbot, workspace_dir: Path) -> None:
    name = instance_name(str(workspace_dir))
    path = Path(instance_address(name))
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))  # bound, never listening, left behind
    crashed.close()
    try:
        assert path.exists()
        assert single_instance.hand_over(name, [], timeout_ms=500) is Reach.ABSENT
        server = InstanceServer()
        assert server.listen(name)
        assert server.server.isListening() and server.server.fullServerName() == str(path)
        # a live server is never taken over: the second one steps back
        second = InstanceServer()
        assert not second.listen(name)
        assert server.server.isListening()
        server.close()
        assert not path.exists()  # a clean exit leaves nothing behind
    finally:
        path.unlink(missing_ok=True)


def test_garbage_on_the_socket_is_answered_and_ignored(qtbot, workspace_dir: Path) -> None:
    server = InstanceServer()
    assert server.listen(instance_name(str(workspace_dir)))
    received: list[object] = []
    server.received.connect(received.append)
    client = QLocalSocket()
    reply = bytearray()
    client.readyRead.connect(lambda: reply.extend(bytes(client.readAll().data())))
    client.connectToServer(instance_address(server.name))
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState)
    client.write(b"GET / HTTP/1.1\r\n\r\n")
    qtbot.waitUntil(lambda: b"\n" in reply, timeout=10_000)
    assert bytes(reply) == b"error\n" and received == []
    server.close()


def test_the_window_opens_on_the_workspace_shown_last(tmp_path: Path) -> None:
    last = tmp_path / "study group"
    last.mkdir()
    Settings().add_recent_workspace(last)
    probe = tmp_path / "probe.json"
    started = launch(probe=probe)
    _out, err = started.communicate(timeout=120)
    assert started.returncode == 0, err
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["title"] == "Policy Reader — study group"


def test_recent_workspaces_menu(qtbot, window, session, tmp_path: Path) -> None:
    here, gone = tmp_path / "here", tmp_path / "gone"
    here.mkdir()
    session.settings.add_recent_workspace(gone)
    session.settings.add_recent_workspace(here)
    menu = window.recent_menu
    assert window.menuBar().actions()[0].menu().actions()[2].menu() is menu
    assert menu.title() == "&Recent Workspaces"
    menu.aboutToShow.emit()
    items = [a for a in menu.actions() if not a.isSeparator()]
    assert [(a.text(), a.isEnabled()) for a in items] == [
        ("here", True), ("gone (not found)", False), ("&Clear the List", True)]
    assert items[1].toolTip() == f"{gone} (not found)"
    with qtbot.waitSignal(session.workspace_changed, timeout=30_000):
        items[0].trigger()
    assert session.workspace.root == here.resolve()
    menu.aboutToShow.emit()
    assert menu.actions()[0].isChecked()  # the workspace shown now
    next(a for a in menu.actions() if a.text() == "&Clear the List").trigger()
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == ["No recent workspaces"]
    wait_idle(qtbot, session)


def test_garbage_in_the_saved_recent_list_shows_an_empty_menu(qtbot, window, session) -> None:
    session.settings.set("recent_workspaces", {"not": "a list"})
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["No recent workspaces"]
    session.settings.set("recent_workspaces", [7, None, "", "a\0b"])
    window.recent_menu.aboutToShow.emit()
    assert [a.text() for a in window.recent_menu.actions()] == ["No recent workspaces"]


def test_about_box_lists_versions_and_licences_and_copies_them(qtbot, tmp_path: Path) -> None:
    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.details.toPlainText()
    assert dialog.windowTitle() == "About Policy Reader"
    for line in ("Policy Reader 0.1.0 (GPL-3.0-or-later)", "Qt  ", qVersion(),
                 "PySide6", pyside, "whoosh-reloaded", "2.7.5", "pdfminer.six", "lxml",
                 "Python", "SIL Open Font License 1.1", "Bitstream Vera Fonts licence"):
        assert line in text, line
    assert dialog.details.isReadOnly()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    dialog.grab().save(str(tmp_path / "about.png"))
    assert (tmp_path / "about.png").stat().st_size > 1000


def test_help_about_opens_the_box(qtbot, window) -> None:
    window.actions_.about.trigger()
    qtbot.waitUntil(lambda: window.findChild(AboutDialog) is not None)
    dialog = window.findChild(AboutDialog)
    assert dialog.isVisible() and dialog.isModal()
    dialog.close()
