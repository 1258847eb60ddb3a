"""Publishing uploads exactly what the manifest lists, tags it with the manifest's sha256, and
never shows the token."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from types import SimpleNamespace
from typing import ClassVar

import pytest

from cmvisit_data.hub import repo_id as hub_repo
from cmvisit_data.release import publish as pub


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


# A Hub token ("hf_..."), one given with its prefix in capitals, and one with no such prefix (a
# token of another service, or a future format): each is redacted as given, in any case.
TOKENS = ["hf_SecretValue0123456789", "HF_SecretValue0123456789", "Secret-Not-Hf/0123456789abc"]


@pytest.mark.parametrize(
    "text",
    [
        "echoed back: {token}",
        "echoed back lowercased: {lower}",
        "echoed back in capitals: {upper}",
        "echoed back with its case swapped: {swapped}",
        "key id without the prefix: {core}",
        "key id without the prefix, lowercased: {core_lower}",
        "headers: Authorization: Bearer {lower}",
        "headers: authorization=something-else-secret",
    ],
)
@pytest.mark.parametrize("token", TOKENS)
def test_redaction_in_any_case_and_after_authorization(text, token):
    core = token[3:] if token.lower().startswith("hf_") else token
    forms = {
        "token": token,
        "lower": token.lower(),
        "upper": token.upper(),
        "swapped": token.swapcase(),
        "core": core,
        "core_lower": core.lower(),
    }
    shown = pub.redact(text.format(**forms), token)
    assert core.casefold() not in shown.casefold() and "something-else-secret" not in shown, shown
    assert "***" in shown


def test_a_release_is_published_only_to_the_repository_its_card_names(release, tmp_path, fake_hub):
    from cmvisit_data.release import build

    from ..conftest import SEEDS

    out = tmp_path / "out"
    assert build(SEEDS, out, "0.5.0", workers=1, hub_repo="someorg/somename").status == "built"
    readme = (out / "0.5.0" / "hf" / "README.md").read_text(encoding="utf-8")
    assert 'load_dataset("someorg/somename", "quotes"' in readme
    refused = pub.publish_release(out / "0.5.0", "other/repo")
    assert not refused.uploaded and [p.type for p in refused.problems] == ["publish-refused"]
    # the real reason, and the command that builds one for the other repository (a new version)
    line = refused.problems[0].one_line()
    assert "its card names someorg/somename, not other/repo" in line
    assert "`cmvisit release 0.6.0 --repo-id other/repo`" in line and "passes cmvisit verify" not in line
    assert pub.publish_release(out / "0.5.0", "someorg/somename").uploaded
    # without --repo-id, the repository is the card's
    FakeApi.calls = []
    assert pub.publish_release(out / "0.5.0").uploaded and ("repo", "someorg/somename") in FakeApi.calls


def test_a_release_built_before_manifests_named_the_repository_goes_where_its_card_says(fake_hub):
    """0.1.0's manifest has no hub_repo: its card's code names the repository."""
    from cmvisit_data.loader import releases_root

    old = releases_root() / "0.1.0"
    assert "hub_repo" not in json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    plan = pub.publish_release(old, dry_run=True)
    assert plan.ok and plan.plan["repo_id"] == "cmvisit-data/cmvisit-data"
    refused = pub.publish_release(old, "other/repo", dry_run=True)
    assert "its card names cmvisit-data/cmvisit-data" in refused.problems[0].message


def test_without_a_token_publish_fails_saying_how_to_give_one_and_dry_run_needs_none(monkeypatch):
    from click.testing import CliRunner

    from cmvisit_data.cli import main
    from cmvisit_data.loader import releases_root

    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setattr("huggingface_hub.get_token", lambda: None)
    monkeypatch.setattr(pub, "upload", lambda *a: pytest.fail("uploaded without a token"))
    release = str(releases_root() / "0.1.0")
    result = CliRunner().invoke(main, ["publish", release])
    assert result.exit_code == 1 and "nothing uploaded (" not in result.stdout
    assert "no Hugging Face token" in result.stderr
    assert "HF_TOKEN" in result.stderr and "huggingface-cli login" in result.stderr
    as_json = CliRunner().invoke(main, ["publish", release, "--format", "json"])
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["problems"][0]["type"] == "publish-refused"
    plan = CliRunner().invoke(main, ["publish", release, "--dry-run"])
    assert plan.exit_code == 0 and "to dataset cmvisit-data/cmvisit-data, tag v0.1.0" in plan.stdout


# --- issue 23 S4: a repository id is checked by the Hub's rules before anything happens -----

BAD_REPO_IDS = [
    "myorg",  # a typo: the owner alone
    'org/x")\nimport os; os.system("id")  #',  # code for the card's snippet
    "org/name(1)",
    "org/na'me",
    "a/b/c",
    "/name",
    "org/",
    "-org/name",
    "org/name.",
    "org/na--me",
    "org/na..me",
    "org/name.git",
    "org/" + "n" * 97,
    "ørg/name",  # the Hub's own check takes any Unicode letter
    "org/name ",
]


@pytest.mark.parametrize("repo_id", BAD_REPO_IDS)
def test_a_bad_repo_id_is_refused_in_one_line_with_what_to_give(repo_id):
    why = hub_repo.repo_id_problem(repo_id)
    assert why is not None and "\n" not in why and "ORG/NAME" in why and hub_repo.REPO_ID_EXAMPLE in why


@pytest.mark.parametrize(
    "repo_id", ["org/name", "cmvisit-data/cmvisit-data", "A_b.c/D-e_f.1", "o/" + "n" * 96]
)
def test_a_good_repo_id_passes_and_the_hub_client_agrees(repo_id):
    from huggingface_hub.utils import validate_repo_id

    assert hub_repo.repo_id_problem(repo_id) is None
    validate_repo_id(repo_id)


def test_publish_release_refuses_a_bad_repo_id_before_verifying(monkeypatch):
    import cmvisit_data.release.verify  # noqa: F401  (the module, patched below)
    from cmvisit_data.loader import releases_root

    def never(*args, **kwargs):
        raise AssertionError("verify or upload ran for a bad repo id")

    monkeypatch.setattr(pub, "upload", never)
    monkeypatch.setattr(sys.modules["cmvisit_data.release.verify"], "verify", never)
    result = pub.publish_release(releases_root() / "0.1.0", "myorg")
    assert not result.ok and [p.type for p in result.problems] == ["publish-refused"]
    assert "'myorg' is one name" in result.problems[0].one_line()


# --- issue 23 S5: tokens stripped, and redacted in every form -------------------------------


@pytest.mark.parametrize("token", ["Secret-Not-Hf/0123456789abc\r\n", "hf_AbCdEfGhIjKlMnOpQrStUv123456\n"])
def test_the_token_is_read_without_the_white_space_around_it(monkeypatch, token):
    monkeypatch.setenv("HF_TOKEN", token)
    assert pub.token_from_environment() == token.strip()
    monkeypatch.setenv("HF_TOKEN", " \r\n")  # white space alone is no token
    monkeypatch.setattr("huggingface_hub.get_token", lambda: None)
    assert pub.token_from_environment() is None


def _leaked_forms(token: str) -> list[str]:
    """Every form of the token a message must not hold."""
    core = token.removeprefix("hf_")
    return [token, repr(token)[1:-1], json.dumps(token)[1:-1], core, core.upper(), token[:12], token[12:]]


@pytest.mark.parametrize("secret", ["Secret-Not-Hf/0123456789abc", "hf_AbCdEfGhIjKlMnOpQrStUv123456"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_publish_never_shows_the_token_in_any_form(monkeypatch, capfd, secret, fmt):
    from click.testing import CliRunner

    from cmvisit_data.cli import main
    from cmvisit_data.loader import releases_root

    monkeypatch.setenv("HF_TOKEN", secret + "\r\n")  # as a CRLF .env file gives it

    def leaky_upload(release, repo_id, token):
        # what HTTP clients and their callers put in errors: the header's bytes, the headers as
        # JSON, the value wrapped over lines, and the token without its prefix
        header = ("Bearer " + token).encode()
        wrapped = "\n    ".join(token[i : i + 9] for i in range(0, len(token), 9))
        raise RuntimeError(
            f"Illegal header value {header!r}; headers {json.dumps({'auth': token})}; "
            f"sent:\n    {wrapped}\nkey id {token.removeprefix('hf_').upper()} ({token!r})"
        )

    monkeypatch.setattr(pub, "upload", leaky_upload)
    result = CliRunner().invoke(main, ["publish", str(releases_root() / "0.1.0"), "--format", fmt])
    captured = capfd.readouterr()
    assert result.exit_code == 1 and "Illegal header value" in result.output
    out = result.stdout + result.stderr + captured.out + captured.err
    if fmt == "json":
        out += json.dumps(json.loads(result.stdout), ensure_ascii=False)
    for form in _leaked_forms(secret):
        assert form not in out and form.casefold() not in out.casefold(), form
    assert "\\r" not in out and "\r" not in out


def test_redact_keeps_an_ordinary_message_whole():
    text = "401 Unauthorized: check the repository org/name and the network"
    assert pub.redact(text, "Secret-Not-Hf/0123456789abc") == text
