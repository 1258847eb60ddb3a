#!/usr/bin/env python3
"""Main-text F1 of HTML pages beside trafilatura, in the same run (issue 26).

    python benchmarks/html_f1.py [--n 200] [--seed 1234] [--pages DIR ...]

For each page: the main text `cmvisit parse` gives (its paragraphs, joined; `record.parse_path`,
what the command calls) and `trafilatura.extract(page, deduplicate=False)`.

- agreement: the token-bag F1 of our main text against trafilatura's, over all pages;
- snippets (with/without, as trafilatura's evaluation scores): on the generated pages, where
  what belongs to the article is known. "With" snippets are the paragraphs the package's text
  parser gives for the same text as a .txt; "without" snippets are the template's navigation
  and footer and the boilerplate lines the text parser marks. A with snippet found is a true
  positive, one missing a false negative; a without snippet found is a false positive. Both
  extractors are scored on the same snippets: F1 for ours and for trafilatura's.

Every page that fails or comes out with an empty body is named, and every span of every record
is checked against its `rendering`. The pages: tests/html/*.html (and any --pages folder), and
--n pages the shared generator's texts give, wrapped in benchmarks/html_pages.py's templates.
One process; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from html_pages import GENERATOR, NAV, _page  # noqa: E402

TEMPLATE_CHROME = ("Section 3", "Section 11", "Copyright Site. All rights reserved.")


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def bag_f1(ours: str, reference: str) -> float:
    """Token-bag F1 of one text against another (1.0 when both are empty)."""
    a, b = _tokens(ours), _tokens(reference)
    common = sum((a & b).values())
    if not a and not b:
        return 1.0
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _flat(text: str) -> str:
    return " ".join(text.split())


class Snippets:
    """True and false positives and negatives of with/without snippets, summed over pages."""

    def __init__(self) -> None:
        self.tp = self.fn = self.fp = self.tn = 0

    def score(self, output: str, with_: list[str], without: list[str]) -> None:
        flat = _flat(output)
        found = [_flat(s) in flat for s in with_]
        self.tp += sum(found)
        self.fn += len(found) - sum(found)
        leaked = [_flat(s) in flat for s in without]
        self.fp += sum(leaked)
        self.tn += len(leaked) - sum(leaked)

    def f1(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def spans_broken(record: dict[str, Any]) -> list[str]:
    """Every span ({text, start, end} anywhere in the record) that does not select its text in
    the rendering (in raw_text for a text document)."""
    text = record["rendering"] if record.get("rendering") is not None else record["raw_text"]
    broken: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            if {"text", "start", "end"} <= node.keys() and isinstance(node["start"], int):
                if text[node["start"] : node["end"]] != node["text"]:
                    broken.append(where)
            for key, value in node.items():
                if key not in ("raw_text", "rendering"):
                    walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(record, "")
    return broken


def _generated(n: int, seed: int, folder: Path) -> list[tuple[Path, str]]:
    """(page file, the text it wraps) for n generated texts."""
    texts_dir = folder / "texts"
    subprocess.run([sys.executable, str(GENERATOR), str(texts_dir), str(n), "--seed", str(seed)],
                   check=True, capture_output=True)  # fmt: skip
    out = []
    for i, source in enumerate(sorted(texts_dir.glob("*.txt"))):
        text = source.read_text(encoding="utf-8")
        page = folder / f"gen_{i:05d}.html"
        page.write_text(_page(text, i), encoding="utf-8")
        out.append((page, text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--pages", nargs="*", default=[str(HERE.parent / "tests" / "html")])
    args = parser.parse_args()
    import trafilatura

    from cmvisit_data.errors import CmvisitError
    from cmvisit_data.inputs import decode
    from cmvisit_data.record import build_record, parse_path

    assert "Section 3" in NAV  # the chrome the without snippets name is the template's
    with tempfile.TemporaryDirectory() as tmp:
        generated = _generated(args.n, args.seed, Path(tmp))
        given = [(p, None) for folder in args.pages for p in sorted(Path(folder).glob("*.htm*"))]
        failed: dict[str, str] = {}
        empty: list[str] = []
        broken: dict[str, list[str]] = {}
        agreement: list[float] = []
        ours_snippets, theirs_snippets = Snippets(), Snippets()
        for path, text in given + generated:
            name = path.name
            record, problems = parse_path(str(path))
            theirs = trafilatura.extract(path.read_text(encoding="utf-8"), deduplicate=False) or ""
            if record is None:
                failed[name] = "; ".join(p.one_line() for p in problems)
                continue
            ours = "\n".join(p["text"] for p in record["paragraphs"])
            if not ours.strip():
                empty.append(name)
            if bad := spans_broken(record):
                broken[name] = bad[:5]
            agreement.append(bag_f1(ours, theirs))
            if text is None:
                continue
            try:
                plain = build_record(decode(text.encode(), "page.txt"))
            except CmvisitError:
                continue
            with_ = [p["text"] for p in plain["paragraphs"]]
            without = list(TEMPLATE_CHROME) + [b["text"] for b in plain["boilerplate"] if len(b["text"]) > 20]
            ours_snippets.score(ours, with_, without)
            theirs_snippets.score(theirs, with_, without)
    print(json.dumps({
        "pages": len(given) + len(generated),
        "given_pages": [p.name for p, _ in given],
        "agreement_bag_f1_vs_trafilatura": {
            "mean": round(sum(agreement) / len(agreement), 4) if agreement else None,
            "min": round(min(agreement), 4) if agreement else None,
        },
        "snippet_f1_generated": {
            "cmvisit parse": ours_snippets.f1(),
            "trafilatura.extract": theirs_snippets.f1(),
        },
        "failed": failed,
        "empty_body": empty,
        "spans_not_in_rendering": broken,
    }, indent=2, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
