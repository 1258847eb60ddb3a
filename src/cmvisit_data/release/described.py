"""What a layout-2 release's card and croissant.json say about its data, checked against it.

In layout 2 the Hub's files are the release's tables (`release.layout`), so what the card's
YAML front matter and croissant.json tell a reader is part of the release: a card config whose
`path` names another table's file, a Croissant field read from another table's file, or an
enumeration listing other values would mislead every reader while each file keeps its sha256.
`verify` checks (releases 0.1.0 to 0.6.0, layout 1, are left as they were published):

- each config of the card reads exactly its own table's file (`data_file`), and the card
  has one config per table;
- each Croissant field (and sub-field) of a table's record set is read from a file object whose
  `contentUrl` is that table's file;
- each enumeration record set lists the values the schema allows (`tables.enum_values`).
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..hub.features import data_file
from ..tables import TABLE_NAMES, enum_values, table_schema
from . import audit

# The card's YAML front matter is read at most this long: the generated one is ~20 KB for six
# tables; a card whose front matter is larger is not one the build writes.
MAX_FRONT_MATTER_CHARS = 1 << 20


def _front_matter(text: str) -> str | None:
    """The YAML between the card's opening `---` line and the next one, or None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 4, 4 + MAX_FRONT_MATTER_CHARS)
    return None if end < 0 else text[4:end]


def _yaml(text: str) -> Any:
    """YAML read safely, with no aliases (a few bytes of aliases can expand a billionfold)."""
    import yaml

    class NoAliases(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("an alias (*name): the card's YAML has none")
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=NoAliases)  # a SafeLoader, without aliases


def _paths(data_files: Any) -> list[Any]:
    """The paths a config's `data_files` names, in any of the forms the Hub reads."""
    items = data_files if isinstance(data_files, list) else [data_files]
    out: list[Any] = []
    for item in items:
        path = item.get("path") if isinstance(item, dict) else item
        out.extend(path if isinstance(path, list) else [path])
    return out


def card_problems(data: bytes, where: str) -> list[Problem]:
    """The card's configs: one per table, each reading its own table's file and nothing else."""
    import yaml

    def problem(message: str, pointer: str = "/configs") -> Problem:
        return Problem("release-invalid", message, file=where, pointer=pointer)

    try:
        front = _front_matter(data.decode("utf-8"))
        meta = _yaml(front) if front is not None else None
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        return [problem(f"its YAML front matter cannot be read ({str(exc)[:200]})", "")]
    configs = meta.get("configs") if isinstance(meta, dict) else None
    if not isinstance(configs, list) or not all(isinstance(c, dict) for c in configs):
        return [problem("it has no YAML front matter with a list of configs")]
    names = [c.get("config_name") for c in configs]
    problems = []
    if sorted(map(str, names)) != sorted(TABLE_NAMES) or len(set(map(str, names))) != len(names):
        tables = list(TABLE_NAMES)
        problems.append(problem(f"its configs are {audit.short(names)}, not one per table {tables}"))
    for i, config in enumerate(configs):
        name = config.get("config_name")
        if name not in TABLE_NAMES:
            continue
        paths = _paths(config.get("data_files"))
        if paths != [data_file(name)]:
            problems.append(
                problem(f"config {name} reads {audit.short(paths)}, not its table's file "
                        f"{data_file(name)}", f"/configs/{i}/data_files")
            )  # fmt: skip
    return problems


def croissant_data_problems(data: bytes, where: str) -> list[Problem]:
    """Each table's Croissant fields are read from its own file; each enumeration lists the
    schema's values. `data` is croissant.json, which `audit.croissant_problems` found strict."""
    import json

    value = json.loads(data)

    def problem(message: str, pointer: str) -> Problem:
        return Problem("release-invalid", message, file=where, pointer=pointer)

    distribution = value.get("distribution")
    urls = {
        d.get("@id"): d.get("contentUrl")
        for d in (distribution if isinstance(distribution, list) else [])
        if isinstance(d, dict) and isinstance(d.get("@id"), str)
    }
    record_sets = value.get("recordSet")
    if not isinstance(record_sets, list):
        return [problem("it has no list of record sets", "/recordSet")]
    by_id = {r.get("@id"): (i, r) for i, r in enumerate(record_sets) if isinstance(r, dict)}
    problems = []
    for table in TABLE_NAMES:
        if table not in by_id:
            problems.append(problem(f"it has no record set of the {table} table", "/recordSet"))
            continue
        i, record_set = by_id[table]
        for pointer, source in _sources(record_set.get("field"), f"/recordSet/{i}/field"):
            file_object = source.get("fileObject") if isinstance(source, dict) else None
            file_id = file_object.get("@id") if isinstance(file_object, dict) else None
            url = urls.get(file_id) if isinstance(file_id, str) else None
            if url != data_file(table):
                problems.append(
                    problem(f"a field of {table} is read from {audit.short(url or file_id)}, not its "
                            f"table's file {data_file(table)}", f"{pointer}/source/fileObject")
                )  # fmt: skip
                break  # one per table: the rest say the same
        for column in [f.name for f in table_schema(table) if enum_values(table, f.name)]:
            problems += _enumeration(by_id, table, column, problem)
    return problems


def _sources(fields: Any, pointer: str) -> list[tuple[str, Any]]:
    """(pointer, source) of every field and sub-field in a record set's fields."""
    out: list[tuple[str, Any]] = []
    for j, field in enumerate(fields if isinstance(fields, list) else [None]):
        at = f"{pointer}/{j}"
        if not isinstance(field, dict):
            out.append((at, None))
            continue
        out.append((at, field.get("source")))
        if "subField" in field:
            out += _sources(field["subField"], f"{at}/subField")
    return out


def _enumeration(by_id: dict[Any, tuple[int, Any]], table: str, column: str, problem: Any) -> list[Problem]:
    """The enumeration record set of an enum column lists the schema's values, in order."""
    record_set = f"{table}_{column}_values"  # as hub.croissant names it
    allowed = enum_values(table, column)
    if record_set not in by_id:
        return [problem(f"it has no record set of the values of {table}.{column}", "/recordSet")]
    i, found = by_id[record_set]
    data = found.get("data")
    values = (
        [d.get(f"{record_set}/value") if isinstance(d, dict) else d for d in data]
        if isinstance(data, list)
        else data
    )
    if values != allowed:
        return [
            problem(f"it lists {audit.short(values)} as the values of {table}.{column}; the schema allows "
                    f"{audit.short(allowed)}", f"/recordSet/{i}/data")
        ]  # fmt: skip
    return []
