"""What a long command says on stderr: the phases of the work with counts (checking,
reading, building the index), from the core's progress labels; quick phases stay quiet."""

from __future__ import annotations

import io
from pathlib import Path

from reader.cli.common import StderrProgress
from reader.ops import library
from reader.progress import phase, split_label
from reader.workspace import Workspace


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_phase_labels_split_into_phase_and_detail() -> None:
    seen: list[str] = []
    reading = phase(lambda d, t, label: seen.append(label), "Reading 3 files")
    reading(0, 3, "")
    reading(1, 3, "Extracted memo.pdf")
    reading(2, 3, "Reading 3 files")
    assert seen == ["Reading 3 files", "Reading 3 files: Extracted memo.pdf", "Reading 3 files"]
    assert split_label(seen[1]) == ("Reading 3 files", "Extracted memo.pdf")
    assert split_label("Saving") == ("Saving", "")


def test_a_log_gets_a_line_per_slow_phase_and_nothing_for_quick_ones() -> None:
    out, clock = io.StringIO(), Clock()
    progress = StderrProgress(stream=out, clock=clock)
    for i in range(32):  # checking 31 files takes no time: not worth a line
        progress(i, 31, "Checking 31 files for changes")
    reading = phase(progress, "Reading 31 files (the first time on this computer)")
    for i in range(32):
        clock.now += 0.3
        reading(i, 31, f"Extracted file{i}.pdf")
    clock.now += 1
    progress(0, 31, "Building the search index (31 documents)")
    clock.now += 1
    progress(31, 31, "Building the search index (31 documents)")
    progress.finish()
    lines = out.getvalue().splitlines()
    assert "Checking" not in out.getvalue()
    assert lines[0] == "Reading 31 files (the first time on this computer) 2/31"
    assert lines[-2] == "Reading 31 files (the first time on this computer) 31/31"
    assert 4 <= len(lines) <= 8  # every ~2 s, not every file
    assert lines[-1] == "Building the search index (31 documents) 31/31"


def test_a_terminal_line_is_updated_in_place_with_the_current_file() -> None:
    out, clock = Terminal(), Clock()
    progress = StderrProgress(stream=out, clock=clock)
    reading = phase(progress, "Reading 2 files")
    reading(0, 2, "")
    clock.now += 0.5
    reading(1, 2, "Extracting memo.pdf (page 3 of 37)")
    clock.now += 0.5
    reading(2, 2, "Extracted memo.pdf")
    clock.now += 0.5
    progress(1, 4, "Indexing 4 highlights")  # quick: never shown
    progress.finish()
    text = out.getvalue()
    assert "\r\x1b[KReading 2 files 1/2 · Extracting memo.pdf (page 3 of 37)" in text
    assert text.endswith("\r\x1b[KReading 2 files 2/2\n")  # the finished phase keeps a line
    assert "Indexing" not in text


def test_quiet_says_nothing() -> None:
    out, clock = io.StringIO(), Clock()
    progress = StderrProgress(quiet=True, stream=out, clock=clock)
    progress(0, 2, "Reading 2 files")
    clock.now += 5
    progress(2, 2, "Reading 2 files")
    assert out.getvalue() == ""


def test_the_library_names_its_phases_with_counts(workspace_dir: Path) -> None:
    for i in range(3):
        (workspace_dir / f"note{i}.md").write_text(f"# Note {i}\n\nSample words {i}.\n")
    labels: list[str] = []
    ws = Workspace.open(workspace_dir)
    library.refresh(ws, progress=lambda d, t, label: labels.append(label))
    phases = list(dict.fromkeys(split_label(label)[0] for label in labels))
    assert phases == ["Checking 3 files for changes",
                      "Reading 3 files (the first time on this computer)",
                      "Building the search index (3 documents)"]
    (workspace_dir / "note3.md").write_text("# Note 3\n\nMore words.\n")
    labels.clear()
    library.refresh(ws, progress=lambda d, t, label: labels.append(label))
    phases = list(dict.fromkeys(split_label(label)[0] for label in labels))
    assert phases == ["Checking 4 files for changes", "Reading 1 new or changed file",
                      "Updating the search index (1 document)"]


def test_the_delay_can_be_set_and_garbage_is_ignored(monkeypatch) -> None:
    for value, delay in (("0", 0.0), ("2.5", 2.5), ("soon", 0.4), ("-1", 0.4), ("1e99", 0.4),
                         ("", 0.4)):
        monkeypatch.setenv("POLICY_READER_PROGRESS_DELAY", value)
        assert StderrProgress(stream=io.StringIO()).delay == delay
