"""Annotations as inputs of a release: listed in the manifest, copied into hf/annotations/,
proven by verify from the data, shown by diff, and reproduced byte for byte."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from cmvisit_data.release import build, diff, verify
from cmvisit_data.release.diff_text import detail_lines, summary_lines
from cmvisit_data.release.layout import parse_manifest, table_file

from ..conftest import copy_seeds
from .test_tamper import reseal


def _manifest(release: Path) -> dict:
    return json.loads((release / "manifest.json").read_text(encoding="utf-8"))


def test_a_manifest_holds_fractions_in_curated_figures_only(release):
    manifest = _manifest(release)
    figures = {"documents": 1, "fields": {}, "span_accuracy": 0.875, "span_agreement": None}
    manifest["curated"] = {"documents": 1, "fields": {"title": 1}, "figures": figures}
    found, problems = parse_manifest(json.dumps(manifest).encode(), "manifest.json")
    assert found is not None and found["curated"]["figures"]["span_accuracy"] == 0.875, problems
    manifest["counts"]["documents"] = 2.0
    found, problems = parse_manifest(json.dumps(manifest).encode(), "manifest.json")
    assert found is None
    assert "a fraction at /counts/documents" in problems[0].message, problems


# --- releases built with an annotation ----------------------------------------------------

ENGLISH = "000_a25e3bb1cf0e3701.txt"
HINDI = "001_f633bab6aa95e6a6.txt"
TITLE = "Chhattisgarh CM Visits Japan to Attract Tech & Trade Investments"
HIGHLIGHTS = [
    "Chhattisgarh CM engages Japanese firms to drive technology-based industrial growth.",
    "Emphasis on digital ecosystem strengthening through cloud, cybersecurity, and IT solutions.",
    "Cultural diplomacy and tourism promotion complement investment and trade-focused initiatives.",
]
ANNOTATION = {"language": "en", "title": TITLE, "highlights": HIGHLIGHTS}
IN_RELEASE = f"hf/annotations/{ENGLISH}.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _annotate(seeds: Path, annotation: dict | None) -> None:
    """seeds/annotations/<English seed>.json written (or removed, for None)."""
    path = seeds / "annotations" / f"{ENGLISH}.json"
    if annotation is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(annotation, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _build(seeds: Path, out: Path, version: str) -> Path:
    result = build(seeds, out, version, workers=1)
    assert result.ok, [p.one_line() for p in result.problems]
    return out / version


@pytest.fixture(scope="module")
def releases(tmp_path_factory) -> dict[str, Path]:
    """0.1.0 without annotation, 0.2.0 with ANNOTATION, 0.3.0 with one highlight fewer, 0.4.0
    without it again; and the seeds as 0.2.0 was built from."""
    base = tmp_path_factory.mktemp("annotated")
    seeds, out = copy_seeds(base / "seeds"), base / "out"
    found = {"0.1.0": _build(seeds, out, "0.1.0")}
    _annotate(seeds, ANNOTATION)
    found["0.2.0"] = _build(seeds, out, "0.2.0")
    _annotate(seeds, {**ANNOTATION, "highlights": HIGHLIGHTS[:2]})
    found["0.3.0"] = _build(seeds, out, "0.3.0")
    _annotate(seeds, None)
    found["0.4.0"] = _build(seeds, out, "0.4.0")
    _annotate(seeds, ANNOTATION)
    found["seeds"] = seeds
    return found


def test_the_manifest_lists_the_annotation_and_the_release_holds_its_bytes(releases):
    release = releases["0.2.0"]
    manifest = _manifest(release)
    data = (releases["seeds"] / "annotations" / f"{ENGLISH}.json").read_bytes()
    inputs = {item["file"]: item for item in manifest["inputs"]}
    assert inputs[ENGLISH]["annotation"] == {"file": f"annotations/{ENGLISH}.json", "sha256": _sha(data)}
    assert inputs[HINDI]["annotation"] is None
    assert (release / IN_RELEASE).read_bytes() == data
    assert manifest["files"][IN_RELEASE] == {"bytes": len(data), "sha256": _sha(data)}
    curated = manifest["curated"]
    assert {k: curated[k] for k in ("documents", "fields")} == {
        "documents": 1,
        "fields": {"highlights": 1, "language": 1, "title": 1},
    }
    assert curated["figures"]["documents"] == 1 and set(curated["figures"]["fields"]) == set(ANNOTATION)
    assert verify(release).valid, [p.one_line() for p in verify(release).problems]


def test_a_release_without_annotations_has_no_curated_block(releases):
    manifest = _manifest(releases["0.1.0"])
    assert "curated" not in manifest
    assert [item["annotation"] for item in manifest["inputs"]] == [None, None]
    assert not [name for name in manifest["files"] if name.startswith("hf/annotations/")]


def _copy(release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / release.name
    shutil.copytree(release, copy)
    return copy


def _changed_annotation(copy: Path) -> bytes:
    """The release's annotation edited as a curator would (one highlight fewer)."""
    data = json.dumps({**ANNOTATION, "highlights": HIGHLIGHTS[:2]}, indent=2).encode() + b"\n"
    (copy / IN_RELEASE).write_bytes(data)
    return data


