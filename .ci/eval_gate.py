#!/usr/bin/env python3
"""The parser's eval gate: score the parser on a gold set and fail below the pinned minimums.

    python .ci/eval_gate.py ../shared/eval/dev

Runs the shared scorer (`score.py` next to the gold directory, which calls `cmvisit parse`),
prints its table, and exits 1 naming every score under its pin in .ci/eval-minimums.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PINS = Path(__file__).with_name("eval-minimums.json")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    gold = Path(argv[0])
    scorer = gold.parent / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        done = subprocess.run([sys.executable, str(scorer), str(gold), "--json", str(out)])
        if done.returncode != 0 or not out.exists():
            print("eval gate: the scorer failed", file=sys.stderr)
            return 1
        scores = json.loads(out.read_text(encoding="utf-8"))
    pins = {k: v for k, v in json.loads(PINS.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    below = [
        f"{name} = {scores.get(name)} < pinned {minimum}"
        for name, minimum in pins.items()
        if scores.get(name) is None or scores[name] < minimum
    ]
    risen = [f"{name} = {scores[name]} > pinned {minimum}" for name, minimum in pins.items()
             if scores.get(name) is not None and scores[name] > minimum]  # fmt: skip
    for line in below:
        print(f"eval gate: FAIL {line}", file=sys.stderr)
    for line in risen:
        print(f"eval gate: note {line}: raise the pin in {PINS.name}", file=sys.stderr)
    if not below:
        print(f"eval gate: all {len(pins)} scores at or above their pins")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
