"""The seeds folder: its manifest (`manifest`: reading, checking, locking, writing entries)
and adding documents to it (`add`)."""
