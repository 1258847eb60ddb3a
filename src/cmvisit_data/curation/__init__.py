"""Curation: a person's annotation of a document, checked against the document, applied to its
record, and the parser measured against it (issue 27)."""
