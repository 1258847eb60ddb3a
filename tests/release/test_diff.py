"""`diff` says what changed: documents added, removed and changed with their file names and
titles; for a changed one its fields and items per table, and why (the text, the schema, the
parser, the provenance); a summary first; short text for a large diff and all of it in JSON.

Releases here are copies of the session's release with tables rewritten by hand: diff reads
tables and the manifest's head, and does not verify (that is `verify`'s)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.release import diff
from cmvisit_data.release.layout import table_file

from ..conftest import ROOT

HINDI, ENGLISH = "7f8ce26d4d7f7ba8", "3b0b97b34e9d832c"


def _copy(release: Path, tmp_path: Path, name: str = "copy", **manifest: str) -> Path:
    copy = tmp_path / name
    shutil.copytree(release, copy)
    path = copy / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(manifest)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return copy


def _edit(folder: Path, table: str, change) -> None:
    """Rewrite one table's rows through change(rows) -> rows, its schema kept."""
    path = table_file(folder, table)
    old = pq.read_table(path)
    pq.write_table(pa.Table.from_pylist(change(old.to_pylist()), schema=old.schema), path)


def _run(*args: str):
    return CliRunner().invoke(main, ["diff", *args])


def test_0_1_0_to_0_2_0_says_what_changed_and_why():
    """The published releases: "changed: 2" with no detail before; now the field, its values,
    the file names and titles, and the cause (the schema's sha256 differs)."""
    result = diff(ROOT / "build" / "0.1.0", ROOT / "build" / "0.2.0")
    assert result["summary"]["changed"] == 2 and list(result["summary"]["causes"]) == ["schema"]
    english = next(c for c in result["changed"] if c["doc_id"] == ENGLISH)
    assert english["file"] == "000_a25e3bb1cf0e3701.txt" and english["title"].startswith("Chhattisgarh CM")
    assert english["cause"] == "schema" and english["fields"] == ["schema_version"]
    assert english["values"] == {"schema_version": {"from": "1.0.0", "to": "1.1.0"}}
    shown = _run(str(ROOT / "build" / "0.1.0"), str(ROOT / "build" / "0.2.0"))
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert lines[0] == "0.1.0 -> 0.2.0: 0 added, 0 removed, 2 changed"
    schema = result["releases"]["from"]["schema_sha256"]
    assert lines[1].startswith("  schema changed") and schema in lines[1]  # whole, never cut short
    assert "000_a25e3bb1cf0e3701.txt" in shown.output and '"1.0.0" -> "1.1.0"' in shown.output


def test_a_parser_change_is_told_field_by_field_and_item_by_item(release, tmp_path):
    from cmvisit_data.release.diff_text import summary_lines

    copy = _copy(release, tmp_path, package_version="0.1.1")

    def retitle(rows):
        for row in rows:
            if row["doc_id"] == ENGLISH:
                row["title"] = "A Better Title"
        return rows

    def requote(rows):
        ours = [r for r in rows if r["doc_id"] == HINDI]
        ours[0]["speaker"] = "someone else"  # kept, its speaker changed
        dropped = ours.pop()  # one removed
        extra = [dict(dropped, text=f"new statement {i}", position=10 + i) for i in range(2)]  # two added
        return [r for r in rows if r["doc_id"] != HINDI] + ours + extra

    _edit(copy, "documents", retitle)
    _edit(copy, "quotes", requote)
    result = diff(release, copy)
    summary = result["summary"]
    assert (summary["added"], summary["removed"], summary["changed"]) == (0, 0, 2)
    changes = {c["doc_id"]: c for c in result["changed"]}
    assert changes[ENGLISH]["cause"] == "parser" and changes[ENGLISH]["fields"] == ["title"]
    assert changes[ENGLISH]["values"]["title"]["to"] == "A Better Title"
    assert changes[ENGLISH]["title"] == "A Better Title"
    quotes = changes[HINDI]["items"]["quotes"]
    assert (quotes["added"], quotes["removed"], quotes["changed"]) == (2, 1, {"speaker": 1})
    assert changes[HINDI]["fields"] == [] and changes[HINDI]["cause"] == "parser"
    package = result["releases"]["from"]["package_version"]
    assert summary_lines(result)[1] == (
        f"parser changed (same text, package {package} -> 0.1.1): 2 documents; title 1; "
        "quotes +2 -1, speakers changed: 1"
    )
    shown = _run(str(release), str(copy)).output
    assert "quotes +2 -1, speakers changed: 1" in shown and 'title: "Chhattisgarh CM' in shown


