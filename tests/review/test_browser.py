"""The review page in a real browser (headless Chromium): for an English and a Hindi document,
and a Hindi one whose pieces cross, every piece's elements, read from the browser's DOM and
joined in document order, give exactly the piece's text; a screenshot is kept to look at.

The page is copied with a checking script appended (the expected texts embedded as JSON, the
page's Content-Security-Policy extended by that one script's hash, nothing else allowed), run
with --dump-dom, and the result the script writes into the DOM read back. Skipped where
Chromium is absent, unless CMVISIT_REQUIRE_BROWSER=1 (as .ci/run sets), where that is a
failure. Screenshots go to $CMVISIT_TEST_ARTIFACTS, else pytest's temporary folder; the test
prints where.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cmvisit_data.contract import document_text
from cmvisit_data.record import parse_path
from cmvisit_data.review import Reviewed, review_page
from cmvisit_data.review.page import CSP
from cmvisit_data.review.pieces import pieces

pytestmark = pytest.mark.slow

REQUIRED = os.environ.get("CMVISIT_REQUIRE_BROWSER") == "1"
# Chromium starting, laying out and printing a page of a few documents: seconds; this bounds a hang.
BROWSER_TIMEOUT_SECONDS = 180
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
)  # fmt: skip

CHECK = """(function () {
  var expected = JSON.parse(document.getElementById("cmvisit-expected").textContent);
  var failures = [], checked = 0;
  Object.keys(expected).forEach(function (section) {
    var root = document.getElementById(section), want = expected[section];
    var seen = {};
    root.querySelectorAll(".text [data-piece]").forEach(function (e) { seen[e.getAttribute("data-piece")] = 1; });
    Object.keys(want.pieces).forEach(function (n) {
      var parts = root.querySelectorAll('.text [data-piece="' + n + '"]');
      var got = Array.prototype.map.call(parts, function (e) { return e.textContent; }).join("");
      checked += 1;
      if (!parts.length || got !== want.pieces[n]) failures.push({section: section, piece: n, got: got});
      delete seen[n];
    });
    if (Object.keys(seen).length) failures.push({section: section, unexpected: Object.keys(seen)});
    if (root.querySelector(".text").textContent !== want.text) failures.push({section: section, text: "differs"});
  });
  var out = document.createElement("pre");
  out.id = "cmvisit-check";
  out.textContent = JSON.stringify({checked: checked, failures: failures});
  document.body.appendChild(out);
})();"""


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        why = "headless Chromium is not installed (Debian: apt-get install chromium fonts-lohit-deva)"
        if REQUIRED:
            pytest.fail(f"{why}, and CMVISIT_REQUIRE_BROWSER=1 requires it")
        pytest.skip(f"{why}; set CMVISIT_REQUIRE_BROWSER=1 to make this a failure")
    return found


def _devanagari_font() -> None:
    fonts = subprocess.run(["fc-list", ":lang=hi", "family"], capture_output=True, text=True, check=False)
    if not fonts.stdout.strip():
        why = "no Devanagari font is installed (Debian: apt-get install fonts-lohit-deva)"
        if REQUIRED:
            pytest.fail(why)
        pytest.skip(why)


def _run(browser: str, profile: Path, *args: str) -> str:
    done = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _crossing(record: dict) -> dict:
    """The Hindi record with a highlight from inside its first quote into its post: pieces
    that cross, so that the browser sees split elements too."""
    text = document_text(record)
    quote, post = record["quotes"][0], record["tweets"][0]
    start, end = quote["start"] + 20, post["start"] + 10
    assert quote["start"] < start < quote["end"] < end < post["end"]
    extra = {"text": text[start:end], "start": start, "end": end, "marker": "•"}
    return {**record, "highlights": [*record["highlights"], extra]}


def _checked_copy(page: str, items: list[Reviewed]) -> str:
    """The page with the expected texts (as JSON) and the checking script appended."""
    expected = {
        f"d{k}": {
            "pieces": {str(p.number): p.text for p in pieces(i.record)},
            "text": document_text(i.record),
        }
        for k, i in enumerate(items, 1)
    }
    data = json.dumps(expected, ensure_ascii=False).replace("<", "\\u003c")
    digest = base64.b64encode(hashlib.sha256(CHECK.encode("utf-8")).digest()).decode("ascii")
    policy = f'content="{CSP}"'
    assert page.count(policy) == 1
    page = page.replace(policy, f"content=\"{CSP}; script-src 'sha256-{digest}'\"")
    tail = f'<script type="application/json" id="cmvisit-expected">{data}</script><script>{CHECK}</script>'
    return page.replace("</body>", tail + "</body>")


def _artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = os.environ.get("CMVISIT_TEST_ARTIFACTS")
    folder = Path(where) if where else tmp_path_factory.mktemp("review-artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_pieces_in_the_browser_dom_are_the_pieces_texts(english_seed, hindi_seed, tmp_path, tmp_path_factory):
    browser = _chromium()
    _devanagari_font()
    records = {}
    for name, seed in (("english", english_seed), ("hindi", hindi_seed)):
        record, problems = parse_path(seed)
        assert record is not None, problems
        records[name] = record
    items = [
        Reviewed("English seed", records["english"]),
        Reviewed("Hindi seed", records["hindi"]),
        Reviewed("Hindi seed, with a highlight crossing a quote and a post", _crossing(records["hindi"])),
    ]
    page = review_page(items)
    checked = tmp_path / "checked.html"
    checked.write_text(_checked_copy(page, items), encoding="utf-8")
    dom = _run(browser, tmp_path / "profile-check", "--dump-dom", checked.as_uri())
    found = re.search(r'<pre id="cmvisit-check">(.*?)</pre>', dom, re.S)
    assert found, "the checking script wrote no result (blocked, or the page failed to load)"
    result = json.loads(html.unescape(found.group(1)))
    assert result["failures"] == []
    assert result["checked"] == sum(len(pieces(i.record)) for i in items) > 30

    artifacts = _artifacts(tmp_path_factory)
    for name, shown in (("english", items[:1]), ("hindi", items[1:])):
        target = artifacts / f"review-{name}.html"
        target.write_text(review_page(shown), encoding="utf-8")
        shot = artifacts / f"review-{name}.png"
        _run(
            browser,
            tmp_path / f"profile-{name}",
            f"--screenshot={shot}",
            "--window-size=1400,1600",
            target.as_uri(),
        )
        assert shot.stat().st_size > 10_000
        print(f"review page screenshot: {shot}")
