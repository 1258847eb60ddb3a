"""The tamper suite: each way of changing a release without changing its manifest's claims
(or changing the manifest to match) is caught by verify, which names the problem."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cmvisit_data.release import verify
from cmvisit_data.release.layout import table_file
from cmvisit_data.tables import TABLE_NAMES


def _copy(release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "releases" / release.name
    shutil.copytree(release, copy)
    return copy


def _edit_manifest(folder: Path, edit: Callable[[dict], None]) -> None:
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    edit(manifest)
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _hf(manifest: dict) -> str:
    return next(p for p in manifest["files"] if p.startswith("hf/data/quotes/"))


MANIFEST_EDITS = {
    "version": lambda m: m.update(version="9.9.9"),
    "rights": lambda m: m["inputs"][0].update(rights="CC0, do what you like"),
    "duplicates": lambda m: m["counts"].update(duplicates=5),
    "input sha256": lambda m: m["inputs"][0].update(sha256="0" * 64),
    "schema sha256": lambda m: m.update(schema_sha256="1" * 64),
    "rejected": lambda m: m["rejected"].append({"file": "x.txt", "reasons": ["made up"]}),
    "hf rows": lambda m: m["files"][_hf(m)].update(rows=99),
    "languages": lambda m: m["counts"]["languages"].update(en=7),
    "an input dropped": lambda m: m["inputs"].pop(),
    "an unknown field": lambda m: m.update(signed_by="someone"),
}


@pytest.mark.parametrize("name", sorted(MANIFEST_EDITS))
def test_a_forged_manifest_field_is_caught(release, tmp_path, name):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, MANIFEST_EDITS[name])
    report = verify(copy)
    assert not report.valid
    assert all(p.type == "release-invalid" for p in report.problems), [p.one_line() for p in report.problems]
    assert any(p.file and p.file.endswith("manifest.json") for p in report.problems)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("NaN", lambda t: t.replace('"duplicates": 0', '"duplicates": NaN')),
        ("a key twice", lambda t: t.replace('"duplicates": 0', '"duplicates": 0, "duplicates": 0')),
        ("not UTF-8", lambda t: t + "\udcff"),
        ("a list", lambda t: "[]"),
        ("empty", lambda t: "{}"),
        ("deep", lambda t: "[" * 100_000 + "]" * 100_000),
    ],
)
def test_a_manifest_that_is_not_strict_valid_json_is_refused(release, tmp_path, name, text):
    copy = _copy(release, tmp_path)
    path = copy / "manifest.json"
    path.write_bytes(text(path.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    report = verify(copy)
    assert [p.type for p in report.problems][:1] == ["release-invalid"], [
        p.one_line() for p in report.problems
    ]


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_a_forged_table_row_count_is_caught(release, tmp_path, table):
    """`tables.<t>.rows` is a claim about the data: one more row than the table holds is named,
    with the table, its file and both counts (no other check recomputes it)."""
    copy = _copy(release, tmp_path)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    stored = manifest["tables"][table]["rows"]
    _edit_manifest(copy, lambda m: m["tables"][table].update(rows=stored + 1))
    report = verify(copy)
    assert not report.valid
    assert [(p.type, p.table, p.file, p.message) for p in report.problems] == [
        (
            "release-invalid",
            table,
            str(table_file(copy, table)),
            f"the table holds {stored} rows, and manifest.json says {stored + 1}",
        )
    ]


def test_a_missing_table_is_named(release, tmp_path):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m["tables"].pop("tweets"))
    report = verify(copy)
    assert any("tweets" in p.message and p.pointer == "/tables" for p in report.problems)


@pytest.mark.parametrize(
    "extra", ["hf/evil.py", "extra.parquet", "hf/data/quotes/train-00001-of-00002.parquet"]
)
def test_a_file_the_manifest_does_not_list_is_refused(release, tmp_path, extra):
    copy = _copy(release, tmp_path)
    (copy / extra).write_bytes(b"print('hello')\n")
    report = verify(copy)
    assert [(p.message, p.file) for p in report.problems] == [
        ("a file the manifest does not list", str(copy / extra))
    ]


@pytest.mark.parametrize("path", ["/etc/passwd", "../../etc/passwd", "hf/../../x", "hf\\x"])
def test_manifest_paths_must_be_plain_and_inside(release, tmp_path, path):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m["files"].update({path: {"bytes": 1, "sha256": "0" * 64}}))
    report = verify(copy)
    assert not report.valid and report.problems[0].pointer.startswith("/files")


@pytest.mark.parametrize("target", ["hf/data/quotes/train-00000-of-00001.parquet", "hf"])
def test_a_link_inside_a_release_is_refused(release, tmp_path, target):
    copy = _copy(release, tmp_path)
    moved = tmp_path / "elsewhere"
    shutil.move(str(copy / target), moved)
    os.symlink(moved, copy / target)
    report = verify(copy)
    assert any(p.message == "a release holds no links" for p in report.problems)


def test_expect_is_a_root_of_trust(release, tmp_path):
    sha = hashlib.sha256((release / "manifest.json").read_bytes()).hexdigest()
    assert verify(release, expect=sha).valid
    copy = _copy(release, tmp_path)
    path = copy / "manifest.json"
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=1), encoding="utf-8")
    assert verify(copy).valid  # the same claims in other bytes: valid, but not the release trusted
    report = verify(copy, expect=sha)
    assert [p.type for p in report.problems] == ["checksum-mismatch"]


def test_diff_on_a_broken_release_is_a_typed_error(release, tmp_path):
    from cmvisit_data.errors import CmvisitError
    from cmvisit_data.release import diff

    copy = _copy(release, tmp_path)
    table_file(copy, "quotes").write_bytes(b"garbage")
    with pytest.raises(CmvisitError) as caught:
        diff(release, copy)
    assert [p.type for p in caught.value.problems] == ["release-invalid"]
    (copy / "manifest.json").write_text("[]", encoding="utf-8")
    with pytest.raises(CmvisitError):
        diff(release, copy)


def test_a_seeds_manifest_nested_deep_is_a_typed_error(tmp_path):
    from cmvisit_data.seeds.manifest import load_manifest

    (tmp_path / "manifest.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    entries, problems = load_manifest(tmp_path)
    assert entries == [] and [p.type for p in problems] == ["manifest-invalid"]


# --- re-sealed tamperings ---------------------------------------------------------------------
# An attacker with write access edits the data, then recomputes everything the manifest and
# croissant.json record about it (sizes, sha256s, row counts, inputs, counts), as `reseal` does.
# What is left is the one invariant the edit broke, and each must be caught.


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reseal(folder: Path) -> None:
    """Every size, sha256, row count and derived field recomputed from the files as they are."""
    import pyarrow.parquet as pq

    from cmvisit_data.release import audit

    croissant = folder / "hf" / "croissant.json"
    if croissant.is_file():
        try:
            value = json.loads(croissant.read_text(encoding="utf-8"))
        except ValueError:
            value = None
        if isinstance(value, dict):
            for item in value["distribution"]:
                data = folder / "hf" / item["contentUrl"]
                if data.is_file():
                    item.update(sha256=_sha(data), contentSize=f"{data.stat().st_size} B")
            croissant.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    path = table_file(folder, "documents")
    stored = pq.ParquetFile(path).schema_arrow.names
    facts = [*audit.DOCUMENT_FACTS, *(c for c in audit.CURATION_FACTS if c in stored)]
    documents = pq.read_table(path, columns=facts).to_pylist()
    manifest["inputs"] = [audit._input_of(row) for row in documents]
    manifest["counts"] = audit._counts(documents)
    for meta in manifest["tables"].values():
        path = folder / meta["file"]
        meta.update(bytes=path.stat().st_size, sha256=_sha(path), rows=pq.ParquetFile(path).metadata.num_rows)
    for name, meta in manifest["files"].items():
        path = folder / name
        if path.is_file():
            meta.update(bytes=path.stat().st_size, sha256=_sha(path))
            if "rows" in meta:
                meta["rows"] = pq.ParquetFile(path).metadata.num_rows
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _hf_path(folder: Path, table: str) -> Path:
    return folder / "hf" / "data" / table / "train-00000-of-00001.parquet"


def _write_hf(folder: Path, table: str, rows_table) -> None:
    """The Hub copy of a table in a layout-1 release, written as the build wrote it."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Features

    from cmvisit_data.hub import features
    from cmvisit_data.release.parquet import COLUMNS_SINCE_1_2_0

    layout_1 = {k: v for k, v in features.hf_features(table, "1.2.0").items() if k not in COLUMNS_SINCE_1_2_0}
    schema = features.hf_schema(Features(layout_1))
    columns = [rows_table.column(f.name).cast(f.type) for f in schema]
    pq.write_table(pa.Table.from_arrays(columns, schema=schema), _hf_path(folder, table))


