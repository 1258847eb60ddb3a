"""Validation: a record against the JSON Schema and its own offsets (`records`), and a
chunk's tables against their keys, spans and cross-table rules (`tables`)."""
