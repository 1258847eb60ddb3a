"""`python -m cmvisit_data.cli`: the same command line as the `cmvisit` script."""

from . import main

main()
