from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.release.layout import table_file

from .conftest import PROJECT_SEEDS


@pytest.fixture
def run():
    def _run(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return _run


def test_parse_prints_one_aligned_line_per_argument(run, english_seed, hindi_seed, write):
    empty = write("empty.txt", b"")
    result = run("parse", str(english_seed), str(empty), str(hindi_seed))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0]["metadata"]["language"] == "en"
    assert lines[1]["file"] == str(empty) and lines[1]["problems"][0]["type"] == "empty-document"
    assert lines[2]["metadata"]["language"] == "hi"
    assert "empty.txt: empty-document" in result.stderr
    assert "Traceback" not in result.output


def test_parse_pretty_and_ok_exit(run, english_seed):
    result = run("parse", "--pretty", str(english_seed))
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n  ")
    assert json.loads(result.stdout)["doc_id"] == "3b0b97b34e9d832c"


def test_parse_missing_file_keeps_alignment(run, english_seed, tmp_path):
    result = run("parse", str(tmp_path / "nope.txt"), str(english_seed))
    assert result.exit_code == 1
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    assert first["problems"][0]["type"] == "file-not-found" and "doc_id" in second


def test_validate_text_report(run, english_seed, write):
    bad = write("bad.txt", b"Title\n\nbody \xff here\n")
    result = run("validate", str(english_seed), str(bad))
    assert result.exit_code == 1
    assert f"{english_seed}: OK" in result.stdout
    assert f"{bad}:3:6: invalid-utf8" in result.stdout
    assert "1 valid, 1 invalid" in result.stderr


def test_validate_records_jsonl_names_line_and_pointer(run, english_seed, write):
    record = json.loads(run("parse", str(english_seed)).stdout)
    broken = dict(record, doc_id="XYZ")
    body = "\n".join([json.dumps(record), json.dumps(broken), "{not json"]) + "\n"
    path = write("records.jsonl", body)
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (file_report,) = report["inputs"]
    assert file_report["stats"]["records"] == 2 and report["stats"]["records"] == 2
    errors = {(e["type"], e.get("line"), e.get("pointer")) for e in report["problems"]}
    assert ("schema-violation", 2, "/doc_id") in errors
    assert ("json-malformed", 3, None) in errors


def test_validate_directory_and_all_valid_exit_zero(run, seeds_dir):
    result = run("validate", str(seeds_dir))
    assert result.exit_code == 0
    assert result.stdout.count(": OK") == 3  # two documents and the manifest


def test_validate_manifest_reports_changed_bytes(run, seeds_dir, tmp_path):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.write_bytes(victim.read_bytes() + b"\n")
    result = run("validate", str(seeds / "manifest.json"))
    assert result.exit_code == 1
    assert f"{victim}: checksum-mismatch" in result.stdout


def test_validate_deep_json_is_bounded(run, write):
    path = write("deep.json", "[" * 5000 + "]" * 5000)
    result = run("validate", str(path))
    assert result.exit_code == 1 and "json-too-deep" in result.stdout


def test_max_bytes_option(run, english_seed):
    result = run("validate", "--max-bytes", "100", str(english_seed))
    assert result.exit_code == 1 and "file-too-large" in result.stdout


def test_usage_errors_exit_2(run):
    assert run("validate").exit_code == 2
    assert run("parse", "--max-bytes", "0", "x.txt").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_every_command_has_help(run):
    assert main.help
    for name, command in main.commands.items():
        assert command.help and len(command.help.split()) >= 5, name
        assert run(name, "--help").exit_code == 0
    # the commands the README documents are the commands there are
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert {"parse", "validate", "build", "verify", "diff", "add", "publish"} <= set(main.commands)
    assert all(f"cmvisit {name}" in readme for name in main.commands), sorted(main.commands)


