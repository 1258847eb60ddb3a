"""The hf/ copy of a layout-1 release (0.1.0 to 0.6.0) checked against its tables: type for
type and row for row. (In layout 2 the Hub's file is the table: there is no copy.)

Each hf/ data file must be its table as the build of those releases wrote it: the columns
of the table, in its order, typed as the table's `datasets` features, with exactly those features in the
schema's `huggingface` metadata; and, row by row, the release table's values. Releases 0.1.0
and 0.2.0 stored each enum as a class-label id (`ClassLabel` of the schema's values) rather
than its string: that layout is the one other accepted, and its ids are read back as labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..errors import Problem
from ..tables import enum_values
from . import sealed as reading
from .audit import first_difference, short
from .parquet import COLUMNS_SINCE_1_2_0


@cache
def _layouts(table: str) -> tuple[tuple[Any, dict[str, list[str]]], ...]:
    """The accepted (features, class-label names by column) of a table's hf/ copy: enums as
    strings (since 0.3.0), or as class-label ids (0.1.0, 0.2.0)."""
    from datasets import ClassLabel, Features

    from ..hub.features import hf_features

    current = hf_features(table, "1.2.0")  # layout 1 ends before record schema 1.3.0
    # Layout-1 releases were built before the columns of HTML pages (record schema 1.2.0).
    current = Features({name: f for name, f in current.items() if name not in COLUMNS_SINCE_1_2_0})
    labels = {name: enum_values(table, name) for name in current}
    labels = {name: values for name, values in labels.items() if values}
    legacy = Features(
        {
            name: ClassLabel(names=labels[name]) if name in labels else feature
            for name, feature in current.items()
        }
    )
    return (current, {}), (legacy, labels)


def schema_problems(table: str, file: Any, where: str) -> tuple[dict[str, list[str]] | None, list[Problem]]:
    """The hf/ file's columns, types and features metadata are one accepted layout's; gives
    that layout's class-label columns (to read ids back as labels)."""
    from ..hub.features import hf_schema

    got = file.schema_arrow
    for features, labels in _layouts(table):
        want = hf_schema(features)
        if got.remove_metadata().equals(want.remove_metadata()) and got.metadata == want.metadata:
            return labels, []
    shape = [(f.name, str(f.type)) for f in got]
    wanted = [(f.name, str(f.type)) for f in _layouts(table)[0][0].arrow_schema]
    detail = "its columns or types differ" if shape != wanted else "its huggingface features metadata differs"
    return None, [
        Problem(
            "release-invalid",
            f"not the {table} table as the Hub copy holds it: {detail}",
            file=where,
            table=table,
        )
    ]


def _aligned(a: Iterator[Any], b: Iterator[Any]) -> Iterator[tuple[Any, Any]]:
    """Two streams of record batches cut into pairs of slices of equal length."""
    x = y = None
    while True:
        while x is None or not len(x):
            x = next(a, None)
            if x is None:
                return
        while y is None or not len(y):
            y = next(b, None)
            if y is None:
                return
        n = min(len(x), len(y))
        yield x.slice(0, n), y.slice(0, n)
        x, y = x.slice(n), y.slice(n)


def row_problems(
    table: str, release: tuple[Any, Any], hf: tuple[Any, Any], labels: dict[str, list[str]]
) -> list[Problem]:
    """The hf/ copy holds the release table's rows, value for value, in order (the first
    difference is reported, shortened: a release row and column, and the two values)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    release_sealed, release_file = release
    hf_sealed, hf_file = hf
    current = _layouts(table)[0][0].arrow_schema
    names = release_file.schema_arrow.names
    decode = {name: pa.array(values, pa.string()) for name, values in labels.items()}
    seen = 0
    pairs = _aligned(reading.batches(release_sealed, release_file), reading.batches(hf_sealed, hf_file))
    for ours, theirs in pairs:
        for name in names:
            mine = ours.column(name).cast(current.field(name).type)
            copy = theirs.column(name)
            if name in decode:
                if (
                    pc.any(pc.greater_equal(copy, len(decode[name]))).as_py()
                    or pc.any(pc.less(copy, 0)).as_py()
                ):
                    copy = pa.nulls(len(copy), pa.string())  # an id no label has: differs below
                else:
                    copy = decode[name].take(copy)
            if not mine.equals(copy):
                return [_difference(table, hf_sealed.path, name, ours, mine, copy, seen)]
        seen += len(ours)
    return []


def _difference(
    table: str, where: str, column: str, batch: Any, mine: Any, copy: Any, offset: int
) -> Problem:
    a, b = mine.to_pylist(), copy.to_pylist()
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), 0)
    key = batch.column("doc_id")[i].as_py()
    row = key if "position" not in batch.schema.names else f"{key}/{batch.column('position')[i].as_py()}"
    pointer, x, y = first_difference(a[i], b[i]) or ("", a[i], b[i])
    return Problem(
        "release-invalid",
        f"the Hub copy differs from {table}.parquet (row {offset + i}"
        f"{', at ' + pointer if pointer else ''}): the release has {short(x)}, the copy {short(y)}",
        file=where,
        table=table,
        row=row,
        field=column,
    )
