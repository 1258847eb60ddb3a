"""The error catalogue and the one report: every command's --format json has the same top-level
shape, every usage error exits 2, and each specific problem type is what the CLI reports."""

from __future__ import annotations

import errno
import json
import os
import shutil
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.errors import CATALOGUE, Problem, Report

SHAPE = {"valid", "stats", "problems"}
# Each command's own result, beside the shared keys (none of them may be missing).
PAYLOAD = {
    "validate": {"inputs", "skipped"},
    "parse": {"records", "skipped"},
    "add": {"added", "already_present", "skipped"},
    "seeds": {"entry"},
    "build": {"release"},
    "release": {"release"},
    "verify": {"release"},
    "diff": {"diff"},
    "publish": {"plan"},
}


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _types(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {p["type"] for p in json.loads(result.stdout)["problems"]}


@pytest.fixture
def project(tmp_path: Path, seeds_dir: Path) -> Path:
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    return tmp_path


def test_every_catalogue_entry_has_a_title_a_template_and_a_hint():
    fields = set(Problem.__dataclass_fields__)
    for kind, entry in CATALOGUE.items():
        assert entry.title and entry.template and entry.hint.endswith("."), kind
        used = {name for _, name, _, _ in string.Formatter().parse(entry.template) if name}
        assert used <= fields, kind
    made = Problem("byte-count-mismatch", file="r.json")
    assert made.message == CATALOGUE["byte-count-mismatch"].template
    assert made.hint == CATALOGUE["byte-count-mismatch"].hint


def test_the_report_has_one_shape_and_its_exit_code_says_usage_or_data():
    assert Report().to_dict() == {"valid": True, "stats": {}, "problems": []} and Report().exit_code == 0
    data = Report(problems=[Problem("empty-document", file="a.txt")], payload={"records": []})
    assert set(data.to_dict()) == SHAPE | {"records"} and data.exit_code == 1
    usage = Report(problems=[Problem("empty-document"), Problem("release-missing", file="x")])
    assert usage.exit_code == 2


def _bad_inputs(project: Path) -> dict[str, list[str]]:
    empty = project / "empty.txt"
    empty.write_bytes(b"")
    seeds = ["--seeds", str(project / "seeds")]
    missing = str(project / "nothing-here")
    return {
        "validate": ["validate", str(empty)],
        "parse": ["parse", str(empty)],
        "add": ["add", str(empty), *seeds],
        "seeds": ["seeds", "remove", "never-listed.txt", *seeds],
        "build": ["build", "--seeds", missing, "--out", str(project / "out")],
        "release": ["release", "1.2", *seeds, "--out", str(project / "out")],
        "verify": ["verify", missing],
        "diff": ["diff", missing, missing],
        "publish": ["publish", missing, "--dry-run"],
    }


@pytest.mark.parametrize("command", sorted(PAYLOAD))
def test_every_command_reports_bad_input_in_json_with_the_same_top_level_keys(project, command):
    result = _run(*_bad_inputs(project)[command], "--format", "json")
    assert result.exit_code in (1, 2), result.output
    report = json.loads(result.stdout)
    assert set(report) == SHAPE | PAYLOAD[command], command
    assert report["valid"] is False and report["problems"] and isinstance(report["stats"], dict)
    assert all({"type", "message", "hint"} <= set(p) for p in report["problems"])


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],  # click's own: no path
        ["parse", "--format", "yaml", "x.txt"],
        ["add"],
        ["seeds", "set", "page.txt"],  # nothing to change
        ["seeds", "remove", "page.txt", "--seeds", "{missing}"],
        ["build", "--version", "1.2"],
        ["release", "v1.0.0"],
        ["verify", "{missing}"],
        ["diff", "{missing}", "{missing}"],
        ["publish", "{missing}", "--dry-run"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_every_usage_error_exits_2(tmp_path, args):
    result = _run(*(a.format(missing=tmp_path / "nothing-here") for a in args))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args,kind",
    [
        (["build", "--version", "1.2"], "bad-version"),
        (["verify", "{missing}"], "release-missing"),
        (["diff", "{missing}", "{missing}"], "release-missing"),
        (["publish", "{missing}"], "release-missing"),
        (["seeds", "remove", "page.txt", "--seeds", "{missing}"], "seeds-missing"),
    ],
    ids=lambda value: value if isinstance(value, str) else " ".join(value[:2]),
)
def test_a_usage_error_still_prints_the_json_report(tmp_path, args, kind):
    result = _run(*(a.format(missing=tmp_path / "nothing-here") for a in args), "--format", "json")
    assert result.exit_code == 2 and _types(result) == {kind}, result.output


