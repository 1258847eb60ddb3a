"""Curation: a person's annotation of a document, read, placed in its text and applied.

`annotations` reads an annotation file (the extraction contract's gold format, partial) and
places its texts in the document; `apply` puts the checked values into the parser's record;
`metrics` scores the parser against annotations. The build (`builder.process`) applies a
seed's annotation; `cmvisit annotate` writes a starting one, `cmvisit validate` checks them.
"""

from .annotations import CURATED_FIELDS, annotation_path, load_annotation, resolve
from .apply import apply

__all__ = ["CURATED_FIELDS", "annotation_path", "apply", "load_annotation", "resolve"]
