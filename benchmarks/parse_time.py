#!/usr/bin/env python3
"""Per-document parse time: `parse.parse_text` alone, on one process, over a generated corpus.

    python benchmarks/parse_time.py [--n 3000] [--seed 1234] [--pages ../shared/eval/dev]

Parsing is the build's main per-document cost, so a parser change reports this figure
before and after (run it on both checkouts). The synthetic corpus comes from the shared
generator; with --pages it also times the real development pages. Prints the mean, median
and 99th-percentile milliseconds per document and the documents per second.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_GENERATOR = HERE.parent.parent / "shared" / "bench" / "gen_corpus.py"


def time_parse(texts: list[str]) -> dict:
    from cmvisit_data.parse import parse_text

    parse_text(texts[0])  # warm the compiled patterns and the weights
    per_doc = []
    for text in texts:
        t = time.perf_counter()
        parse_text(text)
        per_doc.append(time.perf_counter() - t)
    per_doc.sort()
    total = sum(per_doc)
    return {
        "documents": len(texts),
        "mean_ms": round(1000 * total / len(texts), 3),
        "median_ms": round(1000 * statistics.median(per_doc), 3),
        "p99_ms": round(1000 * per_doc[int(0.99 * (len(per_doc) - 1))], 3),
        "docs_per_s": round(len(texts) / total, 1),
    }


def read_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.rglob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # the generator's deliberately bad files
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--generator", type=Path, default=DEFAULT_GENERATOR)
    ap.add_argument("--pages", type=Path, help="also time the real pages in this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        subprocess.run(
            [sys.executable, str(args.generator), str(corpus), str(args.n), "--seed", str(args.seed)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        rows = {"synthetic": time_parse(read_texts(corpus))}
    if args.pages:
        rows["pages"] = time_parse(read_texts(args.pages))
    for name, row in rows.items():
        print(f"{name:10} " + "  ".join(f"{k}={v}" for k, v in row.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
