"""Releases: build, verify and compare versioned Parquet releases.

A release is `build/<version>/`: `manifest.json` (versions, layout, schema checksum, every
input with its checksum, every output with rows, bytes and checksum, rejected inputs), the
`hf/` folder and, when some inputs were rejected under `--allow-rejects`, `rejected.jsonl`.
In layout 2 (0.7.0 on) each table is one file, `hf/data/<table>/train-00000-of-00001.parquet`,
the release's and the Hub's; in layout 1 (0.1.0 to 0.6.0) `<table>.parquet` sits beside the
manifest with a copy of each in `hf/` (see `layout`). `build/CHANGELOG.md` is regenerated from the releases
that verify, and never rewrites a recorded sha256.

Guarantees:
- reproducible: the same inputs give byte-identical files (no timestamps, inputs in
  manifest order, pinned Parquet writer options, row groups independent of --workers);
- immutable: an existing version is never overwritten; a build writes to a temporary
  folder and renames it into place, under a lock, so a killed build leaves no partial
  release and a concurrent build of the same version is refused;
- nothing lost: each document's raw text is stored as decoded, and its UTF-8 bytes hash
  to the recorded sha256;
- strict: any invalid input fails the build, listing every failure, unless rejects are
  allowed, in which case they are recorded;
- provable: `verify` reads each file once, recomputes every checksum, runs the build's own
  table checks on the stored rows and checks every invariant the data implies (counts,
  identities, values against their spans, in layout 1 the hf/ copy row for row, croissant and
  the card's configs, the file set).

Modules: `layout` (paths, versions, reading a manifest, atomic writes),
`parquet` (writer options, row groups), `contents` (inputs,
counts, the manifest), `sealed` (opening, bounding and reading a release file once),
`mirror` (layout 1's hf/ copy against the tables), `described` (what the card and
croissant.json say about the data), `build`, `existing` (a build of a version that
exists), `versioning` (which version a release may take), `cut` (`cmvisit release`), `verify`,
`diff` and `diff_text`, `changelog`.
The table checks are `validation.tables`; adding documents to the seeds is `seeds.add`.
"""

from __future__ import annotations

from .build import BuildResult, build
from .changelog import write_changelog
from .diff import diff
from .layout import read_manifest, versions
from .verify import verify

__all__ = ["BuildResult", "build", "diff", "read_manifest", "verify", "versions",
           "write_changelog"]  # fmt: skip