def edit_rows(folder: Path, table: str, edit: Callable[[list[dict]], None], hub: bool = True) -> None:
    """One table's rows edited in the release (and, with hub, in its Hub copy alike)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = table_file(folder, table)
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    edit(rows)
    edited = pa.Table.from_pylist(rows, schema=stored.schema)
    pq.write_table(edited, path)
    if hub and path != _hf_path(folder, table):  # layout 1: the Hub copy too
        _write_hf(folder, table, edited)


def edit_hub(folder: Path, table: str, edit: Callable[[list[dict]], None]) -> None:
    """Only the Hub copy of a table edited (a layout-1 release), written as the build wrote it."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    stored = pq.read_table(table_file(folder, table))
    rows = stored.to_pylist()
    edit(rows)
    _write_hf(folder, table, pa.Table.from_pylist(rows, schema=stored.schema))


def _doc(rows: list[dict], column: str) -> dict:
    return next(r for r in rows if r[column])


def _quotes_one_short(folder):
    edit_rows(folder, "quotes", lambda rows: rows.pop())  # n_quotes stays 4


def _positions_gap(folder):
    edit_rows(folder, "quotes", lambda rows: rows[-1].update(position=rows[-1]["position"] + 1))


def _items_reordered(folder):
    def swap(rows):  # the second document's paragraphs first
        first = rows[0]["doc_id"]
        rows.sort(key=lambda r: r["doc_id"] == first)

    edit_rows(folder, "paragraphs", swap)


