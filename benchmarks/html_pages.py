#!/usr/bin/env python3
"""HTML pages per second: the whole record (`inputs.decode` + `record.build_record`), its
rendering alone (`pages.render.render`), beside `trafilatura.extract` alone on the same pages
in the same run (issue 26's target: at most 1.3x trafilatura's own time for the rendering).

    python benchmarks/html_pages.py [--n 300] [--seed 1234]
    python benchmarks/html_pages.py --release 10000 [--workers W]   # a whole build, its memory

The pages are the shared generator's texts wrapped in three templates: JSON-LD with a nav and
footer, OpenGraph only, and a bare page with no structured data. One process; prints JSON.
With --release N: N such pages are written to a folder and `cmvisit build --discover` makes a
release of them (this package, as `python -m cmvisit_data.cli`); printed are its wall time,
pages per second and the whole process tree's peak memory (RSS and PSS, sampled as
benchmarks/run.py does).
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "bench" / "gen_corpus.py"
NAV = "<nav><ul>" + "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(12)) + "</ul></nav>"
TEMPLATES = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title} | Site</title>"
    "<script type='application/ld+json'>{ld}</script></head><body>" + NAV + "<article><h1>{title}</h1>"
    "{body}</article><footer>Copyright Site. All rights reserved.</footer></body></html>",
    "<html><head><meta property='og:title' content='{title}'></head><body><div class='story'>"
    "<h1>{title}</h1>{body}</div></body></html>",
    "<html><body>" + NAV + "<div id='content'><h2>{title}</h2>{body}</div></body></html>",
)


def _page(text: str, i: int) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, rest = lines[0], lines[1:]
    parts, items = [], []
    for line in rest:
        if line[:1] in "•▪*-":
            items.append(f"<li>{html.escape(line.lstrip('•▪*- '))}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        parts.append(f"<p>{html.escape(line)}</p>")
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": "2024-03-05"})
    template = TEMPLATES[i % len(TEMPLATES)]
    return template.format(title=html.escape(title, quote=True), ld=ld, body="".join(parts))


def _rate(fn, pages: list[str]) -> float:
    start = time.perf_counter()
    for i, page in enumerate(pages):
        fn(page, i)
    return time.perf_counter() - start


def release(n: int, seed: int, workers: int | None) -> dict:
    """Build a release of n generated pages; its time and the process tree's peak memory."""

    from run import run_build

    with tempfile.TemporaryDirectory() as tmp:
        texts, corpus = Path(tmp) / "texts", Path(tmp) / "pages"
        subprocess.run([sys.executable, str(GENERATOR), str(texts), str(n), "--seed", str(seed)],
                       check=True, capture_output=True)  # fmt: skip
        corpus.mkdir()
        for i, source in enumerate(sorted(texts.glob("*.txt"))):
            (corpus / f"{i:06d}.html").write_text(
                _page(source.read_text(encoding="utf-8"), i), encoding="utf-8"
            )
        built = run_build(corpus, Path(tmp) / "out", workers)  # the scale benchmark's own measure
    return {
        "pages": n,
        "exit_code": built["exit_code"],
        "seconds": round(built["seconds"], 1),
        "pages_per_second": round(n / built["seconds"], 1),
        "tree_peak_rss_mb": round(built["tree_rss_mb"], 1),
        "tree_peak_pss_mb": round(built["tree_pss_mb"], 1),
        "stats": built["report"].get("stats"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--release", type=int, default=None, metavar="N", help="build a release of N pages")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    if args.release:
        sys.path.insert(0, str(HERE))
        print(json.dumps(release(args.release, args.seed, args.workers), indent=2))
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(GENERATOR), tmp, str(args.n), "--seed", str(args.seed)],
                       check=True, capture_output=True)  # fmt: skip
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt"))]
    pages = [_page(text, i) for i, text in enumerate(texts)]
    import trafilatura

    from cmvisit_data.inputs import decode
    from cmvisit_data.pages.render import EXTRACT_OPTIONS, render
    from cmvisit_data.record import build_record

    failed = []

    def whole(page: str, i: int) -> None:
        doc = decode(page.encode(), f"{i}.html", html=True)
        try:
            build_record(doc)
        except Exception as exc:  # counted, not raised: the benchmark reports what fails
            failed.append(type(exc).__name__)

    render(pages[0], "warm.html")
    timings = {
        "trafilatura.extract (txt)": _rate(lambda p, i: trafilatura.extract(p, deduplicate=False), pages),
        "trafilatura.extract (our options)": _rate(
            lambda p, i: trafilatura.extract(p, **EXTRACT_OPTIONS), pages
        ),
        "render": _rate(lambda p, i: render(p, f"{i}.html"), pages),
        "record (decode + render + parse + validate)": _rate(whole, pages),
    }
    base = timings["trafilatura.extract (txt)"]
    print(json.dumps({
        "pages": len(pages),
        "per_second": {k: round(len(pages) / v, 1) for k, v in timings.items()},
        "x_trafilatura": {k: round(v / base, 2) for k, v in timings.items()},
        "failed": len(failed),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
