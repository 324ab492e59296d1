"""Benchmark: nothing confirmed is lost under faults (issue 17).

1. **kill -9 during saves**: a process saves highlights in a loop (one save per highlight,
   each confirmed id appended to a log as soon as its save returned); it is killed with
   SIGKILL at a random moment, again and again on the same workspace. After each kill the
   author file must be readable and hold every confirmed highlight.
2. **concurrent writers as one author**: threads (each its own store, as windows), spawned
   processes, and command-line ``annotate`` loops run at the same time as the same
   person. Every highlight whose save returned (or whose command exited 0) must be in the
   file at the end.

Prints JSON: kills, concurrent runs, highlights confirmed, highlights lost (must be 0).

    python tests/bench/faults.py [--kills 30] [--runs 3] [--per-writer 40] [--cli 6]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.annotations.files import read_file  # noqa: E402
from tests.core.annotations_fixtures import settings_for  # noqa: E402
from tests.faults.ann_workers import write_loop, write_loop_child  # noqa: E402

ME = "bench01"
MEMO_TXT = ("Office of the District Attorney\n\nThis office will decline to charge possession "
            "of a controlled substance where the amount is consistent with personal use.\n\n"
            "Officers are encouraged to carry naloxone and to refer people to services.\n")
CLI_QUOTES = ("decline to charge", "controlled substance", "personal use", "carry naloxone",
              "refer people", "District Attorney")


def on_disk(root: Path, author: str = ME) -> tuple[set[str], list[str]]:
    path = root / ".policy-reader" / "annotations" / f"{author}.json"
    if not path.exists():
        return set(), []
    fr = read_file(path, author, False, max_bytes=None)
    return {h.id for h in fr.highlights if not h.deleted}, fr.problems


def fresh_person(base: Path, name: str) -> tuple[Path, Path]:
    root = base / name / "ws"
    root.mkdir(parents=True)
    settings = base / name / "settings.json"
    settings_for(settings, ME, "Bench")
    return root, settings


# -- 1. kill -9 during saves -----------------------------------------------------------------
def kills(base: Path, count: int, rng: random.Random) -> dict[str, int]:
    root, settings = fresh_person(base, "kills")
    confirm = base / "kills" / "confirmed.txt"
    unreadable = lost = 0
    for i in range(count):
        child = subprocess.Popen(
            [sys.executable, __file__, "--child-saver", str(root), str(settings),
             str(confirm), str(i)], cwd=REPO, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.6, 1.6))  # start-up (~0.5 s), then saving
        child.send_signal(signal.SIGKILL)
        child.wait()
        ids, problems = on_disk(root)
        confirmed = set(confirm.read_text("utf-8").split()) if confirm.exists() else set()
        unreadable += bool(problems)
        lost = len(confirmed - ids)
        if lost or problems:
            print(f"kill {i}: lost {lost}, problems {problems}", file=sys.stderr)
    confirmed = set(confirm.read_text("utf-8").split()) if confirm.exists() else set()
    return {"kills": count, "confirmed": len(confirmed), "lost": lost,
            "unreadable_after_kill": unreadable}


def child_saver(root: str, settings: str, confirm: str, seed: str) -> None:
    write_loop(root, settings, 10_000, int(seed), fresh=False, confirm=confirm)


# -- 2. concurrent writers -------------------------------------------------------------------
def threads_run(base: Path, name: str, n: int, per: int) -> tuple[int, int]:
    root, settings = fresh_person(base, name)
    confirmed: list[str] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        ids = write_loop(str(root), str(settings), per, seed=i, fresh=i % 2 == 0)
        with lock:
            confirmed.extend(ids)

    ts = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return len(confirmed), len(set(confirmed) - on_disk(root)[0])


def processes_run(base: Path, name: str, n: int, per: int) -> tuple[int, int]:
    root, settings = fresh_person(base, name)
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(n)
    results = ctx.Queue()
    procs = [ctx.Process(target=write_loop_child,
                         args=(str(root), str(settings), per, 1000 + i, start, results))
             for i in range(n)]
    for p in procs:
        p.start()
    got = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    confirmed = {hid for _, ids in got if not isinstance(ids, str) for hid in ids}
    return len(confirmed), len(confirmed - on_disk(root)[0])


def cli_run(base: Path, name: str, n: int, per: int) -> tuple[int, int]:
    root = base / name / "ws"
    root.mkdir(parents=True)
    (root / "memo.txt").write_text(MEMO_TXT, "utf-8")
    env = {**os.environ, "POLICY_READER_HOME": str(base / name / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "reader", "-q", "-w", str(root)]
    me = json.loads(subprocess.run([*cmd, "whoami", "--json"], env=env, cwd=REPO,
                                   capture_output=True, text=True, check=True).stdout)["id"]
    subprocess.run([*cmd, "index"], env=env, cwd=REPO, capture_output=True, check=False)
    confirmed: list[str] = []
    lock = threading.Lock()

    def loop(i: int) -> None:
        for k in range(per):
            quote = CLI_QUOTES[(i + k) % len(CLI_QUOTES)]
            r = subprocess.run([*cmd, "annotate", "memo.txt", "--quote", quote,
                                "--occurrence", "1", "--note", f"cli {i}.{k}"],
                               env=env, cwd=REPO, capture_output=True, text=True)
            if r.returncode == 0:
                with lock:
                    confirmed.append(r.stdout.strip())
            else:
                print(f"cli {i}.{k}: {r.stderr.strip()}", file=sys.stderr)

    ts = [threading.Thread(target=loop, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return len(confirmed), len(set(confirmed) - on_disk(root, me)[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3, help="concurrent runs of each kind")
    ap.add_argument("--per-writer", type=int, default=40)
    ap.add_argument("--cli", type=int, default=6, help="annotate commands per CLI writer")
    ap.add_argument("--child-saver", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_saver:
        child_saver(*args.child_saver)
        return
    rng = random.Random(17)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
        base = Path(tmp)
        os.environ["POLICY_READER_HOME"] = str(base / "home")
        killed = kills(base, args.kills, rng)
        runs: dict[str, dict[str, int]] = {}
        for kind, fn, n, per in (("threads", threads_run, 4, args.per_writer),
                                 ("processes", processes_run, 2, args.per_writer),
                                 ("cli", cli_run, 2, args.cli)):
            confirmed = lost = 0
            for r in range(args.runs):
                c, lo = fn(base, f"{kind}-{r}", n, per)
                confirmed += c
                lost += lo
            runs[kind] = {"runs": args.runs, "writers": n, "confirmed": confirmed,
                          "lost": lost}
    total_confirmed = killed["confirmed"] + sum(r["confirmed"] for r in runs.values())
    total_lost = killed["lost"] + sum(r["lost"] for r in runs.values())
    print(json.dumps({
        "cores": os.cpu_count(),
        "kills": killed["kills"],
        "kill_saves_confirmed": killed["confirmed"],
        "kill_saves_lost": killed["lost"],
        "unreadable_after_kill": killed["unreadable_after_kill"],
        "concurrent_runs": sum(r["runs"] for r in runs.values()),
        "concurrent": runs,
        "highlights_confirmed": total_confirmed,
        "highlights_lost": total_lost,
        "seconds": round(time.perf_counter() - t0, 1),
    }, indent=2))


if __name__ == "__main__":
    main()