def _rename(doc_id: str) -> Callable[[list[dict]], None]:
    return lambda rows: [r.update(doc_id="0123456789abcdef") for r in rows if r["doc_id"] == doc_id]


def _doc_id(folder):
    import pyarrow.parquet as pq

    doc_id = pq.read_table(table_file(folder, "documents")).column("doc_id")[0].as_py()
    for table in ("documents", "highlights", "quotes", "tweets", "paragraphs", "related"):
        edit_rows(folder, table, _rename(doc_id))


def _raw_bytes(folder):
    edit_rows(folder, "documents", lambda rows: rows[0].update(raw_bytes=rows[0]["raw_bytes"] + 1))


def _title(folder):
    edit_rows(folder, "documents", lambda rows: _doc(rows, "title").update(title="A Title Nobody Printed"))


def _published(folder):
    import datetime as dt

    edit_rows(folder, "documents", lambda rows: _doc(rows, "published").update(published=dt.date(1999, 1, 1)))


def _byline(folder):
    edit_rows(folder, "documents", lambda rows: _doc(rows, "byline").update(byline=["Someone Else"]))


def _body_text(folder):
    edit_rows(folder, "documents", lambda rows: rows[0].update(body_text=rows[0]["body_text"] + " Forged."))


def _post_author(folder):
    edit_rows(folder, "tweets", lambda rows: rows[0].update(author="Someone Else", handle="someone"))


def _post_date(folder):
    import datetime as dt

    edit_rows(folder, "tweets", lambda rows: rows[0].update(posted=dt.date(1999, 1, 1)))


def _post_mentions(folder):
    edit_rows(folder, "tweets", lambda rows: rows[0].update(mentions=["someone"]))


def _hub_speaker(folder):
    edit_hub(folder, "quotes", lambda rows: rows[0].update(speaker="Someone Else"))


def _hub_document(folder):
    def other(rows):
        raw = "Another Title\n\nAnother text entirely.\n"
        rows[0].update(raw_text=raw, title="Another Title")

    edit_hub(folder, "documents", other)


def _hub_column_type(folder):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = _hf_path(folder, "quotes")
    table = pq.read_table(path)
    i = table.schema.get_field_index("position")
    table = table.set_column(i, pa.field("position", pa.int64()), table.column(i).cast(pa.int64()))
    pq.write_table(table, path)


