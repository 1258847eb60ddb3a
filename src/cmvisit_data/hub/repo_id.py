"""A Hub dataset repository's id, ORG/NAME: whether a given one is, checked before anything is
built or uploaded (the build writes it into the card's code snippet; publish uploads to it)."""

from __future__ import annotations

import re

# A Hub repository id, ORG/NAME: the Hub's own rules (huggingface_hub.utils.validate_repo_id:
# letters, digits, '-', '_', '.'; no '-' or '.' at either end; no '--' or '..'; each part at
# most REPO_PART_MAX characters; not ending in '.git'), in ASCII only (the Hub's check takes any
# Unicode letter), and exactly one '/': a dataset lives under a user or an organisation.
REPO_PART_MAX = 96
_REPO_PART_RE = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?")
REPO_ID_EXAMPLE = "myorg/cmvisit-press-releases"


def repo_id_problem(repo_id: str) -> str | None:
    """Why repo_id is not a Hub dataset repository id ORG/NAME, in one line that says what to
    give; None when it is. Checked before anything is built or uploaded: the id is written
    into the card's code snippet, so only the characters the Hub allows may reach it."""
    shown = repr(repo_id) if len(repo_id) <= 120 else repr(repo_id[:117]) + "..."
    hint = (
        f"give ORG/NAME, the owner (a user or an organisation) and the dataset's name, e.g. {REPO_ID_EXAMPLE}"
    )
    parts = repo_id.split("/")
    if len(parts) != 2:
        what = "is one name, not two joined by '/'" if len(parts) == 1 else f"has {len(parts) - 1} '/'"
        return f"{shown} {what}; {hint}"
    for part in parts:
        if len(part) > REPO_PART_MAX:
            return f"{shown} has a part longer than {REPO_PART_MAX} characters; {hint}"
        if not _REPO_PART_RE.fullmatch(part):
            return (
                f"{shown} may hold only ASCII letters, digits, '-', '_' and '.', and neither part "
                f"may start or end with '-' or '.'; {hint}"
            )
    if "--" in repo_id or ".." in repo_id or repo_id.endswith(".git"):
        return f"{shown} holds '--' or '..', or ends in '.git', which the Hub refuses; {hint}"
    try:  # the Hub client's own check, should its rules grow stricter than these
        from huggingface_hub.utils import HFValidationError, validate_repo_id
    except ImportError:  # pragma: no cover - huggingface_hub is a dependency
        return None
    try:
        validate_repo_id(repo_id)
    except HFValidationError as exc:
        return f"{shown}: {' '.join(str(exc).split())[:200]}; {hint}"
    return None
