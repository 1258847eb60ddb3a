"""The Croissant description of a release's Hub folder (mlcommons.org/croissant, 1.0).

Generated from the table schemas (`tables`, from the record schema's annotations): one record
set per table with its description and a field per column, and one enumeration record set per
enum column listing its values (the column `references` it). `datePublished` is the day the
release was built (its manifest's `released`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..hashing import sha256_of
from ..info import INFO
from ..tables import TABLE_DESCRIPTIONS, TABLE_NAMES, enum_values, table_schema
from .features import data_file

if TYPE_CHECKING:
    import pyarrow as pa

# The Croissant 1.0 JSON-LD context (the standard vocabulary of mlcommons.org/croissant).
CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "samplingRate": "cr:samplingRate",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}


def _croissant_type(field: pa.Field) -> tuple[str, bool]:
    import pyarrow as pa

    t = field.type
    repeated = pa.types.is_list(t)
    if repeated:
        t = t.value_type
    if pa.types.is_date32(t):
        return "sc:Date", repeated
    if pa.types.is_integer(t):
        return "sc:Integer", repeated
    if pa.types.is_boolean(t):
        return "sc:Boolean", repeated
    return "sc:Text", repeated


def _field(table: str, field: pa.Field, file_id: str) -> dict[str, Any]:
    """One column as a Croissant field (a struct's members as its sub-fields)."""
    import pyarrow as pa

    data_type, repeated = _croissant_type(field)
    entry: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table}/{field.name}",
        "name": field.name,
        "description": (field.metadata or {}).get(b"description", b"").decode(),
        "dataType": data_type,
        "source": {"fileObject": {"@id": file_id}, "extract": {"column": field.name}},
    }
    if pa.types.is_struct(field.type) or (repeated and pa.types.is_struct(field.type.value_type)):
        struct = field.type.value_type if repeated else field.type
        entry.pop("dataType")
        entry["subField"] = [
            {
                "@type": "cr:Field",
                "@id": f"{table}/{field.name}/{struct.field(i).name}",
                "name": struct.field(i).name,
                "dataType": _croissant_type(struct.field(i))[0],
                "source": {
                    "fileObject": {"@id": file_id},
                    "extract": {"column": field.name},
                    "transform": {"jsonPath": struct.field(i).name},
                },
            }
            for i in range(struct.num_fields)
        ]
    if repeated:
        entry["repeated"] = True
    if enum_values(table, field.name):
        entry["references"] = {"field": {"@id": f"{_enumeration_id(table, field.name)}/value"}}
    return entry


def _enumeration_id(table: str, column: str) -> str:
    return f"{table}_{column}_values"


def _enumeration(table: str, column: str) -> dict[str, Any]:
    """The allowed values of an enum column, as a Croissant enumeration record set."""
    record_set = _enumeration_id(table, column)
    values = enum_values(table, column) or []
    return {
        "@type": "cr:RecordSet",
        "@id": record_set,
        "name": record_set,
        "description": f"The values {table}.{column} takes.",
        "dataType": "sc:Enumeration",
        "key": {"@id": f"{record_set}/value"},
        "field": [
            {"@type": "cr:Field", "@id": f"{record_set}/value", "name": "value", "dataType": "sc:Text"}
        ],
        "data": [{f"{record_set}/value": value} for value in values],
    }


def croissant(manifest: dict[str, Any], hf: Path) -> dict[str, Any]:
    """Croissant 1.0 metadata describing every table and field of the Hub folder."""
    distribution = []
    record_sets = []
    for name in TABLE_NAMES:
        path = hf / data_file(name)
        file_id = f"{name}-parquet"
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": file_id,
                "name": file_id,
                "description": f"The {name} table.",
                "contentUrl": data_file(name),
                "contentSize": f"{path.stat().st_size} B",
                "encodingFormat": "application/x-parquet",
                "sha256": sha256_of(path),  # streamed: the documents file can be hundreds of MB
            }
        )
        fields = [_field(name, field, file_id) for field in table_schema(name)]
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": name,
                "name": name,
                "description": TABLE_DESCRIPTIONS[name],
                "field": fields,
            }
        )
        enums = [f.name for f in table_schema(name) if enum_values(name, f.name)]
        record_sets.extend(_enumeration(name, column) for column in enums)
    return {
        "@context": CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "name": INFO.name,
        "description": INFO.description,
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "citeAs": INFO.citation,
        # The licence as the card declares it: the annotations' terms, and the texts' (LICENSE.md).
        "license": [
            INFO.annotations_license_url,
            f"{INFO.license_name}: {INFO.texts_license} See LICENSE.md.",
        ],
        "url": INFO.homepage,
        "version": manifest["version"],
        # the day the release was built, as its manifest records it
        **({"datePublished": manifest["released"]} if "released" in manifest else {}),
        "inLanguage": list(INFO.languages),
        "distribution": distribution,
        "recordSet": record_sets,
    }