def _hub_features(folder):
    import pyarrow.parquet as pq

    path = _hf_path(folder, "quotes")
    table = pq.read_table(path)
    meta = json.loads(table.schema.metadata[b"huggingface"])
    meta["info"]["features"]["kind"] = {"_type": "ClassLabel", "names": ["reported", "direct"]}
    pq.write_table(table.replace_schema_metadata({"huggingface": json.dumps(meta, sort_keys=True)}), path)


def _croissant_sha(folder):
    path = folder / "hf" / "croissant.json"
    value = json.loads(path.read_text(encoding="utf-8"))
    value["distribution"][2]["sha256"] = "0" * 64
    path.write_text(json.dumps(value, indent=2))
    _reseal_manifest_only(folder)


def _croissant_not_json(folder):
    (folder / "hf" / "croissant.json").write_text("<html>not JSON</html>\n")


def _card_path_repointed(folder):
    card = folder / "hf" / "README.md"
    text = card.read_text(encoding="utf-8")
    own = "path: data/quotes/train-00000-of-00001.parquet"
    card.write_text(text.replace(own, "path: data/tweets/train-00000-of-00001.parquet", 1), encoding="utf-8")


def _edit_croissant(folder, edit):
    path = folder / "hf" / "croissant.json"
    value = json.loads(path.read_text(encoding="utf-8"))
    edit(value)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


def _record_set(value, name):
    return next(r for r in value["recordSet"] if r["@id"] == name)


def _croissant_enum(folder):
    def forge(value):
        _record_set(value, "quotes_kind_values")["data"].append({"quotes_kind_values/value": "rumoured"})

    _edit_croissant(folder, forge)


def _croissant_file_object(folder):
    def repoint(value):
        _record_set(value, "quotes")["field"][0]["source"]["fileObject"]["@id"] = "tweets-parquet"

    _edit_croissant(folder, repoint)


def _reseal_manifest_only(folder):
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    for name, meta in manifest["files"].items():
        meta.update(bytes=(folder / name).stat().st_size, sha256=_sha(folder / name))
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")


def _deleted(name: str) -> Callable[[Path], None]:
    def delete(folder):
        (folder / name).unlink()
        _edit_manifest(folder, lambda m: m["files"].pop(name))

    return delete


def _extra(name: str) -> Callable[[Path], None]:
    def add(folder):
        (folder / name).write_text("import os\n")
        _edit_manifest(folder, lambda m: m["files"].update({name: {"bytes": 0, "sha256": "0" * 64}}))

    return add


# (the tampering, the problem's table or file ending, its column or pointer, its type)
RESEALED = {
    "n_quotes 4, 3 quote rows": (_quotes_one_short, "documents", "n_quotes", "table-check"),
    "positions not contiguous": (_positions_gap, "quotes", "position", "table-check"),
    "items out of document order": (_items_reordered, "paragraphs", "doc_id", "table-check"),
    "doc_id not raw_sha256[:16]": (_doc_id, "documents", "doc_id", "doc-id-mismatch"),
    "raw_bytes not the UTF-8 length": (_raw_bytes, "documents", "raw_bytes", "table-check"),
    "title not its span's text": (_title, "documents", "title", "table-check"),
    "published 1999-01-01, span 23 August 2025": (_published, "documents", "published", "table-check"),
    "byline not its spans' texts": (_byline, "documents", "byline", "table-check"),
    "body_text not the paragraphs": (_body_text, "documents", "body_text", "table-check"),
    "post author and handle": (_post_author, "tweets", "attribution", "table-check"),
    "post date": (_post_date, "tweets", "attribution", "table-check"),
    "post mentions": (_post_mentions, "tweets", "links", "table-check"),
    "hf speaker only": (_hub_speaker, "quotes", "speaker", "release-invalid"),
    "hf document raw text and title": (_hub_document, "documents", "title", "release-invalid"),
    "hf column type": (_hub_column_type, "quotes", None, "release-invalid"),
    "hf features metadata": (_hub_features, "quotes", None, "release-invalid"),
    "croissant sha256": (_croissant_sha, "croissant.json", "/distribution/2", "checksum-mismatch"),
    "croissant not JSON": (_croissant_not_json, "croissant.json", None, "release-invalid"),
    "card config reads another table": (
        _card_path_repointed,
        "README.md",
        "/configs/2/data_files",
        "release-invalid",
    ),
    "croissant enum values forged": (
        _croissant_enum,
        "croissant.json",
        "/recordSet/5/data",  # the record sets follow the tables and their enum columns
        "release-invalid",
    ),
    "croissant field from another file": (
        _croissant_file_object,
        "croissant.json",
        "/recordSet/4/field/0/source/fileObject",
        "release-invalid",
    ),
    "hf/README.md deleted with its entry": (
        _deleted("hf/README.md"),
        "manifest.json",
        "/files",
        "release-invalid",
    ),
    "LICENSE.md deleted with its entry": (
        _deleted("hf/LICENSE.md"),
        "manifest.json",
        "/files",
        "release-invalid",
    ),
    "hf data file deleted with its entry": (
        _deleted("hf/data/tweets/train-00000-of-00001.parquet"),
        "manifest.json",
        "/files",
        "release-invalid",
    ),
    "hf/.gitattributes listed": (
        _extra("hf/.gitattributes"),
        "manifest.json",
        "/files/hf/.gitattributes",
        "release-invalid",
    ),
    "hf/load.py listed": (_extra("hf/load.py"), "manifest.json", "/files/hf/load.py", "release-invalid"),
}


