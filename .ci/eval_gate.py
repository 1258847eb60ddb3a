#!/usr/bin/env python3
"""The parser's eval gate: score the parser on the gold sets and fail below the pinned minimums.

    python .ci/eval_gate.py ../shared/eval/dev ../shared/eval/check

Three measurements, all with the shared scorer (`score.py` next to the gold directories):
- the whole development set, parsed by `cmvisit parse` with the package's own weights;
- leave-outlets-out cross-validation on it (`tools/fit_header.py cv`): pages folded by outlet,
  the header scorer fitted on the other folds, each held-out page parsed with its fold's
  weights. These scores are pinned as `cv_<name>`;
- the sealed check set (pages of outlets found nowhere in dev, never read while developing),
  parsed with the package's own weights and pinned as `check_<name>`: the honest estimate of
  what an outlet the parser has never met sees.
Prints the tables and exits 1 naming every score under its pin in .ci/eval-minimums.json,
or when src/cmvisit_data/quality.json (the figures the dataset card prints) is not what was
measured: `--write-quality` rewrites it from this run. `--raise-pins` raises every pin that the
run measured above it, to what was measured (a pin is never lowered).
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


SCORES = ("_f1", "_accuracy", "_exact")  # the scorer's figures; counts and P/R are not pinned


def _outlets(gold: Path) -> int:
    import csv

    with (gold / "SOURCES.tsv").open(encoding="utf-8") as handle:
        return len({row["outlet"] for row in csv.DictReader(handle, delimiter="\t")})


def _quality(gold: Path, whole: dict, cv: dict, check_gold: Path, check: dict) -> dict:
    keep = [k for k in whole if k.endswith(SCORES)]
    return {
        "pages": whole.get("documents"),
        "outlets": _outlets(gold),
        "measured_with": "eval/score.py of the project's shared evaluation set",
        "whole": {k: whole[k] for k in keep},
        "cross_validated": {k: cv[k] for k in keep},
        "check": {
            "pages": check.get("documents"),
            "outlets": _outlets(check_gold),
            "scores": {k: check[k] for k in keep},
            "gold": {k: check[k] for k in check if k.endswith("_gold")},
        },
    }


def main(argv: list[str]) -> int:
    write_quality = "--write-quality" in argv
    raise_pins = "--raise-pins" in argv
    argv = [a for a in argv if a not in ("--write-quality", "--raise-pins")]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    gold, check_gold = Path(argv[0]), Path(argv[1])
    score_py = str(gold.parent / "score.py")
    with tempfile.TemporaryDirectory() as tmp:
        print("eval gate: the whole development set")
        whole = _scores([sys.executable, score_py, str(gold)], Path(tmp) / "whole.json")
        print("eval gate: leave-outlets-out cross-validation")
        cv = _scores([sys.executable, str(FIT_TOOL), "cv", str(gold)], Path(tmp) / "cv.json")
        print("eval gate: the sealed check set (outlets never read)")
        check = _scores([sys.executable, score_py, str(check_gold)], Path(tmp) / "check.json")
    if whole is None or cv is None or check is None:
        print("eval gate: the scorer failed", file=sys.stderr)
        return 1
    scores = {**whole, **{f"cv_{k}": v for k, v in cv.items()}, **{f"check_{k}": v for k, v in check.items()}}
    pinned = json.loads(PINS.read_text(encoding="utf-8"))
    pins = {k: v for k, v in pinned.items() if not k.startswith("_")}
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
    if raise_pins and risen:
        pinned.update({k: scores[k] for k, v in pins.items() if scores.get(k) is not None and scores[k] > v})
        PINS.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
        print(f"eval gate: raised {len(risen)} pins in {PINS.name}")
    if not below:
        print(f"eval gate: all {len(pins)} scores at or above their pins")
    quality = _quality(gold, whole, cv, check_gold, check)
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
