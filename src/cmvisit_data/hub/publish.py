"""Publishing a release's Hub folder: one commit, tagged v<version>; the token never shown."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..manifest import sha256_of
from ..release.layout import read_manifest
from .features import HF_DIR, hf_files


def publish_plan(release: Path, repo_id: str) -> dict[str, Any]:
    manifest = read_manifest(release)
    files = [
        {
            "path": str(p.relative_to(release / HF_DIR)),
            "bytes": p.stat().st_size,
            "sha256": sha256_of(p),
        }
        for p in hf_files(release)
    ]
    return {"repo_id": repo_id, "repo_type": "dataset", "tag": f"v{manifest['version']}", "files": files}


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
    """text with the token (and anything that looks like a Hub token) removed."""
    if token:
        text = text.replace(token, "***")
    return re.sub(r"hf_[A-Za-z0-9]{8,}", "hf_***", text)


def upload(release: Path, repo_id: str, token: str) -> str:
    """Upload release/hf in one commit and tag it v<version>; returns the commit id."""
    from huggingface_hub import HfApi

    plan = publish_plan(release, repo_id)
    api = HfApi(token=token)
    api.create_repo(repo_id, repo_type="dataset", exist_ok=True)
    commit = api.upload_folder(
        folder_path=str(release / HF_DIR),
        repo_id=repo_id,
        repo_type="dataset",
        commit_message=f"Release {plan['tag']}",
    )
    api.create_tag(repo_id, tag=plan["tag"], revision=commit.oid, repo_type="dataset")
    return commit.oid
