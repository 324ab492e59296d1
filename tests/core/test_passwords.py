"""Password-protected PDFs: the password given for a job opens the file in the worker (for
its text and for OCR), a wrong one says so, and none is ever kept."""

from __future__ import annotations

import pickle
from pathlib import Path

from reader.extract import passwords
from reader.extract.pool import Job, extract_many
from reader.model.documents import DocStatus

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
SEALED = FIXTURES / "password_required.pdf"  # password "study-group"


def run(password: str | None):
    (res,) = extract_many([Job("a", SEALED, password)], workers=1)
    return res


def test_no_password_wrong_password_right_password() -> None:
    none = run(None)
    assert none.status is DocStatus.PASSWORD and "needs a password" in none.reason
    wrong = run("guess")
    assert wrong.status is DocStatus.PASSWORD and wrong.reason == "the password is not right"
    right = run("study-group")
    assert right.status is DocStatus.OK, right.reason
    assert right.extracted is not None and right.extracted.text.strip()
    assert b"study-group" not in pickle.dumps(right)  # the result does not carry it


def test_the_password_is_only_set_while_a_job_runs() -> None:
    assert passwords.current() is None
    with passwords.using("study-group"):
        assert passwords.current() == "study-group"
        with passwords.using(None):
            assert passwords.current() is None
    assert passwords.current() is None
    assert "study-group" not in repr(Job("a", SEALED, "study-group"))


def test_library_unlock_keeps_text_and_password_in_memory(tmp_path: Path) -> None:
    import shutil

    import pytest

    from reader.errors import WrongPassword
    from reader.ops.pages import unlock
    from reader.workspace import Workspace

    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(SEALED, root / "sealed.pdf")
    ws = Workspace.open(root)
    lib = ws.library()
    lib.update()
    doc = lib.find("sealed.pdf")
    assert doc.status is DocStatus.PASSWORD
    with pytest.raises(WrongPassword, match="not right"):
        unlock(ws, doc.id, "guess")
    assert lib.get(doc.id).status is DocStatus.PASSWORD and lib.password(doc.id) is None
    opened = unlock(ws, doc.id, "study-group").value
    assert opened.status is DocStatus.OK and lib.text(doc.id).text.strip()
    assert lib.password(doc.id) == "study-group"
    # nothing of it was written: not the password, not the text
    words = lib.text(doc.id).text.split("\n")[0][:30].encode()
    assert len(words) >= 10
    for folder in (lib.cache.root, root, ws.cache_dir):
        for path in Path(folder).rglob("*"):
            if path.is_file() and path.suffix != ".pdf":
                data = path.read_bytes()
                if path.suffix == ".gz":
                    import gzip

                    data = gzip.decompress(data)
                assert b"study-group" not in data and words not in data, path
    # a new session (a new library) sees it as protected again
    again = Workspace.open(root).library()
    assert again.find("sealed.pdf").status is DocStatus.PASSWORD
    assert again.password(doc.id) is None
