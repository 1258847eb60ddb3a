"""Hatch build hook: the wheel and the sdist ship every published release, listed by no one.

The published releases are the committed ones (src/cmvisit_data/published.py says why); each
ships whole with build/CHANGELOG.md: in the wheel under cmvisit_data/releases/ (where the
loader finds them), in the sdist under build/. Scratch folders, lock files (.*.lock) and
temporary folders (.tmp-*) are never release folders, so they never ship. An editable install
gets none: it reads build/ of the checkout.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _published(root: Path) -> list[str]:
    """cmvisit_data.published.published, loaded alone: the package's dependencies are not
    installed where a wheel is built."""
    spec = importlib.util.spec_from_file_location(
        "_cmvisit_published", root / "src" / "cmvisit_data" / "published.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.published(root / "build")


class ReleasesHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name == "wheel" and version == "editable":
            return
        root = Path(self.root)
        target = "cmvisit_data/releases" if self.target_name == "wheel" else "build"
        for release in _published(root):
            build_data["force_include"][str(root / "build" / release)] = f"{target}/{release}"
        changelog = root / "build" / "CHANGELOG.md"
        if changelog.is_file():
            build_data["force_include"][str(changelog)] = f"{target}/CHANGELOG.md"