@pytest.mark.parametrize(
    ("field", "value", "cause"),
    [("raw_sha256", "0" * 64, "text"), ("outlet", "Another Outlet", "provenance")],
)
def test_the_cause_of_a_change(release, tmp_path, field, value, cause):
    copy = _copy(release, tmp_path)
    edited = lambda rows: [dict(r, **{field: value}) if r["doc_id"] == ENGLISH else r for r in rows]  # noqa: E731
    _edit(copy, "documents", edited)
    [change] = diff(release, copy)["changed"]
    assert (change["cause"], change["fields"]) == (cause, [field])


def test_the_same_rows_in_another_order_are_no_change(release, tmp_path):
    copy = _copy(release, tmp_path)
    _edit(copy, "paragraphs", lambda rows: rows[::-1])
    assert diff(release, copy)["summary"] == {"added": 0, "removed": 0, "changed": 0, "causes": {}}


def test_added_and_removed_documents_have_their_file_and_title(release, tmp_path):
    copy = _copy(release, tmp_path)
    for table in ("documents", "highlights", "quotes", "tweets", "paragraphs", "related"):
        _edit(copy, table, lambda rows: [r for r in rows if r["doc_id"] != HINDI])
    [removed] = diff(release, copy)["removed"]
    assert removed["file"] == "001_f633bab6aa95e6a6.txt" and removed["title"].startswith("जापान दौरे")
    [added] = diff(copy, release)["added"]
    assert added == removed
    shown = _run(str(copy), str(release)).output
    assert "added: 1" in shown and f"{HINDI}  001_f633bab6aa95e6a6.txt" in shown


def test_a_large_diff_is_short_in_text_and_whole_in_json(release, tmp_path):
    copy = _copy(release, tmp_path)

    def many(rows):
        return rows + [dict(rows[0], doc_id=f"{i:016x}", source_file=f"new_{i:05d}.txt") for i in range(3000)]

    _edit(copy, "documents", many)
    text = _run(str(release), str(copy), "--limit", "5")
    assert text.exit_code == 0
    lines = text.output.splitlines()
    assert lines[0].endswith(": 3000 added, 0 removed, 0 changed")
    assert len(lines) < 20 and lines[-1].startswith("  … and 2,995 more")
    assert len(_run(str(release), str(copy)).output.splitlines()) < 40  # the default limit
    whole = json.loads(_run(str(release), str(copy), "--format", "json").output)["diff"]
    assert len(whole["added"]) == 3000 and whole["added"][0] == {
        "doc_id": "0000000000000000",
        "file": "new_00000.txt",
        "title": "Chhattisgarh CM Visits Japan to Attract Tech & Trade Investments",
    }
    assert list(whole) == ["from", "to", "releases", "summary", "added", "removed", "changed", "rows"]


def test_a_bad_manifest_is_named_with_what_to_do(release, tmp_path):
    copy = _copy(release, tmp_path)
    (copy / "manifest.json").write_text('{"version": "0.1.0"}', encoding="utf-8")
    shown = _run(str(release), str(copy))
    assert shown.exit_code == 1 and "release-invalid" in shown.output and "run cmvisit verify" in shown.output
    assert "Traceback" not in shown.output


def test_a_folder_that_is_not_a_release_is_named_as_such(tmp_path):
    from cmvisit_data.errors import CmvisitError
    from cmvisit_data.release.diff import diff as run_diff

    with pytest.raises(CmvisitError) as raised:
        run_diff(tmp_path, ROOT / "build" / "0.6.0")
    (problem,) = raised.value.problems
    assert problem.type == "release-missing" and "not a release folder" in problem.message
    assert "restore it" not in problem.one_line()