# Tamperings of the Hub copy, which only releases of layout 1 have (0.1.0 to 0.6.0): tried on a
# copy of the committed 0.6.0. In layout 2 the Hub's file is the table: a column's type or the
# features metadata is checked on the table itself (the cases above, on a fresh build).
LAYOUT_1 = {
    f"{name} (layout 1)": RESEALED[name]
    for name in ("hf speaker only", "hf document raw text and title", "hf column type", "hf features metadata",
                 "hf data file deleted with its entry")
}  # fmt: skip
for _name in ("hf speaker only", "hf document raw text and title", "hf data file deleted with its entry"):
    RESEALED.pop(_name)
RESEALED.update(LAYOUT_1)
COMMITTED_LAYOUT_1 = Path(__file__).resolve().parents[2] / "build" / "0.6.0"


@pytest.mark.parametrize("name", list(RESEALED))
def test_a_resealed_tampering_is_caught(release, tmp_path, name):
    tamper, where, column, kind = RESEALED[name]
    copy = _copy(COMMITTED_LAYOUT_1 if name in LAYOUT_1 else release, tmp_path)
    tamper(copy)
    if tamper is not _croissant_sha:  # which reseals the manifest only: its forged sha256 is the point
        reseal(copy)
    report = verify(copy)
    found = [(p.table, p.file, p.field or p.pointer, p.type) for p in report.problems]
    assert any(
        (table == where or (file or "").endswith(where)) and (column is None or place == column) and t == kind
        for table, file, place, t in found
    ), [p.one_line() for p in report.problems]
    assert all(len(p.one_line()) < 600 for p in report.problems)


@pytest.mark.parametrize(
    "mark, why",
    [
        ("self", "duplicate_of names the document itself"),
        ("ffffffffffffffff", "duplicate_of names no document of the release"),
        ("each other", "duplicate_of names a document that is itself marked a near-duplicate"),
    ],
)
def test_a_resealed_near_duplicate_mark_must_name_another_kept_document(release, tmp_path, mark, why):
    copy = _copy(release, tmp_path)

    def marks(rows):
        first, second = rows[0]["doc_id"], rows[1]["doc_id"]
        if mark == "self":
            rows[0]["duplicate_of"] = first
        elif mark == "each other":
            rows[0]["duplicate_of"], rows[1]["duplicate_of"] = second, first
        else:
            rows[0]["duplicate_of"] = mark

    edit_rows(copy, "documents", marks)
    reseal(copy)
    lines = [p.one_line() for p in verify(copy).problems]
    assert any(why in line for line in lines), lines


