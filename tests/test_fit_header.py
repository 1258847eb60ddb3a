"""tools/fit_header.py on a small annotated set written here: it fits weights the package can
load, whose decisions follow the annotations, and parses each page with its fold's weights."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sklearn")
ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "fit_header.py"

BODIES = [
    "Raipur: The cabinet on Wednesday approved a new policy for rice mills, and ministers said it would "
    "bring investment to every district of the state.",
    "Bilaspur: The district council on Monday opened a new hospital wing with forty beds, and doctors said "
    "it would end the long wait for surgery.",
    "Durg: Work on the new steel plant road began on Friday, and engineers said the first lane would open "
    "before the festival season.",
]
HEADLINES = [
    "Cabinet clears rice mill policy",
    "Hospital wing opens in Bilaspur",
    "Work begins on plant road",
]


def _gold_dir(tmp_path: Path) -> Path:
    gold = tmp_path / "dev"
    gold.mkdir()
    rows = ["id\turl\toutlet"]
    n = 0
    for i, (head, body) in enumerate(zip(HEADLINES * 3, BODIES * 3, strict=True)):
        for with_title in (True, False):
            n += 1
            pid = f"{n:03d}"
            label = ["State", "News", "Home"][i % 3]
            # a page clock above everything (never the publication date); titled pages print theirs
            top = (
                f"Thursday, 6 March 2025\n\n{label}\n\n{head}\n\nPublished: 4 March 2025\n\n"
                if with_title
                else ""
            )
            # an embedded post over two lines, or one line under the article's paragraph
            if with_title:
                post = f"Back from {head.split()[-1]} with good news #Raipur\nSix plants will open this year."
                above = ""
            else:
                post = "Six plants will open this year."
                above = "The minister said that more details would follow on Friday.\n"
            tweet = f"{above}{post}\n— Asha Verma (@ashaverma) March 4, 2025\n"
            text = top + body + "\n\n" + tweet + "\nMore follows in the next days.\n"
            (gold / f"{pid}.txt").write_text(text, encoding="utf-8")
            annotation = {
                "language": "en",
                "title": head if with_title else None,
                "published": "2025-03-04" if with_title else None,
                "tweets": [
                    {"text": post, "author": "Asha Verma", "handle": "ashaverma", "posted": "2025-03-04"}
                ],
            }
            (gold / f"{pid}.gold.json").write_text(json.dumps(annotation), encoding="utf-8")
            rows.append(f"{pid}\t\toutlet-{i % 4}")
    (gold / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return gold


def _tool():
    spec = importlib.util.spec_from_file_location("fit_header", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fit_writes_weights_that_load_and_follow_the_annotations(tmp_path):
    from cmvisit_data.header import model
    from cmvisit_data.parse import parse_text

    gold = _gold_dir(tmp_path)
    out = tmp_path / "weights.json"
    done = subprocess.run(
        [sys.executable, str(TOOL), "fit", str(gold), "--out", str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    weights = model.load(out)
    assert weights.about["training_set"]["pages"] == 18
    assert weights.about["training_set"]["outlets"] == 4
    for txt in sorted(gold.glob("*.txt")):
        annotation = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
        record = parse_text(txt.read_text(encoding="utf-8"), weights)
        meta = record["metadata"]
        assert (meta["title"], meta["published"]) == (annotation["title"], annotation["published"])
        assert [t["text"] for t in record["tweets"]] == [t["text"] for t in annotation["tweets"]]


def test_the_threshold_maximises_the_training_f1():
    tool = _tool()
    # (best score, best is right, page has gold): the cut must fall between 0.3 and 0.7
    best = [(0.9, True, True), (0.7, True, True), (0.3, False, False), (0.2, False, False)]
    t = tool._threshold(best)
    assert 0.3 < t <= 0.7


def test_parse_with_folds_uses_each_files_own_weights(tmp_path, capsys):
    tool = _tool()
    gold = _gold_dir(tmp_path)
    data = json.loads((ROOT / "src/cmvisit_data/header/weights.json").read_text(encoding="utf-8"))
    data["roles"]["title"]["threshold"] = 1.0  # this fold's weights never take a title
    never = tmp_path / "never.json"
    never.write_text(json.dumps(data), encoding="utf-8")
    files = sorted(str(p) for p in gold.glob("*.txt"))[:2]
    fold_map = tmp_path / "folds.json"
    fold_map.write_text(json.dumps({str(Path(f).resolve()): str(never) for f in files}), encoding="utf-8")
    assert tool.parse_with_folds(fold_map, files) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["metadata"]["title"] for r in records] == [None, None]


def test_a_page_with_no_text_line_gives_no_date_rows():
    # a page that is only a bulleted list has no text line, so no header: nothing to learn, no crash
    tool = _tool()
    raw = "- The state signed three agreements on Monday\n- Each one brings new jobs to the district\n"
    page = {"raw": raw, "gold": {"published": "2025-03-04"}}
    assert tool.date_rows(page, tool._staged()) == []
