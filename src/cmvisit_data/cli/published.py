"""The commands on a built release: verify (prove it from its data), diff (what changed
between two) and publish (upload it to the Hub)."""

from __future__ import annotations

import sys

import click

from ..errors import CmvisitError, Report, shown
from .base import _echo_problems
from .options import FORMAT, _repo_id, emit, refuse, release_or_exit


@click.command()
@click.argument("release", type=click.Path(file_okay=False))
@FORMAT
@click.option(
    "--expect",
    metavar="SHA256",
    default=None,
    help="The manifest's sha256, as CHANGELOG.md or the Hub tag records it.",
)
def verify(release: str, fmt: str, expect: str | None) -> None:
    """Prove a release from its data: its manifest, every checksum, schema and table rule.

    The manifest must list exactly the folder's files and agree with every figure the data
    gives. With --expect, its own sha256 must also be the one given (CHANGELOG.md and the
    Hub tag record it). Exit 0 when the release is intact, 1 with what failed where, 2 when
    there is no release at that path.
    """
    from ..release import verify as run_verify

    checked = run_verify(release, expect=expect)
    report = Report(
        problems=checked.problems,
        stats={"documents": checked.records},
        payload={"release": {"path": release}},
    )
    emit(report, fmt)
    if fmt == "text":
        for problem in report.problems:
            click.echo(problem.one_line())
        if report.valid:
            click.echo(f"{shown(release)}: OK ({checked.records} documents)")
    sys.exit(report.exit_code)


@click.command()
@click.argument("old", type=click.Path(file_okay=False))
@click.argument("new", type=click.Path(file_okay=False))
@FORMAT
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="Documents listed in text per kind (added, removed, changed); --format json lists all.",
)
def diff(old: str, new: str, fmt: str, limit: int) -> None:
    """Compare two releases: documents added, removed and changed, and why.

    A summary comes first: the counts, then per cause (the text, the schema, the parser, the
    provenance) the documents, fields and items that changed. Then each document with its
    file name and title; a changed one with its fields old -> new and its items per table
    (quotes +2 -1, speakers changed: 1). --format json gives all of it, with stable keys.
    """
    from ..release import diff as run_diff
    from ..release.diff_text import detail_lines, heading, summary_lines

    for path in (old, new):
        release_or_exit(path, fmt, diff=None)
    try:
        result = run_diff(old, new)
    except CmvisitError as exc:
        refuse(exc.problems, fmt, diff=None)
    if fmt == "json":
        stats = {kind: len(result[kind]) for kind in ("added", "removed", "changed")}
        emit(Report(stats=stats, payload={"diff": result}), fmt)
        return
    first, *causes = summary_lines(result)
    click.echo(f"{result['from']} -> {result['to']}: {first}")
    for line in causes:
        click.echo(f"  {line}")
    for table, rows in result["rows"].items():
        change = rows["to"] - rows["from"]
        click.echo(f"{table}: {rows['from']} -> {rows['to']} ({change:+d})")
    for kind in ("added", "removed", "changed"):
        entries = result[kind]
        if entries:
            click.echo(f"{kind}: {len(entries):,}")
        for entry in entries[:limit]:
            cause = f"  ({entry['cause']})" if kind == "changed" else ""
            click.echo(f"  {heading(entry)}{cause}")
            for line in detail_lines(entry) if kind == "changed" else []:
                click.echo(f"    {line}")
        if len(entries) > limit:
            click.echo(f"  … and {len(entries) - limit:,} more (--limit N, or --format json for all)")


@click.command()
@click.argument("release", type=click.Path(file_okay=False))
@click.option(
    "--repo-id",
    default=None,
    metavar="ORG/NAME",
    callback=_repo_id,
    help="Target dataset repository on the Hub, ORG/NAME (default: the one the release's card names; "
    "another is refused).",
)
@click.option("--dry-run", is_flag=True, help="Print the plan and upload nothing (no token needed).")
@FORMAT
def publish(release: str, repo_id: str | None, dry_run: bool, fmt: str) -> None:
    """Upload a verified release's hf/ folder to the Hub in one commit, tagged v<version>.

    The repository is the one the release's card names. The token comes from HF_TOKEN or the
    saved login (`huggingface-cli login`) and is never printed; without one, nothing is uploaded
    and the exit code is 1. With --dry-run, prints the plan (files, sizes, sha256, repository,
    tag) instead.
    """
    from ..release.publish import publish_release

    release_or_exit(release, fmt, plan=None)
    result = publish_release(release, repo_id, dry_run)
    target = result.plan.get("repo_id")
    files = result.plan.get("files", [])
    stats = {"files": len(files), "bytes": sum(item.get("bytes", 0) for item in files)}
    plan = {**result.plan, "upload": result.uploaded, "reason": result.reason, "commit": result.commit}
    report = Report(problems=list(result.problems), stats=stats, payload={"plan": plan})
    emit(report, fmt)
    if fmt == "text":
        _echo_problems(result.problems, fmt)
        if result.uploaded:
            tag = result.plan["tag"]
            click.echo(f"published {release} to dataset {target} at commit {result.commit}, tagged {tag}")
        elif result.ok:
            plan = result.plan
            click.echo(f"plan: upload {len(plan['files'])} files to dataset {target}, tag {plan['tag']}")
            for item in plan["files"]:
                click.echo(f"  {item['path']}  {item['bytes']:,} bytes  sha256 {item['sha256']}")
            click.echo(f"nothing uploaded ({result.reason})")
    sys.exit(0 if result.ok else max(1, report.exit_code))
