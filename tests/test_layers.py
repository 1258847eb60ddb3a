"""The package's layers, checked from its source: the data flows bytes -> lines -> record ->
tables -> their description -> release -> publication and loading, and no module imports from
a later stage than its own. No import cycle; modules of at most 500 lines, functions of at most
80 (issue 25). The stages are declared here, once: a new module must be given one."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cmvisit_data

PACKAGE = Path(cmvisit_data.__file__).parent
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

# Stage of each module or package (the longest matching prefix wins), in the order data flows.
STAGES: dict[str, int] = {
    # 0: facts, rules and helpers every stage may use
    "_version": 0, "errors": 0, "rules": 0, "patterns": 0, "memo": 0, "ordered": 0, "atomic": 0,
    "hashing": 0, "contract": 0, "published": 0, "parquet_options": 0, "info": 0,
    # the process pools that run a step over many documents (the step is theirs to be given)
    "engines": 0,
    # 1: bytes -> text, or JSON
    "inputs": 1, "strictjson": 1, "pages": 1, "pages.encoding": 1,
    # 2: text -> lines -> the parsed parts
    "segment": 2, "header": 2, "extract": 2, "parse": 2, "pages.render": 2,
    # 3: the parts -> one validated record; the seeds that hold the documents
    "record": 3, "validation.records": 3, "seeds": 3, "intake": 3, "curation": 3,
    # 4: records -> typed tables, checked; the per-document contract and its batches
    "tables": 4, "dedup": 4, "validation.tables": 4, "builder": 4, "batch": 4,
    # 5: the tables described for readers (Hub features, Croissant, the card, the Hub repository id)
    "hub": 5,
    # the review page of records (parsed documents, compared with their annotations)
    "review": 5,
    # 6: a release: built, cut, verified, compared
    "release": 6,
    # 7: what users run: publishing, loading, the command line
    "release.publish": 7, "review.release": 7, "loader": 7, "cli": 7, "__init__": 7,
}  # fmt: skip


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def stage_of(name: str) -> int:
    parts = name.split(".")
    for k in range(len(parts), 0, -1):
        if ".".join(parts[:k]) in STAGES:
            return STAGES[".".join(parts[:k])]
    raise AssertionError(f"{name} has no stage: give it one in STAGES")


def _imports(name: str, path: Path) -> set[str]:
    """The package's modules that name imports, at any depth of its code."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.split(".")[0] == "cmvisit_data":
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # "from . import rules" names a module; "from .x import f" does not
                joined = ".".join([*target, alias.name])
                found.add(joined if joined in MODULES else ".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "cmvisit_data":
                    found.add(".".join(alias.name.split(".")[1:]))
    return {m for m in found if m and m != name and m in MODULES}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items() if name != "__init__"}


@pytest.mark.parametrize("name", sorted(GRAPH))
def test_no_module_imports_from_a_later_stage(name: str) -> None:
    later = sorted(m for m in GRAPH[name] if stage_of(m) > stage_of(name))
    assert not later, f"{name} (stage {stage_of(name)}) imports later stages: {later}"


def test_there_is_no_import_cycle() -> None:
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for m in sorted(GRAPH.get(name, ())):
            visit(m, [*path, name])
        done.add(name)

    for name in sorted(GRAPH):
        visit(name, [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_functions_stay_small(name: str) -> None:
    source = MODULES[name].read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{name}: {source.count(chr(10))} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{name}: {long}"


def test_the_checks_see_an_import_from_a_later_stage(tmp_path: Path) -> None:
    """The reader of imports itself: a relative import of a later stage is found."""
    module = tmp_path / "probe.py"
    module.write_text("from ..release.verify import verify\nfrom .. import rules\n", encoding="utf-8")
    assert _imports("extract.probe", module) == {"release.verify", "rules"}
