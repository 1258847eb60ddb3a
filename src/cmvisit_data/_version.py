"""The package's version: one line, imported by the public face and the release manifest alike."""

__version__ = "0.8.0"
