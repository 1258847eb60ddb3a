"""Publishing a release's Hub folder: one commit, tagged v<version>; the token never shown."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..manifest import sha256_of
from ..release.layout import read_manifest
from .features import HF_DIR


@dataclass
class PublishResult:
    """What `publish_release` did: the plan, whether it uploaded (and the commit), or why not."""

    plan: dict[str, Any]
    uploaded: bool = False
    reason: str | None = None
    commit: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.plan,
            "upload": self.uploaded,
            "reason": self.reason,
            "commit": self.commit,
            "errors": [p.to_dict() for p in self.problems],
        }


def publish_release(release: str | os.PathLike[str], repo_id: str, dry_run: bool = False) -> PublishResult:
    """Verify the release, then upload its hf/ folder in one commit tagged v<version>.

    Without a token (HF_TOKEN or the saved login), or with dry_run, only the plan is made.
    A failure's message never holds the token."""
    from ..release.verify import verify

    folder = Path(release)
    report = verify(folder)
    if not report.valid:
        refusal = Problem("publish-refused", f"{folder} fails cmvisit verify", file=str(folder))
        return PublishResult({"repo_id": repo_id}, problems=[*report.problems, refusal])
    plan = publish_plan(folder, repo_id)
    built_for = read_manifest(folder).get("hub_repo")
    if built_for is not None and built_for != repo_id:
        message = (f"the release's card is written for {built_for}; build a new version for {repo_id} "
                   f"with cmvisit build --repo-id {repo_id}")  # fmt: skip
        return PublishResult(plan, problems=[Problem("publish-refused", message, file=str(folder))])
    token = token_from_environment()
    if dry_run or not token:
        return PublishResult(plan, reason="--dry-run" if dry_run else "no token (set HF_TOKEN or log in)")
    try:
        commit = upload(folder, repo_id, token)
    except Exception as exc:  # any failure of the Hub client: reported, with the token removed
        message = redact(f"{type(exc).__name__}: {exc}", token)
        return PublishResult(plan, problems=[Problem("publish-failed", message, file=str(folder))])
    return PublishResult(plan, uploaded=True, commit=commit)


def publish_plan(release: Path, repo_id: str) -> dict[str, Any]:
    """What publishing uploads: exactly the hf/ files the manifest lists, with their sizes and
    checksums as recorded (verify has proved them), and the tag with the manifest's sha256."""
    manifest = read_manifest(release)
    prefix = f"{HF_DIR}/"
    files = [
        {"path": path.removeprefix(prefix), "bytes": meta["bytes"], "sha256": meta["sha256"]}
        for path, meta in sorted(manifest["files"].items())
        if path.startswith(prefix)
    ]
    return {
        "repo_id": repo_id,
        "repo_type": "dataset",
        "tag": f"v{manifest['version']}",
        "manifest_sha256": sha256_of(release / "manifest.json"),
        "files": files,
    }


def token_from_environment() -> str | None:
    """HF_TOKEN, or the user's saved login; never printed."""
    token = os.environ.get("HF_TOKEN")
    if token:
        return token
    try:
        from huggingface_hub import get_token

        return get_token()
    except Exception:
        return None


def redact(text: str, token: str | None) -> str:
    """text with the token removed in any case, whatever follows an Authorization header, and
    anything that looks like a Hub token."""
    if token:
        text = re.sub(re.escape(token), "***", text, flags=re.IGNORECASE)
    text = re.sub(r"(?i)(authorization\s*[:=]\s*)(?:bearer\s+)?\S+", r"\1***", text)
    return re.sub(r"(?i)hf_[A-Za-z0-9]{8,}", "hf_***", text)


def upload(release: Path, repo_id: str, token: str) -> str:
    """Upload the planned files of release/hf in one commit, and tag it v<version> with the
    manifest's sha256 in the tag's message; returns the commit id. Nothing the manifest does
    not list is uploaded."""
    from huggingface_hub import CommitOperationAdd, HfApi

    plan = publish_plan(release, repo_id)
    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    operations = [
        CommitOperationAdd(path_in_repo=item["path"], path_or_fileobj=str(release / HF_DIR / item["path"]))
        for item in plan["files"]
    ]
    commit = api.create_commit(
        repo_id, operations, commit_message=f"Release {plan['tag']}", repo_type="dataset"
    )
    message = f"{plan['tag']}: manifest.json sha256 {plan['manifest_sha256']} (cmvisit verify --expect)"
    api.create_tag(repo_id, tag=plan["tag"], tag_message=message, revision=commit.oid, repo_type="dataset")
    return commit.oid
