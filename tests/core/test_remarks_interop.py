"""Replies and links survive W3C and Hypothesis export and import, a colleague's file, and
appear in the CSV export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reader.annotations.import_plan import plan_imports
from reader.annotations.interop import export, import_files
from reader.model.remarks import Link, Relation, Reply
from reader.workspace import Workspace
from tests.core.test_annotations_interop import annotate, workspace


def discuss(ws: Workspace, dev: Workspace) -> tuple[list, Reply, Reply, Link]:
    hs = annotate(ws)
    d = dev.annotations()
    d.load()
    r1 = d.reply(hs[0].id, "Is it **followed**? =SUM(A1)")
    d.save()
    m = ws.annotations()
    m.reload()
    r2 = m.reply(r1.id, "The Ledger checked: mostly.")
    lk = m.link(hs[0].id, hs[1].id, "contradicts", note="Immunity is wider.")
    m.save()
    return hs, r1, r2, lk


def test_w3c_export_and_import_keep_threads_and_links(tmp_path: Path) -> None:
    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "ws", "dev02", "Dev")
    hs, _r1, _r2, _lk = discuss(ws, dev)
    data, count = export(ws, "w3c")
    assert count == 3  # highlights (the replies and link travel with them)
    items = json.loads(data)["first"]["items"]
    assert [i["motivation"] for i in items[3:]] == ["replying", "replying", "linking"]
    path = tmp_path / "export.jsonld"
    path.write_bytes(data)
    other = workspace(tmp_path, "elsewhere", "zed03", "Zed")
    plan = plan_imports(other, [path])
    assert plan.files[0].remarks_added == 3
    (result,) = import_files(other, [path])
    assert (result.added, result.remarks_added) == (3, 3)
    s = other.annotations()
    flat = s.thread(hs[0].id).flat()
    assert [(n.depth, n.reply.text) for n in flat] == [
        (1, "Is it **followed**? =SUM(A1)"), (2, "The Ledger checked: mostly.")]
    assert all(n.reply.author == s.author for n in flat)  # imported: now Zed's
    assert json.loads(dict(flat[0].reply.extra)["pr:originalCreator"])["name"] == "Dev"
    (end,) = s.link_ends(hs[1].id)
    assert end.link.relation is Relation.CONTRADICTS and end.phrase == "contradicted by"
    assert end.other_live and end.link.note == "Immunity is wider."
    # importing the same file again changes nothing
    again = plan_imports(other, [path])
    assert again.files[0].remarks_added == 0


def test_export_without_notes_leaves_replies_out(tmp_path: Path) -> None:
    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "ws", "dev02", "Dev")
    discuss(ws, dev)
    items = json.loads(export(ws, "w3c", notes=False, names=False)[0])["first"]["items"]
    kinds = [i["motivation"] for i in items]
    assert "replying" not in kinds and kinds.count("linking") == 1
    link = items[-1]
    assert "body" not in link and "creator" not in link


def test_hypothesis_round_trip_keeps_replies_as_references_and_links(tmp_path: Path) -> None:
    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "ws", "dev02", "Dev")
    hs, r1, r2, _lk = discuss(ws, dev)
    data, _ = export(ws, "hypothesis")
    rows = json.loads(data)["annotations"]
    replies = [r for r in rows if r.get("references")]
    plain = hs[0].id.removeprefix("urn:uuid:")
    assert [r["references"] for r in replies] == [
        [plain], [plain, r1.id.removeprefix("urn:uuid:")]]
    holder = next(r for r in rows if r["id"] == plain)
    assert holder["policy_reader"]["links"][0]["relation"] == "contradicts"
    path = tmp_path / "h.json"
    path.write_bytes(data)
    other = workspace(tmp_path, "elsewhere", "zed03", "Zed")
    (result,) = import_files(other, [path])
    assert result.remarks_added == 3
    s = other.annotations()
    flat = s.thread(hs[0].id).flat()
    assert [n.reply.text for n in flat] == [r1.text, r2.text]
    assert flat[1].reply.target.quote == "decline to charge possession"
    assert [e.phrase for e in s.link_ends(hs[0].id)] == ["contradicts"]


def test_a_colleagues_file_brings_their_replies(tmp_path: Path) -> None:
    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "devspace", "dev02", "Dev")
    hs = annotate(ws)
    d = dev.annotations()
    d.load()
    path = ws.annotations_dir / "me01.json"
    # Dev replies to Maria's highlight in his own workspace (a copy of her file is there)
    (dev.annotations_dir).mkdir(parents=True, exist_ok=True)
    (dev.annotations_dir / "me01.json").write_bytes(path.read_bytes())
    d.reload()
    d.reply(hs[0].id, "Seen in court records?")
    d.save()
    (result,) = import_files(ws, [dev.annotations_dir / "dev02.json"])
    assert result.kind == "colleague" and result.remarks_added == 1
    assert ws.annotations().thread(hs[0].id).count == 1


def test_csv_export_has_replies_and_links_columns(tmp_path: Path) -> None:
    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "ws", "dev02", "Dev")
    hs, _r1, _r2, _lk = discuss(ws, dev)
    rows = list(csv.DictReader(io.StringIO(export(ws, "csv")[0].decode("utf-8-sig"))))
    first = next(r for r in rows if r["id"] == hs[0].id)
    assert first["replies"] == ("Dev: Is it **followed**? =SUM(A1)\n"
                                "  Maria: The Ledger checked: mostly.")
    assert first["links"].startswith("contradicts \u201cdispense naloxone")
    second = next(r for r in rows if r["id"] == hs[1].id)
    assert second["links"].startswith("contradicted by \u201cdecline to charge possession")
    anonymous = list(csv.DictReader(io.StringIO(
        export(ws, "csv", names=False, notes=False)[0].decode("utf-8-sig"))))
    assert all(r["replies"] == "" for r in anonymous)
    ws.annotations().delete(hs[1].id)
    rows = list(csv.DictReader(io.StringIO(export(ws, "csv")[0].decode("utf-8-sig"))))
    first = next(r for r in rows if r["id"] == hs[0].id)
    assert first["links"].endswith("[removed]")


def test_a_reply_that_starts_like_a_formula_is_made_inert(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    hs = annotate(ws)
    ws.annotations().reply(hs[0].id, "=1+1")
    raw = export(ws, "csv", names=False)[0].decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(raw)) if r["id"] == hs[0].id)
    assert row["replies"] == "'=1+1"


def test_the_spreadsheet_has_the_same_replies_and_links_columns(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from reader.annotations.xlsx_export import export_xlsx

    ws, dev = workspace(tmp_path, "ws"), workspace(tmp_path, "ws", "dev02", "Dev")
    hs, _r1, _r2, _lk = discuss(ws, dev)
    data, _ = export_xlsx(ws)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    assert head[13:15] == ["replies", "links"]
    first = next(r for r in rows[1:] if r[head.index("id")] == hs[0].id)
    assert first[13].startswith("Dev: Is it **followed**?")
    assert first[14].startswith("contradicts")
    assert head[15].startswith("Decriminalization and declination")  # theme columns follow
