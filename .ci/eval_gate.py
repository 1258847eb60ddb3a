#!/usr/bin/env python3
"""The parser's eval gate: score the parser on a gold set and fail below the pinned minimums.

    python .ci/eval_gate.py ../shared/eval/dev

Two measurements, both with the shared scorer (`score.py` next to the gold directory):
- the whole development set, parsed by `cmvisit parse` with the package's own weights;
- leave-outlets-out cross-validation (`tools/fit_header.py cv`): pages folded by outlet, the
  header scorer fitted on the other folds, each held-out page parsed with its fold's weights.
  These scores are pinned as `cv_<name>`: what an outlet the parser has never met sees.
Prints both tables and exits 1 naming every score under its pin in .ci/eval-minimums.json,
or when src/cmvisit_data/quality.json (the figures the dataset card prints) is not what was
measured: `--write-quality` rewrites it from this run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

PINS = Path(__file__).with_name("eval-minimums.json")
QUALITY = Path(__file__).resolve().parents[1] / "src" / "cmvisit_data" / "quality.json"
FIT_TOOL = Path(__file__).resolve().parents[1] / "tools" / "fit_header.py"


def _scores(cmd: list[str], out: Path) -> dict | None:
    done = subprocess.run([*cmd, "--json", str(out)])
    if done.returncode != 0 or not out.exists():
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def _quality(gold: Path, whole: dict, cv: dict) -> dict:
    import csv

    with (gold / "SOURCES.tsv").open(encoding="utf-8") as handle:
        outlets = {row["outlet"] for row in csv.DictReader(handle, delimiter="\t")}
    keep = [k for k in whole if k.endswith(("_f1", "_accuracy"))]
    return {
        "pages": whole.get("documents"),
        "outlets": len(outlets),
        "measured_with": "eval/score.py of the project's shared evaluation set",
        "whole": {k: whole[k] for k in keep},
        "cross_validated": {k: cv[k] for k in keep},
    }


def main(argv: list[str]) -> int:
    write_quality = "--write-quality" in argv
    argv = [a for a in argv if a != "--write-quality"]
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
    quality = _quality(gold, whole, cv)
    if write_quality:
        QUALITY.write_text(json.dumps(quality, indent=2) + "\n", encoding="utf-8")
        print(f"eval gate: wrote {QUALITY}")
    elif not QUALITY.is_file() or json.loads(QUALITY.read_text(encoding="utf-8")) != quality:
        print(
            f"eval gate: FAIL {QUALITY.name} is not what was measured: run with --write-quality",
            file=sys.stderr,
        )
        return 1
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
