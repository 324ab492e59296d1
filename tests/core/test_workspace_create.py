"""Opening a workspace folder that does not exist: made on request (and said), refused
with a clear reason otherwise, and every way making it can fail explained."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from reader.errors import WorkspaceError, WorkspaceMissing
from reader.workspace import Workspace


def test_a_missing_folder_is_made_when_asked_and_says_so(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "group" / "2025", create=True)
    assert ws.root.is_dir() and ws.created and not ws.seeded
    again = Workspace.open(tmp_path / "group" / "2025", create=True)
    assert not again.created  # it exists now: nothing made


def test_a_missing_folder_is_not_made_unasked(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing) as exc:
        Workspace.open(tmp_path / "typo")
    assert exc.value.path == (tmp_path / "typo").resolve()
    assert "does not exist" in str(exc.value) and "add FILE" in exc.value.hint
    assert not (tmp_path / "typo").exists()


def test_the_environment_variable_is_named_when_it_chose_the_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICY_READER_WORKSPACE", str(tmp_path / "from-env"))
    with pytest.raises(WorkspaceMissing, match=r"from \$POLICY_READER_WORKSPACE"):
        Workspace.open()
    assert Workspace.open(create=True).created


def test_a_file_in_the_way_is_not_a_workspace(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("x")
    with pytest.raises(WorkspaceError, match="is a file, not a folder") as exc:
        Workspace.open(tmp_path / "notes", create=True)
    assert "choose another name" in exc.value.hint
    with pytest.raises(WorkspaceError, match="part of the path is a file"):
        Workspace.open(tmp_path / "notes" / "inside", create=True)


@pytest.mark.parametrize(("code", "hint"), [
    (errno.EACCES, "cannot write in that folder"),
    (errno.EROFS, "read-only"),
    (errno.ENOSPC, "disk is full"),
    (errno.ENAMETOOLONG, "too long"),
    (errno.EIO, "Choose another folder"),
])
def test_every_way_making_it_fails_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                code: int, hint: str) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(code, "refused by the test", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(WorkspaceError) as exc:
        Workspace.open(tmp_path / "new", create=True)
    assert f"Cannot create the workspace folder {(tmp_path / 'new').resolve()}" in str(exc.value)
    assert "refused by the test" in str(exc.value) and hint in exc.value.hint


def test_a_name_no_file_system_takes_is_explained(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"Cannot use .* as a workspace folder"):
        Workspace.open(str(tmp_path / "bad\x00name"), create=True)


def test_a_reason_that_ends_a_sentence_does_not_end_it_twice() -> None:
    from reader.errors import DocumentError, ReaderError

    e = DocumentError("memo.pdf cannot be shown: password required: memo.pdf is encrypted "
                      "and needs a password..", "Ask for the password..")
    assert str(e) == ("memo.pdf cannot be shown: password required: memo.pdf is encrypted "
                      "and needs a password. Ask for the password.")
    assert str(ReaderError("Wait...")) == "Wait..."


def test_a_password_protected_document_is_explained_in_one_sentence(tmp_path: Path) -> None:
    from reader.errors import DocumentError
    from reader.model.documents import DocStatus

    (tmp_path / "memo.pdf").write_bytes(b"%PDF-1.4 not really")
    ws = Workspace.open(tmp_path)
    library = ws.library()
    library.update()
    doc = library.documents()[0]
    library._docs[doc.id] = type(doc)(**{**doc.__dict__, "status": DocStatus.PASSWORD,
                                         "reason": "memo.pdf is encrypted and needs a "
                                                   "password."})
    with pytest.raises(DocumentError) as exc:
        library.text(doc.id)
    assert str(exc.value).endswith("needs a password.") and ".." not in str(exc.value)
