"""Publishing uploads exactly what the manifest lists, tags it with the manifest's sha256, and
never shows the token."""

from __future__ import annotations

import hashlib
import shutil
from types import SimpleNamespace
from typing import ClassVar

import pytest

from cmvisit_data.hub import publish as pub


class FakeApi:
    """Records what would be sent to the Hub."""

    calls: ClassVar[list] = []

    def __init__(self, token=None):
        self.token = token

    def create_repo(self, repo_id, **kwargs):
        FakeApi.calls.append(("repo", repo_id))

    def create_commit(self, repo_id, operations, **kwargs):
        FakeApi.calls.append(("commit", sorted(op.path_in_repo for op in operations)))
        return SimpleNamespace(oid="abc123")

    def create_tag(self, repo_id, tag, tag_message=None, **kwargs):
        FakeApi.calls.append(("tag", tag, tag_message))


@pytest.fixture
def fake_hub(monkeypatch):
    import huggingface_hub

    FakeApi.calls = []
    monkeypatch.setattr(huggingface_hub, "HfApi", FakeApi)
    monkeypatch.setenv("HF_TOKEN", "hf_" + "t" * 30)
    return FakeApi


def test_only_the_listed_files_are_uploaded_and_the_tag_carries_the_manifest_sha(release, tmp_path, fake_hub):
    copy = tmp_path / "r" / release.name
    shutil.copytree(release, copy)
    result = pub.publish_release(copy, "cmvisit-data/cmvisit-data")  # the repository its card names
    assert result.uploaded and result.commit == "abc123"
    (_, _), (_, uploaded), (_, tag, message) = fake_hub.calls
    assert uploaded == sorted(p["path"] for p in pub.publish_plan(copy, "cmvisit-data/cmvisit-data")["files"])
    assert "README.md" in uploaded and "croissant.json" in uploaded
    sha = hashlib.sha256((copy / "manifest.json").read_bytes()).hexdigest()
    assert tag == f"v{release.name}" and sha in message


def test_a_release_with_an_unlisted_file_is_not_published(release, tmp_path, fake_hub):
    copy = tmp_path / "r" / release.name
    shutil.copytree(release, copy)
    (copy / "hf" / "evil.py").write_text("import os\n", encoding="utf-8")
    result = pub.publish_release(copy, "org/name")
    assert not result.uploaded and [p.type for p in result.problems][-1] == "publish-refused"
    assert fake_hub.calls == []


@pytest.mark.parametrize(
    "text",
    [
        "echoed back: {token}",
        "echoed back lowercased: {lower}",
        "headers: Authorization: Bearer {lower}",
        "headers: authorization=something-else-secret",
    ],
)
def test_redaction_in_any_case_and_after_authorization(text):
    token = "hf_SecretValue0123456789"
    shown = pub.redact(text.format(token=token, lower=token.lower()), token)
    assert token.lower() not in shown.lower() and "something-else-secret" not in shown


def test_a_release_is_published_only_to_the_repository_its_card_names(release, tmp_path, fake_hub):
    from cmvisit_data.release import build

    from ..conftest import SEEDS

    out = tmp_path / "out"
    assert build(SEEDS, out, "0.5.0", workers=1, hub_repo="someorg/somename").status == "built"
    readme = (out / "0.5.0" / "hf" / "README.md").read_text(encoding="utf-8")
    assert 'load_dataset("someorg/somename", "quotes"' in readme
    refused = pub.publish_release(out / "0.5.0", "other/repo")
    assert not refused.uploaded and "--repo-id other/repo" in refused.problems[0].message
    assert pub.publish_release(out / "0.5.0", "someorg/somename").uploaded
