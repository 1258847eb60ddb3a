#!/usr/bin/env python3
"""The parser's eval gate: score the parser on a gold set and fail below the pinned minimums.

    python .ci/eval_gate.py ../shared/eval/dev

Two measurements, both with the shared scorer (`score.py` next to the gold directory):
- the whole development set, parsed by `cmvisit parse` with the package's own weights;
- leave-outlets-out cross-validation (`tools/fit_header.py cv`): pages folded by outlet, the
  header scorer fitted on the other folds, each held-out page parsed with its fold's weights.
  These scores are pinned as `cv_<name>`: what an outlet the parser has never met sees.
Prints both tables and exits 1 naming every score under its pin in .ci/eval-minimums.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PINS = Path(__file__).with_name("eval-minimums.json")
FIT_TOOL = Path(__file__).resolve().parents[1] / "tools" / "fit_header.py"


def _scores(cmd: list[str], out: Path) -> dict | None:
    done = subprocess.run([*cmd, "--json", str(out)])
    if done.returncode != 0 or not out.exists():
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    gold = Path(argv[0])
    with tempfile.TemporaryDirectory() as tmp:
        print("eval gate: the whole development set")
        whole = _scores([sys.executable, str(gold.parent / "score.py"), str(gold)], Path(tmp) / "whole.json")
        print("eval gate: leave-outlets-out cross-validation")
        cv = _scores([sys.executable, str(FIT_TOOL), "cv", str(gold)], Path(tmp) / "cv.json")
    if whole is None or cv is None:
        print("eval gate: the scorer failed", file=sys.stderr)
        return 1
    scores = {**whole, **{f"cv_{k}": v for k, v in cv.items()}}
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