def test_help_and_import_do_not_load_heavy_libraries():
    code = (
        "import sys, cmvisit_data, cmvisit_data.cli\n"
        "from click.testing import CliRunner\n"
        "CliRunner().invoke(cmvisit_data.cli.main, ['--help'])\n"
        "heavy = [m for m in ('datasets', 'pandas', 'pyarrow', 'pandera') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_build_verify_diff_and_add_commands(run, seeds_dir, tmp_path):
    import shutil

    out = tmp_path / "out"
    built = run("build", "--seeds", str(seeds_dir), "--out", str(out), "--version", "0.1.0", "--workers", "1")
    assert built.exit_code == 0 and f"built {out}/0.1.0" in built.stdout
    again = run(
        "build", "--seeds", str(seeds_dir), "--out", str(out), "--version", "0.1.0", "--format", "json"
    )
    assert again.exit_code == 0 and json.loads(again.stdout)["release"]["status"] == "reproduced"
    assert run("verify", str(out / "0.1.0")).stdout.strip().endswith("OK (2 documents)")

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    doc = tmp_path / "incoming.txt"
    doc.write_text("Bhilai Plant Upgrade\n\nBhilai: The plant finished its upgrade on Friday.\n")
    added = run("add", str(doc), "--seeds", str(seeds), "--outlet", "Example Daily")
    assert added.exit_code == 0 and "added" in added.stdout
    assert "already present" in run("add", str(doc), "--seeds", str(seeds)).stdout
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    refused = run("add", str(bad), "--seeds", str(seeds))
    assert refused.exit_code == 1 and "empty-document" in refused.stdout

    assert run("build", "--seeds", str(seeds), "--out", str(out), "--version", "0.2.0", "-q").exit_code == 0
    changes = run("diff", str(out / "0.1.0"), str(out / "0.2.0"), "--format", "json")
    assert len(json.loads(changes.stdout)["diff"]["added"]) == 1
    assert "documents: 2 -> 3 (+1)" in run("diff", str(out / "0.1.0"), str(out / "0.2.0")).stdout


def test_build_failure_lists_problems_and_exits_1(run, seeds_dir, tmp_path):
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    (seeds / "stray.txt").write_text("Unlisted\n")
    result = run("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--version", "0.1.0")
    assert result.exit_code == 1
    assert "stray.txt: unlisted-document" in result.stderr and "nothing was written" in result.stderr
    assert "Traceback" not in result.output


def test_publish_dry_run_prints_the_plan(run):
    from cmvisit_data.loader import releases_root

    release = releases_root() / "0.1.0"
    # the repository its card names (0.1.0's card: the project's)
    repo = "cmvisit-data/cmvisit-data"
    result = run("publish", str(release), "--repo-id", repo, "--dry-run", "--format", "json")
    assert result.exit_code == 0
    plan = json.loads(result.stdout)["plan"]
    assert plan["tag"] == "v0.1.0" and plan["upload"] is False and plan["repo_id"] == repo
    assert {f["path"] for f in plan["files"]} >= {
        "README.md",
        "croissant.json",
        "data/quotes/train-00000-of-00001.parquet",
    }
    assert all(len(f["sha256"]) == 64 and f["bytes"] > 0 for f in plan["files"])


def test_publish_never_shows_the_token(run, monkeypatch, capfd):
    from cmvisit_data.loader import releases_root

    secret = "hf_SECRETtokenValue0123456789"
    monkeypatch.setenv("HF_TOKEN", secret)

    def leaky_upload(release, repo_id, token):
        # a client that puts the credential into its error, as HTTP libraries can
        raise RuntimeError(f"401 Unauthorized for https://hub/api with Authorization: Bearer {token}")

    monkeypatch.setattr("cmvisit_data.release.publish.upload", leaky_upload)
    result = run("publish", str(releases_root() / "0.1.0"), "--repo-id", "cmvisit-data/cmvisit-data")
    captured = capfd.readouterr()
    assert result.exit_code == 1 and "publish-failed" in result.stderr and "401 Unauthorized" in result.stderr
    for text in (result.stdout, result.stderr, captured.out, captured.err):
        assert secret not in text


def test_redact_removes_the_token_and_anything_shaped_like_one():
    from cmvisit_data.release.publish import redact

    assert redact("failed with abc123secret", "abc123secret") == "failed with ***"
    assert "hf_" + "x" * 20 not in redact("other token hf_" + "x" * 20, None)


def test_publish_refuses_a_release_that_fails_verify(run, tmp_path):
    import shutil

    from cmvisit_data.loader import releases_root

    copy = tmp_path / "0.1.0"
    shutil.copytree(releases_root() / "0.1.0", copy)
    table_file(copy, "quotes").write_bytes(b"broken")
    result = run("publish", str(copy), "--repo-id", "org/name", "--dry-run")
    assert (
        result.exit_code == 1
        and "fails cmvisit verify" in result.stderr
        and "publish-refused" in result.stderr
    )


def test_committed_releases_verify_and_the_package_version_reproduces_its_own(run, seeds_dir, tmp_path):
    import shutil

    import cmvisit_data
    from cmvisit_data.loader import releases_root

    committed = sorted(p.name for p in releases_root().iterdir() if p.is_dir() and not p.name.startswith("."))
    assert cmvisit_data.__version__ in committed  # the package's release is committed with it
    for version in committed:
        assert run("verify", str(releases_root() / version)).exit_code == 0, version
    out = tmp_path / "build"
    shutil.copytree(releases_root() / cmvisit_data.__version__, out / cmvisit_data.__version__)
    # the project's own seeds (all of them, however many), not the suite's two
    result = run("build", "--seeds", str(PROJECT_SEEDS), "--out", str(out), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["release"]["status"] == "reproduced"


def test_an_internal_error_is_one_line_not_a_traceback(run, english_seed, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("cmvisit_data.record.parse_path", broken)
    result = run("parse", str(english_seed))
    assert result.exit_code == 1
    assert "internal error: RuntimeError: simulated bug" in result.stderr and "Traceback" not in result.output


def test_a_file_name_cannot_fake_a_report_line(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt: OK\nreal.txt").write_bytes(b"\xff not text")
    result = run("validate", str(folder))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and "evil.txt: OK\\nreal.txt" in lines[0] and "invalid-utf8" in lines[0]


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    files = [str(p) for p in sorted(seeds.glob("*.txt"))] * 200
    code = "from cmvisit_data.cli import main; main()"
    process = subprocess.Popen(
        [sys.executable, "-c", code, "parse", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.read(100)
    process.stdout.close()  # as `| head` does
    err = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in err and "internal error" not in err and err.strip() == "", err[-1000:]


def test_help_lists_commands_in_workflow_order_with_whole_summaries_and_examples(run):
    result = run("--help")
    assert (
        result.exit_code == 0 and "…" not in result.stdout and "..." not in result.stdout.split("Commands")[1]
    )
    order = [line.split()[0] for line in result.stdout.split("Commands (in the order of the work):")[1].splitlines()
             if line.startswith("  ") and not line.startswith("   ") and line.strip()][:12]  # fmt: skip
    assert order == ["validate", "parse", "review", "add", "annotate", "seeds", "build", "release", "score",
                     "verify", "diff", "publish"]  # fmt: skip
    assert "Examples:" in result.stdout and "cmvisit release 0.9.0" in result.stdout
    version = run("--version")
    assert "package" in version.stdout and "build --version" in version.stdout


def test_every_command_reads_a_folder_alike_and_names_what_it_skips(run, tmp_path):
    import shutil

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(root / "seeds" / "000_a25e3bb1cf0e3701.txt", folder / "page.txt")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a document")
    (folder / "release.pdf").write_bytes(b"%PDF-1.4 not read")  # (an .html is a document since issue 26)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: skipped, never a problem
    skipped = {f"{folder / 'release.pdf'}: skipped", f"{folder / 'notes.docx'}: skipped"}
    seeds = tmp_path / "seeds"
    shutil.copytree(root / "seeds", seeds)
    for args in (
        ["validate", str(folder)],
        ["parse", str(folder)],
        ["add", str(folder), "--seeds", str(seeds)],
    ):
        result = run(*args, "--skip-unsupported")
        named = {
            line.split(": skipped")[0] + ": skipped"
            for line in result.stderr.splitlines()
            if ": skipped" in line
        }
        assert named == skipped | {f"{folder / '.DS_Store'}: skipped"}, (args, result.stderr)
        assert result.exit_code == 0, (args, result.output)
    assert len(run("parse", str(folder), "--skip-unsupported").stdout.strip().splitlines()) == 1


def test_a_document_with_its_suffix_in_capitals_is_named_not_passed_over(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "PAGE.TXT").write_text(
        "Raipur: The minister opened the new school on Monday.\n", encoding="utf-8"
    )
    result = run("validate", str(folder), "--format", "json")
    assert result.exit_code == 1, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["type"], p["file"], p["hint"]) for p in problems] == [
        ("unsupported-file", str(folder / "PAGE.TXT"), "Rename it with .txt.")
    ]


def test_an_unsupported_file_in_a_folder_is_a_problem_of_its_own_and_exit_1(run, tmp_path):
    """Issue 26: a PDF left among the pages is work undone: each such file is an
    `unsupported-file` problem naming it and what to do, and the exit code is 1, for validate,
    parse and add alike; the documents beside it are still read (add still adds them)."""
    import shutil

    root = Path(__file__).resolve().parents[1]
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(root / "seeds" / "000_a25e3bb1cf0e3701.txt", folder / "page.txt")
    (folder / "release.pdf").write_bytes(b"%PDF-1.4 not read")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    seeds = tmp_path / "seeds"
    (seeds).mkdir()
    (seeds / "manifest.json").write_text('{"manifest_version": 1, "documents": []}\n')
    for args in (
        ["validate", str(folder), "--format", "json"],
        ["parse", str(folder), "--format", "json"],
        ["add", str(folder), "--seeds", str(seeds), "--format", "json"],
    ):
        result = run(*args)
        assert result.exit_code == 1, (args, result.output)
        report = json.loads(result.stdout)
        found = {(p["file"], p["type"]) for p in report["problems"]}
        assert found == {(str(folder / n), "unsupported-file") for n in ("release.pdf", "photo.png")}, args
        assert all("--skip-unsupported" in p["hint"] for p in report["problems"]), args
    assert [i["as"].endswith(".txt") for i in json.loads(result.stdout)["added"]] == [True]
    text = run("validate", str(folder))
    assert "release.pdf: unsupported-file: .pdf: not a document" in text.stdout, text.output


# --- issue 23 S3: provenance options pass the text policy; null is no value -----------------


def _seeds_copy(seeds_dir: Path, tmp_path: Path) -> Path:
    import shutil

    seeds = tmp_path / "seeds"
    shutil.copytree(seeds_dir, seeds)
    return seeds


INCOMING = "Bhilai Plant Upgrade\n\nBhilai: The plant finished its upgrade on Friday.\n"


@pytest.mark.parametrize(
    ("option", "value", "char"),
    [
        ("--outlet", "Reuters\U000e0041\U000e007f", "U+E0041"),
        ("--outlet", "Reu\u061cters", "U+061C"),
        ("--outlet", "Reu\u00adters", "U+00AD"),
        ("--outlet", "Reuters\u3164", "U+3164"),
        ("--url", "https://example.org/pa\u00adge", "U+00AD"),
        ("--rights", "CC BY 4.0\u202e", "U+202E"),
        ("--obtained", "copied\u2028by hand", "U+2028"),
    ],
)
def test_add_refuses_invisible_characters_in_provenance_before_reading_anything(
    run, seeds_dir, tmp_path, option, value, char
):
    seeds = _seeds_copy(seeds_dir, tmp_path)
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}
    doc = tmp_path / "incoming.txt"
    doc.write_text(INCOMING)
    result = run("add", str(doc), "--seeds", str(seeds), option, value)
    assert result.exit_code == 2
    error = result.stderr.strip().splitlines()[-1]
    assert f"'{option}'" in error and char in error and ("without it" in error or "one line" in error)
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before  # nothing added


def test_add_refuses_the_outlet_unknown_and_takes_null_as_no_outlet(run, seeds_dir, tmp_path):
    seeds = _seeds_copy(seeds_dir, tmp_path)
    doc = tmp_path / "incoming.txt"
    doc.write_text(INCOMING)
    refused = run("add", str(doc), "--seeds", str(seeds), "--outlet", "Unknown")
    assert refused.exit_code == 2 and "reserved" in refused.stderr and "null" in refused.stderr
    added = run("add", str(doc), "--seeds", str(seeds), "--outlet", "null", "--rights", "NULL")
    assert added.exit_code == 0, added.output
    entries = json.loads((seeds / "manifest.json").read_text())["documents"]
    entry = next(e for e in entries if e["sha256"] == hashlib.sha256(INCOMING.encode()).hexdigest())
    assert entry["outlet"] is None and entry["rights"] is None
    assert "Write null, or leave the option out" in " ".join(run("add", "--help").stdout.split())


# --- issue 23 S4: --repo-id checked before anything is built; no version burned ------------


@pytest.mark.parametrize("repo_id", ["myorg", 'org/x")\nimport os; os.system("id")  #'])
def test_build_refuses_a_bad_repo_id_and_writes_nothing(run, seeds_dir, tmp_path, repo_id):
    out = tmp_path / "out"
    args = ("--seeds", str(seeds_dir), "--out", str(out), "--version", "0.1.0", "--workers", "1")
    result = run("build", *args, "--repo-id", repo_id)
    assert result.exit_code == 2 and "Traceback" not in result.output
    error = result.stderr.strip().splitlines()[-1]
    assert "'--repo-id'" in error and "ORG/NAME" in error and "import os" not in error.split("e.g.")[1]
    assert not out.exists() or not any(out.iterdir())  # the version is not burned
    assert run("build", *args, "--repo-id", "myorg/cmvisit", "-q").exit_code == 0


def test_publish_refuses_a_bad_repo_id(run):
    from cmvisit_data.loader import releases_root

    result = run("publish", str(releases_root() / "0.1.0"), "--repo-id", "myorg", "--dry-run")
    assert result.exit_code == 2 and "'--repo-id'" in result.stderr and "ORG/NAME" in result.stderr


# --- issue 24: provenance per file, seeds set/remove, one seeds folder, progress and -q ------


def _project(tmp_path: Path, seeds_dir: Path) -> Path:
    """A copy of the project's seeds in a folder that is a repository root."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(seeds_dir, project / "seeds")
    (project / "pyproject.toml").write_text("")
    return project


def _pages(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True)
    for i in range(1, n + 1):
        (folder / f"page-{i:02d}.txt").write_text(
            f"Bhilai: The plant finished upgrade number {i} on Friday.\n"
        )
    return folder


def test_add_and_build_outside_the_project_refuse_and_name_the_paths_tried(run, tmp_path, monkeypatch):
    new = _pages(tmp_path / "new", 1)
    monkeypatch.chdir(tmp_path)
    for args in (["add", str(new)], ["build", "--version", "9.0.0", "--out", str(tmp_path / "out")]):
        result = run(*args)
        assert result.exit_code == 2 and "seeds-missing" in result.stderr, result.output
        assert "tried seeds/manifest.json" in result.stderr and "--seeds" in result.stderr
    assert "add --init" in run("add", str(new)).stderr
    assert not (tmp_path / "seeds").exists() and not (tmp_path / "out").exists()
    mistyped = run("add", str(new), "--seeds", str(tmp_path / "sedes"))
    assert (
        mistyped.exit_code == 2
        and f"{tmp_path / 'sedes' / 'manifest.json'} does not exist" in mistyped.stderr
    )
    assert not (tmp_path / "sedes").exists()
    started = run("add", str(new), "--init")
    assert (
        started.exit_code == 0 and json.loads((tmp_path / "seeds" / "manifest.json").read_text())["documents"]
    )


def test_add_finds_the_projects_seeds_from_a_subfolder(run, seeds_dir, tmp_path, monkeypatch):
    project = _project(tmp_path, seeds_dir)
    (project / "notes").mkdir()
    new = _pages(project / "notes" / "new", 1)
    monkeypatch.chdir(project / "notes")
    result = run("add", "new")
    assert result.exit_code == 0 and "as ../seeds/page-01.txt" in result.stdout, result.output
    assert (project / "seeds" / "page-01.txt").exists() and not (project / "notes" / "seeds").exists()
    assert new.exists()


def test_add_refuses_one_provenance_for_several_documents_unless_confirmed(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    new = _pages(tmp_path / "new", 3)
    seeds = ["--seeds", str(project / "seeds")]
    options = ["--outlet", "Example Times", "--url", "https://example.org/page"]
    refused = run("add", str(new), *seeds, *options)
    assert refused.exit_code == 1 and "3 documents the same provenance" in refused.stderr
    assert "--provenance" in refused.stderr and "--same-provenance" in refused.stderr
    assert not (project / "seeds" / "page-01.txt").exists()
    assert run("add", str(new), *seeds, *options, "--same-provenance").exit_code == 0


def test_add_with_a_table_that_has_a_problem_adds_nothing_and_says_where(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    before = (project / "seeds" / "manifest.json").read_bytes()
    new = _pages(tmp_path / "new", 2)
    table = tmp_path / "sources.csv"
    table.write_text("file,url,outlet\npage-01.txt,https://example.org/1,null\npage-03.txt,,\n")
    result = run("add", str(new), "--seeds", str(project / "seeds"), "--provenance", str(table))
    assert result.exit_code == 1 and (project / "seeds" / "manifest.json").read_bytes() == before
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{table}:3: provenance-invalid: column file: 'page-03.txt'")
    assert lines[1].startswith(f"{table}: provenance-invalid: no row for {new / 'page-02.txt'}")
    assert "null" in " ".join(run("add", "--help").stdout.split())
    assert run("add", str(new), "--provenance", str(tmp_path / "sources.xlsx")).exit_code == 2


def test_a_long_list_of_added_files_is_summarised_and_json_lists_all(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    new = _pages(tmp_path / "new", 13)
    result = run("add", str(new), "--seeds", str(project / "seeds"))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 11 and lines[-1] == "… and 3 more; --format json lists all"
    assert "adding: 13 of 13 documents" in result.stderr  # progress on stderr, as build's
    assert "13 added, 0 already present, 0 invalid" in result.stderr
    again = run("add", str(new), "--seeds", str(project / "seeds"), "--format", "json")
    assert len(json.loads(again.stdout)["already_present"]) == 13


def test_quiet_add_and_validate_print_nothing_but_problems(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    new = _pages(tmp_path / "new", 3)
    (new / "empty.txt").write_bytes(b"")
    (new / "notes.docx").write_bytes(b"PK")
    for args in (
        ["add", str(new), "--seeds", str(project / "seeds"), "-q"],
        ["validate", str(new), "--quiet"],
    ):
        result = run(*args)
        assert result.exit_code == 1
        output = (result.stdout + result.stderr).strip().splitlines()
        assert len(output) == 2, (args, output)  # the .docx is a problem of its own (issue 26)
        assert {line.split(": ")[1] for line in output} == {"empty-document", "unsupported-file"}, output


def test_seeds_set_and_remove_show_the_old_value_beside_the_new(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    seeds = ["--seeds", str(project / "seeds")]
    name = "000_a25e3bb1cf0e3701.txt"
    listed = {
        e["file"]: e for e in json.loads((project / "seeds" / "manifest.json").read_text())["documents"]
    }
    done = run("seeds", "set", name, *seeds, "--url", "https://example.org/page", "--outlet", "null")
    assert done.exit_code == 0, done.output
    old = listed[name]["url"]
    assert f"url: {'null' if old is None else repr(old)} -> 'https://example.org/page'" in done.stdout
    assert "outlet: " in done.stdout and "-> null" in done.stdout
    entry = {e["file"]: e for e in json.loads((project / "seeds" / "manifest.json").read_text())["documents"]}
    assert entry[name]["url"] == "https://example.org/page" and entry[name]["outlet"] is None
    assert "Write null to clear it" in " ".join(run("seeds", "set", "--help").stdout.split())
    assert run("seeds", "set", name, *seeds).exit_code == 2  # nothing to change
    unknown = run("seeds", "set", "000_a25e3bb1cf0e37O1.txt", *seeds, "--outlet", "X")
    assert unknown.exit_code == 2 and f"closest: {name}" in unknown.stderr
    bad = run("seeds", "set", name, *seeds, "--url", "javascript:alert(1)")
    assert bad.exit_code == 1 and "not an http(s) URL" in bad.stderr
    removed = run("seeds", "remove", name, *seeds, "--format", "json")
    assert (
        removed.exit_code == 0
        and json.loads(removed.stdout)["entry"]["old"]["url"] == "https://example.org/page"
    )
    assert not (project / "seeds" / name).exists()


def test_seeds_remove_keep_file_then_add_lists_it_again(run, seeds_dir, tmp_path):
    project = _project(tmp_path, seeds_dir)
    seeds = project / "seeds"
    name = "000_a25e3bb1cf0e3701.txt"
    kept = run("seeds", "remove", name, "--seeds", str(seeds), "--keep-file")
    assert kept.exit_code == 0 and "unlisted now" in kept.stdout and (seeds / name).exists()
    again = run("add", str(seeds / name), "--seeds", str(seeds), "--outlet", "Example Times")
    assert again.exit_code == 0 and f"as {seeds}/{name}" in again.stdout
    entry = next(
        e for e in json.loads((seeds / "manifest.json").read_text())["documents"] if e["file"] == name
    )
    assert entry["outlet"] == "Example Times"


def test_build_from_a_subfolder_writes_to_the_projects_build(run, seeds_dir, tmp_path, monkeypatch):
    """The seeds are found up to the repository root, and so is the releases' folder: a build
    from a subfolder never starts another build/ there, where the newest release is not known."""
    project = _project(tmp_path, seeds_dir)
    monkeypatch.chdir(project)
    assert run("build", "--version", "3.0.0", "-q").exit_code == 0
    (project / "notes").mkdir()
    monkeypatch.chdir(project / "notes")
    again = run("build", "--version", "3.0.0", "--format", "json")
    assert again.exit_code == 0 and json.loads(again.stdout)["release"]["status"] == "reproduced", (
        again.output
    )
    below = run("build", "--version", "2.0.0")
    assert below.exit_code == 2 and "not above the newest" in below.stderr  # a refused --version: usage
    assert not (project / "notes" / "build").exists()


@pytest.mark.parametrize("epoch", ["abc", "99999999999999999", "-5", " 12", "1.5"])
def test_a_bad_source_date_epoch_is_a_usage_problem_before_anything_is_written(
    run, tmp_path, monkeypatch, epoch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run("build", "--seeds", str(PROJECT_SEEDS), "--out", str(tmp_path / "out"), "--version", "0.7.0")
    assert result.exit_code == 2, result.output
    assert "bad-source-date-epoch" in result.stderr and "unset it" in result.stderr
    assert not (tmp_path / "out" / "0.7.0").exists()


@pytest.mark.parametrize("command", [["verify"], ["publish", "--dry-run"], ["diff", "{folder}"]])
def test_a_folder_without_manifest_is_not_a_release_for_every_command(run, tmp_path, command):
    folder = tmp_path / "build"
    folder.mkdir()
    release = Path(__file__).resolve().parents[1] / "build" / "0.6.0"
    args = [a.replace("{folder}", str(release)) for a in command]
    result = run(args[0], str(folder), *args[1:], "--format", "json")
    assert result.exit_code == 2, result.output
    problems = json.loads(result.stdout)["problems"]
    assert [(p["type"], p["file"]) for p in problems] == [("release-missing", str(folder))], problems
    assert "not a release folder" in problems[0]["message"]


def test_add_json_report_has_its_keys_when_it_stops_before_adding(run, seeds_dir, tmp_path):
    doc = tmp_path / "incoming.txt"
    doc.write_text(INCOMING)
    seeds = _seeds_copy(seeds_dir, tmp_path)
    added = json.loads(run("add", str(doc), "--seeds", str(seeds), "--format", "json").stdout)
    new = _pages(tmp_path / "new", 2)
    several = [str(new), "--seeds", str(seeds), "--outlet", "Example Times"]  # refused: not confirmed
    for args in ([str(doc), "--seeds", str(tmp_path / "nonexistent")], several):
        result = run("add", *args, "--format", "json")
        assert result.exit_code in (1, 2), result.output
        refused = json.loads(result.stdout)
        assert set(refused) == set(added), (set(added) - set(refused), args)
        assert refused["added"] == refused["already_present"] == refused["skipped"] == []
