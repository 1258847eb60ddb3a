"""The review page beside an annotation: where a person and the parser disagree, from a seeds
folder (the parser's own output is compared), with --seeds, and from a release."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from cmvisit_data.cli import main
from cmvisit_data.record import parse_path
from cmvisit_data.review.documents import from_documents
from cmvisit_data.review.release import from_release

from ..conftest import copy_seeds

HINDI = "001_f633bab6aa95e6a6.txt"


def _parsed(path) -> dict:
    record, problems = parse_path(path)
    assert record is not None, problems
    return record


def _annotate(folder, seed, data) -> None:
    (folder / "annotations").mkdir(exist_ok=True)
    text = json.dumps(data, ensure_ascii=False)
    (folder / "annotations" / f"{seed}.json").write_text(text, encoding="utf-8")


def _changed_speaker(record: dict) -> dict:
    quotes = [{"text": q["text"], "kind": q["kind"], "speaker": q["speaker"]} for q in record["quotes"]]
    quotes[1]["speaker"] = "नाकाजो काज़ुया"
    return {"title": record["metadata"]["title"], "quotes": quotes}


def test_a_changed_speaker_is_the_one_disagreement(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    record = _parsed(seeds / HINDI)
    _annotate(seeds, HINDI, _changed_speaker(record))
    items, problems = from_documents([str(seeds)])
    assert problems == []
    shown = {i.name.rsplit("/", 1)[-1]: i for i in items}
    assert shown["000_a25e3bb1cf0e3701.txt"].disagreements is None  # no annotation: nothing compared
    hindi = shown[HINDI]
    assert hindi.record == record  # the parser's own output is shown and compared
    assert [(d["field"], d["pointer"], d["annotation"], d["parser"]) for d in hindi.disagreements] == [
        ("quotes", "/quotes/1/speaker", "नाकाजो काज़ुया", record["quotes"][1]["speaker"])
    ]
    out = tmp_path / "page.html"
    result = CliRunner().invoke(main, ["review", str(seeds), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "disagree (1)" in page and "/quotes/1/speaker" in page and "नाकाजो काज़ुया" in page


def test_an_agreeing_annotation_and_a_wrong_one(tmp_path, hindi_seed):
    record = _parsed(hindi_seed)
    elsewhere = tmp_path / "docs"
    elsewhere.mkdir()
    shutil.copy2(hindi_seed, elsewhere / HINDI)
    seeds = tmp_path / "curated"
    seeds.mkdir()
    _annotate(seeds, HINDI, {"title": record["metadata"]["title"]})
    (item,), _ = from_documents([str(elsewhere / HINDI)], seeds=str(seeds))
    assert item.disagreements == [] and item.annotation.endswith(f"annotations/{HINDI}.json")
    _annotate(seeds, HINDI, {"title": "not in this document"})
    (item,), _ = from_documents([str(elsewhere / HINDI)], seeds=str(seeds))
    assert any("/title" in note for note in item.notes), item.notes
    assert item.disagreements is None  # an annotation that cannot be placed is not compared


def test_a_release_compares_its_annotation_with_the_parser_run_again(tmp_path, release, hindi_seed):
    record = _parsed(hindi_seed)
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    _annotate(copy / "hf", HINDI, _changed_speaker(record))
    (item,) = from_release(copy, [record["doc_id"]])
    assert [d["pointer"] for d in item.disagreements] == ["/quotes/1/speaker"]


def test_a_curated_release_shows_which_fields_a_person_checked(tmp_path, hindi_seed):
    from cmvisit_data.release import build

    record = _parsed(hindi_seed)
    seeds = copy_seeds(tmp_path / "seeds")
    _annotate(seeds, HINDI, _changed_speaker(record))
    result = build(seeds, tmp_path / "out", "0.1.0", workers=1)
    assert result.status == "built", [p.one_line() for p in result.problems]
    (item,) = from_release(tmp_path / "out" / "0.1.0", [record["doc_id"]])
    assert item.record["curation"]["fields"] == ["title", "quotes"]
    assert item.record["quotes"][1]["speaker"] == "नाकाजो काज़ुया"  # the release holds the person's value
    page = CliRunner().invoke(
        main,
        [
            "review",
            str(tmp_path / "out" / "0.1.0"),
            "--doc",
            record["doc_id"],
            "--out",
            str(tmp_path / "p.html"),
        ],
    )
    assert page.exit_code == 0, page.output
    assert "fields a person checked: title, quotes" in (tmp_path / "p.html").read_text(encoding="utf-8")


def test_the_annotation_is_compared_as_placed_as_score_reads_it(tmp_path):
    """Items with their spans, in the annotation's reading (`resolve` + `as_gold`, as `cmvisit
    score`): the pointers and the pairing of equal texts are score's, not the raw file's."""
    from cmvisit_data.curation.annotations import as_gold, resolve
    from cmvisit_data.curation.metrics import disagreements
    from cmvisit_data.review import Reviewed
    from cmvisit_data.review.documents import compared

    text = "Alpha beta gamma.\nA point made.\nA point made.\nDelta epsilon zeta.\n"
    first, second = text.index("A point made."), text.rindex("A point made.")
    parser = [
        {"text": "A point made.", "start": at, "end": at + 13, "marker": None} for at in (first, second)
    ]
    record = {"raw_text": text, "rendering": None, "metadata": {"language": "en"}, "highlights": parser}
    # Listed out of the text's order, the repeated text by its occurrence.
    annotation = {"highlights": ["Delta epsilon zeta.", {"text": "A point made.", "occurrence": 2}]}
    _annotate(tmp_path, "doc.txt", annotation)
    item = compared(Reviewed("doc.txt", record), tmp_path / "annotations" / "doc.txt.json", text)
    resolved, problems = resolve(annotation, text, "doc.txt.json")
    assert problems == []
    assert item.disagreements == disagreements(as_gold(resolved), record, resolved.fields)
    assert len(item.disagreements) == 2  # the missed highlight, and one parser item too many


def test_an_annotation_of_another_version_of_the_document_is_not_compared(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    record = _parsed(seeds / HINDI)
    _annotate(seeds, HINDI, _changed_speaker(record))
    other = tmp_path / "other"
    other.mkdir()
    (other / HINDI).write_bytes((seeds / HINDI).read_bytes() + "\nएक और पंक्ति।\n".encode())
    shutil.copy2(seeds / HINDI, tmp_path / HINDI)  # the same bytes elsewhere: its annotation holds
    (changed, same), _ = from_documents([str(other / HINDI), str(tmp_path / HINDI)], seeds=str(seeds))
    assert [d["pointer"] for d in same.disagreements] == ["/quotes/1/speaker"]
    assert changed.disagreements is None and changed.annotation.endswith(f"annotations/{HINDI}.json")
    assert any("another version of this document" in note for note in changed.notes), changed.notes
    out = tmp_path / "page.html"
    args = ["review", str(other / HINDI), "--seeds", str(seeds), "--out", str(out)]
    assert CliRunner().invoke(main, args, catch_exceptions=False).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "another version of this document" in page and 'class="disagree"' not in page