def test_parse_json_is_one_report_and_json_lines_stay_the_default(english_seed, write):
    empty = write("empty.txt", b"")
    lines = _run("parse", str(english_seed), str(empty))
    first, second = (json.loads(line) for line in lines.stdout.splitlines())
    assert "doc_id" in first and second == {**second, "file": str(empty), "valid": False}
    assert second["problems"][0]["type"] == "empty-document" and "error" not in second
    whole = _run("parse", str(english_seed), str(empty), "--format", "json")
    report = json.loads(whole.stdout)
    assert whole.exit_code == 1 and report["stats"] == {
        "documents": 2,
        "parsed": 1,
        "failed": 1,
        "skipped": 0,
        "unsupported": 0,
    }
    assert [r["doc_id"] for r in report["records"]] == [first["doc_id"]]
    assert _types(whole) == {"empty-document"}


# Each specific type of the catalogue, as the command line reports it.


def test_a_file_one_may_not_read_is_permission_denied_not_missing(english_seed, monkeypatch):
    real_open = os.open

    def refusing(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path) == str(english_seed):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    result = _run("validate", str(english_seed), "--format", "json")
    assert result.exit_code == 1 and _types(result) == {"permission-denied"}


def test_a_file_the_system_cannot_open_is_unreadable_not_missing(tmp_path):
    result = _run("validate", str(tmp_path / ("x" * 300 + ".txt")), "--format", "json")
    assert result.exit_code == 1 and _types(result) == {"file-unreadable"}
    assert _types(_run("validate", str(tmp_path / "gone.txt"), "--format", "json")) == {"file-not-found"}


def test_a_wrong_byte_count_is_its_own_type(english_seed, write):
    record = json.loads(_run("parse", str(english_seed)).stdout)
    record["source"]["bytes"] += 1
    result = _run("validate", str(write("record.json", json.dumps(record))), "--format", "json")
    assert result.exit_code == 1 and _types(result) == {"byte-count-mismatch"}


def test_a_duplicate_json_key_is_one_type_in_records_manifests_and_tables(project, english_seed, write):
    record = write("record.json", '{"doc_id": "a", "doc_id": "b"}')
    assert _types(_run("validate", str(record), "--format", "json")) == {"json-duplicate-key"}
    manifest = project / "seeds" / "manifest.json"
    manifest.write_text(manifest.read_text().replace("{", '{"version": 1, "version": 1,', 1))
    built = _run(
        "build", "--seeds", str(project / "seeds"), "--out", str(project / "out"), "--format", "json"
    )
    assert built.exit_code == 1 and _types(built) == {"json-duplicate-key"}
    table = write("provenance.jsonl", '{"file": "a.txt", "file": "b.txt"}\n')
    added = _run("add", str(english_seed), "--seeds", str(project / "seeds"), "--provenance", str(table),
                 "--format", "json")  # fmt: skip
    assert added.exit_code == 1 and "json-duplicate-key" in _types(added)


def test_two_files_with_the_same_bytes_are_duplicate_content(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (corpus / name).write_text(
            "Bhilai Plant Upgrade\n\nBhilai: The plant finished its upgrade on Friday.\n"
        )
    result = _run(
        "build", "--discover", "--seeds", str(corpus), "--out", str(tmp_path / "out"), "--format", "json"
    )
    assert result.exit_code == 1 and _types(result) == {"duplicate-content"}


def test_an_out_inside_a_release_is_out_invalid(project, release):
    inside = project / "out" / "0.1.0"
    shutil.copytree(release, inside)
    args = ["build", "--seeds", str(project / "seeds"), "--out", str(inside), "--version", "0.2.0"]
    result = _run(*args, "--format", "json")
    assert result.exit_code == 2 and _types(result) == {"out-invalid"}, result.output


def test_no_seeds_folder_is_seeds_missing_a_usage_error(project):
    missing = _run(
        "build", "--seeds", str(project / "nope"), "--out", str(project / "out"), "--format", "json"
    )
    assert missing.exit_code == 2 and _types(missing) == {"seeds-missing"}


def test_a_name_the_manifest_does_not_list_is_not_listed(project):
    result = _run(
        "seeds", "remove", "never-listed.txt", "--seeds", str(project / "seeds"), "--format", "json"
    )
    assert result.exit_code == 2 and _types(result) == {"not-listed"}