def test_a_document_repeated_in_another_row_group_is_caught(release, tmp_path):
    """The unique-doc_id rule of a row group sees only its rows: a copy of a document in another
    row group, its counts zeroed and its items copied, is caught on the whole table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy = _copy(release, tmp_path)
    path = table_file(copy, "documents")
    stored = pq.read_table(path)
    rows = stored.to_pylist()
    twin = dict(rows[0], source_file="copy-" + rows[0]["source_file"], n_highlights=0, n_related=0,
                n_quotes=0, n_tweets=0)  # fmt: skip
    table = pa.Table.from_pylist([*rows, twin], schema=stored.schema)
    pq.write_table(table, path, row_group_size=1)
    if path != _hf_path(copy, "documents"):  # layout 1: the Hub copy too
        _write_hf(copy, "documents", table)
    paragraphs = pq.read_table(table_file(copy, "paragraphs")).to_pylist()
    again = [r for r in paragraphs if r["doc_id"] == rows[0]["doc_id"]]
    edit_rows(copy, "paragraphs", lambda items: items.extend(dict(r) for r in again))
    reseal(copy)
    lines = [p.one_line() for p in verify(copy).problems]
    assert any("doc_id is not unique" in line for line in lines), lines


@pytest.mark.parametrize(
    "column, value, words",
    [
        ("outlet", "Asia Manufacturing Review\u200b", "U+200B"),
        ("outlet", "unknown", "reserved"),
        ("source_url", "javascript:alert(1)", "not an http(s) URL"),
        ("source_file", "/home/someone/private/../x.txt", "not a file named inside the seeds folder"),
    ],
)
def test_resealed_provenance_passes_the_rules_intake_applies(release, tmp_path, column, value, words):
    """A re-sealed release cannot carry provenance that add and build would have refused."""
    copy = _copy(release, tmp_path)
    edit_rows(copy, "documents", lambda rows: rows[0].update({column: value}))
    reseal(copy)
    lines = [p.one_line() for p in verify(copy).problems]
    assert any(words in line for line in lines), lines


def test_forged_parquet_statistics_are_caught(release, tmp_path):
    """Readers skip row groups by the footer's min and max (pyarrow's filters, DuckDB, polars):
    a forged minimum hides a document from a filtered read, though every value verifies."""
    import pyarrow.parquet as pq

    copy = _copy(release, tmp_path)
    first = pq.read_table(table_file(copy, "documents"), columns=["doc_id"]).column("doc_id").to_pylist()
    lowest = min(first).encode()
    forged = (b"f" * len(lowest)) if lowest[:1] != b"f" else (b"0" * len(lowest))
    for path in dict.fromkeys((table_file(copy, "documents"), _hf_path(copy, "documents"))):
        data = path.read_bytes()
        size = int.from_bytes(data[-8:-4], "little")
        start = len(data) - 8 - size
        footer = data[start:-8]
        assert lowest in footer
        path.write_bytes(data[:start] + footer.replace(lowest, forged) + data[-8:])
    reseal(copy)
    filtered = pq.read_table(table_file(copy, "documents"), filters=[("doc_id", "==", min(first))])
    assert filtered.num_rows == 0  # the forgery works on a filtered read
    lines = [p.one_line() for p in verify(copy).problems]
    assert any("the statistics of doc_id are not its values'" in line for line in lines), lines


def test_a_layout_2_manifest_must_record_released(release, tmp_path):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m.pop("released"))
    report = verify(copy)
    found = [(p.file, p.pointer, p.message) for p in report.problems]
    assert any(file.endswith("manifest.json") and at == "/released" for file, at, _ in found), found


def test_a_release_is_not_dated_before_its_newest_document(release, tmp_path):
    copy = _copy(release, tmp_path)

    def backdate(value):
        value["datePublished"] = "2025-01-01"

    _edit_croissant(copy, backdate)
    _edit_manifest(copy, lambda m: m.update(released="2025-01-01"))
    reseal(copy)
    report = verify(copy)
    found = [(p.file, p.pointer, p.message) for p in report.problems]
    assert [(p.type, p.pointer) for p in report.problems] == [("release-invalid", "/released")], found
    assert "2025-08-23" in report.problems[0].message


@pytest.mark.parametrize("layout", [1, 3, "2"])
def test_a_forged_layout_is_named_at_layout_in_words(release, tmp_path, layout):
    copy = _copy(release, tmp_path)
    _edit_manifest(copy, lambda m: m.update(layout=layout))
    problems = verify(copy).problems
    found = [(p.file, p.pointer, p.message) for p in problems]
    assert [(p.pointer, p.file.endswith("manifest.json")) for p in problems] == [("/layout", True)], found
    assert "is not one a manifest declares" in problems[0].message or "integer" in problems[0].message, found
