"""Engines: the ways the build's per-chunk step is mapped over the documents (`local`, a
process pool on this machine; `dask`, a Dask cluster). Both yield the chunks in order."""
