#!/usr/bin/env python3
"""Fit the header scorer's weights from annotated pages, and measure them honestly.

    python tools/fit_header.py fit GOLD_DIR [--out src/cmvisit_data/header/weights.json]
    python tools/fit_header.py cv GOLD_DIR [--folds 10] [--json OUT]
    python tools/fit_header.py parse --folds-map MAP.json FILE...   (used by cv)

GOLD_DIR holds NNN.txt pages with NNN.gold.json annotations (../shared/eval/dev) and a
SOURCES.tsv naming each page's outlet. `fit` fits one logistic model per role (where an
embedded post starts, then the title, then the publication date, whose features depend on
where the title is) and writes
the weights file the package ships: feature names, coefficients, intercept, threshold,
scikit-learn's version and a digest of the training pages. The pages' text never leaves
GOLD_DIR. `cv` folds the pages by outlet (GroupKFold), fits on the other folds, parses each
held-out page with its fold's weights and scores all of them with GOLD_DIR/../score.py:
the figure an outlet the parser has never met should see.

Needs the fitting extra: pip install '.[fit]'.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shlex
import subprocess
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

from cmvisit_data import segment
from cmvisit_data.extract.header_features import title_candidates
from cmvisit_data.extract.metadata import extract_metadata
from cmvisit_data.extract.posts import find_posts
from cmvisit_data.header import model as header_model
from cmvisit_data.header.features import FEATURES
from cmvisit_data.header.text import norm

ROLES = ("title", "published", "post_line")
C = 1.0  # inverse regularisation strength: a small, strongly regularised model for ~100 pages


def pages(gold_dir: Path) -> list[dict]:
    outlets = {}
    sources = gold_dir / "SOURCES.tsv"
    if sources.exists():
        with sources.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                outlets[row["id"]] = row["outlet"]
    out = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        pid = gold.name.removesuffix(".gold.json")
        txt = gold.with_name(pid + ".txt")
        out.append(
            {
                "id": pid,
                "txt": txt,
                "raw": txt.read_text(encoding="utf-8"),
                "gold": json.loads(gold.read_text(encoding="utf-8")),
                "outlet": outlets.get(pid, pid),
                "digest": hashlib.sha256(txt.read_bytes() + gold.read_bytes()).hexdigest(),
            }
        )
    return out


def _lines(raw: str, model: header_model.HeaderModel, explain: dict | None = None):
    lines = segment.split_lines(raw)
    segment.classify(lines)
    find_posts(raw, lines, model, explain)
    return lines


def title_rows(page: dict, model: header_model.HeaderModel) -> list[tuple[dict, int]]:
    """(features, label) for every title candidate of a page, its posts found by model."""
    raw = page["raw"]
    lines = _lines(raw, model)
    text_lines = [line for line in lines if line.kind == segment.TEXT]
    gold = norm(page["gold"].get("title") or "")
    return [
        (c.values, int(bool(gold) and norm(raw[c.start : c.end]) == gold))
        for c in title_candidates(lines, text_lines)
    ]


def date_rows(page: dict, model: header_model.HeaderModel) -> list[tuple[dict, int]]:
    """(features, label) for every publication-date candidate, with the title chosen by model."""
    why: dict = {}
    extract_metadata(page["raw"], _lines(page["raw"], model), model, why)
    gold = page["gold"].get("published")
    out = []
    # A page with no text line has no header to read, and so no date candidates to learn from.
    for c in why.get("published", {}).get("candidates", []):
        out.append((c["features"], int(gold is not None and c.get("iso") == gold)))
    return out


def post_line_rows(page: dict) -> list[tuple[dict, int]]:
    """(features, label) for every line above a post's last line, up to rules.MAX_POST_LINES, each
    labelled by whether the gold post's text holds it. Read with a model that takes none of
    them, so every post offers all its lines above."""
    explain: dict = {}
    _lines(page["raw"], _staged(), explain)
    golds = [norm(t["text"]) for t in page["gold"].get("tweets") or []]
    rows = []
    for post in explain.get("posts", []):
        for cand in post["lines_above"]:
            if not cand["same_script"] or cand.get("article_quote") or not cand.get("fits", True):
                continue  # never the post's, whatever the weights: not learnt from
            text = norm(cand["text"])
            rows.append((cand["features"], int(any(text and text in g for g in golds))))
    return rows


def _fit_lines(role: str, rows: list[tuple[dict, int]]) -> dict:
    """A logistic model over line features, with the threshold that maximises line-level F1."""
    from sklearn.linear_model import LogisticRegression

    names = list(FEATURES[role])
    x, y = _matrix(rows, names)
    if len(set(y)) < 2:
        return _never(names)
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit(x, y)
    coef = [round(float(c), 6) for c in clf.coef_[0]]
    intercept = round(float(clf.intercept_[0]), 6)
    rm = header_model.RoleModel(tuple(names), tuple(coef), intercept, 0.5)
    best = [(rm.score(values), bool(label), bool(label)) for values, label in rows]
    return {"features": names, "coef": coef, "intercept": intercept, "threshold": _threshold(best)}


def _matrix(rows, names):
    return [[float(values.get(n, 0.0)) for n in names] for values, _ in rows], [y for _, y in rows]


def _fit_role(role: str, groups: list[list[tuple[dict, int]]], has_gold: list[bool]) -> dict:
    """A logistic model over the role's features, and the threshold that maximises the
    document-level F1 of 'best candidate above threshold' on the training pages."""
    from sklearn.linear_model import LogisticRegression

    names = list(FEATURES[role])
    rows = [r for g in groups for r in g]
    x, y = _matrix(rows, names)
    if len(set(y)) < 2:
        raise SystemExit(f"fit: no positive and negative {role} candidates to learn from")
    clf = LogisticRegression(C=C, max_iter=5000)
    clf.fit(x, y)
    coef = [round(float(c), 6) for c in clf.coef_[0]]
    intercept = round(float(clf.intercept_[0]), 6)
    rm = header_model.RoleModel(tuple(names), tuple(coef), intercept, 0.5)
    best = []  # (score of the page's best candidate, is it right, page has gold)
    for g, gold in zip(groups, has_gold, strict=True):
        if not g:
            best.append((None, False, gold))
            continue
        scores = [rm.score(values) for values, _ in g]
        i = max(range(len(g)), key=scores.__getitem__)
        best.append((scores[i], bool(g[i][1]), gold))
    threshold = _threshold(best)
    return {"features": names, "coef": coef, "intercept": intercept, "threshold": threshold}


def _threshold(best) -> float:
    scores = sorted({s for s, _, _ in best if s is not None})
    cuts = [0.5] + [(a + b) / 2 for a, b in pairwise(scores)] + ([scores[-1] + 1e-6] if scores else [])

    def f1(t: float) -> tuple[float, float]:
        tp = sum(1 for s, ok, _ in best if s is not None and s >= t and ok)
        pred = sum(1 for s, _, _ in best if s is not None and s >= t)
        gold = sum(1 for _, _, g in best if g)
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), -abs(t - 0.5)

    return round(max(cuts, key=f1), 6)


def _never(role_names) -> dict:
    return {
        "features": list(role_names),
        "coef": [0.0] * len(role_names),
        "intercept": -50.0,
        "threshold": 1.0,
    }


def _staged(**roles: dict) -> header_model.HeaderModel:
    """A model with the given roles fitted and every other role deciding nothing."""
    entries = {name: roles.get(name) or _never(FEATURES[name]) for name in FEATURES}
    return header_model.from_dict({"format": header_model.FORMAT, "roles": entries}, FEATURES)


def fit(train: list[dict]) -> dict:
    import sklearn

    post_line = _fit_lines("post_line", [r for p in train for r in post_line_rows(p)])
    titles = [title_rows(p, _staged(post_line=post_line)) for p in train]
    title = _fit_role("title", titles, [bool(p["gold"].get("title")) for p in train])
    stage = _staged(title=title, post_line=post_line)
    dates = [date_rows(p, stage) for p in train]
    published = _fit_role("published", dates, [p["gold"].get("published") is not None for p in train])
    digest = hashlib.sha256("".join(sorted(p["digest"] for p in train)).encode()).hexdigest()
    return {
        "format": header_model.FORMAT,
        "fitted_with": f"scikit-learn {sklearn.__version__}",
        "model": f"LogisticRegression(C={C}), threshold maximising the training pages' F1",
        "training_set": {"pages": len(train), "outlets": len({p["outlet"] for p in train}), "sha256": digest},
        "roles": {"title": title, "published": published, "post_line": post_line},
    }


def write(weights: dict, path: Path) -> None:
    path.write_text(json.dumps(weights, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def cross_validate(gold_dir: Path, n_folds: int, out_json: Path | None, show: int = 0) -> dict:
    from sklearn.model_selection import GroupKFold

    all_pages = pages(gold_dir)
    groups = [p["outlet"] for p in all_pages]
    with tempfile.TemporaryDirectory() as tmp:
        folds = {}
        splitter = GroupKFold(n_splits=n_folds)
        for i, (train_i, test_i) in enumerate(splitter.split(all_pages, groups=groups)):
            path = Path(tmp) / f"fold-{i}.json"
            write(fit([all_pages[j] for j in train_i]), path)
            for j in test_i:
                folds[str(all_pages[j]["txt"].resolve())] = str(path)
        fold_map = Path(tmp) / "folds.json"
        fold_map.write_text(json.dumps(folds), encoding="utf-8")
        scores_path = Path(tmp) / "scores.json"
        me = Path(__file__).resolve()
        cmd = shlex.join([sys.executable, str(me), "parse", "--folds-map", str(fold_map)])
        done = subprocess.run(
            [
                sys.executable,
                str(gold_dir.parent / "score.py"),
                str(gold_dir),
                "--cmd",
                cmd,
                "--json",
                str(scores_path),
                "--show",
                str(show),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        if done.returncode != 0:
            raise SystemExit("cv: the scorer failed")
        if show:
            print(done.stdout[done.stdout.find("misses:") :])
        scores = json.loads(scores_path.read_text(encoding="utf-8"))
    if out_json:
        out_json.write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
    return scores


def parse_with_folds(fold_map: Path, files: list[str]) -> int:
    from cmvisit_data.record import parse_path

    folds = json.loads(fold_map.read_text(encoding="utf-8"))
    models: dict[str, header_model.HeaderModel] = {}
    failed = False
    for f in files:
        path = folds[str(Path(f).resolve())]
        model = models.get(path) or models.setdefault(path, header_model.load(path))
        record, problems = parse_path(f, model=model)
        if record is None:
            failed = True
            record = {"file": f, "valid": False, "problems": [p.to_dict() for p in problems]}
        print(json.dumps(record, ensure_ascii=False))
    return 1 if failed else 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fit", help="fit on every page and write the weights file")
    f.add_argument("gold_dir", type=Path)
    f.add_argument("--out", type=Path, default=header_model.WEIGHTS_PATH)
    c = sub.add_parser("cv", help="leave-outlets-out cross-validated scores")
    c.add_argument("gold_dir", type=Path)
    c.add_argument("--folds", type=int, default=10)
    c.add_argument("--json", type=Path)
    c.add_argument("--show", type=int, default=0, help="list up to N misses per element")
    p = sub.add_parser("parse", help="parse files, each with the weights of the fold that held it out")
    p.add_argument("--folds-map", type=Path, required=True)
    p.add_argument("files", nargs="+")
    args = ap.parse_args(argv)
    if args.cmd == "fit":
        weights = fit(pages(args.gold_dir))
        write(weights, args.out)
        print(f"wrote {args.out}: {weights['training_set']}")
        return 0
    if args.cmd == "cv":
        scores = cross_validate(args.gold_dir, args.folds, args.json, args.show)
        for k, v in scores.items():
            print(f"{k:28} {v}")
        return 0
    return parse_with_folds(args.folds_map, args.files)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
