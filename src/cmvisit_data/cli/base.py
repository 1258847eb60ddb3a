"""What the command line shares: the group that orders commands and turns failures into one
line, progress, and the small renderers every command uses. The commands are in the other
modules of `cli`; the options several commands take, and the report they print, in `options`."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from ..errors import CmvisitError, shown

_EXAMPLES = """Examples:

\b
  cmvisit validate new/                      # check documents before adding them
  cmvisit parse new/page.txt --pretty        # see the record one document gives
  cmvisit add new/ --provenance sources.csv  # a row per file: file,url,outlet,rights,obtained
  cmvisit seeds set page.txt --url https://example.org/page   # correct an entry
  cmvisit review seeds/page.txt --out review.html   # what the parser made of a document
  cmvisit annotate seeds/page.txt            # correct it: seeds/annotations/page.txt.json
  cmvisit score                              # the parser against the corpus's annotations
  cmvisit release 0.9.0                      # a new release (raise _version.py first)
  cmvisit verify build/0.8.0                 # prove it from its data
  cmvisit diff build/0.7.0 build/0.8.0       # what changed, and why
  cmvisit publish build/0.8.0 --dry-run      # to the repository its card names
"""

# Failures of the machine, not of cmvisit-data or the input: what to do about each.
_WRITE_ERRORS = {
    errno.ENOSPC: "Free some space on that disk, or give another --out.",
    errno.EDQUOT: "The disk quota is used up: free some space, or give another --out.",
    errno.EROFS: "That file system is read-only: give a writable --out.",
    errno.EACCES: "You may not write there: give a folder you own.",
    errno.EPERM: "You may not write there: give a folder you own.",
}


class _Group(click.Group):
    """Lists the commands in the order of the work, each with its whole first line, and
    reports an unexpected failure (a bug, never bad input) in one line instead of a
    traceback; CMVISIT_DEBUG=1 shows the traceback."""

    ORDER = (
        "validate", "parse", "review", "add", "annotate", "seeds",
        "build", "release", "score", "verify", "diff", "publish",
    )  # fmt: skip

    def list_commands(self, ctx: click.Context) -> list[str]:
        known = [name for name in self.ORDER if name in self.commands]
        return known + sorted(set(self.commands) - set(known))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.commands[name]
            first = (command.help or "").strip().split("\n\n")[0]
            rows.append((name, " ".join(first.split())))
        with formatter.section("Commands (in the order of the work)"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except CmvisitError as exc:  # bad input found deep in a command: the problems, not a trace
            for problem in exc.problems:
                click.echo(problem.one_line(), err=True)
            sys.exit(2 if any(p.usage for p in exc.problems) else 1)
        except KeyboardInterrupt:
            click.echo(
                "cmvisit: interrupted; nothing half-done was kept (a build publishes all or nothing; "
                "every document an add placed is listed).",
                err=True,
            )
            sys.exit(130)
        except OSError as exc:
            if exc.errno not in _WRITE_ERRORS:
                raise  # a closed pipe (`cmvisit parse ... | head`) click itself ends quietly
            where = f" ({shown(str(exc.filename))})" if exc.filename else ""
            click.echo(f"cmvisit: cannot write{where}: {exc.strerror}. {_WRITE_ERRORS[exc.errno]}", err=True)
            sys.exit(1)
        except Exception as exc:
            if os.environ.get("CMVISIT_DEBUG"):
                raise
            click.echo(
                f"cmvisit: internal error: {type(exc).__name__}: {exc}. This is a bug in cmvisit-data, "
                "not in your input; please report it with the command you ran "
                "(CMVISIT_DEBUG=1 shows the traceback).",
                err=True,
            )
            sys.exit(1)


def _count(n: int, noun: str) -> str:
    """'1 problem', '2 problems'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


class _Progress:
    """Progress of a long command on stderr, by documents: a bar on a terminal, and otherwise
    a line at most every EVERY seconds (a log or CI job still shows it moving)."""

    EVERY = 10.0

    def __init__(self, label: str):
        import time

        self.label = label
        self.clock = time.monotonic
        self.last = self.clock()
        self.bar: Any = None
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=max(total, 1), label=self.label, file=sys.stderr)
            self.bar.update(done - self.bar.pos)
        elif self.clock() - self.last >= self.EVERY or done == total:
            self.last = self.clock()
            click.echo(
                f"{self.label}: {done:,} of {total:,} documents ({100 * done // max(total, 1)}%)", err=True
            )

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.render_finish()


def _provenance_options(command):  # type: ignore[no-untyped-def]
    """--url, --outlet, ...: one option per provenance field of the seeds schema, its help the
    field's description there. Each value is checked by the text policy for provenance
    (inputs.provenance_text_problem) before anything is read, and `null` is no value."""
    from ..contract import PROVENANCE_FIELDS, SEEDS_SCHEMA_NAME, load_schema
    from ..inputs import NULL_WORD

    fields = load_schema(SEEDS_SCHEMA_NAME)["properties"]["documents"]["items"]["properties"]
    for name in reversed(PROVENANCE_FIELDS):
        help_text = (
            f"{fields[name]['description']} Write {NULL_WORD}, or leave the option out, where not known."
        )
        command = click.option(f"--{name}", default=None, callback=_provenance_value, help=help_text)(command)
    return command


def _provenance_change_options(command):  # type: ignore[no-untyped-def]
    """--url, --outlet, ... for changing an entry (seeds set): a value, null to clear it, or the
    option left out to keep the entry's; checked as add's options are."""
    from ..contract import PROVENANCE_FIELDS, SEEDS_SCHEMA_NAME, load_schema
    from ..inputs import NULL_WORD

    fields = load_schema(SEEDS_SCHEMA_NAME)["properties"]["documents"]["items"]["properties"]
    for name in reversed(PROVENANCE_FIELDS):
        help_text = (
            f"{fields[name]['description']} Write {NULL_WORD} to clear it; leave the option out to keep it."
        )
        command = click.option(f"--{name}", default=None, callback=_provenance_change, help=help_text)(
            command
        )
    return command


CLEAR = object()  # a provenance option given as null: the entry's value is cleared


def _provenance_change(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    """None when the option is left out, CLEAR for null, else the value add's options take."""
    from ..inputs import NULL_WORD

    if value is not None and value.casefold() == NULL_WORD:
        return CLEAR
    return _provenance_value(ctx, param, value)


_QUIET = click.option(
    "--quiet", "-q", is_flag=True, help="Print nothing but problems: no progress, no list of what was done."
)


def _echo_some(lines: list[str], fmt_more: str, limit: int = 10) -> None:
    """The first `limit` lines, then one that says how many more there are (`fmt_more`, with
    {n}): a list of 10,000 added files is summarised, --format json gives them all."""
    for line in lines[:limit]:
        click.echo(line)
    if len(lines) > limit:
        click.echo(fmt_more.format(n=f"{len(lines) - limit:,}"))


def _provenance_value(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A provenance option's value: None for null (in any case), refused when the text policy
    for provenance refuses it (one line: the option, the code point, what to do)."""
    from ..inputs import NULL_WORD, provenance_text_problem

    if value is None or value.casefold() == NULL_WORD:
        return None
    why = provenance_text_problem(str(param.name), value)
    if why is not None:
        raise click.BadParameter(why)
    return value


def _echo_skipped(skipped: list[str], why: str) -> None:
    for path in skipped:
        click.echo(f"{shown(path)}: skipped: {why}", err=True)


def _echo_problems(problems, fmt: str) -> None:  # type: ignore[no-untyped-def]
    if fmt == "text":
        for problem in problems:
            click.echo(problem.one_line(), err=True)
