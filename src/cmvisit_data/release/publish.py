"""Publishing a release's Hub folder: one commit, tagged v<version>; the token never shown."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..hashing import sha256_of
from ..hub.features import HF_DIR
from ..hub.repo_id import repo_id_problem
from .layout import read_manifest


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


NO_TOKEN_HINT = (
    "Give a token with write access: set HF_TOKEN=hf_... in the environment, or run "
    "`huggingface-cli login` once; --dry-run shows the plan without one."
)


def publish_release(
    release: str | os.PathLike[str], repo_id: str | None = None, dry_run: bool = False
) -> PublishResult:
    """Verify the release, then upload its hf/ folder in one commit tagged v<version>.

    The repository is the one the release's card is written for; `repo_id`, when given, must be
    that one (the card's code and links name it, and a release never changes). With dry_run, only
    the plan is made; without a token (HF_TOKEN or the saved login), nothing is uploaded and the
    result says how to give one. A failure's message never holds the token."""
    from ..hub.card import card_repo_id
    from .verify import verify

    folder = Path(release)
    if repo_id is not None:
        wrong = repo_id_problem(repo_id)
        if wrong is not None:
            message = f"the repository id {wrong}"
            refusal = Problem("publish-refused", message, file=str(folder), hint="Nothing was uploaded.")
            return PublishResult({"repo_id": repo_id}, problems=[refusal])
    report = verify(folder)
    if not report.valid:
        refusal = Problem("publish-refused", f"{folder} fails cmvisit verify", file=str(folder))
        return PublishResult({"repo_id": repo_id}, problems=[*report.problems, refusal])
    built_for = card_repo_id(folder, read_manifest(folder))
    if repo_id is None and built_for is None:
        refusal = Problem(
            "publish-refused", "its card names no Hub repository", file=str(folder),
            hint="Give the repository: --repo-id ORG/NAME.",
        )  # fmt: skip
        return PublishResult({"repo_id": None}, problems=[refusal])
    target = repo_id if repo_id is not None else str(built_for)
    plan = publish_plan(folder, target)
    if built_for is not None and built_for != target:
        return PublishResult(plan, problems=[_other_repository(folder, built_for, target)])
    if dry_run:
        return PublishResult(plan, reason="--dry-run")
    token = token_from_environment()
    if not token:
        refusal = Problem("publish-refused", "no Hugging Face token: nothing was uploaded", file=str(folder),
                          hint=NO_TOKEN_HINT)  # fmt: skip
        return PublishResult(plan, reason="no token", problems=[refusal])
    try:
        commit = upload(folder, target, token)
    except Exception as exc:  # any failure of the Hub client: reported, with the token removed
        message = redact(f"{type(exc).__name__}: {exc}", token)
        return PublishResult(plan, problems=[Problem("publish-failed", message, file=str(folder))])
    return PublishResult(plan, uploaded=True, commit=commit)


def _other_repository(folder: Path, built_for: str, repo_id: str) -> Problem:
    """The refusal of a release whose card names another repository: the real reason, and the
    command that builds one for `repo_id` (a new version: a release never changes)."""
    from .versioning import cut_steps, next_version

    following = next_version(folder.parent)
    return Problem(
        "publish-refused",
        f"its card names {built_for}, not {repo_id}",
        file=str(folder),
        hint=(
            f"A release never changes, so build a new version for {repo_id} and publish that one: "
            f"{cut_steps(following, repo_id)} (or `cmvisit build --version {following} --repo-id {repo_id}`)."
        ),
    )


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
    """HF_TOKEN, or the user's saved login, without the white space around it (a .env file
    written on Windows ends it with CR LF); never printed."""
    token = (os.environ.get("HF_TOKEN") or "").strip()
    if token:
        return token
    try:
        from huggingface_hub import get_token

        return (get_token() or "").strip() or None
    except Exception:
        return None


# The part of a token that is redacted without the rest: its body after the "hf_" prefix, when
# it is at least this long (shorter, it could be an ordinary word of a message).
TOKEN_CORE_MIN = 8
# What may stand between two characters of a token that a message split or escaped: white
# space (a wrapped line), an escaped line break or tab (a repr or JSON of the split text).
_SPLIT = r"(?:\s|\\[nrt])*"


def _forms(ch: str) -> str:
    """A pattern for one character of a token as a message may show it: itself, or escaped as
    repr, JSON or unicode_escape would escape it."""
    spellings = {ch, repr(ch)[1:-1], json.dumps(ch)[1:-1], ch.encode("unicode_escape").decode("ascii")}
    spellings |= {f"\\u{ord(ch):04x}", f"\\x{ord(ch):02x}"} if ord(ch) < 0x10000 else set()
    return "(?:" + "|".join(sorted(map(re.escape, spellings), key=len, reverse=True)) + ")"


def _token_pattern(secret: str) -> str:
    return _SPLIT.join(_forms(ch) for ch in secret)


def redact(text: str, token: str | None) -> str:
    """text with the token removed in every form a message can give it: whole, escaped (repr,
    JSON), split over lines, without its "hf_" prefix (given as "hf_" or "HF_"), in any case;
    and whatever follows an Authorization header, and anything that looks like a Hub token."""
    secrets = set()
    for raw in (token, token.strip() if token else None):
        if raw:
            secrets.add(raw)
            core = raw.strip()
            core = core[3:] if core[:3].lower() == "hf_" else core  # the prefix as given: "HF_" too
            if len(core) >= TOKEN_CORE_MIN:
                secrets.add(core)
    for secret in sorted(secrets, key=len, reverse=True):
        text = re.sub(_token_pattern(secret), "***", text, flags=re.IGNORECASE)
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