def _reseal(copy: Path, edit) -> None:
    manifest = _manifest(copy)
    edit(manifest)
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _problems(release: Path) -> list[str]:
    return [p.one_line() for p in verify(release).problems]


def test_verify_names_an_annotation_changed_after_the_build_and_what_to_do(releases, tmp_path):
    copy = _copy(releases["0.2.0"], tmp_path)
    _changed_annotation(copy)
    report = verify(copy)
    assert [(p.type, p.file) for p in report.problems] == [("checksum-mismatch", str(copy / IN_RELEASE))]
    problem = report.problems[0]
    assert "changed after the build" in problem.message and "build a new version" in problem.hint


def test_verify_catches_a_changed_annotation_whose_files_entry_was_rewritten(releases, tmp_path):
    copy = _copy(releases["0.2.0"], tmp_path)
    data = _changed_annotation(copy)

    def files_entry(manifest):
        manifest["files"][IN_RELEASE] = {"bytes": len(data), "sha256": _sha(data)}

    _reseal(copy, files_entry)
    problems = _problems(copy)
    assert problems and all(IN_RELEASE in line for line in problems), problems
    assert "changed after the build" in problems[0]


def test_verify_catches_a_changed_annotation_whose_every_checksum_was_rewritten(releases, tmp_path):
    """The manifest's input and the documents table's annotation_sha256 rewritten too: only the
    annotation, resolved again against the document's text, shows that the tables are not its."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy = _copy(releases["0.2.0"], tmp_path)
    data = _changed_annotation(copy)
    path = table_file(copy, "documents")
    stored = pq.read_table(path)
    shas = [s and _sha(data) for s in stored.column("annotation_sha256").to_pylist()]
    index = stored.schema.get_field_index("annotation_sha256")
    column = pa.array(shas, stored.schema.field(index).type)
    pq.write_table(stored.set_column(index, stored.schema.field(index), column), path)
    reseal(copy)  # every size, sha256 and derived field of the manifest from the files as they are
    problems = _problems(copy)
    assert problems and any("highlights" in line and ENGLISH in line for line in problems), problems


def test_a_release_with_annotations_rebuilds_byte_for_byte(releases, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(releases["0.2.0"], out / "0.2.0")
    result = build(releases["seeds"], out, "0.2.0", workers=1)
    assert (result.status, result.note) == ("reproduced", "byte for byte"), [
        p.one_line() for p in result.problems
    ]


def test_adding_an_annotation_makes_the_rebuild_of_a_version_differ(releases, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(releases["0.1.0"], out / "0.1.0")  # built without the annotation seeds now hold
    result = build(releases["seeds"], out, "0.1.0", workers=1)
    assert result.status == "refused", result
    [problem] = result.problems
    assert problem.type == "release-exists" and "differs from what these inputs build" in problem.message


def test_diff_shows_an_annotation_added_changed_and_removed(releases):
    expected = {
        ("0.1.0", "0.2.0"): ("added", None, ["language", "title", "highlights"]),
        ("0.2.0", "0.3.0"): (
            "changed",
            ["language", "title", "highlights"],
            ["language", "title", "highlights"],
        ),
        ("0.3.0", "0.4.0"): ("removed", ["language", "title", "highlights"], None),
    }
    for (a, b), (change, before, after) in expected.items():
        result = diff(releases[a], releases[b])
        [entry] = result["changed"]
        assert (entry["file"], entry["cause"]) == (ENGLISH, "curation"), entry
        assert entry["curation"]["change"] == change
        assert entry["curation"]["fields"] == {"from": before, "to": after}
        assert not {"annotation_sha256", "curated_fields"} & set(entry["fields"])  # told by `curation`
        assert result["summary"]["causes"]["curation"]["annotations"] == {change: 1}
    result = diff(releases["0.2.0"], releases["0.3.0"])
    [entry] = result["changed"]
    assert entry["items"]["highlights"]["removed"] == 1
    lines = summary_lines(result)
    assert lines[1].startswith("curation changed (same text, an annotation added, changed or removed): "
                               "1 document; annotations changed 1"), lines  # fmt: skip
    assert "highlights -1" in lines[1] or "highlights +0 -1" in lines[1], lines
    assert "annotation added: checks language, title, highlights" in detail_lines(
        diff(releases["0.1.0"], releases["0.2.0"])["changed"][0]
    )


def _input(manifest: dict) -> dict:
    return next(item for item in manifest["inputs"] if item["file"] == ENGLISH)


def _without_annotation(copy: Path, manifest: dict) -> None:
    _input(manifest)["annotation"] = None
    del manifest["files"][IN_RELEASE]
    (copy / IN_RELEASE).unlink()


@pytest.mark.parametrize(
    ("edit", "pointer"),
    [
        (lambda copy, m: m["curated"]["fields"].update(title=2), "/curated"),
        (lambda copy, m: m["curated"]["figures"].update(documents=2), "/curated"),
        (lambda copy, m: m.pop("curated"), "/curated"),
        (_without_annotation, "/inputs"),
    ],
    ids=["a field's count", "the figures' documents", "no curated block", "an input without its annotation"],
)
def test_verify_holds_the_manifests_curation_to_the_documents_table(releases, tmp_path, edit, pointer):
    copy = _copy(releases["0.2.0"], tmp_path)
    _reseal(copy, lambda manifest: edit(copy, manifest))
    problems = verify(copy).problems
    assert [p.pointer for p in problems] == [pointer], [p.one_line() for p in problems]


def test_the_annotation_of_an_html_page_is_resolved_against_its_rendering(tmp_path):
    """In the raw HTML the title occurs first in the head (og:title); in the rendering, whose
    offsets the spans are in, in the page's heading: verify resolves it where the build did."""
    from click.testing import CliRunner

    from cmvisit_data.cli import main

    from ..html.test_html_release import PAGE_2

    page = tmp_path / "water.htm"
    page.write_bytes(PAGE_2.encode("cp1252"))
    seeds = tmp_path / "seeds"
    added = CliRunner().invoke(main, ["add", "--seeds", str(seeds), "--init", str(page)])
    assert added.exit_code == 0, added.output
    (seeds / "annotations").mkdir()
    annotation = {"language": "en", "title": "Water for villages"}
    (seeds / "annotations" / "water.htm.json").write_text(json.dumps(annotation), encoding="utf-8")
    release = _build(seeds, tmp_path / "out", "0.1.0")
    assert _manifest(release)["curated"]["fields"] == {"language": 1, "title": 1}
    assert _problems(release) == []


def test_verify_catches_a_curated_span_moved_to_another_printing_of_its_text(releases, tmp_path):
    """The curated title moved to the headline's second printing and every checksum resealed: the
    text still holds at the new place, so only the annotation, placed again, shows the change."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy = _copy(releases["0.2.0"], tmp_path)
    path = table_file(copy, "documents")
    stored = pq.read_table(path)
    index = stored.schema.get_field_index("title_span")
    moved = []
    texts = stored.column("raw_text").to_pylist()
    for span, raw in zip(stored.column("title_span").to_pylist(), texts, strict=True):
        again = raw.find(span["text"], span["end"]) if span is not None else -1
        if again >= 0:  # the same words, printed again further down (the English seed's headline)
            span = {**span, "start": again, "end": again + len(span["text"])}
        moved.append(span)
    column = pa.array(moved, stored.schema.field(index).type)
    pq.write_table(stored.set_column(index, stored.schema.field(index), column), path)
    reseal(copy)
    problems = _problems(copy)
    assert problems and any("title" in line and ENGLISH in line for line in problems), problems
