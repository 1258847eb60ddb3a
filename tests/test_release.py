from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cmvisit_data.release import build, diff, verify, versions
from cmvisit_data.release.layout import table_file
from cmvisit_data.seeds.add import add
from cmvisit_data.seeds.manifest import load_manifest

from .conftest import SEEDS
from .release.test_tamper import reseal


@pytest.fixture
def seeds(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def files_of(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def test_release_layout_and_manifest(release):
    names = sorted(p.name for p in release.iterdir() if p.is_file())
    assert (release / "hf" / "README.md").is_file() and (release / "hf" / "croissant.json").is_file()
    assert names == ["manifest.json"]  # layout 2: the tables are the Hub's files, in hf/data/
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["layout"] == 2
    for table in ("documents", "highlights", "quotes", "tweets", "paragraphs", "related"):
        assert manifest["tables"][table]["file"] == f"hf/data/{table}/train-00000-of-00001.parquet"
    assert manifest["version"] == "0.1.0" and manifest["rejected"] == []
    assert {i["file"] for i in manifest["inputs"]} == {p.name for p in SEEDS.glob("*.txt")}
    for name, meta in manifest["tables"].items():
        path = release / meta["file"]
        assert meta["bytes"] == path.stat().st_size
        assert meta["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert meta["rows"] == pq.read_metadata(path).num_rows, name
    assert manifest["tables"]["quotes"]["rows"] == 4
    assert len(manifest["schema_sha256"]) == 64
    changelog = (release.parent / "CHANGELOG.md").read_text()
    assert "## 0.1.0" in changelog and "documents: 2 (en 1, hi 1)" in changelog


def test_reproducible_byte_for_byte(release, tmp_path):
    again = build(SEEDS, tmp_path, "0.1.0", workers=2)
    assert again.status == "built"
    assert files_of(tmp_path / "0.1.0") == files_of(release)


def test_existing_version_is_never_overwritten(release, seeds, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(release, out / "0.1.0")
    before = {p.name: p.stat().st_mtime_ns for p in (out / "0.1.0").iterdir()}
    same = build(SEEDS, out, "0.1.0")
    assert same.status == "reproduced" and same.note == "byte for byte"
    extra = tmp_path / "extra.txt"
    extra.write_text("Durg Plant Expands\n\nDurg: The steel plant will add a new unit, officials said.\n")
    add([str(extra)], seeds, {"url": None, "outlet": None, "rights": None, "obtained": None})
    changed = build(seeds, out, "0.1.0")
    assert changed.status == "refused" and changed.problems[0].type == "release-exists"
    assert {p.name: p.stat().st_mtime_ns for p in (out / "0.1.0").iterdir()} == before
    assert not list(out.glob(".tmp-*"))


def test_nothing_lost_raw_bytes_recoverable(release):
    documents = pq.read_table(table_file(release, "documents")).to_pylist()
    for row in documents:
        original = (SEEDS / row["source_file"]).read_bytes()
        rebuilt = row["raw_text"].encode("utf-8")
        assert (
            hashlib.sha256(rebuilt).hexdigest() == hashlib.sha256(original).hexdigest() == row["raw_sha256"]
        )


def test_strict_build_fails_listing_every_bad_input(seeds, tmp_path):
    manifest = json.loads((seeds / "manifest.json").read_text())
    (seeds / "000_a25e3bb1cf0e3701.txt").write_bytes(b"changed bytes\n")
    (seeds / "stray.txt").write_text("A document nobody listed\n")
    result = build(seeds, tmp_path / "out", "0.2.0")
    assert result.status == "failed"
    found = {(p.type, Path(p.file).name) for p in result.problems}
    assert found == {("checksum-mismatch", "000_a25e3bb1cf0e3701.txt"), ("unlisted-document", "stray.txt")}
    assert not (tmp_path / "out" / "0.2.0").exists()
    assert manifest == json.loads((seeds / "manifest.json").read_text())


def test_allow_rejects_publishes_the_rest_and_records_them(seeds, tmp_path):
    (seeds / "000_a25e3bb1cf0e3701.txt").write_bytes(b"changed bytes\n")
    result = build(seeds, tmp_path / "out", "0.2.0", allow_rejects=True)
    assert result.status == "built" and result.documents == 1
    release = tmp_path / "out" / "0.2.0"
    rejected = [json.loads(line) for line in (release / "rejected.jsonl").read_text().splitlines()]
    assert [r["file"] for r in rejected] == ["000_a25e3bb1cf0e3701.txt"]
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["rejected"][0]["file"] == "000_a25e3bb1cf0e3701.txt"
    assert verify(release).valid
    # the rows recorded for rejected.jsonl are its lines, like every other file's
    manifest["files"]["rejected.jsonl"]["rows"] = 999
    (release / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    lines = [p.one_line() for p in verify(release).problems]
    assert any("/files/rejected.jsonl/rows" in line for line in lines), lines


def test_a_running_build_of_the_same_version_refuses_another(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".0.3.0.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = build(SEEDS, out, "0.3.0")
    assert result.status == "refused" and result.problems[0].type == "release-busy"
    assert not (out / "0.3.0").exists()
    assert build(SEEDS, out, "0.3.0").status == "built"  # the lock went with its holder


def test_stale_temporary_folders_of_killed_builds_are_cleared(tmp_path):
    out = tmp_path / "out"
    (out / ".tmp-0.4.0-99999").mkdir(parents=True)
    (out / ".tmp-0.4.0-99999" / "documents.parquet").write_bytes(b"partial")
    assert build(SEEDS, out, "0.4.0").status == "built"
    assert not list(out.glob(".tmp-*")) and versions(out) == ["0.4.0"]


def test_bad_version_string(tmp_path):
    result = build(SEEDS, tmp_path, "v1")
    assert result.status == "failed" and result.problems[0].type == "bad-version"


def test_verify_detects_tampering(release, tmp_path):
    assert verify(release).valid
    copy = tmp_path / "copy" / release.name
    shutil.copytree(release, copy)
    path = table_file(copy, "quotes")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    report = verify(copy)
    assert not report.valid and report.problems[0].type == "checksum-mismatch"
    assert report.problems[0].file == str(table_file(copy, "quotes"))


def test_verify_rechecks_rows_when_checksums_are_recomputed(release, tmp_path):
    import pyarrow as pa

    copy = tmp_path / "copy" / release.name
    shutil.copytree(release, copy)
    table = pq.read_table(table_file(copy, "quotes"))
    starts = table.column("start").to_pylist()
    starts[0] += 1
    table = table.set_column(
        table.schema.get_field_index("start"), table.schema.field("start"), pa.array(starts, pa.int32())
    )
    pq.write_table(table, table_file(copy, "quotes"))
    reseal(copy)  # every checksum recomputed (the manifest's, croissant.json's)
    report = verify(copy)
    assert [(p.table, p.field) for p in report.problems] == [("quotes", "text")]


def test_diff_between_releases(release, seeds, tmp_path):
    extra = tmp_path / "incoming" / "new.txt"
    extra.parent.mkdir()
    extra.write_text("Korba Mine Reopens\n\nKorba: The coal mine reopened on Monday after repairs.\n")
    add([str(extra.parent)], seeds, {"url": None, "outlet": None, "rights": None, "obtained": None})
    build(seeds, tmp_path / "out", "0.2.0")
    result = diff(release, tmp_path / "out" / "0.2.0")
    assert len(result["added"]) == 1 and result["removed"] == [] and result["changed"] == []
    assert result["added"][0]["file"] == "new.txt" and set(result["added"][0]) == {"doc_id", "file", "title"}
    assert result["rows"]["documents"] == {"from": 2, "to": 3}


def test_add_validates_copies_and_records_provenance(seeds, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "good.txt").write_text("रायपुर में मेला\n\nरायपुर। शहर में आज मेला शुरू हुआ।\n")
    (incoming / "bad.txt").write_bytes(b"\xff\xfe broken")
    shutil.copy(SEEDS / "000_a25e3bb1cf0e3701.txt", incoming / "again.txt")
    provenance = {"url": "https://example.org/a", "outlet": "Example", "rights": None, "obtained": None}
    result, problems = add([str(incoming)], seeds, provenance, same_provenance=True)
    assert problems == []
    assert [a["as"] for a in result.added] == ["good.txt"]
    assert [p["as"] for p in result.present] == ["000_a25e3bb1cf0e3701.txt"]
    assert [r.problems[0].type for r in result.invalid] == ["invalid-utf8"]
    assert not (seeds / "bad.txt").exists() and not (seeds / "again.txt").exists()
    entries, _ = load_manifest(seeds)
    entry = next(e for e in entries if e.file == "good.txt")
    assert (entry.language, entry.url, entry.outlet, entry.rights) == (
        "hi",
        "https://example.org/a",
        "Example",
        None,
    )
    again, _ = add([str(incoming / "good.txt")], seeds, provenance)
    assert again.added == [] and again.present[0]["as"] == "good.txt"


def test_discover_builds_a_folder_without_manifest(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    strict = build(folder, tmp_path / "out", "0.1.0")
    assert strict.status == "failed" and strict.problems[0].type == "manifest-missing"
    found = build(folder, tmp_path / "out", "0.1.0", discover=True)
    assert found.status == "built" and found.documents == 2
    manifest = json.loads((tmp_path / "out" / "0.1.0" / "manifest.json").read_text())
    assert {i["language"] for i in manifest["inputs"]} == {"en", "hi"}
    assert all(len(i["sha256"]) == 64 and i["url"] is None for i in manifest["inputs"])


def test_a_second_copy_of_the_same_bytes_is_rejected_naming_the_first(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    originals = sorted(SEEDS.glob("*.txt"))
    for path in originals:
        shutil.copy(path, folder / path.name)
    shutil.copy(originals[0], folder / "zz-copy.txt")
    strict = build(folder, tmp_path / "out", "0.1.0", discover=True)
    assert strict.status == "failed"
    [problem] = strict.problems
    assert problem.type == "duplicate-content" and problem.file == "zz-copy.txt"
    assert originals[0].name in problem.message
    lenient = build(folder, tmp_path / "out", "0.1.0", discover=True, allow_rejects=True)
    assert lenient.status == "built" and lenient.documents == 2
    release = tmp_path / "out" / "0.1.0"
    manifest = json.loads((release / "manifest.json").read_text())
    assert [i["file"] for i in manifest["inputs"]] == [p.name for p in originals]
    assert manifest["rejected"] == [
        {"file": "zz-copy.txt", "reasons": [problem.message]},
    ]
    assert sorted(p.name for p in release.iterdir() if p.name.startswith(".")) == []
    assert verify(release).valid
