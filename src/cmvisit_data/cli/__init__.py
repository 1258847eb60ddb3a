"""The `cmvisit` command line: thin click commands over the library.

Each command calls the library and returns an exit code: 0 all good, 1 some input is
invalid, 2 usage error (click's own, and a path or version that names nothing). Heavy
libraries are imported inside the commands that need them, so `cmvisit --help` starts fast.
Bad input is reported one line per problem on stderr (text) or as the one JSON report every
command shares (--format json: valid, stats, problems, and the command's result), never as a
traceback.

The group is here; the commands are in `documents` (validate, parse), `review` (review),
`seeds` (add, seeds), `curation` (annotate, score), `releases` (build, release) and
`published` (verify, diff, publish); what they share in `base` and `options`.
"""

from __future__ import annotations

import click

from .._version import __version__
from .base import _EXAMPLES, _Group
from .curation import annotate, score
from .documents import parse, validate
from .published import diff, publish, verify
from .releases import build, release_command
from .review import review
from .seeds import add, seeds

__all__ = ["main"]


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EXAMPLES)
@click.version_option(
    __version__,
    prog_name="cmvisit",
    message="%(prog)s (the cmvisit-data package) %(version)s; a release has its own (build --version)",
    help="Show the package's version and exit (a release's version is build's --version).",
)
def main() -> None:
    """Build and check the cmvisit press-release dataset."""


for _command in (
    validate, parse, review, add, annotate, seeds, build, release_command, score, verify, diff, publish
):  # fmt: skip
    main.add_command(_command)
