#!/usr/bin/env python3
"""Scale benchmark: generate a synthetic corpus, build it with `cmvisit build`, report.

    python benchmarks/run.py                    # N = 10,000 and 100,000
    python benchmarks/run.py --n 10000          # one size
    python benchmarks/run.py --n 10000 --floors # also run the shared floors (same corpus, same run)

For each N it: generates the corpus with the shared generator (`../shared/bench/gen_corpus.py`,
or --generator PATH), runs `cmvisit build --discover` on it (a generated corpus has no
provenance manifest) in a child process, and prints documents/s, MB/s, wall time, the peak
memory of the whole process tree (main process, fork server and workers, sampled from /proc
every 0.2 s: summed RSS, and summed PSS, which counts shared pages once), the main process's
own peak RSS (from wait4), and the build's own per-stage split. With --floors it runs the shared
`floors.py --builder` on the same corpus, which times the same build against the
end-to-end floor of this machine, and prints the ratio. Results go to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# `cmvisit` is found beside this Python (a venv's bin/) even when that venv is not activated.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
DEFAULT_GENERATOR = HERE.parent.parent / "shared" / "bench" / "gen_corpus.py"


def generate(generator: Path, corpus: Path, n: int, seed: int) -> None:
    if corpus.is_dir() and len(list(corpus.glob("*.txt"))) == n:
        return
    subprocess.run([sys.executable, str(generator), str(corpus), str(n), "--seed", str(seed)], check=True)


BUILD = "cmvisit build --discover --seeds {corpus} --out {out} --version 0.0.1 --format json"


def _tree(root: int) -> list[int]:
    """The process and all its descendants (the fork server and its workers included)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB, from /proc/PID/smaps_rollup (0, 0 once it is gone)."""
    rss = pss = 0
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeMemory(threading.Thread):
    """Samples the whole process tree's memory every 0.2 s: the peak of the summed RSS and of
    the summed PSS (which counts a page shared by several processes once, split between them)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.rss_kb, self.pss_kb = pid, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.2):
            sizes = [_memory_kb(pid) for pid in _tree(self.pid)]
            self.rss_kb = max(self.rss_kb, sum(r for r, _ in sizes))
            self.pss_kb = max(self.pss_kb, sum(p for _, p in sizes))


def run_build(corpus: Path, out: Path, workers: int | None, engine: str = "local") -> dict:
    cmd = [*BUILD.format(corpus=corpus, out=out).split(), "--engine", engine]
    if workers:
        cmd += ["--workers", str(workers)]
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    tree = TreeMemory(process.pid)
    tree.start()
    stdout = process.stdout.read() if process.stdout else b""
    tree.done.set()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    tree.join()
    report = json.loads(stdout or b"{}")
    return {"seconds": seconds, "exit_code": os.waitstatus_to_exitcode(status),
            "peak_rss_mb": usage.ru_maxrss / 1024, "tree_rss_mb": tree.rss_kb / 1024,
            "tree_pss_mb": tree.pss_kb / 1024, "report": report}  # fmt: skip


def corpus_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in corpus.glob("*.txt"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, action="append", help="corpus sizes (default 10000 and 100000)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="the build's engine (dask: the extra)"
    )
    ap.add_argument("--generator", type=Path, default=DEFAULT_GENERATOR)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "cmvisit-bench")
    ap.add_argument(
        "--floors", action="store_true", help="also run the shared floors.py --builder on the corpus"
    )
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    sizes = args.n or [10_000, 100_000]
    results = []
    for n in sizes:
        corpus = args.work / f"corpus-{n}-s{args.seed}"
        out = args.work / f"out-{n}"
        t0 = time.perf_counter()
        generate(args.generator, corpus, n, args.seed)
        print(f"[N={n:,}] corpus ready in {time.perf_counter() - t0:.1f}s: {corpus}", file=sys.stderr)
        subprocess.run(["rm", "-rf", str(out)], check=True)
        size = corpus_bytes(corpus)
        build = run_build(corpus, out, args.workers, args.engine)
        row = {
            "n": n,
            "engine": args.engine,
            "mib": round(size / 2**20, 1),
            "wall_s": round(build["seconds"], 2),
            "docs_per_s": round(n / build["seconds"], 1),
            "mib_per_s": round(size / 2**20 / build["seconds"], 2),
            "peak_rss_mb": round(build["peak_rss_mb"], 1),  # the main process alone
            "tree_peak_rss_mb": round(build["tree_rss_mb"], 1),  # every process of the build, summed
            "tree_peak_pss_mb": round(build["tree_pss_mb"], 1),
            "exit_code": build["exit_code"],
            "stages_s": build["report"].get("stats", {}).get("seconds", {}),
        }
        if args.floors:
            floors = args.generator.parent / "floors.py"
            builder = BUILD + " > /dev/null"
            result = args.work / f"floors-{n}.json"
            subprocess.run([sys.executable, str(floors), "--n", str(n), "--seed", str(args.seed), "--corpus",
                            str(corpus), "--builder", builder, "--out", str(result)], check=True)  # fmt: skip
            data = json.loads(result.read_text())
            row["floors"] = {
                "end_to_end_floor_s": round(data["builder"]["end_to_end_floor_s"], 2),
                "builder_s": round(data["builder"]["seconds"], 2),
                "ratio_vs_floor": round(data["builder"]["ratio_vs_floor"], 2),
                "builder_peak_rss_mb": round(data["builder"]["peak_rss_mb"], 1),
                "rows": {r["key"]: round(r["seconds"], 3) for r in data["stages"] if r.get("seconds")},
            }
        results.append(row)
        print(json.dumps(row), file=sys.stderr)
    print(f"{'N':>8} {'MiB':>7} {'wall s':>8} {'docs/s':>8} {'MiB/s':>7} {'tree RSS':>9} {'tree PSS':>9} "
          f"{'main RSS':>9} {'floor x':>8}")  # fmt: skip
    for r in results:
        ratio = r.get("floors", {}).get("ratio_vs_floor", "")
        memory = f"{r['tree_peak_rss_mb']:>9} {r['tree_peak_pss_mb']:>9} {r['peak_rss_mb']:>9}"
        print(f"{r['n']:>8,} {r['mib']:>7} {r['wall_s']:>8} {r['docs_per_s']:>8} {r['mib_per_s']:>7} "
              f"{memory} {ratio:>8}")  # fmt: skip
    for r in results:
        stages = ", ".join(f"{k} {v}" for k, v in r["stages_s"].items())
        print(f"N={r['n']:,} stages (s): {stages}")
    if len(results) >= 2:
        small, large = results[0], results[-1]
        growth = large["tree_peak_pss_mb"] / small["tree_peak_pss_mb"]
        print(f"whole-tree peak PSS at {large['n']:,} / at {small['n']:,}: {growth:.2f}x")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0 if all(r["exit_code"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
