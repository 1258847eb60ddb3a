"""cmvisit-data: a validated, versioned dataset of government press releases and press
coverage (English and Hindi), and the tools that build it.

The public face: `load(config, version=None, format="datasets")` returns a table of a
release bundled with the package (or, with `repo_id`, from the Hub); `versions()` lists
the bundled releases; `parse_document(path)` turns one raw document into a validated
record. Nothing heavy (pyarrow, pandas, datasets) is imported here.
"""

from __future__ import annotations

import os
from typing import Any

from ._version import __version__

__all__ = ["CmvisitError", "__version__", "load", "parse_document", "versions"]

from .errors import CmvisitError
from .loader import load, versions


def parse_document(path: str | os.PathLike[str], provenance: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parse and validate one raw document file; raises CmvisitError listing every problem."""
    from .record import parse_path

    record, problems = parse_path(path, provenance=provenance)
    if record is None:
        raise CmvisitError(problems)
    return record
